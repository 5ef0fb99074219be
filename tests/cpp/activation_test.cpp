// Activation functions: values from hand calculation, derivatives against finite differences,
// and no NaN anywhere on the real line.
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

#include "neuron/activation.hpp"

using namespace vaerksted::neuron;

namespace {
const Activation kAll[] = {Activation::Sigmoid, Activation::Tanh, Activation::Relu,
                           Activation::Identity};
}

TEST(Activation, SigmoidValuesByHand) {
    EXPECT_DOUBLE_EQ(activate(Activation::Sigmoid, 0.0), 0.5);
    EXPECT_NEAR(activate(Activation::Sigmoid, 1.0), 0.7310585786300049, 1e-15);  // 1/(1+e^-1)
    EXPECT_NEAR(activate(Activation::Sigmoid, -2.0), 0.11920292202211755, 1e-15);
}

TEST(Activation, SaturatedSigmoidIsExactlyZeroOrOneNeverNaN) {
    EXPECT_EQ(activate(Activation::Sigmoid, -1000.0), 0.0);
    EXPECT_EQ(activate(Activation::Sigmoid, 1000.0), 1.0);
    const double inf = std::numeric_limits<double>::infinity();
    EXPECT_EQ(activate(Activation::Sigmoid, -inf), 0.0);
    EXPECT_EQ(activate(Activation::Sigmoid, inf), 1.0);
}

TEST(Activation, OthersByHand) {
    EXPECT_NEAR(activate(Activation::Tanh, 0.5), 0.46211715726000974, 1e-15);
    EXPECT_EQ(activate(Activation::Relu, -3.0), 0.0);
    EXPECT_EQ(activate(Activation::Relu, 2.5), 2.5);
    EXPECT_EQ(activate(Activation::Identity, -7.25), -7.25);
}

TEST(Activation, DerivativeMatchesCentralDifference) {
    const double h = 1e-6;
    for (Activation f : kAll) {
        for (double z : {-3.1, -0.7, 0.3, 1.9, 4.2}) {
            const double numeric = (activate(f, z + h) - activate(f, z - h)) / (2 * h);
            const double analytic = activationDerivative(f, z, activate(f, z));
            EXPECT_NEAR(analytic, numeric, 1e-8) << activationName(f) << " at z = " << z;
        }
    }
}

TEST(Activation, SigmoidDerivativeIsOTimesOneMinusO) {
    // σ'(x) = σ(x)·(1 − σ(x)): at x = 0 that is ½·½.
    EXPECT_DOUBLE_EQ(activationDerivative(Activation::Sigmoid, 0.0, 0.5), 0.25);
}

TEST(Activation, LevelAtHalfGivesOutputOneHalf) {
    for (Activation f : kAll)
        EXPECT_NEAR(activate(f, levelAtHalf(f)), 0.5, 1e-15) << activationName(f);
}

TEST(Activation, NamesRoundTrip) {
    for (Activation f : kAll) {
        Activation parsed = Activation::Identity;
        ASSERT_TRUE(parseActivation(activationName(f), parsed));
        EXPECT_EQ(parsed, f);
    }
    Activation out;
    EXPECT_FALSE(parseActivation("softmax", out));
}
