// A seed as a page or a command line gives it: a number (JS has only doubles). Every whole number
// from 0 to 2^53 − 1 is a seed (a double holds each of them exactly); anything else — negative,
// fractional, NaN, ±inf, too large — is refused rather than cast (casting would be undefined).
#pragma once

#include <cmath>
#include <cstdint>

namespace vaerksted {

inline constexpr double kMaxSeed = 9007199254740991.0;  // 2^53 − 1, JS's Number.MAX_SAFE_INTEGER

// True and `seed` set when `number` is a seed; false and `seed` untouched otherwise.
inline bool seedFromNumber(double number, std::uint64_t& seed) {
    if (!(number >= 0.0 && number <= kMaxSeed) || std::floor(number) != number) return false;
    seed = static_cast<std::uint64_t>(number);
    return true;
}

}  // namespace vaerksted
