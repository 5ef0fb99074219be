// The loss surface E(w0, w1, …) on the raw scale: what a student would draw by hand as a
// contour map, and what the page paints as a heat map with the training paths on top.
#pragma once

#include <vector>

#include <Eigen/Core>

#include "neuron/activation.hpp"
#include "neuron/dataset.hpp"
#include "neuron/loss.hpp"
#include "neuron/problem.hpp"

namespace vaerksted::neuron {

// A grid of nx × ny points over [w0Min, w0Max] × [w1Min, w1Max] (ends included).
struct GridSpec {
    double w0Min = -1.0, w0Max = 1.0;
    int nx = 2;
    double w1Min = -1.0, w1Max = 1.0;
    int ny = 2;
};

inline constexpr int kMaxGridPoints = 1'000'000;

class Landscape {
public:
    Landscape(const Dataset& data, Activation f, LossKind loss);

    // E at raw weights w (n+1), and ∂E/∂w_i = Σ_m δ_m·x_i^(m) when gradient is given.
    double loss(const Eigen::VectorXd& w, Eigen::VectorXd* gradient = nullptr) const;

    // E over the grid for a neuron with one input: values[j·nx + i] = E(w0_i, w1_j).
    Problem grid(const GridSpec& spec, std::vector<double>& values) const;

private:
    Eigen::MatrixXd A_;  // (M × (n+1)) raw design matrix [1 | x]
    Eigen::VectorXd t_;  // (M)
    Activation activation_;
    LossKind loss_;
    mutable Workspace work_;
};

}  // namespace vaerksted::neuron
