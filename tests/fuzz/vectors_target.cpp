// Fuzz target "vectors": parseVectors on any bytes, in every format (auto, text, binary, compact),
// with the default limits and with tight ones; what the three writers make of a result, read
// back; and the questions the page asks of loaded vectors (VectorSpace).
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <unordered_set>
#include <vector>

#include "fuzz_check.hpp"
#include "word2vec/evaluation.hpp"
#include "word2vec/vector_io.hpp"
#include "word2vec/vector_space.hpp"

using namespace vaerksted::word2vec;

namespace {

using Format = VectorFormat;

std::string describe(const VectorProblem& p, Format format) {
    return std::string(vectorFormatName(format)) + ": " + vectorStatusName(p.status) + " line " +
           std::to_string(p.line) + " vector " + std::to_string(p.vector);
}

// What parseVectors must leave alone on a problem.
LoadedVectors sentinel() {
    LoadedVectors s;
    s.words = {"sentinel"};
    s.dim = 1;
    s.rows = {42.0f};
    s.format = Format::Compact;
    return s;
}

bool same(const LoadedVectors& a, const LoadedVectors& b) {
    return a.words == b.words && a.dim == b.dim && a.format == b.format && a.rows.size() == b.rows.size() &&
           std::memcmp(a.rows.data(), b.rows.data(), a.rows.size() * sizeof(float)) == 0;
}

bool sameProblem(const VectorProblem& a, const VectorProblem& b) {
    return a.status == b.status && a.line == b.line && a.vector == b.vector;
}

bool hasByte(const std::string& w, bool (*test)(unsigned char)) {
    return std::any_of(w.begin(), w.end(), [&](char c) { return test(static_cast<unsigned char>(c)); });
}
bool spaceOrControl(unsigned char c) { return c <= 0x20; }
bool lineFeed(unsigned char c) { return c == '\n'; }
bool control(unsigned char c) { return c < 0x20; }
bool separator(unsigned char c) { return c == ' ' || c == '\t' || c == '\n'; }

// Which statuses each reader can give (vector_io.hpp), and where a problem may point.
void checkProblem(const VectorProblem& p, Format format, std::size_t size, long long lines,
                  const VectorLimits& limits) {
    const std::string what = describe(p, format);
    FUZZ_CHECK(p.status > VectorStatus::Ok && p.status <= kLastVectorStatus, what);
    FUZZ_CHECK(std::string(vectorStatusName(p.status)) != "unknown", what);
    const VectorStatus s = p.status;
    if (size == 0) FUZZ_CHECK(s == VectorStatus::Empty, what);
    if (size > static_cast<std::size_t>(limits.maxBytes)) FUZZ_CHECK(s == VectorStatus::TooLarge, what);
    switch (format) {
        case Format::Word2VecText:
            FUZZ_CHECK(s != VectorStatus::BadHeader && s != VectorStatus::BadCompactFile, what);
            FUZZ_CHECK(p.line == -1 || (p.line >= 1 && p.line <= lines + 1), what);
            break;
        case Format::Word2VecBinary:
            FUZZ_CHECK(s != VectorStatus::NotANumber && s != VectorStatus::BadCompactFile, what);
            FUZZ_CHECK(s != VectorStatus::Empty || size == 0, what);
            FUZZ_CHECK(p.line == -1 || p.line == 1, what);
            break;
        case Format::Compact:
            FUZZ_CHECK(s == VectorStatus::Empty || s == VectorStatus::TooLarge || s == VectorStatus::BadCompactFile ||
                           s == VectorStatus::AbsurdSize || s == VectorStatus::EmptyWord ||
                           s == VectorStatus::DuplicateWord || s == VectorStatus::NonFinite,
                       what);
            FUZZ_CHECK(p.line == -1, what);
            break;
        case Format::Auto: break;
    }
    // A vector number names a vector of the file (every one takes a byte at least), except the
    // first missing one and the one too many, which a header's count decides.
    const long long most = s == VectorStatus::Truncated || s == VectorStatus::ExtraVectors
                               ? limits.maxWords + 1 : static_cast<long long>(size) + 1;
    FUZZ_CHECK(p.vector == -1 || (p.vector >= 1 && p.vector <= most), what);
}

// A success: unique non-empty words, count × dim finite numbers, within the limits.
void checkLoaded(const LoadedVectors& v, Format format, const VectorLimits& limits) {
    const std::string what = std::string("loaded as ") + vectorFormatName(format);
    FUZZ_CHECK(v.format == format, what);
    FUZZ_CHECK(v.dim >= 1 && v.dim <= limits.maxDim, what + ", dim " + std::to_string(v.dim));
    FUZZ_CHECK(!v.words.empty() && static_cast<long long>(v.words.size()) <= limits.maxWords, what);
    FUZZ_CHECK(static_cast<long long>(v.words.size()) <= limits.maxValues / v.dim, what);
    FUZZ_CHECK(v.rows.size() == v.words.size() * static_cast<std::size_t>(v.dim), what);
    FUZZ_CHECK(std::all_of(v.rows.begin(), v.rows.end(), [](float x) { return std::isfinite(x); }), what);
    std::unordered_set<std::string> seen;
    for (const std::string& w : v.words) {
        FUZZ_CHECK(!w.empty() && seen.insert(w).second, what + ", word '" + w + "'");
        if (format == Format::Word2VecText) FUZZ_CHECK(!hasByte(w, separator), what + ", word '" + w + "'");
        if (format == Format::Word2VecBinary) FUZZ_CHECK(!hasByte(w, control) && w.find(' ') == std::string::npos, what);
        if (format == Format::Compact) FUZZ_CHECK(!hasByte(w, lineFeed), what);
    }
}

// Compact stores int8 × a scale per vector: error ≤ max|x|/254, plus float rounding of a tiny
// (subnormal) scale, which can cost up to 127 of its steps of 2^-149.
void checkQuantised(const LoadedVectors& original, const LoadedVectors& back) {
    const std::size_t d = static_cast<std::size_t>(original.dim);
    for (std::size_t v = 0; v < original.words.size(); ++v) {
        float largest = 0.0f;
        for (std::size_t i = 0; i < d; ++i) largest = std::max(largest, std::fabs(original.rows[v * d + i]));
        const double tolerance = largest / 254.0 * (1 + 1e-5) + 128 * 0x1p-149;
        for (std::size_t i = 0; i < d; ++i) {
            const double error = std::fabs(static_cast<double>(back.rows[v * d + i]) - original.rows[v * d + i]);
            FUZZ_CHECK(error <= tolerance, "compact round trip of vector " + std::to_string(v + 1) + ": error " +
                                               std::to_string(error) + " > " + std::to_string(tolerance));
        }
    }
}

// Each writer either refuses the words (a byte it cannot store) or writes what its reader gives back.
void checkWriters(const LoadedVectors& v) {
    const bool plainWords = std::none_of(v.words.begin(), v.words.end(), [](const std::string& w) {
        return hasByte(w, spaceOrControl);
    });
    const bool noLineFeeds = std::none_of(v.words.begin(), v.words.end(), [](const std::string& w) {
        return hasByte(w, lineFeed);
    });
    struct Writer {
        Format format;
        std::vector<unsigned char> (*write)(const std::vector<std::string>&, int, const std::vector<float>&);
        bool accepts;
    };
    for (const Writer& writer : {Writer{Format::Word2VecText, writeWord2VecText, plainWords},
                                 Writer{Format::Word2VecBinary, writeWord2VecBinary, plainWords},
                                 Writer{Format::Compact, writeCompact, noLineFeeds}}) {
        const std::string what = std::string("write and read back ") + vectorFormatName(writer.format);
        const std::vector<unsigned char> file = writer.write(v.words, v.dim, v.rows);
        FUZZ_CHECK(file.empty() == !writer.accepts, what);
        if (file.empty()) continue;
        LoadedVectors back;
        const VectorProblem p = parseVectors(file.data(), file.size(), writer.format, back);
        FUZZ_CHECK(p.ok(), what + ": " + describe(p, writer.format));
        FUZZ_CHECK(back.words == v.words && back.dim == v.dim && back.rows.size() == v.rows.size(), what);
        if (writer.format == Format::Compact) checkQuantised(v, back);
        else FUZZ_CHECK(std::memcmp(back.rows.data(), v.rows.data(), v.rows.size() * sizeof(float)) == 0, what);
    }
}

bool sane(const Match& m, int size) { return m.word >= 0 && m.word < size && std::fabs(m.score) <= 1.001f; }

// The page's questions of loaded vectors: finite cosines, real words, best first.
void checkSpace(const LoadedVectors& v) {
    const VectorSpace space(v.words, v.dim, v.rows);
    const int n = space.size();
    FUZZ_CHECK(n == static_cast<int>(v.words.size()), "space size");
    FUZZ_CHECK(space.lookup(v.words[0]) == 0, "lookup of the first word");
    space.lookup(lowerCase(v.words.back()));
    const std::vector<Match> near = space.neighbours(0, 5);
    FUZZ_CHECK(static_cast<int>(near.size()) == std::min(5, n - 1), "neighbour count");
    for (std::size_t i = 0; i < near.size(); ++i) {
        FUZZ_CHECK(sane(near[i], n) && near[i].word != 0, "neighbour score " + std::to_string(near[i].score));
        if (i > 0) FUZZ_CHECK(near[i - 1].score >= near[i].score, "neighbours best first");
    }
    if (n >= 3) {
        for (AnalogyMethod method : {AnalogyMethod::CosAdd, AnalogyMethod::CosMul})
            for (const Match& m : space.analogy(0, 1, 2, 3, method))
                FUZZ_CHECK(m.word > 2 && m.word < n && std::isfinite(m.score), "analogy answer");
        std::vector<float> means;
        const int odd = space.oddOneOut({0, 1, 2}, &means);
        FUZZ_CHECK(odd >= 0 && odd < 3 && means.size() == 3, "odd one out");
    }
    FUZZ_CHECK(std::fabs(space.similarity(0, n - 1)) <= 1.001f, "similarity");
    for (float x : space.pca2d({0, n - 1, n / 2}, {})) FUZZ_CHECK(std::isfinite(x), "pca2d");
}

long long countLines(const std::uint8_t* data, std::size_t size) {
    return 1 + static_cast<long long>(std::count(data, data + size, '\n'));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const long long lines = countLines(data, size);
    const VectorLimits limits;
    VectorLimits tight;  // small enough that the fuzzer meets AbsurdSize and TooLarge
    tight.maxWords = 3;
    tight.maxDim = 4;
    tight.maxValues = 8;
    tight.maxBytes = 2048;

    const Format detected = detectVectorFormat(data, size);
    FUZZ_CHECK(detected != Format::Auto, "detected auto");
    LoadedVectors results[4];
    VectorProblem problems[4];
    for (Format format : {Format::Auto, Format::Word2VecText, Format::Word2VecBinary, Format::Compact}) {
        const int i = static_cast<int>(format);
        const Format read = format == Format::Auto ? detected : format;
        results[i] = sentinel();
        problems[i] = parseVectors(data, size, format, results[i], limits);
        if (problems[i].ok()) {
            checkLoaded(results[i], read, limits);
        } else {
            checkProblem(problems[i], read, size, lines, limits);
            FUZZ_CHECK(same(results[i], sentinel()), "output changed on " + describe(problems[i], format));
        }
        if (format == Format::Auto) continue;

        // Tighter limits only take away: a success within them is the same success.
        LoadedVectors small = sentinel();
        const VectorProblem p = parseVectors(data, size, format, small, tight);
        if (p.ok()) {
            checkLoaded(small, read, tight);
            FUZZ_CHECK(problems[i].ok() && same(small, results[i]), "tight limits gave another result");
        } else {
            checkProblem(p, read, size, lines, tight);
        }
    }
    const int a = static_cast<int>(Format::Auto), d = static_cast<int>(detected);
    FUZZ_CHECK(sameProblem(problems[a], problems[d]) && same(results[a], results[d]), "auto differs from detected");
    for (int i = 1; i < 4; ++i) {
        if (!problems[i].ok()) continue;
        checkWriters(results[i]);
        checkSpace(results[i]);
    }
    return 0;
}
