// data/ngram-da.aing, the default Danish N-gram models, as shipped: it reads, its header's numbers
// fit together and with the tables, and it answers the page's questions. Needs no corpus (the
// CTest ngram_model_is_reproducible remakes it from ../shared when that is there).
#include <chrono>
#include <cmath>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/rng.hpp"
#include "language/ngram_file.hpp"
#include "language/ngram_generator.hpp"
#include "language/ngram_scorer.hpp"

using namespace vaerksted;
using namespace vaerksted::language;

namespace {

std::vector<unsigned char> shippedBytes() {
    std::ifstream file(std::string(VAERKSTED_DATA_DIR) + "/ngram-da.aing", std::ios::binary);
    return std::vector<unsigned char>(std::istreambuf_iterator<char>(file), {});
}

const NgramCounts& shipped() {
    static const NgramCounts model = [] {
        const std::vector<unsigned char> bytes = shippedBytes();
        NgramCounts m;
        const NgramFileProblem p = readNgramFile(bytes.data(), bytes.size(), m);
        EXPECT_TRUE(p.ok()) << ngramFileStatusName(p.status) << " at byte " << p.offset;
        return m;
    }();
    return model;
}

}  // namespace

TEST(NgramShippedModel, ReadsAndItsNumbersFitTogether) {
    const std::vector<unsigned char> bytes = shippedBytes();
    ASSERT_GT(bytes.size(), kNgramFileHeader);
    const auto start = std::chrono::steady_clock::now();
    NgramCounts model;
    ASSERT_TRUE(readNgramFile(bytes.data(), bytes.size(), model).ok());
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(ms, 1000.0);  // ~40 ms natively; the page's worker has 300 ms in wasm
    const NgramTables& t = model.tables();
    EXPECT_FALSE(t.sentenceEnds);
    EXPECT_FALSE(t.description.empty());
    EXPECT_GE(model.vocabularySize(), 10000);
    std::int64_t words = 0;
    for (const std::uint32_t c : t.levels[0].counts) words += c;
    EXPECT_LE(words, model.size());
    EXPECT_GT(static_cast<double>(words) / static_cast<double>(model.size()), 0.9);  // the vocabulary covers most words
    EXPECT_EQ(model.prunedCount(nullptr, 0), model.size() - words);
    for (int n = 1; n <= kNgramOrders; ++n) {
        EXPECT_GT(model.keptNgrams(n), 0) << n;
        for (const std::uint32_t c : t.levels[static_cast<std::size_t>(n - 1)].counts) ASSERT_GE(c, t.minCount[static_cast<std::size_t>(n - 1)]);
    }
    // The 6-gram set: count / range ≈ 2^−r (a little below: values that fell together were stored once).
    const GramSet& set = t.sixGrams;
    EXPECT_GT(set.size(), 100000u);
    EXPECT_LE(set.falsePositiveRate(), std::ldexp(1.0, -set.riceBits()));
    EXPECT_GT(set.falsePositiveRate(), 0.99 * std::ldexp(1.0, -set.riceBits()));
    // The held-out ladder: measured, finite, both ladders with the same words (so N = 1 agrees to
    // the one word "unknown" more in the unpruned vocabulary), bigrams better than single words.
    const NgramHeldOut& h = t.heldOut;
    EXPECT_GT(h.words, 10000);
    EXPECT_LE(h.unknownWordsUnpruned, h.unknownWords);
    EXPECT_EQ(h.discount, NgramScorer::kDiscount);
    EXPECT_NEAR(h.lossPerWord[0], h.lossPerWordUnpruned[0], 1e-3);
    for (int n = 0; n < kNgramOrders; ++n) {
        EXPECT_GT(h.lossPerWord[static_cast<std::size_t>(n)], 1.0);
        EXPECT_LT(h.lossPerWord[static_cast<std::size_t>(n)], std::log(static_cast<double>(model.vocabularySize())) + 1.0);
    }
    EXPECT_LT(h.lossPerWord[1], h.lossPerWord[0]);
    EXPECT_LT(h.lossPerWordUnpruned[1], h.lossPerWordUnpruned[0]);
}

TEST(NgramShippedModel, AnswersThePagesQuestionsInDanish) {
    const NgramCounts& model = shipped();
    const TokenStream& words = model.vocabulary();
    // Frequent Danish words are among the first ids (most frequent first).
    for (const char* w : {"og", "han", "det", "jeg"}) {
        EXPECT_GE(words.find(w), 0) << w;
        EXPECT_LT(words.find(w), 20) << w;
    }
    const EncodedPrompt prompt = encodePrompt("Der var engang", words, TokenSettings{model.tables().sentenceEnds});
    ASSERT_EQ(prompt.ids.size(), 3u);
    const NextDistribution d = nextDistribution(model, prompt.ids.data(), 3, 3, false, SampleSettings{});
    EXPECT_EQ(d.status, SampleStatus::Ok);
    ASSERT_FALSE(d.words.empty());
    double sum = 0;
    for (const double p : d.p) sum += p;
    EXPECT_NEAR(sum, 1.0, 1e-12);
    EXPECT_EQ(d.contextCount + d.prunedCount, model.count(prompt.ids.data() + 1, 2));  // "var engang"
    // A bigram walk writes only kept pairs: each of its 6-grams is in the set exactly when it is in
    // the text (false positives aside).
    Rng rng(1);
    SampleSettings greedy;
    greedy.greedy = true;
    const Generated walk = generate(model, prompt.ids, 2, 40, true, greedy, rng);
    ASSERT_EQ(walk.words.size(), 40u);
    std::vector<std::int32_t> all = prompt.ids;
    all.insert(all.end(), walk.words.begin(), walk.words.end());
    for (std::size_t k = 0; k + 1 < all.size(); ++k) ASSERT_GT(model.count(&all[k], 2), 0) << k;
    // The 5-gram model from "der var engang en ung mand" copies a passage the text has twice
    // (data/README.md's last sample): the whole continuation is one copied stretch.
    const EncodedPrompt man = encodePrompt("der var engang en ung mand", words, TokenSettings{false});
    Rng seeded(1);
    const Generated copied = generate(model, man.ids, 5, 25, false, SampleSettings{}, seeded);
    ASSERT_EQ(copied.words.size(), 25u);
    std::vector<std::int32_t> text = man.ids;
    text.insert(text.end(), copied.words.begin(), copied.words.end());
    const std::vector<int> lengths = model.matchLengths(text.data(), static_cast<int>(text.size()));
    EXPECT_EQ(lengths[0], 31);  // all 6 + 25 words, from the first on
    for (std::size_t i = 0; i + 6 <= text.size(); ++i) EXPECT_GE(lengths[i], 6) << i;
}
