// How well the neuron classifies: o ≥ 0.5 means "class 1" (vis tilbuddet).
#pragma once

#include <Eigen/Core>

namespace vaerksted::neuron {

struct Confusion {
    int truePositive = 0;   // t = 1, o ≥ 0.5
    int falseNegative = 0;  // t = 1, o < 0.5
    int falsePositive = 0;  // t = 0, o ≥ 0.5
    int trueNegative = 0;   // t = 0, o < 0.5

    int total() const { return truePositive + falseNegative + falsePositive + trueNegative; }
    double accuracy() const {
        return total() == 0 ? 0.0 : static_cast<double>(truePositive + trueNegative) / total();
    }
};

// Shapes: o (M), t (M); a target counts as 1 when t ≥ 0.5.
Confusion confusion(const Eigen::ArrayXd& o, const Eigen::VectorXd& t);

}  // namespace vaerksted::neuron
