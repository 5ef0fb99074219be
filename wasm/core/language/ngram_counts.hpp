// A pruned N-gram model (N = 1…5) without its text: the counts of the word sequences a corpus has
// at least minCount[n − 1] times, kept as a tree (each kept n-gram's followers are one sorted run
// of the next order), and the corpus's 6-grams as a GramSet for "copied or new?". It answers
// what NgramIndex answers (NgramSource), so the generator, the sampler and the held-out scorer
// run on it unchanged. The default Danish models are such files (ngram_file.hpp); they are made
// by ngram_prune.hpp.
//
// ── What a pruned model's numbers mean ──────────────────────────────────────────────────────
//   count(s)            the sequence's count in the whole training text, if kept; 0 if not
//                       (pruned or never there: the model cannot tell which).
//   next(c)             the kept followers w with count(c w); contextCount = Σ of those counts,
//                       so P(w | c) = count(c w) / Σ_w′ count(c w′) over the kept followers
//                       (renormalised: the bars sum to 1 and only kept words can be drawn).
//                       prunedCount = count(c) − contextCount: the occurrences followed by a word
//                       whose n-gram was pruned (the page can show them as "other words").
//                       A kept context with no kept follower has contextCount 0, like one never
//                       seen, and its count in prunedCount. The empty context: every word of the
//                       vocabulary; prunedCount = the text's words outside it.
//   matchLengths(seq)   ≥ 6 at i when the 6 words from i are in the 6-gram set: 5 + the number
//                       of overlapping 6-grams in the set from i on (every 6 consecutive words of
//                       the stretch occur in the text; the stretch as a whole may not, and each
//                       6-gram is a false positive with the set's rate). Otherwise the longest
//                       kept n-gram from i (≤ 5): a lower bound, since pruned n-grams are not there.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "language/gram_set.hpp"
#include "language/ngram_source.hpp"
#include "language/token_stream.hpp"

namespace vaerksted::language {

inline constexpr int kNgramOrders = NgramSource::kMaxContext + 1;  // 5
inline constexpr int kCopiedWords = 6;  // the n of the n-gram set ("copied or new?": ≥ 6 words)

struct NgramLevel {
    std::vector<std::int32_t> words;        // each kept n-gram's last word (order 1: the ids 0 … V − 1)
    std::vector<std::uint32_t> counts;      // its count in the training text
    std::vector<std::uint32_t> firstChild;  // orders 1–4: its followers are the n-grams
                                            // [firstChild[i], firstChild[i + 1]) of the next order,
                                            // sorted by word id; size: kept n-grams + 1. Order 5: empty.
};

// The ladder measured on held-out text when the model was written (words 0: not measured), by
// the smoothed scorer (ngram_scorer.hpp). Both ladders have the same words: a held-out word
// outside the vocabulary is one word "unknown" for both, whose share is the training text's words
// outside the vocabulary (so the perplexities are lower than ngram-eval's, which gives every word
// of the text its own share, and the two differ only by the n-grams pruned).
struct NgramHeldOut {
    std::int64_t words = 0;
    std::int64_t unknownWords = 0;          // held-out words outside the pruned vocabulary
    std::int64_t unknownWordsUnpruned = 0;  // … that the training text does not have at all
    double discount = 0.75;                 // D of the scorer
    std::array<double, kNgramOrders> lossPerWord{};          // the pruned model, N = 1…5, nats per word
    std::array<double, kNgramOrders> lossPerWordUnpruned{};  // every n-gram of the training text counted
};

struct NgramTables {
    std::vector<std::string> words;                     // id → word, most frequent first
    std::array<NgramLevel, kNgramOrders> levels;         // order n at levels[n − 1]
    std::array<std::uint32_t, kNgramOrders> minCount{};  // the pruning: n-grams kept when count ≥ this
    std::int64_t corpusWords = 0;                        // the training text's words (count of the empty context)
    bool sentenceEnds = false;                           // "." is a word: the end of each sentence
    GramSet sixGrams;                                    // hashes of the text's 6-grams (ngram_prune.hpp says which)
    std::string description;                             // where the counts come from, in words (UTF-8)
    NgramHeldOut heldOut;
};

class NgramCounts final : public NgramSource {
public:
    NgramCounts() = default;
    // The tables must be consistent (what readNgramFile and pruneNgrams give; see ngram_file.hpp).
    explicit NgramCounts(NgramTables tables);

    std::int64_t size() const override { return tables_.corpusWords; }
    int vocabularySize() const override { return static_cast<int>(tables_.words.size()); }
    std::int64_t count(const std::int32_t* words, int length) const override;
    NextCounts next(const std::int32_t* context, int length) const override;
    std::int64_t followerCount(const std::int32_t* context, int length) const override;
    std::int64_t prunedCount(const std::int32_t* context, int length) const override;
    std::vector<int> matchLengths(const std::int32_t* seq, int n) const override;

    // Whether the 6 words are in the 6-gram set (a false positive with falsePositiveRate()).
    bool inSixGramSet(const std::int32_t* words) const;
    // The kept n-grams of order n (1 … 5), most frequent first, equal counts by their words' ids;
    // only the first `limit` (0: all). keptNgrams(n) says how many there are.
    std::vector<Ngram> table(int n, std::size_t limit = 0) const;
    std::int64_t keptNgrams(int n) const;

    // The words with their ids (tokens empty): for encodePrompt and encodeText.
    const TokenStream& vocabulary() const { return vocabulary_; }
    const NgramTables& tables() const { return tables_; }

private:
    // The kept n-gram words[0 … length) as its index in levels[length − 1], or −1.
    std::int64_t find(const std::int32_t* words, int length) const;
    std::uint64_t keptSum(int order, std::int64_t node) const;  // Σ counts of its followers

    NgramTables tables_;
    TokenStream vocabulary_;
    std::array<std::vector<std::uint64_t>, kNgramOrders - 1> followerSums_;  // keptSum of orders 1–4
    std::uint64_t unigramSum_ = 0;                                           // Σ counts of the vocabulary
};

}  // namespace vaerksted::language
