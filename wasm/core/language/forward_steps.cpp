#include "language/forward_steps.hpp"

#include <vector>

#include "language/neural_layers.hpp"

namespace vaerksted::language {

ForwardSteps forwardSteps(const Eigen::VectorXd& x, const Eigen::MatrixXd& W, const Eigen::MatrixXd& U, Activation f) {
    ForwardSteps out;
    const bool fits = x.size() > 0 && W.rows() > 0 && U.rows() > 0 && W.cols() == 1 + x.size() && U.cols() == 1 + W.rows();
    if (!fits || !x.allFinite() || !W.allFinite() || !U.allFinite()) {
        out.status = NeuralStatus::InvalidWeights;
        return out;
    }
    Eigen::MatrixXd A, H, Y, Z;
    hiddenForward(f, W, x, A, H);                    // (d × 1)
    outputForward(U, H, Y);                          // (V × 1)
    softmaxForward(Y, std::vector<int>{0}, Z);       // (V × 1); the loss of word 0 is not used
    if (!H.allFinite() || !Y.allFinite() || !Z.allFinite()) {  // e.g. ReLU with huge weights
        out.status = NeuralStatus::NonFinite;
        return out;
    }
    out.a = A.col(0), out.h = H.col(0), out.y = Y.col(0), out.z = Z.col(0);
    return out;
}

}  // namespace vaerksted::language
