// Native side of the word2vec part of `npm run bench`: loads a vector file with the core's
// parseVectors, runs the given queries on a VectorSpace and prints, as JSON, the time of each and
// its best answer (so that the bench can check wasm and JavaScript give the same).
// Usage: vector_query_bench <vectors> <queries.txt> [k]
//   queries.txt: one query per line; one word = its k nearest neighbours, three words A B C = the
//   analogy A − B + C (3CosAdd).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "word2vec/vector_io.hpp"
#include "word2vec/vector_space.hpp"

using namespace vaerksted::word2vec;

namespace {

using Clock = std::chrono::steady_clock;

bool readFile(const char* path, std::string& bytes) {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    return static_cast<bool>(in) || in.eof();
}

std::vector<std::vector<std::string>> readQueries(const char* path) {
    std::vector<std::vector<std::string>> queries;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::vector<std::string> query{std::istream_iterator<std::string>(words), std::istream_iterator<std::string>()};
        if (!query.empty()) queries.push_back(std::move(query));
    }
    return queries;
}

// A JSON string: words may hold quotes, backslashes or (in odd files) control bytes; UTF-8 passes.
std::string json(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') (out += '\\') += c;
        else if (static_cast<unsigned char>(c) < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
            out += escaped;
        } else out += c;
    }
    return out + '"';
}

// Looks up the words and answers one query, as the page does: find, then ask.
std::vector<Match> answer(const VectorSpace& space, const std::vector<std::string>& query, int k) {
    std::vector<int> index;
    for (const std::string& word : query) index.push_back(space.find(word));
    for (const int i : index)
        if (i < 0) return {};
    if (index.size() == 1) return space.neighbours(index[0], k);
    if (index.size() == 3) return space.analogy(index[0], index[1], index[2], k, AnalogyMethod::CosAdd);
    return {};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: vector_query_bench <vectors> <queries.txt> [k]\n");
        return 2;
    }
    const int k = argc > 3 ? std::atoi(argv[3]) : 10;
    std::string bytes;
    if (!readFile(argv[1], bytes)) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    const auto loadBegan = Clock::now();
    LoadedVectors loaded;
    const VectorProblem problem = parseVectors(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                                               VectorFormat::Auto, loaded);
    if (!problem.ok()) {
        std::fprintf(stderr, "%s: %s\n", argv[1], vectorStatusName(problem.status));
        return 1;
    }
    const VectorSpace space(std::move(loaded.words), loaded.dim, std::move(loaded.rows));
    const double loadSeconds = std::chrono::duration<double>(Clock::now() - loadBegan).count();

    std::printf("{\"words\": %d, \"dim\": %d, \"loadSeconds\": %.4f, \"queries\": [", space.size(), space.dim(), loadSeconds);
    const auto queries = readQueries(argv[2]);
    for (std::size_t q = 0; q < queries.size(); ++q) {
        const auto began = Clock::now();
        const std::vector<Match> matches = answer(space, queries[q], k);
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - began).count();
        if (matches.empty()) {
            std::fprintf(stderr, "query %zu: unknown word or not 1 or 3 words\n", q + 1);
            return 1;
        }
        std::printf("%s\n  {\"ms\": %.4f, \"top\": %s, \"score\": %.9g}", q ? "," : "", ms,
                    json(space.vocabulary().word(matches[0].word)).c_str(), matches[0].score);
    }
    std::printf("\n]}\n");
    return 0;
}
