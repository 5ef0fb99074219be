#include "word2vec/unit_circle_model.hpp"

#include <algorithm>
#include <cmath>

namespace vaerksted::word2vec {

std::vector<double> countPairs(const std::vector<std::vector<int>>& sentences, int words, int window) {
    std::vector<double> n(static_cast<std::size_t>(words) * static_cast<std::size_t>(words), 0.0);
    for (const std::vector<int>& s : sentences) {
        const int length = static_cast<int>(s.size());
        for (int i = 0; i < length; ++i)
            for (int j = std::max(0, i - window); j <= std::min(length - 1, i + window); ++j)
                if (j != i && s[i] >= 0 && s[i] < words && s[j] >= 0 && s[j] < words)
                    n[static_cast<std::size_t>(s[i]) * static_cast<std::size_t>(words) + static_cast<std::size_t>(s[j])] += 1.0;
    }
    return n;
}

UnitCircleModel::UnitCircleModel(int words, std::vector<double> counts)
    : words_(std::max(0, words)), counts_(std::move(counts)), focus_(static_cast<std::size_t>(words_), 0.0),
      context_(static_cast<std::size_t>(words_), 0.0) {
    counts_.resize(static_cast<std::size_t>(words_) * static_cast<std::size_t>(words_), 0.0);
}

bool UnitCircleModel::setCounts(int words, std::vector<double> counts) {
    if (words < 1 || words > kMaxToyWords || counts.size() != static_cast<std::size_t>(words * words)) return false;
    for (double n : counts)
        if (!(n >= 0.0 && n < kMaxToyCount)) return false;  // NaN fails too
    *this = UnitCircleModel(words, std::move(counts));
    return true;
}

bool UnitCircleModel::setAngles(const std::vector<double>& focus, const std::vector<double>& context) {
    if (focus.size() != focus_.size() || context.size() != context_.size()) return false;
    for (std::size_t i = 0; i < focus.size(); ++i)
        if (!std::isfinite(focus[i]) || !std::isfinite(context[i])) return false;
    focus_ = focus;
    context_ = context;
    return true;
}

// (cos θ, sin θ)·(cos φ, sin φ) = cos(θ − φ)
double UnitCircleModel::score(int w, int o) const {
    return std::cos(focus_[static_cast<std::size_t>(w)] - context_[static_cast<std::size_t>(o)]);
}

// Scores lie in [−1, 1], so e^score never overflows: no shift needed.
double UnitCircleModel::logNormaliser(int w) const {
    double sum = 0.0;
    for (int o = 0; o < words_; ++o) sum += std::exp(score(w, o));
    return std::log(sum);
}

double UnitCircleModel::probability(int w, int c) const {
    return std::exp(score(w, c) - logNormaliser(w));
}

std::vector<double> UnitCircleModel::probabilities() const {
    std::vector<double> p;
    p.reserve(static_cast<std::size_t>(words_) * static_cast<std::size_t>(words_));
    for (int w = 0; w < words_; ++w)
        for (int c = 0; c < words_; ++c) p.push_back(probability(w, c));
    return p;
}

double UnitCircleModel::term(int w, int c) const {
    const double n = count(w, c);
    return n == 0.0 ? 0.0 : n * (logNormaliser(w) - score(w, c));
}

std::vector<double> UnitCircleModel::terms() const {
    std::vector<double> out(static_cast<std::size_t>(words_) * static_cast<std::size_t>(words_));
    for (int w = 0; w < words_; ++w)
        for (int c = 0; c < words_; ++c) out[index(w, c)] = term(w, c);
    return out;
}

std::vector<double> UnitCircleModel::scores() const {
    std::vector<double> out(static_cast<std::size_t>(words_) * static_cast<std::size_t>(words_));
    for (int w = 0; w < words_; ++w)
        for (int o = 0; o < words_; ++o) out[index(w, o)] = score(w, o);
    return out;
}

double UnitCircleModel::loss() const {
    double total = 0.0;
    for (int w = 0; w < words_; ++w)
        for (int c = 0; c < words_; ++c) total += term(w, c);
    return total;
}

void UnitCircleModel::gradient(std::vector<double>& focus, std::vector<double>& context) const {
    focus.assign(static_cast<std::size_t>(words_), 0.0);
    context.assign(static_cast<std::size_t>(words_), 0.0);
    for (int w = 0; w < words_; ++w) {
        double total = 0.0;  // N_w
        for (int c = 0; c < words_; ++c) total += count(w, c);
        if (total == 0.0) continue;
        const double logZ = logNormaliser(w);
        const double theta = focus_[static_cast<std::size_t>(w)];
        for (int o = 0; o < words_; ++o) {
            const double slope = total * std::exp(score(w, o) - logZ) - count(w, o);  // ∂L/∂(v_w·k_o)
            const double phi = context_[static_cast<std::size_t>(o)];
            // ∂(v_w·k_o)/∂θ_w = ∂cos(θ − φ)/∂θ = −sin(θ − φ); ∂/∂φ_o = +sin(θ − φ)
            focus[static_cast<std::size_t>(w)] -= slope * std::sin(theta - phi);
            context[static_cast<std::size_t>(o)] += slope * std::sin(theta - phi);
        }
    }
}

double UnitCircleModel::gradientLength() const {
    std::vector<double> focus, context;
    gradient(focus, context);
    double sum = 0.0;
    for (double g : focus) sum += g * g;
    for (double g : context) sum += g * g;
    return std::sqrt(sum);
}

void UnitCircleModel::stepped(double eta, std::vector<double>& focus, std::vector<double>& context) const {
    gradient(focus, context);
    for (std::size_t w = 0; w < focus.size(); ++w) {
        focus[w] = focus_[w] - eta * focus[w];        // θ ← θ − η·∂L/∂θ
        context[w] = context_[w] - eta * context[w];
    }
}

double UnitCircleModel::step(double eta) {
    std::vector<double> focus, context;
    stepped(eta, focus, context);
    focus_ = std::move(focus);
    context_ = std::move(context);
    return loss();
}

double UnitCircleModel::descend(double eta, int count) {
    double loss = this->loss();
    for (int i = 0; i < count && std::isfinite(eta) && eta > 0.0; ++i) loss = step(eta);
    return loss;
}

}  // namespace vaerksted::word2vec
