#include "language/ngram_prune.hpp"

#include <algorithm>
#include <limits>

namespace vaerksted::language {

const char* pruneStatusName(PruneStatus status) {
    switch (status) {
        case PruneStatus::Ok: return "ok";
        case PruneStatus::BadMinCounts: return "bad_min_counts";
        case PruneStatus::BadRiceBits: return "bad_rice_bits";
        case PruneStatus::EmptyText: return "empty_text";
        case PruneStatus::TooLarge: return "too_large";
    }
    return "unknown";
}

PruneStatus pruneNgrams(const NgramIndex& index, const std::vector<std::string>& words, bool sentenceEnds,
                        const PruneSettings& settings, PrunedNgrams& out) {
    const auto& minCount = settings.minCount;
    for (int n = 0; n < kNgramOrders; ++n)
        if (minCount[static_cast<std::size_t>(n)] == 0 || (n > 0 && minCount[static_cast<std::size_t>(n)] < minCount[static_cast<std::size_t>(n - 1)]))
            return PruneStatus::BadMinCounts;
    if (settings.riceBits < 0 || settings.riceBits > GramSet::kMaxRiceBits) return PruneStatus::BadRiceBits;
    if (index.size() >= static_cast<std::int64_t>(std::numeric_limits<std::uint32_t>::max()) ||
        static_cast<std::size_t>(index.vocabularySize()) > words.size())
        return PruneStatus::TooLarge;

    PrunedNgrams result;
    NgramTables& t = result.tables;
    t.minCount = minCount;
    t.corpusWords = index.size();
    t.sentenceEnds = sentenceEnds;

    // The vocabulary: most frequent first, equal counts by the words' bytes.
    std::vector<std::int32_t> kept;
    for (std::int32_t w = 0; w < index.vocabularySize(); ++w)
        if (index.count(&w, 1) >= minCount[0]) kept.push_back(w);
    if (kept.empty()) return PruneStatus::EmptyText;
    std::sort(kept.begin(), kept.end(), [&](std::int32_t a, std::int32_t b) {
        const std::int64_t ca = index.count(&a, 1), cb = index.count(&b, 1);
        return ca != cb ? ca > cb : words[static_cast<std::size_t>(a)] < words[static_cast<std::size_t>(b)];
    });
    result.newIds.assign(static_cast<std::size_t>(index.vocabularySize()), -1);
    NgramLevel& unigrams = t.levels[0];
    std::vector<std::int32_t> paths;  // the kept n-grams of the current order in the text's ids, n per n-gram
    for (std::size_t i = 0; i < kept.size(); ++i) {
        const std::int32_t w = kept[i];
        result.newIds[static_cast<std::size_t>(w)] = static_cast<std::int32_t>(i);
        t.words.push_back(words[static_cast<std::size_t>(w)]);
        unigrams.words.push_back(static_cast<std::int32_t>(i));
        unigrams.counts.push_back(static_cast<std::uint32_t>(index.count(&w, 1)));
        paths.push_back(w);
    }

    // Order by order: the followers of each kept n-gram that are counted often enough, by new id.
    for (int n = 1; n < kNgramOrders; ++n) {
        NgramLevel& level = t.levels[static_cast<std::size_t>(n - 1)];
        NgramLevel& children = t.levels[static_cast<std::size_t>(n)];
        const std::uint32_t least = minCount[static_cast<std::size_t>(n)];
        std::vector<std::int32_t> childPaths;
        std::vector<NextWord> found;
        level.firstChild.assign(1, 0);
        for (std::size_t node = 0; node < level.counts.size(); ++node) {
            const std::int32_t* path = paths.data() + node * static_cast<std::size_t>(n);
            found.clear();
            for (const NextWord& w : index.next(path, n).next)
                if (w.count >= least) found.push_back({w.word, w.count});  // a word counted ≥ least is in the vocabulary
            std::sort(found.begin(), found.end(), [&](const NextWord& a, const NextWord& b) {
                return result.newIds[static_cast<std::size_t>(a.word)] < result.newIds[static_cast<std::size_t>(b.word)];
            });
            for (const NextWord& w : found) {
                children.words.push_back(result.newIds[static_cast<std::size_t>(w.word)]);
                children.counts.push_back(static_cast<std::uint32_t>(w.count));
                childPaths.insert(childPaths.end(), path, path + n);
                childPaths.push_back(w.word);
            }
            level.firstChild.push_back(static_cast<std::uint32_t>(children.counts.size()));
        }
        paths = std::move(childPaths);
    }

    // The 6-grams whose five pairs are kept bigrams, in the model's ids (the text starting over).
    const std::vector<std::int32_t>& tokens = index.tokens();
    const std::size_t size = tokens.size();
    const NgramLevel& bigrams = t.levels[1];
    std::vector<char> pairKept(size, 0);  // the pair at p, p + 1
    for (std::size_t p = 0; p < size; ++p) {
        const std::int32_t a = result.newIds[static_cast<std::size_t>(tokens[p])];
        const std::int32_t b = result.newIds[static_cast<std::size_t>(tokens[(p + 1) % size])];
        if (a < 0 || b < 0) continue;
        const auto first = bigrams.words.begin() + unigrams.firstChild[static_cast<std::size_t>(a)];
        const auto last = bigrams.words.begin() + unigrams.firstChild[static_cast<std::size_t>(a) + 1];
        pairKept[p] = std::binary_search(first, last, b);
    }
    std::vector<std::uint64_t> all, inSet;
    all.reserve(size);
    std::int32_t gram[kCopiedWords];
    for (std::size_t p = 0; p < size; ++p) {
        bool allKept = true, allKnown = true;
        for (int d = 0; d < kCopiedWords; ++d) {
            const std::size_t q = (p + static_cast<std::size_t>(d)) % size;
            gram[d] = result.newIds[static_cast<std::size_t>(tokens[q])];
            allKnown = allKnown && gram[d] >= 0;
            if (d < kCopiedWords - 1) allKept = allKept && pairKept[q];
        }
        // Distinct 6-grams of the text, told apart by a 64-bit hash of the text's own ids.
        std::int32_t own[kCopiedWords];
        for (int d = 0; d < kCopiedWords; ++d) own[d] = tokens[(p + static_cast<std::size_t>(d)) % size];
        all.push_back(gramHash(own, kCopiedWords));
        if (allKnown && allKept) inSet.push_back(gramHash(gram, kCopiedWords));
    }
    std::sort(all.begin(), all.end());
    result.sixGramsInText = static_cast<std::uint64_t>(std::unique(all.begin(), all.end()) - all.begin());
    std::sort(inSet.begin(), inSet.end());
    inSet.erase(std::unique(inSet.begin(), inSet.end()), inSet.end());
    result.sixGramsKept = inSet.size();
    t.sixGrams = GramSet::fromHashes(std::move(inSet), settings.riceBits);
    out = std::move(result);
    return PruneStatus::Ok;
}

}  // namespace vaerksted::language
