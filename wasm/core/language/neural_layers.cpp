#include "language/neural_layers.hpp"

#include <cmath>

namespace vaerksted::language {

void embedForward(const std::vector<int>& ids, int c, const Eigen::MatrixXd& E, Eigen::MatrixXd& X) {
    const Eigen::Index m = E.cols(), B = static_cast<Eigen::Index>(ids.size()) / c;
    X.resize(c * m, B);  // (c·m × B): x = (v_{w1}; …; v_{wc}) in each column
    for (Eigen::Index b = 0; b < B; ++b)
        for (int i = 0; i < c; ++i)
            X.block(i * m, b, m, 1) = E.row(ids[static_cast<std::size_t>(b * c + i)]).transpose();
}

void embedBackward(const std::vector<int>& ids, int c, const Eigen::MatrixXd& dX, Eigen::MatrixXd& dE) {
    const Eigen::Index m = dE.cols();
    for (Eigen::Index b = 0; b < dX.cols(); ++b)
        for (int i = 0; i < c; ++i)
            // ∂L/∂v_w += ∂L/∂(x_{i·m+1} … x_{(i+1)·m}) for w = w_{i+1}
            dE.row(ids[static_cast<std::size_t>(b * c + i)]) += dX.block(i * m, b, m, 1).transpose();
}

void hiddenForward(neuron::Activation f, const Eigen::MatrixXd& W, const Eigen::MatrixXd& X, Eigen::MatrixXd& A,
                   Eigen::MatrixXd& H) {
    // The bias first, then the product added to it: w_{j,0} + Σ is Σ + w_{j,0} to the bit, one pass fewer.
    A.resize(W.rows(), X.cols());
    A.colwise() = W.col(0);                        // w_{j,0}
    A.noalias() += W.rightCols(W.cols() - 1) * X;  // + Σ_k w_{j,k}·x_k: (d × c·m)·(c·m × B)
    H.resize(A.rows(), A.cols());
    for (Eigen::Index b = 0; b < A.cols(); ++b)
        for (Eigen::Index j = 0; j < A.rows(); ++j) H(j, b) = neuron::activate(f, A(j, b));  // h_j = f(a_j)
}

void hiddenBackward(neuron::Activation f, const Eigen::MatrixXd& W, const Eigen::MatrixXd& X, const Eigen::MatrixXd& A,
                    const Eigen::MatrixXd& H, const Eigen::MatrixXd& dH, Eigen::MatrixXd& dA,
                    Eigen::MatrixXd& dW, bool add, Eigen::MatrixXd* dX) {
    dA.resize(dH.rows(), dH.cols());
    for (Eigen::Index b = 0; b < dH.cols(); ++b)
        for (Eigen::Index j = 0; j < dH.rows(); ++j)
            dA(j, b) = dH(j, b) * neuron::activationDerivative(f, A(j, b), H(j, b));  // δ_j = ∂L/∂h_j·f'(a_j)
    if (add) {
        dW.col(0) += dA.rowwise().sum();                              // ∂L/∂w_{j,0} = δ_j
        dW.rightCols(dW.cols() - 1).noalias() += dA * X.transpose();  // ∂L/∂w_{j,k} = δ_j·x_k
    } else {
        dW.resize(W.rows(), W.cols());
        dW.col(0) = dA.rowwise().sum();                               // ∂L/∂w_{j,0} = δ_j
        dW.rightCols(dW.cols() - 1).noalias() = dA * X.transpose();   // ∂L/∂w_{j,k} = δ_j·x_k
    }
    if (dX) dX->noalias() = W.rightCols(W.cols() - 1).transpose() * dA;  // ∂L/∂x_k = Σ_j δ_j·w_{j,k}
}

void outputForward(const Eigen::MatrixXd& U, const Eigen::MatrixXd& H, Eigen::MatrixXd& Y) {
    // The bias first, then the product added to it: u_{i,0} + Σ is Σ + u_{i,0} to the bit, one pass fewer.
    Y.resize(U.rows(), H.cols());
    Y.colwise() = U.col(0);                        // u_{i,0}
    Y.noalias() += U.rightCols(U.cols() - 1) * H;  // + Σ_j u_{i,j}·h_j: (V × d)·(d × B)
}

void outputBackward(const Eigen::MatrixXd& U, const Eigen::MatrixXd& H, const Eigen::MatrixXd& dY,
                    Eigen::MatrixXd& dU, bool add, Eigen::MatrixXd& dH) {
    if (add) {
        dU.col(0) += dY.rowwise().sum();                              // ∂L/∂u_{i,0} = ∂L/∂y_i
        dU.rightCols(dU.cols() - 1).noalias() += dY * H.transpose();  // ∂L/∂u_{i,j} = ∂L/∂y_i·h_j
    } else {
        dU.resize(U.rows(), U.cols());
        dU.col(0) = dY.rowwise().sum();                               // ∂L/∂u_{i,0} = ∂L/∂y_i
        dU.rightCols(dU.cols() - 1).noalias() = dY * H.transpose();   // ∂L/∂u_{i,j} = ∂L/∂y_i·h_j
    }
    dH.noalias() = U.rightCols(U.cols() - 1).transpose() * dY;    // ∂L/∂h_j = Σ_i ∂L/∂y_i·u_{i,j}
}

double softmaxForward(const Eigen::MatrixXd& Y, const std::vector<int>& t, Eigen::MatrixXd& Z) {
    Z.resize(Y.rows(), Y.cols());
    double L = 0.0;
    for (Eigen::Index b = 0; b < Y.cols(); ++b) {
        const double top = Y.col(b).maxCoeff();  // ŷ
        double sum = 0.0;
        for (Eigen::Index i = 0; i < Y.rows(); ++i) {
            Z(i, b) = std::exp(Y(i, b) - top);  // e^{y_i − ŷ} ≤ 1
            sum += Z(i, b);
        }
        Z.col(b) /= sum;
        L += top + std::log(sum) - Y(t[static_cast<std::size_t>(b)], b);  // −ln z_t = ŷ + ln Σ_l e^{y_l − ŷ} − y_t
    }
    return L;
}

void softmaxBackward(const std::vector<int>& t, Eigen::MatrixXd& ZdY) {
    for (Eigen::Index b = 0; b < ZdY.cols(); ++b) ZdY(t[static_cast<std::size_t>(b)], b) -= 1.0;  // ∂L/∂y_i = z_i − [i = t]
}

}  // namespace vaerksted::language
