// The text sampler shared by every text-generating model: from a model's scores (or an N-gram's
// probabilities) to the distribution the next token is drawn from — temperature, greedy, top-k,
// top-p — and one draw from it with the project's seeded generator.
//
// ── How the distribution is made ────────────────────────────────────────────────────────────
//   1. softmax with temperature T, shifted by the largest score so that no e^x overflows:
//        z_i = e^{y_i/T} / Σ_j e^{y_j/T} = e^{(y_i − max y)/T} / Σ_j e^{(y_j − max y)/T}
//      y_i = −∞ is impossible (z_i = 0 at every T). If some y_i = +∞, those tokens are the only
//      possible ones and share equally (at every T). T = +∞ gives equal shares to every possible
//      token; a tiny T (1e-300) sends (y_i − max y)/T to −∞ for every token below the max, so the
//      tokens tied at the max share equally. Scores near ±1e308, whose difference overflows, give
//      no NaN either (at T > 1 the division comes first).
//   2. top-k: keep the k most probable (k = 0, or k ≥ n: keep all).
//   3. top-p: of what top-k kept, renormalised, keep the smallest set of most probable tokens whose
//      sum reaches p (at least one token). A sum within 1e-12 of p counts as reaching it, so that
//      rounding in the shares does not add a token (p = (0.5, 0.3, 0.2) comes out as 0.5,
//      0.29999999999999993, 0.2, whose first two sum to 0.7999999999999999: top-p 0.8 keeps two).
//   4. renormalise what is kept, so that the numbers sum to 1.
//   greedy: all mass on the argmax of y (ties: the lowest index), whatever valid T, k and p are.
//
// ── Ties at the top-k and top-p boundary ────────────────────────────────────────────────────
//   Tokens are ranked by probability, largest first, and equal probabilities by index, lowest
//   first: with z = (¼, ¼, ¼, ¼) top-k = 2 keeps tokens 0 and 1. The result never depends on the
//   order a sort happens to leave equal numbers in.
//
// ── Statuses ────────────────────────────────────────────────────────────────────────────────
//   Checked in this order: the settings (temperature, then top-k, then top-p), then n = 0 (Empty),
//   then the numbers (NothingPossible). Every status other than Ok leaves `out` empty, so a page
//   never shows the bars of an earlier call next to an error. T is checked even when greedy is
//   on: a T ≤ 0 is a mistake on the page, not a way of asking for greedy.
#pragma once

#include <cstddef>
#include <vector>

#include "common/rng.hpp"

namespace vaerksted::language {

// The codes are part of the JS API: only append new ones.
enum class SampleStatus {
    Ok = 0,
    BadTemperature,   // T ≤ 0 or NaN (+∞ is allowed)
    BadTopK,          // k < 0
    BadTopP,          // p ≤ 0, p > 1 or NaN
    Empty,            // n = 0
    NothingPossible,  // every score −∞ (every p = 0), or a NaN score, or a p that is NaN or < 0
};
constexpr SampleStatus kLastSampleStatus = SampleStatus::NothingPossible;

// "ok", "bad_temperature", "bad_top_k", "bad_top_p", "empty", "nothing_possible".
const char* sampleStatusName(SampleStatus status);

struct SampleSettings {
    double temperature = 1.0;  // T > 0; +infinity allowed (uniform over what is possible)
    bool greedy = false;       // the most probable token (ties: the lowest index); same as T → 0
    int topK = 0;              // keep only the k most probable (0: all); ≥ 0
    double topP = 1.0;         // keep the smallest set of most probable tokens whose sum
                               // reaches p; 0 < p ≤ 1
};

// The distribution a token is drawn from, from scores y (logits; −∞ = impossible), as described
// above. On Ok, out holds n numbers ≥ 0 that sum to 1 (never NaN); otherwise out is empty.
SampleStatus distribution(const double* scores, std::size_t n, const SampleSettings& settings,
                          std::vector<double>& out);

// The same from probabilities p (an N-gram's counts / total; plain counts work too, since the
// result is renormalised): y_i = ln p_i (p_i = 0 → impossible), so z_i ∝ p_i^{1/T}.
// A p_i that is NaN or negative → NothingPossible.
SampleStatus distributionFromProbabilities(const double* p, std::size_t n,
                                           const SampleSettings& settings,
                                           std::vector<double>& out);

// One draw from a distribution z (from distribution(): sums to 1): the first i with
// z_0 + … + z_i > u, u = rng.uniform() (exactly one call, so a run is reproducible from its seed).
// Never returns an i with z_i = 0: if rounding leaves the sum below u, the last i with z_i > 0 is
// returned. With no z_i > 0 at all (not a distribution) it returns z.size(), which is no token.
std::size_t draw(const std::vector<double>& z, Rng& rng);

// Entropy H = −Σ z_i ln z_i in nats (0·ln 0 = 0), shown beside the bars.
double entropy(const std::vector<double>& z);

}  // namespace vaerksted::language
