// A compact set of word sequences (the 6-grams of a training text, for "copied or new?" when the
// text itself is not there): each sequence is stored only as a hash value, and the sorted values
// are Golomb–Rice coded (a "Golomb-coded set", as in Putze, Sanders & Singler 2007).
//
// ── Values ──────────────────────────────────────────────────────────────────────────────────
//   hash(w₁ … w_n):  h ← 0x9E3779B97F4A7C15, then for each id: h ← mix(h xor id) (the id as an
//   unsigned 32-bit number), with mix the SplitMix64 finaliser:
//     z ← (z xor z >> 30)·0xBF58476D1CE4E5B9, z ← (z xor z >> 27)·0x94D049BB133111EB, z xor z >> 31
//   (64-bit wrap-around arithmetic: the same value natively and in wasm).
//   value = hash mod range, range = (distinct sequences) · 2^r. A sequence outside the set is
//   taken for one in it when its value equals a stored one: with `count` distinct stored values in
//   a range of `range`, that happens with probability count / range ≈ 2^−r (the false-positive
//   rate; the set never misses a sequence it holds).
//
// ── Codes ───────────────────────────────────────────────────────────────────────────────────
//   The values in increasing order, each as its difference from the one before (the first from 0;
//   every later difference ≥ 1): q = difference >> r ones, a zero, then the r low bits of the
//   difference, lowest first. Bits fill each byte from its lowest bit; the bits after the last
//   code are zero and the stream is exactly ⌈bits / 8⌉ bytes. A difference is ~2^r on average, so
//   a value costs about r + 1.6 bits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace vaerksted::language {

std::uint64_t gramHash(const std::int32_t* words, int n);

class GramSet {
public:
    static constexpr int kMaxRiceBits = 32;
    static constexpr std::uint64_t kMaxCount = 1ull << 31;  // so that range = count · 2^r < 2^63

    GramSet() = default;

    // The set of the given hashes (any order, repeats allowed); riceBits 0 … kMaxRiceBits. No
    // hashes (or kMaxCount or more, or riceBits outside): an empty set (range 0, nothing is in it).
    static GramSet fromHashes(std::vector<std::uint64_t> hashes, int riceBits);

    // The set from its codes. False (out untouched, badByte: where it went wrong) unless the bytes
    // are exactly `count` codes of increasing values below `range`, padded with zero bits.
    static bool decode(const unsigned char* data, std::size_t size, std::uint64_t count, int riceBits,
                       std::uint64_t range, GramSet& out, std::size_t& badByte);

    bool contains(std::uint64_t hash) const;
    bool containsSequence(const std::int32_t* words, int n) const { return contains(gramHash(words, n)); }

    std::uint64_t size() const { return count_; }
    std::uint64_t range() const { return range_; }
    int riceBits() const { return riceBits_; }
    const std::vector<unsigned char>& codes() const { return codes_; }
    // count / range: the chance that a sequence not in the set is taken for one in it.
    double falsePositiveRate() const { return range_ > 0 ? static_cast<double>(count_) / static_cast<double>(range_) : 0.0; }

private:
    static constexpr std::uint64_t kSampleEvery = 64;  // a jump-in point every 64 codes

    std::vector<unsigned char> codes_;
    std::vector<std::uint64_t> sampleValue_;  // the value of code 64·j
    std::vector<std::uint64_t> sampleBit_;    // the bit where code 64·j starts
    std::uint64_t count_ = 0, range_ = 0;
    int riceBits_ = 0;
};

}  // namespace vaerksted::language
