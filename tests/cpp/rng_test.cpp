// The seeded generator: known outputs (from the independent Python implementation in
// tests/reference/neuron_reference.py), unbiased ranges and shuffles that are permutations.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <vector>

#include <gtest/gtest.h>

#include "common/rng.hpp"
#include "common/seed.hpp"

using vaerksted::Rng;

TEST(Rng, MatchesReferenceSequence) {
    Rng rng(42);
    EXPECT_EQ(rng.nextU64(), 0x15780b2e0c2ec716ULL);
    EXPECT_EQ(rng.nextU64(), 0x6104d9866d113a7eULL);
    EXPECT_EQ(rng.nextU64(), 0xae17533239e499a1ULL);
}

TEST(Rng, ShuffleMatchesReference) {
    Rng rng(2026);
    std::vector<int> items(10);
    std::iota(items.begin(), items.end(), 0);
    rng.shuffle(items);
    EXPECT_EQ(items, (std::vector<int>{3, 4, 8, 5, 6, 0, 1, 2, 7, 9}));
}

TEST(Rng, SameSeedSameNumbersOtherSeedOtherNumbers) {
    Rng a(7), b(7), c(8);
    for (int i = 0; i < 100; ++i) {
        const auto x = a.nextU64();
        EXPECT_EQ(x, b.nextU64());
        EXPECT_NE(x, c.nextU64());
    }
}

TEST(Rng, UniformStaysInRangeAndCoversIt) {
    Rng rng(1);
    double lowest = 1.0, highest = 0.0, sum = 0.0;
    const int draws = 100000;
    for (int i = 0; i < draws; ++i) {
        const double u = rng.uniform();
        ASSERT_GE(u, 0.0);
        ASSERT_LT(u, 1.0);
        lowest = std::min(lowest, u);
        highest = std::max(highest, u);
        sum += u;
    }
    EXPECT_LT(lowest, 0.001);
    EXPECT_GT(highest, 0.999);
    EXPECT_NEAR(sum / draws, 0.5, 0.01);  // mean of U(0,1); sd of the mean ≈ 0.0009
}

TEST(Rng, BelowIsUnbiasedOverSmallRange) {
    Rng rng(3);
    std::vector<int> counts(6, 0);
    const int draws = 60000;
    for (int i = 0; i < draws; ++i) counts[rng.below(6)]++;
    for (int c : counts) EXPECT_NEAR(c, draws / 6, 400);  // ±4.4 sd of a binomial count
}

TEST(Rng, ShuffleIsAPermutation) {
    Rng rng(5);
    std::vector<int> items(50);
    std::iota(items.begin(), items.end(), 0);
    rng.shuffle(items);
    std::vector<int> sorted = items;
    std::sort(sorted.begin(), sorted.end());
    for (int i = 0; i < 50; ++i) EXPECT_EQ(sorted[i], i);
    EXPECT_NE(items, sorted);  // 50! orders: the identity would mean no shuffle happened
}

TEST(Rng, NormalHasMeanZeroAndVarianceOne) {
    Rng rng(9);
    double sum = 0.0, sumSq = 0.0;
    const int draws = 200000;
    for (int i = 0; i < draws; ++i) {
        const double x = rng.normal();
        sum += x;
        sumSq += x * x;
    }
    EXPECT_NEAR(sum / draws, 0.0, 0.01);
    EXPECT_NEAR(sumSq / draws, 1.0, 0.02);
}

TEST(Seed, WholeNumbersFromZeroTo2To53MinusOneAreSeedsNothingElse) {
    std::uint64_t seed = 77;
    for (double bad : std::vector<double>{-1.0, 1.5, 9007199254740992.0, NAN, INFINITY, -INFINITY, -0.5}) {
        EXPECT_FALSE(vaerksted::seedFromNumber(bad, seed)) << bad;
        EXPECT_EQ(seed, 77u) << "untouched";
    }
    EXPECT_TRUE(vaerksted::seedFromNumber(0.0, seed));
    EXPECT_EQ(seed, 0u);
    EXPECT_TRUE(vaerksted::seedFromNumber(9007199254740991.0, seed));
    EXPECT_EQ(seed, 9007199254740991ULL);  // 2^53 − 1
}
