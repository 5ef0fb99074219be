// Standardisation of the inputs (z-scores with the sample standard deviation), and the map that
// takes weights between the standardised scale (where training happens) and the raw scale (what
// the student sees and types in).
#pragma once

#include <Eigen/Core>

namespace vaerksted::neuron {

struct Scaling {
    Eigen::VectorXd mean;  // (n) μ_j
    Eigen::VectorXd sd;    // (n) s_j, sample standard deviation (divide by M − 1)

    // μ = 0, s = 1: training on the raw inputs.
    static Scaling identity(int n);

    // μ_j and s_j of each column of x (M × n). A column that is constant (or M < 2) is left
    // as it is (μ = 0, s = 1), since it cannot be standardised.
    static Scaling fit(const Eigen::MatrixXd& x);

    // [1 | (x − μ)/s]: (M × (n+1)), column 0 all ones for the bias w0.
    Eigen::MatrixXd designMatrix(const Eigen::MatrixXd& x) const;

    // Standardised weights w̃ (n+1) → raw weights w (n+1):
    //   w_j = w̃_j / s_j,   w0 = w̃0 − Σ_j w_j·μ_j   (so that both give the same z).
    Eigen::VectorXd toRaw(const Eigen::VectorXd& scaled) const;

    // Raw weights w (n+1) → standardised weights w̃ (n+1):  w̃_j = w_j·s_j,  w̃0 = w0 + Σ_j w_j·μ_j.
    Eigen::VectorXd fromRaw(const Eigen::VectorXd& raw) const;
};

}  // namespace vaerksted::neuron
