// Standardisation: sample standard deviation by hand, and raw ↔ standardised weights giving the
// same z for every example.
#include <cmath>

#include <gtest/gtest.h>

#include "neuron/scaling.hpp"

using namespace vaerksted::neuron;

TEST(Scaling, MeanAndSampleStandardDeviationByHand) {
    Eigen::MatrixXd x(4, 2);
    x << 1, 10, 2, 10, 3, 10, 4, 10;
    const Scaling s = Scaling::fit(x);
    EXPECT_DOUBLE_EQ(s.mean[0], 2.5);
    // Σ(x − 2.5)² = 5, divided by M − 1 = 3 (sample sd), not by M = 4.
    EXPECT_NEAR(s.sd[0], std::sqrt(5.0 / 3.0), 1e-15);
    // A constant column cannot be standardised and is left as it is.
    EXPECT_EQ(s.mean[1], 0.0);
    EXPECT_EQ(s.sd[1], 1.0);
}

TEST(Scaling, OneExampleIsLeftAsItIs) {
    Eigen::MatrixXd x(1, 1);
    x << 7;
    const Scaling s = Scaling::fit(x);
    EXPECT_EQ(s.mean[0], 0.0);
    EXPECT_EQ(s.sd[0], 1.0);
}

TEST(Scaling, DesignMatrixHasOnesThenZScores) {
    Eigen::MatrixXd x(3, 1);
    x << 2, 4, 6;  // mean 4, sample sd 2
    const Eigen::MatrixXd A = Scaling::fit(x).designMatrix(x);
    ASSERT_EQ(A.rows(), 3);
    ASSERT_EQ(A.cols(), 2);
    EXPECT_EQ(A(0, 0), 1.0);
    EXPECT_EQ(A(2, 0), 1.0);
    EXPECT_DOUBLE_EQ(A(0, 1), -1.0);
    EXPECT_DOUBLE_EQ(A(1, 1), 0.0);
    EXPECT_DOUBLE_EQ(A(2, 1), 1.0);
}

TEST(Scaling, RawAndStandardisedWeightsGiveTheSameZ) {
    Eigen::MatrixXd x(5, 2);
    x << 23, 2900, 38, 3300, 45, 2100, 58, 2500, 71, 1900;
    const Scaling s = Scaling::fit(x);
    Eigen::VectorXd scaled(3);
    scaled << 0.3, -1.2, 0.8;
    const Eigen::VectorXd raw = s.toRaw(scaled);
    Eigen::MatrixXd rawA(5, 3);
    rawA << Eigen::VectorXd::Ones(5), x;
    const Eigen::VectorXd zScaled = s.designMatrix(x) * scaled, zRaw = rawA * raw;
    for (int m = 0; m < 5; ++m) EXPECT_NEAR(zScaled[m], zRaw[m], 1e-12);
    const Eigen::VectorXd back = s.fromRaw(raw);
    for (int i = 0; i < 3; ++i) EXPECT_NEAR(back[i], scaled[i], 1e-12);
}
