// Reading and writing word-vector files: word2vec/fastText text (.vec, .txt, also GloVe without a
// header line), word2vec binary (Mikolov's -binary 1) and the app's own compact format. The page
// hands the core a file's bytes (already gunzipped); anything malformed comes back as a
// VectorProblem with a precise code and the line or vector where it went wrong. Nothing here
// throws, prints, depends on the C locale, or allocates more than the file's size justifies.
// The numbers are read and written by number_text.hpp; each format has its own file
// (vector_text_format.cpp, vector_binary_format.cpp, vector_compact_format.cpp).
//
// ── The compact format ("AIVEC1") ───────────────────────────────────────────────────────────
//   All integers and floats little-endian.
//   offset 0   8 bytes   magic "AIVEC1\0\0"
//          8   uint32    count     number of vectors (≥ 1)
//         12   uint32    dim       numbers per vector (≥ 1)
//         16   uint32    W         byte length of the word block
//         20   W bytes   the words, UTF-8, each followed by '\n' (so exactly count '\n's, the last
//                        byte of the block is '\n', no word is empty or contains '\n')
//     20 + W   count × float32         one scale per vector (finite, ≥ 0)
//              count × dim × int8      the quantised values, vector after vector
//   The file is exactly 20 + W + 4·count + count·dim bytes. Value i of vector v is
//   int8[v·dim + i] × scale[v]. The writer chooses scale = max|x| / 127 (rounded down to float), so
//   that the largest component maps to ±127; a zero vector has scale 0. Reconstruction error per
//   component ≤ max|x|/254 (plus float rounding; a vector whose max|x| is below ~1.8e-43, where
//   max|x|/127 is 0 in float, is written as zeros). About 4× smaller than float32 binary.
//
// ── Line and vector numbers in a VectorProblem ──────────────────────────────────────────────
//   line   1-based line of a text file (every line counts: header, blank lines); 1 for a binary
//          header; −1 otherwise.
//   vector 1-based number of the vector (= its position in the result) the problem is about;
//          −1 when not about one vector.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace vaerksted::word2vec {

enum class VectorFormat { Auto, Word2VecText, Word2VecBinary, Compact };

// The codes are part of the JS API: only append new ones.
enum class VectorStatus {
    Ok = 0,
    Empty,             // no bytes, or only blank lines
    BadHeader,         // binary: the first line is not "count dim" (line 1)
    AbsurdSize,        // count or dim ≤ 0, dim > maxDim, count > maxWords, count·dim > maxValues
    Truncated,         // the file ends before the vectors its header promises (vector: the first
                       // missing or incomplete one); also a text file whose last line is cut off
    WrongColumnCount,  // text: a line without exactly dim numbers; binary: a record that is not
                       // word + dim floats (control bytes in the word: dim is probably wrong)
    NotANumber,        // text: a value that is not a decimal number, e.g. "abc" or "0,5"
    NonFinite,         // NaN or ±inf, also a decimal too large for a float (1e39)
    DuplicateWord,     // the same word a second time (vector: the second one)
    EmptyWord,         // a line starting with a space or tab, an empty word in a compact file
    BadCompactFile,    // compact: wrong magic, a length that disagrees with the file size, a word
                       // block without exactly count words, a negative scale
    TooLarge,          // more than limits.maxBytes bytes
    ExtraVectors,      // more vectors than the header's count (vector: count + 1)
};

// The last status: the JS API lists every status from Ok to this one (append before, move this).
constexpr VectorStatus kLastVectorStatus = VectorStatus::ExtraVectors;

// Stable snake_case name of a status, e.g. "wrong_column_count"; the JS side keys messages on it.
const char* vectorStatusName(VectorStatus status);
// "auto", "word2vec_text", "word2vec_binary", "compact".
const char* vectorFormatName(VectorFormat format);

struct VectorProblem {
    VectorStatus status = VectorStatus::Ok;
    long long line = -1;
    long long vector = -1;

    bool ok() const { return status == VectorStatus::Ok; }
};

struct VectorLimits {
    long long maxWords = 2'000'000;
    int maxDim = 2000;
    long long maxValues = 250'000'000;  // count × dim (1 GB of floats)
    long long maxBytes = 1LL << 30;     // 1 GiB of input
};

struct LoadedVectors {
    std::vector<std::string> words;  // unique, non-empty, in file order
    int dim = 0;
    std::vector<float> rows;         // (words × dim) row-major, all finite
    VectorFormat format = VectorFormat::Auto;  // the format actually read (never Auto after success)
};

// The format of a file by its first bytes:
//   Compact        it starts with "AIVEC1";
//   Word2VecBinary the first line is two integers "count dim" and the first record does not look
//                  like text: among the dim×4 bytes after its word and space there is a control
//                  byte (other than tab, CR, LF) or DEL, or a byte ≥ 0x80 before the first LF.
//                  (Float data practically always has one; for dim below ~8 a binary file can be
//                  mistaken for text: pass the format explicitly then.)
//   Word2VecText   otherwise (also for empty input).
VectorFormat detectVectorFormat(const unsigned char* data, std::size_t size);

// Parses bytes in the given format (Auto: detectVectorFormat). On a problem `out` is left untouched.
//
// Text (word2vec -binary 0, fastText .vec, GloVe):
//   • A UTF-8 byte order mark is skipped. Lines end in LF or CRLF; the last line may lack one.
//     Trailing spaces/tabs are ignored; blank lines are skipped (but counted in line numbers).
//   • Header: the first non-blank line is a header when it is exactly two integers "count dim"
//     (then count, dim ≤ 0 is AbsurdSize). Otherwise there is no header (GloVe) and dim is the
//     number of values on the first line (a first line with no values: WrongColumnCount).
//     A headerless file whose first line is a word that is an integer with one integer value
//     ("7 3") is read as a header: an inherent ambiguity of the format.
//   • A vector line: the word (bytes up to the first space or tab; a line starting with one has an
//     empty word: EmptyWord), then exactly dim numbers separated by runs of spaces/tabs.
//     Numbers: [+-] digits [. digits] [(e|E) [+-] digits], ".5" and "5." too; no hex, no comma.
//     "nan", "inf", "infinity" (any case, signed) and decimals beyond the float range: NonFinite.
//   • Header count vs lines: fewer vector lines than count → Truncated (vector = the first missing
//     one, line = the line after the last). More → ExtraVectors at the first extra line: the file
//     was edited or the header is wrong, and silently dropping words (gensim's behaviour) would
//     leave a student wondering why a word is missing. When the header promises more vectors and
//     the file's last line (without a final newline) is short or ends in a partial number, the
//     file was cut off mid-line: Truncated at that line rather than WrongColumnCount/NotANumber.
// Binary (word2vec -binary 1):
//   "count dim\n", then per vector: the word (bytes up to a space), one space, dim float32 LE,
//   and usually a '\n'. LF/CR bytes before a word are skipped, so a missing '\n' is fine. Bytes
//   running out anywhere (also inside the header line) → Truncated; trailing non-whitespace after
//   count vectors → ExtraVectors.
// Compact: see the top of this file.
VectorProblem parseVectors(const unsigned char* data, std::size_t size, VectorFormat format, LoadedVectors& out,
                           const VectorLimits& limits = {});

// Writers. Each returns the file's bytes, or an empty vector when the input cannot make a valid
// file: no words, dim < 1, rows.size() ≠ words × dim, a non-finite value, an empty or repeated
// word, a word with a space or control byte (text, binary: bytes ≤ 0x20) or with a LF (compact).
// What a writer writes, parseVectors reads back: exactly for text and binary, within the
// quantisation error for compact.
std::vector<unsigned char> writeCompact(const std::vector<std::string>& words, int dim, const std::vector<float>& rows);
// "count dim\n", then "word v1 … vd\n" with the shortest decimals that read back to the same float.
std::vector<unsigned char> writeWord2VecText(const std::vector<std::string>& words, int dim,
                                             const std::vector<float>& rows);
// "count dim\n", then per word: the word, ' ', dim float32 little-endian, '\n'.
std::vector<unsigned char> writeWord2VecBinary(const std::vector<std::string>& words, int dim,
                                               const std::vector<float>& rows);

}  // namespace vaerksted::word2vec
