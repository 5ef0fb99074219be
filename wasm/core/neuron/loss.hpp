// Loss functions E(w) of the neuron and their gradients, in the notes' notation:
//   squared error   E = ½·Σ_m (t − o)²
//   cross-entropy   E = −Σ_m [t·ln o + (1 − t)·ln(1 − o)]   (sigmoid only, fused with it)
#pragma once

#include <string_view>

#include <Eigen/Core>

#include "neuron/activation.hpp"

namespace vaerksted::neuron {

enum class LossKind { SquaredError, CrossEntropy };

bool parseLoss(std::string_view name, LossKind& out);  // "squared", "cross_entropy"
const char* lossName(LossKind loss);

// One example's share of E and of ∂E/∂z (so that ∂E/∂w_i = δ·x_i, x_0 = 1).
struct ExampleLoss {
    double loss;
    double delta;
};

// z = w0 + w1·x1 + …, o = f(z) for one example with target t.
ExampleLoss exampleLoss(LossKind loss, Activation f, double z, double o, double t);

// Scratch arrays reused between iterations so training allocates nothing. Shapes (M).
struct Workspace {
    Eigen::ArrayXd z, o, delta;
};

// E at weights w, and ∂E/∂w when gradient is given.
// Shapes: A (M × (n+1), column 0 all ones), t (M), w (n+1), gradient (n+1).
// Leaves z = A·w, o = f(z) and δ = ∂E/∂z in work.
double evaluate(LossKind loss, Activation f, const Eigen::MatrixXd& A, const Eigen::VectorXd& t,
                const Eigen::VectorXd& w, Workspace& work, Eigen::VectorXd* gradient);

}  // namespace vaerksted::neuron
