#include "word2vec/number_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

namespace vaerksted::word2vec {

namespace {

inline bool isDigit(char c) { return c >= '0' && c <= '9'; }
inline char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool finiteBits(std::uint32_t bits) { return (bits & 0x7f800000u) != 0x7f800000u; }
std::uint32_t floatBits(float x) {
    std::uint32_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    return bits;
}

constexpr double kPow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                               1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// x · 10^e in double. Exact powers up to 10^22, so for |e| ≤ 22 this is one correctly rounded
// operation; beyond, a few (each 2^-53 relative), which is far below a float's half ulp (2^-24).
double scaleByPow10(double x, int e) {
    if (e < 0) {
        for (e = -e; e > 22 && x != 0.0; e -= 22) x /= 1e22;
        return x / kPow10[e > 22 ? 22 : e];
    }
    for (; e > 22 && !std::isinf(x); e -= 22) x *= 1e22;
    return x * kPow10[e > 22 ? 22 : e];
}

// m · 10^e as the nearest float (see parseDecimalFloat for the rare exception).
float decimalToFloat(std::uint64_t m, int digits, int e) {
    if (m == 0) return 0.0f;
    if (digits + e > 40) return HUGE_VALF;  // ≥ 10^39
    if (digits + e < -47) return 0.0f;      // < 10^-47, below half the smallest subnormal
    const double v = scaleByPow10(static_cast<double>(m), e);
    // Doubles from FLT_MAX + ½ulp up round to inf; converting them directly would be undefined.
    if (v >= 0x1.ffffffp+127) return HUGE_VALF;
    return static_cast<float>(v);
}

// The decimal D · 10^k (D without trailing zeros) in %g style; returns the length.
int formatDecimal(bool negative, std::uint64_t d, int k, char* out) {
    char digits[24];
    const int n = writeDigits(d, digits);
    const int x = k + n - 1;  // exponent of the leading digit
    int len = 0;
    if (negative) out[len++] = '-';
    if (x < -4 || x >= 9) {
        out[len++] = digits[0];
        if (n > 1) {
            out[len++] = '.';
            for (int i = 1; i < n; ++i) out[len++] = digits[i];
        }
        out[len++] = 'e';
        out[len++] = x < 0 ? '-' : '+';
        const int ax = x < 0 ? -x : x;
        if (ax < 10) out[len++] = '0';
        len += writeDigits(static_cast<std::uint64_t>(ax), out + len);
    } else if (x >= 0) {
        for (int i = 0; i <= x; ++i) out[len++] = i < n ? digits[i] : '0';
        if (n > x + 1) {
            out[len++] = '.';
            for (int i = x + 1; i < n; ++i) out[len++] = digits[i];
        }
    } else {
        out[len++] = '0';
        out[len++] = '.';
        for (int i = 0; i < -x - 1; ++i) out[len++] = '0';
        for (int i = 0; i < n; ++i) out[len++] = digits[i];
    }
    return len;
}

}  // namespace

// The number's digits go into m (at most 19 significant ones), the point and exponent into e.
const char* parseDecimalFloat(const char* first, const char* last, float& value) {
    const char* p = first;
    bool negative = false;
    if (p != last && (*p == '+' || *p == '-')) {
        negative = *p == '-';
        ++p;
    }
    std::uint64_t m = 0;
    int digits = 0;        // significant digits kept in m (at most 19: m < 10^19 < 2^64)
    long long exponent = 0;
    bool any = false;
    for (; p != last && isDigit(*p); ++p) {
        any = true;
        const unsigned d = static_cast<unsigned>(*p - '0');
        if (m == 0 && d == 0) continue;  // leading zero
        if (digits < 19) {
            m = m * 10 + d;
            ++digits;
        } else {
            ++exponent;  // a dropped digit before the point
        }
    }
    if (p != last && *p == '.') {
        ++p;
        for (; p != last && isDigit(*p); ++p) {
            any = true;
            const unsigned d = static_cast<unsigned>(*p - '0');
            if (m == 0 && d == 0) {
                --exponent;
            } else if (digits < 19) {
                m = m * 10 + d;
                ++digits;
                --exponent;
            }  // else: a dropped digit after the point
        }
    }
    if (!any) return first;
    if (p != last && (*p == 'e' || *p == 'E')) {
        const char* q = p + 1;
        bool negativeExponent = false;
        if (q != last && (*q == '+' || *q == '-')) {
            negativeExponent = *q == '-';
            ++q;
        }
        if (q != last && isDigit(*q)) {
            long long e = 0;
            for (; q != last && isDigit(*q); ++q)
                if (e < 1'000'000) e = e * 10 + (*q - '0');
            exponent += negativeExponent ? -e : e;
            p = q;
        }  // else "1e", "1e+": the number ends before the 'e' (as strtod does)
    }
    exponent = std::max(-2'000'000LL, std::min(2'000'000LL, exponent));
    const float magnitude = decimalToFloat(m, digits, static_cast<int>(exponent));
    value = negative ? -magnitude : magnitude;
    return p;
}

// "nan", "inf", "infinity" in any case with an optional sign, also "nan(…)".
bool isNonFiniteSpelling(const char* first, const char* last) {
    if (first != last && (*first == '+' || *first == '-')) ++first;
    if (last - first > 16) return false;
    std::string s;
    for (const char* p = first; p != last; ++p) s.push_back(lower(*p));
    return s == "nan" || s == "inf" || s == "infinity" || (s.size() >= 5 && s.compare(0, 4, "nan(") == 0 && s.back() == ')');
}

// Decimal digits of v (no sign) into buffer; returns the count.
int writeDigits(std::uint64_t v, char* buffer) {
    char tmp[24];
    int n = 0;
    do {
        tmp[n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v != 0);
    for (int i = 0; i < n; ++i) buffer[i] = tmp[n - 1 - i];
    return n;
}

// Parses an optionally signed integer token, saturating at ±10^15.
bool parseInteger(const char* first, const char* last, long long& value) {
    bool negative = false;
    if (first != last && (*first == '+' || *first == '-')) {
        negative = *first == '-';
        ++first;
    }
    if (first == last) return false;
    long long v = 0;
    for (const char* p = first; p != last; ++p) {
        if (!isDigit(*p)) return false;
        if (v < 1'000'000'000'000'000LL) v = v * 10 + (*p - '0');
    }
    value = negative ? -v : v;
    return true;
}

int formatShortestFloat(float value, char* buffer) {
    const std::uint32_t bits = floatBits(value);
    const bool negative = (bits >> 31) != 0;
    if (!finiteBits(bits)) {
        const char* s = (bits & 0x007fffffu) != 0 ? "nan" : negative ? "-inf" : "inf";
        const int n = static_cast<int>(std::strlen(s));
        std::memcpy(buffer, s, static_cast<std::size_t>(n));
        return n;
    }
    if ((bits & 0x7fffffffu) == 0) {
        if (negative) buffer[0] = '-';
        buffer[negative ? 1 : 0] = '0';
        return negative ? 2 : 1;
    }
    const double a = std::fabs(static_cast<double>(value));
    // Nine significant digits always identify a float: D9 · 10^k with 10^8 ≤ D9 < 10^9.
    int x = static_cast<int>(std::floor(std::log10(a)));
    std::uint64_t d9 = 0;
    for (int attempt = 0; attempt < 4; ++attempt) {
        const double scaled = scaleByPow10(a, 8 - x);
        d9 = static_cast<std::uint64_t>(std::floor(scaled + 0.5));
        if (d9 >= 1'000'000'000u) ++x;
        else if (d9 < 100'000'000u) --x;
        else break;
    }
    // Fewer digits while they still read back, each rounded from the value itself (rounding D9
    // again would round twice: 14.3299684525 → 14.3299685 → 14.329969, which misses). The check
    // is the parser's own arithmetic: parseDecimalFloat reads formatDecimal(D, k) as m = D, e = k, except
    // an integer with trailing zeros ("100": m = 100, e = 0), which is exact either way.
    auto reads = [&](std::uint64_t d, int k) {
        int n = 0;
        for (std::uint64_t t = d; t != 0; t /= 10) ++n;
        return floatBits(decimalToFloat(d, n, k)) == (bits & 0x7fffffffu);
    };
    auto trimmed = [](std::uint64_t& d, int& k) {
        while (d % 10 == 0) {
            d /= 10;
            ++k;
        }
    };
    std::uint64_t best = d9;
    int bestK = x - 8;
    trimmed(best, bestK);
    for (int p = 8 - (bestK - (x - 8)); p >= 1; --p) {
        int k = x - (p - 1);
        std::uint64_t d = static_cast<std::uint64_t>(std::floor(scaleByPow10(a, -k) + 0.5));
        trimmed(d, k);
        if (!reads(d, k)) break;
        best = d;
        bestK = k;
    }
    return formatDecimal(negative, best, bestK, buffer);
}

}  // namespace vaerksted::word2vec
