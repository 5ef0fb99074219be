// The training session that w2v train and the page share: settings refused by name with their own
// status before any text is read, the same vectors as a Trainer built by hand, normalising in
// pieces like at once, the P(context | focus) table by hand, and the pair it works out.
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/rng.hpp"
#include "word2vec/softmax_table.hpp"
#include "word2vec/text_normaliser.hpp"
#include "word2vec/training_session.hpp"
#include "word2vec_test_corpus.hpp"

using namespace vaerksted;
using namespace vaerksted::word2vec;

namespace {

const std::string kText = "hunden sover\nkatten spinder\nhunden gør\nkatten sover\nfuglen synger\n";

TextPass whole(const std::string& text) {
    return [text](const TextSink& feed) { feed(text); };
}

// The text in pieces of `size` bytes (cutting words and UTF-8 characters in two).
TextPass pieces(const std::string& text, std::size_t size) {
    return [text, size](const TextSink& feed) {
        for (std::size_t i = 0; i < text.size(); i += size) feed(std::string_view(text).substr(i, size));
    };
}

TrainSettings small() {
    TrainSettings s;
    s.dim = 4;
    s.window = 1;
    s.epochs = 2;
    s.minCount = 1;
    s.sample = 0;
    return s;
}

}  // namespace

TEST(TrainingSession, UnknownNamesAndBadSeedsHaveTheirOwnStatusAndNothingIsRead) {
    struct Case {
        const char* what;
        void (*change)(TrainSettings&);
        TrainStatus status;
    };
    const Case cases[] = {
        {"architecture", [](TrainSettings& s) { s.architecture = "skip-gram"; }, TrainStatus::UnknownArchitecture},
        {"output", [](TrainSettings& s) { s.output = "hierarchical"; }, TrainStatus::UnknownOutput},
        {"decay", [](TrainSettings& s) { s.decay = "cosine"; }, TrainStatus::UnknownDecay},
        {"negative seed", [](TrainSettings& s) { s.seed = -1; }, TrainStatus::InvalidSeed},
        {"fractional seed", [](TrainSettings& s) { s.seed = 2.5; }, TrainStatus::InvalidSeed},
        {"NaN seed", [](TrainSettings& s) { s.seed = NAN; }, TrainStatus::InvalidSeed},
        {"seed 2^53", [](TrainSettings& s) { s.seed = 9007199254740992.0; }, TrainStatus::InvalidSeed},
    };
    for (const Case& c : cases) {
        TrainingSession session;
        ASSERT_EQ(session.setup(whole(kText), small()), TrainStatus::Ok);  // an earlier run …
        TrainSettings settings = small();
        c.change(settings);
        int reads = 0;
        EXPECT_EQ(session.setup([&](const TextSink&) { ++reads; }, settings), c.status) << c.what;
        EXPECT_EQ(reads, 0) << c.what;
        EXPECT_FALSE(session.textRead());
        EXPECT_FALSE(session.ready());  // … is gone
        EXPECT_EQ(session.vocabulary().size(), 0);
        EXPECT_TRUE(session.focusMatrix().empty());
        EXPECT_STRNE(trainStatusName(c.status), "unknown");
    }
    EXPECT_STREQ(trainStatusName(TrainStatus::UnknownArchitecture), "unknown_architecture");
    EXPECT_STREQ(trainStatusName(TrainStatus::UnknownOutput), "unknown_output");
    EXPECT_STREQ(trainStatusName(TrainStatus::UnknownDecay), "unknown_decay");
    EXPECT_STREQ(trainStatusName(TrainStatus::InvalidSeed), "invalid_seed");
}

TEST(TrainingSession, NumbersOutOfRangeAreTheTrainersStatuses) {
    TrainingSession session;
    TrainSettings s = small();
    s.dim = NAN;
    EXPECT_EQ(session.setup(whole(kText), s), TrainStatus::InvalidDim);
    s = small();
    s.window = 1e12;  // beyond int: refused, not cast
    EXPECT_EQ(session.setup(whole(kText), s), TrainStatus::InvalidWindow);
    s = small();
    s.learningRate = -0.1;
    EXPECT_EQ(session.setup(whole(kText), s), TrainStatus::InvalidLearningRate);
    EXPECT_TRUE(session.textRead());
    EXPECT_EQ(session.setup(whole(""), small()), TrainStatus::EmptyCorpus);
}

TEST(TrainingSession, TrainsWhatATrainerBuiltByHandTrains) {
    for (const char* architecture : {"skipgram", "cbow"}) {
        TrainSettings s = small();
        s.architecture = architecture;
        s.seed = 7;
        TrainingSession session;
        ASSERT_EQ(session.setup(pieces(kText, 5), s), TrainStatus::Ok);
        session.train();

        const BuiltCorpus b = buildCorpus(kText);
        TrainConfig config;
        config.architecture = std::string(architecture) == "cbow" ? Architecture::Cbow : Architecture::SkipGram;
        config.dim = 4;
        config.window = 1;
        config.epochs = 2;
        config.sample = 0;
        config.seed = 7;
        config.learningRate = std::string(architecture) == "cbow" ? 0.05 : 0.025;  // word2vec's defaults
        Trainer trainer(b.vocabulary, b.corpus, config);
        trainer.run(0, 1);

        EXPECT_EQ(session.vocabulary().words(), b.vocabulary.words());
        const auto& got = session.focusMatrix();
        const auto& want = trainer.embeddings().focusMatrix();
        ASSERT_EQ(got.size(), want.size());
        EXPECT_EQ(std::memcmp(got.data(), want.data(), got.size() * sizeof(float)), 0) << architecture;
        EXPECT_EQ(session.progress().averageLoss, trainer.progress().averageLoss);
        EXPECT_EQ(session.progress().vocabulary, 7);
        EXPECT_EQ(session.progress().tokens, 10);
        EXPECT_EQ(session.wordsRead(), 10);
    }
}

TEST(TrainingSession, NormalisingInPiecesIsNormalisingAtOnce) {
    const std::string raw = "Hunden sover, i solen!  Katten: »spiser« fisk.\r\nØLLET er gødt; tv-stuen…\n";
    TrainSettings s = small();
    s.normalise = true;
    TrainingSession inPieces, atOnce;
    ASSERT_EQ(inPieces.setup(pieces(raw, 3), s), TrainStatus::Ok);
    s.normalise = false;
    ASSERT_EQ(atOnce.setup(whole(TextNormaliser::normalise(raw)), s), TrainStatus::Ok);
    EXPECT_EQ(inPieces.vocabulary().words(), atOnce.vocabulary().words());
    EXPECT_EQ(inPieces.corpus().tokens, atOnce.corpus().tokens);
    EXPECT_EQ(inPieces.corpus().sentenceStarts, atOnce.corpus().sentenceStarts);
    EXPECT_NE(inPieces.vocabulary().find("øllet"), -1);
}

TEST(TrainingSession, StepByStepIsSetupAndStepsOutOfOrderDoNothing) {
    const std::string raw = "Hunden sover. Katten spinder!\nHunden gør, katten sover.\n";
    TrainSettings s = small();
    s.normalise = true;
    TrainingSession steps, atOnce;
    ASSERT_EQ(atOnce.setup(whole(raw), s), TrainStatus::Ok);
    ASSERT_EQ(steps.begin(s), TrainStatus::Ok);
    steps.encode("hunden hunden hunden");  // before counting is over: ignored
    for (std::size_t i = 0; i < raw.size(); i += 4) steps.count(std::string_view(raw).substr(i, 4));
    steps.startEncoding();
    steps.count("katten katten");  // counting is over: ignored
    for (std::size_t i = 0; i < raw.size(); i += 7) steps.encode(std::string_view(raw).substr(i, 7));
    ASSERT_EQ(steps.finish(), TrainStatus::Ok);
    EXPECT_EQ(steps.vocabulary().words(), atOnce.vocabulary().words());
    EXPECT_EQ(steps.corpus().tokens, atOnce.corpus().tokens);
    EXPECT_EQ(steps.corpus().sentenceStarts, atOnce.corpus().sentenceStarts);
    EXPECT_EQ(steps.corpus().sentences(), 3);  // "sover." "spinder!" "sover." (the line ends add none)
    EXPECT_EQ(steps.wordsRead(), 8);

    // A refused begin leaves nothing to read into, and an earlier run is gone.
    TrainSettings bad = s;
    bad.architecture = "skip-gram";
    EXPECT_EQ(steps.begin(bad), TrainStatus::UnknownArchitecture);
    steps.count("hunden sover");
    steps.startEncoding();
    steps.encode("hunden sover");
    EXPECT_EQ(steps.finish(), TrainStatus::EmptyCorpus);
    EXPECT_FALSE(steps.ready());
    EXPECT_EQ(steps.vocabulary().size(), 0);
}

TEST(SoftmaxTable, ByHand) {
    // 2 words, dim 1: v_0 = 1, v_1 = 2; k_0 = 0, k_1 = ln 3.
    //   row 0: scores (0, ln 3), e^s = (1, 3)  → P = (1/4, 3/4)
    //   row 1: scores (0, 2 ln 3), e^s = (1, 9) → P = (1/10, 9/10)
    Rng rng(1);
    Embeddings e(2, 1, rng);
    e.focus(0)[0] = 1.0f;
    e.focus(1)[0] = 2.0f;
    e.context(0)[0] = 0.0f;
    e.context(1)[0] = static_cast<float>(std::log(3.0));
    const std::vector<double> p = contextProbabilities(e);
    ASSERT_EQ(p.size(), 4u);
    const double expected[4] = {0.25, 0.75, 0.1, 0.9};
    for (int i = 0; i < 4; ++i) EXPECT_NEAR(p[static_cast<std::size_t>(i)], expected[i], 1e-7) << i;  // ln 3 stored as float
    // Large scores do not overflow: v_0 = 1000, k = (0, 1) → P = (e^−1000 ≈ 0, 1).
    e.focus(0)[0] = 1000.0f;
    e.context(1)[0] = 1.0f;
    EXPECT_EQ(contextProbabilities(e)[1], 1.0);
    EXPECT_TRUE(contextProbabilities(Embeddings(kMaxTableWords + 1, 1, rng)).empty());
}

TEST(TrainingSession, ItsTableIsUniformBeforeTrainingAndASoftmaxAfter) {
    TrainingSession session;
    EXPECT_TRUE(session.probabilities().empty());
    ASSERT_EQ(session.setup(whole(kText), small()), TrainStatus::Ok);
    const int words = session.vocabulary().size();  // 7
    for (double p : session.probabilities()) EXPECT_NEAR(p, 1.0 / words, 1e-15);  // every k is 0 at the start
    session.train();
    const std::vector<double> p = session.probabilities();
    ASSERT_EQ(p.size(), static_cast<std::size_t>(words * words));
    for (int w = 0; w < words; ++w) {
        double sum = 0.0;
        for (int o = 0; o < words; ++o) sum += p[static_cast<std::size_t>(w * words + o)];
        EXPECT_NEAR(sum, 1.0, 1e-12);
    }
}

TEST(TrainingSession, ThePairIsTheAskedOneOrTheTextsFirstAndAStepMovesIt) {
    TrainingSession session;
    EXPECT_EQ(session.choosePair("hunden", "sover"), PairChoice::NoPair);  // nothing set up
    TrainSettings s = small();
    s.negatives = 3;
    ASSERT_EQ(session.setup(whole(kText), s), TrainStatus::Ok);
    EXPECT_EQ(session.choosePair("katten", "spinder"), PairChoice::Asked);
    EXPECT_EQ(session.pair(), std::make_pair(session.vocabulary().find("katten"), session.vocabulary().find("spinder")));
    EXPECT_EQ(session.choosePair("elefant", "spinder"), PairChoice::FirstPair);
    EXPECT_EQ(session.pair(), std::make_pair(session.vocabulary().find("hunden"), session.vocabulary().find("sover")));
    EXPECT_STREQ(pairChoiceName(PairChoice::FirstPair), "first_pair");
    PairWork before, after;
    ASSERT_TRUE(session.pairWork(before));
    EXPECT_EQ(before.negatives.size(), 3u);
    EXPECT_EQ(before.targetEntry, 0);
    EXPECT_NEAR(before.loss, 4 * std::log(2.0), 1e-12);  // every k is 0: 1 + 3 terms of −ln σ(0)
    ASSERT_TRUE(session.pairStep(after));
    const float* v = session.focusMatrix().data() + before.input * 4;
    for (int i = 0; i < 4; ++i) EXPECT_EQ(v[i], static_cast<float>(before.vAfter[static_cast<std::size_t>(i)]));
}
