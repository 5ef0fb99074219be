// The word2vec/fastText/GloVe text format: its reader and writer (vector_io.hpp says what they accept).
#include <algorithm>
#include <cstring>

#include "word2vec/number_text.hpp"
#include "word2vec/vector_formats.hpp"

namespace vaerksted::word2vec {

namespace vector_formats {

namespace {

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
        const char* after = parseDecimalFloat(p, end, value);
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

}  // namespace

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

}  // namespace vector_formats

using namespace vector_formats;

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

}  // namespace vaerksted::word2vec
