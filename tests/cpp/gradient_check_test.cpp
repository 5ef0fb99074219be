// ∂E/∂w_i for every activation × loss against central differences in double:
// relative error below 1e-6, as the students would check "by hand" with a small h.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/rng.hpp"
#include "neuron/loss.hpp"
#include "neuron/trainer.hpp"

using namespace vaerksted;
using namespace vaerksted::neuron;

namespace {

struct Combination {
    Activation activation;
    LossKind loss;
};

std::string nameOf(const testing::TestParamInfo<Combination>& info) {
    return std::string(activationName(info.param.activation)) + "_" + lossName(info.param.loss);
}

double relativeError(double a, double b) {
    const double scale = std::max({std::abs(a), std::abs(b), 1e-8});
    return std::abs(a - b) / scale;
}

// Random data (M × n) and weights with every z away from ReLU's kink at 0.
struct Point {
    Eigen::MatrixXd A;
    Eigen::VectorXd t, w;
};

Point randomPoint(Rng& rng, int M, int n, LossKind loss) {
    for (;;) {
        Point p{Eigen::MatrixXd(M, n + 1), Eigen::VectorXd(M), Eigen::VectorXd(n + 1)};
        for (int m = 0; m < M; ++m) {
            p.A(m, 0) = 1.0;
            for (int j = 1; j <= n; ++j) p.A(m, j) = rng.uniform(-2.0, 2.0);
            // Cross-entropy also allows soft targets in [0, 1]; squared error any real t.
            p.t[m] = loss == LossKind::CrossEntropy ? rng.uniform() : rng.uniform(-1.0, 2.0);
        }
        for (int i = 0; i <= n; ++i) p.w[i] = rng.uniform(-1.5, 1.5);
        if (((p.A * p.w).array().abs() > 1e-2).all()) return p;
    }
}

class GradientCheck : public testing::TestWithParam<Combination> {};

}  // namespace

TEST_P(GradientCheck, AnalyticGradientMatchesCentralDifferences) {
    const auto [f, loss] = GetParam();
    Rng rng(20261124);
    const double h = 1e-6;
    for (int trial = 0; trial < 20; ++trial) {
        Point p = randomPoint(rng, 7, 3, loss);
        Workspace work;
        Eigen::VectorXd gradient;
        evaluate(loss, f, p.A, p.t, p.w, work, &gradient);
        for (int i = 0; i < p.w.size(); ++i) {
            Eigen::VectorXd plus = p.w, minus = p.w;
            plus[i] += h;
            minus[i] -= h;
            const double numeric = (evaluate(loss, f, p.A, p.t, plus, work, nullptr) -
                                    evaluate(loss, f, p.A, p.t, minus, work, nullptr)) /
                                   (2 * h);
            EXPECT_LT(relativeError(gradient[i], numeric), 1e-6)
                << "trial " << trial << ", ∂E/∂w" << i << ": analytic " << gradient[i]
                << ", numeric " << numeric;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(AllCombinations, GradientCheck,
                         testing::Values(Combination{Activation::Sigmoid, LossKind::SquaredError},
                                         Combination{Activation::Tanh, LossKind::SquaredError},
                                         Combination{Activation::Relu, LossKind::SquaredError},
                                         Combination{Activation::Identity, LossKind::SquaredError},
                                         Combination{Activation::Sigmoid, LossKind::CrossEntropy}),
                         nameOf);

TEST(GradientCheck, CrossEntropyLossIsTheNotesFormulaWhereThatIsFinite) {
    // E = −[t·ln o + (1 − t)·ln(1 − o)], written out, against the fused form.
    Eigen::MatrixXd A(3, 2);
    A << 1, 0.4, 1, -1.3, 1, 2.2;
    Eigen::VectorXd t(3), w(2);
    t << 1, 0, 0.3;
    w << 0.2, -0.9;
    Workspace work;
    const double fused = evaluate(LossKind::CrossEntropy, Activation::Sigmoid, A, t, w, work, nullptr);
    double direct = 0.0;
    for (int m = 0; m < 3; ++m) {
        const double o = 1.0 / (1.0 + std::exp(-A.row(m).dot(w)));
        direct -= t[m] * std::log(o) + (1 - t[m]) * std::log(1 - o);
    }
    EXPECT_NEAR(fused, direct, 1e-13);
}

TEST(GradientCheck, SaturatedCrossEntropyIsFiniteWithTheRightGradient) {
    // z = ±800: o is exactly 0 or 1 in double, so ln o would be −inf; the fused form is not.
    Eigen::MatrixXd A(2, 2);
    A << 1, 1, 1, -1;
    Eigen::VectorXd t(2), w(2), gradient;
    t << 0, 1;  // both wrongly saturated
    w << 0, 800;
    Workspace work;
    const double E = evaluate(LossKind::CrossEntropy, Activation::Sigmoid, A, t, w, work, &gradient);
    EXPECT_NEAR(E, 1600.0, 1e-9);  // ln(1 + e^800) ≈ 800 for each example
    // ∂E/∂w = Σ (o − t)·x: (1 − 0)·(1, 1) + (0 − 1)·(1, −1) = (0, 2)
    EXPECT_NEAR(gradient[0], 0.0, 1e-12);
    EXPECT_NEAR(gradient[1], 2.0, 1e-12);
}

TEST(GradientCheck, RawScaleGradientOfAStandardisedNeuronMatchesCentralDifferences) {
    // The trainer reports ∂E/∂w_i on the raw scale; perturb raw start weights to check it.
    Eigen::MatrixXd x(6, 2);
    x << 23, 2900, 38, 3300, 45, 2100, 52, 3600, 58, 2500, 71, 1900;
    std::vector<double> xs, ts = {1, 1, 0, 1, 0, 0};
    for (int m = 0; m < 6; ++m) xs.insert(xs.end(), {x(m, 0), x(m, 1)});
    Dataset data;
    ASSERT_TRUE(makeDataset(xs.data(), xs.size(), 6, 2, ts.data(), ts.size(), data).ok());
    const std::vector<double> w = {1.1, -0.04, 0.0003};
    auto lossAt = [&](const std::vector<double>& raw, Eigen::VectorXd* gradient) {
        NeuronTrainer trainer;
        NeuronConfig config;
        config.start = {StartKind::Given, 0.0, raw};
        EXPECT_TRUE(trainer.configure(config).ok());
        EXPECT_TRUE(trainer.setData(data).ok());
        if (gradient) *gradient = trainer.rawGradient();
        return trainer.loss();
    };
    Eigen::VectorXd analytic;
    lossAt(w, &analytic);
    const double largestInput[3] = {1.0, 71.0, 3600.0};  // x_0 = 1, then the largest age and spending
    for (int i = 0; i < 3; ++i) {
        const double h = 1e-5 / largestInput[i];  // the same small change of z for every weight
        std::vector<double> plus = w, minus = w;
        plus[i] += h;
        minus[i] -= h;
        const double numeric = (lossAt(plus, nullptr) - lossAt(minus, nullptr)) / (2 * h);
        EXPECT_LT(relativeError(analytic[i], numeric), 1e-6) << "∂E/∂w" << i;
    }
}
