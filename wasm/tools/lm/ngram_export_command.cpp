// lm ngram-export: a text counted (N = 1…5), pruned and written as a .aing model file, the default
// models' recipe (ngram_prune.hpp says what is kept, ngram_file.hpp how it is stored). The file is
// read back through the page's own reader before it is written, the held-out ladder of the read
// model and of the unpruned counts goes into its header, and the report says what was kept and
// what each part costs in bytes.
#include <array>
#include <cmath>
#include <cstdio>

#include "commands.hpp"
#include "vectors_file.hpp"
#include "common/rng.hpp"
#include "language/ngram_file.hpp"
#include "language/ngram_index.hpp"
#include "language/ngram_prune.hpp"
#include "language/ngram_scorer.hpp"

namespace lm {

using namespace vaerksted::language;

namespace {

// "2" (every order) or "1,2,2,3,3" (orders 1…5), each 1 … 10^9.
bool parseMinCounts(const std::string& text, std::array<std::uint32_t, kNgramOrders>& out) {
    std::vector<long long> values(1, 0);
    bool digits = false;
    for (const char c : text) {
        if (c == ',' && digits) {
            values.push_back(0);
            digits = false;
        } else if (c >= '0' && c <= '9') {
            values.back() = values.back() * 10 + (c - '0');
            if (values.back() > 1'000'000'000) return false;
            digits = true;
        } else {
            return false;
        }
    }
    if (!digits || (values.size() != 1 && values.size() != static_cast<std::size_t>(kNgramOrders))) return false;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const long long x = values[values.size() == 1 ? 0 : i];
        if (x < 1) return false;
        out[i] = static_cast<std::uint32_t>(x);
    }
    return true;
}

// The share of random 6-grams (uniform over the vocabulary, each checked absent from the text)
// that the set takes for its own: the false-positive rate measured instead of computed.
double measuredFalsePositives(const NgramCounts& model, const NgramIndex& index, const std::vector<std::int32_t>& oldIds,
                              int trials) {
    vaerksted::Rng rng(1);
    const auto v = static_cast<std::uint64_t>(model.vocabularySize());
    int tried = 0, hits = 0;
    std::int32_t gram[kCopiedWords], own[kCopiedWords];
    while (tried < trials) {
        for (int d = 0; d < kCopiedWords; ++d) {
            gram[d] = static_cast<std::int32_t>(rng.below(v));
            own[d] = oldIds[static_cast<std::size_t>(gram[d])];
        }
        if (index.count(own, kCopiedWords) > 0) continue;  // in the text: not a test of false positives
        ++tried;
        hits += model.inSixGramSet(gram);
    }
    return static_cast<double>(hits) / static_cast<double>(trials);
}

}  // namespace

int ngramExportCommand(const Options& o) {
    const auto fail = [](const std::string& message) {
        std::fprintf(stderr, "lm ngram-export: %s\n", message.c_str());
        return 2;
    };
    const std::string output = o.text("output");
    if (output.empty()) return fail("needs --output FILE (the .aing model to write)");
    PruneSettings settings;
    if (o.has("min-count") && !parseMinCounts(o.text("min-count"), settings.minCount))
        return fail("--min-count must be one whole number >= 1 or five separated by commas (orders 1-5), not \"" +
                    o.text("min-count") + "\"");
    std::string error;
    long long bits = 10;
    if (!wholeOption(o, "set-bits", 10, 0, GramSet::kMaxRiceBits, bits, error)) return fail(error);
    settings.riceBits = static_cast<int>(bits);
    const bool json = o.has("json");
    const bool sentenceEnds = o.has("sentence-ends");

    Texts texts;
    if (!readTexts(o, true, TokenSettings{sentenceEnds}, texts, error)) return fail(error);
    std::FILE* info = json ? stderr : stdout;
    for (const std::string& note : texts.notes) std::fprintf(info, "%s\n", note.c_str());

    // Count, prune, and read the pruned tables back through the reader the page uses.
    double start = now();
    const std::vector<std::string> textWords = texts.train.words;
    const NgramIndex index(std::move(texts.train.tokens), texts.train.vocabularySize());
    const double countSeconds = secondsSince(start);
    start = now();
    PrunedNgrams pruned;
    const PruneStatus status = pruneNgrams(index, textWords, sentenceEnds, settings, pruned);
    if (status != PruneStatus::Ok) return fail(std::string("cannot prune: ") + pruneStatusName(status));
    NgramTables& tables = pruned.tables;
    tables.description = o.text("description");
    const double pruneSeconds = secondsSince(start);

    // The held-out ladder: the pruned model as the file gives it, and every count of the text.
    start = now();
    NgramCounts model;
    {
        const std::vector<unsigned char> bytes = writeNgramFile(tables);
        const NgramFileProblem p = readNgramFile(bytes.data(), bytes.size(), model);
        if (bytes.empty() || !p.ok())
            return fail(std::string("the pruned model does not read back: ") + ngramFileStatusName(p.status));
    }
    std::vector<std::int32_t> heldOut(texts.heldOut.size());
    NgramHeldOut& held = tables.heldOut;
    held.words = static_cast<std::int64_t>(heldOut.size());
    for (std::size_t i = 0; i < heldOut.size(); ++i) {
        const std::int32_t w = texts.heldOut[i];
        heldOut[i] = w < 0 ? -1 : pruned.newIds[static_cast<std::size_t>(w)];
        held.unknownWords += heldOut[i] < 0;
        held.unknownWordsUnpruned += w < 0;
    }
    held.discount = NgramScorer::kDiscount;
    // The unpruned counts with the same words: every word outside the vocabulary is one word (id V),
    // as the pruned model's scorer treats them (one share for all, ngram_scorer.hpp), so that the two
    // ladders differ only by the n-grams left out.
    const auto V = static_cast<std::int32_t>(model.vocabularySize());
    const auto sameWords = [&](const std::vector<std::int32_t>& ids) {
        std::vector<std::int32_t> out(ids.size());
        for (std::size_t i = 0; i < ids.size(); ++i) {
            const std::int32_t w = ids[i] < 0 ? -1 : pruned.newIds[static_cast<std::size_t>(ids[i])];
            out[i] = w < 0 ? V : w;
        }
        return out;
    };
    const NgramIndex unpruned(sameWords(index.tokens()), V + 1);
    const std::vector<std::int32_t> heldOutSameWords = sameWords(texts.heldOut);
    const NgramScorer prunedScorer(model), wholeScorer(unpruned);
    for (int n = 1; n <= kNgramOrders; ++n) {
        held.lossPerWord[static_cast<std::size_t>(n - 1)] = prunedScorer.score(heldOut, n).lossPerWord;
        held.lossPerWordUnpruned[static_cast<std::size_t>(n - 1)] = wholeScorer.score(heldOutSameWords, n).lossPerWord;
    }
    const double scoreSeconds = secondsSince(start);

    // The file, checked once more as it will be shipped.
    std::array<std::uint64_t, kNgramFileBlocks> blocks{};
    const std::vector<unsigned char> bytes = writeNgramFile(tables, &blocks);
    NgramCounts shipped;
    const NgramFileProblem reread = readNgramFile(bytes.data(), bytes.size(), shipped);
    if (bytes.empty() || !reread.ok()) return fail(std::string("the file does not read back: ") + ngramFileStatusName(reread.status));
    if (!w2v::writeFile(output, bytes, error)) return fail(error);
    const std::size_t gzipped = gzipSize(bytes);

    std::vector<std::int32_t> oldIds(static_cast<std::size_t>(model.vocabularySize()));
    for (std::size_t w = 0; w < pruned.newIds.size(); ++w)
        if (pruned.newIds[w] >= 0) oldIds[static_cast<std::size_t>(pruned.newIds[w])] = static_cast<std::int32_t>(w);
    constexpr int kTrials = 1'000'000;
    const double measured = measuredFalsePositives(shipped, index, oldIds, kTrials);
    const GramSet& set = shipped.tables().sixGrams;
    std::int64_t covered = 0;
    for (const std::uint32_t c : tables.levels[0].counts) covered += c;

    if (json) {
        std::string kept, minCount, lossP, lossW, blockList;
        for (int n = 1; n <= kNgramOrders; ++n) {
            const char* sep = n > 1 ? ", " : "";
            kept += sep + std::to_string(shipped.keptNgrams(n));
            minCount += sep + std::to_string(tables.minCount[static_cast<std::size_t>(n - 1)]);
            lossP += sep + jsonNumber(held.lossPerWord[static_cast<std::size_t>(n - 1)]);
            lossW += sep + jsonNumber(held.lossPerWordUnpruned[static_cast<std::size_t>(n - 1)]);
        }
        for (std::size_t b = 0; b < blocks.size(); ++b) blockList += (b ? ", " : "") + std::to_string(blocks[b]);
        std::printf("{\"corpusWords\": %lld, \"textVocabulary\": %d, \"vocabulary\": %d, \"coveredWords\": %lld, "
                    "\"minCount\": [%s], \"kept\": [%s], \"blockBytes\": [%s], \"bytes\": %zu, \"gzipBytes\": %zu, "
                    "\"sixGrams\": {\"distinctInText\": %llu, \"kept\": %llu, \"stored\": %llu, \"riceBits\": %d, \"range\": %llu, "
                    "\"falsePositiveRate\": %s, \"measuredFalsePositiveRate\": %s, \"trials\": %d}, "
                    "\"heldOut\": {\"words\": %lld, \"unknownWords\": %lld, \"unknownWordsUnpruned\": %lld, \"discount\": %s, "
                    "\"lossPerWord\": [%s], \"lossPerWordUnpruned\": [%s]}}\n",
                    static_cast<long long>(tables.corpusWords), index.vocabularySize(), shipped.vocabularySize(),
                    static_cast<long long>(covered), minCount.c_str(), kept.c_str(), blockList.c_str(), bytes.size(), gzipped,
                    static_cast<unsigned long long>(pruned.sixGramsInText), static_cast<unsigned long long>(pruned.sixGramsKept),
                    static_cast<unsigned long long>(set.size()), set.riceBits(), static_cast<unsigned long long>(set.range()),
                    jsonNumber(set.falsePositiveRate()).c_str(), jsonNumber(measured).c_str(), kTrials,
                    static_cast<long long>(held.words), static_cast<long long>(held.unknownWords),
                    static_cast<long long>(held.unknownWordsUnpruned), jsonNumber(held.discount).c_str(), lossP.c_str(), lossW.c_str());
    } else {
        std::printf("vocabulary: %s of the text's %s words (counted >= %u times), covering %.2f %% of its %s words\n",
                    withThousands(shipped.vocabularySize()).c_str(), withThousands(index.vocabularySize()).c_str(), tables.minCount[0],
                    100.0 * static_cast<double>(covered) / static_cast<double>(tables.corpusWords), withThousands(tables.corpusWords).c_str());
        std::printf("%5s  %9s  %12s  %12s  %12s  %12s\n", "order", "min count", "kept", "followers B", "words B", "counts B");
        std::printf("%5d  %9u  %12s  %12s  %12s  %12s\n", 1, tables.minCount[0], withThousands(shipped.keptNgrams(1)).c_str(), "-",
                    withThousands(static_cast<long long>(blocks[1])).c_str(), withThousands(static_cast<long long>(blocks[2])).c_str());
        for (int n = 2; n <= kNgramOrders; ++n) {
            const std::size_t b = static_cast<std::size_t>(3 + 3 * (n - 2));
            std::printf("%5d  %9u  %12s  %12s  %12s  %12s\n", n, tables.minCount[static_cast<std::size_t>(n - 1)],
                        withThousands(shipped.keptNgrams(n)).c_str(), withThousands(static_cast<long long>(blocks[b])).c_str(),
                        withThousands(static_cast<long long>(blocks[b + 1])).c_str(), withThousands(static_cast<long long>(blocks[b + 2])).c_str());
        }
        std::printf("6-gram set: %s values of the text's %s distinct 6-grams (%s have all five word pairs kept), "
                    "%d Rice bits, %s bytes\n",
                    withThousands(static_cast<long long>(set.size())).c_str(), withThousands(static_cast<long long>(pruned.sixGramsInText)).c_str(),
                    withThousands(static_cast<long long>(pruned.sixGramsKept)).c_str(), set.riceBits(),
                    withThousands(static_cast<long long>(blocks[15])).c_str());
        std::printf("false positives: %.4f %% (values / range), measured %.4f %% on %s random 6-grams not in the text\n",
                    100.0 * set.falsePositiveRate(), 100.0 * measured, withThousands(kTrials).c_str());
        std::printf("file: %s bytes, %s gzipped (level 9); header %zu, description %s, words %s\n", withThousands(static_cast<long long>(bytes.size())).c_str(),
                    withThousands(static_cast<long long>(gzipped)).c_str(), kNgramFileHeader,
                    withThousands(static_cast<long long>(blocks[0])).c_str(), withThousands(static_cast<long long>(blocks[1])).c_str());
        std::printf("held-out: %s words, %s outside the vocabulary (%s outside the whole text); the words outside the\n"
                    "vocabulary are one word for both models (its share: the text's words outside it, smoothed)\n",
                    withThousands(held.words).c_str(), withThousands(held.unknownWords).c_str(), withThousands(held.unknownWordsUnpruned).c_str());
        std::printf("%2s  %12s  %12s  %12s  %12s\n", "N", "loss pruned", "perplexity", "unpruned", "perplexity");
        for (int n = 1; n <= kNgramOrders; ++n) {
            const double a = held.lossPerWord[static_cast<std::size_t>(n - 1)], b = held.lossPerWordUnpruned[static_cast<std::size_t>(n - 1)];
            std::printf("%2d  %12.4f  %12.2f  %12.4f  %12.2f\n", n, a, std::exp(a), b, std::exp(b));
        }
        std::printf("wrote %s\n", output.c_str());
    }
    std::fprintf(stderr, "time: reading %.1f s, counting %.1f s, pruning %.1f s, scoring %.1f s\n", texts.seconds, countSeconds,
                 pruneSeconds, scoreSeconds);
    return 0;
}

}  // namespace lm
