#include "word2vec/sampling.hpp"

#include <algorithm>
#include <cmath>

namespace vaerksted::word2vec {

std::vector<float> keepProbabilities(const Vocabulary& vocabulary, double threshold) {
    std::vector<float> keep(static_cast<std::size_t>(vocabulary.size()), 1.0f);
    if (threshold <= 0.0 || vocabulary.totalCount() == 0) return keep;
    const double t = threshold * static_cast<double>(vocabulary.totalCount());
    for (int i = 0; i < vocabulary.size(); ++i) {
        const double count = static_cast<double>(vocabulary.count(i));
        keep[static_cast<std::size_t>(i)] = static_cast<float>(std::min(1.0, (std::sqrt(count / t) + 1.0) * t / count));
    }
    return keep;
}

NegativeSampler::NegativeSampler(const Vocabulary& vocabulary, double power) {
    const std::size_t n = static_cast<std::size_t>(vocabulary.size());
    weight_.resize(n);
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) sum += weight_[i] = std::pow(static_cast<double>(vocabulary.count(static_cast<int>(i))), power);
    for (double& w : weight_) w /= sum;
    // Vose: scale to mean 1, then pair each small bucket with a large one that fills it up.
    probability_.resize(n);
    alias_.assign(n, 0);
    std::vector<double> scaled(n);
    std::vector<std::size_t> small, large;
    for (std::size_t i = 0; i < n; ++i) {
        scaled[i] = weight_[i] * static_cast<double>(n);
        (scaled[i] < 1.0 ? small : large).push_back(i);
    }
    while (!small.empty() && !large.empty()) {
        const std::size_t s = small.back(), l = large.back();
        small.pop_back();
        probability_[s] = scaled[s];
        alias_[s] = static_cast<int>(l);
        scaled[l] -= 1.0 - scaled[s];
        if (scaled[l] < 1.0) {
            large.pop_back();
            small.push_back(l);
        }
    }
    for (std::size_t i : large) probability_[i] = 1.0;
    for (std::size_t i : small) probability_[i] = 1.0;  // only rounding left these
}

}  // namespace vaerksted::word2vec
