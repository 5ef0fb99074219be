// Held-out evaluation of the N-gram models (loss per word, perplexity). The plain model of the
// notes gives a word it never saw after a context probability 0, so one new pair in the held-out
// text would make the loss infinite; here every order is smoothed by interpolated absolute
// discounting (Ney, Essen & Kneser 1994), down to add-one counts of single words:
//   P₀(w) = (count(w) + 1) / (N + V + 1)            (an unknown word: 1 / (N + V + 1))
//   P_k(w | c) = max(count(c w) − D, 0) / count(c) + D·T(c)/count(c) · P_{k−1}(w | c′)
// c the last k words, c′ its last k − 1, T(c) the number of different words after c, and a context
// never seen passes straight to P_{k−1}. Each P_k sums to 1 over the words and "unknown".
// A pruned model (NgramCounts) hands the mass of the words it left out to the order below:
//   P₀(unknown) = (R(∅) + 1) / (N + V + 1),  P_k(w | c) = max(count(c w) − D, 0)/count(c)
//                                                   + (D·T(c) + R(c))/count(c) · P_{k−1}(w | c′)
// with count(c) the context's count in the whole training text, T(c) the followers kept and R(c)
// the occurrences followed by a pruned word (NgramSource::prunedCount); for a whole text R = 0 and
// the two lines above are the ones before, number for number.
#pragma once

#include <cstdint>
#include <vector>

#include "language/ngram_index.hpp"
#include "language/ngram_source.hpp"

namespace vaerksted::language {

struct HeldOutScore {
    double lossPerWord = 0;  // mean of −ln P(word | the words before it), in nats
    double perplexity = 0;   // e^{lossPerWord}
    std::int64_t words = 0;
    std::int64_t unknownWords = 0;  // held-out words the training text does not have
};

class NgramScorer {
public:
    static constexpr double kDiscount = 0.75;

    explicit NgramScorer(const NgramSource& model, double discount = kDiscount);

    // P(word | context) for a model of order n = length + 1 (length ≤ NgramSource::kMaxContext);
    // word −1 (or any id outside the vocabulary) is a word the training text does not have.
    double probability(const std::int32_t* context, int length, std::int32_t word) const;

    // The held-out text as word ids of the training text (−1: unknown), scored by the model of
    // order n (1 … 5): each word after the n − 1 before it (fewer at the start; no wrap-around).
    HeldOutScore score(const std::vector<std::int32_t>& heldOut, int n) const;

private:
    // T(c): the different words after the context occupying sorted range [lo, hi) at depth `length`.
    std::int64_t followers(const std::int32_t* context, int length) const;

    const NgramSource& model_;
    double discount_;
    std::vector<std::int64_t> followersOfWord_;  // T(w) for every single word, counted once
};

// The ladder of the notes' discussion: models of order 1 … 5 counted in the first `trainShare` of a
// text's words, each scored on the rest (the held-out part), or on its first maxHeldOut words (0:
// all; scoring takes ~40 µs a word and order natively). trainShare in (0, 1); too few words on
// either side give an empty list.
struct Ladder {
    std::int64_t trainWords = 0;
    std::vector<HeldOutScore> orders;  // N = 1 … 5
};
Ladder heldOutLadder(const std::vector<std::int32_t>& tokens, int vocabularySize, double trainShare, std::size_t maxHeldOut = 0);

}  // namespace vaerksted::language
