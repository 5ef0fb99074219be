#include "neuron/dataset.hpp"

#include <cmath>

namespace vaerksted::neuron {

Problem makeDataset(const double* x, std::size_t xCount, int rows, int cols, const double* t,
                    std::size_t tCount, Dataset& out) {
    if (rows <= 0) return {Status::NoExamples};
    if (cols <= 0) return {Status::NoFeatures};
    const std::size_t M = static_cast<std::size_t>(rows), n = static_cast<std::size_t>(cols);
    if (xCount != M * n || tCount != M) return {Status::ShapeMismatch};
    for (int m = 0; m < rows; ++m) {
        for (int j = 0; j < cols; ++j)
            if (!std::isfinite(x[m * n + j])) return {Status::NonFiniteInput, m, j};
        if (!std::isfinite(t[m])) return {Status::NonFiniteInput, m, cols};
    }
    Dataset data;
    // Row-major input → Eigen's column-major (M × n).
    data.x = Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
        x, rows, cols);
    data.t = Eigen::Map<const Eigen::VectorXd>(t, rows);
    out = std::move(data);
    return {};
}

}  // namespace vaerksted::neuron
