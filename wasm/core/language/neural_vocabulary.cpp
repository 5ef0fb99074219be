#include "language/neural_vocabulary.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace vaerksted::language {

NeuralVocabulary neuralVocabulary(const std::vector<std::int64_t>& counts, int maxWords, std::int64_t minCount,
                                  bool withUnknown) {
    const int n = static_cast<int>(counts.size());
    std::vector<int> byCount(static_cast<std::size_t>(n));
    std::iota(byCount.begin(), byCount.end(), 0);
    std::stable_sort(byCount.begin(), byCount.end(), [&](int a, int b) {
        return counts[static_cast<std::size_t>(a)] > counts[static_cast<std::size_t>(b)];
    });
    NeuralVocabulary v;
    v.modelOf.assign(static_cast<std::size_t>(n), -1);
    for (const int id : byCount) {
        if (counts[static_cast<std::size_t>(id)] < std::max<std::int64_t>(minCount, 1)) break;
        if (maxWords > 0 && v.size() >= maxWords) break;
        v.modelOf[static_cast<std::size_t>(id)] = v.size();
        v.textOf.push_back(id);
    }
    for (int id = 0; id < n; ++id)
        if (v.modelOf[static_cast<std::size_t>(id)] < 0 && counts[static_cast<std::size_t>(id)] > 0) {
            ++v.unknownMembers;
            v.unknownTokens += counts[static_cast<std::size_t>(id)];
        }
    if (v.unknownMembers > 0 || withUnknown || v.size() == 0) {
        v.unknown = v.size();
        v.textOf.push_back(-1);
        for (int& m : v.modelOf)
            if (m < 0) m = v.unknown;
    }
    return v;
}

Eigen::MatrixXd modelEmbeddings(const NeuralVocabulary& vocabulary, const std::vector<std::string>& textWords,
                                const GivenVectors& given, int randomDim, Rng& rng, int& found) {
    found = 0;
    const bool haveGiven = given.words != nullptr && given.rows != nullptr && given.dim > 0 && !given.words->empty();
    const int m = haveGiven ? given.dim : randomDim;
    const int V = vocabulary.size();
    std::unordered_map<std::string, int> row;
    double typical = 1.0;
    if (haveGiven) {
        row.reserve(given.words->size());
        for (std::size_t i = 0; i < given.words->size(); ++i) row.emplace((*given.words)[i], static_cast<int>(i));
    }
    // (V × m); filled row by row so that the random draws come in model-id order.
    Eigen::MatrixXd E(V, m);
    std::vector<bool> isGiven(static_cast<std::size_t>(V), false);
    double lengthSum = 0;
    for (int w = 0; w < V && haveGiven; ++w) {
        const int text = vocabulary.textOf[static_cast<std::size_t>(w)];
        const auto it = text >= 0 ? row.find(textWords[static_cast<std::size_t>(text)]) : row.end();
        if (it == row.end()) continue;
        const float* v = given.rows + static_cast<std::size_t>(it->second) * static_cast<std::size_t>(m);
        for (int k = 0; k < m; ++k) E(w, k) = static_cast<double>(v[k]);
        isGiven[static_cast<std::size_t>(w)] = true;
        lengthSum += E.row(w).norm();
        ++found;
    }
    if (found > 0) typical = lengthSum / found;
    const double half = std::sqrt(3.0 / m) * typical;  // uniform in ±half: E‖v‖² = m·half²/3 = typical²
    for (int w = 0; w < V; ++w)
        if (!isGiven[static_cast<std::size_t>(w)])
            for (int k = 0; k < m; ++k) E(w, k) = rng.uniform(-half, half);
    return E;
}

}  // namespace vaerksted::language
