// word2vec's binary format (-binary 1): its reader and writer (vector_io.hpp says what they accept).
#include <cstring>

#include "word2vec/vector_formats.hpp"

namespace vaerksted::word2vec {

namespace vector_formats {

namespace {

// Could [first, last) (the file so far, no LF seen) be the start of a "count dim" header?
bool headerPrefix(const char* first, const char* last) {
    for (const char* p = first; p != last; ++p)
        if (!isDigit(*p) && !isSeparator(*p) && *p != '+' && *p != '-' && *p != '\r') return false;
    return true;
}

}  // namespace

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

}  // namespace vector_formats

using namespace vector_formats;

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
