// The pruned N-gram model (NgramCounts), its 6-gram set and its file (.aing): counts and
// probabilities on the note's four sentences pruned by hand, pruning at 1 against the index it
// comes from, the round trip write → read, and damaged files answered with a status.
//
// The note's text, 25 words (the text starts over after its last word, as the counts do):
//   en hund løber efter en kat | løber en hund efter en kat | en kat løber ikke efter en hund |
//   efter en kat løber en hund
// counted by hand, position by position:
//   words     en 8, efter 4, hund 4, kat 4, løber 4, ikke 1
//   bigrams   en hund 4, en kat 4, efter en 4, kat løber 3, hund efter 2, løber en 2; once: hund
//             løber, løber efter, kat en, løber ikke, ikke efter, hund en (across the end)
//   trigrams  ≥ 2: efter en kat 3, en kat løber 3, kat løber en 2, løber en hund 2, en hund efter 2,
//             hund efter en 2 (11 more once)
//   4-grams   ≥ 2: efter en kat løber, en kat løber en, kat løber en hund, en hund efter en,
//             hund efter en kat (2 each)
//   5-grams   ≥ 2: efter en kat løber en, en kat løber en hund, en hund efter en kat (2 each)
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/rng.hpp"
#include "language/gram_set.hpp"
#include "language/ngram_counts.hpp"
#include "language/ngram_file.hpp"
#include "language/ngram_generator.hpp"
#include "language/ngram_index.hpp"
#include "language/ngram_prune.hpp"
#include "language/ngram_scorer.hpp"
#include "language/token_stream.hpp"
#include "note_text.hpp"

using namespace vaerksted;
using namespace vaerksted::language;
using vaerksted::testing::kNoteText;

namespace {


PruneSettings minimum(std::uint32_t m, int riceBits = 20) {
    PruneSettings s;
    s.minCount = {m, m, m, m, m};
    s.riceBits = riceBits;  // 2^−20: no false positive in these small sets (the hashes are fixed, so it is checked once)
    return s;
}

struct Pruned {
    TokenStream text;
    NgramIndex index;
    PrunedNgrams pruned;
    NgramCounts model;

    Pruned(const TokenStream& t, const PruneSettings& settings) : text(t), index(t.tokens, t.vocabularySize()) {
        EXPECT_EQ(pruneNgrams(index, text.words, false, settings, pruned), PruneStatus::Ok);
        model = NgramCounts(pruned.tables);
    }
    // A sequence in the model's ids (−1 for a word it does not have).
    std::vector<std::int32_t> ids(std::initializer_list<const char*> words) const {
        std::vector<std::int32_t> out;
        for (const char* w : words) out.push_back(model.vocabulary().find(w));
        return out;
    }
    std::int64_t count(std::initializer_list<const char*> words) const {
        const auto seq = ids(words);
        return model.count(seq.data(), static_cast<int>(seq.size()));
    }
};

Pruned note(std::uint32_t m = 2) { return Pruned(tokenise(kNoteText, TokenSettings{false}), minimum(m)); }

std::vector<std::string> wordsOf(const Pruned& p, const std::vector<NextWord>& next) {
    std::vector<std::string> out;
    for (const NextWord& w : next) out.push_back(p.model.vocabulary().words[static_cast<std::size_t>(w.word)] + " " + std::to_string(w.count));
    return out;
}

}  // namespace

TEST(NgramCounts, TheNotePrunedAtTwoKeepsWhatWasCountedTwice) {
    const Pruned p = note();
    // Most frequent first, equal counts in byte order; "ikke" (once) left out.
    EXPECT_EQ(p.model.vocabulary().words, (std::vector<std::string>{"en", "efter", "hund", "kat", "løber"}));
    EXPECT_EQ(p.model.size(), 25);
    EXPECT_EQ(p.model.keptNgrams(1), 5);
    EXPECT_EQ(p.model.keptNgrams(2), 6);
    EXPECT_EQ(p.model.keptNgrams(3), 6);
    EXPECT_EQ(p.model.keptNgrams(4), 5);
    EXPECT_EQ(p.model.keptNgrams(5), 3);
    EXPECT_EQ(p.count({"en"}), 8);
    EXPECT_EQ(p.count({"ikke"}), 0);
    EXPECT_EQ(p.count({"kat", "løber"}), 3);
    EXPECT_EQ(p.count({"kat", "en"}), 0);  // once: pruned
    EXPECT_EQ(p.count({"en", "kat", "løber"}), 3);
    EXPECT_EQ(p.count({"en", "hund", "efter", "en", "kat"}), 2);
    EXPECT_EQ(p.count({"hund", "efter", "en", "kat", "en"}), 0);  // once
    const std::vector<std::int32_t> none;
    EXPECT_EQ(p.model.count(none.data(), 0), 25);
}

TEST(NgramCounts, FollowersAreTheKeptOnesAndTheRestIsPrunedCount) {
    const Pruned p = note();
    const auto loeber = p.ids({"løber"});
    // løber en 2 kept; løber efter 1 and løber ikke 1 pruned
    NextCounts n = p.model.next(loeber.data(), 1);
    EXPECT_EQ(wordsOf(p, n.next), (std::vector<std::string>{"en 2"}));
    EXPECT_EQ(n.contextCount, 2);
    EXPECT_EQ(n.prunedCount, 2);
    EXPECT_EQ(p.model.followerCount(loeber.data(), 1), 1);
    // en: hund 4 and kat 4, both kept, equal counts by id (hund before kat)
    const auto en = p.ids({"en"});
    n = p.model.next(en.data(), 1);
    EXPECT_EQ(wordsOf(p, n.next), (std::vector<std::string>{"hund 4", "kat 4"}));
    EXPECT_EQ(n.contextCount, 8);
    EXPECT_EQ(n.prunedCount, 0);
    // efter en: kat 3 kept, hund 1 pruned
    const auto efterEn = p.ids({"efter", "en"});
    n = p.model.next(efterEn.data(), 2);
    EXPECT_EQ(wordsOf(p, n.next), (std::vector<std::string>{"kat 3"}));
    EXPECT_EQ(n.prunedCount, 1);
    // The empty context: every kept word, 24 of the 25 words ("ikke" pruned).
    n = p.model.next(nullptr, 0);
    EXPECT_EQ(wordsOf(p, n.next), (std::vector<std::string>{"en 8", "efter 4", "hund 4", "kat 4", "løber 4"}));
    EXPECT_EQ(n.contextCount, 24);
    EXPECT_EQ(n.prunedCount, 1);
    // A context that was pruned or never seen has nothing, not even a pruned count.
    const auto katEn = p.ids({"kat", "en"});
    n = p.model.next(katEn.data(), 2);
    EXPECT_EQ(n.contextCount, 0);
    EXPECT_EQ(n.prunedCount, 0);
    EXPECT_TRUE(n.next.empty());
    EXPECT_EQ(p.model.prunedCount(katEn.data(), 2), 0);
    // A kept 4-gram whose only follower was counted once: seen, but nothing is left to draw.
    const auto lastFour = p.ids({"kat", "løber", "en", "hund"});
    n = p.model.next(lastFour.data(), 4);
    EXPECT_EQ(n.contextCount, 0);
    EXPECT_EQ(n.prunedCount, 2);  // kat løber en hund efter 1, … hund en 1
    const auto unknown = std::vector<std::int32_t>{-1, 7};
    EXPECT_EQ(p.model.next(unknown.data(), 1).contextCount, 0);
    EXPECT_EQ(p.model.next(unknown.data(), 5).contextCount, 0);  // N ≤ 5
}

TEST(NgramCounts, ProbabilitiesAreRenormalisedOverTheKeptFollowers) {
    const Pruned p = note();
    SampleSettings plain;
    const auto loeber = p.ids({"løber"});
    // count(løber en) / Σ kept = 2/2, where the whole text gives 2/4.
    NextDistribution d = nextDistribution(p.model, loeber.data(), 1, 2, false, plain);
    ASSERT_EQ(d.p.size(), 1u);
    EXPECT_EQ(d.p[0], 1.0);
    EXPECT_EQ(d.contextCount, 2);
    EXPECT_EQ(d.prunedCount, 2);
    const auto whole = p.index.next(std::vector<std::int32_t>{p.text.find("løber")}.data(), 1);
    EXPECT_EQ(whole.contextCount, 4);
    // The unigram model: en 8/24, the others 4/24.
    d = nextDistribution(p.model, nullptr, 0, 1, false, plain);
    ASSERT_EQ(d.p.size(), 5u);
    EXPECT_DOUBLE_EQ(d.p[0], 8.0 / 24.0);
    EXPECT_DOUBLE_EQ(d.p[4], 4.0 / 24.0);
    EXPECT_EQ(d.prunedCount, 1);
}

TEST(NgramCounts, TheScorerPassesThePrunedMassToTheOrderBelow) {
    const Pruned p = note();
    const NgramScorer scorer(p.model);
    // N = 25, V = 5, R(∅) = 1 ("ikke"): P₀(en) = 9/31, P₀(unknown) = (1 + 1)/31.
    EXPECT_DOUBLE_EQ(scorer.probability(nullptr, 0, p.model.vocabulary().find("en")), 9.0 / 31.0);
    EXPECT_DOUBLE_EQ(scorer.probability(nullptr, 0, -1), 2.0 / 31.0);
    // After "løber" (4 times in the text, 1 kept follower, 2 occurrences pruned):
    // (2 − 0,75)/4 + (0,75·1 + 2)/4 · 9/31 = 5/16 + 99/496 = 127/248
    const auto loeber = p.ids({"løber"});
    EXPECT_DOUBLE_EQ(scorer.probability(loeber.data(), 1, p.model.vocabulary().find("en")), 127.0 / 248.0);
    // Every order sums to 1 over the words and "unknown", pruned contexts included.
    const std::vector<std::vector<std::int32_t>> contexts{
        {}, loeber, p.ids({"en"}), p.ids({"efter", "en"}), p.ids({"kat", "løber", "en", "hund"}), p.ids({"kat", "en"})};
    for (const auto& c : contexts) {
        double sum = scorer.probability(c.data(), static_cast<int>(c.size()), -1);
        for (std::int32_t w = 0; w < p.model.vocabularySize(); ++w) sum += scorer.probability(c.data(), static_cast<int>(c.size()), w);
        EXPECT_NEAR(sum, 1.0, 1e-12) << c.size();
    }
}

TEST(NgramCounts, GenerationRunsOnThePrunedModel) {
    const Pruned p = note();
    SampleSettings greedy;
    greedy.greedy = true;
    Rng rng(1);
    // Bigrams from "en": hund (4, ties with kat: lower id), efter (the only kept one), en, …
    const Generated g = generate(p.model, p.ids({"en"}), 2, 6, false, greedy, rng);
    std::vector<std::string> words;
    for (const auto w : g.words) words.push_back(p.model.vocabulary().words[static_cast<std::size_t>(w)]);
    EXPECT_EQ(words, (std::vector<std::string>{"hund", "efter", "en", "hund", "efter", "en"}));
    // 5-grams from "kat løber en hund": seen twice, but its followers were pruned, so the text ends …
    const auto start = p.ids({"kat", "løber", "en", "hund"});
    const Generated ends = generate(p.model, start, 5, 3, false, greedy, rng);
    EXPECT_EQ(ends.end, GenerationEnd::UnseenContext);
    EXPECT_TRUE(ends.words.empty());
    // … unless back-off shortens it: "løber en hund" has none kept either, "en hund" has efter.
    const Generated backedOff = generate(p.model, start, 5, 1, true, greedy, rng);
    ASSERT_EQ(backedOff.words.size(), 1u);
    EXPECT_EQ(backedOff.contextLengths[0], 2);
    EXPECT_EQ(backedOff.words[0], p.model.vocabulary().find("efter"));
}

TEST(NgramCounts, SixGramsInTheSetAreCopiedStretches) {
    const Pruned p = note();
    // "efter en kat løber en hund" (positions 4–9) and "en kat løber en hund efter" (5–10) are in
    // the text with all their pairs kept: one stretch of 7 from "efter".
    const auto seven = p.ids({"efter", "en", "kat", "løber", "en", "hund", "efter"});
    EXPECT_TRUE(p.model.inSixGramSet(seven.data()));
    EXPECT_TRUE(p.model.inSixGramSet(seven.data() + 1));
    const std::vector<int> lengths = p.model.matchLengths(seven.data(), 7);
    EXPECT_EQ(lengths[0], 7);
    EXPECT_EQ(lengths[1], 6);
    // From the third word on no 6 words are left: the longest kept n-gram (kat løber en hund 4).
    EXPECT_EQ(lengths[2], 4);
    // The index of the whole text agrees on the stretch.
    std::vector<std::int32_t> own;
    for (const auto w : seven) own.push_back(p.text.find(p.model.vocabulary().words[static_cast<std::size_t>(w)]));
    EXPECT_EQ(p.index.matchLengths(own.data(), 7)[0], 7);
}

TEST(NgramCounts, AbsentSixGramsAreNotCopied) {
    const Pruned p = note();
    // Every pair of "en hund efter en hund efter" is kept, but "en hund efter en hund" is nowhere
    // in the text ("en hund efter en" is followed by "kat" both times): not in the set.
    const auto absent = p.ids({"en", "hund", "efter", "en", "hund", "efter"});
    EXPECT_FALSE(p.model.inSixGramSet(absent.data()));
    // Below 6: the longest kept n-gram from each word (en hund efter en; hund efter en; efter en;
    // en hund efter; hund efter; efter), by hand from the lists at the top.
    EXPECT_EQ(p.model.matchLengths(absent.data(), 6), (std::vector<int>{4, 3, 2, 3, 2, 1}));
    // "kat en kat løber ikke efter" is in the text, but with "kat en" (once) and "ikke" pruned the
    // models N = 2…5 cannot write it, and the set leaves it out; the whole index finds it.
    std::vector<std::int32_t> own;
    for (const char* w : {"kat", "en", "kat", "løber", "ikke", "efter"}) own.push_back(p.text.find(w));
    EXPECT_EQ(p.index.matchLengths(own.data(), 6)[0], 6);
    const auto inModel = p.ids({"kat", "en", "kat", "løber", "ikke", "efter"});
    EXPECT_LT(p.model.matchLengths(inModel.data(), 6)[0], 6);
    EXPECT_EQ(p.pruned.sixGramsInText, 24u);  // 25 positions; "efter en kat løber en hund" starts two
}

TEST(NgramCounts, PrunedAtOneItIsTheIndex) {
    // A random text: every answer of the model pruned at 1 equals the index's (in its own ids).
    Rng rng(3);
    TokenStream text;
    for (int w = 0; w < 7; ++w) {
        text.words.push_back("w" + std::to_string(w));
        text.ids.emplace(text.words.back(), w);
    }
    for (int i = 0; i < 400; ++i) text.tokens.push_back(static_cast<std::int32_t>(rng.below(rng.uniform() < 0.5 ? 3 : 7)));
    const Pruned p(text, minimum(1));
    const auto& to = p.pruned.newIds;
    ASSERT_EQ(p.model.vocabularySize(), 7);
    const NgramScorer mine(p.model), theirs(p.index);
    for (int trial = 0; trial < 300; ++trial) {
        const int length = static_cast<int>(rng.below(5));
        std::vector<std::int32_t> own(static_cast<std::size_t>(length) + 1), ids(own.size());
        for (std::size_t i = 0; i < own.size(); ++i) ids[i] = to[static_cast<std::size_t>(own[i] = static_cast<std::int32_t>(rng.below(7)))];
        EXPECT_EQ(p.model.count(ids.data(), length + 1), p.index.count(own.data(), length + 1));
        const NextCounts a = p.model.next(ids.data(), length), b = p.index.next(own.data(), length);
        EXPECT_EQ(a.contextCount, b.contextCount);
        EXPECT_EQ(a.prunedCount, 0);
        ASSERT_EQ(a.next.size(), b.next.size());
        for (std::size_t k = 0; k < a.next.size(); ++k) EXPECT_EQ(a.next[k].count, b.next[k].count);
        EXPECT_EQ(p.model.followerCount(ids.data(), length), p.index.followerCount(own.data(), length));
        EXPECT_EQ(mine.probability(ids.data(), length, ids.back()), theirs.probability(own.data(), length, own.back()));
    }
    // Stretches of the text itself are found, as long as the index finds them (≥ 6).
    for (int trial = 0; trial < 50; ++trial) {
        const std::size_t from = static_cast<std::size_t>(rng.below(390));
        std::vector<std::int32_t> own(p.index.tokens().begin() + static_cast<std::ptrdiff_t>(from),
                                      p.index.tokens().begin() + static_cast<std::ptrdiff_t>(from + 10));
        std::vector<std::int32_t> ids;
        for (const auto w : own) ids.push_back(to[static_cast<std::size_t>(w)]);
        EXPECT_GE(p.model.matchLengths(ids.data(), 10)[0], 6);
        EXPECT_EQ(p.index.matchLengths(own.data(), 10)[0], 10);
    }
}

TEST(NgramCounts, TheTableIsMostFrequentFirst) {
    const Pruned p = note();
    const std::vector<Ngram> three = p.model.table(3);
    ASSERT_EQ(three.size(), 6u);
    // The two counted 3 times, then the four counted twice, each in the order of their ids
    // (en = 0, efter = 1, hund = 2, kat = 3, løber = 4): en kat løber (0 3 4) before efter en kat (1 0 3).
    std::vector<std::string> seen;
    for (const Ngram& g : three) {
        std::string s;
        for (const auto w : g.words) s += p.model.vocabulary().words[static_cast<std::size_t>(w)] + " ";
        seen.push_back(s + std::to_string(g.count));
    }
    EXPECT_EQ(seen, (std::vector<std::string>{"en kat løber 3", "efter en kat 3", "en hund efter 2", "hund efter en 2",
                                              "kat løber en 2", "løber en hund 2"}));
    EXPECT_EQ(p.model.table(3, 2).size(), 2u);
    EXPECT_TRUE(p.model.table(6).empty());
}

TEST(NgramPrune, RefusesSettingsItCannotKeep) {
    const TokenStream text = tokenise(kNoteText, TokenSettings{false});
    const NgramIndex index(text.tokens, text.vocabularySize());
    PrunedNgrams out;
    PruneSettings s = minimum(2);
    s.minCount = {2, 2, 1, 2, 2};  // falling
    EXPECT_EQ(pruneNgrams(index, text.words, false, s, out), PruneStatus::BadMinCounts);
    s.minCount = {0, 2, 2, 2, 2};
    EXPECT_EQ(pruneNgrams(index, text.words, false, s, out), PruneStatus::BadMinCounts);
    s = minimum(2, 33);
    EXPECT_EQ(pruneNgrams(index, text.words, false, s, out), PruneStatus::BadRiceBits);
    EXPECT_EQ(pruneNgrams(index, text.words, false, minimum(9), out), PruneStatus::EmptyText);  // no word 9 times
    EXPECT_STREQ(pruneStatusName(PruneStatus::TooLarge), "too_large");
}

// ── The 6-gram set ────────────────────────────────────────────────────────────────────────────

TEST(GramSet, CodesOfThreeValuesByHand) {
    // Hashes 5, 9, 30 with r = 2: range 3·4 = 12, values 5, 9, 6 → sorted 5, 6, 9, differences
    // 5, 1, 3. Codes: 5 = q 1, low 01 → 1 0 | 1 0; 1 = q 0 → 0 | 1 0; 3 → 0 | 1 1.
    // Bits 1010 010 011 from the lowest: byte 0 = 00100101 = 0x25, byte 1 = 00000011 = 0x03.
    const GramSet set = GramSet::fromHashes({30, 5, 9, 5}, 2);
    EXPECT_EQ(set.size(), 3u);
    EXPECT_EQ(set.range(), 12u);
    EXPECT_EQ(set.codes(), (std::vector<unsigned char>{0x25, 0x03}));
    EXPECT_TRUE(set.contains(5));
    EXPECT_TRUE(set.contains(30));
    EXPECT_TRUE(set.contains(17));  // 17 mod 12 = 5: a false positive, as the rate 3/12 allows
    EXPECT_FALSE(set.contains(7));
    EXPECT_DOUBLE_EQ(set.falsePositiveRate(), 0.25);
    GramSet back;
    std::size_t bad = 0;
    ASSERT_TRUE(GramSet::decode(set.codes().data(), 2, 3, 2, 12, back, bad));
    EXPECT_TRUE(back.contains(9));
    // The same bytes are not 4 codes, nor 3 codes below a range of 9, nor 3 codes with a padding bit set.
    EXPECT_FALSE(GramSet::decode(set.codes().data(), 2, 4, 2, 12, back, bad));
    EXPECT_FALSE(GramSet::decode(set.codes().data(), 2, 3, 2, 9, back, bad));
    const unsigned char padded[2] = {0x25, 0x07};
    EXPECT_FALSE(GramSet::decode(padded, 2, 3, 2, 12, back, bad));
    EXPECT_EQ(bad, 1u);
}

TEST(GramSet, TheHashIsTheDocumentedOne) {
    // python3: h = 0x9E3779B97F4A7C15; for w in ids: h = mix(h ^ w) with SplitMix64's finaliser
    // (the three lines in gram_set.hpp), 64-bit: 0x896725c1507c4f03 for 0 1 2 3 4 5.
    const std::int32_t ids[6] = {0, 1, 2, 3, 4, 5}, back[6] = {5, 4, 3, 2, 1, 0}, unknown[1] = {-1};
    EXPECT_EQ(gramHash(ids, 6), 0x896725c1507c4f03ull);
    EXPECT_EQ(gramHash(back, 6), 0x66238ab5b3a9e364ull);
    EXPECT_EQ(gramHash(unknown, 1), 0xadef16ce72f93470ull);
}

TEST(GramSet, FalsePositivesComeAtTheDocumentedRate) {
    Rng rng(11);
    std::vector<std::uint64_t> hashes(4000);
    for (auto& h : hashes) h = rng.nextU64();
    const GramSet set = GramSet::fromHashes(hashes, 6);
    for (const auto h : hashes) ASSERT_TRUE(set.contains(h));
    int hits = 0;
    const int trials = 200000;
    for (int i = 0; i < trials; ++i) hits += set.contains(rng.nextU64());
    // count/range = 1/64 ≈ 1.56 %: 3125 expected, standard deviation ≈ 55.
    EXPECT_NEAR(set.falsePositiveRate(), 1.0 / 64.0, 1e-4);
    EXPECT_NEAR(hits, 3125, 300);
}

// ── The file ──────────────────────────────────────────────────────────────────────────────────

namespace {

NgramTables noteTables() {
    NgramTables t = note().pruned.tables;
    t.description = "Notens fire sætninger, beskåret ved 2";
    t.heldOut.words = 12;
    t.heldOut.unknownWords = 2;
    t.heldOut.unknownWordsUnpruned = 1;
    t.heldOut.lossPerWord = {1.5, 1.25, 1.125, 1.0625, 1.03125};
    t.heldOut.lossPerWordUnpruned = {1.5, 1.2, 1.1, 1.05, 1.0};
    return t;
}

NgramFileProblem parse(const std::vector<unsigned char>& bytes) {
    NgramCounts model;
    return readNgramFile(bytes.data(), bytes.size(), model);
}

// The file with block b's bytes replaced (and its length in the header).
std::vector<unsigned char> replaceBlock(const std::vector<unsigned char>& bytes, int b, const std::vector<unsigned char>& content);

// The offset of block b (0 … 15) in a written file.
std::size_t blockStart(const std::vector<unsigned char>& bytes, int b) {
    std::size_t at = kNgramFileHeader;
    for (int i = 0; i < b; ++i) {
        std::uint64_t length = 0;
        for (int k = 0; k < 8; ++k) length |= static_cast<std::uint64_t>(bytes[224 + 8 * static_cast<std::size_t>(i) + static_cast<std::size_t>(k)]) << (8 * k);
        at += static_cast<std::size_t>(length);
    }
    return at;
}

std::vector<unsigned char> replaceBlock(const std::vector<unsigned char>& bytes, int b, const std::vector<unsigned char>& content) {
    const std::size_t start = blockStart(bytes, b), end = blockStart(bytes, b + 1);
    std::vector<unsigned char> out(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(start));
    out.insert(out.end(), content.begin(), content.end());
    out.insert(out.end(), bytes.begin() + static_cast<std::ptrdiff_t>(end), bytes.end());
    for (int k = 0; k < 8; ++k) out[224 + 8 * static_cast<std::size_t>(b) + static_cast<std::size_t>(k)] = static_cast<unsigned char>(static_cast<std::uint64_t>(content.size()) >> (8 * k));
    return out;
}

}  // namespace

TEST(NgramFile, WhatIsWrittenReadsBackTheSame) {
    const NgramTables t = noteTables();
    std::array<std::uint64_t, kNgramFileBlocks> blocks{};
    const std::vector<unsigned char> bytes = writeNgramFile(t, &blocks);
    ASSERT_FALSE(bytes.empty());
    EXPECT_EQ(std::memcmp(bytes.data(), "AINGRAM\0", 8), 0);
    std::uint64_t total = kNgramFileHeader;
    for (const auto b : blocks) total += b;
    EXPECT_EQ(total, bytes.size());
    EXPECT_EQ(blocks[1], std::string("en\nefter\nhund\nkat\nløber\n").size());
    NgramCounts model;
    const NgramFileProblem p = readNgramFile(bytes.data(), bytes.size(), model);
    ASSERT_TRUE(p.ok()) << ngramFileStatusName(p.status) << " at " << p.offset;
    const NgramTables& r = model.tables();
    EXPECT_EQ(r.words, t.words);
    for (int n = 0; n < kNgramOrders; ++n) {
        EXPECT_EQ(r.levels[static_cast<std::size_t>(n)].words, t.levels[static_cast<std::size_t>(n)].words) << n;
        EXPECT_EQ(r.levels[static_cast<std::size_t>(n)].counts, t.levels[static_cast<std::size_t>(n)].counts) << n;
        EXPECT_EQ(r.levels[static_cast<std::size_t>(n)].firstChild, t.levels[static_cast<std::size_t>(n)].firstChild) << n;
    }
    EXPECT_EQ(r.minCount, t.minCount);
    EXPECT_EQ(r.corpusWords, 25);
    EXPECT_EQ(r.description, t.description);
    EXPECT_EQ(r.heldOut.lossPerWord, t.heldOut.lossPerWord);
    EXPECT_EQ(r.heldOut.lossPerWordUnpruned, t.heldOut.lossPerWordUnpruned);
    EXPECT_EQ(r.heldOut.unknownWords, 2);
    EXPECT_EQ(r.sixGrams.codes(), t.sixGrams.codes());
    EXPECT_EQ(r.sixGrams.range(), t.sixGrams.range());
    EXPECT_EQ(writeNgramFile(r), bytes);  // and again the same bytes
    // The read model answers as the one it was written from.
    const auto seven = note().ids({"efter", "en", "kat", "løber", "en", "hund", "efter"});
    EXPECT_EQ(model.matchLengths(seven.data(), 7)[0], 7);
}

TEST(NgramFile, DamagedFilesGiveAStatusAndAPlace) {
    const std::vector<unsigned char> good = writeNgramFile(noteTables());
    ASSERT_TRUE(parse(good).ok());
    EXPECT_EQ(parse({}).status, NgramFileStatus::Empty);
    // Cut short anywhere: truncated (the header's block lengths reach past the end).
    for (std::size_t n = 1; n < good.size(); ++n) {
        const NgramFileProblem p = parse(std::vector<unsigned char>(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(n)));
        ASSERT_EQ(p.status, NgramFileStatus::Truncated) << n;
        EXPECT_LE(p.offset, static_cast<long long>(n));
    }
    auto damaged = [&](std::size_t at, unsigned char value) {
        std::vector<unsigned char> b = good;
        b[at] = value;
        return parse(b);
    };
    EXPECT_EQ(damaged(0, 'B').status, NgramFileStatus::BadMagic);
    EXPECT_EQ(damaged(8, 2).status, NgramFileStatus::BadVersion);
    EXPECT_EQ(damaged(12, 2).status, NgramFileStatus::BadHeader);   // an unknown flag
    EXPECT_EQ(damaged(16, 4).status, NgramFileStatus::BadHeader);   // 4 orders
    EXPECT_EQ(damaged(36, 1).status, NgramFileStatus::BadHeader);   // min count of order 2 below order 1's
    EXPECT_EQ(damaged(151, 0x7F).status, NgramFileStatus::BadHeader);  // a loss of +∞ (the top byte of a double)
    std::vector<unsigned char> longer = good;
    longer.push_back(0);
    EXPECT_EQ(parse(longer).status, NgramFileStatus::ExtraBytes);
    EXPECT_EQ(parse(longer).offset, static_cast<long long>(good.size()));
    // A block length past the end: the words block said to be 2^40 bytes.
    EXPECT_EQ(damaged(232 + 5, 1).status, NgramFileStatus::Truncated);
    // A space inside the first word ("en" → "e "), at its byte.
    const std::size_t words = blockStart(good, 1);
    NgramFileProblem p = damaged(words + 1, ' ');
    EXPECT_EQ(p.status, NgramFileStatus::BadWords);
    EXPECT_EQ(p.offset, static_cast<long long>(words + 1));
    // A byte that is not UTF-8 in "efter".
    p = damaged(words + 3, 0xFF);
    EXPECT_EQ(p.status, NgramFileStatus::BadWords);
    EXPECT_EQ(p.offset, static_cast<long long>(words + 3));
    // "hund" spelled "kat": the same word twice, found at the second.
    const std::string twice = "en\nefter\nkat\nkat\nløber\n";
    p = parse(replaceBlock(good, 1, std::vector<unsigned char>(twice.begin(), twice.end())));
    EXPECT_EQ(p.status, NgramFileStatus::BadWords);
    EXPECT_EQ(p.offset, static_cast<long long>(words + 13));
    // Four lines for five words.
    const std::string four = "en\nefter\nhund\nkat\n";
    EXPECT_EQ(parse(replaceBlock(good, 1, std::vector<unsigned char>(four.begin(), four.end()))).status, NgramFileStatus::BadWords);
    // A description that is not UTF-8.
    EXPECT_EQ(parse(replaceBlock(good, 0, {'a', 0xC3})).status, NgramFileStatus::BadDescription);
    // Order 2's first count (en → hund, 4, stored as 4 − 2): 127 + 2 would exceed count(en) = 8.
    const std::size_t counts2 = blockStart(good, 5);
    p = damaged(counts2, 0x7F);
    EXPECT_EQ(p.status, NgramFileStatus::BadCounts);
    EXPECT_EQ(p.offset, static_cast<long long>(counts2));
    // A number that never ends (high bit set to the end of its block).
    p = damaged(blockStart(good, 6) - 1, 0x80);
    EXPECT_EQ(p.status, NgramFileStatus::BadCounts);
    // A padding bit set after the last 6-gram code.
    const std::size_t set = blockStart(good, 15);
    std::vector<unsigned char> b = good;
    b.back() = static_cast<unsigned char>(b.back() | 0x80);
    p = parse(b);
    EXPECT_EQ(p.status, NgramFileStatus::BadSixGrams);
    EXPECT_GE(p.offset, static_cast<long long>(set));
    EXPECT_STREQ(ngramFileStatusName(kLastNgramFileStatus), "extra_bytes");
}

TEST(NgramFile, NoByteChangedAnywhereCrashesTheReader) {
    const std::vector<unsigned char> good = writeNgramFile(noteTables());
    for (std::size_t at = 0; at < good.size(); ++at) {
        for (const unsigned char value : {0x00, 0x01, 0x7F, 0x80, 0xFF}) {
            std::vector<unsigned char> b = good;
            b[at] = value;
            NgramCounts model;
            const NgramFileProblem p = readNgramFile(b.data(), b.size(), model);
            ASSERT_LE(static_cast<int>(p.status), static_cast<int>(kLastNgramFileStatus));
            if (!p.ok()) {
                EXPECT_GE(p.offset, 0);
                EXPECT_LE(p.offset, static_cast<long long>(b.size()));
                continue;
            }
            // What reads must answer: every query on every word, and a walk.
            for (std::int32_t w = 0; w < model.vocabularySize(); ++w) {
                const NextCounts n = model.next(&w, 1);
                EXPECT_GE(n.prunedCount, 0);
                EXPECT_EQ(n.contextCount + n.prunedCount, model.count(&w, 1));
            }
            const NgramScorer scorer(model);
            std::vector<std::int32_t> seq;
            for (std::int32_t w = 0; w < model.vocabularySize(); ++w) seq.push_back(w);
            EXPECT_TRUE(std::isfinite(scorer.score(seq, 5).lossPerWord));
            model.matchLengths(seq.data(), static_cast<int>(seq.size()));
        }
    }
}

TEST(NgramFile, TheWriterRefusesTablesThatWouldNotReadBack) {
    NgramTables t = noteTables();
    t.words[1] = "to ord";
    EXPECT_TRUE(writeNgramFile(t).empty());
    t = noteTables();
    t.levels[2].counts[0] = 1;  // below the minimum 2
    EXPECT_TRUE(writeNgramFile(t).empty());
    t = noteTables();
    t.heldOut.lossPerWord[0] = NAN;
    EXPECT_TRUE(writeNgramFile(t).empty());
    t = noteTables();
    t.corpusWords = 20;  // fewer than the vocabulary's counts
    EXPECT_TRUE(writeNgramFile(t).empty());
    t = noteTables();
    t.words[3] = "hund";  // twice
    EXPECT_TRUE(writeNgramFile(t).empty());
}
