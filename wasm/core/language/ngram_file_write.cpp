// Writing a .aing file (layout at the top of ngram_file.hpp): the blocks first, so that the header
// can give their lengths; tables that would not read back give no file at all.
#include <cmath>
#include <string_view>
#include <unordered_set>

#include "language/ngram_file.hpp"
#include "language/ngram_file_bytes.hpp"

namespace vaerksted::language {

using namespace ngram_file_bytes;

namespace {

// The checks readNgramFile makes of the tables (so that what is written reads back).
bool writable(const NgramTables& t) {
    const std::size_t v = t.words.size();
    if (v == 0 || v > 0x7FFFFFFFu || !validUtf8(t.description) || t.corpusWords < 0) return false;
    std::unordered_set<std::string_view> seen;
    for (const std::string& w : t.words) {
        if (w.empty() || !validUtf8(w) || !seen.insert(w).second) return false;
        for (const char c : w)
            if (static_cast<unsigned char>(c) <= 0x20) return false;
    }
    for (int n = 0; n < kNgramOrders; ++n) {
        const std::uint32_t m = t.minCount[static_cast<std::size_t>(n)];
        if (m == 0 || (n > 0 && m < t.minCount[static_cast<std::size_t>(n - 1)])) return false;
        const NgramLevel& level = t.levels[static_cast<std::size_t>(n)];
        if (level.words.size() != level.counts.size() || (n == 0 && level.counts.size() != v)) return false;
        if (n + 1 < kNgramOrders) {
            const std::vector<std::uint32_t>& first = level.firstChild;
            if (first.size() != level.counts.size() + 1 || first.front() != 0 ||
                first.back() != t.levels[static_cast<std::size_t>(n + 1)].counts.size())
                return false;
            for (std::size_t i = 0; i + 1 < first.size(); ++i)
                if (first[i] > first[i + 1]) return false;
        }
        for (const std::uint32_t c : level.counts)
            if (c < m) return false;
    }
    std::uint64_t words = 0;
    for (const std::uint32_t c : t.levels[0].counts) words += c;
    if (words > static_cast<std::uint64_t>(t.corpusWords) || t.corpusWords > (1ll << 62)) return false;
    const NgramHeldOut& h = t.heldOut;
    if (h.words < 0 || h.unknownWords < 0 || h.unknownWords > h.words || h.unknownWordsUnpruned < 0 ||
        h.unknownWordsUnpruned > h.words || !(h.discount >= 0.0 && h.discount <= 1.0))
        return false;
    for (int n = 0; n < kNgramOrders; ++n)
        if (!(std::isfinite(h.lossPerWord[static_cast<std::size_t>(n)]) && h.lossPerWord[static_cast<std::size_t>(n)] >= 0.0) ||
            !(std::isfinite(h.lossPerWordUnpruned[static_cast<std::size_t>(n)]) && h.lossPerWordUnpruned[static_cast<std::size_t>(n)] >= 0.0))
            return false;
    return true;
}

}  // namespace

std::vector<unsigned char> writeNgramFile(const NgramTables& t, std::array<std::uint64_t, kNgramFileBlocks>* blockLengths) {
    if (!writable(t)) return {};
    std::array<std::vector<unsigned char>, kNgramFileBlocks> blocks;
    blocks[0].assign(t.description.begin(), t.description.end());
    for (const std::string& w : t.words) {
        blocks[1].insert(blocks[1].end(), w.begin(), w.end());
        blocks[1].push_back('\n');
    }
    const std::vector<std::uint32_t>& wordCounts = t.levels[0].counts;
    for (std::size_t i = 0; i < wordCounts.size(); ++i) {
        if (i > 0 && wordCounts[i] > wordCounts[i - 1]) return {};  // ids are ranks
        appendNumber(blocks[2], i == 0 ? wordCounts[0] : wordCounts[i - 1] - wordCounts[i]);
    }
    for (int n = 2; n <= kNgramOrders; ++n) {
        const NgramLevel& parent = t.levels[static_cast<std::size_t>(n - 2)];
        const NgramLevel& level = t.levels[static_cast<std::size_t>(n - 1)];
        const std::uint32_t least = t.minCount[static_cast<std::size_t>(n - 1)];
        auto& followers = blocks[static_cast<std::size_t>(3 + 3 * (n - 2))];
        auto& words = blocks[static_cast<std::size_t>(4 + 3 * (n - 2))];
        auto& counts = blocks[static_cast<std::size_t>(5 + 3 * (n - 2))];
        for (std::size_t p = 0; p < parent.counts.size(); ++p) {
            const std::uint32_t first = parent.firstChild[p], last = parent.firstChild[p + 1];
            appendNumber(followers, last - first);
            std::uint64_t sum = 0;
            for (std::uint32_t k = first; k < last; ++k) {
                const std::int32_t id = level.words[k];
                if (id < 0 || static_cast<std::size_t>(id) >= t.words.size() || (k > first && id <= level.words[k - 1])) return {};
                appendNumber(words, k == first ? static_cast<std::uint64_t>(id) : static_cast<std::uint64_t>(id - level.words[k - 1] - 1));
                appendNumber(counts, level.counts[k] - least);
                sum += level.counts[k];
                if (level.counts[k] > parent.counts[p] || sum > parent.counts[p]) return {};
            }
        }
    }
    const GramSet& set = t.sixGrams;
    blocks[15] = set.codes();

    std::vector<unsigned char> out(kMagic, kMagic + sizeof kMagic);
    appendLe(out, kNgramFileVersion, 4);
    appendLe(out, t.sentenceEnds ? 1 : 0, 4);
    appendLe(out, kNgramOrders, 4);
    appendLe(out, static_cast<std::uint64_t>(set.riceBits()), 4);
    appendLe(out, static_cast<std::uint64_t>(t.corpusWords), 8);
    for (const std::uint32_t m : t.minCount) appendLe(out, m, 4);
    appendLe(out, 0, 4);
    for (const NgramLevel& level : t.levels) appendLe(out, level.counts.size(), 8);
    appendLe(out, set.size(), 8);
    appendLe(out, set.range(), 8);
    const NgramHeldOut& h = t.heldOut;
    appendLe(out, static_cast<std::uint64_t>(h.words), 8);
    appendLe(out, static_cast<std::uint64_t>(h.unknownWords), 8);
    appendLe(out, static_cast<std::uint64_t>(h.unknownWordsUnpruned), 8);
    appendF64(out, h.discount);
    for (const double x : h.lossPerWord) appendF64(out, x);
    for (const double x : h.lossPerWordUnpruned) appendF64(out, x);
    for (const auto& b : blocks) appendLe(out, b.size(), 8);
    for (const auto& b : blocks) out.insert(out.end(), b.begin(), b.end());
    if (blockLengths)
        for (std::size_t b = 0; b < blocks.size(); ++b) (*blockLengths)[b] = blocks[b].size();
    return out;
}

}  // namespace vaerksted::language
