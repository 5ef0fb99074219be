#include "neuron/scaling.hpp"

#include <cmath>

namespace vaerksted::neuron {

Scaling Scaling::identity(int n) {
    return {Eigen::VectorXd::Zero(n), Eigen::VectorXd::Ones(n)};
}

Scaling Scaling::fit(const Eigen::MatrixXd& x) {
    const Eigen::Index M = x.rows(), n = x.cols();
    Scaling s = identity(static_cast<int>(n));
    if (M < 2) return s;
    for (Eigen::Index j = 0; j < n; ++j) {
        const double mean = x.col(j).mean();
        const double sumSq = (x.col(j).array() - mean).square().sum();
        const double sd = std::sqrt(sumSq / static_cast<double>(M - 1));
        if (sd > 0.0 && std::isfinite(sd)) {
            s.mean[j] = mean;
            s.sd[j] = sd;
        }
    }
    return s;
}

Eigen::MatrixXd Scaling::designMatrix(const Eigen::MatrixXd& x) const {
    Eigen::MatrixXd A(x.rows(), x.cols() + 1);
    A.col(0).setOnes();
    A.rightCols(x.cols()) =
        ((x.rowwise() - mean.transpose()).array().rowwise() / sd.transpose().array()).matrix();
    return A;
}

Eigen::VectorXd Scaling::toRaw(const Eigen::VectorXd& scaled) const {
    const Eigen::Index n = mean.size();
    Eigen::VectorXd raw(n + 1);
    raw.tail(n) = scaled.tail(n).array() / sd.array();
    raw[0] = scaled[0] - raw.tail(n).dot(mean);
    return raw;
}

Eigen::VectorXd Scaling::fromRaw(const Eigen::VectorXd& raw) const {
    const Eigen::Index n = mean.size();
    Eigen::VectorXd scaled(n + 1);
    scaled.tail(n) = raw.tail(n).array() * sd.array();
    scaled[0] = raw[0] + raw.tail(n).dot(mean);
    return scaled;
}

}  // namespace vaerksted::neuron
