// Reading a .aing file (layout at the top of ngram_file.hpp): the header checked field by field,
// then each block decoded and checked against the header before the model is built.
#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_set>

#include "language/ngram_file.hpp"
#include "language/ngram_file_bytes.hpp"

namespace vaerksted::language {

using namespace ngram_file_bytes;

const char* ngramFileStatusName(NgramFileStatus status) {
    switch (status) {
        case NgramFileStatus::Ok: return "ok";
        case NgramFileStatus::Empty: return "empty";
        case NgramFileStatus::BadMagic: return "bad_magic";
        case NgramFileStatus::BadVersion: return "bad_version";
        case NgramFileStatus::Truncated: return "truncated";
        case NgramFileStatus::BadHeader: return "bad_header";
        case NgramFileStatus::BadDescription: return "bad_description";
        case NgramFileStatus::BadWords: return "bad_words";
        case NgramFileStatus::BadCounts: return "bad_counts";
        case NgramFileStatus::BadSixGrams: return "bad_six_grams";
        case NgramFileStatus::ExtraBytes: return "extra_bytes";
    }
    return "unknown";
}

namespace {

constexpr std::uint64_t kCountLimit = 0xFFFFFFFFull;  // counts and tree indexes are 32-bit

NgramFileProblem problem(NgramFileStatus status, std::uint64_t offset) {
    return {status, static_cast<long long>(offset)};
}

// The header's numbers, read and checked (the blocks are checked against them afterwards).
struct Header {
    bool sentenceEnds = false;
    int riceBits = 0;
    std::uint64_t corpusWords = 0;
    std::array<std::uint32_t, kNgramOrders> minCount{};
    std::array<std::uint64_t, kNgramOrders> kept{};
    std::uint64_t setCount = 0, setRange = 0;
    NgramHeldOut heldOut;
    std::array<std::uint64_t, kNgramFileBlocks> blocks{};
};

NgramFileProblem readHeader(const unsigned char* d, std::size_t size, Header& h) {
    if (size == 0) return problem(NgramFileStatus::Empty, 0);
    const std::size_t magic = std::min<std::size_t>(size, sizeof kMagic);
    if (std::memcmp(d, kMagic, magic) != 0) return problem(NgramFileStatus::BadMagic, 0);
    if (size < 12) return problem(NgramFileStatus::Truncated, size);
    if (readLe(d + 8, 4) != kNgramFileVersion) return problem(NgramFileStatus::BadVersion, 8);
    if (size < kNgramFileHeader) return problem(NgramFileStatus::Truncated, size);
    const auto bad = [](std::uint64_t offset) { return problem(NgramFileStatus::BadHeader, offset); };
    const std::uint64_t flags = readLe(d + 12, 4);
    if (flags > 1) return bad(12);
    h.sentenceEnds = flags == 1;
    if (readLe(d + 16, 4) != kNgramOrders) return bad(16);
    if (readLe(d + 20, 4) > static_cast<std::uint64_t>(GramSet::kMaxRiceBits)) return bad(20);
    h.riceBits = static_cast<int>(readLe(d + 20, 4));
    h.corpusWords = readLe(d + 24, 8);
    if (h.corpusWords > (1ull << 62)) return bad(24);
    for (int n = 0; n < kNgramOrders; ++n) {
        const auto m = static_cast<std::uint32_t>(readLe(d + 32 + 4 * n, 4));
        if (m == 0 || (n > 0 && m < h.minCount[static_cast<std::size_t>(n - 1)])) return bad(32 + 4 * static_cast<std::uint64_t>(n));
        h.minCount[static_cast<std::size_t>(n)] = m;
    }
    if (readLe(d + 52, 4) != 0) return bad(52);
    for (int n = 0; n < kNgramOrders; ++n) {
        const std::uint64_t k = readLe(d + 56 + 8 * n, 8);
        if (k >= kCountLimit || (n == 0 && (k == 0 || k > 0x7FFFFFFFull))) return bad(56 + 8 * static_cast<std::uint64_t>(n));
        h.kept[static_cast<std::size_t>(n)] = k;
    }
    h.setCount = readLe(d + 96, 8);
    h.setRange = readLe(d + 104, 8);
    if ((h.setCount == 0) != (h.setRange == 0) || h.setCount > h.setRange) return bad(96);
    NgramHeldOut& held = h.heldOut;
    const std::uint64_t heldWords = readLe(d + 112, 8), unknown = readLe(d + 120, 8), unknownWhole = readLe(d + 128, 8);
    if (heldWords > (1ull << 62)) return bad(112);
    if (unknown > heldWords) return bad(120);
    if (unknownWhole > heldWords) return bad(128);
    held.words = static_cast<std::int64_t>(heldWords);
    held.unknownWords = static_cast<std::int64_t>(unknown);
    held.unknownWordsUnpruned = static_cast<std::int64_t>(unknownWhole);
    held.discount = readF64(d + 136);
    if (!(held.discount >= 0.0 && held.discount <= 1.0)) return bad(136);
    for (int n = 0; n < kNgramOrders; ++n) {
        const double pruned = readF64(d + 144 + 8 * n), whole = readF64(d + 184 + 8 * n);
        if (!(std::isfinite(pruned) && pruned >= 0.0)) return bad(144 + 8 * static_cast<std::uint64_t>(n));
        if (!(std::isfinite(whole) && whole >= 0.0)) return bad(184 + 8 * static_cast<std::uint64_t>(n));
        held.lossPerWord[static_cast<std::size_t>(n)] = pruned;
        held.lossPerWordUnpruned[static_cast<std::size_t>(n)] = whole;
    }
    std::uint64_t total = kNgramFileHeader;
    for (int b = 0; b < kNgramFileBlocks; ++b) {
        const std::uint64_t length = readLe(d + 224 + 8 * b, 8);
        if (length > size) return problem(NgramFileStatus::Truncated, size);  // also keeps the sum below from overflowing
        h.blocks[static_cast<std::size_t>(b)] = length;
        total += length;
    }
    if (total > size) return problem(NgramFileStatus::Truncated, size);
    if (total < size) return problem(NgramFileStatus::ExtraBytes, total);
    return {};
}

// The words block: V lines of unique, non-empty UTF-8 words without spaces or control bytes.
NgramFileProblem readWords(const unsigned char* block, std::uint64_t length, std::uint64_t offset, std::uint64_t count,
                           std::vector<std::string>& words) {
    const auto bad = [&](std::uint64_t at) { return problem(NgramFileStatus::BadWords, offset + at); };
    std::uint64_t lines = 0;
    for (std::uint64_t i = 0; i < length; ++i) lines += block[i] == '\n';
    if (lines != count || length == 0 || block[length - 1] != '\n') return bad(0);
    words.reserve(static_cast<std::size_t>(count));
    std::unordered_set<std::string_view> seen;
    seen.reserve(static_cast<std::size_t>(count));
    std::uint64_t start = 0;
    for (std::uint64_t i = 0; i < length; ++i) {
        if (block[i] != '\n') {
            if (block[i] <= 0x20) return bad(i);
            continue;
        }
        const std::string_view word(reinterpret_cast<const char*>(block + start), static_cast<std::size_t>(i - start));
        if (word.empty() || !validUtf8(word) || !seen.insert(word).second) return bad(start);
        words.emplace_back(word);
        start = i + 1;
    }
    return {};
}

// The word counts: V numbers, count(0) then the falls between neighbours.
NgramFileProblem readWordCounts(const unsigned char* block, std::uint64_t length, std::uint64_t offset, const Header& h,
                                NgramLevel& level) {
    const std::uint64_t v = h.kept[0];
    const auto bad = [&](const unsigned char* at) { return problem(NgramFileStatus::BadCounts, offset + static_cast<std::uint64_t>(at - block)); };
    if (v > length) return bad(block);
    NumberReader numbers(block, block + length);
    level.words.resize(static_cast<std::size_t>(v));
    level.counts.resize(static_cast<std::size_t>(v));
    std::uint64_t count = 0, sum = 0;
    for (std::uint64_t i = 0; i < v; ++i) {
        const unsigned char* at = numbers.at();
        std::uint64_t x = 0;
        if (!numbers.next(x)) return bad(at);
        if (i == 0) {
            if (x > kCountLimit) return bad(at);
            count = x;
        } else {
            if (x > count) return bad(at);
            count -= x;
        }
        if (count < h.minCount[0]) return bad(at);
        sum += count;
        if (sum > h.corpusWords) return bad(at);
        level.words[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(i);
        level.counts[static_cast<std::size_t>(i)] = static_cast<std::uint32_t>(count);
    }
    if (!numbers.done()) return bad(numbers.at());
    return {};
}

// Order n's three blocks: the followers of each (n − 1)-gram of `parent`, into `level`.
NgramFileProblem readOrder(int n, const unsigned char* const blocks[3], const std::uint64_t lengths[3],
                           const std::uint64_t offsets[3], const Header& h, NgramLevel& parent, NgramLevel& level) {
    const std::uint64_t parents = parent.counts.size(), kept = h.kept[static_cast<std::size_t>(n - 1)];
    const std::uint32_t least = h.minCount[static_cast<std::size_t>(n - 1)];
    const auto bad = [&](int b, const unsigned char* at) {
        return problem(NgramFileStatus::BadCounts, offsets[b] + static_cast<std::uint64_t>(at - blocks[b]));
    };
    // Every number takes a byte at least: counts the blocks cannot hold are refused before allocating.
    if (parents > lengths[0]) return bad(0, blocks[0]);
    if (kept > lengths[1]) return bad(1, blocks[1]);
    if (kept > lengths[2]) return bad(2, blocks[2]);
    NumberReader followers(blocks[0], blocks[0] + lengths[0]), words(blocks[1], blocks[1] + lengths[1]),
        counts(blocks[2], blocks[2] + lengths[2]);
    parent.firstChild.resize(static_cast<std::size_t>(parents) + 1);
    level.words.resize(static_cast<std::size_t>(kept));
    level.counts.resize(static_cast<std::size_t>(kept));
    const std::uint64_t v = h.kept[0];
    std::uint64_t child = 0;
    for (std::uint64_t p = 0; p < parents; ++p) {
        parent.firstChild[static_cast<std::size_t>(p)] = static_cast<std::uint32_t>(child);
        const unsigned char* at = followers.at();
        std::uint64_t many = 0;
        if (!followers.next(many) || many > kept - child) return bad(0, at);
        const std::uint64_t context = parent.counts[static_cast<std::size_t>(p)];
        std::uint64_t id = 0, sum = 0;
        for (std::uint64_t k = 0; k < many; ++k, ++child) {
            const unsigned char* wordAt = words.at();
            std::uint64_t step = 0;
            if (!words.next(step) || step >= v) return bad(1, wordAt);
            id = k == 0 ? step : id + 1 + step;
            if (id >= v) return bad(1, wordAt);
            const unsigned char* countAt = counts.at();
            std::uint64_t c = 0;
            if (!counts.next(c) || c > kCountLimit - least) return bad(2, countAt);
            c += least;
            sum += c;
            if (c > context || sum > context) return bad(2, countAt);
            level.words[static_cast<std::size_t>(child)] = static_cast<std::int32_t>(id);
            level.counts[static_cast<std::size_t>(child)] = static_cast<std::uint32_t>(c);
        }
    }
    parent.firstChild[static_cast<std::size_t>(parents)] = static_cast<std::uint32_t>(child);
    if (child != kept) return bad(0, followers.at());
    for (int b = 0; b < 3; ++b) {
        const NumberReader& r = b == 0 ? followers : b == 1 ? words : counts;
        if (!r.done()) return bad(b, r.at());
    }
    return {};
}

}  // namespace

NgramFileProblem readNgramFile(const unsigned char* data, std::size_t size, NgramCounts& out) {
    Header h;
    if (const NgramFileProblem p = readHeader(data, size, h); !p.ok()) return p;
    std::array<std::uint64_t, kNgramFileBlocks> offsets{};
    std::uint64_t at = kNgramFileHeader;
    for (int b = 0; b < kNgramFileBlocks; ++b) {
        offsets[static_cast<std::size_t>(b)] = at;
        at += h.blocks[static_cast<std::size_t>(b)];
    }
    const auto block = [&](int b) { return data + offsets[static_cast<std::size_t>(b)]; };
    const auto length = [&](int b) { return h.blocks[static_cast<std::size_t>(b)]; };

    NgramTables t;
    t.corpusWords = static_cast<std::int64_t>(h.corpusWords);
    t.sentenceEnds = h.sentenceEnds;
    t.minCount = h.minCount;
    t.heldOut = h.heldOut;
    t.description.assign(reinterpret_cast<const char*>(block(0)), static_cast<std::size_t>(length(0)));
    if (!validUtf8(t.description)) return problem(NgramFileStatus::BadDescription, offsets[0]);
    if (h.kept[0] > length(1) / 2) return problem(NgramFileStatus::BadWords, offsets[1]);
    if (const NgramFileProblem p = readWords(block(1), length(1), offsets[1], h.kept[0], t.words); !p.ok()) return p;
    if (const NgramFileProblem p = readWordCounts(block(2), length(2), offsets[2], h, t.levels[0]); !p.ok()) return p;
    for (int n = 2; n <= kNgramOrders; ++n) {
        const int first = 3 + 3 * (n - 2);
        const unsigned char* blocks[3] = {block(first), block(first + 1), block(first + 2)};
        const std::uint64_t lengths[3] = {length(first), length(first + 1), length(first + 2)};
        const std::uint64_t where[3] = {offsets[static_cast<std::size_t>(first)], offsets[static_cast<std::size_t>(first + 1)],
                                        offsets[static_cast<std::size_t>(first + 2)]};
        if (const NgramFileProblem p = readOrder(n, blocks, lengths, where, h, t.levels[static_cast<std::size_t>(n - 2)],
                                                 t.levels[static_cast<std::size_t>(n - 1)]);
            !p.ok())
            return p;
    }
    std::size_t badByte = 0;
    if (!GramSet::decode(block(15), static_cast<std::size_t>(length(15)), h.setCount, h.riceBits, h.setRange, t.sixGrams, badByte))
        return problem(NgramFileStatus::BadSixGrams, offsets[15] + badByte);
    out = NgramCounts(std::move(t));
    return {};
}

}  // namespace vaerksted::language
