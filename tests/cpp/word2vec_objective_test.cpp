// The word2vec losses and their gradients against central differences (in double), their
// safety for huge scores, and the samplers.
#include <cmath>
#include <map>
#include <vector>

#include <gtest/gtest.h>

#include "common/rng.hpp"
#include "word2vec/objective.hpp"
#include "word2vec/sampling.hpp"

using namespace vaerksted;
using namespace vaerksted::word2vec;

namespace {

double relativeError(double a, double b) {
    return std::abs(a - b) / std::max({std::abs(a), std::abs(b), 1e-8});
}

std::vector<double> randomVector(Rng& rng, int dim, double spread) {
    std::vector<double> v(static_cast<std::size_t>(dim));
    for (double& x : v) x = rng.uniform(-spread, spread);
    return v;
}

}  // namespace

TEST(Word2VecObjective, NegativeSamplingGradientMatchesCentralDifferences) {
    Rng rng(7);
    const int dim = 6, count = 4;  // the real pair and three negatives
    for (int trial = 0; trial < 20; ++trial) {
        std::vector<double> h = randomVector(rng, dim, 1.5);
        std::vector<std::vector<double>> k;
        for (int j = 0; j < count; ++j) k.push_back(randomVector(rng, dim, 1.5));
        auto loss = [&](const std::vector<double>& hh, const std::vector<std::vector<double>>& kk) {
            std::vector<const double*> rows;
            for (const auto& row : kk) rows.push_back(row.data());
            return negativeSamplingLoss(hh.data(), rows.data(), count, dim, static_cast<double*>(nullptr),
                                        static_cast<double*>(nullptr));
        };
        std::vector<const double*> rows;
        for (const auto& row : k) rows.push_back(row.data());
        std::vector<double> gradH(dim), gradK(count * dim);
        negativeSamplingLoss(h.data(), rows.data(), count, dim, gradH.data(), gradK.data());
        const double step = 1e-5;  // central differences: round-off ~ε/step, truncation ~step²
        for (int i = 0; i < dim; ++i) {
            auto plus = h, minus = h;
            plus[i] += step;
            minus[i] -= step;
            EXPECT_LT(relativeError(gradH[i], (loss(plus, k) - loss(minus, k)) / (2 * step)), 1e-6) << "∂L/∂h_" << i;
        }
        for (int j = 0; j < count; ++j)
            for (int i = 0; i < dim; ++i) {
                auto plus = k, minus = k;
                plus[j][i] += step;
                minus[j][i] -= step;
                EXPECT_LT(relativeError(gradK[j * dim + i], (loss(h, plus) - loss(h, minus)) / (2 * step)), 1e-6)
                    << "∂L/∂k_" << j << "," << i;
            }
    }
}

TEST(Word2VecObjective, SoftmaxGradientMatchesCentralDifferences) {
    Rng rng(11);
    const int dim = 5, words = 4, c = 2;  // the notes' toy has five words; any small vocabulary will do
    for (int trial = 0; trial < 20; ++trial) {
        // Scores of a few units, as with the notes' unit vectors: every p_o is large enough for its
        // finite difference to be read in double (a p_o of 1e-8 would drown in round-off).
        std::vector<double> h = randomVector(rng, dim, 0.8), k = randomVector(rng, words * dim, 0.8), scores(words);
        auto loss = [&](const std::vector<double>& hh, const std::vector<double>& kk) {
            std::vector<double> s(words);
            return softmaxLoss(hh.data(), kk.data(), words, dim, c, static_cast<double*>(nullptr),
                               static_cast<double*>(nullptr), s.data());
        };
        std::vector<double> gradH(dim), gradK(words * dim);
        softmaxLoss(h.data(), k.data(), words, dim, c, gradH.data(), gradK.data(), scores.data());
        const double step = 1e-5;  // central differences: round-off ~ε/step, truncation ~step²
        for (int i = 0; i < dim; ++i) {
            auto plus = h, minus = h;
            plus[i] += step;
            minus[i] -= step;
            EXPECT_LT(relativeError(gradH[i], (loss(plus, k) - loss(minus, k)) / (2 * step)), 1e-6);
        }
        for (int i = 0; i < words * dim; ++i) {
            auto plus = k, minus = k;
            plus[i] += step;
            minus[i] -= step;
            EXPECT_LT(relativeError(gradK[i], (loss(h, plus) - loss(h, minus)) / (2 * step)), 1e-6);
        }
    }
}

TEST(Word2VecObjective, CbowMeanSpreadsTheGradientEvenly) {
    // h = (v_1 + v_2 + v_3)/3, so ∂L/∂v_c = (1/3)·∂L/∂h for each context word.
    Rng rng(3);
    const int dim = 4;
    std::vector<std::vector<double>> v = {randomVector(rng, dim, 1), randomVector(rng, dim, 1), randomVector(rng, dim, 1)};
    std::vector<double> k0 = randomVector(rng, dim, 1), k1 = randomVector(rng, dim, 1);
    const double* rows[2] = {k0.data(), k1.data()};
    auto loss = [&](const std::vector<std::vector<double>>& vv) {
        std::vector<double> h(dim, 0.0);
        for (const auto& x : vv)
            for (int i = 0; i < dim; ++i) h[i] += x[i] / 3.0;
        return negativeSamplingLoss(h.data(), rows, 2, dim, static_cast<double*>(nullptr), static_cast<double*>(nullptr));
    };
    std::vector<double> h(dim, 0.0), gradH(dim);
    for (const auto& x : v)
        for (int i = 0; i < dim; ++i) h[i] += x[i] / 3.0;
    negativeSamplingLoss(h.data(), rows, 2, dim, gradH.data(), static_cast<double*>(nullptr));
    for (int c = 0; c < 3; ++c)
        for (int i = 0; i < dim; ++i) {
            auto plus = v, minus = v;
            plus[c][i] += 1e-6;
            minus[c][i] -= 1e-6;
            EXPECT_LT(relativeError(gradH[i] / 3.0, (loss(plus) - loss(minus)) / 2e-6), 1e-6);
        }
}

TEST(Word2VecObjective, HugeScoresGiveLargeFiniteLossesNeverNaN) {
    for (double x : {-800.0, -40.0, 40.0, 800.0}) {
        EXPECT_TRUE(std::isfinite(logSigmoid(x)));
        EXPECT_TRUE(std::isfinite(sigmoid(x)));
    }
    EXPECT_NEAR(logSigmoid(-800.0), -800.0, 1e-9);  // ln σ(x) ≈ x far to the left
    EXPECT_EQ(logSigmoid(800.0), 0.0);
    EXPECT_NEAR(pairLoss(-800.0f, 1), 800.0f, 1e-3f);  // a real pair scored −800: L = 800, not inf
    EXPECT_EQ(pairSlope(800.0, 0), 1.0);
    // The softmax with scores of 1000 (log-sum-exp): L stays finite.
    const double h[1] = {1000.0}, k[2] = {1.0, 0.5};
    double scores[2];
    EXPECT_NEAR(softmaxLoss(h, k, 2, 1, 1, static_cast<double*>(nullptr), static_cast<double*>(nullptr), scores), 500.0, 1e-9);
}

TEST(Word2VecSampling, KeepProbabilitiesByHand) {
    // Counts 100, 10, 1 of 111 words; t = 0.01: t·total = 1.11.
    const Vocabulary v = Vocabulary::fromWords({"og", "hund", "ko"}, {100, 10, 1});
    const auto keep = keepProbabilities(v, 0.01);
    EXPECT_NEAR(keep[0], (std::sqrt(100 / 1.11) + 1) * 1.11 / 100, 1e-6);  // 0.1165…
    EXPECT_EQ(keep[2], 1.0f);  // rare words are always kept
    EXPECT_EQ(keepProbabilities(v, 0.0)[0], 1.0f);
}

TEST(Word2VecSampling, NegativesFollowTheUnigramToTheThreeQuarters) {
    const Vocabulary v = Vocabulary::fromWords({"a", "b", "c", "d"}, {1000, 100, 10, 1});
    const NegativeSampler sampler(v);
    double sum = 0;
    for (double count : {1000.0, 100.0, 10.0, 1.0}) sum += std::pow(count, 0.75);
    Rng rng(5);
    std::map<int, int> seen;
    const int draws = 400000;
    for (int i = 0; i < draws; ++i) seen[sampler.draw(rng)]++;
    const double counts[4] = {1000, 100, 10, 1};
    for (int w = 0; w < 4; ++w) {
        const double expected = std::pow(counts[w], 0.75) / sum;
        EXPECT_NEAR(sampler.probabilityOf(w), expected, 1e-12);
        // Binomial standard deviation √(p(1−p)/n) ≤ 0.0008: allow five of them.
        EXPECT_NEAR(seen[w] / static_cast<double>(draws), expected, 0.004) << "word " << w;
    }
}
