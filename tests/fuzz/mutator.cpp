#include "mutator.hpp"

#include <algorithm>
#include <cstring>
#include <string_view>

namespace vaerksted::fuzz {

namespace {

using namespace std::string_view_literals;

// Tokens that steer the readers into their edge cases; sv literals so that embedded NULs count.
constexpr std::string_view kTokens[] = {
    "0"sv, "1"sv, "-"sv, "+"sv, "."sv, "e"sv, "E"sv, "e+"sv, "e-"sv, "-0"sv, ".5"sv, "5."sv, "1e400"sv,
    "-1e400"sv, "1e39"sv, "3.4028235e38"sv, "1e-46"sv, "1e-50"sv, "99999999999999999999"sv,
    "0.000000000000000000000000000001"sv, "4294967295"sv, "2147483648"sv, "1000000000000000"sv, "nan"sv,
    "NaN"sv, "-inf"sv, "inf"sv, "Infinity"sv, "nan(1)"sv, "0x1p3"sv, "1,5"sv, "\n"sv, "\r\n"sv, "\r"sv,
    " "sv, "\t"sv, "  "sv, "\0"sv, "\x7f"sv, "\xEF\xBB\xBF"sv, "AIVEC1\0\0"sv, "1 1\n"sv, "2 3\n"sv,
    "0 0\n"sv, "-1 5\n"sv, "æ"sv, "ø"sv, "å"sv, "Æ"sv, "É"sv, "ß"sv, "…"sv, "’"sv, "‑"sv, "'"sv, "!"sv,
    "?"sv, ";"sv, ":"sv, ","sv, "\xC3"sv, "\xE2\x80"sv, "\xF0\x9F\x98"sv, "\xF0\x9F\x98\x80"sv,
    "\xED\xA0\x80"sv, "\xF4\x90\x80\x80"sv, "\xC0\x80"sv, "\xC1\x81"sv, "\x80"sv, "\xBF"sv, "\xFF"sv,
    "\xF8\x88\x80\x80\x80"sv,
};

// Little-endian 32-bit values for the binary headers and floats: extremes and float specials.
constexpr std::uint32_t kWords[] = {
    0u,          1u,          2u,          127u,        128u,        255u,        0x7fffffffu,
    0x80000000u, 0xffffffffu, 0x7f800000u, 0xff800000u, 0x7fc00000u, 0x7f7fffffu, 0x00000001u,
    0x00800000u, 0x3f800000u, 0xbf800000u, 2000000u,    2001u,       250000000u,
};

std::size_t below(Rng& rng, std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(rng.below(n)); }

void insert(Bytes& b, std::size_t at, const std::uint8_t* first, std::size_t count) {
    b.insert(b.begin() + static_cast<std::ptrdiff_t>(at), first, first + count);
}

void mutateOnce(Bytes& b, const Bytes& other, Rng& rng) {
    const std::size_t n = b.size();
    switch (rng.below(12)) {
        case 0:  // flip one bit
            if (n) b[below(rng, n)] ^= static_cast<std::uint8_t>(1u << rng.below(8));
            break;
        case 1:  // set one byte
            if (n) b[below(rng, n)] = static_cast<std::uint8_t>(rng.below(256));
            break;
        case 2: {  // nudge one byte up or down (digits become other digits, 'e' becomes 'f')
            if (n) b[below(rng, n)] += static_cast<std::uint8_t>(rng.below(2) ? 1 : 255);
            break;
        }
        case 3: {  // insert random bytes
            std::uint8_t random[8];
            const std::size_t count = 1 + below(rng, sizeof random);
            for (std::size_t i = 0; i < count; ++i) random[i] = static_cast<std::uint8_t>(rng.below(256));
            insert(b, below(rng, n + 1), random, count);
            break;
        }
        case 4: {  // delete a range
            if (!n) break;
            const std::size_t at = below(rng, n);
            const std::size_t count = 1 + below(rng, std::min<std::size_t>(n - at, 16));
            b.erase(b.begin() + static_cast<std::ptrdiff_t>(at), b.begin() + static_cast<std::ptrdiff_t>(at + count));
            break;
        }
        case 5: {  // duplicate a chunk somewhere else (more lines, more vectors, a repeated word)
            if (!n) break;
            const std::size_t at = below(rng, n);
            const Bytes chunk(b.begin() + static_cast<std::ptrdiff_t>(at),
                              b.begin() + static_cast<std::ptrdiff_t>(at + 1 + below(rng, std::min<std::size_t>(n - at, 64))));
            insert(b, below(rng, n + 1), chunk.data(), chunk.size());
            break;
        }
        case 6:
        case 7: {  // insert or overwrite with a token
            const std::string_view t = kTokens[below(rng, std::size(kTokens))];
            const auto* first = reinterpret_cast<const std::uint8_t*>(t.data());
            const std::size_t at = below(rng, n + 1);
            if (rng.below(2) || at + t.size() > n) insert(b, at, first, t.size());
            else std::memcpy(b.data() + at, first, t.size());
            break;
        }
        case 8: {  // overwrite 4 bytes with a little-endian extreme (counts, dims, lengths, float bits)
            if (n < 4) break;
            const std::uint32_t v = kWords[below(rng, std::size(kWords))];
            const std::size_t at = below(rng, n - 3);
            for (int i = 0; i < 4; ++i) b[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (8 * i));
            break;
        }
        case 9: {  // splice: our start, the other input's end
            if (other.empty()) break;
            const std::size_t cut = below(rng, n + 1);
            const std::size_t from = below(rng, other.size());
            b.resize(cut);
            b.insert(b.end(), other.begin() + static_cast<std::ptrdiff_t>(from), other.end());
            break;
        }
        case 10:  // truncate (a download cut off)
            if (n) b.resize(below(rng, n));
            break;
        case 11: {  // a run of one byte: long numbers, many spaces, many line ends
            const std::uint8_t byte = n && rng.below(2) ? b[below(rng, n)] : static_cast<std::uint8_t>("0 \n9e-"[rng.below(6)]);
            const Bytes run(1 + below(rng, 128), byte);
            insert(b, below(rng, n + 1), run.data(), run.size());
            break;
        }
    }
}

}  // namespace

void mutate(Bytes& input, const Bytes& other, std::size_t maxLength, Rng& rng) {
    const std::size_t rounds = 1 + below(rng, 8);
    for (std::size_t i = 0; i < rounds; ++i) mutateOnce(input, other, rng);
    if (input.size() > maxLength) input.resize(maxLength);
}

}  // namespace vaerksted::fuzz
