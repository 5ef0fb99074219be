// One pair worked out for the page: the numbers of a hand-sized example (from a few lines of plain
// Python that apply the formulas directly, reproduced in the comments), the gradient against
// finite differences, and the step written back giving the promised L after it.
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "common/rng.hpp"
#include "word2vec/pair_step.hpp"
#include "word2vec_test_corpus.hpp"

using namespace vaerksted;
using namespace vaerksted::word2vec;

namespace {

// 3 words, dim 2: v_0 = (1, 0.5); k_0 = (0.2, 0.1), k_1 = (0.8, −0.4), k_2 = (−0.3, 1).
Embeddings handExample() {
    Rng rng(1);
    Embeddings e(3, 2, rng);
    const float v[2] = {1.0f, 0.5f}, k[3][2] = {{0.2f, 0.1f}, {0.8f, -0.4f}, {-0.3f, 1.0f}};
    std::copy(v, v + 2, e.focus(0));
    for (int o = 0; o < 3; ++o) std::copy(k[o], k[o] + 2, e.context(o));
    return e;
}

constexpr double kFloat = 1e-6;  // the example's numbers are stored as float

}  // namespace

TEST(PairStep, NegativeSamplingByHand) {
    // v·k_1 = 0.6, v·k_2 = 0.2 (drawn twice); L = −ln σ(0.6) − 2·ln σ(−0.2)
    // ∂L/∂v = (σ(0.6) − 1)·k_1 + 2·σ(0.2)·k_2;  η = 0.1
    const PairWork w = workPair(handExample(), Output::NegativeSampling, 0, 1, {2, 2}, 0.1);
    ASSERT_EQ(w.scores.size(), 3u);
    EXPECT_NEAR(w.scores[0], 0.6, kFloat);
    EXPECT_NEAR(w.scores[1], 0.2, kFloat);
    EXPECT_NEAR(w.probability, 1.0 / (1.0 + std::exp(-0.6)), kFloat);
    EXPECT_NEAR(w.loss, 2.03376568924907, kFloat);
    ASSERT_EQ(w.terms.size(), 3u);
    EXPECT_NEAR(w.terms[0], std::log1p(std::exp(-0.6)), kFloat);  // −ln σ(0.6)
    EXPECT_NEAR(w.terms[1], std::log1p(std::exp(0.2)), kFloat);   // −ln σ(−0.2)
    ASSERT_EQ(w.predicted.size(), 3u);
    EXPECT_NEAR(w.predicted[0], 1.0 / (1.0 + std::exp(-0.6)), kFloat);  // σ(v·k_1), the table's σ column
    EXPECT_NEAR(w.predicted[2], 1.0 / (1.0 + std::exp(-0.2)), kFloat);
    EXPECT_NEAR(w.gradient[0], -0.61337535340685, kFloat);
    EXPECT_NEAR(w.gradient[1], 1.24140547213464, kFloat);
    EXPECT_NEAR(w.vAfter[0], 1.06133753534069, kFloat);
    EXPECT_NEAR(w.vAfter[1], 0.375859452786536, kFloat);
    ASSERT_EQ(w.changed, (std::vector<int>{1, 2}));  // k_2 once, with both of its updates
    EXPECT_NEAR(w.contextAfter[0], 0.835434369377421, kFloat);
    EXPECT_NEAR(w.contextAfter[1], -0.38228281531129, kFloat);
    EXPECT_NEAR(w.contextAfter[2], -0.409966799462496, kFloat);
    EXPECT_NEAR(w.contextAfter[3], 0.945016600268752, kFloat);
    EXPECT_NEAR(w.lossAfter, 1.69709527255437, kFloat);
}

TEST(PairStep, FullSoftmaxByHand) {
    // P(1 | 0) = e^0.6 / (e^0.25 + e^0.6 + e^0.2);  ∂L/∂v = Σ_o P(o | 0)·k_o − k_1
    const PairWork w = workPair(handExample(), Output::Softmax, 0, 1, {}, 0.1);
    EXPECT_NEAR(w.probability, 0.421051189234086, kFloat);
    // the fraction as the page writes it: e^0.6 / (e^0.25 + e^0.6 + e^0.2)
    EXPECT_NEAR(w.expTarget, std::exp(0.6), kFloat);
    EXPECT_NEAR(w.expSum, std::exp(0.25) + std::exp(0.6) + std::exp(0.2), kFloat);
    ASSERT_EQ(w.predicted.size(), 3u);
    EXPECT_NEAR(w.predicted[0], std::exp(0.25) / w.expSum, kFloat);  // P(0 | 0)
    EXPECT_NEAR(w.loss, 0.865000863061517, kFloat);
    EXPECT_NEAR(w.gradient[0], -0.488488812734925, kFloat);
    EXPECT_NEAR(w.gradient[1], 0.543489552678635, kFloat);
    EXPECT_NEAR(w.vAfter[0], 1.04884888127349, kFloat);
    EXPECT_NEAR(w.vAfter[1], 0.445651044732137, kFloat);
    ASSERT_EQ(w.changed, (std::vector<int>{0, 1, 2}));  // the softmax moves every k
    EXPECT_NEAR(w.contextAfter[0], 0.170329024178484, kFloat);
    EXPECT_NEAR(w.contextAfter[1], 0.085164512089242, kFloat);
    EXPECT_NEAR(w.lossAfter, 0.753041465378234, kFloat);
}

TEST(PairStep, TheGradientIsTheSlopeOfTheLoss) {
    // dim 7, 9 words, random vectors: ∂L/∂v_i against (L(v + h·e_i) − L(v − h·e_i)) / 2h.
    Rng rng(4);
    Embeddings e(9, 7, rng);
    for (int o = 0; o < 9; ++o)
        for (int i = 0; i < 7; ++i) e.context(o)[i] = static_cast<float>(rng.uniform() - 0.5);
    for (const Output output : {Output::NegativeSampling, Output::Softmax}) {
        const PairWork w = workPair(e, output, 3, 5, {1, 7, 7, 0}, 0.05);
        for (int i = 0; i < 7; ++i) {
            const float h = 1e-2f;
            Embeddings plus = e, minus = e;
            plus.focus(3)[i] += h;
            minus.focus(3)[i] -= h;
            const double slope = (workPair(plus, output, 3, 5, {1, 7, 7, 0}, 0.05).loss -
                                  workPair(minus, output, 3, 5, {1, 7, 7, 0}, 0.05).loss) / (2.0 * h);
            EXPECT_NEAR(w.gradient[i], slope, 1e-4) << i;
        }
    }
}

TEST(PairStep, TheStepWrittenBackGivesTheLossAfterAndLowersIt) {
    for (const Output output : {Output::NegativeSampling, Output::Softmax}) {
        Embeddings e = handExample();
        const PairWork before = workPair(e, output, 0, 1, {2, 0}, 0.1);
        takePairStep(e, before);
        const PairWork after = workPair(e, output, 0, 1, {2, 0}, 0.1);
        EXPECT_NEAR(after.loss, before.lossAfter, kFloat);
        EXPECT_LT(after.loss, before.loss);
        EXPECT_FLOAT_EQ(e.focus(0)[0], static_cast<float>(before.vAfter[0]));
    }
}

TEST(PairStep, TheTrainersPairSkipGramFromTheFocusWordCbowFromTheContextWord) {
    const BuiltCorpus built = buildCorpus("a b c\nb c a\nc a b\na a b\n");
    const Vocabulary& vocabulary = built.vocabulary;
    const Corpus& corpus = built.corpus;
    TrainConfig config;
    config.dim = 4;
    config.negatives = 6;
    config.learningRate = 0.3;
    for (const Architecture architecture : {Architecture::SkipGram, Architecture::Cbow}) {
        config.architecture = architecture;
        Trainer trainer(vocabulary, corpus, config);
        const int a = vocabulary.find("a"), b = vocabulary.find("b");
        Rng rng(9);
        const int target = architecture == Architecture::SkipGram ? b : a;
        const std::vector<int> negatives = drawNegatives(trainer, target, rng);
        ASSERT_EQ(negatives.size(), 6u);
        for (int n : negatives) EXPECT_NE(n, target);
        const PairWork w = workTrainingPair(trainer, a, b, negatives);
        EXPECT_EQ(w.input, architecture == Architecture::SkipGram ? a : b);
        EXPECT_EQ(w.target, target);
        EXPECT_DOUBLE_EQ(w.eta, 0.3);  // η at the start
        EXPECT_NEAR(w.loss, 7.0 * std::log(2.0), 1e-9);  // every k starts at 0: each term is −ln σ(0) = ln 2
    }
    int focus = -1, context = -1;
    ASSERT_TRUE(firstPair(corpus, focus, context));
    EXPECT_EQ(vocabulary.word(focus), "a");
    EXPECT_EQ(vocabulary.word(context), "b");
    config.output = Output::Softmax;
    Trainer softmax(vocabulary, corpus, config);
    Rng rng(9);
    EXPECT_TRUE(drawNegatives(softmax, 0, rng).empty());
}

TEST(PairStep, TheFirstPairIsTheFirstTwoWordsOfOneSentence) {
    const BuiltCorpus built = buildCorpus("solo\nhej med dig\n");
    const Vocabulary& vocabulary = built.vocabulary;
    const Corpus& corpus = built.corpus;
    int focus = -1, context = -1;
    ASSERT_TRUE(firstPair(corpus, focus, context));  // "solo" alone is no pair; "hej med" is
    EXPECT_EQ(vocabulary.word(focus), "hej");
    EXPECT_EQ(vocabulary.word(context), "med");
    CorpusEncoder lone(vocabulary);
    lone.feed("solo\n");
    EXPECT_FALSE(firstPair(lone.finish(), focus, context));
}
