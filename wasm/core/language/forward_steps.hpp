// One pass through the notes' small network with numbers a student types (the course's toy "Et
// lille neuralt netværk", editable on the page): every step kept, to be shown one under the other.
//   a_j = w_{j,0} + Σ_k w_{j,k}·x_k,  h_j = f(a_j),  y_i = u_{i,0} + Σ_j u_{i,j}·h_j,  z = softmax(y)
#pragma once

#include <Eigen/Core>

#include "language/neural_model.hpp"

namespace vaerksted::language {

struct ForwardSteps {
    NeuralStatus status = NeuralStatus::Ok;  // InvalidWeights: shapes that do not fit, or a number not finite
    Eigen::VectorXd a, h, y, z;              // (d), (d), (V), (V)
};

// x: (n), W: (d × (1 + n)), U: (V × (1 + d)); column 0 of W and U holds the biases w_{j,0}, u_{i,0}.
ForwardSteps forwardSteps(const Eigen::VectorXd& x, const Eigen::MatrixXd& W, const Eigen::MatrixXd& U, Activation f);

}  // namespace vaerksted::language
