// Word-vector files: round trips of the three formats, detection, every problem code with its line
// or vector number, truncation at every cut point, and the locale-free number conversion.
#include <algorithm>
#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "word2vec/number_text.hpp"
#include "word2vec/vector_io.hpp"

using namespace vaerksted::word2vec;

namespace {

std::vector<unsigned char> bytes(const std::string& s) { return std::vector<unsigned char>(s.begin(), s.end()); }

VectorProblem parse(const std::vector<unsigned char>& data, LoadedVectors& out,
                    VectorFormat format = VectorFormat::Auto, const VectorLimits& limits = {}) {
    return parseVectors(data.data(), data.size(), format, out, limits);
}
VectorProblem parse(const std::string& text, LoadedVectors& out, VectorFormat format = VectorFormat::Auto,
                    const VectorLimits& limits = {}) {
    return parse(bytes(text), out, format, limits);
}

// The problem a text/binary/compact input gives, as "status line vector".
std::string describe(const VectorProblem& p) {
    return std::string(vectorStatusName(p.status)) + " " + std::to_string(p.line) + " " + std::to_string(p.vector);
}
std::string problemOf(const std::string& text, VectorFormat format = VectorFormat::Auto,
                      const VectorLimits& limits = {}) {
    LoadedVectors out;
    return describe(parse(text, out, format, limits));
}
std::string problemOf(const std::vector<unsigned char>& data, VectorFormat format = VectorFormat::Auto) {
    LoadedVectors out;
    return describe(parse(data, out, format));
}

std::uint32_t bitsOf(float x) {
    std::uint32_t b;
    std::memcpy(&b, &x, 4);
    return b;
}
float fromBits(std::uint32_t b) {
    float x;
    std::memcpy(&x, &b, 4);
    return x;
}
// Distance in representable floats (same sign assumed by the callers' data, handled anyway).
long long ulpDistance(float a, float b) {
    auto key = [](float x) {
        const std::int64_t bits = bitsOf(x);
        return bits & 0x80000000 ? -(bits & 0x7fffffff) : bits;
    };
    return std::llabs(key(a) - key(b));
}

struct Sample {
    std::vector<std::string> words;
    int dim;
    std::vector<float> rows;
};

// Words with Danish letters and a diaeresis, values of many magnitudes, a zero vector.
Sample sample(int count = 40, int dim = 7, unsigned seed = 1) {
    Sample s{{"kat", "hund", "æble", "øl", "år", "naïve", "Ærø", "café", "1", "-2.5"}, dim, {}};
    for (int i = static_cast<int>(s.words.size()); i < count; ++i) s.words.push_back("ord" + std::to_string(i));
    s.words.resize(static_cast<std::size_t>(count));
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, 1.0f);
    std::uniform_int_distribution<int> exponent(-12, 6);
    for (int v = 0; v < count; ++v)
        for (int i = 0; i < dim; ++i)
            s.rows.push_back(v == 3 ? 0.0f : normal(rng) * std::pow(10.0f, static_cast<float>(exponent(rng))));
    return s;
}

void expectExact(const Sample& s, const LoadedVectors& loaded) {
    EXPECT_EQ(loaded.words, s.words);
    EXPECT_EQ(loaded.dim, s.dim);
    ASSERT_EQ(loaded.rows.size(), s.rows.size());
    for (std::size_t i = 0; i < s.rows.size(); ++i) EXPECT_EQ(bitsOf(loaded.rows[i]), bitsOf(s.rows[i])) << i;
}

// A little binary file: header "3 2\n", then "a", "bb", "ccc" with two floats each and a '\n'.
std::vector<unsigned char> smallBinary(bool newlines = true) {
    std::vector<unsigned char> out = bytes("3 2\n");
    const char* words[] = {"a", "bb", "ccc"};
    float value = 0.25f;
    for (const char* w : words) {
        out.insert(out.end(), w, w + std::strlen(w));
        out.push_back(' ');
        for (int i = 0; i < 2; ++i, value += 1.5f) {
            const std::uint32_t b = bitsOf(value);
            for (int k = 0; k < 4; ++k) out.push_back(static_cast<unsigned char>(b >> (8 * k)));
        }
        if (newlines) out.push_back('\n');
    }
    return out;
}

void putFloat(std::vector<unsigned char>& data, std::size_t at, float x) {
    const std::uint32_t b = bitsOf(x);
    for (int k = 0; k < 4; ++k) data[at + k] = static_cast<unsigned char>(b >> (8 * k));
}

}  // namespace

// ── names ─────────────────────────────────────────────────────────────────────────────────────

TEST(VectorIo, StatusNamesAreStableSnakeCase) {
    const char* expected[] = {"ok",         "empty",          "bad_header",     "absurd_size", "truncated",
                              "wrong_column_count", "not_a_number", "non_finite", "duplicate_word",
                              "empty_word", "bad_compact_file", "too_large",    "extra_vectors"};
    for (int i = 0; i <= static_cast<int>(VectorStatus::ExtraVectors); ++i)
        EXPECT_STREQ(vectorStatusName(static_cast<VectorStatus>(i)), expected[i]);
    EXPECT_STREQ(vectorFormatName(VectorFormat::Word2VecBinary), "word2vec_binary");
    EXPECT_STREQ(vectorFormatName(VectorFormat::Compact), "compact");
}

// ── round trips ───────────────────────────────────────────────────────────────────────────────

TEST(VectorIo, TextRoundTripIsExact) {
    const Sample s = sample();
    const std::vector<unsigned char> file = writeWord2VecText(s.words, s.dim, s.rows);
    ASSERT_FALSE(file.empty());
    EXPECT_EQ(std::string(file.begin(), file.begin() + 5), "40 7\n");
    for (VectorFormat f : {VectorFormat::Auto, VectorFormat::Word2VecText}) {
        LoadedVectors loaded;
        ASSERT_TRUE(parse(file, loaded, f).ok());
        EXPECT_EQ(loaded.format, VectorFormat::Word2VecText);
        expectExact(s, loaded);
    }
}

TEST(VectorIo, BinaryRoundTripIsExact) {
    const Sample s = sample(40, 50);
    const std::vector<unsigned char> file = writeWord2VecBinary(s.words, s.dim, s.rows);
    ASSERT_FALSE(file.empty());
    std::size_t expectedSize = 6;  // "40 50\n"
    for (const std::string& w : s.words) expectedSize += w.size() + 1 + 4 * 50 + 1;
    EXPECT_EQ(file.size(), expectedSize);
    for (VectorFormat f : {VectorFormat::Auto, VectorFormat::Word2VecBinary}) {
        LoadedVectors loaded;
        ASSERT_TRUE(parse(file, loaded, f).ok());
        EXPECT_EQ(loaded.format, VectorFormat::Word2VecBinary);
        expectExact(s, loaded);
    }
}

TEST(VectorIo, CompactRoundTripIsWithinQuantisationError) {
    const Sample s = sample(60, 33, 7);
    const std::vector<unsigned char> file = writeCompact(s.words, s.dim, s.rows);
    ASSERT_FALSE(file.empty());
    std::size_t wordBytes = 0;
    for (const std::string& w : s.words) wordBytes += w.size() + 1;
    EXPECT_EQ(file.size(), 20 + wordBytes + 4 * 60 + 60 * 33);
    EXPECT_EQ(std::memcmp(file.data(), "AIVEC1\0\0", 8), 0);
    for (VectorFormat f : {VectorFormat::Auto, VectorFormat::Compact}) {
        LoadedVectors loaded;
        ASSERT_TRUE(parse(file, loaded, f).ok());
        EXPECT_EQ(loaded.format, VectorFormat::Compact);
        EXPECT_EQ(loaded.words, s.words);
        ASSERT_EQ(loaded.dim, 33);
        ASSERT_EQ(loaded.rows.size(), s.rows.size());
        for (int v = 0; v < 60; ++v) {
            float largest = 0;
            for (int i = 0; i < 33; ++i) largest = std::max(largest, std::fabs(s.rows[v * 33 + i]));
            // max|x|/254, plus float rounding of the scale and of int8 × scale.
            const float bound = largest / 254 * (1 + 1e-5f);
            for (int i = 0; i < 33; ++i)
                EXPECT_LE(std::fabs(loaded.rows[v * 33 + i] - s.rows[v * 33 + i]), bound) << v << " " << i;
            if (largest == 0) {
                for (int i = 0; i < 33; ++i) EXPECT_EQ(loaded.rows[v * 33 + i], 0.0f);
            }
        }
    }
    // The largest component of a vector comes back as ±127 × scale, i.e. almost exactly.
    const std::vector<unsigned char> one = writeCompact({"x"}, 3, {0.5f, -2.0f, 1.0f});
    LoadedVectors loaded;
    ASSERT_TRUE(parse(one, loaded).ok());
    EXPECT_NEAR(loaded.rows[1], -2.0f, 1e-6f);
    EXPECT_NEAR(loaded.rows[0], 0.5f, 2.0f / 254);
}

TEST(VectorIo, WritersRefuseWhatCannotBeReadBack) {
    const std::vector<float> two = {1, 2};
    for (auto write : {writeWord2VecText, writeWord2VecBinary, writeCompact}) {
        EXPECT_TRUE(write({}, 2, {}).empty());
        EXPECT_TRUE(write({"a"}, 0, {}).empty());
        EXPECT_TRUE(write({"a"}, 2, {1}).empty());
        EXPECT_TRUE(write({"a"}, 2, {1, NAN}).empty());
        EXPECT_TRUE(write({"a"}, 2, {INFINITY, 1}).empty());
        EXPECT_TRUE(write({""}, 2, two).empty());
        EXPECT_TRUE(write({"a", "a"}, 1, two).empty());
        EXPECT_TRUE(write({"a\nb"}, 2, two).empty());
        EXPECT_FALSE(write({"a"}, 2, two).empty());
    }
    EXPECT_TRUE(writeWord2VecText({"a b"}, 2, two).empty());
    EXPECT_TRUE(writeWord2VecBinary({"a\tb"}, 2, two).empty());
    EXPECT_FALSE(writeCompact({"a b"}, 2, two).empty());  // compact words may contain spaces
}

// ── text variants ─────────────────────────────────────────────────────────────────────────────

TEST(VectorIo, HeaderlessTextLikeGloVe) {
    LoadedVectors v;
    ASSERT_TRUE(parse("the 0.1 -0.2 3\nof 4 5e-1 .5\næble -1.5E+2 0 7.\n", v).ok());
    EXPECT_EQ(v.words, (std::vector<std::string>{"the", "of", "æble"}));
    EXPECT_EQ(v.dim, 3);
    EXPECT_EQ(v.rows, (std::vector<float>{0.1f, -0.2f, 3, 4, 0.5f, 0.5f, -150, 0, 7}));
    EXPECT_EQ(v.format, VectorFormat::Word2VecText);
    // The second line decides nothing: a wrong count there is that line's problem.
    EXPECT_EQ(problemOf("a 1 2\nb 1 2 3\n"), "wrong_column_count 2 2");
    // A first line with three integers is a word "3" with two values, not a header.
    ASSERT_TRUE(parse("3 2 1\n4 5 6\n", v).ok());
    EXPECT_EQ(v.words, (std::vector<std::string>{"3", "4"}));
    EXPECT_EQ(v.dim, 2);
}

TEST(VectorIo, CrlfTabsTrailingSpaceBomBlankLinesAndNoFinalNewline) {
    LoadedVectors v;
    const std::string crlf = "2 3\r\nkat 1 2 3 \r\nhund\t4\t5  6\r\n";
    ASSERT_TRUE(parse(crlf, v).ok());
    EXPECT_EQ(v.words, (std::vector<std::string>{"kat", "hund"}));
    EXPECT_EQ(v.rows, (std::vector<float>{1, 2, 3, 4, 5, 6}));
    ASSERT_TRUE(parse("2 3\nkat 1 2 3\nhund 4 5 6", v).ok());  // no final newline
    EXPECT_EQ(v.rows.back(), 6.0f);
    ASSERT_TRUE(parse("2 3\nkat 1 2 3\nhund 4 5 6 \t ", v).ok());
    ASSERT_TRUE(parse("\xEF\xBB\xBF" "2 3\nkat 1 2 3\n\n\nhund 4 5 6\n\n", v).ok());  // BOM, blank lines
    EXPECT_EQ(v.words, (std::vector<std::string>{"kat", "hund"}));
    // Line numbers count the blank lines.
    EXPECT_EQ(problemOf("2 3\n\nkat 1 2 3\n\nhund 4 5\n"), "wrong_column_count 5 2");
}

TEST(VectorIo, FastTextStyleFileWithManyColumns) {
    std::string text = "3 300\n";
    for (const char* w : {"</s>", ",", "og"}) {
        text += w;
        for (int i = 0; i < 300; ++i) text += " " + std::to_string(i % 7 - 3) + ".0" + std::to_string(i % 10);
        text += " \n";  // fastText ends every line with a space
    }
    LoadedVectors v;
    ASSERT_TRUE(parse(text, v).ok());
    EXPECT_EQ(v.words.size(), 3u);
    EXPECT_EQ(v.dim, 300);
    EXPECT_FLOAT_EQ(v.rows[301], -2.01f);
}

// ── binary variants ───────────────────────────────────────────────────────────────────────────

TEST(VectorIo, BinaryWithoutTrailingNewlines) {
    for (bool newlines : {true, false}) {
        LoadedVectors v;
        ASSERT_TRUE(parse(smallBinary(newlines), v, VectorFormat::Word2VecBinary).ok()) << newlines;
        EXPECT_EQ(v.words, (std::vector<std::string>{"a", "bb", "ccc"}));
        EXPECT_EQ(v.rows, (std::vector<float>{0.25f, 1.75f, 3.25f, 4.75f, 6.25f, 7.75f}));
    }
    // CRLF after the header and trailing newlines at the end are fine too.
    std::vector<unsigned char> crlf = smallBinary();
    crlf.insert(crlf.begin() + 3, '\r');
    crlf.push_back('\n');
    LoadedVectors v;
    EXPECT_TRUE(parse(crlf, v, VectorFormat::Word2VecBinary).ok());
}

TEST(VectorIo, EveryPrefixOfABinaryFileIsTruncatedOrOk) {
    for (bool newlines : {true, false}) {
        const std::vector<unsigned char> file = smallBinary(newlines);
        for (std::size_t cut = 1; cut <= file.size(); ++cut) {
            const std::vector<unsigned char> prefix(file.begin(), file.begin() + cut);
            LoadedVectors v;
            const VectorProblem p = parse(prefix, v, VectorFormat::Word2VecBinary);
            // Complete from the last float of "ccc" on (its '\n' is optional).
            const bool complete = cut >= file.size() - (newlines ? 1 : 0);
            EXPECT_EQ(p.status, complete ? VectorStatus::Ok : VectorStatus::Truncated) << cut;
            if (!complete) {
                // The vector that was being read when the bytes ran out (records end at 14, 26 or 25).
                const long long expected = cut <= 13 ? 1 : cut <= (newlines ? 25u : 24u) ? 2 : 3;
                EXPECT_EQ(p.vector, expected) << cut;
            }
        }
    }
}

// ── detection ─────────────────────────────────────────────────────────────────────────────────

TEST(VectorIo, DetectsAllThreeFormats) {
    const Sample s = sample(20, 50, 3);
    const std::vector<unsigned char> text = writeWord2VecText(s.words, s.dim, s.rows);
    const std::vector<unsigned char> binary = writeWord2VecBinary(s.words, s.dim, s.rows);
    const std::vector<unsigned char> compact = writeCompact(s.words, s.dim, s.rows);
    EXPECT_EQ(detectVectorFormat(text.data(), text.size()), VectorFormat::Word2VecText);
    EXPECT_EQ(detectVectorFormat(binary.data(), binary.size()), VectorFormat::Word2VecBinary);
    EXPECT_EQ(detectVectorFormat(compact.data(), compact.size()), VectorFormat::Compact);
    const std::vector<unsigned char> glove = bytes("the 0.1 0.2\nof 0.3 0.4\n");
    EXPECT_EQ(detectVectorFormat(glove.data(), glove.size()), VectorFormat::Word2VecText);
    EXPECT_EQ(detectVectorFormat(nullptr, 0), VectorFormat::Word2VecText);
    // A text file with a header and non-ASCII words on the following lines stays text.
    const std::vector<unsigned char> danish = bytes("2 2\nø 1 2\næble 3 4\n");
    EXPECT_EQ(detectVectorFormat(danish.data(), danish.size()), VectorFormat::Word2VecText);
    // Many random binary files of dimension 10 and more are all detected as binary.
    for (unsigned seed = 0; seed < 200; ++seed) {
        const Sample r = sample(3, 10 + static_cast<int>(seed % 50), seed);
        const std::vector<unsigned char> b = writeWord2VecBinary(r.words, r.dim, r.rows);
        EXPECT_EQ(detectVectorFormat(b.data(), b.size()), VectorFormat::Word2VecBinary) << seed;
    }
    // The small binary file of the tests too (its floats contain zero bytes).
    const std::vector<unsigned char> small = smallBinary();
    EXPECT_EQ(detectVectorFormat(small.data(), small.size()), VectorFormat::Word2VecBinary);
}

// ── problems in text files ────────────────────────────────────────────────────────────────────

TEST(VectorIo, TextProblemsSayWhere) {
    EXPECT_EQ(problemOf(""), "empty -1 -1");
    EXPECT_EQ(problemOf("\n \r\n\t\n"), "empty -1 -1");
    // Header promises 3 vectors, the file has 2: the 3rd is missing, after the last line (3).
    EXPECT_EQ(problemOf("3 2\na 1 2\nb 3 4\n"), "truncated 4 3");
    EXPECT_EQ(problemOf("3 2\na 1 2\nb 3 4"), "truncated 4 3");
    EXPECT_EQ(problemOf("3 2\n"), "truncated 2 1");
    // One number too few, one too many.
    EXPECT_EQ(problemOf("2 3\na 1 2 3\nb 4 5\n"), "wrong_column_count 3 2");
    EXPECT_EQ(problemOf("2 3\na 1 2 3 4\nb 4 5 6\n"), "wrong_column_count 2 1");
    EXPECT_EQ(problemOf("a 1 2 3\nb 4 5\n"), "wrong_column_count 2 2");
    EXPECT_EQ(problemOf("word\nb 1\n"), "wrong_column_count 1 1");  // no values on the first line
    // Values that are not numbers.
    EXPECT_EQ(problemOf("2 2\na 1 abc\nb 3 4\n"), "not_a_number 2 1");
    EXPECT_EQ(problemOf("a 0,5 1\n"), "not_a_number 1 1");  // a Danish decimal comma
    EXPECT_EQ(problemOf("a 1 2\nb 1-2 3\n"), "not_a_number 2 2");
    EXPECT_EQ(problemOf("a 1 2\nb 0x10 3\n"), "not_a_number 2 2");
    EXPECT_EQ(problemOf("a 1 2\nb 1e 3\n"), "not_a_number 2 2");
    EXPECT_EQ(problemOf("a 1 2\nb . 3\n"), "not_a_number 2 2");
    // Non-finite values.
    EXPECT_EQ(problemOf("2 2\na 1 2\nb nan 4\n"), "non_finite 3 2");
    EXPECT_EQ(problemOf("a 1 inf\n"), "non_finite 1 1");
    EXPECT_EQ(problemOf("a 1 2\nb -Infinity 2\n"), "non_finite 2 2");
    EXPECT_EQ(problemOf("a 1 2\nb NaN 2\n"), "non_finite 2 2");
    EXPECT_EQ(problemOf("a 1 2\nb 1e39 2\n"), "non_finite 2 2");  // beyond float
    // Words.
    EXPECT_EQ(problemOf("3 1\nkat 1\nhund 2\nkat 3\n"), "duplicate_word 4 3");
    EXPECT_EQ(problemOf("kat 1\nKat 2\nkat 3\n"), "duplicate_word 3 3");  // case matters
    EXPECT_EQ(problemOf("2 2\na 1 2\n 3 4\n"), "empty_word 3 2");
    // Absurd headers, checked before any allocation.
    EXPECT_EQ(problemOf("999999999 999999\na 1\n"), "absurd_size 1 -1");
    EXPECT_EQ(problemOf("0 300\n"), "absurd_size 1 -1");
    EXPECT_EQ(problemOf("-3 2\n"), "absurd_size 1 -1");
    EXPECT_EQ(problemOf("3 0\n"), "absurd_size 1 -1");
    EXPECT_EQ(problemOf("99999999999999999999999 2\n"), "absurd_size 1 -1");
    VectorLimits small;
    small.maxWords = 2;
    small.maxDim = 3;
    small.maxValues = 5;
    EXPECT_EQ(problemOf("3 1\n", VectorFormat::Auto, small), "absurd_size 1 -1");        // count
    EXPECT_EQ(problemOf("1 4\n", VectorFormat::Auto, small), "absurd_size 1 -1");        // dim
    EXPECT_EQ(problemOf("2 3\n", VectorFormat::Auto, small), "absurd_size 1 -1");        // count × dim
    EXPECT_EQ(problemOf("a 1 2 3 4\n", VectorFormat::Auto, small), "absurd_size 1 1");   // headerless dim
    EXPECT_EQ(problemOf("a 1\nb 2\nc 3\n", VectorFormat::Auto, small), "absurd_size 3 3");  // headerless count
    EXPECT_EQ(problemOf("a 1 2 3\nb 1 2 3\n", VectorFormat::Auto, small), "absurd_size 2 2");  // values
    small.maxBytes = 8;
    EXPECT_EQ(problemOf("a 1\nb 2\nc", VectorFormat::Auto, small), "too_large -1 -1");
}

TEST(VectorIo, MoreLinesThanTheHeaderSaysIsAProblem) {
    // Decision: extra vector lines are reported at the first one (vector count + 1), not dropped.
    EXPECT_EQ(problemOf("2 1\na 1\nb 2\nc 3\n"), "extra_vectors 4 3");
    EXPECT_EQ(problemOf("1 1\na 1\n\nb 2\n"), "extra_vectors 4 2");
    // Blank lines after the last vector are not extra vectors.
    LoadedVectors v;
    EXPECT_TRUE(parse("2 1\na 1\nb 2\n\n\r\n  \n", v).ok());
}

TEST(VectorIo, ACutOffLastLineIsTruncated) {
    // The header promises 3; the file stops in the middle of the 2nd vector's line.
    EXPECT_EQ(problemOf("3 3\na 1 2 3\nb 4 5"), "truncated 3 2");
    EXPECT_EQ(problemOf("3 3\na 1 2 3\nb 4 5e"), "truncated 3 2");
    EXPECT_EQ(problemOf("3 3\na 1 2 3\nb"), "truncated 3 2");
    // The same line with a newline after it, or as the last promised vector: a wrong count.
    EXPECT_EQ(problemOf("3 3\na 1 2 3\nb 4 5\n"), "wrong_column_count 3 2");
    EXPECT_EQ(problemOf("2 3\na 1 2 3\nb 4 5"), "wrong_column_count 3 2");
    // Every prefix of a text file either reads or reports a problem; none crashes.
    const Sample s = sample(5, 4);
    const std::vector<unsigned char> file = writeWord2VecText(s.words, s.dim, s.rows);
    // Cut anywhere after the header and before the last line: Truncated. (A cut inside the last
    // line is a wrong count, or even Ok when it only shortens the last number: text cannot tell.)
    const std::size_t lastLine =
        static_cast<std::size_t>(std::find(file.rbegin() + 1, file.rend(), '\n') - file.rbegin());
    const std::size_t lastLineStart = file.size() - lastLine;
    for (std::size_t cut = 0; cut <= file.size(); ++cut) {
        LoadedVectors out;
        const VectorProblem p = parse(std::vector<unsigned char>(file.begin(), file.begin() + cut), out);
        if (cut >= 3 && cut <= lastLineStart) {
            EXPECT_EQ(p.status, VectorStatus::Truncated) << cut;
        }
    }
}

// ── problems in binary files ──────────────────────────────────────────────────────────────────

TEST(VectorIo, BinaryProblemsSayWhichVector) {
    const VectorFormat bin = VectorFormat::Word2VecBinary;
    EXPECT_EQ(problemOf(bytes("abc\nxyz"), bin), "bad_header 1 -1");
    EXPECT_EQ(problemOf(bytes("3\n"), bin), "bad_header 1 -1");
    EXPECT_EQ(problemOf(bytes("3 2 1\n"), bin), "bad_header 1 -1");
    EXPECT_EQ(problemOf(bytes("3 x\n"), bin), "bad_header 1 -1");
    EXPECT_EQ(problemOf(bytes("999999999 999999\n"), bin), "absurd_size 1 -1");
    EXPECT_EQ(problemOf(bytes("0 2\n"), bin), "absurd_size 1 -1");
    EXPECT_EQ(problemOf(bytes(""), bin), "empty -1 -1");

    std::vector<unsigned char> nan = smallBinary();
    putFloat(nan, 4 + 2 + 8 + 1 + 3 + 4, std::nanf(""));  // vector 2 ("bb"), 2nd value
    EXPECT_EQ(problemOf(nan, bin), "non_finite -1 2");
    std::vector<unsigned char> inf = smallBinary();
    putFloat(inf, 4 + 2, -INFINITY);  // vector 1, 1st value
    EXPECT_EQ(problemOf(inf, bin), "non_finite -1 1");

    std::vector<unsigned char> dup = bytes("2 1\nbb ");
    dup.insert(dup.end(), {0, 0, 0x80, 0x3f, '\n', 'b', 'b', ' ', 0, 0, 0, 0x40, '\n'});
    EXPECT_EQ(problemOf(dup, bin), "duplicate_word -1 2");

    std::vector<unsigned char> emptyWord = bytes("1 1\n ");
    emptyWord.insert(emptyWord.end(), {0, 0, 0x80, 0x3f});
    EXPECT_EQ(problemOf(emptyWord, bin), "empty_word -1 1");

    // Header says dim 2 but the records have 3 floats: the 2nd "word" starts with float bytes.
    std::vector<unsigned char> wrongDim = bytes("2 2\na ");
    wrongDim.insert(wrongDim.end(), {0, 0, 0x80, 0x3f, 0, 0, 0, 0x40, 0, 0, 0x40, 0x40, '\n', 'b', ' '});
    wrongDim.insert(wrongDim.end(), {0, 0, 0x80, 0x3f, 0, 0, 0, 0x40, 0, 0, 0x40, 0x40, '\n'});
    EXPECT_EQ(problemOf(wrongDim, bin), "wrong_column_count -1 2");

    std::vector<unsigned char> extra = smallBinary();
    extra.insert(extra.end(), {'d', ' ', 1, 2});
    EXPECT_EQ(problemOf(extra, bin), "extra_vectors -1 4");
    std::vector<unsigned char> header3but2 = smallBinary();
    header3but2.resize(header3but2.size() - 13);  // drop "ccc" and its floats (and '\n')
    EXPECT_EQ(problemOf(header3but2, bin), "truncated -1 3");
}

// ── problems in compact files ─────────────────────────────────────────────────────────────────

TEST(VectorIo, CompactProblems) {
    const std::vector<unsigned char> good = writeCompact({"kat", "hund"}, 2, {1, 2, 3, 4});
    ASSERT_EQ(good.size(), 20u + 9 + 8 + 4);
    LoadedVectors v;
    ASSERT_TRUE(parse(good, v).ok());
    const VectorFormat compact = VectorFormat::Compact;
    auto modified = [&](std::size_t at, unsigned char byte) {
        std::vector<unsigned char> m = good;
        m[at] = byte;
        return problemOf(m, compact);
    };
    EXPECT_EQ(modified(5, '2'), "bad_compact_file -1 -1");  // magic
    EXPECT_EQ(modified(8, 0), "absurd_size -1 -1");          // count 0
    EXPECT_EQ(modified(12, 0), "absurd_size -1 -1");         // dim 0
    EXPECT_EQ(modified(11, 0x7f), "absurd_size -1 -1");      // count ~2^31
    EXPECT_EQ(modified(8, 3), "bad_compact_file -1 -1");     // count 3: sizes disagree
    EXPECT_EQ(modified(16, 8), "bad_compact_file -1 -1");    // word block length
    EXPECT_EQ(modified(19, 0xff), "bad_compact_file -1 -1");
    EXPECT_EQ(modified(23, ' '), "bad_compact_file -1 -1");  // "kat hund\n": one word, not two
    std::vector<unsigned char> empty = good;
    empty[20] = '\n';
    empty[23] = 'x';  // "\natxhund\n": an empty word, then "atxhund"
    EXPECT_EQ(problemOf(empty, compact), "empty_word -1 1");
    std::vector<unsigned char> dup = writeCompact({"kat", "kas"}, 1, {1, 2});
    dup[26] = 't';
    EXPECT_EQ(problemOf(dup, compact), "duplicate_word -1 2");
    std::vector<unsigned char> negative = good;
    putFloat(negative, 29 + 4, -1.0f);  // scale of vector 2
    EXPECT_EQ(problemOf(negative, compact), "bad_compact_file -1 2");
    std::vector<unsigned char> nanScale = good;
    putFloat(nanScale, 29 + 4, NAN);
    EXPECT_EQ(problemOf(nanScale, compact), "non_finite -1 2");
    std::vector<unsigned char> longer = good;
    longer.push_back(0);
    EXPECT_EQ(problemOf(longer, compact), "bad_compact_file -1 -1");
    // Every prefix: a problem (never Ok, never a crash); Auto still sees the magic.
    for (std::size_t cut = 6; cut < good.size(); ++cut)
        EXPECT_EQ(problemOf(std::vector<unsigned char>(good.begin(), good.begin() + cut)), "bad_compact_file -1 -1")
            << cut;
}

TEST(VectorIo, RandomCorruptionNeverCrashes) {
    const Sample s = sample(12, 9, 5);
    const std::vector<std::vector<unsigned char>> files = {writeWord2VecText(s.words, s.dim, s.rows),
                                                           writeWord2VecBinary(s.words, s.dim, s.rows),
                                                           writeCompact(s.words, s.dim, s.rows)};
    std::mt19937 rng(99);
    int ok = 0;
    for (const auto& file : files) {
        for (int trial = 0; trial < 3000; ++trial) {
            std::vector<unsigned char> m = file;
            const int edits = 1 + static_cast<int>(rng() % 4);
            for (int e = 0; e < edits; ++e) {
                const std::size_t at = rng() % m.size();
                switch (rng() % 3) {
                    case 0: m[at] = static_cast<unsigned char>(rng()); break;
                    case 1: m.erase(m.begin() + static_cast<long>(at)); break;
                    default: m.insert(m.begin() + static_cast<long>(at), static_cast<unsigned char>(rng())); break;
                }
            }
            for (VectorFormat f : {VectorFormat::Auto, VectorFormat::Word2VecText, VectorFormat::Word2VecBinary,
                                   VectorFormat::Compact}) {
                LoadedVectors out;
                const VectorProblem p = parse(m, out, f);
                if (p.ok()) {
                    ++ok;
                    EXPECT_EQ(out.rows.size(), out.words.size() * static_cast<std::size_t>(out.dim));
                    for (float x : out.rows) ASSERT_TRUE(std::isfinite(x));
                }
            }
        }
    }
    EXPECT_GT(ok, 0);
}

TEST(VectorIo, AFailingParseLeavesTheOutputUntouched) {
    LoadedVectors out;
    out.words = {"før"};
    out.dim = 2;
    out.rows = {1.5f, -2.5f};
    out.format = VectorFormat::Compact;
    const std::vector<unsigned char> compactBad = [] {
        std::vector<unsigned char> c = writeCompact({"a", "b"}, 1, {1, 2});
        c.pop_back();
        return c;
    }();
    std::vector<unsigned char> binaryBad = smallBinary();
    binaryBad.pop_back();
    binaryBad.pop_back();
    for (const std::vector<unsigned char>& bad :
         {bytes("2 2\na 1 2\nb 3 x\n"), bytes("a 1 2\na 3 4\n"), binaryBad, compactBad, bytes("")}) {
        EXPECT_FALSE(parse(bad, out).ok());
        EXPECT_EQ(out.words, std::vector<std::string>{"før"});
        EXPECT_EQ(out.dim, 2);
        EXPECT_EQ(out.rows, (std::vector<float>{1.5f, -2.5f}));
        EXPECT_EQ(out.format, VectorFormat::Compact);
    }
}

// ── numbers ───────────────────────────────────────────────────────────────────────────────────

namespace {
float parsed(const std::string& s, std::size_t* used = nullptr) {
    float value = -12345.0f;
    const char* end = parseDecimalFloat(s.data(), s.data() + s.size(), value);
    if (used) *used = static_cast<std::size_t>(end - s.data());
    return value;
}
std::string formatted(float x) {
    char buffer[kFloatTextMax];
    return std::string(buffer, static_cast<std::size_t>(formatShortestFloat(x, buffer)));
}
}  // namespace

TEST(VectorIo, NumberParserSpellings) {
    std::size_t used = 0;
    EXPECT_EQ(parsed(".5", &used), 0.5f);
    EXPECT_EQ(used, 2u);
    EXPECT_EQ(parsed("5.", &used), 5.0f);
    EXPECT_EQ(parsed("-.25"), -0.25f);
    EXPECT_EQ(parsed("+1e3"), 1000.0f);
    EXPECT_EQ(parsed("1E-3"), 0.001f);
    EXPECT_EQ(parsed("00012.50"), 12.5f);
    EXPECT_EQ(bitsOf(parsed("-0")), 0x80000000u);
    EXPECT_EQ(bitsOf(parsed("0e999999999999")), 0u);
    EXPECT_EQ(parsed("1e-50"), 0.0f);
    EXPECT_EQ(parsed("1.401298464324817e-45"), fromBits(1));  // smallest subnormal
    EXPECT_EQ(parsed("3.40282347e38"), 3.40282347e38f);       // FLT_MAX
    EXPECT_TRUE(std::isinf(parsed("3.4028236e38")));
    EXPECT_TRUE(std::isinf(parsed("1e999999999999")));
    EXPECT_EQ(parsed("0." + std::string(50, '0') + "1e51"), 1.0f);
    EXPECT_EQ(parsed("123456789012345678901234567890e-29"), 1.2345679f);
    // Where the number stops.
    EXPECT_EQ(parsed("1e", &used), 1.0f);
    EXPECT_EQ(used, 1u);
    EXPECT_EQ(parsed("2e+x", &used), 2.0f);
    EXPECT_EQ(used, 1u);
    EXPECT_EQ(parsed("0x10", &used), 0.0f);
    EXPECT_EQ(used, 1u);
    EXPECT_EQ(parsed("1,5", &used), 1.0f);
    EXPECT_EQ(used, 1u);
    for (const char* none : {"", "-", "+", ".", "-.", "e5", "nan", "inf", "abc", " 1"}) {
        parsed(none, &used);
        EXPECT_EQ(used, 0u) << none;
    }
}

TEST(VectorIo, NumberParserAgreesWithStrtofInTheCLocale) {
    ASSERT_STREQ(std::setlocale(LC_NUMERIC, nullptr), "C");
    std::mt19937_64 rng(2024);
    long long exact = 0, total = 0;
    char buffer[64];
    auto check = [&](const char* s) {
        char* end = nullptr;
        const float expected = std::strtof(s, &end);
        std::size_t used = 0;
        const float got = parsed(s, &used);
        ASSERT_EQ(used, static_cast<std::size_t>(end - s)) << s;
        ++total;
        if (bitsOf(got) == bitsOf(expected)) {
            ++exact;
            return;
        }
        ASSERT_TRUE(std::isfinite(expected) && std::isfinite(got)) << s;
        EXPECT_LE(ulpDistance(got, expected), 1) << s;
    };
    const char* formats[] = {"%.9g", "%.6g", "%.17g", "%.3e", "%.12f", "%.20e"};
    for (int i = 0; i < 200000; ++i) {
        // Random finite floats of every magnitude, printed several ways.
        std::uint32_t b;
        do b = static_cast<std::uint32_t>(rng()); while ((b & 0x7f800000u) == 0x7f800000u);
        std::snprintf(buffer, sizeof buffer, formats[i % 6], static_cast<double>(fromBits(b)));
        check(buffer);
        // Random decimal strings: up to 25 digits, a point somewhere, an exponent.
        std::string s = rng() % 2 ? "-" : "";
        const int digits = 1 + static_cast<int>(rng() % 25);
        const int point = static_cast<int>(rng() % (digits + 1));
        for (int k = 0; k < digits; ++k) {
            if (k == point) s += '.';
            s += static_cast<char>('0' + rng() % 10);
        }
        s += "e" + std::to_string(static_cast<int>(rng() % 90) - 50);
        check(s.c_str());
    }
    // Typical word-vector values: 6 decimals in [-1, 1].
    for (int i = 0; i < 100000; ++i) {
        std::snprintf(buffer, sizeof buffer, "%.6f", static_cast<double>(rng() % 2000001) / 1e6 - 1.0);
        check(buffer);
    }
    EXPECT_GE(exact, total - total / 10000) << exact << " of " << total;  // nearly all exact
}

TEST(VectorIo, ShortestFormattingReadsBackExactly) {
    EXPECT_EQ(formatted(0.1f), "0.1");
    EXPECT_EQ(formatted(0.5f), "0.5");
    EXPECT_EQ(formatted(-2.0f), "-2");
    EXPECT_EQ(formatted(100.0f), "100");
    EXPECT_EQ(formatted(0.0f), "0");
    EXPECT_EQ(formatted(-0.0f), "-0");
    EXPECT_EQ(formatted(1e-7f), "1e-07");
    EXPECT_EQ(formatted(0.0001f), "0.0001");
    EXPECT_EQ(formatted(1.5e10f), "1.5e+10");
    EXPECT_EQ(formatted(123456792.0f), "123456790");  // 8 digits identify it
    EXPECT_EQ(formatted(fromBits(1)), "1e-45");
    EXPECT_EQ(formatted(3.40282347e38f), "3.4028235e+38");
    EXPECT_EQ(formatted(NAN), "nan");
    EXPECT_EQ(formatted(-INFINITY), "-inf");
    // Random bit patterns: every finite float reads back bit for bit, and with no more digits
    // than the shortest %.{p}g that strtof reads back.
    std::mt19937 rng(7);
    int longer = 0;
    for (int i = 0; i < 300000; ++i) {
        const float x = fromBits(static_cast<std::uint32_t>(rng()));
        if (!std::isfinite(x)) continue;
        const std::string s = formatted(x);
        ASSERT_LE(s.size(), 16u);
        std::size_t used = 0;
        ASSERT_EQ(bitsOf(parsed(s, &used)), bitsOf(x)) << s;
        ASSERT_EQ(used, s.size());
        int shortest = 1;
        char buffer[40];
        for (; shortest < 9; ++shortest) {
            std::snprintf(buffer, sizeof buffer, "%.*g", shortest, static_cast<double>(x));
            if (bitsOf(std::strtof(buffer, nullptr)) == bitsOf(x)) break;
        }
        // Significant digits: the digits before any 'e' without leading and trailing zeros.
        std::string mantissa;
        for (std::size_t k = 0; k < s.size() && s[k] != 'e'; ++k)
            if (s[k] >= '0' && s[k] <= '9') mantissa += s[k];
        mantissa.erase(0, std::min(mantissa.find_first_not_of('0'), mantissa.size()));
        while (!mantissa.empty() && mantissa.back() == '0') mantissa.pop_back();
        if (static_cast<int>(mantissa.size()) > shortest) ++longer;
    }
    EXPECT_EQ(longer, 0);  // each length is rounded from the value itself: none longer than needed
}

TEST(VectorIo, ReadingDoesNotDependOnTheLocale) {
    // A Danish locale makes strtod read "0,5" and stop at "0.5"; the reader must not care.
    const std::string saved = std::setlocale(LC_ALL, nullptr);
    if (!std::setlocale(LC_ALL, "da_DK.UTF-8") && !std::setlocale(LC_ALL, "da_DK.utf8") &&
        !std::setlocale(LC_ALL, "de_DE.UTF-8"))
        GTEST_SKIP() << "no locale with a decimal comma installed";
    const double commaRead = std::strtod("0,5", nullptr);  // 0.5 here: the locale is in effect
    LoadedVectors v;
    const VectorProblem p = parse("kat 0.5 -1.25e-1\n", v);
    const std::vector<unsigned char> written = writeWord2VecText({"a"}, 1, {0.5f});
    std::setlocale(LC_ALL, saved.c_str());
    EXPECT_EQ(commaRead, 0.5);
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(v.rows, (std::vector<float>{0.5f, -0.125f}));
    EXPECT_EQ(std::string(written.begin(), written.end()), "1 1\na 0.5\n");
}
