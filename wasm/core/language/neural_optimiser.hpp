// The two ways the neural language model changes its weights after a mini-batch: plain gradient
// descent (SGD) and Adam. Each update is proposed into separate matrices (the weights into the
// gradient's place) and only then taken, so that a step that would leave the finite numbers can be
// thrown away (the model keeps its last finite weights). One pass over each block's numbers: the
// update is memory traffic and three divisions per weight, so no extra pass to scale or to check.
#pragma once

#include <cstdint>
#include <string_view>

#include <Eigen/Core>

namespace vaerksted::language {

enum class Optimiser { Sgd, Adam };

bool parseOptimiser(std::string_view name, Optimiser& out);  // "sgd", "adam"
const char* optimiserName(Optimiser optimiser);

struct OptimiserSettings {
    Optimiser kind = Optimiser::Adam;
    double learningRate = 0.01;  // η
    double beta1 = 0.9;          // Adam: decay of the first moment m
    double beta2 = 0.999;        // Adam: decay of the second moment v
    double epsilon = 1e-8;       // Adam: ε in η·m̂/(√v̂ + ε)
};

// Adam's running estimates for one block of weights, the block's shape each; empty for SGD.
struct Moments {
    Eigen::MatrixXd first;   // m
    Eigen::MatrixXd second;  // v
};

// Which update this is: t, with β1^t and β2^t as running products (one exact multiplication per
// step, so the same numbers natively and in wasm — std::pow may differ between the two).
struct StepClock {
    std::int64_t t = 0;
    double beta1Power = 1.0;  // β1^t
    double beta2Power = 1.0;  // β2^t
};

// The clock of the update after `now`.
StepClock nextClock(const OptimiserSettings& settings, const StepClock& now);

// Zero moments for a block of rows × cols weights (none for SGD).
void resetMoments(const OptimiserSettings& settings, Eigen::Index rows, Eigen::Index cols, Moments& moments);

// The update number clock.t of one block w, in one pass over its numbers. g holds ∂L_B/∂w summed
// over the mini-batch (scale = 1/B makes it the mean) and is overwritten with the proposed weights;
// Adam's proposed moments go to nextMoments; w and `moments` stay as they are. Returns whether every
// proposed number (w, and Adam's m and v) is finite, which is false whenever g is not. Shapes (r × c).
//   SGD:  w ← w − η·g
//   Adam: m ← β1·m + (1 − β1)·g,  v ← β2·v + (1 − β2)·g²,
//         m̂ = m/(1 − β1^t),  v̂ = v/(1 − β2^t),  w ← w − η·m̂/(√v̂ + ε)
bool proposeStep(const OptimiserSettings& settings, const StepClock& clock, double scale, const Eigen::MatrixXd& w,
                 Eigen::MatrixXd& g, const Moments& moments, Moments& nextMoments);

}  // namespace vaerksted::language
