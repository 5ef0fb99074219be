// The fuzz driver's mutations of one input: bit flips, byte inserts and deletes, chunk copies,
// splices with another corpus input, truncation, and "interesting" tokens the readers care about
// (signs, exponents, nan/inf, huge numbers, line ends, UTF-8 fragments, little-endian extremes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "common/rng.hpp"

namespace vaerksted::fuzz {

using Bytes = std::vector<std::uint8_t>;

// Applies 1–8 stacked random mutations to `input` (`other`, another corpus input, for splicing);
// the result is at most maxLength bytes.
void mutate(Bytes& input, const Bytes& other, std::size_t maxLength, Rng& rng);

}  // namespace vaerksted::fuzz
