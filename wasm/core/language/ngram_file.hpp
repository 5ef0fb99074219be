// The app's own file of a pruned N-gram model (".aing"): the default Danish models the page loads
// when it opens Tekstgenerering. The page hands the core the file's bytes (already gunzipped, in a
// Web Worker); anything malformed comes back as a status with the byte where it went wrong.
// Nothing here throws, prints, or allocates more than the file's size justifies (every count is
// checked against the bytes that must hold it before anything is allocated).
//
// ── The format ("AINGRAM", version 1) ───────────────────────────────────────────────────────
//   All integers little-endian; f64 = IEEE double. A "number" is an unsigned LEB128 varint (7
//   bits a byte, lowest first, high bit set on every byte but the last; at most 64 bits).
//   offset 0   8 bytes  magic "AINGRAM\0"
//          8   u32      version (1)
//         12   u32      flags: bit 0 = "." is a word, the end of each sentence; the rest 0
//         16   u32      orders (5: N = 1…5)
//         20   u32      r, the 6-gram set's Rice bits (≤ 32)
//         24   u64      corpus words: the training text's length, the count of the empty context
//         32   u32 × 5  minimum count of each order (n-grams kept when counted at least this
//                       often; ≥ 1 and never falling from one order to the next)
//         52   u32      0
//         56   u64 × 5  kept n-grams of each order (order 1: the vocabulary's size V ≥ 1)
//         96   u64      6-gram set: values stored
//        104   u64      6-gram set: range (0 with no values)
//        112   u64      held-out words (0: not measured; then every held-out number is 0)
//        120   u64      held-out words outside the vocabulary
//        128   u64      held-out words the training text does not have at all
//        136   f64      D, the scorer's discount
//        144   f64 × 5  held-out loss per word (nats) of the pruned model, N = 1…5
//        184   f64 × 5  the same for every n-gram of the training text (before pruning); in both
//                       the words outside the vocabulary are one word (NgramHeldOut says more)
//        224   u64 × 16 the lengths in bytes of the blocks below, in their order
//        352   the blocks, back to back; the file ends with the last one.
//   Blocks:
//     description   UTF-8 text: where the counts come from
//     words         V words, UTF-8, each followed by '\n', most frequent first (a word's id is
//                   its line); none empty, repeated, or with a byte ≤ 0x20
//     word counts   V numbers: count(word 0), then count(word i − 1) − count(word i) (counts never
//                   rise); every count ≥ the minimum of order 1, their sum ≤ the corpus words
//     for n = 2 … 5, three blocks, the kept n-grams in the order of their words' ids (a tree:
//     each kept (n − 1)-gram's followers, in the order of the (n − 1)-grams, by id):
//       followers   one number per kept (n − 1)-gram: how many kept n-grams start with it
//                   (their sum is the kept n-grams of order n)
//       last words  one number per kept n-gram: its last word's id, written as the difference
//                   from the one before it minus 1 (the first of each (n − 1)-gram: the id)
//       counts      one number per kept n-gram: its count minus the order's minimum count; a
//                   follower's count ≤ its (n − 1)-gram's, their sum too
//     6-gram set    the GramSet's codes (gram_set.hpp: hash, values, Rice codes)
//   Every block must be used up exactly. Counts are < 2^32. Probabilities, the renormalising
//   over kept followers and "copied or new?" are in ngram_counts.hpp; what is kept is in
//   ngram_prune.hpp.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "language/ngram_counts.hpp"

namespace vaerksted::language {

inline constexpr std::uint32_t kNgramFileVersion = 1;

// The codes are part of the JS API: only append new ones.
enum class NgramFileStatus {
    Ok = 0,
    Empty,           // no bytes
    BadMagic,        // does not start with "AINGRAM\0": not such a file
    BadVersion,      // a version this reader does not know
    Truncated,       // shorter than the header, or than its block lengths say
    BadHeader,       // flags, orders, r, minimum counts, kept n-grams, set size or held-out numbers impossible
    BadDescription,  // the description is not UTF-8
    BadWords,        // not V lines, or an empty, repeated or non-UTF-8 word, or one with a space or control byte
    BadCounts,       // a number running past its block or over 32 bits, a count below its minimum, rising
                     // word counts, followers not adding up, ids not increasing or ≥ V, a follower counted
                     // more often than its context, a block with bytes left over
    BadSixGrams,     // the 6-gram set's codes are not exactly its values, increasing and below its range
    ExtraBytes,      // bytes after the last block
};
constexpr NgramFileStatus kLastNgramFileStatus = NgramFileStatus::ExtraBytes;

// "ok", "empty", "bad_magic", "bad_version", "truncated", "bad_header", "bad_description",
// "bad_words", "bad_counts", "bad_six_grams", "extra_bytes".
const char* ngramFileStatusName(NgramFileStatus status);

struct NgramFileProblem {
    NgramFileStatus status = NgramFileStatus::Ok;
    long long offset = -1;  // the byte of the file where it went wrong (−1: Ok)

    bool ok() const { return status == NgramFileStatus::Ok; }
};

// Parses a whole file. On a problem `out` is left untouched.
NgramFileProblem readNgramFile(const unsigned char* data, std::size_t size, NgramCounts& out);

inline constexpr int kNgramFileBlocks = 16;
inline constexpr std::size_t kNgramFileHeader = 352;

// The file's bytes; readNgramFile gives the same tables back. Empty when the tables cannot make a
// valid file (see the checks above: e.g. an empty word or one with a byte ≤ 0x20, a description
// that is not UTF-8, tree sizes that do not fit together, a count of 2^32 or more).
// blockLengths (if given): the 16 block lengths written, in the file's order.
std::vector<unsigned char> writeNgramFile(const NgramTables& tables,
                                          std::array<std::uint64_t, kNgramFileBlocks>* blockLengths = nullptr);

}  // namespace vaerksted::language
