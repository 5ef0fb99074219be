// The neural language model on a text (neural_session.hpp): the model's vocabulary, the split the
// N-gram ladder uses, padding a short beginning with the text's end, the fair held-out loss of the
// «ukendt» class, the next word and generation through the sampler, and learning the note's text.
//
// Reference facts are hand counts of the note's four sentences (curriculum, "N-gram models"):
// "En hund løber efter en kat. Løber en hund efter en kat? En kat løber ikke efter en hund.
// Efter en kat løber en hund." — 25 words, 6 different; "en hund løber" is followed by "efter"
// (once, and nothing else); the text ends "… løber en hund", and starts over with "en".
#include <cmath>
#include <numeric>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/rng.hpp"
#include "language/neural_session.hpp"
#include "language/token_stream.hpp"
#include "note_text.hpp"

using namespace vaerksted;
using namespace vaerksted::language;
using vaerksted::testing::kNoteText;

namespace {


std::vector<std::string> wordsOf(const TokenStream& s, const std::vector<std::int32_t>& ids) {
    std::vector<std::string> out;
    for (const std::int32_t id : ids) out.push_back(id < 0 ? kUnknownModelWord : s.words[static_cast<std::size_t>(id)]);
    return out;
}

NeuralSettings noteSettings() {
    NeuralSettings s;
    s.contextWords = 3;
    s.hidden = 20;
    s.learningRate = 0.05;
    s.batchSize = 5;
    return s;
}

TEST(NeuralVocabulary, KeepsTheMostFrequentAndLetsUkendtStandForTheRest) {
    // counts by text id: 3, 1, 5, 1, 0 — at most 2 words: id 2 (5) and id 0 (3).
    const NeuralVocabulary v = neuralVocabulary({3, 1, 5, 1, 0}, 2, 1, false);
    ASSERT_EQ(v.size(), 3);
    EXPECT_EQ(v.textOf, (std::vector<int>{2, 0, -1}));
    EXPECT_EQ(v.unknown, 2);
    EXPECT_EQ(v.unknownMembers, 2);  // ids 1 and 3; id 4 never occurs in the training part
    EXPECT_EQ(v.model(1), 2);
    EXPECT_EQ(v.model(4), 2);
    EXPECT_EQ(v.model(-1), 2);
}

TEST(NeuralVocabulary, MinCountAndTiesInIdOrder) {
    const NeuralVocabulary v = neuralVocabulary({1, 2, 2, 1}, 0, 2, true);
    EXPECT_EQ(v.textOf, (std::vector<int>{1, 2, -1}));  // equal counts: id 1 before id 2
    EXPECT_EQ(v.unknownMembers, 2);
    const NeuralVocabulary all = neuralVocabulary({1, 2, 2, 1}, 0, 1, false);
    EXPECT_EQ(all.size(), 4);
    EXPECT_EQ(all.unknown, -1);
}

TEST(NeuralSession, WholeNoteTextWithoutUkendt) {
    const TokenStream s = tokenise(kNoteText, TokenSettings{false});
    ASSERT_EQ(s.tokens.size(), 25u);
    NeuralSession session;
    NeuralTextSettings text;
    text.trainShare = 1.0;
    text.randomDim = 3;
    ASSERT_EQ(session.setup(s.tokens, s.words, text, noteSettings(), {}, 7), NeuralStatus::Ok);
    EXPECT_EQ(session.info().vocabularySize, 6);
    EXPECT_EQ(session.info().trainRows, 25);  // one row per word: the text starts over
    EXPECT_EQ(session.info().heldOutRows, 0);
    // d·(1 + c·m + V) + V = 20·(1 + 9 + 6) + 6 = 326
    EXPECT_EQ(session.info().weights, 326);
    NeuralEvaluation e;
    EXPECT_EQ(session.heldOut(e), NeuralStatus::NoRows);
}

TEST(NeuralSession, AShortBeginningIsFilledOutWithTheTextsEnd) {
    const TokenStream s = tokenise(kNoteText, TokenSettings{false});
    NeuralSession session;
    NeuralTextSettings text;
    text.trainShare = 1.0;
    ASSERT_EQ(session.setup(s.tokens, s.words, text, noteSettings(), {}, 7), NeuralStatus::Ok);
    NeuralNext next;
    ASSERT_EQ(session.next({}, SampleSettings{}, 10, next), NeuralStatus::Ok);
    EXPECT_EQ(next.padded, 3);
    EXPECT_EQ(wordsOf(s, next.context), (std::vector<std::string>{"løber", "en", "hund"}));
    const std::vector<std::int32_t> kat = {s.find("kat")};
    ASSERT_EQ(session.next(kat, SampleSettings{}, 10, next), NeuralStatus::Ok);
    EXPECT_EQ(next.padded, 2);
    EXPECT_EQ(wordsOf(s, next.context), (std::vector<std::string>{"en", "hund", "kat"}));
}

TEST(NeuralSession, LearnsTheNoteTextsFourGrams) {
    const TokenStream s = tokenise(kNoteText, TokenSettings{false});
    NeuralSession session;
    NeuralTextSettings text;
    text.trainShare = 1.0;
    ASSERT_EQ(session.setup(s.tokens, s.words, text, noteSettings(), {}, 3), NeuralStatus::Ok);
    NeuralEvaluation before, after;
    ASSERT_EQ(session.trainingLoss(before), NeuralStatus::Ok);
    EXPECT_NEAR(before.lossPerWord, std::log(6.0), 0.6);  // small random weights: z near 1/V
    std::vector<double> losses;
    ASSERT_EQ(session.train(3000, losses), NeuralStatus::Ok);
    EXPECT_EQ(losses.size(), 3000u);
    ASSERT_EQ(session.trainingLoss(after), NeuralStatus::Ok);
    EXPECT_LT(after.lossPerWord, before.lossPerWord / 2);
    EXPECT_EQ(session.epochs(), 3000.0 / 5.0);  // 25 rows in batches of 5: 5 batches a pass

    // "en hund løber" is followed by "efter" and nothing else in the text.
    const std::vector<std::int32_t> prompt = {s.find("en"), s.find("hund"), s.find("løber")};
    NeuralNext next;
    SampleSettings greedy;
    greedy.greedy = true;
    ASSERT_EQ(session.next(prompt, greedy, 3, next), NeuralStatus::Ok);
    ASSERT_EQ(next.words.size(), 3u);
    EXPECT_EQ(s.words[static_cast<std::size_t>(next.words[0])], "efter");
    EXPECT_GT(next.p[0], 0.9);
    EXPECT_EQ(next.z[0], 1.0);  // greedy: all on the argmax
    EXPECT_NEAR(std::accumulate(next.p.begin(), next.p.end(), 0.0) + next.restP, 1.0, 1e-12);
    EXPECT_EQ(next.restZ, 0.0);
    EXPECT_GE(next.p[0], next.p[1]);
    EXPECT_GE(next.p[1], next.p[2]);
}

TEST(NeuralSession, GenerationIsSeededAndGreedyIsFixed) {
    const TokenStream s = tokenise(kNoteText, TokenSettings{false});
    NeuralSession session;
    NeuralTextSettings text;
    text.trainShare = 1.0;
    ASSERT_EQ(session.setup(s.tokens, s.words, text, noteSettings(), {}, 3), NeuralStatus::Ok);
    std::vector<double> losses;
    ASSERT_EQ(session.train(200, losses), NeuralStatus::Ok);
    const std::vector<std::int32_t> prompt = {s.find("en")};
    SampleSettings hot;
    hot.temperature = 2.0;
    NeuralGenerated a, b, c;
    Rng r1(11), r2(11), r3(12);
    ASSERT_EQ(session.generate(prompt, 40, hot, r1, a), NeuralStatus::Ok);
    ASSERT_EQ(session.generate(prompt, 40, hot, r2, b), NeuralStatus::Ok);
    ASSERT_EQ(session.generate(prompt, 40, hot, r3, c), NeuralStatus::Ok);
    EXPECT_EQ(a.words, b.words);
    EXPECT_EQ(a.probabilities, b.probabilities);
    EXPECT_NE(a.words, c.words);  // 40 draws at T = 2 from 6 words: another seed differs
    ASSERT_EQ(a.words.size(), 40u);
    for (const double p : a.probabilities) EXPECT_TRUE(p > 0 && p <= 1);

    // Greedy ignores the generator, and the first greedy word is the next()'s argmax.
    SampleSettings greedy;
    greedy.greedy = true;
    NeuralGenerated g1, g2;
    Rng r4(1), r5(999);
    ASSERT_EQ(session.generate(prompt, 10, greedy, r4, g1), NeuralStatus::Ok);
    ASSERT_EQ(session.generate(prompt, 10, greedy, r5, g2), NeuralStatus::Ok);
    EXPECT_EQ(g1.words, g2.words);
    NeuralNext next;
    ASSERT_EQ(session.next(prompt, SampleSettings{}, 1, next), NeuralStatus::Ok);
    EXPECT_EQ(g1.words[0], next.words[0]);
    SampleSettings bad;
    bad.temperature = 0;
    NeuralGenerated none;
    ASSERT_EQ(session.generate(prompt, 5, bad, r4, none), NeuralStatus::Ok);
    EXPECT_EQ(none.sampleStatus, SampleStatus::BadTemperature);
    EXPECT_TRUE(none.words.empty());
}

// A text of 400 words: 30 words that occur many times and 10 that occur once each in the training
// part. Split at 90 % as the ladder does: 360 training words, 40 held out.
std::vector<std::int32_t> splitText(int& singletons) {
    std::vector<std::int32_t> tokens;
    Rng rng(5);
    for (int i = 0; i < 350; ++i) tokens.push_back(static_cast<std::int32_t>(rng.below(30)));
    for (int i = 0; i < 10; ++i) tokens.push_back(30 + i);  // each once, inside the training part
    for (int i = 0; i < 40; ++i) tokens.push_back(i % 4 == 0 ? 40 : static_cast<std::int32_t>(rng.below(30)));  // 40: new
    singletons = 10;
    return tokens;
}

TEST(NeuralSession, HeldOutSplitAndTheFairUkendtLoss) {
    int singletons = 0;
    const std::vector<std::int32_t> tokens = splitText(singletons);
    std::vector<std::string> words;
    for (int i = 0; i <= 40; ++i) words.push_back("w" + std::to_string(i));
    NeuralSession session;
    NeuralTextSettings text;  // trainShare 0.9
    text.randomDim = 4;
    NeuralSettings settings = noteSettings();
    settings.contextWords = 2;
    ASSERT_EQ(session.setup(tokens, words, text, settings, {}, 9), NeuralStatus::Ok);
    EXPECT_EQ(session.info().trainRows, 360);
    EXPECT_EQ(session.info().heldOutRows, 40);
    // The words seen once became «ukendt» (with a held-out part, min count 2): words w0 … w29 that
    // occur at least twice among the first 350 draws (all of them, at ~11.7 each), plus «ukendt».
    EXPECT_EQ(session.info().vocabularySize, 31);
    EXPECT_EQ(session.info().unknownMembers, singletons);
    EXPECT_EQ(session.info().heldOutUnknown, 10);  // every 4th of the 40 held-out words is the new w40
    EXPECT_EQ(session.vocabulary().unknownTokens, 10);

    // The fair loss, recomputed row by row from the model's own z.
    NeuralEvaluation e;
    ASSERT_EQ(session.heldOut(e), NeuralStatus::Ok);
    double L = 0;
    const NeuralVocabulary& v = session.vocabulary();
    for (std::size_t p = 360; p < 400; ++p) {
        const int ctx[2] = {v.model(tokens[p - 2]), v.model(tokens[p - 1])};
        NeuralForward f;
        ASSERT_EQ(session.model().forward(ctx, f), NeuralStatus::Ok);
        const int t = v.model(tokens[p]);
        // w40 is not in the training part: P(w40 | «ukendt») = (0 + 1)/(T + K + 1) = 1/(10 + 10 + 1)
        L += -std::log(f.z(t)) + (t == v.unknown ? std::log(21.0) : 0.0);
    }
    EXPECT_NEAR(e.loss, L, 1e-9 * L);
    EXPECT_NEAR(e.lossPerWord, L / 40, 1e-9 * L);
}

TEST(NeuralSession, GivenVectorsAreUsedAndMissingWordsGetRandomOnes) {
    const TokenStream s = tokenise(kNoteText, TokenSettings{false});
    const std::vector<std::string> given = {"kat", "hund", "fisk"};
    const std::vector<float> rows = {1, 0, 0, 1, 0.6f, 0.8f};  // m = 2, each of length 1
    NeuralSession session;
    NeuralTextSettings text;
    text.trainShare = 1.0;
    NeuralSettings settings = noteSettings();
    settings.trainEmbeddings = false;
    ASSERT_EQ(session.setup(s.tokens, s.words, text, settings, GivenVectors{&given, rows.data(), 2}, 4), NeuralStatus::Ok);
    EXPECT_EQ(session.info().dim, 2);
    EXPECT_EQ(session.info().vectorsFound, 2);  // kat and hund; fisk is not in the text
    const NeuralVocabulary& v = session.vocabulary();
    const Eigen::MatrixXd& E = session.model().embeddings();
    const int kat = v.model(s.find("kat"));
    EXPECT_EQ(E(kat, 0), 1.0);
    EXPECT_EQ(E(kat, 1), 0.0);
    const int en = v.model(s.find("en"));
    EXPECT_NEAR(E.row(en).norm(), 1.0, 1.0);  // random, of about the given vectors' length
    EXPECT_GT(E.row(en).norm(), 0.0);
}

TEST(NeuralSession, RefusesWhatCannotTrain) {
    NeuralSession session;
    NeuralTextSettings text;
    const std::vector<std::string> words = {"a", "b"};
    EXPECT_EQ(session.setup({0}, words, text, NeuralSettings{}, {}, 1), NeuralStatus::NoRows);
    EXPECT_EQ(session.setup({0, 1, 2}, words, text, NeuralSettings{}, {}, 1), NeuralStatus::InvalidWordId);
    NeuralSettings bad;
    bad.hidden = 0;
    EXPECT_EQ(session.setup({0, 1, 0, 1}, words, text, bad, {}, 1), NeuralStatus::InvalidHidden);
    EXPECT_FALSE(session.ready());
    std::vector<double> losses;
    EXPECT_EQ(session.train(1, losses), NeuralStatus::NotReady);
}

}  // namespace
