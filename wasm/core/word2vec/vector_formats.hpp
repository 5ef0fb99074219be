// What the readers and writers of the three vector file formats share (bytes, the header line,
// size checks, the writers' word checks), and the readers' entry points, which vector_io.cpp
// picks from. Internal to the vector files: include vector_io.hpp instead.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "word2vec/vector_io.hpp"

namespace vaerksted::word2vec::vector_formats {

// ── the readers, one file per format ────────────────────────────────────────────────────────
VectorProblem parseText(const char* data, std::size_t size, LoadedVectors& out, const VectorLimits& limits);
VectorProblem parseBinary(const unsigned char* data, std::size_t size, LoadedVectors& out, const VectorLimits& limits);
VectorProblem parseCompact(const unsigned char* data, std::size_t size, LoadedVectors& out, const VectorLimits& limits);

constexpr unsigned char kMagic[8] = {'A', 'I', 'V', 'E', 'C', '1', 0, 0};  // the compact format's first bytes
constexpr std::size_t kCompactHeader = 20;

inline VectorProblem problem(VectorStatus status, long long line = -1, long long vector = -1) {
    VectorProblem p;
    p.status = status;
    p.line = line;
    p.vector = vector;
    return p;
}

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }
inline bool isSeparator(char c) { return c == ' ' || c == '\t'; }
inline bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// ── float bits and little-endian numbers ────────────────────────────────────────────────────
inline bool finiteBits(std::uint32_t bits) { return (bits & 0x7f800000u) != 0x7f800000u; }
inline std::uint32_t floatBits(float x) {
    std::uint32_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    return bits;
}
inline bool isFinite(float x) { return finiteBits(floatBits(x)); }
inline std::uint32_t readU32(const unsigned char* p) {
    return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
           static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}
inline void appendU32(std::vector<unsigned char>& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<unsigned char>(v >> (8 * i)));
}
inline void appendFloat(std::vector<unsigned char>& out, float x) { appendU32(out, floatBits(x)); }
inline float bitsToFloat(std::uint32_t bits) {
    float x;
    std::memcpy(&x, &bits, sizeof x);
    return x;
}

// ── shared checks ───────────────────────────────────────────────────────────────────────────
// Is [first, last) exactly two integer tokens (spaces/tabs around and between, a CR at the end)?
bool parseHeader(const char* first, const char* last, long long& count, long long& dim);
bool absurd(long long count, long long dim, const VectorLimits& limits);

using WordSet = std::unordered_set<std::string_view>;

// How many vectors to reserve room for: the promised count, but never more than the bytes left
// can hold (a header cannot make us allocate more than about twice the file's size).
std::size_t reserveFor(long long promised, std::size_t bytesLeft, std::size_t minBytesPerVector);

// ── shared by the writers ───────────────────────────────────────────────────────────────────
// Can these words and rows make a valid file? `forbidden` says which bytes a word may not contain.
bool writable(const std::vector<std::string>& words, int dim, const std::vector<float>& rows, bool (*forbidden)(char));
// "count dim\n"
void appendHeaderLine(std::vector<unsigned char>& out, std::size_t count, int dim);
inline bool isLineFeed(char c) { return c == '\n'; }
// Text and binary words end at whitespace, and the binary reader rejects control bytes.
inline bool isSpaceOrControl(char c) { return static_cast<unsigned char>(c) <= 0x20; }

}  // namespace vaerksted::word2vec::vector_formats
