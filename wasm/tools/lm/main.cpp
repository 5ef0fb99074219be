// lm: the language models of the text-generation notes from the command line — N-gram models
// scored on held-out text and continuing a prompt, pruned N-gram models written as the page's
// default model files, and the neural language model trained.
#include <cstdio>
#include <cstring>
#include <set>
#include <string>

#include "commands.hpp"

namespace {

const char* kUsage = R"(usage: lm COMMAND [options]

  ngram-eval    --input TEXT(.gz|.xz) [--held-out FILE | --split 0.9] [--orders 1-5] [--max-words N]
                [--sentence-ends] [--json]
                held-out loss per word (nats) and perplexity of the N-gram models, N = 1…5 (smoothed:
                absolute discounting down to add-one single-word counts), with the words and unknown words
  ngram-sample  (--input TEXT | --model FILE.aing) --prompt "..." [--order 3] [--count 30] [--temperature 1] [--greedy]
                [--top-k 0] [--top-p 1] [--backoff] [--seed 1] [--max-words N] [--sentence-ends] [--json]
                continues the prompt word by word; prompt words not in the text are left out (named on
                stderr); a context the text never has ends the continuation (--backoff: a shorter one);
                --model: a pruned model written by ngram-export (its own words and sentence ends)
  ngram-export  --input TEXT --output FILE.aing [--held-out FILE | --split 0.9] [--min-count 2 | 2,2,2,3,3]
                [--set-bits 10] [--description "..."] [--max-words N] [--every K] [--sentence-ends] [--json]
                counts N = 1…5 in the text, keeps the words and n-grams counted at least --min-count times
                (one number for every order, or five), and writes the pruned model with a set of the
                text's 6-grams (false positives about 2^-set-bits) and the held-out ladder of the pruned
                and the unpruned counts; prints what was kept and the bytes of each part
  neural-train  --input TEXT [--held-out FILE | --split 0.9] [--context 3] [--hidden 50] [--dim 50]
                [--vectors W2V.txt] [--train-embeddings] [--activation sigmoid|tanh|relu|identity]
                [--optimiser adam|sgd] [--lr 0.01] [--batch 32] [--epochs 1] [--max-vocab 5000]
                [--max-words N] [--seed 1] [--threads 1] [--sentence-ends] [--json]
                the notes' neural language model: per epoch the training loss per word, the held-out
                loss per word and perplexity, and words per second; words outside the --max-vocab most
                frequent (0: none) are one word "<ukendt>"; prints the weight count d·(1 + c·m + V) + V

  TEXT           ordinary text (.txt, .gz or .xz), read as the word2vec pages read it: lower case,
                 punctuation ends a word; . ! ? ; : and line breaks end a sentence
  --split f      the first f of the text's lines train, the rest is held out (the default: 0.9)
  --max-words N  read only the lines that hold the text's first N words
  --every K      read only every K-th line of the file (lines 1, K + 1, 2K + 1, ...): a subset spread
                 over the whole text
  --sentence-ends  a "." word after each sentence (left out by default, as in the notes)
  --vectors      word2vec vectors (text or binary); words not in the file get small random vectors;
                 without it the vectors are random (seeded)
  --threads      threads for the held-out evaluations (training itself is one thread)
  --json         answers as JSON on stdout, numbers with 17 significant digits (the exact double)
)";

// The options each command takes: value options, and flags (which take no value).
struct Known {
    std::set<std::string> values, flags;
};

Known knownOptions(const std::string& command) {
    if (command == "ngram-eval")
        return {{"input", "held-out", "split", "orders", "max-words", "every"}, {"sentence-ends", "json"}};
    if (command == "ngram-sample")
        return {{"input", "model", "prompt", "order", "count", "temperature", "top-k", "top-p", "seed", "max-words", "every"},
                {"greedy", "backoff", "sentence-ends", "json"}};
    if (command == "ngram-export")
        return {{"input", "output", "held-out", "split", "min-count", "set-bits", "description", "max-words", "every"},
                {"sentence-ends", "json"}};
    return {{"input", "held-out", "split", "context", "hidden", "dim", "vectors", "activation", "optimiser", "lr",
             "batch", "epochs", "max-vocab", "max-words", "seed", "threads"},
            {"train-embeddings", "sentence-ends", "json"}};
}

// The command line read as w2v::Options reads it, refusing what it would silently ignore: an
// option the command does not know, a value option without a value, a stray word.
bool checkArguments(const std::string& command, int argc, char** argv) {
    const Known known = knownOptions(command);
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool nextIsValue = i + 1 < argc && std::strncmp(argv[i + 1], "--", 2) != 0;
        if (arg.rfind("--", 0) != 0) {
            std::fprintf(stderr, "lm %s: unexpected \"%s\" (values follow their option: --name value)\n", command.c_str(),
                         arg.c_str());
            return false;
        }
        const std::string name = arg.substr(2);
        if (known.flags.count(name)) {
            if (nextIsValue) {
                std::fprintf(stderr, "lm %s: --%s takes no value (\"%s\")\n", command.c_str(), name.c_str(), argv[i + 1]);
                return false;
            }
        } else if (known.values.count(name)) {
            if (!nextIsValue) {
                std::fprintf(stderr, "lm %s: --%s needs a value\n", command.c_str(), name.c_str());
                return false;
            }
            ++i;
        } else {
            std::fprintf(stderr, "lm %s: unknown option --%s (lm without arguments lists them)\n", command.c_str(),
                         name.c_str());
            return false;
        }
    }
    return true;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fputs(kUsage, stderr);
        return 2;
    }
    const std::string command = argv[1];
    if (command == "help" || command == "--help" || command == "-h") {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (command != "ngram-eval" && command != "ngram-sample" && command != "ngram-export" && command != "neural-train") {
        std::fprintf(stderr, "lm: unknown command \"%s\"\n\n", command.c_str());
        std::fputs(kUsage, stderr);
        return 2;
    }
    if (!checkArguments(command, argc, argv)) return 2;
    const lm::Options options(argc, argv, 2);
    if (command == "ngram-eval") return lm::ngramEvalCommand(options);
    if (command == "ngram-sample") return lm::ngramSampleCommand(options);
    if (command == "ngram-export") return lm::ngramExportCommand(options);
    return lm::neuralTrainCommand(options);
}
