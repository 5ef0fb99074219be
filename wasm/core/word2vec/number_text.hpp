// Numbers as text, the same in every C locale and on every machine: decimal → float and float →
// the shortest decimal that reads back to it, integer tokens and digits. Used by the word-vector
// files (vector_io.hpp); nothing here allocates, throws or prints.
#pragma once

#include <cstdint>

namespace vaerksted::word2vec {

// Reads the longest prefix of [first, last) that is a decimal number
// ([+-] digits [. digits] [(e|E) [+-] digits], at least one digit before or after the point) and
// returns the pointer after it, or `first` when there is none. The result is the nearest float
// except, rarely, within ~1e-15 relative of a halfway point (at most 1 ulp off); out of range it
// is ±inf or ±0. Never reads nan/inf spellings (returns first).
const char* parseDecimalFloat(const char* first, const char* last, float& value);

// Writes the shortest decimal that parseDecimalFloat reads back to exactly `value` (%g style:
// "0.25", "-1.5e-07", "3"), no terminator; returns its length (≤ 16). Non-finite values are
// written "nan", "inf", "-inf". buffer must hold kFloatTextMax chars.
constexpr int kFloatTextMax = 24;
int formatShortestFloat(float value, char* buffer);

// "nan", "inf", "infinity" in any case with an optional sign, also "nan(…)".
bool isNonFiniteSpelling(const char* first, const char* last);

// All of [first, last) as an optionally signed integer, saturating at ±10^15; false if it is not one.
bool parseInteger(const char* first, const char* last, long long& value);

// Decimal digits of v (no sign) into buffer (room for 20); returns the count.
int writeDigits(std::uint64_t v, char* buffer);

}  // namespace vaerksted::word2vec
