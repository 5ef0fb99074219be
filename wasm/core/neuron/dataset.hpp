// Training data of a neuron: M examples with n inputs x1 … xn and a target t each.
#pragma once

#include <cstddef>

#include <Eigen/Core>

#include "neuron/problem.hpp"

namespace vaerksted::neuron {

struct Dataset {
    Eigen::MatrixXd x;  // (M × n), raw units (years, kr, …)
    Eigen::VectorXd t;  // (M)

    int examples() const { return static_cast<int>(x.rows()); }
    int features() const { return static_cast<int>(x.cols()); }
};

// Copies row-major x (rows·cols numbers) and t (rows numbers) into out, after checking shape and
// that every number is finite. On a problem, out is left as it was.
Problem makeDataset(const double* x, std::size_t xCount, int rows, int cols, const double* t,
                    std::size_t tCount, Dataset& out);

}  // namespace vaerksted::neuron
