#include "neuron/config.hpp"

#include <cmath>

namespace vaerksted::neuron {

bool parseGradientMode(std::string_view name, GradientMode& out) {
    if (name == "sum") out = GradientMode::Sum;
    else if (name == "mean") out = GradientMode::Mean;
    else if (name == "stochastic") out = GradientMode::Stochastic;
    else return false;
    return true;
}

bool parseStartKind(std::string_view name, StartKind& out) {
    if (name == "constant") out = StartKind::Constant;
    else if (name == "random") out = StartKind::Random;
    else if (name == "given") out = StartKind::Given;
    else return false;
    return true;
}

bool validLearningRate(double eta) { return std::isfinite(eta) && eta > 0.0; }

Problem validateConfig(const NeuronConfig& config) {
    if (config.loss == LossKind::CrossEntropy && config.activation != Activation::Sigmoid)
        return {Status::CrossEntropyNeedsSigmoid};
    if (!validLearningRate(config.eta)) return {Status::InvalidLearningRate};
    if (!std::isfinite(config.start.value)) return {Status::InvalidStartWeights};
    for (double w : config.start.weights)
        if (!std::isfinite(w)) return {Status::InvalidStartWeights};
    return {};
}

}  // namespace vaerksted::neuron
