// Activation functions of the neuron, o = f(z), each a value and a derivative side by side.
#pragma once

#include <string_view>

#include <Eigen/Core>

namespace vaerksted::neuron {

enum class Activation { Sigmoid, Tanh, Relu, Identity };

bool parseActivation(std::string_view name, Activation& out);  // "sigmoid", "tanh", "relu", "identity"
const char* activationName(Activation f);

// o = f(z) for one value.
double activate(Activation f, double z);

// f'(z), written with o = f(z) where the notes do: σ'(z) = o·(1 − o), tanh'(z) = 1 − o².
double activationDerivative(Activation f, double z, double o);

// Elementwise over all examples. Shapes: z (M), o (M), d (M).
void activate(Activation f, const Eigen::ArrayXd& z, Eigen::ArrayXd& o);
void activationDerivative(Activation f, const Eigen::ArrayXd& z, const Eigen::ArrayXd& o,
                          Eigen::ArrayXd& d);

// The z at which o = 0.5, so that o ≥ 0.5 ⇔ z ≥ level: the decision boundary is
// w0 + w1·x1 + … + wn·xn = level (level = 0 for the sigmoid, as in the notes).
double levelAtHalf(Activation f);

}  // namespace vaerksted::neuron
