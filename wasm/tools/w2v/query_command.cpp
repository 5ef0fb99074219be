// w2v neighbours WORD… and w2v analogy A B C (A − B + C): quick questions from the command line.
#include <cstdio>

#include "commands.hpp"
#include "vectors_file.hpp"
#include "word2vec/evaluation.hpp"

namespace w2v {

using namespace vaerksted::word2vec;

namespace {

bool load(const Options& o, VectorSpace& space) {
    std::string error;
    if (!o.has("vectors") || !loadSpace(o.text("vectors"), space, error)) {
        std::fprintf(stderr, "w2v: %s\n", error.empty() ? "needs --vectors FILE" : error.c_str());
        return false;
    }
    return true;
}

void print(const VectorSpace& space, const std::vector<Match>& matches) {
    for (const Match& m : matches) std::printf("  %-24s %.4f\n", space.vocabulary().word(m.word).c_str(), m.score);
}

}  // namespace

int neighboursCommand(const Options& o) {
    VectorSpace space;
    if (!load(o, space)) return 1;
    const int k = static_cast<int>(o.integer("k", 10));
    for (const std::string& raw : o.words()) {
        const std::string word = lowerCase(raw);
        const int index = space.find(word);
        std::printf("%s:\n", word.c_str());
        if (index < 0) std::printf("  (unknown)\n");
        else print(space, space.neighbours(index, k));
    }
    return 0;
}

int analogyCommand(const Options& o) {
    VectorSpace space;
    if (!load(o, space)) return 1;
    if (o.words().size() != 3) {
        std::fprintf(stderr, "w2v analogy: give three words A B C for A − B + C\n");
        return 2;
    }
    int index[3];
    for (int i = 0; i < 3; ++i) {
        index[i] = space.find(lowerCase(o.words()[static_cast<std::size_t>(i)]));
        if (index[i] < 0) {
            std::fprintf(stderr, "w2v analogy: unknown word %s\n", o.words()[static_cast<std::size_t>(i)].c_str());
            return 1;
        }
    }
    const AnalogyMethod method = o.text("method", "add") == "mul" ? AnalogyMethod::CosMul : AnalogyMethod::CosAdd;
    std::printf("%s − %s + %s:\n", o.words()[0].c_str(), o.words()[1].c_str(), o.words()[2].c_str());
    print(space, space.analogy(index[0], index[1], index[2], static_cast<int>(o.integer("k", 10)), method));
    return 0;
}

}  // namespace w2v
