// The settings of one training run of the neuron.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "neuron/activation.hpp"
#include "neuron/loss.hpp"
#include "neuron/problem.hpp"

namespace vaerksted::neuron {

enum class GradientMode {
    Sum,         // w_i ← w_i − η·∂E/∂w_i with E summed over all M examples (as in the notes)
    Mean,        // w_i ← w_i − η·(1/M)·∂E/∂w_i
    Stochastic,  // one update per example, in an order shuffled by the seed; one iteration = one pass
};

enum class StartKind {
    Constant,  // all of w0 … wn equal to value (on the scale training happens on, as the notes do)
    Random,    // each w_i uniform in [−value, value) from the seed (value = 1 if not > 0)
    Given,     // exactly these raw-scale weights w0 … wn
};

struct StartWeights {
    StartKind kind = StartKind::Constant;
    double value = 0.0;
    std::vector<double> weights;  // raw scale, n + 1 numbers, for StartKind::Given
};

struct NeuronConfig {
    Activation activation = Activation::Sigmoid;
    LossKind loss = LossKind::SquaredError;
    GradientMode gradient = GradientMode::Sum;
    double eta = 0.001;
    bool standardize = true;
    StartWeights start;
    std::uint64_t seed = 1;
};

bool parseGradientMode(std::string_view name, GradientMode& out);  // "sum", "mean", "stochastic"
bool parseStartKind(std::string_view name, StartKind& out);        // "constant", "random", "given"

// Checks what can be checked without data (the number of start weights is checked with data).
Problem validateConfig(const NeuronConfig& config);

bool validLearningRate(double eta);

}  // namespace vaerksted::neuron
