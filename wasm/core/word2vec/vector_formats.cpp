#include "word2vec/vector_formats.hpp"

#include <algorithm>

#include "word2vec/number_text.hpp"

namespace vaerksted::word2vec::vector_formats {

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

std::size_t reserveFor(long long promised, std::size_t bytesLeft, std::size_t minBytesPerVector) {
    const std::size_t fit = bytesLeft / minBytesPerVector + 1;
    return promised < 0 ? fit : std::min(static_cast<std::size_t>(promised), fit);
}

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

}  // namespace vaerksted::word2vec::vector_formats
