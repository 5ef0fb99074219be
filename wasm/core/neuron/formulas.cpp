#include "neuron/formulas.hpp"

#include <cmath>

namespace vaerksted::neuron {
namespace {

// The first input that is not a finite number, or -1.
int firstNonFinite(const Eigen::VectorXd& x) {
    for (Eigen::Index j = 0; j < x.size(); ++j)
        if (!std::isfinite(x[j])) return static_cast<int>(j);
    return -1;
}

}  // namespace

Problem neuronOutput(Activation f, const Eigen::VectorXd& w, const Eigen::VectorXd& x, NeuronOutput& out) {
    if (w.size() != x.size() + 1 || x.size() == 0) return {Status::ShapeMismatch};
    if (const int j = firstNonFinite(x); j >= 0) return {Status::NonFiniteInput, 0, j};
    out.z = w[0] + w.tail(x.size()).dot(x);  // z = w0 + Σ_j w_j·x_j
    out.o = activate(f, out.z);
    return {};
}

Problem outputTable(Activation f, const Eigen::MatrixXd& W, const Eigen::MatrixXd& X, Eigen::MatrixXd& O) {
    if (X.cols() == 0 || W.cols() != X.cols() + 1) return {Status::ShapeMismatch};
    for (Eigen::Index m = 0; m < X.rows(); ++m)
        for (Eigen::Index j = 0; j < X.cols(); ++j)
            if (!std::isfinite(X(m, j))) return {Status::NonFiniteInput, static_cast<int>(m), static_cast<int>(j)};
    // A row at a time, not one matrix product: the product would pull Eigen's GEMM into the wasm.
    O.resize(W.rows(), X.rows());
    for (Eigen::Index r = 0; r < W.rows(); ++r)
        for (Eigen::Index m = 0; m < X.rows(); ++m)
            O(r, m) = activate(f, W(r, 0) + W.row(r).tail(X.cols()).dot(X.row(m)));  // z = w0 + Σ_j w_j·x_mj
    return {};
}

void outputCurve(Activation f, double w0, double w1, const Eigen::ArrayXd& x, Eigen::ArrayXd& o) {
    o.resize(x.size());
    for (Eigen::Index k = 0; k < x.size(); ++k) o[k] = activate(f, w0 + w1 * x[k]);
}

Problem exampleTerms(LossKind loss, Activation f, const Scaling& scaling, const Eigen::VectorXd& w,
                     const Eigen::VectorXd& x, double t, double eta, ExampleTerms& out) {
    const Eigen::Index n = x.size();
    if (n == 0 || w.size() != n + 1 || scaling.mean.size() != n || scaling.sd.size() != n)
        return {Status::ShapeMismatch};
    if (loss == LossKind::CrossEntropy && f != Activation::Sigmoid) return {Status::CrossEntropyNeedsSigmoid};
    if (const int j = firstNonFinite(x); j >= 0) return {Status::NonFiniteInput, 0, j};
    if (!std::isfinite(t)) return {Status::NonFiniteInput, 0, static_cast<int>(n)};
    if (!(std::isfinite(eta) && eta > 0.0)) return {Status::InvalidLearningRate};
    out.scaled.resize(n + 1);
    out.scaled[0] = 1.0;
    out.scaled.tail(n) = (x - scaling.mean).cwiseQuotient(scaling.sd);  // x̃_j = (x_j − μ_j)/s_j
    out.z = w.dot(out.scaled);
    out.o = activate(f, out.z);
    out.slope = activationDerivative(f, out.z, out.o);
    const ExampleLoss part = exampleLoss(loss, f, out.z, out.o, t);
    out.loss = part.loss;
    out.gradient = part.delta * out.scaled;  // ∂E_m/∂w̃_i = δ·x̃_i, δ = ∂E_m/∂z
    out.step = w - eta * out.gradient;       // w̃_i ← w̃_i − η·∂E_m/∂w̃_i
    return {};
}

}  // namespace vaerksted::neuron
