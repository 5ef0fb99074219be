// The neural-network language model of the notes "Tekstgenerering med neurale netværk": the
// course's small network (Sprogmodeller del 4, "Et lille neuralt netværk") by hand, the notes'
// weight count, the cross-entropy numbers, every gradient against central differences, training
// with SGD and Adam, and the statuses.
//
// Reference numbers were computed independently with python3 (math module only), e.g. the toy:
//   x = [1, -2, 3, 0]; W = [[1,0,1,1,5],[2,4,2,-1,3]]; U = [[0.5,1,2],[0.2,0,-4]]
//   a = [w[0] + sum(w[k+1]*x[k] for k in range(4)) for w in W]            -> [2, -1]
//   h = [1/(1+math.exp(-v)) for v in a]        -> [0.8807970779778823, 0.2689414213699951]
//   y = [u[0] + sum(u[j+1]*h[j] for j in range(2)) for u in U]
//                                              -> [1.9186799207178726, -0.8757656854799805]
//   z = [math.exp(v)/sum(math.exp(w) for w in y) for v in y]
//                                              -> [0.9423749360828017, 0.057625063917198315]
#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "common/rng.hpp"
#include "language/forward_steps.hpp"
#include "language/neural_model.hpp"

using namespace vaerksted;
using namespace vaerksted::language;

namespace {

constexpr NeuralStatus kOk = NeuralStatus::Ok;

double relativeError(double a, double b) {
    const double scale = std::max({std::abs(a), std::abs(b), 1e-8});
    return std::abs(a - b) / scale;
}

Eigen::MatrixXd matrix(int rows, int cols, std::initializer_list<double> values) {
    Eigen::MatrixXd m(rows, cols);
    auto it = values.begin();
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) m(r, c) = *it++;
    return m;
}

Eigen::MatrixXd randomMatrix(Rng& rng, Eigen::Index rows, Eigen::Index cols, double spread) {
    Eigen::MatrixXd m(rows, cols);
    for (Eigen::Index r = 0; r < rows; ++r)
        for (Eigen::Index c = 0; c < cols; ++c) m(r, c) = rng.uniform(-spread, spread);
    return m;
}

NeuralRows makeRows(int contextWords, std::vector<int> ids) {
    NeuralRows rows;
    rows.contextWords = contextWords;
    rows.ids = std::move(ids);
    return rows;
}

// The course's toy: two input words en = (1, −2), kat = (3, 0) and two output words spinder,
// danser. The model has one table of V words for both ends, so here word 0 is read as "en" in a
// context and as "spinder" at the output, word 1 as "kat" and "danser": the arithmetic is the
// course's exactly (the table rows are only ever read for the context).
NeuralLanguageModel toyModel(bool trainEmbeddings) {
    NeuralSettings settings;
    settings.contextWords = 2;
    settings.hidden = 2;
    settings.activation = Activation::Sigmoid;
    settings.trainEmbeddings = trainEmbeddings;
    NeuralLanguageModel model;
    Rng rng(1);
    EXPECT_EQ(model.setup(2, matrix(2, 2, {1, -2, 3, 0}), settings, rng), kOk);
    // w10 … w14 and w20 … w24; u10 … u12 and u20 … u22.
    EXPECT_EQ(model.setWeights(matrix(2, 5, {1, 0, 1, 1, 5, 2, 4, 2, -1, 3}),
                               matrix(2, 3, {0.5, 1, 2, 0.2, 0, -4})),
              kOk);
    return model;
}

}  // namespace

// ---- 1. the course's small network ----

TEST(NeuralModelToy, EnKatGivesTheCoursesProbabilities) {
    const NeuralLanguageModel model = toyModel(false);
    const int context[2] = {0, 1};  // "en kat"
    NeuralForward f;
    ASSERT_EQ(model.forward(context, f), kOk);
    ASSERT_EQ(f.x.size(), 4);
    EXPECT_EQ(f.x[0], 1.0);
    EXPECT_EQ(f.x[1], -2.0);
    EXPECT_EQ(f.x[2], 3.0);
    EXPECT_EQ(f.x[3], 0.0);
    // a1 = 1 + 0·1 + 1·(−2) + 1·3 + 5·0 = 2,  a2 = 2 + 4·1 + 2·(−2) − 1·3 + 3·0 = −1
    EXPECT_NEAR(f.a[0], 2.0, 1e-15);
    EXPECT_NEAR(f.a[1], -1.0, 1e-15);
    EXPECT_NEAR(f.h[0], 0.8807970779778823, 1e-15);
    EXPECT_NEAR(f.h[1], 0.2689414213699951, 1e-15);
    EXPECT_NEAR(f.y[0], 1.9186799207178726, 1e-14);
    EXPECT_NEAR(f.y[1], -0.8757656854799805, 1e-14);
    EXPECT_NEAR(f.z[0], 0.9423749360828017, 1e-14);
    EXPECT_NEAR(f.z[1], 0.057625063917198315, 1e-14);
    EXPECT_NEAR(f.z[0], 0.9424, 5e-5);  // P(spinder | en kat) as the course rounds it
}

TEST(NeuralModelToy, HasSixteenWeights) {
    // 2·(1 + 2·2) + 2·(1 + 2) = 10 + 6
    EXPECT_EQ(weightCount(2, 2, 2, 2), 16);
    EXPECT_EQ(toyModel(false).weightCount(), 16);
    EXPECT_EQ(toyModel(true).weightCount(), 16 + 2 * 2);  // + the embeddings V·m
}

TEST(NeuralModelToy, GradientForSpinderIsTheHandCalculation) {
    // python3, with the toy's a, h, z above and t = spinder:
    //   dy = [z[0] - 1, z[1]];  dU[i] = [dy[i]] + [dy[i]*h[j] for j]
    //   dh = [sum(dy[i]*U[i][j+1] for i) for j];  da = [dh[j]*h[j]*(1-h[j]) for j]
    //   dW[j] = [da[j]] + [da[j]*x[k] for k];  dx = [sum(da[j]*W[j][k+1] for j) for k]
    const NeuralLanguageModel model = toyModel(true);
    NeuralGradients g;
    double L = 0.0;
    ASSERT_EQ(model.gradientOf(makeRows(2, {0, 1, 0}), g, L), kOk);
    EXPECT_NEAR(L, 0.059352062275924926, 1e-14);  // −ln 0.9423749360828017
    const double dU[2][3] = {{-0.05762506391719835, -0.050755987916557006, -0.015497766596428143},
                             {0.057625063917198315, 0.05075598791655698, 0.015497766596428132}};
    const double dW[2][5] = {{-0.006050262069772892, -0.006050262069772892, 0.012100524139545784,
                              -0.018150786209318676, 0.0},
                             {-0.06797865131954593, -0.06797865131954593, 0.13595730263909186,
                              -0.20393595395863778, 0.0}};
    const double dx[4] = {-0.27191460527818373, -0.14200756470886475, 0.06192838924977304,
                          -0.23418726430750225};
    for (int i = 0; i < 2; ++i)
        for (int j = 0; j < 3; ++j) EXPECT_NEAR(g.U(i, j), dU[i][j], 1e-14) << "u" << i + 1 << j;
    for (int j = 0; j < 2; ++j)
        for (int k = 0; k < 5; ++k) EXPECT_NEAR(g.W(j, k), dW[j][k], 1e-14) << "w" << j + 1 << k;
    // ∂L/∂v_en = (∂L/∂x1, ∂L/∂x2), ∂L/∂v_kat = (∂L/∂x3, ∂L/∂x4)
    ASSERT_EQ(g.E.rows(), 2);
    EXPECT_NEAR(g.E(0, 0), dx[0], 1e-14);
    EXPECT_NEAR(g.E(0, 1), dx[1], 1e-14);
    EXPECT_NEAR(g.E(1, 0), dx[2], 1e-14);
    EXPECT_NEAR(g.E(1, 1), dx[3], 1e-14);
}

// ---- 2. the notes' weight count ----

TEST(NeuralModelCount, TheNotesExampleHas102500Weights) {
    // c = 3, m = 3, V = 2000, d = 50: 50·(1 + 9) + 2000·(1 + 50) = 500 + 102 000
    EXPECT_EQ(weightCount(3, 3, 2000, 50), 102500);
    EXPECT_EQ(weightCountWithEmbeddings(3, 3, 2000, 50), 102500 + 2000 * 3);
    // m = 100 (the exercise's second question): 50·301 + 2000·51 = 15 050 + 102 000
    EXPECT_EQ(weightCount(3, 100, 2000, 50), 117050);
}

// ---- 3. cross-entropy ----

namespace {

// V = 2, d = 1, with y = (ln 0.61, ln 0.39) for every context: z = (0.61, 0.39).
NeuralLanguageModel sixtyOneModel() {
    NeuralSettings settings;
    settings.contextWords = 1;
    settings.hidden = 1;
    NeuralLanguageModel model;
    Rng rng(7);
    EXPECT_EQ(model.setup(2, matrix(2, 1, {0.3, -0.2}), settings, rng), kOk);
    EXPECT_EQ(model.setWeights(matrix(1, 2, {0.4, 1.5}), matrix(2, 2, {std::log(0.61), 0, std::log(0.39), 0})),
              kOk);
    return model;
}

}  // namespace

TEST(NeuralModelLoss, CrossEntropyIsTheCoursesNumbers) {
    const NeuralLanguageModel model = sixtyOneModel();
    const int context[1] = {0};
    NeuralForward f;
    ASSERT_EQ(model.forward(context, f), kOk);
    EXPECT_NEAR(f.z[0], 0.61, 1e-15);
    EXPECT_NEAR(f.z[1], 0.39, 1e-15);
    double L = 0.0;
    ASSERT_EQ(model.lossOf(makeRows(1, {0, 0}), L), kOk);
    EXPECT_NEAR(L, 0.4942963218147801, 1e-15);  // −ln 0.61
    ASSERT_EQ(model.lossOf(makeRows(1, {1, 1}), L), kOk);
    EXPECT_NEAR(L, 0.941608539858445, 1e-15);   // −ln 0.39
}

TEST(NeuralModelLoss, EvaluationSumsAndAveragesOverTheRows) {
    // L = −ln 0.61 − ln 0.39 = 1.435904861673225, per word 0.7179524308366125,
    // perplexity e^0.7179524308366125 = 1/√(0.61·0.39) = 2.050230920261824
    const NeuralLanguageModel model = sixtyOneModel();
    NeuralEvaluation e;
    ASSERT_EQ(model.evaluate(makeRows(1, {0, 0, 1, 1}), e), kOk);
    EXPECT_NEAR(e.loss, 1.435904861673225, 1e-15);
    EXPECT_NEAR(e.lossPerWord, 0.7179524308366125, 1e-15);
    EXPECT_NEAR(e.perplexity, 2.050230920261824, 1e-14);
}

TEST(NeuralModelLoss, SoftmaxOfHugeScoresStaysFinite) {
    // y = (1000, −1000): e^1000 overflows, log-sum-exp does not. By hand: ŷ = 1000,
    // ln(1 + e^−2000) = 0 in double, so −ln z_1 = 0 and −ln z_2 = 1000 + 0 + 1000 = 2000.
    NeuralLanguageModel model = sixtyOneModel();
    ASSERT_EQ(model.setWeights(matrix(1, 2, {0.4, 1.5}), matrix(2, 2, {1000, 0, -1000, 0})), kOk);
    double L = 0.0;
    ASSERT_EQ(model.lossOf(makeRows(1, {0, 0}), L), kOk);
    EXPECT_EQ(L, 0.0);
    ASSERT_EQ(model.lossOf(makeRows(1, {0, 1}), L), kOk);
    EXPECT_EQ(L, 2000.0);
    NeuralForward f;
    const int context[1] = {1};
    ASSERT_EQ(model.forward(context, f), kOk);
    EXPECT_EQ(f.z[0], 1.0);
    EXPECT_EQ(f.z[1], 0.0);  // e^−2000 underflows to 0, not NaN
}

TEST(NeuralModelLoss, ManyRowsAreTheSumOfEachRow) {
    // 300 rows cross the 256-row chunks the model works in.
    Rng rng(31);
    NeuralSettings settings;
    settings.contextWords = 2;
    settings.hidden = 3;
    settings.activation = Activation::Tanh;
    NeuralLanguageModel model;
    ASSERT_EQ(model.setup(6, randomMatrix(rng, 6, 2, 1.0), settings, rng), kOk);
    std::vector<int> ids;
    for (int r = 0; r < 300; ++r)
        for (int i = 0; i < 3; ++i) ids.push_back(static_cast<int>(rng.below(6)));
    double total = 0.0, sum = 0.0;
    ASSERT_EQ(model.lossOf(makeRows(2, ids), total), kOk);
    for (int r = 0; r < 300; ++r) {
        double one = 0.0;
        ASSERT_EQ(model.lossOf(makeRows(2, {ids[3 * r], ids[3 * r + 1], ids[3 * r + 2]}), one), kOk);
        sum += one;
    }
    EXPECT_NEAR(total, sum, 1e-11 * sum);
}

// ---- the rows of a token stream ----

TEST(NeuralModelRows, ContextsWrapAroundTheEndOfTheText) {
    // tokens a b c d (0 1 2 3), c = 2: row r = (tokens[r−2], tokens[r−1] → tokens[r]) mod 4
    NeuralRows rows;
    ASSERT_EQ(rowsFromTokens(std::vector<int>{0, 1, 2, 3}, 2, 4, rows), kOk);
    EXPECT_EQ(rows.contextWords, 2);
    EXPECT_EQ(rows.count(), 4);
    EXPECT_EQ(rows.ids, (std::vector<int>{2, 3, 0, /**/ 3, 0, 1, /**/ 0, 1, 2, /**/ 1, 2, 3}));
    EXPECT_EQ(rows.target(1), 1);
    EXPECT_EQ(rows.context(1)[0], 3);
}

TEST(NeuralModelRows, AStreamShorterThanTheContextWrapsMoreThanOnce) {
    // tokens (5, 6), c = 3: row 0 reads positions −3, −2, −1 ≡ 1, 0, 1 → 0;
    // row 1 reads −2, −1, 0 ≡ 0, 1, 0 → 1.
    NeuralRows rows;
    ASSERT_EQ(rowsFromTokens(std::vector<int>{5, 6}, 3, 7, rows), kOk);
    EXPECT_EQ(rows.ids, (std::vector<int>{6, 5, 6, 5, /**/ 5, 6, 5, 6}));
}

TEST(NeuralModelRows, BadStreamsGiveTheirStatuses) {
    NeuralRows rows;
    EXPECT_EQ(rowsFromTokens(std::vector<int>{}, 2, 4, rows), NeuralStatus::NoRows);
    EXPECT_EQ(rowsFromTokens(std::vector<int>{0, 4}, 2, 4, rows), NeuralStatus::InvalidWordId);
    EXPECT_EQ(rowsFromTokens(std::vector<int>{0, -1}, 2, 4, rows), NeuralStatus::InvalidWordId);
    EXPECT_EQ(rowsFromTokens(std::vector<int>{0, 1}, 0, 4, rows), NeuralStatus::InvalidContextWords);
    EXPECT_EQ(rowsFromTokens(std::vector<int>{0, 1}, 5, 4, rows), NeuralStatus::InvalidContextWords);
    EXPECT_EQ(rowsFromTokens(std::vector<int>{0, 1}, 2, 0, rows), NeuralStatus::InvalidVocabulary);
    EXPECT_TRUE(rows.ids.empty());  // untouched on a status
}

// ---- 4. every gradient against central differences ----

namespace {

struct GradientCase {
    Activation activation;
    bool trainEmbeddings;
};

std::string caseName(const testing::TestParamInfo<GradientCase>& info) {
    return std::string(neuron::activationName(info.param.activation)) +
           (info.param.trainEmbeddings ? "_trained" : "_frozen");
}

class NeuralModelGradient : public testing::TestWithParam<GradientCase> {};

}  // namespace

TEST_P(NeuralModelGradient, MatchesCentralDifferences) {
    const auto [f, trainEmbeddings] = GetParam();
    const int V = 7, m = 3, c = 3, d = 4, count = 5;
    NeuralSettings settings;
    settings.contextWords = c;
    settings.hidden = d;
    settings.activation = f;
    settings.trainEmbeddings = trainEmbeddings;
    Rng rng(20260311);
    for (int trial = 0; trial < 5; ++trial) {
        // A random model and rows, drawn again until every a_j is away from ReLU's kink at 0.
        NeuralLanguageModel model;
        NeuralRows rows;
        for (bool away = false; !away;) {
            ASSERT_EQ(model.setup(V, randomMatrix(rng, V, m, 1.0), settings, rng), kOk);
            ASSERT_EQ(model.setWeights(randomMatrix(rng, d, 1 + c * m, 1.0), randomMatrix(rng, V, 1 + d, 1.0)), kOk);
            rows = makeRows(c, {});
            for (int i = 0; i < count * (c + 1); ++i) rows.ids.push_back(static_cast<int>(rng.below(V)));
            away = true;
            for (int r = 0; r < count; ++r) {
                NeuralForward fw;
                ASSERT_EQ(model.forward(rows.context(r), fw), kOk);
                away = away && (fw.a.array().abs() > 1e-2).all();
            }
        }
        NeuralGradients g;
        double L = 0.0;
        ASSERT_EQ(model.gradientOf(rows, g, L), kOk);
        ASSERT_EQ(g.W.rows(), d);
        ASSERT_EQ(g.W.cols(), 1 + c * m);
        ASSERT_EQ(g.U.rows(), V);
        ASSERT_EQ(g.U.cols(), 1 + d);
        ASSERT_EQ(g.E.size(), trainEmbeddings ? V * m : 0);

        const Eigen::MatrixXd W = model.hiddenWeights(), U = model.outputWeights(), E = model.embeddings();
        const double h = 1e-5;
        const auto lossAt = [&](const Eigen::MatrixXd& w, const Eigen::MatrixXd& u, const Eigen::MatrixXd& e) {
            EXPECT_EQ(model.setWeights(w, u), kOk);
            EXPECT_EQ(model.setEmbeddings(e), kOk);
            double loss = 0.0;
            EXPECT_EQ(model.lossOf(rows, loss), kOk);
            return loss;
        };
        for (int j = 0; j < W.rows(); ++j)
            for (int k = 0; k < W.cols(); ++k) {
                Eigen::MatrixXd plus = W, minus = W;
                plus(j, k) += h;
                minus(j, k) -= h;
                const double numeric = (lossAt(plus, U, E) - lossAt(minus, U, E)) / (2 * h);
                EXPECT_LT(relativeError(g.W(j, k), numeric), 1e-6)
                    << "trial " << trial << ", ∂L/∂w" << j + 1 << "," << k << ": analytic " << g.W(j, k)
                    << ", numeric " << numeric;
            }
        for (int i = 0; i < U.rows(); ++i)
            for (int j = 0; j < U.cols(); ++j) {
                Eigen::MatrixXd plus = U, minus = U;
                plus(i, j) += h;
                minus(i, j) -= h;
                const double numeric = (lossAt(W, plus, E) - lossAt(W, minus, E)) / (2 * h);
                EXPECT_LT(relativeError(g.U(i, j), numeric), 1e-6)
                    << "trial " << trial << ", ∂L/∂u" << i + 1 << "," << j << ": analytic " << g.U(i, j)
                    << ", numeric " << numeric;
            }
        if (!trainEmbeddings) continue;
        for (int w = 0; w < V; ++w)
            for (int k = 0; k < m; ++k) {
                Eigen::MatrixXd plus = E, minus = E;
                plus(w, k) += h;
                minus(w, k) -= h;
                const double numeric = (lossAt(W, U, plus) - lossAt(W, U, minus)) / (2 * h);
                EXPECT_LT(relativeError(g.E(w, k), numeric), 1e-6)
                    << "trial " << trial << ", ∂L/∂v_" << w << "[" << k << "]: analytic " << g.E(w, k)
                    << ", numeric " << numeric;
            }
    }
}

INSTANTIATE_TEST_SUITE_P(NeuralModelActivations, NeuralModelGradient,
                         testing::Values(GradientCase{Activation::Sigmoid, true}, GradientCase{Activation::Tanh, true},
                                         GradientCase{Activation::Relu, true}, GradientCase{Activation::Identity, true},
                                         GradientCase{Activation::Sigmoid, false}),
                         caseName);

// ---- 5. training ----

namespace {

// "en hund og en kat" would make "en" ambiguous for c = 1; five different words repeated three
// times, read cyclically with c = 2, make every next word certain: the best loss is 0.
const std::vector<int> kSentence = {0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1, 2, 3, 4};

NeuralSettings trainingSettings(Optimiser optimiser, bool trainEmbeddings) {
    NeuralSettings s;
    s.contextWords = 2;
    s.hidden = 8;
    s.activation = Activation::Sigmoid;
    s.trainEmbeddings = trainEmbeddings;
    s.optimiser = optimiser;
    s.learningRate = optimiser == Optimiser::Adam ? 0.05 : 1.0;
    s.batchSize = 4;
    return s;
}

struct Trained {
    NeuralLanguageModel model;
    Eigen::MatrixXd startEmbeddings;
    double startLoss = 0.0, endLoss = 0.0;
    std::vector<double> batchLosses;
};

Trained train(const NeuralSettings& settings, std::uint64_t seed, int epochs) {
    Trained t;
    Rng rng(seed);
    t.startEmbeddings = randomMatrix(rng, 5, 3, 1.0);
    EXPECT_EQ(t.model.setup(5, t.startEmbeddings, settings, rng), kOk);
    NeuralRows rows;
    EXPECT_EQ(rowsFromTokens(kSentence, settings.contextWords, 5, rows), kOk);
    NeuralEvaluation e;
    EXPECT_EQ(t.model.evaluate(rows, e), kOk);
    t.startLoss = e.lossPerWord;
    for (int epoch = 0; epoch < epochs; ++epoch) EXPECT_EQ(t.model.trainEpoch(rows, rng, &t.batchLosses), kOk);
    EXPECT_EQ(t.model.evaluate(rows, e), kOk);
    t.endLoss = e.lossPerWord;
    return t;
}

}  // namespace

TEST(NeuralModelTraining, AdamLearnsACyclicSentence) {
    const Trained t = train(trainingSettings(Optimiser::Adam, false), 11, 300);
    EXPECT_GT(t.startLoss, 1.0);   // about ln 5 = 1.61 for a fresh model
    EXPECT_LT(t.endLoss, 0.01);    // every next word almost certain
    EXPECT_EQ(t.model.steps(), 300 * 4);  // ⌈15 / 4⌉ = 4 mini-batches per pass
    EXPECT_EQ(t.batchLosses.size(), 300u * 4);
}

TEST(NeuralModelTraining, SgdLearnsACyclicSentence) {
    const Trained t = train(trainingSettings(Optimiser::Sgd, false), 11, 1000);
    EXPECT_GT(t.startLoss, 1.0);
    EXPECT_LT(t.endLoss, 0.01);
}

TEST(NeuralModelTraining, TrainedEmbeddingsLearnTooAndMove) {
    const Trained t = train(trainingSettings(Optimiser::Adam, true), 12, 300);
    EXPECT_LT(t.endLoss, 0.01);
    EXPECT_GT((t.model.embeddings() - t.startEmbeddings).cwiseAbs().maxCoeff(), 0.01);
}

TEST(NeuralModelTraining, FrozenEmbeddingsStayExactlyAsGiven) {
    for (Optimiser o : {Optimiser::Adam, Optimiser::Sgd}) {
        const Trained t = train(trainingSettings(o, false), 13, 50);
        EXPECT_TRUE(t.model.embeddings() == t.startEmbeddings) << optimiserName(o);
    }
}

TEST(NeuralModelTraining, TheSameSeedGivesBitIdenticalWeights) {
    for (Optimiser o : {Optimiser::Adam, Optimiser::Sgd}) {
        const Trained a = train(trainingSettings(o, true), 14, 40);
        const Trained b = train(trainingSettings(o, true), 14, 40);
        EXPECT_TRUE(a.model.hiddenWeights() == b.model.hiddenWeights()) << optimiserName(o);
        EXPECT_TRUE(a.model.outputWeights() == b.model.outputWeights()) << optimiserName(o);
        EXPECT_TRUE(a.model.embeddings() == b.model.embeddings()) << optimiserName(o);
        EXPECT_EQ(a.batchLosses, b.batchLosses) << optimiserName(o);
        // …and another seed gives other weights, so the comparison above can fail.
        const Trained other = train(trainingSettings(o, true), 15, 40);
        EXPECT_FALSE(a.model.hiddenWeights() == other.model.hiddenWeights()) << optimiserName(o);
    }
}

TEST(NeuralModelTraining, OneSgdStepIsTheMeanGradientTimesEta) {
    // w ← w − η·(1/B)·∂L_B/∂w, with the batch the whole set (B = 15 ≥ rows).
    NeuralSettings s = trainingSettings(Optimiser::Sgd, true);
    s.batchSize = 100;
    s.learningRate = 0.3;
    Rng rng(21);
    NeuralLanguageModel model;
    ASSERT_EQ(model.setup(5, randomMatrix(rng, 5, 3, 1.0), s, rng), kOk);
    NeuralRows rows;
    ASSERT_EQ(rowsFromTokens(kSentence, 2, 5, rows), kOk);
    NeuralGradients g;
    double L = 0.0;
    ASSERT_EQ(model.gradientOf(rows, g, L), kOk);
    const Eigen::MatrixXd W = model.hiddenWeights(), U = model.outputWeights(), E = model.embeddings();
    std::vector<double> losses;
    ASSERT_EQ(model.trainSteps(rows, 1, rng, &losses), kOk);
    ASSERT_EQ(losses.size(), 1u);
    EXPECT_NEAR(losses[0], L / 15, 1e-14);  // the batch's L / B before the update
    EXPECT_LT((model.hiddenWeights() - (W - 0.3 / 15 * g.W)).cwiseAbs().maxCoeff(), 1e-14);
    EXPECT_LT((model.outputWeights() - (U - 0.3 / 15 * g.U)).cwiseAbs().maxCoeff(), 1e-14);
    EXPECT_LT((model.embeddings() - (E - 0.3 / 15 * g.E)).cwiseAbs().maxCoeff(), 1e-14);
}

TEST(NeuralModelTraining, TheFirstAdamStepMovesEveryWeightByAboutEta) {
    // At t = 1: m = (1 − β1)·g, m̂ = m/(1 − β1) = g; v = (1 − β2)·g², v̂ = g²; so the step is
    // η·g/(|g| + ε): ±η, to within η·ε/|g|, for every weight with |g| ≫ ε.
    NeuralSettings s = trainingSettings(Optimiser::Adam, false);
    s.batchSize = 100;
    s.learningRate = 0.01;
    Rng rng(22);
    NeuralLanguageModel model;
    ASSERT_EQ(model.setup(5, randomMatrix(rng, 5, 3, 1.0), s, rng), kOk);
    NeuralRows rows;
    ASSERT_EQ(rowsFromTokens(kSentence, 2, 5, rows), kOk);
    NeuralGradients g;
    double L = 0.0;
    ASSERT_EQ(model.gradientOf(rows, g, L), kOk);
    const Eigen::MatrixXd U = model.outputWeights();
    ASSERT_EQ(model.trainSteps(rows, 1, rng), kOk);
    for (int i = 0; i < U.rows(); ++i)
        for (int j = 0; j < U.cols(); ++j) {
            const double gi = g.U(i, j) / 15;  // the mean gradient of the one batch
            EXPECT_NEAR(model.outputWeights()(i, j), U(i, j) - 0.01 * gi / (std::abs(gi) + 1e-8), 1e-12)
                << "u" << i + 1 << "," << j;
            if (std::abs(gi) > 1e-4) {
                EXPECT_NEAR(std::abs(model.outputWeights()(i, j) - U(i, j)), 0.01, 1e-6);
            }
        }
}

TEST(NeuralModelTraining, AnEpochIsOnePassAndStepsCarryOnAcrossCalls) {
    NeuralSettings s = trainingSettings(Optimiser::Sgd, false);
    Rng rng(23);
    NeuralLanguageModel model;
    ASSERT_EQ(model.setup(5, randomMatrix(rng, 5, 3, 1.0), s, rng), kOk);
    NeuralRows rows;
    ASSERT_EQ(rowsFromTokens(kSentence, 2, 5, rows), kOk);
    std::vector<double> losses;
    ASSERT_EQ(model.trainSteps(rows, 2, rng, &losses), kOk);  // 2 · 4 of the 15 rows
    EXPECT_EQ(model.passPosition(), 8);
    ASSERT_EQ(model.trainEpoch(rows, rng, &losses), kOk);     // the rest: 4 + 3 rows
    EXPECT_EQ(model.passPosition(), 0);
    EXPECT_EQ(model.steps(), 4);
    ASSERT_EQ(model.trainEpoch(rows, rng, &losses), kOk);     // a whole pass: ⌈15 / 4⌉
    EXPECT_EQ(model.steps(), 8);
    EXPECT_EQ(losses.size(), 8u);
}

// ---- 6. divergence and statuses ----

TEST(NeuralModelDivergence, AnAbsurdLearningRateStopsWithFiniteWeights) {
    // ReLU lets h grow with W, so with η = 10^6 each SGD step multiplies the weights: the loss
    // leaves the doubles within a few dozen steps.
    NeuralSettings s = trainingSettings(Optimiser::Sgd, true);
    s.activation = Activation::Relu;
    s.learningRate = 1e6;
    Rng rng(24);
    NeuralLanguageModel model;
    ASSERT_EQ(model.setup(5, randomMatrix(rng, 5, 3, 1.0), s, rng), kOk);
    NeuralRows rows;
    ASSERT_EQ(rowsFromTokens(kSentence, 2, 5, rows), kOk);
    std::vector<double> losses;
    EXPECT_EQ(model.trainSteps(rows, 10000, rng, &losses), NeuralStatus::Diverged);
    EXPECT_LT(model.steps(), 10000);
    EXPECT_EQ(losses.size(), static_cast<std::size_t>(model.steps()));
    for (double l : losses) EXPECT_TRUE(std::isfinite(l));
    EXPECT_TRUE(model.hiddenWeights().allFinite());
    EXPECT_TRUE(model.outputWeights().allFinite());
    EXPECT_TRUE(model.embeddings().allFinite());
    // Whatever is asked of the model now, no NaN comes out: a finite answer or a status.
    NeuralEvaluation e;
    const NeuralStatus status = model.evaluate(rows, e);
    if (status == kOk) {
        EXPECT_TRUE(std::isfinite(e.loss) && std::isfinite(e.perplexity));
    } else {
        EXPECT_EQ(status, NeuralStatus::NonFinite);
    }
    NeuralForward f;
    if (model.forward(rows.context(0), f) == kOk) {
        EXPECT_TRUE(f.z.allFinite() && f.y.allFinite());
    }
}

TEST(NeuralModelDivergence, AnAbsurdLearningRateWithABoundedActivationStaysFinite) {
    // With the sigmoid, h stays in (0, 1) and Adam moves each weight by at most about η per step:
    // the weights grow to ~10^9 but the loss stays finite, so training goes on (no status) —
    // and still nothing that is not finite comes out.
    NeuralSettings s = trainingSettings(Optimiser::Adam, true);
    s.learningRate = 1e6;
    Rng rng(26);
    NeuralLanguageModel model;
    ASSERT_EQ(model.setup(5, randomMatrix(rng, 5, 3, 1.0), s, rng), kOk);
    NeuralRows rows;
    ASSERT_EQ(rowsFromTokens(kSentence, 2, 5, rows), kOk);
    std::vector<double> losses;
    EXPECT_EQ(model.trainSteps(rows, 1000, rng, &losses), kOk);
    for (double l : losses) EXPECT_TRUE(std::isfinite(l));
    EXPECT_TRUE(model.hiddenWeights().allFinite() && model.outputWeights().allFinite() &&
                model.embeddings().allFinite());
    EXPECT_GT(model.outputWeights().cwiseAbs().maxCoeff(), 1e6);  // η really was absurd
    NeuralEvaluation e;
    const NeuralStatus status = model.evaluate(rows, e);
    if (status == kOk) {
        EXPECT_TRUE(std::isfinite(e.loss) && std::isfinite(e.perplexity));
    } else {
        EXPECT_EQ(status, NeuralStatus::NonFinite);
    }
}

TEST(NeuralModelStatus, BadSettingsGiveTheirStatuses) {
    const auto with = [](auto change) {
        NeuralSettings s;
        change(s);
        return s.check();
    };
    EXPECT_EQ(NeuralSettings{}.check(), kOk);
    EXPECT_EQ(with([](NeuralSettings& s) { s.contextWords = 0; }), NeuralStatus::InvalidContextWords);
    EXPECT_EQ(with([](NeuralSettings& s) { s.contextWords = 5; }), NeuralStatus::InvalidContextWords);
    EXPECT_EQ(with([](NeuralSettings& s) { s.contextWords = 4; }), kOk);
    EXPECT_EQ(with([](NeuralSettings& s) { s.hidden = 0; }), NeuralStatus::InvalidHidden);
    EXPECT_EQ(with([](NeuralSettings& s) { s.hidden = kMaxHidden + 1; }), NeuralStatus::InvalidHidden);
    EXPECT_EQ(with([](NeuralSettings& s) { s.activation = static_cast<Activation>(99); }),
              NeuralStatus::UnknownActivation);
    EXPECT_EQ(with([](NeuralSettings& s) { s.optimiser = static_cast<Optimiser>(7); }),
              NeuralStatus::UnknownOptimiser);
    EXPECT_EQ(with([](NeuralSettings& s) { s.learningRate = 0.0; }), NeuralStatus::InvalidLearningRate);
    EXPECT_EQ(with([](NeuralSettings& s) { s.learningRate = -0.1; }), NeuralStatus::InvalidLearningRate);
    EXPECT_EQ(with([](NeuralSettings& s) { s.learningRate = std::nan(""); }), NeuralStatus::InvalidLearningRate);
    EXPECT_EQ(with([](NeuralSettings& s) { s.learningRate = std::numeric_limits<double>::infinity(); }),
              NeuralStatus::InvalidLearningRate);
    EXPECT_EQ(with([](NeuralSettings& s) { s.beta1 = 1.0; }), NeuralStatus::InvalidMoments);
    EXPECT_EQ(with([](NeuralSettings& s) { s.beta2 = -0.1; }), NeuralStatus::InvalidMoments);
    EXPECT_EQ(with([](NeuralSettings& s) { s.beta2 = std::nan(""); }), NeuralStatus::InvalidMoments);
    EXPECT_EQ(with([](NeuralSettings& s) { s.epsilon = 0.0; }), NeuralStatus::InvalidEpsilon);
    // Adam's numbers are not looked at for SGD.
    EXPECT_EQ(with([](NeuralSettings& s) { s.optimiser = Optimiser::Sgd; s.beta1 = 2.0; }), kOk);
    EXPECT_EQ(with([](NeuralSettings& s) { s.batchSize = 0; }), NeuralStatus::InvalidBatchSize);
}

TEST(NeuralModelStatus, BadSetupsAndCallsGiveTheirStatusesAndChangeNothing) {
    Rng rng(25);
    NeuralLanguageModel model;
    NeuralSettings s;
    s.contextWords = 1;
    s.hidden = 2;
    const int context[1] = {0};
    NeuralForward f;
    EXPECT_EQ(model.forward(context, f), NeuralStatus::NotReady);
    EXPECT_EQ(model.setWeights(Eigen::MatrixXd(2, 2), Eigen::MatrixXd(3, 3)), NeuralStatus::NotReady);
    EXPECT_EQ(model.setup(3, Eigen::MatrixXd::Zero(4, 2), s, rng), NeuralStatus::InvalidVocabulary);
    EXPECT_EQ(model.setup(0, Eigen::MatrixXd::Zero(0, 2), s, rng), NeuralStatus::InvalidVocabulary);
    EXPECT_EQ(model.setup(3, Eigen::MatrixXd::Zero(3, 0), s, rng), NeuralStatus::InvalidEmbeddings);
    Eigen::MatrixXd nan = Eigen::MatrixXd::Zero(3, 2);
    nan(1, 1) = std::nan("");
    EXPECT_EQ(model.setup(3, nan, s, rng), NeuralStatus::InvalidEmbeddings);
    // d = 100, V = 200 000, m = 1: U alone has 200 000·101 = 20 200 000 > kMaxWeights numbers.
    s.hidden = 100;
    EXPECT_EQ(model.setup(200000, Eigen::MatrixXd::Zero(200000, 1), s, rng), NeuralStatus::TooManyWeights);
    EXPECT_FALSE(model.ready());

    s.hidden = 2;
    ASSERT_EQ(model.setup(3, Eigen::MatrixXd::Ones(3, 2), s, rng), kOk);
    const Eigen::MatrixXd W = model.hiddenWeights();
    EXPECT_EQ(model.setWeights(Eigen::MatrixXd::Zero(2, 2), model.outputWeights()), NeuralStatus::InvalidWeights);
    Eigen::MatrixXd inf = W;
    inf(0, 0) = std::numeric_limits<double>::infinity();
    EXPECT_EQ(model.setWeights(inf, model.outputWeights()), NeuralStatus::InvalidWeights);
    EXPECT_EQ(model.setEmbeddings(Eigen::MatrixXd::Ones(3, 3)), NeuralStatus::InvalidEmbeddings);
    EXPECT_TRUE(model.hiddenWeights() == W);
    EXPECT_EQ(model.setLearningRate(0.0), NeuralStatus::InvalidLearningRate);
    EXPECT_EQ(model.setLearningRate(0.5), kOk);
    EXPECT_EQ(model.settings().learningRate, 0.5);

    const int outside[1] = {3};
    EXPECT_EQ(model.forward(outside, f), NeuralStatus::InvalidWordId);
    double L = 0.0;
    EXPECT_EQ(model.lossOf(makeRows(1, {0, 3}), L), NeuralStatus::InvalidWordId);
    EXPECT_EQ(model.lossOf(makeRows(2, {0, 1, 2}), L), NeuralStatus::ContextMismatch);
    EXPECT_EQ(model.lossOf(makeRows(1, {0, 1, 2}), L), NeuralStatus::ContextMismatch);  // 3 ids: not whole rows
    EXPECT_EQ(model.lossOf(makeRows(1, {}), L), NeuralStatus::NoRows);
    EXPECT_EQ(model.trainSteps(makeRows(1, {0, 1}), -1, rng), NeuralStatus::InvalidSteps);
    EXPECT_EQ(model.trainSteps(makeRows(1, {0, 1}), kMaxStepsPerCall + 1, rng), NeuralStatus::InvalidSteps);
    EXPECT_EQ(model.steps(), 0);
}

TEST(NeuralModelStatus, StatusesHaveDistinctNames) {
    std::set<std::string> names;
    for (int s = 0; s <= static_cast<int>(kLastNeuralStatus); ++s) {
        const std::string name = neuralStatusName(static_cast<NeuralStatus>(s));
        EXPECT_NE(name, "unknown") << "status " << s;
        EXPECT_TRUE(names.insert(name).second) << name << " twice";
    }
    EXPECT_EQ(std::string(neuralStatusName(NeuralStatus::Diverged)), "diverged");
    Optimiser o = Optimiser::Sgd;
    EXPECT_TRUE(parseOptimiser("adam", o));
    EXPECT_EQ(o, Optimiser::Adam);
    EXPECT_STREQ(optimiserName(o), "adam");
    EXPECT_FALSE(parseOptimiser("rmsprop", o));
}

TEST(NeuralModelForwardSteps, TheCourseToyStepByStep) {
    // the python3 numbers at the top of this file
    Eigen::VectorXd x(4);
    x << 1, -2, 3, 0;
    Eigen::MatrixXd W(2, 5), U(2, 3);
    W << 1, 0, 1, 1, 5, 2, 4, 2, -1, 3;
    U << 0.5, 1, 2, 0.2, 0, -4;
    const ForwardSteps s = forwardSteps(x, W, U, Activation::Sigmoid);
    ASSERT_EQ(s.status, kOk);
    EXPECT_DOUBLE_EQ(s.a[0], 2.0);
    EXPECT_DOUBLE_EQ(s.a[1], -1.0);
    EXPECT_NEAR(s.h[0], 0.8807970779778823, 1e-15);
    EXPECT_NEAR(s.y[0], 1.9186799207178726, 1e-14);
    EXPECT_NEAR(s.z[0], 0.9423749360828017, 1e-14);
    EXPECT_NEAR(s.z[0] + s.z[1], 1.0, 1e-15);
    // a weight matrix of the wrong width, or a number that is not finite: refused
    EXPECT_EQ(forwardSteps(x, U, U, Activation::Sigmoid).status, NeuralStatus::InvalidWeights);
    Eigen::VectorXd bad = x;
    bad[1] = std::numeric_limits<double>::quiet_NaN();
    EXPECT_EQ(forwardSteps(bad, W, U, Activation::Sigmoid).status, NeuralStatus::InvalidWeights);
}
