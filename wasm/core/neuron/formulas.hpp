// The numbers the pages show about one input or one example — a prediction, the curve o(x), one
// example's share of E and of its gradient — computed with the functions training uses, so that the
// page never keeps a second copy of a formula.
#pragma once

#include <Eigen/Dense>

#include "neuron/activation.hpp"
#include "neuron/loss.hpp"
#include "neuron/problem.hpp"
#include "neuron/scaling.hpp"

namespace vaerksted::neuron {

// z = w0 + w1·x1 + … + wn·xn and o = f(z).
struct NeuronOutput {
    double z = 0.0;
    double o = 0.0;
};

// Shapes: w (n+1) raw weights, x (n) raw inputs. ShapeMismatch or NonFiniteInput (column = j).
Problem neuronOutput(Activation f, const Eigen::VectorXd& w, const Eigen::VectorXd& x, NeuronOutput& out);

// o for every row of weights and every example, as the notes' iteration tables list them:
// O(r, m) = f(w0 + w1·x_m1 + … + wn·x_mn) with row r's weights. Shapes: W (R×(n+1)) raw weights,
// X (M×n) raw inputs, O (R×M). ShapeMismatch or NonFiniteInput (row = example, column = j).
Problem outputTable(Activation f, const Eigen::MatrixXd& W, const Eigen::MatrixXd& X, Eigen::MatrixXd& O);

// o(x) = f(w0 + w1·x) at each x: the curve of a one-input neuron. Shapes: x (K), o (K).
void outputCurve(Activation f, double w0, double w1, const Eigen::ArrayXd& x, Eigen::ArrayXd& o);

// One example on the scale training happens on, in the notes' notation.
struct ExampleTerms {
    Eigen::VectorXd scaled;    // (n+1) x̃0 = 1, x̃_j = (x_j − μ_j)/s_j
    double z = 0.0;            // Σ_i w̃_i·x̃_i
    double o = 0.0;            // f(z)
    double slope = 0.0;        // f'(z): o·(1 − o) for the sigmoid
    double loss = 0.0;         // E_m: ½(t − o)² or −[t·ln o + (1 − t)·ln(1 − o)]
    Eigen::VectorXd gradient;  // (n+1) ∂E_m/∂w̃_i = δ·x̃_i
    Eigen::VectorXd step;      // (n+1) w̃_i − η·∂E_m/∂w̃_i: the update this example alone would give
};

// Shapes: w (n+1) weights on the training scale, x (n) raw inputs; scaling of n inputs.
Problem exampleTerms(LossKind loss, Activation f, const Scaling& scaling, const Eigen::VectorXd& w,
                     const Eigen::VectorXd& x, double t, double eta, ExampleTerms& out);

}  // namespace vaerksted::neuron
