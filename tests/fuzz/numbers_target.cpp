// Fuzz target "numbers": the locale-free number text of the vector files (number_text.hpp) on
// every token of the input, against the C library (strtof) as the reference, and the shortest
// float text read back bit for bit.
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "fuzz_check.hpp"
#include "word2vec/number_text.hpp"

using namespace vaerksted::word2vec;

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// The reference grammar: [+-] digits [. digits] [(e|E) [+-] digits], a digit before or after the point.
std::size_t decimalPrefix(const char* p, const char* end) {
    const char* q = p;
    if (q != end && (*q == '+' || *q == '-')) ++q;
    bool any = false;
    while (q != end && digit(*q)) ++q, any = true;
    if (q != end && *q == '.') {
        ++q;
        while (q != end && digit(*q)) ++q, any = true;
    }
    if (!any) return 0;
    if (q != end && (*q == 'e' || *q == 'E')) {
        const char* e = q + 1;
        if (e != end && (*e == '+' || *e == '-')) ++e;
        if (e != end && digit(*e)) {
            while (e != end && digit(*e)) ++e;
            q = e;
        }
    }
    return static_cast<std::size_t>(q - p);
}

std::uint32_t bitsOf(float x) {
    std::uint32_t b;
    std::memcpy(&b, &x, sizeof b);
    return b;
}

// Floats in order as integers, so that neighbours differ by 1 (−0 and +0 coincide).
long long ordered(float x) {
    const std::uint32_t b = bitsOf(x);
    return (b >> 31) ? -static_cast<long long>(b & 0x7fffffffu) : static_cast<long long>(b);
}

int significantDigits(const char* text, int length) {
    int n = 0, trailingZeros = 0;
    bool started = false;
    for (int i = 0; i < length && text[i] != 'e'; ++i) {
        if (!digit(text[i])) continue;
        if (text[i] != '0') started = true;
        if (!started) continue;
        ++n;
        trailingZeros = text[i] == '0' ? trailingZeros + 1 : 0;
    }
    return n - trailingZeros;
}

// formatShortestFloat: ≤ 16 chars, read back exactly, and one digit fewer (rounded) does not read back.
void checkShortest(float x) {
    char text[kFloatTextMax];
    const int n = formatShortestFloat(x, text);
    const std::string s(text, static_cast<std::size_t>(n));
    FUZZ_CHECK(n >= 1 && n <= 16, "length of '" + s + "'");
    if (!std::isfinite(x)) {
        FUZZ_CHECK(s == (std::isnan(x) ? "nan" : x > 0 ? "inf" : "-inf"), s);
        FUZZ_CHECK(isNonFiniteSpelling(text, text + n), s);
        return;
    }
    float back = 0;
    FUZZ_CHECK(parseDecimalFloat(text, text + n, back) == text + n, "'" + s + "' is not read whole");
    FUZZ_CHECK(bitsOf(back) == bitsOf(x), "'" + s + "' reads back as another float");
    const int digits = significantDigits(text, n);
    if (digits <= 1) return;
    char fewer[64];
    const int m = std::snprintf(fewer, sizeof fewer, "%.*e", digits - 2, static_cast<double>(x));
    float shorter = 0;
    parseDecimalFloat(fewer, fewer + m, shorter);
    FUZZ_CHECK(bitsOf(shorter) != bitsOf(x), "'" + s + "' is not the shortest: " + std::string(fewer, m) + " reads back");
}

void checkDecimal(const char* p, const char* end) {
    float value = 1234.5f;
    const char* after = parseDecimalFloat(p, end, value);
    const std::size_t expected = decimalPrefix(p, end);
    FUZZ_CHECK(after >= p && after <= end, "pointer outside the token");
    const std::string token(p, static_cast<std::size_t>(end - p));
    FUZZ_CHECK(static_cast<std::size_t>(after - p) == expected, "'" + token + "' read " + std::to_string(after - p) +
                                                                    " chars, the grammar says " + std::to_string(expected));
    if (expected == 0) return;
    const std::string prefix(p, expected);
    const float reference = std::strtof(prefix.c_str(), nullptr);
    // Documented: the nearest float, rarely (near a halfway point) one off; out of range ±inf or ±0.
    FUZZ_CHECK(std::llabs(ordered(value) - ordered(reference)) <= 1,
               "'" + prefix + "' read as " + std::to_string(value) + ", strtof says " + std::to_string(reference));
    FUZZ_CHECK(std::signbit(value) == (prefix[0] == '-'), "sign of '" + prefix + "'");
    checkShortest(value);
}

// parseInteger: exact below 10^15, and at least 10^15 beyond (saturating).
void checkInteger(const char* p, const char* end) {
    long long value = 7;
    const bool ok = parseInteger(p, end, value);
    const char* q = p;
    const bool negative = q != end && *q == '-';
    if (q != end && (*q == '+' || *q == '-')) ++q;
    bool valid = q != end;
    __int128 exact = 0;
    for (const char* r = q; r != end; ++r) {
        if (!digit(*r)) valid = false;
        else if (exact < static_cast<__int128>(1) << 100) exact = exact * 10 + (*r - '0');
    }
    const std::string token(p, static_cast<std::size_t>(end - p));
    FUZZ_CHECK(ok == valid, "parseInteger('" + token + "')");
    if (!ok) return;
    constexpr long long kLimit = 1'000'000'000'000'000LL;
    const long long magnitude = negative ? -value : value;
    if (exact < kLimit) FUZZ_CHECK(magnitude == static_cast<long long>(exact), token);
    else FUZZ_CHECK(magnitude >= kLimit, token);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const char* text = reinterpret_cast<const char*>(data);
    const char* end = text + size;
    // Every whitespace-separated token, and the whole input once as one "token".
    checkDecimal(text, end);
    isNonFiniteSpelling(text, end);
    for (const char* p = text; p < end;) {
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\t')) ++p;
        const char* q = p;
        while (q < end && *q != ' ' && *q != '\n' && *q != '\t') ++q;
        if (q > p) {
            checkDecimal(p, q);
            checkInteger(p, q);
            isNonFiniteSpelling(p, q);
        }
        p = q;
    }
    // The input's bytes as float bits, four at a time: every kind of float, also nan and ±inf.
    for (std::size_t i = 0; i + 4 <= size && i < 64; i += 4) {
        float x;
        std::memcpy(&x, data + i, sizeof x);
        checkShortest(x);
    }
    char digits[24];
    std::uint64_t v = 0;
    std::memcpy(&v, data, std::min<std::size_t>(size, 8));
    const int n = writeDigits(v, digits);
    FUZZ_CHECK(std::to_string(v) == std::string(digits, static_cast<std::size_t>(n)), "writeDigits");
    return 0;
}
