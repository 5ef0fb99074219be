#include "neuron/metrics.hpp"

namespace vaerksted::neuron {

Confusion confusion(const Eigen::ArrayXd& o, const Eigen::VectorXd& t) {
    Confusion c;
    for (Eigen::Index m = 0; m < o.size(); ++m) {
        const bool predicted = o[m] >= 0.5, actual = t[m] >= 0.5;
        if (actual) (predicted ? c.truePositive : c.falseNegative)++;
        else (predicted ? c.falsePositive : c.trueNegative)++;
    }
    return c;
}

}  // namespace vaerksted::neuron
