// The app's own compact format ("AIVEC1", int8 values with a scale per vector): its reader and
// writer (the layout is at the top of vector_io.hpp).
#include <algorithm>
#include <cmath>
#include <cstring>

#include "word2vec/vector_formats.hpp"

namespace vaerksted::word2vec {

namespace vector_formats {

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

}  // namespace vector_formats

using namespace vector_formats;

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

}  // namespace vaerksted::word2vec
