#include "language/neural_optimiser.hpp"

namespace vaerksted::language {

bool parseOptimiser(std::string_view name, Optimiser& out) {
    if (name == "sgd") out = Optimiser::Sgd;
    else if (name == "adam") out = Optimiser::Adam;
    else return false;
    return true;
}

const char* optimiserName(Optimiser optimiser) {
    return optimiser == Optimiser::Sgd ? "sgd" : "adam";
}

StepClock nextClock(const OptimiserSettings& settings, const StepClock& now) {
    return {now.t + 1, now.beta1Power * settings.beta1, now.beta2Power * settings.beta2};
}

void resetMoments(const OptimiserSettings& settings, Eigen::Index rows, Eigen::Index cols, Moments& moments) {
    if (settings.kind == Optimiser::Adam) {
        moments.first = Eigen::MatrixXd::Zero(rows, cols);
        moments.second = Eigen::MatrixXd::Zero(rows, cols);
    } else {
        moments.first.resize(0, 0);
        moments.second.resize(0, 0);
    }
}

void proposeStep(const OptimiserSettings& settings, const StepClock& clock, const Eigen::MatrixXd& w,
                 const Eigen::MatrixXd& g, const Moments& moments, Eigen::MatrixXd& next,
                 Moments& nextMoments) {
    const double eta = settings.learningRate;
    if (settings.kind == Optimiser::Sgd) {
        next = w - eta * g;  // w ← w − η·∂L/∂w
        return;
    }
    const double b1 = settings.beta1, b2 = settings.beta2;
    // m ← β1·m + (1 − β1)·g,  v ← β2·v + (1 − β2)·g²
    nextMoments.first = b1 * moments.first + (1.0 - b1) * g;
    nextMoments.second = (b2 * moments.second.array() + (1.0 - b2) * g.array().square()).matrix();
    // m̂ = m/(1 − β1^t),  v̂ = v/(1 − β2^t),  w ← w − η·m̂/(√v̂ + ε)
    const double c1 = 1.0 - clock.beta1Power, c2 = 1.0 - clock.beta2Power;
    next = (w.array() - eta * (nextMoments.first.array() / c1) /
                            ((nextMoments.second.array() / c2).sqrt() + settings.epsilon))
               .matrix();
}

}  // namespace vaerksted::language
