#include "neuron/landscape.hpp"

#include <cmath>

#include "neuron/scaling.hpp"

namespace vaerksted::neuron {

Landscape::Landscape(const Dataset& data, Activation f, LossKind loss)
    : A_(Scaling::identity(data.features()).designMatrix(data.x)), t_(data.t), activation_(f), loss_(loss) {}

double Landscape::loss(const Eigen::VectorXd& w, Eigen::VectorXd* gradient) const {
    return evaluate(loss_, activation_, A_, t_, w, work_, gradient);
}

Problem Landscape::grid(const GridSpec& spec, std::vector<double>& values) const {
    if (A_.cols() != 2) return {Status::LandscapeNeedsOneInput};
    const bool finite = std::isfinite(spec.w0Min) && std::isfinite(spec.w0Max) &&
                        std::isfinite(spec.w1Min) && std::isfinite(spec.w1Max);
    if (!finite || spec.nx < 2 || spec.ny < 2 || spec.w0Max <= spec.w0Min || spec.w1Max <= spec.w1Min ||
        static_cast<long long>(spec.nx) * spec.ny > kMaxGridPoints)
        return {Status::InvalidGrid};
    values.assign(static_cast<std::size_t>(spec.nx) * spec.ny, 0.0);
    Eigen::VectorXd w(2);
    for (int j = 0; j < spec.ny; ++j) {
        w[1] = spec.w1Min + (spec.w1Max - spec.w1Min) * j / (spec.ny - 1);
        for (int i = 0; i < spec.nx; ++i) {
            w[0] = spec.w0Min + (spec.w0Max - spec.w0Min) * i / (spec.nx - 1);
            values[static_cast<std::size_t>(j) * spec.nx + i] = loss(w);
        }
    }
    return {};
}

}  // namespace vaerksted::neuron
