#include "neuron/activation.hpp"

#include <cmath>

namespace vaerksted::neuron {

bool parseActivation(std::string_view name, Activation& out) {
    if (name == "sigmoid") out = Activation::Sigmoid;
    else if (name == "tanh") out = Activation::Tanh;
    else if (name == "relu") out = Activation::Relu;
    else if (name == "identity") out = Activation::Identity;
    else return false;
    return true;
}

const char* activationName(Activation f) {
    switch (f) {
        case Activation::Sigmoid: return "sigmoid";
        case Activation::Tanh: return "tanh";
        case Activation::Relu: return "relu";
        case Activation::Identity: return "identity";
    }
    return "sigmoid";
}

double activate(Activation f, double z) {
    switch (f) {
        // σ(z) = 1/(1 + e^(−z)); for z → −∞, e^(−z) = inf gives exactly 0, never NaN.
        case Activation::Sigmoid: return 1.0 / (1.0 + std::exp(-z));
        case Activation::Tanh: return std::tanh(z);
        case Activation::Relu: return z > 0.0 ? z : 0.0;
        case Activation::Identity: return z;
    }
    return z;
}

double activationDerivative(Activation f, double z, double o) {
    switch (f) {
        case Activation::Sigmoid: return o * (1.0 - o);  // σ' = σ·(1 − σ)
        case Activation::Tanh: return 1.0 - o * o;       // tanh' = 1 − tanh²
        case Activation::Relu: return z > 0.0 ? 1.0 : 0.0;  // 0 at the kink, by convention
        case Activation::Identity: return 1.0;
    }
    return 1.0;
}

void activate(Activation f, const Eigen::ArrayXd& z, Eigen::ArrayXd& o) {
    o.resize(z.size());
    for (Eigen::Index m = 0; m < z.size(); ++m) o[m] = activate(f, z[m]);
}

void activationDerivative(Activation f, const Eigen::ArrayXd& z, const Eigen::ArrayXd& o,
                          Eigen::ArrayXd& d) {
    d.resize(z.size());
    for (Eigen::Index m = 0; m < z.size(); ++m) d[m] = activationDerivative(f, z[m], o[m]);
}

double levelAtHalf(Activation f) {
    switch (f) {
        case Activation::Sigmoid: return 0.0;               // σ(0) = ½
        case Activation::Tanh: return std::atanh(0.5);      // tanh(z) = ½
        case Activation::Relu: return 0.5;                  // max(0, z) = ½
        case Activation::Identity: return 0.5;              // z = ½
    }
    return 0.0;
}

}  // namespace vaerksted::neuron
