// Seeded random numbers for everything in the core: one generator, passed in explicitly.
// xoshiro256** seeded by SplitMix64 — the same seed gives the same numbers natively and in wasm,
// because only integer arithmetic and one exact division are involved (no std:: distributions,
// whose output differs between standard libraries).
#pragma once

#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace vaerksted {

class Rng {
public:
    explicit Rng(std::uint64_t seed) {
        std::uint64_t x = seed;
        for (auto& word : state_) word = splitMix64(x);
    }

    // Next 64 random bits (xoshiro256**).
    std::uint64_t nextU64() {
        const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
        const std::uint64_t t = state_[1] << 17;
        state_[2] ^= state_[0];
        state_[3] ^= state_[1];
        state_[1] ^= state_[2];
        state_[0] ^= state_[3];
        state_[2] ^= t;
        state_[3] = rotl(state_[3], 45);
        return result;
    }

    // Uniform in [0, 1) with 53 random bits: exact in IEEE double on every platform.
    double uniform() { return static_cast<double>(nextU64() >> 11) * 0x1.0p-53; }

    // Uniform in [low, high).
    double uniform(double low, double high) { return low + (high - low) * uniform(); }

    // Uniform integer in [0, n) without modulo bias (rejection sampling); n > 0.
    std::uint64_t below(std::uint64_t n) {
        const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
        std::uint64_t r = nextU64();
        while (r >= limit) r = nextU64();
        return r % n;
    }

    // Standard normal deviate (Box–Muller); used by data generators, not by training.
    double normal() {
        const double u1 = 1.0 - uniform();  // in (0, 1], so log is finite
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }

    // Fisher–Yates shuffle of indices in place.
    void shuffle(std::vector<int>& items) {
        for (std::size_t i = items.size(); i > 1; --i) {
            const std::size_t j = static_cast<std::size_t>(below(i));
            std::swap(items[i - 1], items[j]);
        }
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

    static std::uint64_t splitMix64(std::uint64_t& x) {
        std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }

    std::uint64_t state_[4];
};

}  // namespace vaerksted
