// w2v: train word2vec on a corpus, export the app's vectors, and evaluate and query vectors.
#include <cstdio>
#include <string>

#include "commands.hpp"

namespace {

const char* kUsage = R"(usage: w2v COMMAND [options]

  train      --input CORPUS(.gz|.xz) --output VECTORS [--format binary|text] [--context-output FILE]
             [--dim 100] [--window 5] [--negatives 5] [--min-count 5] [--max-vocab 0] [--sample 1e-4]
             [--epochs 5] [--lr 0.025] [--decay linear|none] [--threads 1] [--cbow] [--softmax] [--seed 1]
             [--normalise]   ordinary text: lower case, a line per sentence, punctuation removed
  export     --input VECTORS --output FILE [--format compact|text|binary] [--max-words N]
             [--dictionary WORDLIST [--no-names]] [--plain-words]
  eval       --vectors FILE [--analogies FILE] [--method add|mul] [--similarity FILE --columns 2,4,5]
             [--restrict N] [--json]
  neighbours --vectors FILE WORD... [--k 10] [--json]
  analogy    --vectors FILE A B C [--k 10] [--method add|mul] [--json]      (A − B + C)
  generate   [--sentences 5000] [--seed 1]     the seeded Danish practice corpus, on stdout

  --json     answers as JSON on stdout, scores with 9 significant digits (the exact float)
)";

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    const std::string command = argv[1];
    const w2v::Options options(argc, argv, 2);
    if (command == "train") return w2v::trainCommand(options);
    if (command == "export") return w2v::exportCommand(options);
    if (command == "eval") return w2v::evalCommand(options);
    if (command == "neighbours" || command == "neighbors") return w2v::neighboursCommand(options);
    if (command == "analogy") return w2v::analogyCommand(options);
    if (command == "generate") return w2v::generateCommand(options);
    std::fputs(kUsage, stderr);
    return 2;
}
