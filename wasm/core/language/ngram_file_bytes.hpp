// The byte-level pieces the .aing reader and writer share (layout: ngram_file.hpp): little-endian
// integers and doubles, LEB128 numbers, the magic, and the UTF-8 check.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace vaerksted::language::ngram_file_bytes {

inline constexpr unsigned char kMagic[8] = {'A', 'I', 'N', 'G', 'R', 'A', 'M', '\0'};

inline std::uint64_t readLe(const unsigned char* p, int bytes) {
    std::uint64_t v = 0;
    for (int i = 0; i < bytes; ++i) v |= static_cast<std::uint64_t>(p[i]) << (8 * i);
    return v;
}
inline double readF64(const unsigned char* p) {
    const std::uint64_t bits = readLe(p, 8);
    double x;
    std::memcpy(&x, &bits, sizeof x);
    return x;
}
inline void appendLe(std::vector<unsigned char>& out, std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out.push_back(static_cast<unsigned char>(v >> (8 * i)));
}
inline void appendF64(std::vector<unsigned char>& out, double x) {
    std::uint64_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    appendLe(out, bits, 8);
}
inline void appendNumber(std::vector<unsigned char>& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<unsigned char>(v | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<unsigned char>(v));
}

// Numbers read one after another from a block; each read fails (false) past the block's end or
// beyond 64 bits.
class NumberReader {
public:
    NumberReader(const unsigned char* begin, const unsigned char* end) : p_(begin), end_(end) {}
    bool next(std::uint64_t& out) {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p_ == end_) return false;
            const unsigned char byte = *p_++;
            const std::uint64_t bits = byte & 0x7Fu;
            if (shift == 63 && bits > 1) return false;  // past 64 bits
            v |= bits << shift;
            if ((byte & 0x80u) == 0) {
                out = v;
                return true;
            }
        }
        return false;
    }
    bool done() const { return p_ == end_; }
    const unsigned char* at() const { return p_; }

private:
    const unsigned char* p_;
    const unsigned char* end_;
};

// Well-formed UTF-8: no stray continuation bytes, overlong forms, surrogates or values past U+10FFFF.
inline bool validUtf8(std::string_view s) {
    std::size_t i = 0;
    const auto cont = [&](std::size_t k) { return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0u) == 0x80u; };
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            i += 1;
        } else if (c >= 0xC2 && c <= 0xDF) {
            if (!cont(1)) return false;
            i += 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            if (!cont(1) || !cont(2)) return false;
            const auto c1 = static_cast<unsigned char>(s[i + 1]);
            if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return false;  // overlong, surrogate
            i += 3;
        } else if (c >= 0xF0 && c <= 0xF4) {
            if (!cont(1) || !cont(2) || !cont(3)) return false;
            const auto c1 = static_cast<unsigned char>(s[i + 1]);
            if ((c == 0xF0 && c1 < 0x90) || (c == 0xF4 && c1 >= 0x90)) return false;  // overlong, past U+10FFFF
            i += 4;
        } else {
            return false;
        }
    }
    return true;
}

}  // namespace vaerksted::language::ngram_file_bytes
