// The losses of word2vec for one input vector h (the focus vector v_w for skip-gram, the mean of
// the context vectors for CBOW) against target context vectors k_j, in the notes' notation:
//   negative sampling:  L = −ln σ(h·k_0) − Σ_{j≥1} ln σ(−h·k_j)   (k_0 the real pair)
//   full softmax:       L = −ln P(c | w) = ln Σ_o e^(h·k_o) − h·k_c
// Templated on the number type: double for the finite-difference tests, float for training.
// Exact exp/log everywhere (no lookup tables), written so that no score gives inf or NaN.
#pragma once

#include <algorithm>
#include <cmath>

namespace vaerksted::word2vec {

template <typename T>
T sigmoid(T x) {
    return x >= 0 ? T(1) / (T(1) + std::exp(-x)) : std::exp(x) / (T(1) + std::exp(x));
}

// ln σ(x) = −ln(1 + e^(−x)), finite for every x.
template <typename T>
T logSigmoid(T x) {
    return x >= 0 ? -std::log1p(std::exp(-x)) : x - std::log1p(std::exp(x));
}

template <typename T>
T dot(const T* a, const T* b, int dim) {
    T sum = 0;
    for (int i = 0; i < dim; ++i) sum += a[i] * b[i];
    return sum;
}

// One pair's share of L and of ∂L/∂score (score = h·k): label 1 for the real pair, 0 for a negative.
//   L_j = −ln σ(score) for label 1, −ln σ(−score) for label 0;   ∂L_j/∂score = σ(score) − label
template <typename T>
T pairLoss(T score, int label) {
    return label ? -logSigmoid(score) : -logSigmoid(-score);
}
template <typename T>
T pairSlope(T score, int label) {
    return sigmoid(score) - T(label);
}

// Both at once from one e^(−|score|) (training's inner loop: one exp fewer per pair), with the very
// operations of pairLoss and pairSlope, so the numbers are the same to the last bit:
//   ln σ(x) = min(x, 0) − ln(1 + e^(−|x|)),  σ(x) = 1/(1 + e^(−x)) for x ≥ 0, e^x/(1 + e^x) for x < 0
template <typename T>
void pairLossAndSlope(T score, int label, T& loss, T& slope) {
    const T e = std::exp(score >= 0 ? -score : score);
    const T softplus = std::log1p(e);
    const T x = label ? score : -score;  // L = −ln σ(x)
    loss = x >= 0 ? softplus : softplus - x;
    slope = (score >= 0 ? T(1) / (T(1) + e) : e / (T(1) + e)) - T(label);
}

// Negative sampling: L and, when given, ∂L/∂h (dim) and ∂L/∂k_j (count × dim, row j for target j).
// Target 0 is the real pair; targets 1 … count−1 are negatives.
//   ∂L/∂h = Σ_j (σ(h·k_j) − label_j)·k_j,   ∂L/∂k_j = (σ(h·k_j) − label_j)·h
template <typename T>
T negativeSamplingLoss(const T* h, const T* const* k, int count, int dim, T* gradH, T* gradK) {
    T loss = 0;
    if (gradH) std::fill(gradH, gradH + dim, T(0));
    for (int j = 0; j < count; ++j) {
        const int label = j == 0 ? 1 : 0;
        const T score = dot(h, k[j], dim);
        loss += pairLoss(score, label);
        const T slope = pairSlope(score, label);
        for (int i = 0; i < dim; ++i) {
            if (gradH) gradH[i] += slope * k[j][i];
            if (gradK) gradK[j * dim + i] = slope * h[i];
        }
    }
    return loss;
}

// Full softmax over all `words` context vectors k (words × dim, row-major), true context c:
// L = ln Σ_o e^(s_o) − s_c with s_o = h·k_o;  ∂L/∂h = Σ_o p_o·k_o − k_c;  ∂L/∂k_o = (p_o − [o = c])·h
template <typename T>
T softmaxLoss(const T* h, const T* k, int words, int dim, int c, T* gradH, T* gradK, T* scores) {
    T top = -INFINITY;
    for (int o = 0; o < words; ++o) top = std::max(top, scores[o] = dot(h, k + o * dim, dim));
    T sum = 0;
    for (int o = 0; o < words; ++o) sum += std::exp(scores[o] - top);
    const T logSum = top + std::log(sum);  // log-sum-exp: no overflow for large scores
    if (gradH) std::fill(gradH, gradH + dim, T(0));
    for (int o = 0; o < words; ++o) {
        const T slope = std::exp(scores[o] - logSum) - (o == c ? T(1) : T(0));  // p_o − [o = c]
        for (int i = 0; i < dim; ++i) {
            if (gradH) gradH[i] += slope * k[o * dim + i];
            if (gradK) gradK[o * dim + i] = slope * h[i];
        }
    }
    return logSum - scores[c];
}

}  // namespace vaerksted::word2vec
