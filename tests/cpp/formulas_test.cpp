// The numbers the pages show about one input or example. Reference values from Python's math
// module (σ(z) = 1/(1 + e^−z)), the gradient against central differences of E_m itself.
#include <cmath>

#include <gtest/gtest.h>

#include "neuron/formulas.hpp"

using namespace vaerksted::neuron;

namespace {

Eigen::VectorXd vec(std::initializer_list<double> values) {
    Eigen::VectorXd v(static_cast<Eigen::Index>(values.size()));
    Eigen::Index i = 0;
    for (double x : values) v[i++] = x;
    return v;
}

Scaling scalingOf(std::initializer_list<double> mean, std::initializer_list<double> sd) {
    return {vec(mean), vec(sd)};
}

}  // namespace

TEST(NeuronOutput, WeightedSumThenActivation) {
    NeuronOutput out;
    // z = 1 + 2·0.5 − 1·3 = −1, o = σ(−1) = 1/(1 + e) = 0.2689414213699951
    ASSERT_TRUE(neuronOutput(Activation::Sigmoid, vec({1, 2, -1}), vec({0.5, 3}), out).ok());
    EXPECT_DOUBLE_EQ(out.z, -1.0);
    EXPECT_NEAR(out.o, 0.2689414213699951, 1e-15);
    ASSERT_TRUE(neuronOutput(Activation::Relu, vec({1, 2, -1}), vec({0.5, 3}), out).ok());
    EXPECT_EQ(out.o, 0.0);
    ASSERT_TRUE(neuronOutput(Activation::Tanh, vec({0, 1}), vec({0.5}), out).ok());
    EXPECT_NEAR(out.o, 0.46211715726000974, 1e-15);  // tanh(0.5)
}

TEST(NeuronOutput, RefusesWrongShapesAndNonFiniteInputs) {
    NeuronOutput out;
    EXPECT_EQ(neuronOutput(Activation::Sigmoid, vec({1, 2}), vec({0.5, 3}), out).status, Status::ShapeMismatch);
    const Problem p = neuronOutput(Activation::Sigmoid, vec({1, 2, 3}), vec({0.5, NAN}), out);
    EXPECT_EQ(p.status, Status::NonFiniteInput);
    EXPECT_EQ(p.column, 1);
}

TEST(OutputTable, EveryRowOfWeightsOnEveryExample) {
    Eigen::MatrixXd W(2, 3), X(2, 2), O;
    W << 0.5, 1, -2,
        -1, 0, 3;
    X << 1, 0.25,
         2, -1;
    ASSERT_TRUE(outputTable(Activation::Sigmoid, W, X, O).ok());
    ASSERT_EQ(O.rows(), 2);
    ASSERT_EQ(O.cols(), 2);
    // Python: 1/(1 + math.exp(-(w0 + w1·x1 + w2·x2))) for each row and example
    EXPECT_NEAR(O(0, 0), 0.7310585786300049, 1e-15);   // z = 1
    EXPECT_NEAR(O(0, 1), 0.9890130573694068, 1e-15);   // z = 4.5
    EXPECT_NEAR(O(1, 0), 0.43782349911420193, 1e-15);  // z = −0.25
    EXPECT_NEAR(O(1, 1), 0.01798620996209156, 1e-15);  // z = −4
}

TEST(OutputTable, RefusesWrongShapesAndNamesTheNonFiniteInput) {
    Eigen::MatrixXd W(1, 2), X(2, 2), O;
    W << 0, 1;
    X << 1, 2, 3, 4;
    EXPECT_EQ(outputTable(Activation::Sigmoid, W, X, O).status, Status::ShapeMismatch);
    Eigen::MatrixXd W3(1, 3);
    W3 << 0, 1, 1;
    X(1, 0) = INFINITY;
    const Problem p = outputTable(Activation::Sigmoid, W3, X, O);
    EXPECT_EQ(p.status, Status::NonFiniteInput);
    EXPECT_EQ(p.row, 1);
    EXPECT_EQ(p.column, 0);
}

TEST(OutputCurve, IsTheActivationAlongTheLine) {
    Eigen::ArrayXd x(3), o;
    x << -2, 0, 2;
    outputCurve(Activation::Sigmoid, 1.0, 0.5, x, o);  // z = 0, 1, 2
    ASSERT_EQ(o.size(), 3);
    EXPECT_NEAR(o[0], 0.5, 1e-15);
    EXPECT_NEAR(o[1], 0.7310585786300049, 1e-15);
    EXPECT_NEAR(o[2], 0.8807970779778823, 1e-15);
}

TEST(ExampleTerms, HandWorkedSquaredErrorAndCrossEntropy) {
    // x = 10, μ = 2, s = 4 → x̃ = 2; w̃ = (0.5, −0.5) → z = −0.5, o = σ(−0.5) = 0.3775406687981454; t = 1.
    const Scaling scaling = scalingOf({2}, {4});
    ExampleTerms se, ce;
    ASSERT_TRUE(exampleTerms(LossKind::SquaredError, Activation::Sigmoid, scaling, vec({0.5, -0.5}), vec({10}), 1, 0.1, se).ok());
    EXPECT_DOUBLE_EQ(se.scaled[0], 1.0);
    EXPECT_DOUBLE_EQ(se.scaled[1], 2.0);
    EXPECT_DOUBLE_EQ(se.z, -0.5);
    EXPECT_NEAR(se.o, 0.3775406687981454, 1e-15);
    EXPECT_NEAR(se.slope, 0.3775406687981454 * (1 - 0.3775406687981454), 1e-15);  // σ' = o·(1 − o)
    EXPECT_NEAR(se.loss, 0.19372780950013005, 1e-15);       // ½(1 − o)²
    EXPECT_NEAR(se.gradient[0], -0.14628025352695762, 1e-15);  // −(t − o)·o·(1 − o)·1
    EXPECT_NEAR(se.gradient[1], -0.29256050705391523, 1e-15);  // … ·x̃
    ASSERT_TRUE(exampleTerms(LossKind::CrossEntropy, Activation::Sigmoid, scaling, vec({0.5, -0.5}), vec({10}), 1, 0.1, ce).ok());
    EXPECT_NEAR(ce.loss, 0.9740769841801068, 1e-15);         // −ln o
    EXPECT_NEAR(ce.gradient[0], -0.6224593312018546, 1e-15);   // −(t − o)
    EXPECT_NEAR(ce.gradient[1], -1.2449186624037092, 1e-15);
    // The example alone, η = 0.1: w̃ − η·∂E_m/∂w̃ = (0.5 + 0.06224593312018546, −0.5 + 0.12449186624037092).
    EXPECT_NEAR(ce.step[0], 0.5622459331201854, 1e-15);
    EXPECT_NEAR(ce.step[1], -0.3755081337596291, 1e-15);
}

TEST(ExampleTerms, GradientMatchesCentralDifferences) {
    const Scaling scaling = scalingOf({1, -2}, {2, 0.5});
    const Eigen::VectorXd x = vec({3, -1.5}), w = vec({0.3, -0.8, 1.1});
    for (LossKind loss : {LossKind::SquaredError, LossKind::CrossEntropy}) {
        for (double t : {0.0, 1.0}) {
            ExampleTerms at;
            ASSERT_TRUE(exampleTerms(loss, Activation::Sigmoid, scaling, w, x, t, 0.1, at).ok());
            for (Eigen::Index i = 0; i < w.size(); ++i) {
                const double h = 1e-6;
                Eigen::VectorXd up = w, down = w;
                up[i] += h;
                down[i] -= h;
                ExampleTerms a, b;
                exampleTerms(loss, Activation::Sigmoid, scaling, up, x, t, 0.1, a);
                exampleTerms(loss, Activation::Sigmoid, scaling, down, x, t, 0.1, b);
                const double numeric = (a.loss - b.loss) / (2 * h);
                EXPECT_NEAR(at.gradient[i], numeric, 1e-6 * std::max(1.0, std::abs(numeric))) << "w̃" << i;
            }
        }
    }
}

TEST(ExampleTerms, SaturatedCrossEntropyStaysFinite) {
    ExampleTerms out;
    // z = −800: o rounds to 0, yet E_m = −ln σ(−800) = 800 (no ln 0).
    ASSERT_TRUE(exampleTerms(LossKind::CrossEntropy, Activation::Sigmoid, scalingOf({0}, {1}), vec({0, -800}), vec({1}), 1, 0.1, out).ok());
    EXPECT_NEAR(out.loss, 800.0, 1e-9);
}

TEST(ExampleTerms, RefusesWhatItCannotCompute) {
    ExampleTerms out;
    const Scaling one = scalingOf({0}, {1});
    EXPECT_EQ(exampleTerms(LossKind::CrossEntropy, Activation::Tanh, one, vec({0, 1}), vec({1}), 1, 0.1, out).status,
              Status::CrossEntropyNeedsSigmoid);
    EXPECT_EQ(exampleTerms(LossKind::SquaredError, Activation::Sigmoid, one, vec({0, 1, 2}), vec({1}), 1, 0.1, out).status,
              Status::ShapeMismatch);
    EXPECT_EQ(exampleTerms(LossKind::SquaredError, Activation::Sigmoid, one, vec({0, 1}), vec({INFINITY}), 1, 0.1, out).status,
              Status::NonFiniteInput);
    EXPECT_EQ(exampleTerms(LossKind::SquaredError, Activation::Sigmoid, one, vec({0, 1}), vec({1}), 1, 0.0, out).status,
              Status::InvalidLearningRate);
}
