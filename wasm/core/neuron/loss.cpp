#include "neuron/loss.hpp"

#include <algorithm>
#include <cmath>

namespace vaerksted::neuron {

bool parseLoss(std::string_view name, LossKind& out) {
    if (name == "squared") out = LossKind::SquaredError;
    else if (name == "cross_entropy") out = LossKind::CrossEntropy;
    else return false;
    return true;
}

const char* lossName(LossKind loss) {
    return loss == LossKind::CrossEntropy ? "cross_entropy" : "squared";
}

ExampleLoss exampleLoss(LossKind loss, Activation f, double z, double o, double t) {
    if (loss == LossKind::CrossEntropy) {
        // −[t·ln σ(z) + (1 − t)·ln(1 − σ(z))] = ln(1 + e^z) − t·z, written so that e^(−|z|) ≤ 1:
        // a saturated neuron gives a large finite E, never ln 0.
        const double softplus = std::max(z, 0.0) + std::log1p(std::exp(-std::abs(z)));
        // ∂E/∂z = o − t: the factor o·(1 − o) of the squared error is gone.
        return {softplus - t * z, o - t};
    }
    const double error = t - o;
    // E = ½(t − o)²,  ∂E/∂z = −(t − o)·f'(z)
    return {0.5 * error * error, -error * activationDerivative(f, z, o)};
}

double evaluate(LossKind loss, Activation f, const Eigen::MatrixXd& A, const Eigen::VectorXd& t,
                const Eigen::VectorXd& w, Workspace& work, Eigen::VectorXd* gradient) {
    work.z = (A * w).array();  // (M) = (M × (n+1))·(n+1)
    activate(f, work.z, work.o);
    work.delta.resize(work.z.size());
    double E = 0.0;
    for (Eigen::Index m = 0; m < work.z.size(); ++m) {
        const ExampleLoss part = exampleLoss(loss, f, work.z[m], work.o[m], t[m]);
        E += part.loss;
        work.delta[m] = part.delta;
    }
    // ∂E/∂w_i = Σ_m δ_m·x_i^(m):  (n+1) = (M × (n+1))ᵀ·(M)
    if (gradient) gradient->noalias() = A.transpose() * work.delta.matrix();
    return E;
}

}  // namespace vaerksted::neuron
