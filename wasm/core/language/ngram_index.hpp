// Counts of every word sequence in a text, for the N-gram models (N = 1…5) and for "copied or
// new?": the positions of the text sorted by the words that follow them (a suffix array), so the
// places where a sequence occurs are one range, found by binary search. The text is treated as
// starting over after its last word, as in the notes: every word has a next word, and
// P(ord₂ | ord₁) = count("ord₁ ord₂") / count("ord₁") sums to 1 over ord₂.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "language/ngram_source.hpp"

namespace vaerksted::language {

class NgramIndex final : public NgramSource {
public:
    NgramIndex() = default;
    // tokens: word ids in 0 … vocabularySize − 1 (fewer than 2^31 of them).
    NgramIndex(std::vector<std::int32_t> tokens, int vocabularySize);

    std::int64_t size() const override { return static_cast<std::int64_t>(tokens_.size()); }
    int vocabularySize() const override { return static_cast<int>(unigram_.size()); }
    const std::vector<std::int32_t>& tokens() const { return tokens_; }

    // Times the sequence occurs (length ≤ kMaxMatch; length 0: the text's length).
    std::int64_t count(const std::int32_t* words, int length) const override;

    // The words after a context of `length` words (0 … kMaxContext; 0: every word, the unigram model).
    // nextBackingOff (NgramSource): a context that never occurs loses its oldest word until one does.
    NextCounts next(const std::int32_t* context, int length) const override;

    // T(c): how many different words follow the context (length 0: different words in the text).
    std::int64_t followerCount(const std::int32_t* context, int length) const override;
    // Nothing is pruned: every occurrence of a context is followed by a word the index has.
    std::int64_t prunedCount(const std::int32_t*, int) const override { return 0; }

    // For each i: how many words from seq[i] on occur in the text word for word (≤ kMaxMatch): exact.
    std::vector<int> matchLengths(const std::int32_t* seq, int n) const override;

    // Every different sequence of n words (1 ≤ n ≤ kMaxMatch) with its count: most frequent first,
    // equal counts in the order of their words' ids.
    std::vector<Ngram> table(int n) const;

private:
    std::int32_t at(std::int64_t position) const {
        const auto n = size();
        return tokens_[static_cast<std::size_t>(position >= n ? position % n : position)];
    }
    // The range of sorted_ whose positions start with words[0 … length).
    std::pair<std::int64_t, std::int64_t> range(const std::int32_t* words, int length) const;
    // The word `depth` words after the position at sorted_[i].
    std::int32_t nextWordAt(std::int64_t i, int depth) const {
        return at(static_cast<std::int64_t>(sorted_[static_cast<std::size_t>(i)]) + depth);
    }
    // Where the run of `word` that starts at i (within [i, hi), sorted at `depth`) ends.
    std::int64_t runEnd(std::int64_t i, std::int64_t hi, int depth, std::int32_t word) const;
    // Within [lo, hi) (positions sharing `depth` words), the part whose next word is `word`.
    std::pair<std::int64_t, std::int64_t> narrow(std::int64_t lo, std::int64_t hi, int depth, std::int32_t word) const;

    std::vector<std::int32_t> tokens_;
    std::vector<std::int32_t> sorted_;  // positions, by the (up to kMaxMatch) words from each on
    std::vector<std::int64_t> unigram_;  // count of each word id
};

}  // namespace vaerksted::language
