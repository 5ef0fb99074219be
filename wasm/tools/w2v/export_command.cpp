// w2v export: the app's default vectors — the most frequent words that are real words (found in a
// dictionary, made of letters), L2-normalised and written in the compact format (or text/binary).
#include <cstdio>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_set>

#include "commands.hpp"
#include "text_source.hpp"
#include "vectors_file.hpp"
#include "word2vec/evaluation.hpp"

namespace w2v {

using namespace vaerksted::word2vec;

namespace {

// Lower-case letters a–z, æ, ø, å, é, in groups joined by single hyphens: "dronning", "tv-stue".
bool plainDanishWord(const std::string& word) {
    bool letterBefore = false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(word[i]);
        if (c >= 'a' && c <= 'z') {
            letterBefore = true;
        } else if (c == '-' && letterBefore && i + 1 < word.size()) {
            letterBefore = false;
        } else if (c == 0xC3 && i + 1 < word.size()) {
            const unsigned char next = static_cast<unsigned char>(word[++i]);
            if (next != 0xA6 && next != 0xB8 && next != 0xA5 && next != 0xA9) return false;  // æ ø å é
            letterBefore = true;
        } else {
            return false;
        }
    }
    return letterBefore;
}

}  // namespace

int exportCommand(const Options& o) {
    if (!o.has("input") || !o.has("output")) {
        std::fprintf(stderr, "w2v export: needs --input VECTORS and --output FILE\n");
        return 2;
    }
    std::string error;
    LoadedVectors loaded;
    if (!loadVectors(o.text("input"), loaded, error)) {
        std::fprintf(stderr, "w2v export: %s\n", error.c_str());
        return 1;
    }
    std::unordered_set<std::string> dictionary;
    const bool noNames = o.has("no-names");
    if (o.has("dictionary")) {
        const std::string text = readAll(o.text("dictionary"), error);
        if (!error.empty()) {
            std::fprintf(stderr, "w2v export: %s\n", error.c_str());
            return 1;
        }
        std::size_t start = 0;
        while (start < text.size()) {
            const std::size_t end = std::min(text.find('\n', start), text.size());
            const std::string entry(std::string_view(text).substr(start, end - start));
            // --no-names: an entry the dictionary writes with a capital (Inger, Else, Paris) is a name;
            // first names crowd the neighbour lists of 19th-century literature.
            if (!noNames || lowerCase(entry) == entry) dictionary.insert(lowerCase(entry));
            start = end + 1;
        }
    }
    const std::size_t limit = static_cast<std::size_t>(o.integer("max-words", 0));
    const bool plain = o.has("plain-words");
    std::vector<std::string> words;
    std::vector<float> rows;
    const int dim = loaded.dim;
    for (std::size_t w = 0; w < loaded.words.size() && (limit == 0 || words.size() < limit); ++w) {
        const std::string& word = loaded.words[w];
        if (plain && !plainDanishWord(word)) continue;
        if (!dictionary.empty() && !dictionary.count(word)) continue;
        words.push_back(word);
        // L2-normalised: the explorer only ever compares directions, and quantisation is kinder to them.
        const float* v = loaded.rows.data() + w * static_cast<std::size_t>(dim);
        double norm = 0;
        for (int i = 0; i < dim; ++i) norm += static_cast<double>(v[i]) * v[i];
        const float inverse = norm > 0 ? static_cast<float>(1 / std::sqrt(norm)) : 0.0f;
        for (int i = 0; i < dim; ++i) rows.push_back(v[i] * inverse);
    }
    const std::string format = o.text("format", "compact");
    const auto bytes = format == "text" ? writeWord2VecText(words, dim, rows)
                       : format == "binary" ? writeWord2VecBinary(words, dim, rows)
                                            : writeCompact(words, dim, rows);
    if (!writeFile(o.text("output"), bytes, error)) {
        std::fprintf(stderr, "w2v export: %s\n", error.c_str());
        return 1;
    }
    std::fprintf(stderr, "%zu of %zu words written to %s (%zu bytes)\n", words.size(), loaded.words.size(),
                 o.text("output").c_str(), bytes.size());
    return 0;
}

}  // namespace w2v
