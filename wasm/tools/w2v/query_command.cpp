// w2v neighbours WORD… and w2v analogy A B C (A − B + C): quick questions from the command line.
// With --json the answers come as one JSON object on stdout, scores with 9 significant digits (enough
// to give back the exact float), for scripts and for the tests that compare the wasm module with it.
#include <cmath>
#include <cstdio>
#include <string>

#include "commands.hpp"
#include "json_text.hpp"
#include "vectors_file.hpp"
#include "word2vec/evaluation.hpp"

namespace w2v {

using tools::jsonString;

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


// [{"word": …, "index": …, "score": …}, …] best first; a score that is not finite (zero vectors
// give none, but JSON has no NaN) is null.
std::string jsonMatches(const VectorSpace& space, const std::vector<Match>& matches) {
    std::string out = "[";
    for (std::size_t i = 0; i < matches.size(); ++i) {
        const Match& m = matches[i];
        char score[32] = "null";
        if (std::isfinite(m.score)) std::snprintf(score, sizeof score, "%.9g", static_cast<double>(m.score));
        out += (i ? ", " : "") + std::string("{\"word\": ") + jsonString(space.vocabulary().word(m.word)) +
               ", \"index\": " + std::to_string(m.word) + ", \"score\": " + score + "}";
    }
    return out + "]";
}

}  // namespace

// --json: {"queries": [{"word": "konge", "index": 3, "neighbours": [{"word", "index", "score"}, …]}, …]};
// an unknown word has index −1 and no neighbours.
int neighboursCommand(const Options& o) {
    const bool json = o.has("json");
    VectorSpace space;
    if (!load(o, space)) return 1;
    const int k = static_cast<int>(o.integer("k", 10));
    std::string out = "{\"queries\": [";
    for (std::size_t q = 0; q < o.words().size(); ++q) {
        const std::string word = lowerCase(o.words()[q]);
        const int index = space.find(word);
        if (json) {
            out += (q ? ",\n  " : "\n  ") + std::string("{\"word\": ") + jsonString(word) +
                   ", \"index\": " + std::to_string(index) + ", \"neighbours\": " +
                   (index < 0 ? "[]" : jsonMatches(space, space.neighbours(index, k))) + "}";
            continue;
        }
        std::printf("%s:\n", word.c_str());
        if (index < 0) std::printf("  (unknown)\n");
        else print(space, space.neighbours(index, k));
    }
    if (json) std::printf("%s\n]}\n", out.c_str());
    return 0;
}

// --json: {"a", "b", "c" (lower-cased), "method": "add"|"mul", "answers": [{"word", "index", "score"}, …]}
int analogyCommand(const Options& o) {
    const bool json = o.has("json");
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
    const bool mul = o.text("method", "add") == "mul";
    const std::vector<Match> answers = space.analogy(index[0], index[1], index[2], static_cast<int>(o.integer("k", 10)),
                                                     mul ? AnalogyMethod::CosMul : AnalogyMethod::CosAdd);
    if (json) {
        std::printf("{\"a\": %s, \"b\": %s, \"c\": %s, \"method\": \"%s\",\n \"answers\": %s}\n",
                    jsonString(lowerCase(o.words()[0])).c_str(), jsonString(lowerCase(o.words()[1])).c_str(),
                    jsonString(lowerCase(o.words()[2])).c_str(), mul ? "mul" : "add", jsonMatches(space, answers).c_str());
        return 0;
    }
    std::printf("%s − %s + %s:\n", o.words()[0].c_str(), o.words()[1].c_str(), o.words()[2].c_str());
    print(space, answers);
    return 0;
}

}  // namespace w2v
