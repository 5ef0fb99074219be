// What an N-gram model (N = 1…5) must answer for the next-word distributions, generation, the
// held-out scorer and "copied or new?": the counts of word sequences and the words after a
// context. Two models answer it: NgramIndex, counted in a whole text the student gives, and
// NgramCounts, the pruned counts of a corpus read from a file (the default Danish models).
// Word ids are 0 … vocabularySize() − 1; any other id (−1: a word the model does not know) is a
// word that never occurs.
#pragma once

#include <cstdint>
#include <vector>

namespace vaerksted::language {

struct NextWord {
    std::int32_t word;
    std::int64_t count;  // times the context is followed by this word
};

struct NextCounts {
    int contextLength = 0;          // words of the context used (fewer than asked after a back-off)
    std::int64_t contextCount = 0;  // count(c) = Σ count(c w) over `next`; 0: never seen (no next words)
    std::int64_t prunedCount = 0;   // further times the context occurs, followed by a word whose n-gram
                                    // a pruned model left out (0 for a model counted in a whole text)
    std::vector<NextWord> next;     // the words that follow it, most frequent first (equal counts: lower id first)
};

struct Ngram {
    std::vector<std::int32_t> words;
    std::int64_t count;
};

class NgramSource {
public:
    static constexpr int kMaxContext = 4;  // N ≤ 5
    static constexpr int kMaxMatch = 32;   // longest stretch "copied or new?" measures

    virtual ~NgramSource() = default;

    // The words counted: the count of the empty context.
    virtual std::int64_t size() const = 0;
    virtual int vocabularySize() const = 0;

    // Times the sequence occurs (length 0: size()); 0 for a sequence the model does not have.
    virtual std::int64_t count(const std::int32_t* words, int length) const = 0;

    // The words after a context of `length` words (0 … kMaxContext; 0: every word, the unigram model).
    virtual NextCounts next(const std::int32_t* context, int length) const = 0;
    // The same, dropping the oldest word of a context without next words until one has them (said
    // in contextLength; the empty context always has them in a non-empty model).
    NextCounts nextBackingOff(const std::int32_t* context, int length) const;

    // T(c): how many different words follow the context (length 0: different words in the model).
    virtual std::int64_t followerCount(const std::int32_t* context, int length) const = 0;
    // Times the context occurs followed by a word the model left out: count(c) − Σ count(c w) over
    // the words it has (length 0: the words of the text outside the vocabulary). 0 when not pruned.
    virtual std::int64_t prunedCount(const std::int32_t* context, int length) const = 0;

    // For each i: how many words from seq[i] on occur in the training text word for word
    // (≤ kMaxMatch). Each model says in its own header how exact the answer is.
    virtual std::vector<int> matchLengths(const std::int32_t* seq, int n) const = 0;

protected:
    NgramSource() = default;
    NgramSource(const NgramSource&) = default;
    NgramSource& operator=(const NgramSource&) = default;
    NgramSource(NgramSource&&) = default;
    NgramSource& operator=(NgramSource&&) = default;
};

}  // namespace vaerksted::language
