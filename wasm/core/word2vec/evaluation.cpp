#include "word2vec/evaluation.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace vaerksted::word2vec {

std::string lowerCase(std::string_view text) {
    std::string out(text);
    for (std::size_t i = 0; i < out.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c + 32);
        // UTF-8 C3 80 … C3 9E are À … Þ; their lower-case letters are 32 higher (but not × = C3 97).
        if (c == 0xC3 && i + 1 < out.size()) {
            const unsigned char next = static_cast<unsigned char>(out[i + 1]);
            if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 32);
            ++i;
        }
    }
    return out;
}

namespace {

std::vector<std::string_view> fields(std::string_view line) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < line.size()) {
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\r')) ++i;
        const std::size_t start = i;
        while (i < line.size() && line[i] != ' ' && line[i] != '\t' && line[i] != '\r') ++i;
        if (i > start) out.push_back(line.substr(start, i - start));
    }
    return out;
}

std::vector<double> ranks(const std::vector<double>& values) {
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    std::vector<double> rank(values.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
        const double mean = (static_cast<double>(i) + static_cast<double>(j)) / 2.0 + 1.0;
        for (std::size_t k = i; k <= j; ++k) rank[order[k]] = mean;
        i = j + 1;
    }
    return rank;
}

}  // namespace

std::vector<AnalogyQuestion> parseAnalogies(std::string_view text) {
    std::vector<AnalogyQuestion> questions;
    std::string section;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        const auto words = fields(text.substr(start, end - start));
        start = end + 1;
        if (!words.empty() && words[0] == ":") section = words.size() > 1 ? std::string(words[1]) : "";
        else if (words.size() == 4)  // other lines are not questions
            questions.push_back({section, lowerCase(words[0]), lowerCase(words[1]), lowerCase(words[2]), lowerCase(words[3])});
    }
    return questions;
}

AnalogyScore evaluateAnalogies(const VectorSpace& space, const std::vector<AnalogyQuestion>& questions,
                               AnalogyMethod method) {
    AnalogyScore score;
    for (const AnalogyQuestion& q : questions) {
        SectionScore& section = score.sections[q.section];
        ++score.total;
        ++section.total;
        const int a = space.find(q.a), b = space.find(q.b), c = space.find(q.c), d = space.find(q.d);
        if (a < 0 || b < 0 || c < 0 || d < 0) continue;
        ++score.covered;
        ++section.covered;
        // a : b :: c : d  ⇒  d ≈ b − a + c
        const std::vector<Match> top = space.analogy(b, a, c, 1, method);
        if (!top.empty() && top[0].word == d) {
            ++score.correct;
            ++section.correct;
        }
    }
    return score;
}

double spearman(const std::vector<double>& x, const std::vector<double>& y) {
    const std::size_t n = x.size();
    if (n < 2 || y.size() != n) return 0.0;
    const std::vector<double> rx = ranks(x), ry = ranks(y);
    const double mx = std::accumulate(rx.begin(), rx.end(), 0.0) / n, my = std::accumulate(ry.begin(), ry.end(), 0.0) / n;
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sxy += (rx[i] - mx) * (ry[i] - my);
        sxx += (rx[i] - mx) * (rx[i] - mx);
        syy += (ry[i] - my) * (ry[i] - my);
    }
    return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : 0.0;
}

SimilarityScore evaluateSimilarity(const VectorSpace& space, const std::vector<SimilarityPair>& pairs) {
    SimilarityScore score;
    std::vector<double> human, model;
    for (const SimilarityPair& p : pairs) {
        ++score.total;
        const int a = space.find(lowerCase(p.a)), b = space.find(lowerCase(p.b));
        if (a < 0 || b < 0) continue;
        ++score.covered;
        human.push_back(p.score);
        model.push_back(space.similarity(a, b));
    }
    score.spearman = spearman(human, model);
    return score;
}

}  // namespace vaerksted::word2vec
