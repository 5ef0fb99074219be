// From a whole text's counts (NgramIndex) to a pruned model (NgramCounts' tables), for the default
// models the project ships: what is kept, and the 6-gram set for "copied or new?".
//
//   words     the words counted at least minCount[0] times, most frequent first (equal counts in
//             the byte order of the words); the others leave the vocabulary.
//   n-grams   (n = 2…5) those counted at least minCount[n − 1] times. The minimum counts must not
//             fall from one order to the next: then every kept n-gram's first n − 1 words are a
//             kept (n − 1)-gram (they occur at least as often), which the tree needs.
//   6-grams   every 6 consecutive words of the text (starting over after its end, as the counts
//             do) whose five word pairs are all kept bigrams: exactly the 6-grams the models
//             N = 2…5 can write without a back-off to single words (a word drawn after a kept
//             context always makes a kept pair with the word before). A 6-gram with a pruned pair
//             can only come from the unigram model; the set leaves those out, so the rarer word
//             pairs of the text cost no bits. Hashed into a GramSet with 2^−riceBits false positives.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "language/ngram_counts.hpp"
#include "language/ngram_index.hpp"

namespace vaerksted::language {

struct PruneSettings {
    std::array<std::uint32_t, kNgramOrders> minCount{2, 2, 2, 2, 2};
    int riceBits = 10;  // the 6-gram set's false-positive rate is about 2^−riceBits
};

// The codes are part of the JS API: only append new ones.
enum class PruneStatus {
    Ok = 0,
    BadMinCounts,  // a minimum count of 0, or one smaller than the order before's
    BadRiceBits,   // outside 0 … GramSet::kMaxRiceBits
    EmptyText,     // no word is counted minCount[0] times
    TooLarge,      // a text of 2^32 words or more (counts are 32-bit), or ids beyond `words`
};
const char* pruneStatusName(PruneStatus status);

struct PrunedNgrams {
    NgramTables tables;
    std::vector<std::int32_t> newIds;  // the text's id → the model's id, −1: left out of the vocabulary
    std::uint64_t sixGramsInText = 0;  // distinct 6-grams of the text (by their 64-bit hashes)
    std::uint64_t sixGramsKept = 0;    // … of them whose word pairs are all kept (hashed into the set)
};

// index: the text's counts; words: the index's id → word. The tables' description and held-out
// numbers are left empty for the caller.
PruneStatus pruneNgrams(const NgramIndex& index, const std::vector<std::string>& words, bool sentenceEnds,
                        const PruneSettings& settings, PrunedNgrams& out);

}  // namespace vaerksted::language
