// Text from an N-gram model, word by word, as in the notes: the next word's probabilities are the
// counts after the N − 1 words before it, P(w | c) = count(c w) / count(c); the sampler (greedy,
// temperature, top-k, top-p) turns them into the distribution a word is drawn from. A context
// never seen ends the text ("denne sammenhæng findes ikke i teksten") unless back-off is on, which
// drops the oldest word until the context was seen (said in contextLength, never silent). Any
// NgramSource serves: the index of a whole text or the pruned counts of a default model, whose
// probabilities are count(c w) / Σ count(c w′) over the followers it kept (renormalised; the
// occurrences followed by pruned words are in prunedCount, shown, never drawn).
#pragma once

#include <cstdint>
#include <vector>

#include "common/rng.hpp"
#include "language/ngram_source.hpp"
#include "language/sampler.hpp"

namespace vaerksted::language {

struct NextDistribution {
    SampleStatus status = SampleStatus::Ok;
    int contextLength = 0;          // words of context used (after a back-off: fewer than asked)
    std::int64_t contextCount = 0;  // times it occurs followed by the words below; 0: never seen (no words below)
    std::int64_t prunedCount = 0;   // further times it occurs, followed by words a pruned model left out
    std::vector<std::int32_t> words;   // the words that follow it, most frequent first
    std::vector<std::int64_t> counts;  // count(c w)
    std::vector<double> p;             // count(c w) / count(c): the model's own probabilities (T = 1)
    std::vector<double> z;             // after the sampler's settings (temperature, top-k, top-p, greedy)
    double entropyP = 0, entropyZ = 0; // in nats
};

// order n = 1 … 5: the context is the last min(n − 1, length) words of `context`.
NextDistribution nextDistribution(const NgramSource& model, const std::int32_t* context, int length, int order,
                                  bool backoff, const SampleSettings& settings);

enum class GenerationEnd { Done, UnseenContext, BadSettings };

struct Generated {
    std::vector<std::int32_t> words;    // the new words
    std::vector<double> probabilities;  // z of each word when it was drawn
    std::vector<int> contextLengths;    // the context each was drawn after (back-off shows here)
    GenerationEnd end = GenerationEnd::Done;
    SampleStatus status = SampleStatus::Ok;
};

// count words after the prompt (prompt words the model does not know must already be left out).
Generated generate(const NgramSource& model, const std::vector<std::int32_t>& prompt, int order, int count,
                   bool backoff, const SampleSettings& settings, Rng& rng);

}  // namespace vaerksted::language
