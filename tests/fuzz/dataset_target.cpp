// Fuzz target "dataset": the neuron core fed whatever numbers and shapes a spreadsheet can give —
// makeDataset's checks (shape, NaN, ±inf) against a reference, then setup and a few iterations of
// training, prediction and the loss landscape on what it accepts.
// The input is text: whitespace-separated numbers as strtod reads them (so "nan", "inf", "1e400",
// "0x1p-1074" too): rows cols xExtra tExtra activation loss gradient standardize start iterations
// snapshotEvery eta startValue gridW0Min gridW0Max, then the x values, the t values and the given
// start weights. Missing numbers are 0.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "fuzz_check.hpp"
#include "neuron/dataset.hpp"
#include "neuron/landscape.hpp"
#include "neuron/trainer.hpp"

using namespace vaerksted::neuron;

namespace {

class Numbers {
public:
    Numbers(const std::uint8_t* data, std::size_t size) {
        std::string token;
        for (std::size_t i = 0; i <= size; ++i) {
            const char c = i < size ? static_cast<char>(data[i]) : ' ';
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == ',' || c == ';') {
                if (!token.empty()) values_.push_back(std::strtod(token.c_str(), nullptr));
                token.clear();
            } else if (c != '\0') {
                token.push_back(c);
            }
        }
    }
    double next() { return at_ < values_.size() ? values_[at_++] : 0.0; }
    int whole(int low, int high) {
        const double x = next();
        return std::isnan(x) ? low : static_cast<int>(std::max<double>(low, std::min<double>(high, x)));
    }

private:
    std::vector<double> values_;
    std::size_t at_ = 0;
};

std::string where(const Problem& p) {
    return std::string(statusName(p.status)) + " row " + std::to_string(p.row) + " column " + std::to_string(p.column);
}

bool same(const Problem& a, const Problem& b) { return a.status == b.status && a.row == b.row && a.column == b.column; }

// What makeDataset must answer (dataset.hpp): the shape first, then the first non-finite number
// row by row, the target after the row's inputs.
Problem expectedDataset(const std::vector<double>& x, int rows, int cols, const std::vector<double>& t) {
    if (rows <= 0) return {Status::NoExamples};
    if (cols <= 0) return {Status::NoFeatures};
    if (x.size() != static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols) ||
        t.size() != static_cast<std::size_t>(rows))
        return {Status::ShapeMismatch};
    for (int m = 0; m < rows; ++m) {
        for (int j = 0; j < cols; ++j)
            if (!std::isfinite(x[static_cast<std::size_t>(m * cols + j)])) return {Status::NonFiniteInput, m, j};
        if (!std::isfinite(t[static_cast<std::size_t>(m)])) return {Status::NonFiniteInput, m, cols};
    }
    return {};
}

// What setup must answer for accepted data (config.cpp, trainer.cpp), in their order.
Problem expectedSetup(const Dataset& data, const NeuronConfig& c) {
    if (c.loss == LossKind::CrossEntropy && c.activation != Activation::Sigmoid) return {Status::CrossEntropyNeedsSigmoid};
    if (!(std::isfinite(c.eta) && c.eta > 0)) return {Status::InvalidLearningRate};
    if (!std::isfinite(c.start.value)) return {Status::InvalidStartWeights};
    for (double w : c.start.weights)
        if (!std::isfinite(w)) return {Status::InvalidStartWeights};
    if (c.start.kind == StartKind::Given && c.start.weights.size() != static_cast<std::size_t>(data.features() + 1))
        return {Status::InvalidStartWeights};
    if (c.loss == LossKind::CrossEntropy)
        for (int m = 0; m < data.examples(); ++m)
            if (!(data.t[m] >= 0 && data.t[m] <= 1)) return {Status::TargetOutOfRange, m};
    return {};
}

void train(const Dataset& data, const NeuronConfig& config, int iterations, int snapshotEvery) {
    NeuronTrainer trainer;
    const Problem p = trainer.setup(data, config);
    FUZZ_CHECK(same(p, expectedSetup(data, config)), "setup gave " + where(p) + ", expected " + where(expectedSetup(data, config)));
    if (!p.ok()) return;
    const int n = data.features(), M = data.examples();
    const Eigen::VectorXd before = trainer.trainingWeights();
    const double lossBefore = trainer.loss();
    TrainLog log;
    const Problem t = trainer.train(iterations, snapshotEvery, log);
    if (snapshotEvery < 1) {
        FUZZ_CHECK(t.status == Status::InvalidSnapshotInterval, "train: " + where(t));
        return;
    }
    FUZZ_CHECK(t.ok() || t.status == Status::Diverged, "train: " + where(t));
    const std::size_t done = log.losses.size();
    FUZZ_CHECK(static_cast<int>(done) == trainer.iteration(), "iterations logged");
    FUZZ_CHECK(t.ok() ? static_cast<int>(done) == iterations : static_cast<int>(done) < iterations, "losses logged");
    for (double e : log.losses) FUZZ_CHECK(std::isfinite(e), "a non-finite loss was logged");
    FUZZ_CHECK(log.snapshots.size() == (done / static_cast<std::size_t>(snapshotEvery)) * static_cast<std::size_t>(n + 2),
               "snapshot count");
    if (done > 0) {
        // Every state training moved to is finite (Diverged keeps the last finite one).
        FUZZ_CHECK(trainer.trainingWeights().allFinite() && trainer.loss() == log.losses.back(), "state after training");
    } else if (!t.ok()) {
        FUZZ_CHECK(trainer.trainingWeights().cwiseEqual(before).all() || before.hasNaN(), "weights moved on Diverged");
        FUZZ_CHECK(trainer.loss() == lossBefore || std::isnan(lossBefore), "loss moved on Diverged");
    }
    FUZZ_CHECK(trainer.rawWeights().size() == n + 1 && trainer.rawGradient().size() == n + 1, "weight sizes");
    FUZZ_CHECK(trainer.outputs().size() == M && trainer.predict(data.x).size() == M, "output sizes");
    const int worst = trainer.worstExample();
    FUZZ_CHECK(worst >= 0 && worst < M, "worst example " + std::to_string(worst));
    FUZZ_CHECK(trainer.confusion().total() == M, "confusion total");
}

void landscape(const Dataset& data, const NeuronConfig& config, double w0Min, double w0Max) {
    if (config.loss == LossKind::CrossEntropy && config.activation != Activation::Sigmoid) return;
    const Landscape surface(data, config.activation, config.loss);
    GridSpec spec;
    spec.w0Min = w0Min;
    spec.w0Max = w0Max;
    spec.nx = 3;
    spec.ny = 2;
    std::vector<double> values;
    const Problem p = surface.grid(spec, values);
    const bool valid = std::isfinite(w0Min) && std::isfinite(w0Max) && w0Max > w0Min;
    const Status expected = data.features() != 1 ? Status::LandscapeNeedsOneInput : valid ? Status::Ok : Status::InvalidGrid;
    FUZZ_CHECK(p.status == expected, "grid: " + where(p));
    if (p.ok()) FUZZ_CHECK(values.size() == 6, "grid size");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Numbers in(data, size);
    const int rows = in.whole(-1, 12), cols = in.whole(-1, 6);
    const int xExtra = in.whole(-1, 1), tExtra = in.whole(-1, 1);
    NeuronConfig config;
    config.activation = static_cast<Activation>(in.whole(0, 3));
    config.loss = static_cast<LossKind>(in.whole(0, 1));
    config.gradient = static_cast<GradientMode>(in.whole(0, 2));
    config.standardize = in.whole(0, 1) == 1;
    config.start.kind = static_cast<StartKind>(in.whole(0, 2));
    const int iterations = in.whole(0, 30), snapshotEvery = in.whole(0, 10);
    config.eta = in.next();
    config.start.value = in.next();
    const double w0Min = in.next(), w0Max = in.next();

    const std::size_t cells = rows > 0 && cols > 0 ? static_cast<std::size_t>(rows * cols) : 0;
    std::vector<double> x(static_cast<std::size_t>(std::max<long long>(0, static_cast<long long>(cells) + xExtra)));
    std::vector<double> t(static_cast<std::size_t>(std::max(0, std::max(rows, 0) + tExtra)));
    for (double& v : x) v = in.next();
    for (double& v : t) v = in.next();
    if (config.start.kind == StartKind::Given) {
        config.start.weights.resize(static_cast<std::size_t>(std::max(0, cols + 1)));
        for (double& w : config.start.weights) w = in.next();
    }

    Dataset dataset;
    dataset.x = Eigen::MatrixXd::Constant(1, 1, 42.0);  // must stay as it is on a problem
    const Problem p = makeDataset(x.data(), x.size(), rows, cols, t.data(), t.size(), dataset);
    const Problem expected = expectedDataset(x, rows, cols, t);
    FUZZ_CHECK(same(p, expected), "makeDataset gave " + where(p) + ", expected " + where(expected));
    if (!p.ok()) {
        FUZZ_CHECK(dataset.x.size() == 1 && dataset.x(0, 0) == 42.0 && dataset.t.size() == 0, "dataset changed on a problem");
        return 0;
    }
    FUZZ_CHECK(dataset.examples() == rows && dataset.features() == cols, "dataset shape");
    for (int m = 0; m < rows; ++m) {
        FUZZ_CHECK(dataset.t[m] == t[static_cast<std::size_t>(m)], "t copied");
        for (int j = 0; j < cols; ++j)
            FUZZ_CHECK(dataset.x(m, j) == x[static_cast<std::size_t>(m * cols + j)], "x copied row-major");
    }
    train(dataset, config, iterations, snapshotEvery);
    landscape(dataset, config, w0Min, w0Max);
    return 0;
}
