// word2vec training: words that share contexts end up closest, one thread is deterministic, and
// one update is exactly −α times the gradient that the finite-difference tests check.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "common/rng.hpp"
#include "word2vec/objective.hpp"
#include "word2vec/sampling.hpp"
#include "word2vec/trainer.hpp"
#include "word2vec/vector_space.hpp"
#include "word2vec_test_corpus.hpp"

using namespace vaerksted;
using namespace vaerksted::word2vec;

namespace {

// Three groups of words that share their contexts: animals, colours, towns; each sentence puts
// one of them in its group's frame ("dyret X spiser mad", …). Generated from a seed.
std::string plantedCorpus(int sentences, std::uint64_t seed) {
    const std::vector<std::vector<std::string>> groups = {
        {"hund", "kat", "ko", "hest"}, {"rød", "blå", "grøn", "gul"}, {"aarhus", "odense", "aalborg", "esbjerg"}};
    const std::vector<std::vector<std::string>> frames = {
        {"dyret", "spiser", "mad", "i", "stalden"}, {"farven", "er", "smuk", "på", "væggen"},
        {"byen", "ligger", "ved", "vandet", "i", "jylland"}};
    Rng rng(seed);
    std::string text;
    for (int s = 0; s < sentences; ++s) {
        const std::size_t g = rng.below(3);
        const std::string& word = groups[g][rng.below(4)];
        const auto& frame = frames[g];
        text += frame[0] + " " + word;
        for (std::size_t i = 1; i < frame.size(); ++i) text += " " + frame[i];
        text += "\n";
    }
    return text;
}

// Full softmax, dim 3, window 1, no subsampling, one epoch, α0 = 0.5: the "a b" sentences' settings.
TrainConfig abConfig() {
    TrainConfig config;
    config.output = Output::Softmax;
    config.dim = 3;
    config.window = 1;
    config.sample = 0;
    config.epochs = 1;
    config.learningRate = 0.5;
    return config;
}

// The trainer's run on `sentences` sentences "a b" replayed in double from its start (v as it drew
// them, k = 0): units a → b then b → a, each w ← w − α·∂L/∂w with softmaxLoss's gradient.
struct Replay {
    std::vector<double> v, k;  // (2 × 3) each
};

Replay replayAb(const BuiltCorpus& b, const Trainer& trainer, int sentences, double alpha) {
    const int words = 2, dim = 3;
    Replay r{{trainer.embeddings().focusMatrix().begin(), trainer.embeddings().focusMatrix().end()},
             std::vector<double>(words * dim, 0.0)};
    const int a = b.vocabulary.find("a"), bb = b.vocabulary.find("b");
    for (int sentence = 0; sentence < sentences; ++sentence)
        for (const auto& [input, target] : std::vector<std::pair<int, int>>{{a, bb}, {bb, a}}) {
            std::vector<double> gradH(dim), gradK(words * dim), scores(words);
            softmaxLoss(r.v.data() + input * dim, r.k.data(), words, dim, target, gradH.data(), gradK.data(), scores.data());
            for (int i = 0; i < words * dim; ++i) r.k[i] -= alpha * gradK[i];
            for (int i = 0; i < dim; ++i) r.v[input * dim + i] -= alpha * gradH[i];
        }
    return r;
}

void expectMatrices(const Trainer& trainer, const Replay& expected) {
    for (std::size_t i = 0; i < expected.v.size(); ++i) {
        EXPECT_NEAR(trainer.embeddings().focusMatrix()[i], expected.v[i], 1e-6) << "v " << i;
        EXPECT_NEAR(trainer.embeddings().contextMatrix()[i], expected.k[i], 1e-6) << "k " << i;
    }
}

VectorSpace spaceOf(const BuiltCorpus& b, const Trainer& trainer) {
    return VectorSpace(b.vocabulary.words(), trainer.config().dim, trainer.embeddings().focusMatrix());
}

}  // namespace

TEST(Word2VecTrainer, WordsThatShareContextsEndUpClosest) {
    const BuiltCorpus b = buildCorpus(plantedCorpus(3000, 42));
    for (Architecture architecture : {Architecture::SkipGram, Architecture::Cbow}) {
        TrainConfig config;
        config.architecture = architecture;
        config.dim = 16;
        config.window = 3;
        config.epochs = 10;
        config.sample = 0;
        config.learningRate = architecture == Architecture::SkipGram ? 0.025 : 0.05;
        Trainer trainer(b.vocabulary, b.corpus, config);
        ASSERT_EQ(trainer.check(), TrainStatus::Ok);
        trainer.run(0, 1);
        const VectorSpace space = spaceOf(b, trainer);
        for (const auto& group : std::vector<std::vector<std::string>>{
                 {"hund", "kat", "ko", "hest"}, {"rød", "blå", "grøn", "gul"}, {"aarhus", "odense", "aalborg", "esbjerg"}}) {
            for (const std::string& word : group) {
                const auto top = space.neighbours(space.find(word), 3);
                for (const Match& m : top)
                    EXPECT_NE(std::find(group.begin(), group.end(), space.vocabulary().word(m.word)), group.end())
                        << word << "'s neighbour " << space.vocabulary().word(m.word)
                        << (architecture == Architecture::SkipGram ? " (skip-gram)" : " (CBOW)");
            }
        }
    }
}

TEST(Word2VecTrainer, OneThreadIsBitIdenticalForOneSeed) {
    const BuiltCorpus b = buildCorpus(plantedCorpus(500, 1));
    TrainConfig config;
    config.dim = 8;
    config.epochs = 3;
    config.seed = 99;
    Trainer first(b.vocabulary, b.corpus, config), second(b.vocabulary, b.corpus, config);
    first.run(0, 1);
    second.run(0, 1);
    const auto& a = first.embeddings().focusMatrix();
    const auto& c = second.embeddings().focusMatrix();
    ASSERT_EQ(a.size(), c.size());
    EXPECT_EQ(std::memcmp(a.data(), c.data(), a.size() * sizeof(float)), 0);
    EXPECT_EQ(first.progress().averageLoss, second.progress().averageLoss);
    config.seed = 100;
    Trainer other(b.vocabulary, b.corpus, config);
    other.run(0, 1);
    EXPECT_NE(std::memcmp(a.data(), other.embeddings().focusMatrix().data(), a.size() * sizeof(float)), 0);
}

// The page trains a little at a time between frames: that must give the vectors of one run.
TEST(Word2VecTrainer, AdvancingInSmallStepsGivesTheVectorsOfOneRun) {
    const BuiltCorpus b = buildCorpus(plantedCorpus(500, 2));
    TrainConfig config;
    config.dim = 8;
    config.epochs = 3;
    config.seed = 5;
    Trainer whole(b.vocabulary, b.corpus, config), pieces(b.vocabulary, b.corpus, config);
    whole.run(0, 1);
    int calls = 0;
    while (pieces.advance(137)) ++calls;
    EXPECT_GT(calls, 20);
    EXPECT_TRUE(pieces.finished());
    EXPECT_FALSE(pieces.advance(137));
    EXPECT_EQ(pieces.progress().wordsDone, pieces.progress().wordsTotal);
    const auto& a = whole.embeddings().focusMatrix();
    const auto& c = pieces.embeddings().focusMatrix();
    EXPECT_EQ(std::memcmp(a.data(), c.data(), a.size() * sizeof(float)), 0);
    EXPECT_EQ(std::memcmp(whole.embeddings().contextMatrix().data(), pieces.embeddings().contextMatrix().data(),
                          a.size() * sizeof(float)), 0);
}

TEST(Word2VecTrainer, AnUpdateIsMinusAlphaTimesTheCheckedGradient) {
    // One sentence "a b", window 1, no subsampling, full softmax, one epoch: two units,
    // a → b then b → a, each w ← w − α·∂L/∂w with the gradient of softmaxLoss (checked above).
    const BuiltCorpus b = buildCorpus("a b\n");
    Trainer trainer(b.vocabulary, b.corpus, abConfig());
    ASSERT_EQ(trainer.check(), TrainStatus::Ok);
    // α at the start of the only sentence: α0·(1 − 0/total)
    const Replay expected = replayAb(b, trainer, 1, 0.5);
    trainer.run(0, 1);
    expectMatrices(trainer, expected);
}

TEST(Word2VecTrainer, NegativeSamplingUpdatesAreTheFormulasReplayedByHand) {
    // Three sentences of three words, skip-gram, window 1, 4 negatives, no subsampling, η fixed at
    // 0.5. The replay draws the same random numbers (thread 0's stream: seed + the golden-ratio
    // constant; per word one window draw, per negative one sampler draw, a negative equal to the
    // target skipped) and does the arithmetic in double from the notes' formulas:
    //   s = v·k,  σ(s) = 1/(1 + e^(−s)),  slope = σ(s) − t,  L_j = −ln σ(s) (t = 1) or −ln σ(−s) (t = 0)
    //   ∂L/∂v = Σ_j slope_j·k_j (each k as it was),  k_j ← k_j − η·slope_j·v,  then v ← v − η·∂L/∂v
    const BuiltCorpus b = buildCorpus("a b c\nb c a\nc a b\n");
    TrainConfig config;
    config.dim = 3;
    config.window = 1;
    config.negatives = 4;
    config.sample = 0;
    config.epochs = 1;
    config.learningRate = 0.5;
    config.decay = RateDecay::Constant;
    config.seed = 12;
    Trainer trainer(b.vocabulary, b.corpus, config);
    ASSERT_EQ(trainer.check(), TrainStatus::Ok);
    const int words = b.vocabulary.size(), dim = 3;
    const double eta = 0.5;
    std::vector<double> v(trainer.embeddings().focusMatrix().begin(), trainer.embeddings().focusMatrix().end());
    std::vector<double> k(static_cast<std::size_t>(words * dim), 0.0);  // word2vec starts every k at 0
    Rng rng(config.seed + 0x9E3779B97F4A7C15ULL);
    const NegativeSampler sampler(b.vocabulary);
    double loss = 0.0;
    int units = 0, skipped = 0;
    for (std::int64_t s = 0; s < b.corpus.sentences(); ++s) {
        const std::int32_t* sentence = b.corpus.tokens.data() + b.corpus.sentenceStarts[static_cast<std::size_t>(s)];
        for (int i = 0; i < 3; ++i) {
            rng.below(1);  // the window's random shrink: with window 1 always one word each side
            for (int j = std::max(0, i - 1); j <= std::min(2, i + 1); ++j) {
                if (j == i) continue;
                double* vw = v.data() + sentence[i] * dim;
                std::vector<double> gradient(dim, 0.0);
                for (int n = 0; n <= config.negatives; ++n) {
                    const int word = n == 0 ? sentence[j] : sampler.draw(rng);
                    if (n > 0 && word == sentence[j]) {
                        ++skipped;
                        continue;
                    }
                    const double t = n == 0 ? 1.0 : 0.0;
                    double* kw = k.data() + word * dim;
                    const double score = vw[0] * kw[0] + vw[1] * kw[1] + vw[2] * kw[2];
                    const double sigma = 1.0 / (1.0 + std::exp(-score));
                    loss += t == 1.0 ? -std::log(sigma) : -std::log(1.0 - sigma);
                    for (int d = 0; d < dim; ++d) gradient[d] += (sigma - t) * kw[d];
                    for (int d = 0; d < dim; ++d) kw[d] -= eta * (sigma - t) * vw[d];
                }
                for (int d = 0; d < dim; ++d) vw[d] -= eta * gradient[d];
                ++units;
            }
        }
    }
    trainer.run(0, 1);
    EXPECT_GT(skipped, 0) << "the case should include a negative equal to its target";
    EXPECT_EQ(trainer.progress().units, units);
    EXPECT_NEAR(trainer.progress().averageLoss * static_cast<double>(units), loss, 1e-5);
    for (std::size_t i = 0; i < v.size(); ++i) {
        EXPECT_NEAR(trainer.embeddings().focusMatrix()[i], v[i], 1e-6) << "v " << i;
        EXPECT_NEAR(trainer.embeddings().contextMatrix()[i], k[i], 1e-6) << "k " << i;
    }
}

TEST(Word2VecTrainer, AConstantRateUsesEtaForEveryUnitAndLinearDecayFallsTowardsZero) {
    // Two sentences "a b": with a constant rate all four units use α = 0.5; with the linear decay
    // the second sentence would use 0.5·(1 − 2/5) = 0.3 (2 of 4 words done, total + 1 = 5).
    const BuiltCorpus b = buildCorpus("a b\na b\n");
    TrainConfig config = abConfig();
    config.decay = RateDecay::Constant;
    Trainer trainer(b.vocabulary, b.corpus, config);
    const Replay expected = replayAb(b, trainer, 2, 0.5);
    trainer.run(0, 1);
    EXPECT_DOUBLE_EQ(trainer.progress().learningRate, 0.5);
    expectMatrices(trainer, expected);
    config.decay = RateDecay::Linear;
    Trainer falling(b.vocabulary, b.corpus, config);
    falling.advance(1);  // the first sentence: 2 of 4 words
    EXPECT_NEAR(falling.progress().learningRate, 0.3, 1e-12);
    falling.advance(1);
    EXPECT_NEAR(falling.progress().learningRate, 0.5 * 1.0 / 5.0, 1e-12);
    EXPECT_GT(std::abs(falling.embeddings().focusMatrix()[0] - trainer.embeddings().focusMatrix()[0]) +
                  std::abs(falling.embeddings().focusMatrix()[3] - trainer.embeddings().focusMatrix()[3]), 1e-4);
}

TEST(Word2VecTrainer, TheLossFallsAndProgressIsReported) {
    const BuiltCorpus b = buildCorpus(plantedCorpus(2000, 7));
    TrainConfig config;
    config.dim = 10;
    config.epochs = 1;
    Trainer one(b.vocabulary, b.corpus, config);
    int reports = 0;
    one.run(0, 1, [&](const Progress& p) {
        ++reports;
        EXPECT_LE(p.wordsDone, p.wordsTotal);
        EXPECT_TRUE(std::isfinite(p.averageLoss));
    });
    EXPECT_GE(reports, 1);
    EXPECT_EQ(one.progress().wordsDone, one.progress().wordsTotal);
    config.epochs = 20;
    Trainer twenty(b.vocabulary, b.corpus, config);
    twenty.run(0, 1);
    EXPECT_LT(twenty.progress().averageLoss, one.progress().averageLoss);
}

TEST(Word2VecTrainer, TwoThreadsShareTheWorkAndStillLearn) {
    const BuiltCorpus b = buildCorpus(plantedCorpus(3000, 3));
    TrainConfig config;
    config.dim = 16;
    config.epochs = 10;
    config.sample = 0;
    Trainer trainer(b.vocabulary, b.corpus, config);
    std::thread second([&] { trainer.run(1, 2); });
    trainer.run(0, 2);
    second.join();
    EXPECT_EQ(trainer.progress().wordsDone, trainer.progress().wordsTotal);
    const VectorSpace space = spaceOf(b, trainer);
    const auto top = space.neighbours(space.find("hund"), 1);
    const std::string nearest = space.vocabulary().word(top[0].word);
    EXPECT_TRUE(nearest == "kat" || nearest == "ko" || nearest == "hest") << nearest;
}

TEST(Word2VecTrainer, RefusesWhatCannotTrain) {
    const BuiltCorpus empty = buildCorpus("");
    EXPECT_EQ(Trainer(empty.vocabulary, empty.corpus, {}).check(), TrainStatus::EmptyCorpus);
    const BuiltCorpus b = buildCorpus("a b c\n");
    TrainConfig config;
    config.dim = 0;
    EXPECT_EQ(Trainer(b.vocabulary, b.corpus, config).check(), TrainStatus::InvalidDim);
    config = {};
    config.learningRate = -1;
    EXPECT_EQ(Trainer(b.vocabulary, b.corpus, config).check(), TrainStatus::InvalidLearningRate);
    std::string many;
    for (int i = 0; i <= kMaxSoftmaxWords; ++i) many += "w" + std::to_string(i) + " ";
    const BuiltCorpus big = buildCorpus(many);
    config = {};
    config.output = Output::Softmax;
    EXPECT_EQ(Trainer(big.vocabulary, big.corpus, config).check(), TrainStatus::SoftmaxVocabularyTooLarge);
}

TEST(Word2VecCorpus, CountsEncodesAndKeepsSentencesApart) {
    const std::string text = "den lille hund\r\nden store hund\n\nen kat";
    // Fed in pieces that cut words in two: the same as fed at once.
    CorpusCounter counter;
    for (std::size_t i = 0; i < text.size(); i += 3) counter.feed(std::string_view(text).substr(i, 3));
    counter.finish();
    EXPECT_EQ(counter.words(), 8);
    EXPECT_EQ(counter.counts().at("den"), 2);
    const Vocabulary v = Vocabulary::fromCounts(counter.counts(), 2, 0);  // den, hund
    ASSERT_EQ(v.size(), 2);
    EXPECT_EQ(v.word(0), "den");  // equal counts: alphabetical
    CorpusEncoder encoder(v);
    encoder.feed(text);
    const Corpus corpus = encoder.finish();
    EXPECT_EQ(corpus.tokens, (std::vector<std::int32_t>{0, 1, 0, 1}));
    EXPECT_EQ(corpus.sentenceStarts, (std::vector<std::int64_t>{0, 2}));  // "en kat" has no known word
    EXPECT_EQ(corpus.wordsRead, 8);
}
