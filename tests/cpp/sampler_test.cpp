// The text sampler: softmax with temperature against hand and python3 numbers, greedy, the extreme
// temperatures, top-k and top-p with their ties, the statuses, draws against the reference
// generator (tests/reference/neuron_reference.py) and the entropy.
// The python3 numbers were printed by `python3` with math.exp / math.log, as quoted beside them.
#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/rng.hpp"
#include "language/sampler.hpp"

using namespace vaerksted::language;
using vaerksted::Rng;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

SampleSettings atTemperature(double temperature) {
    SampleSettings settings;
    settings.temperature = temperature;
    return settings;
}

SampleSettings keeping(int topK, double topP) {
    SampleSettings settings;
    settings.topK = topK;
    settings.topP = topP;
    return settings;
}

std::vector<double> fromScores(const std::vector<double>& y, const SampleSettings& settings) {
    std::vector<double> z;
    EXPECT_EQ(distribution(y.data(), y.size(), settings, z), SampleStatus::Ok);
    return z;
}

std::vector<double> fromProbabilities(const std::vector<double>& p, const SampleSettings& settings) {
    std::vector<double> z;
    EXPECT_EQ(distributionFromProbabilities(p.data(), p.size(), settings, z), SampleStatus::Ok);
    return z;
}

void expectNear(const std::vector<double>& got, const std::vector<double>& want, double tolerance) {
    ASSERT_EQ(got.size(), want.size());
    for (std::size_t i = 0; i < want.size(); ++i) EXPECT_NEAR(got[i], want[i], tolerance) << "z_" << i;
}

}  // namespace

// ── softmax with temperature ───────────────────────────────────────────────────────────────

TEST(SamplerDistribution, SoftmaxAtTemperatureOneMatchesPython) {
    // python3: e = [math.exp(v) for v in (1, 2, 3)]; [x / sum(e) for x in e]
    expectNear(fromScores({1, 2, 3}, atTemperature(1.0)),
               {0.09003057317038046, 0.24472847105479767, 0.6652409557748219}, 1e-15);
}

TEST(SamplerDistribution, SoftmaxAtTemperaturesTwoAndHalfMatchesPython) {
    // python3: the same with math.exp(v / T)
    expectNear(fromScores({1, 2, 3}, atTemperature(2.0)),
               {0.1863237232258476, 0.30719588571849843, 0.506480391055654}, 1e-15);
    expectNear(fromScores({1, 2, 3}, atTemperature(0.5)),
               {0.015876239976466765, 0.11731042782619835, 0.8668133321973348}, 1e-15);
}

TEST(SamplerDistribution, CourseToyGivesSpinderWithProbability09424) {
    // "Et lille neuralt netværk": P(spinder) = 0,9424. python3: 0.9423749360828017, 0.057625063917198315
    const std::vector<double> z = fromScores({1.9186799207178726, -0.8757656854799805}, SampleSettings{});
    ASSERT_EQ(z.size(), 2u);
    EXPECT_EQ(std::round(z[0] * 10000.0) / 10000.0, 0.9424);
    expectNear(z, {0.9423749360828017, 0.057625063917198315}, 1e-15);
}

TEST(SamplerDistribution, GreedyPutsEverythingOnTheFirstArgmaxWhateverTheSettings) {
    SampleSettings greedy;
    greedy.greedy = true;
    EXPECT_EQ(fromScores({0.5, 2.0, 2.0, -1.0}, greedy), (std::vector<double>{0, 1, 0, 0}));
    greedy.temperature = 100.0;
    greedy.topK = 3;
    greedy.topP = 0.5;
    EXPECT_EQ(fromScores({0.5, 2.0, 2.0, -1.0}, greedy), (std::vector<double>{0, 1, 0, 0}));
    EXPECT_EQ(fromScores({-kInf, 1.0, kInf, kInf}, greedy), (std::vector<double>{0, 0, 1, 0}));
}

TEST(SamplerDistribution, TinyTemperatureIsGreedyAndTiesAtTheMaxShare) {
    for (double tiny : {1e-300, std::numeric_limits<double>::denorm_min()}) {
        EXPECT_EQ(fromScores({1, 3, 3, 2}, atTemperature(tiny)), (std::vector<double>{0, 0.5, 0.5, 0}));
        EXPECT_EQ(fromScores({2, 1}, atTemperature(tiny)), (std::vector<double>{1, 0}));
    }
}

TEST(SamplerDistribution, HugeTemperatureIsUniformOverThePossibleTokens) {
    const std::vector<double> y = {1, -kInf, 3, 2};
    const double third = 1.0 / 3.0;
    // (1 − 3)/1e308 = −2e-308, and e^{−2e-308} is 1 to the last bit.
    expectNear(fromScores(y, atTemperature(1e308)), {third, 0, third, third}, 1e-15);
    EXPECT_EQ(fromScores(y, atTemperature(kInf)), (std::vector<double>{third, 0, third, third}));
}

TEST(SamplerDistribution, NegativeInfinityStaysZeroAtEveryTemperature) {
    for (double t : {5e-324, 1e-300, 0.5, 1.0, 2.0, 1e308, kInf}) {
        const std::vector<double> z = fromScores({-kInf, 0.0, 1.0, -kInf}, atTemperature(t));
        ASSERT_EQ(z.size(), 4u);
        EXPECT_EQ(z[0], 0.0) << "T = " << t;
        EXPECT_EQ(z[3], 0.0) << "T = " << t;
        EXPECT_NEAR(z[1] + z[2], 1.0, 1e-15) << "T = " << t;
    }
}

TEST(SamplerDistribution, PositiveInfinityTokensAreTheOnlyPossibleAndShareEqually) {
    for (double t : {1e-300, 1.0, kInf}) {
        EXPECT_EQ(fromScores({kInf, 1.0, -kInf, kInf}, atTemperature(t)),
                  (std::vector<double>{0.5, 0, 0, 0.5}))
            << "T = " << t;
    }
}

TEST(SamplerDistribution, ScoresNearTheLargestDoubleGiveNoNaN) {
    const std::vector<double> y = {-1e308, 1e308};  // y_0 − y_1 overflows to −∞
    EXPECT_EQ(fromScores(y, atTemperature(1.0)), (std::vector<double>{0, 1}));
    // (−1e308 − 1e308)/1e308 = −2: python3 1/(1+math.exp(2)) = 0.11920292202211755
    expectNear(fromScores(y, atTemperature(1e308)), {0.11920292202211755, 0.8807970779778823}, 1e-15);
    EXPECT_EQ(fromScores(y, atTemperature(kInf)), (std::vector<double>{0.5, 0.5}));
}

TEST(SamplerDistribution, OutputIsNeverNaNAndAlwaysSumsToOne) {
    const std::vector<std::vector<double>> scoreSets = {
        {-1e308, 1e308}, {1e308, 1e308, -1e308}, {0.0, 1e-310, -1e-310}, {-kInf, 5.0},
        {kInf, -kInf, 0.0}, {-1e308, -1e308}, {1, 2, 3, 4, 5, 6}};
    for (const auto& y : scoreSets) {
        for (double t : {5e-324, 1e-300, 1e-10, 1.0, 1e10, 1e308, kInf}) {
            for (int k : {0, 1, 2}) {
                for (double p : {1e-300, 0.5, 1.0}) {
                    for (bool greedy : {false, true}) {
                        SampleSettings settings = keeping(k, p);
                        settings.temperature = t;
                        settings.greedy = greedy;
                        const std::vector<double> z = fromScores(y, settings);
                        double sum = 0.0;
                        for (double share : z) {
                            ASSERT_TRUE(share >= 0.0 && share <= 1.0)
                                << share << " at T = " << t << ", k = " << k << ", p = " << p;
                            sum += share;
                        }
                        ASSERT_NEAR(sum, 1.0, 1e-12) << "T = " << t << ", k = " << k << ", p = " << p;
                    }
                }
            }
        }
    }
}

// ── from an N-gram's probabilities ─────────────────────────────────────────────────────────

TEST(SamplerDistribution, FromProbabilitiesAtTemperatureOneGivesThemBack) {
    expectNear(fromProbabilities({0.5, 0.25, 0.25}, SampleSettings{}), {0.5, 0.25, 0.25}, 1e-15);
    // Counts work too: 2, 1, 1 of 4.
    expectNear(fromProbabilities({2, 1, 1}, SampleSettings{}), {0.5, 0.25, 0.25}, 1e-15);
}

TEST(SamplerDistribution, FromProbabilitiesFollowsPToTheOneOverT) {
    // T = 0.5: p² = (0.25, 0.0625, 0.0625), sum 0.375 → (2/3, 1/6, 1/6).
    expectNear(fromProbabilities({0.5, 0.25, 0.25}, atTemperature(0.5)), {2.0 / 3, 1.0 / 6, 1.0 / 6},
               1e-15);
    // T = 2: √p ∝ (1/√2, ½, ½), so z_0 = (1/√2)/(1/√2 + 1) = √2 − 1 and z_1 = z_2 = 1 − 1/√2.
    const double root2 = std::sqrt(2.0);
    expectNear(fromProbabilities({0.5, 0.25, 0.25}, atTemperature(2.0)),
               {root2 - 1, 1 - 1 / root2, 1 - 1 / root2}, 1e-15);
    // p = 0 is impossible at every T, even T = ∞ (which is uniform over the rest).
    EXPECT_EQ(fromProbabilities({0.7, 0.0, 0.3}, atTemperature(kInf)), (std::vector<double>{0.5, 0, 0.5}));
    EXPECT_EQ(fromProbabilities({0.7, 0.0, 0.3}, atTemperature(1e-300)), (std::vector<double>{1, 0, 0}));
}

// ── top-k and top-p ────────────────────────────────────────────────────────────────────────

// The hand example: p = (0.1, 0.4, 0.2, 0.3); ranked: token 1 (0.4), 3 (0.3), 2 (0.2), 0 (0.1).
const std::vector<double> kHandExample = {0.1, 0.4, 0.2, 0.3};

TEST(SamplerFilters, TopKKeepsTheKMostProbableRenormalised) {
    // k = 2: 0.4 and 0.3 of 0.7 → 4/7, 3/7. k = 3: 0.4, 0.3, 0.2 of 0.9 → 4/9, 3/9, 2/9.
    expectNear(fromProbabilities(kHandExample, keeping(2, 1.0)), {0, 4.0 / 7, 0, 3.0 / 7}, 1e-15);
    expectNear(fromProbabilities(kHandExample, keeping(3, 1.0)), {0, 4.0 / 9, 2.0 / 9, 3.0 / 9}, 1e-15);
    expectNear(fromProbabilities(kHandExample, keeping(1, 1.0)), {0, 1, 0, 0}, 0.0);
    for (int all : {0, 4, 5, 1000}) {
        expectNear(fromProbabilities(kHandExample, keeping(all, 1.0)), kHandExample, 1e-15);
    }
}

TEST(SamplerFilters, TopPKeepsTheSmallestSetThatReachesP) {
    // Running sums in rank order: 0.4, 0.7, 0.9, 1.0.
    expectNear(fromProbabilities(kHandExample, keeping(0, 0.3)), {0, 1, 0, 0}, 0.0);
    expectNear(fromProbabilities(kHandExample, keeping(0, 0.6)), {0, 4.0 / 7, 0, 3.0 / 7}, 1e-15);
    expectNear(fromProbabilities(kHandExample, keeping(0, 0.7)), {0, 4.0 / 7, 0, 3.0 / 7}, 1e-15);
    expectNear(fromProbabilities(kHandExample, keeping(0, 0.75)), {0, 4.0 / 9, 2.0 / 9, 3.0 / 9}, 1e-15);
    expectNear(fromProbabilities(kHandExample, keeping(0, 1.0)), kHandExample, 1e-15);
    // The smallest p still keeps one token.
    expectNear(fromProbabilities(kHandExample, keeping(0, 1e-300)), {0, 1, 0, 0}, 0.0);
}

TEST(SamplerFilters, TopPCountsASumThatRoundsJustBelowPAsReachingIt) {
    // p = (0.5, 0.3, 0.2): python3 gives the shares 0.5, 0.29999999999999993, 0.2 by the same
    // e^{ln p_i − ln p_max} route, and 0.5 + 0.29999999999999993 = 0.7999999999999999 < 0.8.
    // Two tokens reach 0.8, so 0.5 and 0.3 of 0.8 → 0.625, 0.375.
    expectNear(fromProbabilities({0.5, 0.3, 0.2}, keeping(0, 0.8)), {0.625, 0.375, 0}, 1e-15);
}

TEST(SamplerFilters, TopPWorksOnWhatTopKKeptRenormalised) {
    // After k = 2: 4/7 ≈ 0.571 ≥ 0.5 → only token 1. (On the original 0.4 < 0.5 would keep two.)
    expectNear(fromProbabilities(kHandExample, keeping(2, 0.5)), {0, 1, 0, 0}, 0.0);
    // After k = 3: 4/9 ≈ 0.444 < 0.5, 4/9 + 3/9 ≥ 0.5 → tokens 1 and 3.
    expectNear(fromProbabilities(kHandExample, keeping(3, 0.5)), {0, 4.0 / 7, 0, 3.0 / 7}, 1e-15);
}

TEST(SamplerFilters, TiesAtTheBoundaryGoToTheLowerIndex) {
    const std::vector<double> equal = {0, 0, 0, 0};  // z = (¼, ¼, ¼, ¼)
    EXPECT_EQ(fromScores(equal, keeping(2, 1.0)), (std::vector<double>{0.5, 0.5, 0, 0}));
    EXPECT_EQ(fromScores(equal, keeping(3, 1.0)), (std::vector<double>{1.0 / 3, 1.0 / 3, 1.0 / 3, 0}));
    EXPECT_EQ(fromScores(equal, keeping(0, 0.25)), (std::vector<double>{1, 0, 0, 0}));
    EXPECT_EQ(fromScores(equal, keeping(0, 0.3)), (std::vector<double>{0.5, 0.5, 0, 0}));
    // Tokens 1 and 2 tie at the top; k = 1 keeps token 1, also where a tiny T made them share.
    EXPECT_EQ(fromScores({1, 3, 3, 2}, keeping(1, 1.0)), (std::vector<double>{0, 1, 0, 0}));
    SampleSettings tinyTopOne = keeping(1, 1.0);
    tinyTopOne.temperature = 1e-300;
    EXPECT_EQ(fromScores({1, 3, 3, 2}, tinyTopOne), (std::vector<double>{0, 1, 0, 0}));
    // A later, larger token still outranks an earlier, smaller one.
    EXPECT_EQ(fromScores({1, 2, 3}, keeping(1, 1.0)), (std::vector<double>{0, 0, 1}));
}

// ── statuses ───────────────────────────────────────────────────────────────────────────────

namespace {

struct BadCase {
    SampleSettings settings;
    SampleStatus expected;
};

std::vector<BadCase> badSettings() {
    std::vector<BadCase> cases;
    for (double t : {0.0, -0.0, -1.0, -kInf, kNaN}) {
        cases.push_back({atTemperature(t), SampleStatus::BadTemperature});
    }
    SampleSettings greedyAtZero = atTemperature(0.0);
    greedyAtZero.greedy = true;  // T is checked even when greedy is on
    cases.push_back({greedyAtZero, SampleStatus::BadTemperature});
    cases.push_back({keeping(-1, 1.0), SampleStatus::BadTopK});
    for (double p : {0.0, -0.5, 1.0000000000000002, 2.0, kInf, kNaN}) {
        cases.push_back({keeping(0, p), SampleStatus::BadTopP});
    }
    SampleSettings everythingBad = keeping(-1, 2.0);
    everythingBad.temperature = -1.0;  // the temperature is reported first, then top-k
    cases.push_back({everythingBad, SampleStatus::BadTemperature});
    cases.push_back({keeping(-1, 2.0), SampleStatus::BadTopK});
    return cases;
}

}  // namespace

TEST(SamplerStatus, EveryBadSettingGivesItsStatusAndAnEmptyOut) {
    const std::vector<double> y = {1, 2, 3};
    for (const BadCase& bad : badSettings()) {
        std::vector<double> out = {9, 9};
        EXPECT_EQ(distribution(y.data(), y.size(), bad.settings, out), bad.expected)
            << sampleStatusName(bad.expected);
        EXPECT_TRUE(out.empty());
        out = {9, 9};
        EXPECT_EQ(distributionFromProbabilities(y.data(), y.size(), bad.settings, out), bad.expected)
            << sampleStatusName(bad.expected);
        EXPECT_TRUE(out.empty());
    }
}

TEST(SamplerStatus, EmptyAndImpossibleInputsGiveTheirStatusAndAnEmptyOut) {
    const SampleSettings fine;
    std::vector<double> out = {9};
    EXPECT_EQ(distribution(nullptr, 0, fine, out), SampleStatus::Empty);
    EXPECT_TRUE(out.empty());
    out = {9};
    EXPECT_EQ(distributionFromProbabilities(nullptr, 0, fine, out), SampleStatus::Empty);
    EXPECT_TRUE(out.empty());
    // Settings come before the input: n = 0 with T = 0 is a bad temperature.
    EXPECT_EQ(distribution(nullptr, 0, atTemperature(0.0), out), SampleStatus::BadTemperature);

    const std::vector<std::vector<double>> impossibleScores = {
        {-kInf}, {-kInf, -kInf}, {1.0, kNaN}, {kNaN, kInf}};
    for (const auto& y : impossibleScores) {
        out = {9};
        EXPECT_EQ(distribution(y.data(), y.size(), fine, out), SampleStatus::NothingPossible);
        EXPECT_TRUE(out.empty());
    }
    const std::vector<std::vector<double>> impossibleProbabilities = {
        {0.0, 0.0}, {0.5, -0.5, 1.0}, {0.5, kNaN}, {-kInf, 1.0}};
    for (const auto& p : impossibleProbabilities) {
        out = {9};
        EXPECT_EQ(distributionFromProbabilities(p.data(), p.size(), fine, out),
                  SampleStatus::NothingPossible);
        EXPECT_TRUE(out.empty());
    }
}

TEST(SamplerStatus, NamesAreTheSnakeCaseOnesThePageKeysOn) {
    EXPECT_STREQ(sampleStatusName(SampleStatus::Ok), "ok");
    EXPECT_STREQ(sampleStatusName(SampleStatus::BadTemperature), "bad_temperature");
    EXPECT_STREQ(sampleStatusName(SampleStatus::BadTopK), "bad_top_k");
    EXPECT_STREQ(sampleStatusName(SampleStatus::BadTopP), "bad_top_p");
    EXPECT_STREQ(sampleStatusName(SampleStatus::Empty), "empty");
    EXPECT_STREQ(sampleStatusName(SampleStatus::NothingPossible), "nothing_possible");
    std::set<std::string> names;
    for (int s = 0; s <= static_cast<int>(kLastSampleStatus); ++s) {
        EXPECT_TRUE(names.insert(sampleStatusName(static_cast<SampleStatus>(s))).second);
    }
    EXPECT_EQ(names.count("unknown"), 0u);
}

// ── draws ──────────────────────────────────────────────────────────────────────────────────

TEST(SamplerDraw, FrequenciesAreWithinThreeSigmaOfZ) {
    const std::vector<double> z = {0.5, 0.3, 0.2};
    const int draws = 100000;
    std::vector<int> counts(z.size(), 0);
    Rng rng(12345);
    for (int i = 0; i < draws; ++i) {
        const std::size_t token = draw(z, rng);
        ASSERT_LT(token, z.size());
        ++counts[token];
    }
    // 3σ = 3·√(z(1 − z)/N): python3 0.00474, 0.00435, 0.00379.
    for (std::size_t i = 0; i < z.size(); ++i) {
        const double threeSigma = 3.0 * std::sqrt(z[i] * (1.0 - z[i]) / draws);
        EXPECT_NEAR(static_cast<double>(counts[i]) / draws, z[i], threeSigma) << "token " << i;
    }
}

TEST(SamplerDraw, MatchesTheReferenceGenerator) {
    // python3 with Xoshiro256StarStar(2026) from tests/reference/neuron_reference.py: the first i
    // with z_0 + … + z_i > r.uniform(), twelve times.
    const std::vector<double> z = {0.5, 0.3, 0.2};
    Rng rng(2026);
    std::vector<std::size_t> tokens;
    for (int i = 0; i < 12; ++i) tokens.push_back(draw(z, rng));
    EXPECT_EQ(tokens, (std::vector<std::size_t>{1, 0, 2, 2, 2, 1, 2, 2, 2, 0, 2, 0}));
}

TEST(SamplerDraw, SameSeedSameSequenceOtherSeedOtherSequence) {
    const std::vector<double> z = {0.25, 0.25, 0.25, 0.25};
    Rng a(7), b(7), c(8);
    int differences = 0;
    for (int i = 0; i < 1000; ++i) {
        const std::size_t token = draw(z, a);
        EXPECT_EQ(token, draw(z, b));
        if (token != draw(z, c)) ++differences;
    }
    EXPECT_GT(differences, 500);  // independent sequences differ ¾ of the time
}

TEST(SamplerDraw, NeverDrawsAnImpossibleToken) {
    const std::vector<double> z = {0, 0.5, 0, 0.5, 0};
    std::vector<int> counts(z.size(), 0);
    Rng rng(1);
    for (int i = 0; i < 10000; ++i) ++counts[draw(z, rng)];
    EXPECT_EQ(counts[0] + counts[2] + counts[4], 0);
    EXPECT_GT(counts[1], 0);
    EXPECT_GT(counts[3], 0);
}

TEST(SamplerDraw, RoundingBelowOneFallsOnTheLastPossibleToken) {
    // Σ z = 0.5 exaggerates a sum that rounded below 1: every u ≥ 0.5 must land on token 1, the last
    // possible one, never on the impossible token 2 or past the end.
    const std::vector<double> z = {0.25, 0.25, 0.0};
    std::vector<int> counts(z.size(), 0);
    Rng rng(3);
    const int draws = 10000;
    for (int i = 0; i < draws; ++i) ++counts[draw(z, rng)];
    EXPECT_EQ(counts[2], 0);
    EXPECT_NEAR(static_cast<double>(counts[1]) / draws, 0.75, 0.02);  // 3σ ≈ 0.013
}

TEST(SamplerDraw, NoPossibleTokenGivesNoToken) {
    Rng rng(1);
    EXPECT_EQ(draw({}, rng), 0u);
    EXPECT_EQ(draw({0.0, 0.0, 0.0}, rng), 3u);
}

TEST(SamplerDraw, GreedyDistributionAlwaysDrawsTheArgmax) {
    SampleSettings greedy;
    greedy.greedy = true;
    const std::vector<double> z = fromScores({0.1, 0.7, 0.2}, greedy);
    Rng rng(5);
    for (int i = 0; i < 1000; ++i) ASSERT_EQ(draw(z, rng), 1u);
}

// ── entropy ────────────────────────────────────────────────────────────────────────────────

TEST(SamplerEntropy, UniformOverFourIsLnFourAndOneHotIsZero) {
    EXPECT_NEAR(entropy({0.25, 0.25, 0.25, 0.25}), 1.3862943611198906, 1e-15);  // python3 math.log(4)
    const double oneHot = entropy({0, 1, 0});
    EXPECT_EQ(oneHot, 0.0);
    EXPECT_FALSE(std::signbit(oneHot));  // "0", not "−0", beside the bars
}

TEST(SamplerEntropy, ZeroSharesCountAsNothing) {
    EXPECT_NEAR(entropy({0.5, 0.0, 0.5}), std::log(2.0), 1e-15);
    // −(½ ln ½ + 2·¼ ln ¼) = 1.5 ln 2; python3 1.0397207708399179
    EXPECT_NEAR(entropy({0.5, 0.25, 0.25}), 1.0397207708399179, 1e-15);
}
