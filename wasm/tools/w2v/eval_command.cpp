// w2v eval: analogies (questions-words format, top-1 accuracy and coverage, per section) and
// similarity sets (Spearman), over the vectors as given or their N most frequent words.
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "commands.hpp"
#include "text_source.hpp"
#include "vectors_file.hpp"
#include "word2vec/evaluation.hpp"

namespace w2v {

using namespace vaerksted::word2vec;

namespace {

std::vector<std::string> splitFields(std::string_view line) {
    std::vector<std::string> out;
    std::string field;
    for (char c : line) {
        if (c == ',' || c == ';' || c == '\t') {
            out.push_back(field);
            field.clear();
        } else if (c != '\r') {
            field.push_back(c);
        }
    }
    out.push_back(field);
    return out;
}

// Rows "word1, word2, score" (comma, semicolon or tab); columns picks them, 1-based ("2,4,5").
// A row whose score is not a number (a header) is skipped.
std::vector<SimilarityPair> parseSimilarity(const std::string& text, const std::string& columns) {
    int a = 1, b = 2, s = 3;
    if (!columns.empty()) std::sscanf(columns.c_str(), "%d,%d,%d", &a, &b, &s);
    std::vector<SimilarityPair> pairs;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const auto fields = splitFields(std::string_view(text).substr(start, end - start));
        start = end + 1;
        const int need = std::max({a, b, s});
        if (static_cast<int>(fields.size()) < need) continue;
        char* rest = nullptr;
        const double score = std::strtod(fields[s - 1].c_str(), &rest);
        if (rest == fields[s - 1].c_str() || fields[a - 1].empty() || fields[b - 1].empty()) continue;
        pairs.push_back({fields[a - 1], fields[b - 1], score});
    }
    return pairs;
}

}  // namespace

int evalCommand(const Options& o) {
    std::string error;
    LoadedVectors loaded;
    if (!o.has("vectors") || !loadVectors(o.text("vectors"), loaded, error)) {
        std::fprintf(stderr, "w2v eval: %s\n", error.empty() ? "needs --vectors FILE" : error.c_str());
        return 2;
    }
    const std::size_t restrict = static_cast<std::size_t>(o.integer("restrict", 0));
    if (restrict > 0 && restrict < loaded.words.size()) {
        loaded.words.resize(restrict);
        loaded.rows.resize(restrict * static_cast<std::size_t>(loaded.dim));
    }
    const VectorSpace space(std::move(loaded.words), loaded.dim, std::move(loaded.rows));
    const bool json = o.has("json");
    std::string out = "{\"words\": " + std::to_string(space.size());
    if (o.has("analogies")) {
        const std::string text = readAll(o.text("analogies"), error);
        if (!error.empty()) {
            std::fprintf(stderr, "w2v eval: %s\n", error.c_str());
            return 1;
        }
        const AnalogyMethod method = o.text("method", "add") == "mul" ? AnalogyMethod::CosMul : AnalogyMethod::CosAdd;
        const AnalogyScore score = evaluateAnalogies(space, parseAnalogies(text), method);
        if (!json) {
            std::printf("analogies: %d of %d questions covered (%.1f %%), top-1 accuracy %.1f %% (%d correct)\n",
                        score.covered, score.total, 100 * score.coverage(), 100 * score.accuracy(), score.correct);
            for (const auto& [name, s] : score.sections)
                std::printf("  %-28s %5d of %5d covered  %5.1f %%\n", name.c_str(), s.covered, s.total,
                            s.covered ? 100.0 * s.correct / s.covered : 0.0);
        }
        out += ", \"analogyTotal\": " + std::to_string(score.total) + ", \"analogyCovered\": " + std::to_string(score.covered) +
               ", \"analogyCorrect\": " + std::to_string(score.correct);
    }
    if (o.has("similarity")) {
        const std::string text = readAll(o.text("similarity"), error);
        if (!error.empty()) {
            std::fprintf(stderr, "w2v eval: %s\n", error.c_str());
            return 1;
        }
        const SimilarityScore score = evaluateSimilarity(space, parseSimilarity(text, o.text("columns")));
        if (!json) std::printf("similarity: %d of %d pairs covered, Spearman %.3f\n", score.covered, score.total, score.spearman);
        char number[32];
        std::snprintf(number, sizeof number, "%.6f", score.spearman);
        out += ", \"similarityTotal\": " + std::to_string(score.total) + ", \"similarityCovered\": " +
               std::to_string(score.covered) + ", \"spearman\": " + number;
    }
    if (json) std::printf("%s}\n", out.c_str());
    return 0;
}

}  // namespace w2v
