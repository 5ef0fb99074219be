#include "language/neural_optimiser.hpp"

#include <algorithm>

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

namespace {

// Numbers at once: the block's own temporaries stay in the L1 cache, so that each weight, gradient
// and moment goes through memory once, and Eigen's packet arithmetic does the work.
constexpr Eigen::Index kBlock = 256;
using Block = Eigen::Array<double, Eigen::Dynamic, 1, 0, kBlock, 1>;
using Numbers = Eigen::Map<Eigen::ArrayXd>;
using ConstNumbers = Eigen::Map<const Eigen::ArrayXd>;

// Whether every number is finite: x − x is 0 for a finite x and NaN for ±∞ and NaN.
template <typename A>
bool allFinite(const A& x) {
    return (x - x).sum() == 0.0;
}

}  // namespace

bool proposeStep(const OptimiserSettings& settings, const StepClock& clock, double scale, const Eigen::MatrixXd& w,
                 Eigen::MatrixXd& g, const Moments& moments, Moments& nextMoments) {
    const Eigen::Index n = w.size();
    const double eta = settings.learningRate;
    const bool adam = settings.kind == Optimiser::Adam;
    if (adam) {
        nextMoments.first.resize(w.rows(), w.cols());
        nextMoments.second.resize(w.rows(), w.cols());
    }
    const double b1 = settings.beta1, b2 = settings.beta2, eps = settings.epsilon;
    const double c1 = 1.0 - clock.beta1Power, c2 = 1.0 - clock.beta2Power;
    for (Eigen::Index s = 0; s < n; s += kBlock) {
        const Eigen::Index k = std::min(kBlock, n - s);
        Numbers out(g.data() + s, k);  // ∂L_B/∂w in, the proposed w out
        const ConstNumbers w0(w.data() + s, k);
        const Block mean = out * scale;  // the mean gradient g = (1/B)·∂L_B/∂w
        if (!adam) {
            out = w0 - eta * mean;  // w ← w − η·g
            if (!allFinite(out)) return false;
            continue;
        }
        Numbers m(nextMoments.first.data() + s, k), v(nextMoments.second.data() + s, k);
        m = b1 * ConstNumbers(moments.first.data() + s, k) + (1.0 - b1) * mean;             // m ← β1·m + (1 − β1)·g
        v = b2 * ConstNumbers(moments.second.data() + s, k) + (1.0 - b2) * mean.square();  // v ← β2·v + (1 − β2)·g²
        out = w0 - eta * (m / c1) / ((v / c2).sqrt() + eps);  // m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t), w ← w − η·m̂/(√v̂ + ε)
        if (!allFinite(m) || !allFinite(v) || !allFinite(out)) return false;
    }
    return true;
}

}  // namespace vaerksted::language
