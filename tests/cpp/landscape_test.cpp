// The loss surface over (w0, w1): values by hand, the grid's layout, and its gradient against
// central differences.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "neuron/landscape.hpp"

using namespace vaerksted::neuron;

namespace {

Dataset oneInput(std::vector<double> x, std::vector<double> t) {
    Dataset data;
    EXPECT_TRUE(makeDataset(x.data(), x.size(), static_cast<int>(x.size()), 1, t.data(), t.size(), data).ok());
    return data;
}

double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

}  // namespace

TEST(Landscape, NielsensNeuronByHand) {
    const Dataset nielsen = oneInput({1}, {0});  // x = 1, t = 0
    Eigen::VectorXd w(2);
    w << 0.9, 0.6;  // b = 0.9, w = 0.6: o = σ(1.5)
    const double o = sigmoid(1.5);
    EXPECT_NEAR(Landscape(nielsen, Activation::Sigmoid, LossKind::SquaredError).loss(w), 0.5 * o * o, 1e-15);
    EXPECT_NEAR(Landscape(nielsen, Activation::Sigmoid, LossKind::CrossEntropy).loss(w), -std::log(1 - o), 1e-14);
    w << 0, 0;  // o = ½: E = ⅛ and ln 2
    EXPECT_DOUBLE_EQ(Landscape(nielsen, Activation::Sigmoid, LossKind::SquaredError).loss(w), 0.125);
    EXPECT_NEAR(Landscape(nielsen, Activation::Sigmoid, LossKind::CrossEntropy).loss(w), std::log(2.0), 1e-15);
}

TEST(Landscape, GridIsRowByRowAlongW0WithW1Upwards) {
    const Dataset three = oneInput({25, 40, 60}, {0, 0, 1});
    const Landscape surface(three, Activation::Sigmoid, LossKind::SquaredError);
    GridSpec spec{-50, 30, 5, -1, 1.5, 3};
    std::vector<double> values;
    ASSERT_TRUE(surface.grid(spec, values).ok());
    ASSERT_EQ(values.size(), 15u);
    auto at = [&](double w0, double w1) {
        Eigen::VectorXd w(2);
        w << w0, w1;
        return surface.loss(w);
    };
    EXPECT_EQ(values[0], at(-50, -1));       // i = 0, j = 0
    EXPECT_EQ(values[4], at(30, -1));        // i = nx − 1, j = 0
    EXPECT_EQ(values[2], at(-10, -1));       // the middle of w0's range
    EXPECT_EQ(values[5 * 2], at(-50, 1.5));  // j = ny − 1
    EXPECT_EQ(values[5 + 1], at(-30, 0.25));
}

TEST(Landscape, SquaredErrorHasItsPlateausCrossEntropyDoesNot) {
    // The notes' plateaus (del 3): with w1 large, the neuron says 1 for all three points, two of
    // them wrongly, and E is flat at ½·(1² + 1²) = 1; cross-entropy keeps rising instead.
    const Dataset three = oneInput({25, 40, 60}, {0, 0, 1});
    Eigen::VectorXd a(2), b(2);
    a << -3.48, 0.55;
    b << -3.48, 0.75;
    const Landscape squared(three, Activation::Sigmoid, LossKind::SquaredError);
    const Landscape cross(three, Activation::Sigmoid, LossKind::CrossEntropy);
    EXPECT_NEAR(squared.loss(a), 1.0, 1e-4);
    EXPECT_NEAR(squared.loss(b), 1.0, 1e-4);
    EXPECT_GT(cross.loss(b) - cross.loss(a), 10.0);  // ≈ 0.2·(25 + 40) more
}

TEST(Landscape, GradientMatchesCentralDifferences) {
    const Dataset three = oneInput({25, 40, 60}, {0, 0, 1});
    for (LossKind loss : {LossKind::SquaredError, LossKind::CrossEntropy}) {
        const Landscape surface(three, Activation::Sigmoid, loss);
        for (const auto& [w0, w1] : std::vector<std::pair<double, double>>{{-35, 1}, {-3.48, 0.55}, {0.3, -0.02}, {-20, 0.45}}) {
            Eigen::VectorXd w(2), gradient;
            w << w0, w1;
            surface.loss(w, &gradient);
            // The same change of z for both weights; 1e-4 keeps round-off small where E is flat.
            const double steps[2] = {1e-4, 1e-4 / 60};
            for (int i = 0; i < 2; ++i) {
                Eigen::VectorXd plus = w, minus = w;
                plus[i] += steps[i];
                minus[i] -= steps[i];
                const double numeric = (surface.loss(plus) - surface.loss(minus)) / (2 * steps[i]);
                const double scale = std::max({std::abs(numeric), std::abs(gradient[i]), 1e-9});
                EXPECT_LT(std::abs(numeric - gradient[i]) / scale, 1e-6)
                    << lossName(loss) << " at (" << w0 << ", " << w1 << "), ∂E/∂w" << i;
            }
        }
    }
}

TEST(Landscape, RefusesTwoInputsAndBadGrids) {
    const std::vector<double> x = {1, 2, 3, 4}, t = {0, 1};
    Dataset two;
    ASSERT_TRUE(makeDataset(x.data(), 4, 2, 2, t.data(), 2, two).ok());
    std::vector<double> values;
    EXPECT_EQ(Landscape(two, Activation::Sigmoid, LossKind::SquaredError).grid({}, values).status,
              Status::LandscapeNeedsOneInput);
    const Landscape one(oneInput({1, 2}, {0, 1}), Activation::Sigmoid, LossKind::SquaredError);
    EXPECT_EQ(one.grid({-1, 1, 1, -1, 1, 5}, values).status, Status::InvalidGrid);          // nx < 2
    EXPECT_EQ(one.grid({1, -1, 5, -1, 1, 5}, values).status, Status::InvalidGrid);          // empty range
    EXPECT_EQ(one.grid({-1, 1, 2000, -1, 1, 2000}, values).status, Status::InvalidGrid);    // 4 million points
    EXPECT_EQ(one.grid({-1, NAN, 5, -1, 1, 5}, values).status, Status::InvalidGrid);
}
