#include "language/sampler.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace vaerksted::language {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// A top-p sum this close below p counts as reaching it: the shares carry rounding errors.
constexpr double kTopPSlack = 1e-12;

SampleStatus checkSettings(const SampleSettings& settings) {
    // Written as !(T > 0) so that NaN fails too.
    if (!(settings.temperature > 0.0)) return SampleStatus::BadTemperature;
    if (settings.topK < 0) return SampleStatus::BadTopK;
    if (!(settings.topP > 0.0 && settings.topP <= 1.0)) return SampleStatus::BadTopP;
    return SampleStatus::Ok;
}

SampleStatus fail(SampleStatus status, std::vector<double>& out) {
    out.clear();
    return status;
}

// (y − m)/T for a possible token y ≤ m, m finite: 0, negative or −∞, never NaN — even at T = ∞.
double scaledGap(double y, double m, double temperature) {
    const double gap = y - m;
    if (gap != -kInfinity) return gap / temperature;
    // y − m overflowed (scores near ±1e308): divide first, which stays finite when T > 1; at
    // T ≤ 1 the true (y − m)/T is below −1.8e308 anyway, and −∞/∞ would be NaN at T = ∞.
    return temperature > 1.0 ? y / temperature - m / temperature : -kInfinity;
}

// Unnormalised shares w_i = e^{(y_i − max y)/T} into w; the largest is exactly 1 (e^0), so
// Σ w ≥ 1 and never overflows. Scores hold no NaN and at least one y_i > −∞.
void softmaxWeights(const double* scores, std::size_t n, double temperature,
                    std::vector<double>& w) {
    const double highest = *std::max_element(scores, scores + n);
    w.assign(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        if (highest == kInfinity) {
            w[i] = scores[i] == kInfinity ? 1.0 : 0.0;  // the +∞ tokens share equally
        } else if (scores[i] != -kInfinity) {
            w[i] = std::exp(scaledGap(scores[i], highest, temperature));
        }  // −∞ stays 0 at every T
    }
}

// Tokens ranked by share, largest first; equal shares by index, lowest first.
std::vector<std::size_t> rankByShare(const std::vector<double>& w) {
    std::vector<std::size_t> ranked(w.size());
    std::iota(ranked.begin(), ranked.end(), std::size_t{0});
    std::sort(ranked.begin(), ranked.end(), [&w](std::size_t a, std::size_t b) {
        return w[a] > w[b] || (w[a] == w[b] && a < b);
    });
    return ranked;
}

// Top-k, then top-p on the renormalised top-k: zero every share that is not kept.
void keepMostProbable(std::vector<double>& w, int topK, double topP) {
    const std::size_t n = w.size();
    const std::size_t k = static_cast<std::size_t>(topK);
    const std::size_t afterTopK = (topK > 0 && k < n) ? k : n;
    if (afterTopK == n && topP >= 1.0) return;  // nothing is cut
    const std::vector<std::size_t> ranked = rankByShare(w);

    std::size_t kept = afterTopK;
    if (topP < 1.0) {
        double topKTotal = 0.0;
        for (std::size_t r = 0; r < afterTopK; ++r) topKTotal += w[ranked[r]];
        // Σ kept w ≥ p·Σ top-k w is "the renormalised shares sum to p", without dividing.
        const double reach = (topP - kTopPSlack) * topKTotal;
        double sum = 0.0;
        kept = 0;
        do {
            sum += w[ranked[kept]];
            ++kept;
        } while (kept < afterTopK && sum < reach);  // at least one token
    }
    for (std::size_t r = kept; r < n; ++r) w[ranked[r]] = 0.0;
}

}  // namespace

const char* sampleStatusName(SampleStatus status) {
    switch (status) {
        case SampleStatus::Ok: return "ok";
        case SampleStatus::BadTemperature: return "bad_temperature";
        case SampleStatus::BadTopK: return "bad_top_k";
        case SampleStatus::BadTopP: return "bad_top_p";
        case SampleStatus::Empty: return "empty";
        case SampleStatus::NothingPossible: return "nothing_possible";
    }
    return "unknown";
}

SampleStatus distribution(const double* scores, std::size_t n, const SampleSettings& settings,
                          std::vector<double>& out) {
    const SampleStatus settingsStatus = checkSettings(settings);
    if (settingsStatus != SampleStatus::Ok) return fail(settingsStatus, out);
    if (n == 0) return fail(SampleStatus::Empty, out);
    bool somethingPossible = false;
    for (std::size_t i = 0; i < n; ++i) {
        if (std::isnan(scores[i])) return fail(SampleStatus::NothingPossible, out);
        if (scores[i] != -kInfinity) somethingPossible = true;
    }
    if (!somethingPossible) return fail(SampleStatus::NothingPossible, out);

    if (settings.greedy) {
        // max_element returns the first of equal maxima: ties go to the lowest index.
        const double* best = std::max_element(scores, scores + n);
        out.assign(n, 0.0);
        out[static_cast<std::size_t>(best - scores)] = 1.0;
        return SampleStatus::Ok;
    }

    softmaxWeights(scores, n, settings.temperature, out);
    keepMostProbable(out, settings.topK, settings.topP);
    // The top-ranked share (exactly 1) is always kept, so total ≥ 1.
    const double total = std::accumulate(out.begin(), out.end(), 0.0);
    for (double& share : out) share /= total;
    return SampleStatus::Ok;
}

SampleStatus distributionFromProbabilities(const double* p, std::size_t n,
                                           const SampleSettings& settings,
                                           std::vector<double>& out) {
    const SampleStatus settingsStatus = checkSettings(settings);
    if (settingsStatus != SampleStatus::Ok) return fail(settingsStatus, out);
    if (n == 0) return fail(SampleStatus::Empty, out);
    std::vector<double> scores(n);
    for (std::size_t i = 0; i < n; ++i) {
        if (!(p[i] >= 0.0)) return fail(SampleStatus::NothingPossible, out);  // NaN or negative
        scores[i] = std::log(p[i]);  // y_i = ln p_i; ln 0 = −∞ (impossible)
    }
    return distribution(scores.data(), n, settings, out);
}

std::size_t draw(const std::vector<double>& z, Rng& rng) {
    const double u = rng.uniform();
    double cumulative = 0.0;
    std::size_t lastPossible = z.size();
    for (std::size_t i = 0; i < z.size(); ++i) {
        if (!(z[i] > 0.0)) continue;  // an impossible token is never the first to pass u
        cumulative += z[i];
        if (cumulative > u) return i;
        lastPossible = i;
    }
    return lastPossible;  // rounding left Σ z ≤ u: the last possible token
}

double entropy(const std::vector<double>& z) {
    double h = 0.0;  // starts at +0, so a one-hot z gives 0, not −0
    for (double share : z) {
        if (share > 0.0) h -= share * std::log(share);  // 0·ln 0 = 0
    }
    return h;
}

}  // namespace vaerksted::language
