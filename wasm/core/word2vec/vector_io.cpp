#include "word2vec/vector_io.hpp"

#include <algorithm>
#include <cstring>

#include "word2vec/vector_formats.hpp"

namespace vaerksted::word2vec {

using namespace vector_formats;

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

}  // namespace vaerksted::word2vec
