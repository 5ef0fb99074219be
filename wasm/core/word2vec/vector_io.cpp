#include "word2vec/vector_io.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace vaerksted::word2vec {

namespace {

constexpr unsigned char kMagic[8] = {'A', 'I', 'V', 'E', 'C', '1', 0, 0};
constexpr std::size_t kCompactHeader = 20;

VectorProblem problem(VectorStatus status, long long line = -1, long long vector = -1) {
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
inline char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool finiteBits(std::uint32_t bits) { return (bits & 0x7f800000u) != 0x7f800000u; }
std::uint32_t floatBits(float x) {
    std::uint32_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    return bits;
}
bool isFinite(float x) { return finiteBits(floatBits(x)); }

std::uint32_t readU32(const unsigned char* p) {
    return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
           static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}
void appendU32(std::vector<unsigned char>& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<unsigned char>(v >> (8 * i)));
}
void appendFloat(std::vector<unsigned char>& out, float x) { appendU32(out, floatBits(x)); }
float bitsToFloat(std::uint32_t bits) {
    float x;
    std::memcpy(&x, &bits, sizeof x);
    return x;
}

// ── decimal ↔ float ──────────────────────────────────────────────────────────────────────────

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

// The body of parseDecimalFloat (see the header).
const char* parseNumber(const char* first, const char* last, float& value) {
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

// ── shared checks ─────────────────────────────────────────────────────────────────────────────

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

// Is [first, last) exactly two integer tokens (spaces/tabs around and between, a CR at the end)?
bool parseHeader(const char* first, const char* last, long long& count, long long& dim) {
    while (last > first && (isSeparator(last[-1]) || last[-1] == '\r')) --last;
    while (first < last && isSeparator(*first)) ++first;
    const char* a = first;
    while (first < last && !isSeparator(*first)) ++first;
    if (!parseInteger(a, first, count)) return false;
    while (first < last && isSeparator(*first)) ++first;
    return parseInteger(first, last, dim);
}

bool absurd(long long count, long long dim, const VectorLimits& limits) {
    return count <= 0 || dim <= 0 || dim > limits.maxDim || count > limits.maxWords ||
           count > limits.maxValues / dim;
}

using WordSet = std::unordered_set<std::string_view>;

// How many vectors to reserve room for: the promised count, but never more than the bytes left
// can hold (a header cannot make us allocate more than about twice the file's size).
std::size_t reserveFor(long long promised, std::size_t bytesLeft, std::size_t minBytesPerVector) {
    const std::size_t fit = bytesLeft / minBytesPerVector + 1;
    return promised < 0 ? fit : std::min(static_cast<std::size_t>(promised), fit);
}

// ── text ──────────────────────────────────────────────────────────────────────────────────────

struct LineReader {
    const char* p;
    const char* end;
    long long number = 0;  // of the line last read
    const char* begin = nullptr;
    const char* stop = nullptr;  // without LF, trailing CR, spaces and tabs
    bool newline = false;        // the line ended in LF

    bool next() {
        if (p == end) return false;
        const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
        begin = p;
        stop = nl ? static_cast<const char*>(nl) : end;
        newline = nl != nullptr;
        p = nl ? stop + 1 : end;
        ++number;
        while (stop > begin && (stop[-1] == '\r' || isSeparator(stop[-1]))) --stop;
        return true;
    }
};

// Number of values after the word on a line (tokens − 1).
int valuesOnLine(const char* p, const char* end) {
    long long tokens = 0;
    while (p < end) {
        while (p < end && isSeparator(*p)) ++p;
        if (p == end) break;
        ++tokens;
        while (p < end && !isSeparator(*p)) ++p;
    }
    return static_cast<int>(std::min<long long>(tokens - 1, 1 << 30));
}

// One "word v1 … vd" line, appended to out; `cutOff` says the line may simply have been cut short
// (too few values, or the last token not a number).
VectorProblem parseTextLine(const char* p, const char* end, int dim, long long line, long long vector,
                            LoadedVectors& out, WordSet& seen, bool& cutOff) {
    cutOff = false;
    const char* word = p;
    while (p < end && !isSeparator(*p)) ++p;
    if (p == word) return problem(VectorStatus::EmptyWord, line, vector);
    const std::string_view w(word, static_cast<std::size_t>(p - word));
    if (!seen.insert(w).second) return problem(VectorStatus::DuplicateWord, line, vector);
    const std::size_t base = out.rows.size();
    out.rows.resize(base + static_cast<std::size_t>(dim));
    float* row = out.rows.data() + base;
    for (int i = 0; i < dim; ++i) {
        while (p < end && isSeparator(*p)) ++p;
        if (p == end) {
            cutOff = true;
            return problem(VectorStatus::WrongColumnCount, line, vector);
        }
        float value;
        const char* after = parseNumber(p, end, value);
        if (after == p || (after < end && !isSeparator(*after))) {
            const char* tokenEnd = after;
            while (tokenEnd < end && !isSeparator(*tokenEnd)) ++tokenEnd;
            if (isNonFiniteSpelling(p, tokenEnd)) return problem(VectorStatus::NonFinite, line, vector);
            cutOff = tokenEnd == end;  // a number cut in two, e.g. "1e" of "1e-05"
            return problem(VectorStatus::NotANumber, line, vector);
        }
        if (!isFinite(value)) return problem(VectorStatus::NonFinite, line, vector);
        row[i] = value;
        p = after;
    }
    while (p < end && isSeparator(*p)) ++p;
    if (p != end) return problem(VectorStatus::WrongColumnCount, line, vector);
    out.words.emplace_back(w);
    return {};
}

VectorProblem parseText(const char* data, std::size_t size, LoadedVectors& out, const VectorLimits& limits) {
    if (size >= 3 && std::memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        size -= 3;
    }
    LineReader reader{data, data + size};
    do {
        if (!reader.next()) return problem(VectorStatus::Empty);
    } while (reader.begin == reader.stop);

    long long count = -1;  // −1: no header
    long long dim = 0;
    bool firstIsVector = true;
    if (parseHeader(reader.begin, reader.stop, count, dim)) {
        if (absurd(count, dim, limits)) return problem(VectorStatus::AbsurdSize, reader.number);
        firstIsVector = false;
    } else {
        count = -1;
        dim = valuesOnLine(reader.begin, reader.stop);
        if (dim <= 0) return problem(VectorStatus::WrongColumnCount, reader.number, 1);
        if (absurd(1, dim, limits)) return problem(VectorStatus::AbsurdSize, reader.number, 1);
    }
    const int d = static_cast<int>(dim);

    // Every vector line has at least 2·dim + 1 bytes ("w 0 0 … 0").
    const std::size_t capacity =
        reserveFor(count, static_cast<std::size_t>(reader.end - reader.begin), 2 * static_cast<std::size_t>(d) + 1);
    LoadedVectors result;
    result.dim = d;
    result.format = VectorFormat::Word2VecText;
    result.words.reserve(capacity);
    result.rows.reserve(capacity * static_cast<std::size_t>(d));
    WordSet seen;
    seen.reserve(capacity);

    long long vectors = 0;
    bool haveLine = firstIsVector;
    for (;;) {
        if (!haveLine) {
            if (!reader.next()) break;
            if (reader.begin == reader.stop) continue;  // blank line
        }
        haveLine = false;
        const long long vector = vectors + 1;
        if (count >= 0 && vector > count) return problem(VectorStatus::ExtraVectors, reader.number, vector);
        if (count < 0 && absurd(vector, dim, limits)) return problem(VectorStatus::AbsurdSize, reader.number, vector);
        bool cutOff = false;
        VectorProblem p = parseTextLine(reader.begin, reader.stop, d, reader.number, vector, result, seen, cutOff);
        if (!p.ok()) {
            // The last line of a file that promised more: a download or copy cut off mid-line.
            if (cutOff && !reader.newline && reader.p == reader.end && count > vector)
                p.status = VectorStatus::Truncated;
            return p;
        }
        vectors = vector;
    }
    if (count >= 0 && vectors < count) return problem(VectorStatus::Truncated, reader.number + 1, vectors + 1);
    out = std::move(result);
    return {};
}

// ── binary ────────────────────────────────────────────────────────────────────────────────────

// Could [first, last) (the file so far, no LF seen) be the start of a "count dim" header?
bool headerPrefix(const char* first, const char* last) {
    for (const char* p = first; p != last; ++p)
        if (!isDigit(*p) && !isSeparator(*p) && *p != '+' && *p != '-' && *p != '\r') return false;
    return true;
}

VectorProblem parseBinary(const unsigned char* data, std::size_t size, LoadedVectors& out,
                          const VectorLimits& limits) {
    const char* text = reinterpret_cast<const char*>(data);
    const unsigned char* end = data + size;
    const void* nl = std::memchr(data, '\n', size);
    const char* headerEnd = nl ? static_cast<const char*>(nl) : text + size;
    long long count = 0, dim = 0;
    if (!parseHeader(text, headerEnd, count, dim)) {
        if (!nl && headerPrefix(text, headerEnd)) return problem(VectorStatus::Truncated, 1, 1);
        return problem(VectorStatus::BadHeader, 1);
    }
    if (absurd(count, dim, limits)) return problem(VectorStatus::AbsurdSize, 1);
    const int d = static_cast<int>(dim);
    const std::size_t recordBytes = 4 * static_cast<std::size_t>(d);
    const unsigned char* p = nl ? static_cast<const unsigned char*>(nl) + 1 : end;

    const std::size_t capacity = reserveFor(count, static_cast<std::size_t>(end - p), recordBytes + 2);
    LoadedVectors result;
    result.dim = d;
    result.format = VectorFormat::Word2VecBinary;
    result.words.reserve(capacity);
    result.rows.reserve(capacity * static_cast<std::size_t>(d));
    WordSet seen;
    seen.reserve(capacity);

    for (long long vector = 1; vector <= count; ++vector) {
        while (p < end && (*p == '\n' || *p == '\r')) ++p;
        if (p == end) return problem(VectorStatus::Truncated, -1, vector);
        const unsigned char* word = p;
        while (p < end && *p != ' ') {
            if (*p < 0x20) return problem(VectorStatus::WrongColumnCount, -1, vector);
            ++p;
        }
        if (p == end) return problem(VectorStatus::Truncated, -1, vector);
        if (p == word) return problem(VectorStatus::EmptyWord, -1, vector);
        const std::string_view w(reinterpret_cast<const char*>(word), static_cast<std::size_t>(p - word));
        if (!seen.insert(w).second) return problem(VectorStatus::DuplicateWord, -1, vector);
        ++p;
        if (static_cast<std::size_t>(end - p) < recordBytes) return problem(VectorStatus::Truncated, -1, vector);
        const std::size_t base = result.rows.size();
        result.rows.resize(base + static_cast<std::size_t>(d));
        for (int i = 0; i < d; ++i, p += 4) {
            const std::uint32_t bits = readU32(p);
            if (!finiteBits(bits)) return problem(VectorStatus::NonFinite, -1, vector);
            result.rows[base + static_cast<std::size_t>(i)] = bitsToFloat(bits);
        }
        result.words.emplace_back(w);
    }
    while (p < end && isSpace(static_cast<char>(*p))) ++p;
    if (p != end) return problem(VectorStatus::ExtraVectors, -1, count + 1);
    out = std::move(result);
    return {};
}

// ── compact ───────────────────────────────────────────────────────────────────────────────────

VectorProblem parseCompact(const unsigned char* data, std::size_t size, LoadedVectors& out,
                           const VectorLimits& limits) {
    if (size < kCompactHeader || std::memcmp(data, kMagic, sizeof kMagic) != 0)
        return problem(VectorStatus::BadCompactFile);
    const std::uint64_t count = readU32(data + 8);
    const std::uint64_t dim = readU32(data + 12);
    const std::uint64_t wordBytes = readU32(data + 16);
    if (absurd(static_cast<long long>(count), static_cast<long long>(dim), limits))
        return problem(VectorStatus::AbsurdSize);
    // count ≤ 2^32 and dim < 2^31: no term or sum below overflows 64 bits.
    const std::uint64_t expected = kCompactHeader + wordBytes + 4 * count + count * dim;
    if (expected != size) return problem(VectorStatus::BadCompactFile);

    const std::size_t n = static_cast<std::size_t>(count);
    const int d = static_cast<int>(dim);
    const char* block = reinterpret_cast<const char*>(data + kCompactHeader);
    const char* blockEnd = block + wordBytes;
    if (wordBytes == 0 || blockEnd[-1] != '\n') return problem(VectorStatus::BadCompactFile);
    if (static_cast<std::uint64_t>(std::count(block, blockEnd, '\n')) != count)
        return problem(VectorStatus::BadCompactFile);

    LoadedVectors result;
    result.dim = d;
    result.format = VectorFormat::Compact;
    result.words.reserve(n);
    WordSet seen;
    seen.reserve(n);
    const char* p = block;
    for (std::size_t v = 0; v < n; ++v) {
        const char* nl = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(blockEnd - p)));
        const std::string_view w(p, static_cast<std::size_t>(nl - p));
        const long long vector = static_cast<long long>(v) + 1;
        if (w.empty()) return problem(VectorStatus::EmptyWord, -1, vector);
        if (!seen.insert(w).second) return problem(VectorStatus::DuplicateWord, -1, vector);
        result.words.emplace_back(w);
        p = nl + 1;
    }
    const unsigned char* scales = data + kCompactHeader + wordBytes;
    const unsigned char* values = scales + 4 * n;
    result.rows.resize(n * static_cast<std::size_t>(d));
    for (std::size_t v = 0; v < n; ++v) {
        const std::uint32_t bits = readU32(scales + 4 * v);
        const long long vector = static_cast<long long>(v) + 1;
        if (!finiteBits(bits)) return problem(VectorStatus::NonFinite, -1, vector);
        const float scale = bitsToFloat(bits);
        if (scale < 0.0f) return problem(VectorStatus::BadCompactFile, -1, vector);
        const unsigned char* q = values + v * static_cast<std::size_t>(d);
        float* row = result.rows.data() + v * static_cast<std::size_t>(d);
        for (int i = 0; i < d; ++i) {
            row[i] = static_cast<float>(static_cast<std::int8_t>(q[i])) * scale;
            if (!isFinite(row[i])) return problem(VectorStatus::NonFinite, -1, vector);  // scale near FLT_MAX
        }
    }
    out = std::move(result);
    return {};
}

// ── writers ───────────────────────────────────────────────────────────────────────────────────

// Can these words and rows make a valid file? `forbidden` says which bytes a word may not contain.
bool writable(const std::vector<std::string>& words, int dim, const std::vector<float>& rows,
              bool (*forbidden)(char)) {
    if (words.empty() || dim < 1 || words.size() > 0xffffffffu ||
        rows.size() != words.size() * static_cast<std::size_t>(dim))
        return false;
    for (float x : rows)
        if (!isFinite(x)) return false;
    WordSet seen;
    seen.reserve(words.size());
    for (const std::string& w : words) {
        if (w.empty() || std::any_of(w.begin(), w.end(), forbidden)) return false;
        if (!seen.insert(w).second) return false;
    }
    return true;
}

void appendHeaderLine(std::vector<unsigned char>& out, std::size_t count, int dim) {
    char buffer[48];
    int n = writeDigits(count, buffer);
    buffer[n++] = ' ';
    n += writeDigits(static_cast<std::uint64_t>(dim), buffer + n);
    buffer[n++] = '\n';
    out.insert(out.end(), buffer, buffer + n);
}

bool isLineFeed(char c) { return c == '\n'; }
// Text and binary words end at whitespace, and the binary reader rejects control bytes.
bool isSpaceOrControl(char c) { return static_cast<unsigned char>(c) <= 0x20; }

}  // namespace

// ── public ────────────────────────────────────────────────────────────────────────────────────

const char* vectorStatusName(VectorStatus status) {
    switch (status) {
        case VectorStatus::Ok: return "ok";
        case VectorStatus::Empty: return "empty";
        case VectorStatus::BadHeader: return "bad_header";
        case VectorStatus::AbsurdSize: return "absurd_size";
        case VectorStatus::Truncated: return "truncated";
        case VectorStatus::WrongColumnCount: return "wrong_column_count";
        case VectorStatus::NotANumber: return "not_a_number";
        case VectorStatus::NonFinite: return "non_finite";
        case VectorStatus::DuplicateWord: return "duplicate_word";
        case VectorStatus::EmptyWord: return "empty_word";
        case VectorStatus::BadCompactFile: return "bad_compact_file";
        case VectorStatus::TooLarge: return "too_large";
        case VectorStatus::ExtraVectors: return "extra_vectors";
    }
    return "unknown";
}

const char* vectorFormatName(VectorFormat format) {
    switch (format) {
        case VectorFormat::Auto: return "auto";
        case VectorFormat::Word2VecText: return "word2vec_text";
        case VectorFormat::Word2VecBinary: return "word2vec_binary";
        case VectorFormat::Compact: return "compact";
    }
    return "unknown";
}

const char* parseDecimalFloat(const char* first, const char* last, float& value) {
    return parseNumber(first, last, value);
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
    // is the parser's own arithmetic: parseNumber reads formatDecimal(D, k) as m = D, e = k, except
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

VectorFormat detectVectorFormat(const unsigned char* data, std::size_t size) {
    if (data == nullptr || size == 0) return VectorFormat::Word2VecText;
    if (size >= 6 && std::memcmp(data, kMagic, 6) == 0) return VectorFormat::Compact;
    const char* text = reinterpret_cast<const char*>(data);
    const void* nl = std::memchr(data, '\n', size);
    if (!nl) return VectorFormat::Word2VecText;
    long long count = 0, dim = 0;
    if (!parseHeader(text, static_cast<const char*>(nl), count, dim) || dim <= 0)
        return VectorFormat::Word2VecText;
    const unsigned char* end = data + size;
    const unsigned char* p = static_cast<const unsigned char*>(nl) + 1;
    while (p < end && (*p == '\n' || *p == '\r')) ++p;
    while (p < end && *p != ' ' && *p != '\n') ++p;  // the first word
    if (p == end || *p != ' ') return VectorFormat::Word2VecText;
    ++p;
    const std::size_t window = std::min(static_cast<std::size_t>(end - p),
                                        4 * static_cast<std::size_t>(std::min<long long>(dim, 1 << 20)));
    bool firstLine = true;
    for (std::size_t i = 0; i < window; ++i) {
        const unsigned char c = p[i];
        if (c == '\n') firstLine = false;
        else if ((c < 0x20 && c != '\t' && c != '\r') || c == 0x7f) return VectorFormat::Word2VecBinary;
        else if (firstLine && c >= 0x80) return VectorFormat::Word2VecBinary;
    }
    return VectorFormat::Word2VecText;
}

VectorProblem parseVectors(const unsigned char* data, std::size_t size, VectorFormat format, LoadedVectors& out,
                           const VectorLimits& limits) {
    if (size == 0 || data == nullptr) return problem(VectorStatus::Empty);
    if (static_cast<unsigned long long>(size) > static_cast<unsigned long long>(std::max(0LL, limits.maxBytes)))
        return problem(VectorStatus::TooLarge);
    if (format == VectorFormat::Auto) format = detectVectorFormat(data, size);
    switch (format) {
        case VectorFormat::Compact: return parseCompact(data, size, out, limits);
        case VectorFormat::Word2VecBinary: return parseBinary(data, size, out, limits);
        case VectorFormat::Word2VecText:
        case VectorFormat::Auto: break;
    }
    return parseText(reinterpret_cast<const char*>(data), size, out, limits);
}

std::vector<unsigned char> writeCompact(const std::vector<std::string>& words, int dim, const std::vector<float>& rows) {
    if (!writable(words, dim, rows, isLineFeed)) return {};
    std::size_t wordBytes = 0;
    for (const std::string& w : words) wordBytes += w.size() + 1;
    if (wordBytes > 0xffffffffu) return {};
    const std::size_t n = words.size();
    const std::size_t d = static_cast<std::size_t>(dim);
    std::vector<unsigned char> out;
    out.reserve(kCompactHeader + wordBytes + 4 * n + n * d);
    out.insert(out.end(), kMagic, kMagic + sizeof kMagic);
    appendU32(out, static_cast<std::uint32_t>(n));
    appendU32(out, static_cast<std::uint32_t>(dim));
    appendU32(out, static_cast<std::uint32_t>(wordBytes));
    for (const std::string& w : words) {
        out.insert(out.end(), w.begin(), w.end());
        out.push_back('\n');
    }
    std::vector<float> scales(n);
    for (std::size_t v = 0; v < n; ++v) {
        float largest = 0.0f;
        for (std::size_t i = 0; i < d; ++i) largest = std::max(largest, std::fabs(rows[v * d + i]));
        // max/127 rounded down, so that max/scale ≥ 127 and no quantised value exceeds ±127.
        float scale = static_cast<float>(static_cast<double>(largest) / 127.0);
        if (static_cast<double>(scale) * 127.0 > static_cast<double>(largest))
            scale = std::nextafter(scale, 0.0f);
        scales[v] = scale;
        appendFloat(out, scale);
    }
    for (std::size_t v = 0; v < n; ++v) {
        const double scale = scales[v];
        for (std::size_t i = 0; i < d; ++i) {
            long q = 0;
            if (scale > 0.0) q = std::lround(static_cast<double>(rows[v * d + i]) / scale);
            q = std::max(-127L, std::min(127L, q));
            out.push_back(static_cast<unsigned char>(static_cast<std::int8_t>(q)));
        }
    }
    return out;
}

std::vector<unsigned char> writeWord2VecText(const std::vector<std::string>& words, int dim,
                                             const std::vector<float>& rows) {
    if (!writable(words, dim, rows, isSpaceOrControl)) return {};
    const std::size_t d = static_cast<std::size_t>(dim);
    std::vector<unsigned char> out;
    out.reserve(32 + rows.size() * 11);
    appendHeaderLine(out, words.size(), dim);
    char buffer[kFloatTextMax + 1];
    for (std::size_t v = 0; v < words.size(); ++v) {
        out.insert(out.end(), words[v].begin(), words[v].end());
        for (std::size_t i = 0; i < d; ++i) {
            buffer[0] = ' ';
            const int n = formatShortestFloat(rows[v * d + i], buffer + 1);
            out.insert(out.end(), buffer, buffer + n + 1);
        }
        out.push_back('\n');
    }
    return out;
}

std::vector<unsigned char> writeWord2VecBinary(const std::vector<std::string>& words, int dim,
                                               const std::vector<float>& rows) {
    if (!writable(words, dim, rows, isSpaceOrControl)) return {};
    const std::size_t d = static_cast<std::size_t>(dim);
    std::vector<unsigned char> out;
    std::size_t wordBytes = 0;
    for (const std::string& w : words) wordBytes += w.size();
    out.reserve(32 + wordBytes + words.size() * (2 + 4 * d));
    appendHeaderLine(out, words.size(), dim);
    for (std::size_t v = 0; v < words.size(); ++v) {
        out.insert(out.end(), words[v].begin(), words[v].end());
        out.push_back(' ');
        for (std::size_t i = 0; i < d; ++i) appendFloat(out, rows[v * d + i]);
        out.push_back('\n');
    }
    return out;
}

}  // namespace vaerksted::word2vec
