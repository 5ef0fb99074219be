#include "language/ngram_index.hpp"

#include <algorithm>
#include <tuple>

namespace vaerksted::language {

NgramIndex::NgramIndex(std::vector<std::int32_t> tokens, int vocabularySize)
    : tokens_(std::move(tokens)), unigram_(static_cast<std::size_t>(std::max(vocabularySize, 0)), 0) {
    for (const std::int32_t t : tokens_) ++unigram_[static_cast<std::size_t>(t)];
    const std::int64_t n = size();
    // Bucket by the first word (counting sort), then sort each bucket from the second word on.
    std::vector<std::int64_t> start(unigram_.size() + 1, 0);
    for (std::size_t w = 0; w < unigram_.size(); ++w) start[w + 1] = start[w] + unigram_[w];
    sorted_.resize(tokens_.size());
    std::vector<std::int64_t> fill(start.begin(), start.end() - 1);
    for (std::int64_t p = 0; p < n; ++p) sorted_[static_cast<std::size_t>(fill[static_cast<std::size_t>(at(p))]++)] = static_cast<std::int32_t>(p);
    // Words beyond the text's length repeat it (it starts over), so comparing n words decides.
    const std::int64_t depth = std::min<std::int64_t>(kMaxMatch, n);
    const auto before = [&](std::int32_t a, std::int32_t b) {
        for (std::int64_t d = 1; d < depth; ++d) {
            const std::int32_t ta = at(a + d), tb = at(b + d);
            if (ta != tb) return ta < tb;
        }
        return a < b;  // equal as far as measured: by position, so the order is the same everywhere
    };
    for (std::size_t w = 0; w < unigram_.size(); ++w)
        std::sort(sorted_.begin() + start[w], sorted_.begin() + start[w + 1], before);
}

std::pair<std::int64_t, std::int64_t> NgramIndex::narrow(std::int64_t lo, std::int64_t hi, int depth, std::int32_t word) const {
    const auto first = sorted_.begin() + lo, last = sorted_.begin() + hi;
    const auto lower = std::lower_bound(first, last, word, [&](std::int32_t p, std::int32_t w) { return at(p + depth) < w; });
    const auto upper = std::upper_bound(lower, last, word, [&](std::int32_t w, std::int32_t p) { return w < at(p + depth); });
    return {lower - sorted_.begin(), upper - sorted_.begin()};
}

std::int64_t NgramIndex::runEnd(std::int64_t i, std::int64_t hi, int depth, std::int32_t word) const {
    // Doubling steps while the word goes on, then a binary search in the last step.
    std::int64_t step = 1;
    while (i + step < hi && nextWordAt(i + step, depth) == word) step *= 2;
    return narrow(i + step / 2, std::min(hi, i + step), depth, word).second;
}

std::pair<std::int64_t, std::int64_t> NgramIndex::range(const std::int32_t* words, int length) const {
    std::int64_t lo = 0, hi = size();
    for (int d = 0; d < length && lo < hi; ++d) std::tie(lo, hi) = narrow(lo, hi, d, words[d]);
    return {lo, hi};
}

std::int64_t NgramIndex::count(const std::int32_t* words, int length) const {
    if (length <= 0) return size();
    if (length > kMaxMatch || size() == 0) return 0;
    for (int d = 0; d < length; ++d)
        if (words[d] < 0 || words[d] >= vocabularySize()) return 0;
    const auto [lo, hi] = range(words, length);
    return hi - lo;
}

NextCounts NgramIndex::next(const std::int32_t* context, int length) const {
    NextCounts out;
    out.contextLength = length;
    if (size() == 0 || length < 0 || length > kMaxContext) return out;
    if (length == 0) {
        out.contextCount = size();
        for (std::size_t w = 0; w < unigram_.size(); ++w)
            if (unigram_[w] > 0) out.next.push_back({static_cast<std::int32_t>(w), unigram_[w]});
    } else {
        out.contextCount = count(context, length);
        if (out.contextCount == 0) return out;
        const auto [lo, hi] = range(context, length);
        // The positions of one context are sorted by their next word: each run's end found by
        // galloping, so "en" (620 000 times, 20 next words) costs 20 short searches, not 620 000 steps.
        for (std::int64_t i = lo; i < hi;) {
            const std::int32_t w = nextWordAt(i, length);
            const std::int64_t end = runEnd(i, hi, length, w);
            out.next.push_back({w, end - i});
            i = end;
        }
    }
    std::stable_sort(out.next.begin(), out.next.end(), [](const NextWord& a, const NextWord& b) {
        return a.count != b.count ? a.count > b.count : a.word < b.word;
    });
    return out;
}

std::int64_t NgramIndex::followerCount(const std::int32_t* context, int length) const {
    if (size() == 0 || length < 0 || length > kMaxContext) return 0;
    if (length == 0) return std::count_if(unigram_.begin(), unigram_.end(), [](std::int64_t c) { return c > 0; });
    if (count(context, length) == 0) return 0;
    const auto [lo, hi] = range(context, length);
    // The range is sorted by the next word: hop from run to run by binary search.
    std::int64_t runs = 0;
    for (std::int64_t i = lo; i < hi; ++runs) i = runEnd(i, hi, length, nextWordAt(i, length));
    return runs;
}

std::vector<int> NgramIndex::matchLengths(const std::int32_t* seq, int n) const {
    std::vector<int> out(static_cast<std::size_t>(std::max(n, 0)), 0);
    for (int i = 0; i < n; ++i) {
        std::int64_t lo = 0, hi = size();
        int d = 0;
        while (d < kMaxMatch && i + d < n && seq[i + d] >= 0 && seq[i + d] < vocabularySize()) {
            const auto [a, b] = narrow(lo, hi, d, seq[i + d]);
            if (a == b) break;
            lo = a, hi = b, ++d;
        }
        out[static_cast<std::size_t>(i)] = d;
    }
    return out;
}

std::vector<Ngram> NgramIndex::table(int n) const {
    std::vector<Ngram> out;
    if (n < 1 || n > kMaxMatch) return out;
    // Sequences sharing their first n words are next to each other in sorted_.
    for (std::int64_t i = 0; i < size();) {
        const std::int64_t p = sorted_[static_cast<std::size_t>(i)];
        std::int64_t j = i + 1;
        const auto same = [&](std::int64_t q) {
            for (int d = 0; d < n; ++d)
                if (at(p + d) != at(q + d)) return false;
            return true;
        };
        while (j < size() && same(sorted_[static_cast<std::size_t>(j)])) ++j;
        Ngram gram{std::vector<std::int32_t>(static_cast<std::size_t>(n)), j - i};
        for (int d = 0; d < n; ++d) gram.words[static_cast<std::size_t>(d)] = at(p + d);
        out.push_back(std::move(gram));
        i = j;
    }
    std::stable_sort(out.begin(), out.end(), [](const Ngram& a, const Ngram& b) { return a.count > b.count; });
    return out;
}

}  // namespace vaerksted::language
