#include "language/ngram_counts.hpp"

#include <algorithm>
#include <numeric>

namespace vaerksted::language {

NgramCounts::NgramCounts(NgramTables tables) : tables_(std::move(tables)) {
    vocabulary_.words = tables_.words;
    vocabulary_.ids.reserve(tables_.words.size());
    for (std::size_t i = 0; i < tables_.words.size(); ++i) vocabulary_.ids.emplace(tables_.words[i], static_cast<int>(i));
    for (const std::uint32_t c : tables_.levels[0].counts) unigramSum_ += c;
    for (int order = 1; order < kNgramOrders; ++order) {
        const NgramLevel& level = tables_.levels[static_cast<std::size_t>(order - 1)];
        const std::vector<std::uint32_t>& childCounts = tables_.levels[static_cast<std::size_t>(order)].counts;
        std::vector<std::uint64_t>& sums = followerSums_[static_cast<std::size_t>(order - 1)];
        sums.assign(level.counts.size(), 0);
        for (std::size_t i = 0; i < level.counts.size(); ++i)
            for (std::uint32_t k = level.firstChild[i]; k < level.firstChild[i + 1]; ++k) sums[i] += childCounts[k];
    }
}

std::int64_t NgramCounts::find(const std::int32_t* words, int length) const {
    if (length < 1 || length > kNgramOrders) return -1;
    if (words[0] < 0 || words[0] >= vocabularySize()) return -1;
    std::int64_t node = words[0];
    for (int d = 1; d < length; ++d) {
        const NgramLevel& parent = tables_.levels[static_cast<std::size_t>(d - 1)];
        const std::vector<std::int32_t>& children = tables_.levels[static_cast<std::size_t>(d)].words;
        const auto first = children.begin() + parent.firstChild[static_cast<std::size_t>(node)];
        const auto last = children.begin() + parent.firstChild[static_cast<std::size_t>(node) + 1];
        const auto at = std::lower_bound(first, last, words[d]);  // followers are sorted by id
        if (at == last || *at != words[d]) return -1;
        node = at - children.begin();
    }
    return node;
}

std::uint64_t NgramCounts::keptSum(int order, std::int64_t node) const {
    return order == 0 ? unigramSum_ : followerSums_[static_cast<std::size_t>(order - 1)][static_cast<std::size_t>(node)];
}

std::int64_t NgramCounts::count(const std::int32_t* words, int length) const {
    if (length == 0) return size();
    const std::int64_t node = find(words, length);
    return node < 0 ? 0 : tables_.levels[static_cast<std::size_t>(length - 1)].counts[static_cast<std::size_t>(node)];
}

NextCounts NgramCounts::next(const std::int32_t* context, int length) const {
    NextCounts out;
    out.contextLength = length;
    if (length < 0 || length > kMaxContext || vocabularySize() == 0) return out;
    if (length == 0) {
        // Ids are ranks: the vocabulary is already most frequent first, equal counts by id.
        const NgramLevel& words = tables_.levels[0];
        out.next.reserve(words.counts.size());
        for (std::size_t w = 0; w < words.counts.size(); ++w) out.next.push_back({static_cast<std::int32_t>(w), words.counts[w]});
        out.contextCount = static_cast<std::int64_t>(unigramSum_);
        out.prunedCount = size() - out.contextCount;
        return out;
    }
    const std::int64_t node = find(context, length);
    if (node < 0) return out;
    const NgramLevel& level = tables_.levels[static_cast<std::size_t>(length - 1)];
    const NgramLevel& followers = tables_.levels[static_cast<std::size_t>(length)];
    const std::size_t i = static_cast<std::size_t>(node);
    for (std::uint32_t k = level.firstChild[i]; k < level.firstChild[i + 1]; ++k)
        out.next.push_back({followers.words[k], followers.counts[k]});
    std::stable_sort(out.next.begin(), out.next.end(), [](const NextWord& a, const NextWord& b) { return a.count > b.count; });
    out.contextCount = static_cast<std::int64_t>(keptSum(length, node));
    out.prunedCount = static_cast<std::int64_t>(level.counts[i]) - out.contextCount;
    return out;
}

std::int64_t NgramCounts::followerCount(const std::int32_t* context, int length) const {
    if (length == 0) return vocabularySize();
    if (length < 0 || length > kMaxContext) return 0;
    const std::int64_t node = find(context, length);
    if (node < 0) return 0;
    const NgramLevel& level = tables_.levels[static_cast<std::size_t>(length - 1)];
    return level.firstChild[static_cast<std::size_t>(node) + 1] - level.firstChild[static_cast<std::size_t>(node)];
}

std::int64_t NgramCounts::prunedCount(const std::int32_t* context, int length) const {
    if (length == 0) return size() - static_cast<std::int64_t>(unigramSum_);
    if (length < 0 || length > kMaxContext) return 0;
    const std::int64_t node = find(context, length);
    if (node < 0) return 0;
    return static_cast<std::int64_t>(tables_.levels[static_cast<std::size_t>(length - 1)].counts[static_cast<std::size_t>(node)]) -
           static_cast<std::int64_t>(keptSum(length, node));
}

bool NgramCounts::inSixGramSet(const std::int32_t* words) const {
    for (int d = 0; d < kCopiedWords; ++d)
        if (words[d] < 0 || words[d] >= vocabularySize()) return false;
    return tables_.sixGrams.containsSequence(words, kCopiedWords);
}

std::vector<int> NgramCounts::matchLengths(const std::int32_t* seq, int n) const {
    const std::size_t size = static_cast<std::size_t>(std::max(n, 0));
    // run[i]: how many 6-grams in the set follow one another from i (each one word later).
    std::vector<int> run(size + 1, 0);
    for (std::size_t i = size; i-- > 0;)
        if (i + kCopiedWords <= size && inSixGramSet(seq + i)) run[i] = run[i + 1] + 1;
    std::vector<int> out(size, 0);
    for (std::size_t i = 0; i < size; ++i) {
        if (run[i] > 0) {
            out[i] = std::min(kCopiedWords - 1 + run[i], kMaxMatch);
            continue;
        }
        int length = 0;
        while (length < kNgramOrders && i + static_cast<std::size_t>(length) < size && find(seq + i, length + 1) >= 0) ++length;
        out[i] = length;
    }
    return out;
}

std::int64_t NgramCounts::keptNgrams(int n) const {
    return n >= 1 && n <= kNgramOrders ? static_cast<std::int64_t>(tables_.levels[static_cast<std::size_t>(n - 1)].counts.size()) : 0;
}

std::vector<Ngram> NgramCounts::table(int n, std::size_t limit) const {
    std::vector<Ngram> out;
    if (n < 1 || n > kNgramOrders) return out;
    const std::vector<std::uint32_t>& counts = tables_.levels[static_cast<std::size_t>(n - 1)].counts;
    // Nodes are in the order of their words' ids, so a stable sort by count gives the ties' order.
    std::vector<std::uint32_t> order(counts.size());
    std::iota(order.begin(), order.end(), 0u);
    const auto byCount = [&](std::uint32_t a, std::uint32_t b) { return counts[a] != counts[b] ? counts[a] > counts[b] : a < b; };
    const std::size_t keep = limit == 0 ? order.size() : std::min(limit, order.size());
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(), byCount);
    order.resize(keep);
    // Each node's words, by walking up: the parent of node k of order m is the node whose followers hold k.
    for (const std::uint32_t node : order) {
        Ngram gram{std::vector<std::int32_t>(static_cast<std::size_t>(n)), counts[node]};
        std::uint32_t k = node;
        for (int m = n; m >= 1; --m) {
            gram.words[static_cast<std::size_t>(m - 1)] = tables_.levels[static_cast<std::size_t>(m - 1)].words[k];
            if (m > 1) {
                const std::vector<std::uint32_t>& first = tables_.levels[static_cast<std::size_t>(m - 2)].firstChild;
                k = static_cast<std::uint32_t>(std::upper_bound(first.begin(), first.end(), k) - first.begin() - 1);
            }
        }
        out.push_back(std::move(gram));
    }
    return out;
}

}  // namespace vaerksted::language
