// The two random choices of word2vec training: which frequent words to skip (subsampling), and
// which "negative" words to draw (from the unigram distribution raised to ¾).
#pragma once

#include <cstdint>
#include <vector>

#include "common/rng.hpp"
#include "word2vec/vocabulary.hpp"

namespace vaerksted::word2vec {

// Probability of keeping each occurrence of a word, as in word2vec:
// keep(f) = (√(f/t) + 1)·t/f with f the word's share of the corpus and t the threshold (1e-4 is
// usual); at most 1. t ≤ 0 keeps every word.
std::vector<float> keepProbabilities(const Vocabulary& vocabulary, double threshold);

// Draws word indices with probability count^0.75 / Σ count^0.75, exactly, in O(1) per draw
// (Vose's alias method — no approximate lookup table).
class NegativeSampler {
public:
    NegativeSampler() = default;
    explicit NegativeSampler(const Vocabulary& vocabulary, double power = 0.75);

    int draw(Rng& rng) const {
        const std::uint64_t bucket = rng.below(probability_.size());
        return rng.uniform() < probability_[bucket] ? static_cast<int>(bucket) : alias_[bucket];
    }

    // The probability of drawing word i (for tests).
    double probabilityOf(int word) const { return weight_[static_cast<std::size_t>(word)]; }

private:
    std::vector<double> probability_;
    std::vector<int> alias_;
    std::vector<double> weight_;
};

}  // namespace vaerksted::word2vec
