// The N-gram counts against the notes' worked example ("Simple sprogmodeller") and against plain
// counting, and the tokeniser the language models share with word2vec.
#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/rng.hpp"
#include "language/ngram_generator.hpp"
#include "language/ngram_index.hpp"
#include "language/ngram_scorer.hpp"
#include "language/token_stream.hpp"
#include "note_text.hpp"

using namespace vaerksted;
using namespace vaerksted::language;
using vaerksted::testing::kNoteText;

namespace {


struct Note {
    TokenStream text = tokenise(kNoteText, TokenSettings{false});
    NgramIndex index{text.tokens, text.vocabularySize()};

    std::vector<std::int32_t> ids(std::initializer_list<const char*> words) const {
        std::vector<std::int32_t> out;
        for (const char* w : words) out.push_back(text.find(w));
        return out;
    }
    std::int64_t count(std::initializer_list<const char*> words) const {
        const auto seq = ids(words);
        return index.count(seq.data(), static_cast<int>(seq.size()));
    }
};

}  // namespace

TEST(NgramTokens, WordsAndSentenceEndsAsTheWord2vecNormaliserReadsThem) {
    const TokenStream s = tokenise("Hunden gør. Katten sover!\nÆblet – «rødt» og tv-stuen");
    std::vector<std::string> words;
    for (const auto t : s.tokens) words.push_back(s.words[static_cast<std::size_t>(t)]);
    EXPECT_EQ(words, (std::vector<std::string>{"hunden", "gør", ".", "katten", "sover", ".", "æblet", "rødt", "og", "tv-stuen", "."}));
    EXPECT_EQ(s.vocabularySize(), 9);  // "." once
    EXPECT_EQ(s.find("."), 2);         // ids in order of first appearance
    EXPECT_EQ(s.find("kat"), -1);
}

TEST(NgramTokens, PiecesOfAnySizeGiveTheSameStream) {
    const std::string text = "Æbler og pærer. Blåbær på bøgetræet! Ørred i åen";
    const TokenStream whole = tokenise(text);
    for (std::size_t step = 1; step <= 7; ++step) {
        TokenStreamBuilder builder;
        for (std::size_t i = 0; i < text.size(); i += step) builder.feed(std::string_view(text).substr(i, step));
        const TokenStream pieces = builder.finish();
        EXPECT_EQ(pieces.tokens, whole.tokens) << step;
        EXPECT_EQ(pieces.words, whole.words) << step;
    }
}

TEST(NgramTokens, APromptNamesItsUnknownWordsOnce) {
    const Note note;
    const EncodedPrompt p = encodePrompt("En ulv løber efter en ulv og en kat", note.text, TokenSettings{false});
    EXPECT_EQ(p.ids, note.ids({"en", "løber", "efter", "en", "en", "kat"}));
    EXPECT_EQ(p.unknown, (std::vector<std::string>{"ulv", "og"}));
}

TEST(NgramNote, TwentyFiveWordsSixDifferent) {
    const Note note;
    EXPECT_EQ(note.index.size(), 25);
    EXPECT_EQ(note.text.vocabularySize(), 6);
    EXPECT_EQ(note.count({"en"}), 8);
    EXPECT_EQ(note.count({"hund"}), 4);
    EXPECT_EQ(note.count({"ikke"}), 1);
}

TEST(NgramNote, BigramTableHasTwelveDifferentBigrams) {
    const Note note;
    // The note's table; cross-checked by counting in python3 with the text starting over:
    // efter en 4, en hund 4, en kat 4, kat løber 3, hund efter 2, løber en 2, and six bigrams once.
    const std::vector<Ngram> table = note.index.table(2);
    ASSERT_EQ(table.size(), 12u);
    std::map<std::vector<std::int32_t>, std::int64_t> counts;
    std::int64_t total = 0;
    for (const auto& g : table) counts[g.words] = g.count, total += g.count;
    EXPECT_EQ(total, 25);  // every word has a next word: the last "hund" is followed by the first "en"
    EXPECT_EQ(counts[note.ids({"en", "hund"})], 4);
    EXPECT_EQ(counts[note.ids({"en", "kat"})], 4);
    EXPECT_EQ(counts[note.ids({"efter", "en"})], 4);
    EXPECT_EQ(counts[note.ids({"kat", "løber"})], 3);
    EXPECT_EQ(counts[note.ids({"hund", "en"})], 1);  // only because the text starts over
    EXPECT_EQ(table.front().count, 4);
    EXPECT_EQ(table.back().count, 1);
}

TEST(NgramNote, ProbabilityOfEfterAfterLoeberIsOneQuarter) {
    const Note note;
    const auto context = note.ids({"løber"});
    const NextCounts next = note.index.next(context.data(), 1);
    EXPECT_EQ(next.contextCount, 4);
    // løber en 2, løber efter 1, løber ikke 1
    ASSERT_EQ(next.next.size(), 3u);
    EXPECT_EQ(next.next[0].word, note.text.find("en"));
    EXPECT_EQ(next.next[0].count, 2);
    const auto efter = std::find_if(next.next.begin(), next.next.end(), [&](const NextWord& w) { return w.word == note.text.find("efter"); });
    ASSERT_NE(efter, next.next.end());
    EXPECT_DOUBLE_EQ(static_cast<double>(efter->count) / static_cast<double>(next.contextCount), 0.25);
}

TEST(NgramNote, TrigramsRunOutOfContexts) {
    const Note note;
    EXPECT_EQ(note.count({"en", "hund", "efter"}), 2);  // the note: occurs twice
    EXPECT_EQ(note.count({"hund", "en", "kat"}), 0);    // the note: never
    EXPECT_EQ(note.index.table(3).size(), 17u);         // python3 count, text starting over
    const auto context = note.ids({"hund", "en"});
    const NextCounts seen = note.index.next(context.data(), 2);
    EXPECT_EQ(seen.contextCount, 1);  // "hund en hund", across the text's end
    const auto never = note.ids({"kat", "kat"});
    const NextCounts unseen = note.index.next(never.data(), 2);
    EXPECT_EQ(unseen.contextCount, 0);
    EXPECT_TRUE(unseen.next.empty());
    const NextCounts backedOff = note.index.nextBackingOff(never.data(), 2);
    EXPECT_EQ(backedOff.contextLength, 1);  // "kat" alone: kat løber 3, kat en 1
    EXPECT_EQ(backedOff.contextCount, 4);
    EXPECT_EQ(backedOff.next.front().count, 3);
}

TEST(NgramNote, TheNotesBigramWalkIsPossibleWordForWord) {
    // "En kat løber en kat": each step's bigram occurs in the text.
    const Note note;
    const auto walk = note.ids({"en", "kat", "løber", "en", "kat"});
    for (std::size_t i = 0; i + 1 < walk.size(); ++i) EXPECT_GT(note.index.count(&walk[i], 2), 0) << i;
    // and all five words occur together nowhere: the longest stretch from "en" is "en kat løber en" (4)
    EXPECT_EQ(note.index.matchLengths(walk.data(), 5).front(), 4);
}

TEST(NgramIndexCounts, AgreeWithPlainCountingOnARandomText) {
    Rng rng(12);
    std::vector<std::int32_t> tokens(3000);
    for (auto& t : tokens) t = static_cast<std::int32_t>(rng.below(rng.uniform() < 0.5 ? 3 : 9));  // some frequent words
    const NgramIndex index(tokens, 9);
    const auto n = static_cast<std::int64_t>(tokens.size());
    for (int length = 1; length <= 5; ++length) {
        std::map<std::vector<std::int32_t>, std::int64_t> plain;
        for (std::int64_t p = 0; p < n; ++p) {
            std::vector<std::int32_t> gram;
            for (int d = 0; d < length; ++d) gram.push_back(tokens[static_cast<std::size_t>((p + d) % n)]);
            ++plain[gram];
        }
        const auto table = index.table(length);
        ASSERT_EQ(table.size(), plain.size()) << length;
        for (const auto& g : table) EXPECT_EQ(g.count, plain[g.words]);
        for (const auto& [gram, c] : plain) EXPECT_EQ(index.count(gram.data(), length), c);
        if (length == 5) continue;
        // P(next | context) from next() against the plain counts of length + 1
        std::map<std::vector<std::int32_t>, std::int64_t> longer;
        for (std::int64_t p = 0; p < n; ++p) {
            std::vector<std::int32_t> gram;
            for (int d = 0; d <= length; ++d) gram.push_back(tokens[static_cast<std::size_t>((p + d) % n)]);
            ++longer[gram];
        }
        for (const auto& [context, c] : plain) {
            const NextCounts next = index.next(context.data(), length);
            EXPECT_EQ(next.contextCount, c);
            std::int64_t sum = 0;
            for (const auto& w : next.next) {
                auto gram = context;
                gram.push_back(w.word);
                EXPECT_EQ(w.count, longer[gram]);
                sum += w.count;
            }
            EXPECT_EQ(sum, c);
            EXPECT_TRUE(std::is_sorted(next.next.begin(), next.next.end(),
                [](const NextWord& a, const NextWord& b) { return a.count > b.count || (a.count == b.count && a.word < b.word); }));
        }
    }
}

TEST(NgramIndexCounts, MatchLengthsAreTheLongestStretchFoundWordForWord) {
    // text 0 1 2 3 4 5 (starting over: … 5 0 1 …)
    const NgramIndex index({0, 1, 2, 3, 4, 5}, 7);
    const std::vector<std::int32_t> seq{2, 3, 4, 9, 5, 0, 1, 6, 3};
    // from 2: "2 3 4" then 9 is not a word of the text; 9: 0; 5 0 1: 3 (across the end); 6: 0 (a word never used); 3: 1
    EXPECT_EQ(index.matchLengths(seq.data(), 9), (std::vector<int>{3, 2, 1, 0, 3, 2, 1, 0, 1}));
}

TEST(NgramIndexCounts, EmptyTextAndBadContextsAnswerNothing) {
    const NgramIndex empty({}, 0);
    EXPECT_EQ(empty.next(nullptr, 0).contextCount, 0);
    EXPECT_TRUE(empty.table(2).empty());
    const NgramIndex index({0, 1, 0, 1}, 2);
    const std::vector<std::int32_t> bad{5};
    EXPECT_EQ(index.count(bad.data(), 1), 0);
    EXPECT_EQ(index.next(bad.data(), 1).contextCount, 0);
    const std::vector<std::int32_t> tooLong(6, 0);
    EXPECT_EQ(index.next(tooLong.data(), 5).contextCount, 0);  // N ≤ 5
    EXPECT_EQ(index.nextBackingOff(bad.data(), 1).contextLength, 0);
}

TEST(NgramScorer, EveryOrderSumsToOneOverTheWordsAndUnknown) {
    const Note note;
    const NgramScorer scorer(note.index);
    const std::vector<std::vector<std::int32_t>> contexts{
        {}, note.ids({"løber"}), note.ids({"en", "hund"}), note.ids({"hund", "en", "kat"}),  // seen, unseen
        {-1, note.text.find("kat")}, note.ids({"kat", "løber", "ikke", "efter"})};
    for (const auto& c : contexts) {
        double sum = scorer.probability(c.data(), static_cast<int>(c.size()), -1);
        for (std::int32_t w = 0; w < note.text.vocabularySize(); ++w) sum += scorer.probability(c.data(), static_cast<int>(c.size()), w);
        EXPECT_NEAR(sum, 1.0, 1e-12) << c.size();
    }
}

TEST(NgramScorer, TheNotesBigramSmoothedByHand) {
    const Note note;
    const NgramScorer scorer(note.index);
    // P₀(efter) = (4 + 1)/(25 + 6 + 1) = 5/32; after "løber" (4 times, 3 different next words, "løber
    // efter" once): P = (1 − 0,75)/4 + 0,75·3/4·5/32 = 0,0625 + 0,087890625 = 0,150390625
    const auto loeber = note.ids({"løber"});
    EXPECT_DOUBLE_EQ(scorer.probability(loeber.data(), 1, note.text.find("efter")), 0.150390625);
    // "kat kat" was never seen, so the bigram level decides: "kat" 4 times, "kat en" once, 2
    // different next words: (1 − 0,75)/4 + 0,75·2/4·9/32 = 0,0625 + 0,10546875 = 0,16796875
    const auto katkat = note.ids({"kat", "kat"});
    EXPECT_DOUBLE_EQ(scorer.probability(katkat.data(), 2, note.text.find("en")), 0.16796875);
    // a context ending in an unknown word was never seen at any length: P₀(en) = 9/32
    const std::vector<std::int32_t> katUlv{note.text.find("kat"), -1};
    EXPECT_DOUBLE_EQ(scorer.probability(katUlv.data(), 2, note.text.find("en")), 9.0 / 32.0);
}

TEST(NgramScorer, HeldOutLossOfTheUnigramModelByHand) {
    const Note note;
    const NgramScorer scorer(note.index);
    const std::vector<std::int32_t> heldOut = encodeText("En ulv", note.text, TokenSettings{false});
    ASSERT_EQ(heldOut, (std::vector<std::int32_t>{note.text.find("en"), -1}));
    const HeldOutScore s = scorer.score(heldOut, 1);
    // P₀(en) = 9/32, P₀(ulv) = 1/32: loss = (ln(32/9) + ln 32)/2
    EXPECT_NEAR(s.lossPerWord, (std::log(32.0 / 9.0) + std::log(32.0)) / 2.0, 1e-12);
    EXPECT_NEAR(s.perplexity, std::exp(s.lossPerWord), 1e-12);
    EXPECT_EQ(s.words, 2);
    EXPECT_EQ(s.unknownWords, 1);
}

TEST(NgramScorer, LongerContextsHelpOnTextFromTheSameSource) {
    // A source where the next word depends on the word before (a Markov chain): the bigram model
    // must beat the unigram model on held-out text, and the loss stays finite for every order.
    Rng rng(5);
    const auto walk = [&](std::size_t n) {
        std::vector<std::int32_t> out{0};
        while (out.size() < n) {
            const std::int32_t last = out.back();
            out.push_back(rng.uniform() < 0.8 ? (last + 1) % 12 : static_cast<std::int32_t>(rng.below(12)));
        }
        return out;
    };
    const NgramIndex index(walk(20000), 12);
    const NgramScorer scorer(index);
    const auto heldOut = walk(3000);
    std::vector<double> loss;
    for (int n = 1; n <= 5; ++n) {
        loss.push_back(scorer.score(heldOut, n).lossPerWord);
        EXPECT_TRUE(std::isfinite(loss.back()));
    }
    EXPECT_LT(loss[1], loss[0] - 0.5);  // ln 12 ≈ 2,48 against roughly 0,8
    EXPECT_NEAR(loss[0], std::log(12.0), 0.05);
}

TEST(NgramIndexCounts, FollowerCountIsTheNumberOfDifferentNextWords) {
    const Note note;
    const auto loeber = note.ids({"løber"});
    EXPECT_EQ(note.index.followerCount(loeber.data(), 1), 3);  // en, efter, ikke
    const auto enHund = note.ids({"en", "hund"});
    EXPECT_EQ(note.index.followerCount(enHund.data(), 2), 3);  // efter (2), løber, en (across the end)
    EXPECT_EQ(note.index.followerCount(nullptr, 0), 6);
}

TEST(NgramGenerate, GreedyRepeatsItselfAsTheNotesSay) {
    const Note note;
    Rng rng(1);
    SampleSettings greedy;
    greedy.greedy = true;
    // after "en": hund 4, kat 4 (equal: the word met first); after "hund": efter 2; after "efter": en 4
    const Generated g = generate(note.index, note.ids({"en"}), 2, 6, false, greedy, rng);
    EXPECT_EQ(g.words, note.ids({"hund", "efter", "en", "hund", "efter", "en"}));
    EXPECT_EQ(g.end, GenerationEnd::Done);
    EXPECT_DOUBLE_EQ(g.probabilities[0], 1.0);
}

TEST(NgramGenerate, DrawsFollowTheCountsAtTemperatureOne) {
    const Note note;
    Rng rng(2026);
    const auto loeber = note.ids({"løber"});
    const std::int32_t efter = note.text.find("efter");
    const int draws = 40000;
    int hits = 0;
    for (int i = 0; i < draws; ++i) hits += generate(note.index, loeber, 2, 1, false, SampleSettings{}, rng).words[0] == efter;
    // P(efter | løber) = 1/4: within 3σ = 3·√(¼·¾/40000)
    EXPECT_NEAR(hits / static_cast<double>(draws), 0.25, 3.0 * std::sqrt(0.25 * 0.75 / draws));
}

TEST(NgramGenerate, AnUnseenContextEndsTheTextUnlessBackingOff) {
    const Note note;
    Rng rng(3);
    const Generated stuck = generate(note.index, note.ids({"hund", "en", "kat"}), 4, 5, false, SampleSettings{}, rng);
    EXPECT_TRUE(stuck.words.empty());  // "hund en kat" never occurs
    EXPECT_EQ(stuck.end, GenerationEnd::UnseenContext);
    const Generated on = generate(note.index, note.ids({"hund", "en", "kat"}), 4, 5, true, SampleSettings{}, rng);
    EXPECT_EQ(on.words.size(), 5u);
    EXPECT_EQ(on.contextLengths[0], 2);  // "en kat" was seen
    const NextDistribution next = nextDistribution(note.index, note.ids({"løber"}).data(), 1, 2, false, SampleSettings{});
    EXPECT_EQ(next.contextCount, 4);
    EXPECT_DOUBLE_EQ(next.p[0], 0.5);  // løber en: 2 of 4
    EXPECT_NEAR(next.entropyP, -(0.5 * std::log(0.5) + 2 * 0.25 * std::log(0.25)), 1e-12);
}

TEST(NgramGenerate, TheSameSeedGivesTheSameText) {
    const Note note;
    SampleSettings hot;
    hot.temperature = 1.5;
    Rng a(77), b(77);
    EXPECT_EQ(generate(note.index, note.ids({"en"}), 3, 30, true, hot, a).words,
              generate(note.index, note.ids({"en"}), 3, 30, true, hot, b).words);
    SampleSettings bad;
    bad.temperature = 0;
    Rng c(1);
    const Generated refused = generate(note.index, note.ids({"en"}), 2, 3, false, bad, c);
    EXPECT_EQ(refused.end, GenerationEnd::BadSettings);
    EXPECT_EQ(refused.status, SampleStatus::BadTemperature);
}

TEST(NgramScorer, TheLadderSplitsTheTextAndScoresEveryOrder) {
    Rng rng(9);
    std::vector<std::int32_t> tokens{0};
    while (tokens.size() < 10000) tokens.push_back(rng.uniform() < 0.8 ? (tokens.back() + 1) % 12 : static_cast<std::int32_t>(rng.below(12)));
    const Ladder ladder = heldOutLadder(tokens, 12, 0.9);
    EXPECT_EQ(ladder.trainWords, 9000);
    ASSERT_EQ(ladder.orders.size(), 5u);
    for (const HeldOutScore& s : ladder.orders) EXPECT_EQ(s.words, 1000);
    EXPECT_LT(ladder.orders[1].lossPerWord, ladder.orders[0].lossPerWord - 0.5);  // the source's next word depends on the last
    // the same numbers as scoring the held-out part by hand with a model of the first 9 000 words
    const NgramIndex first(std::vector<std::int32_t>(tokens.begin(), tokens.begin() + 9000), 12);
    const HeldOutScore bigram = NgramScorer(first).score(std::vector<std::int32_t>(tokens.begin() + 9000, tokens.end()), 2);
    EXPECT_DOUBLE_EQ(ladder.orders[1].lossPerWord, bigram.lossPerWord);
    EXPECT_EQ(heldOutLadder(tokens, 12, 0.9, 300).orders[0].words, 300);  // only the first 300 held-out words
    EXPECT_TRUE(heldOutLadder(tokens, 12, 1.0).orders.empty());
    EXPECT_TRUE(heldOutLadder({0, 1}, 2, 0.5).orders.empty());
}
