// The training loop: determinism, the gradient modes, divergence, validation, snapshots.
#include <cmath>
#include <cstring>
#include <vector>

#include <gtest/gtest.h>

#include "neuron/trainer.hpp"

using namespace vaerksted::neuron;

namespace {

// Eight customers (age, kr) and whether they activated the offer.
Dataset customers() {
    const std::vector<double> x = {23, 2900, 31, 2400, 38, 3300, 45, 2100,
                                   52, 3600, 58, 2500, 64, 3100, 71, 1900};
    const std::vector<double> t = {1, 1, 1, 0, 1, 0, 0, 0};
    Dataset data;
    EXPECT_TRUE(makeDataset(x.data(), x.size(), 8, 2, t.data(), t.size(), data).ok());
    return data;
}

NeuronTrainer ready(NeuronConfig config) {
    NeuronTrainer trainer;
    EXPECT_TRUE(trainer.configure(config).ok());
    EXPECT_TRUE(trainer.setData(customers()).ok());
    return trainer;
}

bool bitIdentical(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), sizeof(double) * a.size()) == 0;
}

}  // namespace

TEST(Trainer, SameSeedTrainsToBitIdenticalWeightsTwice) {
    for (GradientMode mode : {GradientMode::Sum, GradientMode::Stochastic}) {
        NeuronConfig config;
        config.gradient = mode;
        config.eta = 0.05;
        config.seed = 12345;
        config.start.kind = StartKind::Random;
        NeuronTrainer a = ready(config), b = ready(config);
        TrainLog logA, logB;
        ASSERT_TRUE(a.train(500, 100, logA).ok());
        ASSERT_TRUE(b.train(500, 100, logB).ok());
        EXPECT_TRUE(bitIdentical(a.rawWeights(), b.rawWeights()));
        EXPECT_EQ(std::memcmp(logA.losses.data(), logB.losses.data(), 500 * sizeof(double)), 0);
        // Reset replays the run exactly, generator included.
        a.reset();
        TrainLog again;
        ASSERT_TRUE(a.train(500, 100, again).ok());
        EXPECT_TRUE(bitIdentical(a.rawWeights(), b.rawWeights()));
    }
}

TEST(Trainer, OtherSeedGivesOtherRandomStart) {
    NeuronConfig config;
    config.start.kind = StartKind::Random;
    config.seed = 1;
    const Eigen::VectorXd first = ready(config).rawWeights();
    config.seed = 2;
    EXPECT_FALSE(bitIdentical(first, ready(config).rawWeights()));
}

TEST(Trainer, TrainingInChunksEqualsTrainingAtOnce) {
    NeuronConfig config;
    config.eta = 0.05;
    NeuronTrainer once = ready(config), chunks = ready(config);
    TrainLog log;
    ASSERT_TRUE(once.train(300, 1000, log).ok());
    for (int i = 0; i < 3; ++i) ASSERT_TRUE(chunks.train(100, 1000, log).ok());
    EXPECT_TRUE(bitIdentical(once.rawWeights(), chunks.rawWeights()));
    EXPECT_EQ(chunks.iteration(), 300);
}

TEST(Trainer, LossFallsOnTheDefaultSettings) {
    NeuronTrainer trainer = ready(NeuronConfig{});  // sigmoid, squared error, η = 0.001, start 0
    const double before = trainer.loss();
    EXPECT_DOUBLE_EQ(before, 8 * 0.5 * 0.25);  // all o = ½: E = ½·Σ(t − ½)² = 8·⅛
    TrainLog log;
    ASSERT_TRUE(trainer.train(1000, 1000, log).ok());
    ASSERT_EQ(log.losses.size(), 1000u);
    for (std::size_t i = 1; i < log.losses.size(); ++i) EXPECT_LE(log.losses[i], log.losses[i - 1]);
    EXPECT_LT(trainer.loss(), before);
}

TEST(Trainer, MeanGradientIsSumWithEtaDividedByM) {
    NeuronConfig sum, mean;
    sum.eta = 0.01;
    mean.eta = 0.08;  // M = 8
    mean.gradient = GradientMode::Mean;
    NeuronTrainer a = ready(sum), b = ready(mean);
    TrainLog log;
    ASSERT_TRUE(a.train(50, 1000, log).ok());
    ASSERT_TRUE(b.train(50, 1000, log).ok());
    for (int i = 0; i < 3; ++i) EXPECT_NEAR(a.rawWeights()[i], b.rawWeights()[i], 1e-12);
}

TEST(Trainer, SnapshotsEveryMIterationsOnTheRawScale) {
    NeuronConfig config;
    config.eta = 0.05;
    NeuronTrainer trainer = ready(config);
    TrainLog log;
    ASSERT_TRUE(trainer.train(25, 10, log).ok());
    ASSERT_EQ(log.snapshots.size(), 2u * 4u);  // iterations 10 and 20, each (iteration, w0, w1, w2)
    EXPECT_EQ(log.snapshots[0], 10.0);
    EXPECT_EQ(log.snapshots[4], 20.0);
    ASSERT_TRUE(trainer.train(5, 10, log).ok());  // the count goes on across calls
    ASSERT_EQ(log.snapshots.size(), 12u);
    EXPECT_EQ(log.snapshots[8], 30.0);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(log.snapshots[9 + i], trainer.rawWeights()[i]);
}

TEST(Trainer, AbsurdLearningRateStopsAtTheLastFiniteState) {
    NeuronConfig config;
    config.activation = Activation::Identity;
    config.standardize = false;  // raw spending in kr makes ADALINE explode at once
    config.eta = 1e6;
    NeuronTrainer trainer = ready(config);
    TrainLog log;
    const Problem p = trainer.train(1000, 1000, log);
    EXPECT_EQ(p.status, Status::Diverged);
    EXPECT_LT(trainer.iteration(), 1000);
    EXPECT_EQ(log.losses.size(), static_cast<std::size_t>(trainer.iteration()));
    EXPECT_TRUE(std::isfinite(trainer.loss()));
    EXPECT_TRUE(trainer.rawWeights().allFinite());
    EXPECT_TRUE(trainer.outputs().allFinite());
    for (double E : log.losses) EXPECT_TRUE(std::isfinite(E));
}

TEST(Trainer, SaturatedSigmoidNeverGivesNaN) {
    for (LossKind loss : {LossKind::SquaredError, LossKind::CrossEntropy}) {
        NeuronConfig config;
        config.loss = loss;
        config.standardize = false;
        config.eta = 1e3;
        config.start.value = 10.0;  // z ≈ 10·3000: far into saturation
        NeuronTrainer trainer = ready(config);
        TrainLog log;
        trainer.train(200, 1000, log);
        EXPECT_TRUE(std::isfinite(trainer.loss())) << lossName(loss);
        EXPECT_TRUE(trainer.rawWeights().allFinite()) << lossName(loss);
    }
}

TEST(Trainer, SettingsAreCheckedAndABadOneChangesNothing) {
    NeuronTrainer trainer = ready(NeuronConfig{});
    TrainLog log;
    ASSERT_TRUE(trainer.train(10, 1000, log).ok());
    const Eigen::VectorXd before = trainer.rawWeights();

    NeuronConfig bad;
    bad.loss = LossKind::CrossEntropy;
    bad.activation = Activation::Tanh;
    EXPECT_EQ(trainer.configure(bad).status, Status::CrossEntropyNeedsSigmoid);
    bad = {};
    bad.eta = -0.1;
    EXPECT_EQ(trainer.configure(bad).status, Status::InvalidLearningRate);
    bad.eta = std::nan("");
    EXPECT_EQ(trainer.configure(bad).status, Status::InvalidLearningRate);
    bad = {};
    bad.start = {StartKind::Given, 0.0, {1.0, 2.0}};  // two weights for a neuron with w0, w1, w2
    EXPECT_EQ(trainer.configure(bad).status, Status::InvalidStartWeights);
    EXPECT_EQ(trainer.setLearningRate(0.0).status, Status::InvalidLearningRate);
    EXPECT_EQ(trainer.train(-1, 1, log).status, Status::InvalidIterations);
    EXPECT_EQ(trainer.train(kMaxIterationsPerCall + 1, 1, log).status, Status::InvalidIterations);
    EXPECT_EQ(trainer.train(1, 0, log).status, Status::InvalidSnapshotInterval);

    EXPECT_EQ(trainer.iteration(), 10);
    EXPECT_TRUE(bitIdentical(before, trainer.rawWeights()));
}

TEST(Trainer, CrossEntropyRefusesTargetsOutsideZeroOne) {
    const std::vector<double> x = {1, 2}, t = {0, 2};
    Dataset data;
    ASSERT_TRUE(makeDataset(x.data(), 2, 2, 1, t.data(), 2, data).ok());
    NeuronTrainer trainer;
    NeuronConfig config;
    config.loss = LossKind::CrossEntropy;
    ASSERT_TRUE(trainer.configure(config).ok());
    const Problem p = trainer.setData(data);
    EXPECT_EQ(p.status, Status::TargetOutOfRange);
    EXPECT_EQ(p.row, 1);
    EXPECT_FALSE(trainer.ready());
}

TEST(Trainer, DataIsCheckedCellByCell) {
    const std::vector<double> x = {1, 2, 3, std::nan(""), 5, 6}, t = {0, 1, 0};
    Dataset data;
    Problem p = makeDataset(x.data(), x.size(), 3, 2, t.data(), t.size(), data);
    EXPECT_EQ(p.status, Status::NonFiniteInput);
    EXPECT_EQ(p.row, 1);
    EXPECT_EQ(p.column, 1);
    EXPECT_EQ(makeDataset(x.data(), 5, 3, 2, t.data(), 3, data).status, Status::ShapeMismatch);
    EXPECT_EQ(makeDataset(x.data(), 0, 0, 2, t.data(), 0, data).status, Status::NoExamples);
    EXPECT_EQ(makeDataset(x.data(), 0, 3, 0, t.data(), 3, data).status, Status::NoFeatures);
}

TEST(Trainer, NothingHappensBeforeDataAndSettings) {
    NeuronTrainer trainer;
    TrainLog log;
    EXPECT_EQ(trainer.train(1, 1, log).status, Status::NotReady);
    EXPECT_EQ(trainer.rawWeights().size(), 0);
    EXPECT_EQ(trainer.setLearningRate(0.1).status, Status::NotReady);
}

TEST(Trainer, LearningRateChangesMidRunWithoutRestart) {
    NeuronConfig config;
    config.eta = 0.01;
    NeuronTrainer trainer = ready(config);
    TrainLog log;
    ASSERT_TRUE(trainer.train(20, 1000, log).ok());
    ASSERT_TRUE(trainer.setLearningRate(0.5).ok());
    EXPECT_EQ(trainer.iteration(), 20);
    const double before = trainer.loss();
    ASSERT_TRUE(trainer.train(1, 1000, log).ok());
    EXPECT_LT(trainer.loss(), before);
}

TEST(Trainer, ConfusionMatrixAndAccuracyAtOneHalf) {
    // Weights that put the boundary at age 50: o ≥ ½ ⇔ 50 − age ≥ 0, i.e. customers under 50.
    NeuronConfig config;
    config.standardize = false;
    config.start = {StartKind::Given, 0.0, {5.0, -0.1, 0.0}};
    NeuronTrainer trainer = ready(config);
    const Confusion c = trainer.confusion();
    // Under 50: 23, 31, 38, 45 with t = 1, 1, 1, 0; from 50: 52, 58, 64, 71 with t = 1, 0, 0, 0.
    EXPECT_EQ(c.truePositive, 3);
    EXPECT_EQ(c.falsePositive, 1);
    EXPECT_EQ(c.falseNegative, 1);
    EXPECT_EQ(c.trueNegative, 3);
    EXPECT_DOUBLE_EQ(c.accuracy(), 0.75);
}

TEST(Trainer, WorstExampleIsTheLargestMissByHand) {
    // Boundary at age 50 as above: the misses are age 45 (t = 0, o = σ(0.5)) and age 52
    // (t = 1, o = σ(−0.2)); |t − o| = 0.622 and 0.550, so age 45 (example 3) is worst.
    NeuronConfig config;
    config.standardize = false;
    config.start = {StartKind::Given, 0.0, {5.0, -0.1, 0.0}};
    EXPECT_EQ(ready(config).worstExample(), 3);
    EXPECT_EQ(NeuronTrainer().worstExample(), -1);
}

TEST(Trainer, BoundaryLevelIsWhereOutputIsOneHalf) {
    NeuronConfig config;
    EXPECT_EQ(ready(config).boundaryLevel(), 0.0);  // w0 + w1·x1 + w2·x2 = 0, as in the notes
    config.activation = Activation::Identity;
    EXPECT_EQ(ready(config).boundaryLevel(), 0.5);
}

TEST(Trainer, SetupWithBadDataKeepsTheEarlierStateUntouched) {
    NeuronConfig config;
    config.eta = 0.05;
    NeuronTrainer trainer = ready(config);
    TrainLog log;
    ASSERT_TRUE(trainer.train(30, 1000, log).ok());
    const Eigen::VectorXd before = trainer.rawWeights();
    // Cross-entropy with a target of 2 is refused, and so is the new setting that came with it.
    const std::vector<double> x = {1, 2}, t = {0, 2};
    Dataset bad;
    ASSERT_TRUE(makeDataset(x.data(), 2, 2, 1, t.data(), 2, bad).ok());
    NeuronConfig crossEntropy = config;
    crossEntropy.loss = LossKind::CrossEntropy;
    EXPECT_EQ(trainer.setup(bad, crossEntropy).status, Status::TargetOutOfRange);
    EXPECT_EQ(trainer.iteration(), 30);
    EXPECT_EQ(trainer.config()->loss, LossKind::SquaredError);
    EXPECT_EQ(trainer.data()->examples(), 8);
    EXPECT_TRUE(bitIdentical(before, trainer.rawWeights()));
}

TEST(Trainer, NextTrainingWeightsAreWhereTheNextBatchStepLands) {
    for (GradientMode mode : {GradientMode::Sum, GradientMode::Mean}) {
        NeuronConfig config;
        config.gradient = mode;
        config.eta = 0.05;
        NeuronTrainer trainer = ready(config);
        TrainLog log;
        ASSERT_TRUE(trainer.train(3, 100, log).ok());
        const Eigen::VectorXd w = trainer.trainingWeights(), g = trainer.trainingGradient();
        const Eigen::VectorXd promised = trainer.nextTrainingWeights();
        // w̃_i − η·∂E/∂w̃_i, with η/M = 0.05/8 for the mean gradient: written out here, not asked of the trainer.
        const double scale = mode == GradientMode::Mean ? 0.05 / 8 : 0.05;
        ASSERT_EQ(promised.size(), w.size());
        for (Eigen::Index i = 0; i < w.size(); ++i) EXPECT_EQ(promised[i], w[i] - scale * g[i]);
        double squares = 0.0;  // |∇E| = √(Σ_i (∂E/∂w̃_i)²), the race page's "længde af gradienten"
        for (Eigen::Index i = 0; i < g.size(); ++i) squares += g[i] * g[i];
        EXPECT_NEAR(trainer.trainingGradientLength(), std::sqrt(squares), 1e-12 * std::sqrt(squares));
        ASSERT_TRUE(trainer.train(1, 100, log).ok());
        EXPECT_TRUE(bitIdentical(trainer.trainingWeights(), promised));
    }
    NeuronConfig stochastic;
    stochastic.gradient = GradientMode::Stochastic;
    EXPECT_EQ(ready(stochastic).nextTrainingWeights().size(), 0);
    EXPECT_EQ(NeuronTrainer().nextTrainingWeights().size(), 0);
}
