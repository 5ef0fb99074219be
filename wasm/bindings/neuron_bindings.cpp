// Embind bindings of the neuron core: converts JS values to C++ and back, and nothing else.
// Every array handed back is a fresh Float64Array copy that JS owns; nothing points into the wasm
// heap afterwards, so memory growth cannot invalidate it. JS must call .delete() on a Neuron.
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include "common/seed.hpp"
#include "neuron/formulas.hpp"
#include "neuron/landscape.hpp"
#include "neuron/trainer.hpp"

using emscripten::val;
using Float64Array = val;  // a JS Float64Array (or plain array of numbers)
using JsObject = val;

namespace vaerksted::neuron {
namespace {

Float64Array copyOut(const double* data, std::size_t size) {
    return val::global("Float64Array").new_(emscripten::typed_memory_view(size, data));
}

Float64Array copyOut(const Eigen::VectorXd& v) { return copyOut(v.data(), static_cast<std::size_t>(v.size())); }

std::vector<double> copyIn(const val& numbers) {
    if (numbers.isUndefined() || numbers.isNull()) return {};
    return emscripten::convertJSArrayToNumberVector<double>(numbers);
}

// { ok, status, row, column }: row and column are 0-based, -1 when not about a cell.
JsObject toJs(const Problem& p) {
    JsObject result = val::object();
    result.set("ok", p.ok());
    result.set("status", std::string(statusName(p.status)));
    result.set("row", p.row);
    result.set("column", p.column);
    return result;
}

std::string readString(const JsObject& object, const char* key, const char* fallback) {
    const val v = object[key];
    return v.isString() ? v.as<std::string>() : fallback;
}

double readNumber(const JsObject& object, const char* key, double fallback) {
    const val v = object[key];
    return v.isNumber() ? v.as<double>() : (v.isUndefined() ? fallback : NAN);
}

// Settings object → NeuronConfig; an unknown name becomes a Problem, a missing field a default.
Problem readConfig(const JsObject& settings, NeuronConfig& config) {
    if (!parseActivation(readString(settings, "activation", "sigmoid"), config.activation))
        return {Status::UnknownActivation};
    if (!parseLoss(readString(settings, "loss", "squared"), config.loss)) return {Status::UnknownLoss};
    if (!parseGradientMode(readString(settings, "gradient", "sum"), config.gradient))
        return {Status::UnknownGradientMode};
    config.eta = readNumber(settings, "eta", config.eta);
    const val standardize = settings["standardize"];
    if (!standardize.isUndefined()) config.standardize = standardize.as<bool>();
    if (!seedFromNumber(readNumber(settings, "seed", 1.0), config.seed)) return {Status::InvalidSeed};
    const val start = settings["start"];
    if (!start.isUndefined()) {
        if (!parseStartKind(readString(start, "kind", "constant"), config.start.kind))
            return {Status::UnknownStartKind};
        config.start.value = readNumber(start, "value", 0.0);
        config.start.weights = copyIn(start["weights"]);
    }
    return {};
}

Eigen::VectorXd vectorIn(const val& numbers) {
    const std::vector<double> values = copyIn(numbers);
    return Eigen::Map<const Eigen::VectorXd>(values.data(), static_cast<Eigen::Index>(values.size()));
}

// { ok, status, row, column, z, o }: the neuron's output for one input row, raw weights w0 … wn.
JsObject jsNeuronOutput(const std::string& activation, const Float64Array& weights, const Float64Array& x) {
    Activation f;
    if (!parseActivation(activation, f)) return toJs({Status::UnknownActivation});
    NeuronOutput out;
    JsObject result = toJs(neuronOutput(f, vectorIn(weights), vectorIn(x), out));
    result.set("z", out.z);
    result.set("o", out.o);
    return result;
}

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// { ok, status, row, column, values }: o of every row of weights on every example, row by row
// (rows × examples). weights: rows × (n+1) raw weights, x: examples × n raw inputs, both row by row.
JsObject jsOutputTable(const std::string& activation, const Float64Array& weights, int rows, const Float64Array& x,
                       int examples) {
    Activation f;
    if (!parseActivation(activation, f)) return toJs({Status::UnknownActivation});
    const std::vector<double> w = copyIn(weights), inputs = copyIn(x);
    if (rows <= 0 || examples <= 0 || w.size() % static_cast<std::size_t>(rows) != 0 ||
        inputs.size() % static_cast<std::size_t>(examples) != 0)
        return toJs({Status::ShapeMismatch});
    const auto width = static_cast<Eigen::Index>(w.size() / static_cast<std::size_t>(rows));
    const auto n = static_cast<Eigen::Index>(inputs.size() / static_cast<std::size_t>(examples));
    RowMajor o;
    Eigen::MatrixXd table;
    JsObject result = toJs(outputTable(f, Eigen::Map<const RowMajor>(w.data(), rows, width),
                                       Eigen::Map<const RowMajor>(inputs.data(), examples, n), table));
    o = table;  // row by row, as JS reads it
    result.set("values", copyOut(o.data(), static_cast<std::size_t>(o.size())));
    return result;
}

// { ok, status, values }: o(x) = f(w0 + w1·x) at each x.
JsObject jsOutputCurve(const std::string& activation, double w0, double w1, const Float64Array& x) {
    Activation f;
    if (!parseActivation(activation, f)) return toJs({Status::UnknownActivation});
    Eigen::ArrayXd o;
    outputCurve(f, w0, w1, vectorIn(x).array(), o);
    JsObject result = toJs(Problem{});
    result.set("values", copyOut(o.matrix()));
    return result;
}

// { ok, status, row, column, scaled, z, o, slope, loss, gradient, step }: one example on the training scale.
// settings: { loss, activation, eta }; mean, sd: the scaling μ, s; weights: w̃0 … w̃n; x: raw inputs.
JsObject jsExampleTerms(const JsObject& settings, const Float64Array& mean, const Float64Array& sd,
                      const Float64Array& weights, const Float64Array& x, double t) {
    Activation f;
    LossKind loss;
    if (!parseActivation(readString(settings, "activation", "sigmoid"), f)) return toJs({Status::UnknownActivation});
    if (!parseLoss(readString(settings, "loss", "squared"), loss)) return toJs({Status::UnknownLoss});
    ExampleTerms out;
    JsObject result = toJs(exampleTerms(loss, f, Scaling{vectorIn(mean), vectorIn(sd)}, vectorIn(weights), vectorIn(x), t,
                                            readNumber(settings, "eta", 1.0), out));
    result.set("scaled", copyOut(out.scaled));
    result.set("z", out.z);
    result.set("o", out.o);
    result.set("slope", out.slope);
    result.set("loss", out.loss);
    result.set("gradient", copyOut(out.gradient));
    result.set("step", copyOut(out.step));
    return result;
}

// Every status name the core can return, in order (a node test checks the .d.ts union against it).
val statusNames() {
    val names = val::array();
    for (int s = 0; s <= static_cast<int>(kLastStatus); ++s)
        names.call<void>("push", std::string(statusName(static_cast<Status>(s))));
    return names;
}

class Neuron {
public:
    // x: rows·cols numbers, row by row (x1 … xn of example 1, then example 2, …); t: rows numbers.
    JsObject setData(const Float64Array& x, int rows, int cols, const Float64Array& t) {
        const std::vector<double> xs = copyIn(x), ts = copyIn(t);
        Dataset data;
        Problem p = makeDataset(xs.data(), xs.size(), rows, cols, ts.data(), ts.size(), data);
        if (p.ok()) p = trainer_.setData(std::move(data));
        return toJs(p);
    }

    // setData and configure at once: on any problem the earlier state stays untouched.
    JsObject setup(const Float64Array& x, int rows, int cols, const Float64Array& t,
                   const JsObject& settings) {
        NeuronConfig config;
        Problem p = readConfig(settings, config);
        if (!p.ok()) return toJs(p);
        const std::vector<double> xs = copyIn(x), ts = copyIn(t);
        Dataset data;
        p = makeDataset(xs.data(), xs.size(), rows, cols, ts.data(), ts.size(), data);
        if (p.ok()) p = trainer_.setup(std::move(data), config);
        return toJs(p);
    }

    JsObject configure(const JsObject& settings) {
        NeuronConfig config;
        Problem p = readConfig(settings, config);
        if (p.ok()) p = trainer_.configure(config);
        return toJs(p);
    }

    JsObject setLearningRate(double eta) { return toJs(trainer_.setLearningRate(eta)); }

    // { ok, status, iteration, losses: Float64Array(k done), snapshots: Float64Array(rows of n+2) }
    JsObject train(int iterations, int snapshotEvery) {
        TrainLog log;
        JsObject result = toJs(trainer_.train(iterations, snapshotEvery, log));
        result.set("iteration", trainer_.iteration());
        result.set("losses", copyOut(log.losses.data(), log.losses.size()));
        result.set("snapshots", copyOut(log.snapshots.data(), log.snapshots.size()));
        return result;
    }

    void reset() { trainer_.reset(); }
    bool ready() const { return trainer_.ready(); }
    int iteration() const { return trainer_.iteration(); }
    double loss() const { return trainer_.loss(); }
    double boundaryLevel() const { return trainer_.boundaryLevel(); }
    Float64Array weights() const { return copyOut(trainer_.rawWeights()); }
    Float64Array gradient() const { return copyOut(trainer_.rawGradient()); }
    Float64Array outputs() const { return copyOut(trainer_.outputs().matrix()); }
    Float64Array trainingWeights() const { return ready() ? copyOut(trainer_.trainingWeights()) : copyOut(nullptr, 0); }
    Float64Array trainingGradient() const { return ready() ? copyOut(trainer_.trainingGradient()) : copyOut(nullptr, 0); }
    double trainingGradientLength() const { return ready() ? trainer_.trainingGradientLength() : 0.0; }
    Float64Array nextTrainingWeights() const { return copyOut(trainer_.nextTrainingWeights()); }

    // { index, o, t }: the training example with the largest |t − o| (index −1 before data).
    JsObject worstExample() const {
        const int m = trainer_.worstExample();
        JsObject result = val::object();
        result.set("index", m);
        result.set("o", m >= 0 ? trainer_.outputs()[m] : NAN);
        result.set("t", m >= 0 ? trainer_.data()->t[m] : NAN);
        return result;
    }

    // { mean, sd }: μ_j and s_j of the inputs (0 and 1 when not standardised).
    JsObject scaling() const {
        JsObject result = val::object();
        result.set("mean", copyOut(trainer_.scaling().mean));
        result.set("sd", copyOut(trainer_.scaling().sd));
        return result;
    }

    // { ok, status, values }: E over a grid of raw (w0, w1) for this neuron's data and loss;
    // values[j·nx + i] = E(w0_i, w1_j). One-input data only.
    JsObject landscape(double w0Min, double w0Max, int nx, double w1Min, double w1Max, int ny) const {
        const Dataset* data = trainer_.data();
        const NeuronConfig* config = trainer_.config();
        if (!data || !config) return toJs({Status::NotReady});
        std::vector<double> values;
        const Landscape surface(*data, config->activation, config->loss);
        JsObject result = toJs(surface.grid({w0Min, w0Max, nx, w1Min, w1Max, ny}, values));
        result.set("values", copyOut(values.data(), values.size()));
        return result;
    }

    // o for new inputs given row by row like setData's x; an empty array if the shape is wrong.
    Float64Array predict(const Float64Array& x, int rows) const {
        const Dataset* data = trainer_.data();
        const std::vector<double> xs = copyIn(x);
        if (!data || rows < 0 || xs.size() != static_cast<std::size_t>(rows) * data->features())
            return copyOut(nullptr, 0);
        const Eigen::MatrixXd inputs =
            Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(
                xs.data(), rows, data->features());
        return copyOut(trainer_.predict(inputs));
    }

    // { truePositive, falseNegative, falsePositive, trueNegative, accuracy } at o ≥ 0.5
    JsObject confusion() const {
        const Confusion c = trainer_.confusion();
        JsObject result = val::object();
        result.set("truePositive", c.truePositive);
        result.set("falseNegative", c.falseNegative);
        result.set("falsePositive", c.falsePositive);
        result.set("trueNegative", c.trueNegative);
        result.set("accuracy", c.accuracy());
        return result;
    }

private:
    NeuronTrainer trainer_;
};

}  // namespace
}  // namespace vaerksted::neuron

EMSCRIPTEN_BINDINGS(neuron_core) {
    using vaerksted::neuron::Neuron;
    emscripten::class_<Neuron>("Neuron")
        .constructor<>()
        .function("setup", &Neuron::setup)
        .function("setData", &Neuron::setData)
        .function("configure", &Neuron::configure)
        .function("setLearningRate", &Neuron::setLearningRate)
        .function("train", &Neuron::train)
        .function("reset", &Neuron::reset)
        .function("ready", &Neuron::ready)
        .function("iteration", &Neuron::iteration)
        .function("loss", &Neuron::loss)
        .function("boundaryLevel", &Neuron::boundaryLevel)
        .function("weights", &Neuron::weights)
        .function("gradient", &Neuron::gradient)
        .function("outputs", &Neuron::outputs)
        .function("trainingWeights", &Neuron::trainingWeights)
        .function("trainingGradient", &Neuron::trainingGradient)
        .function("trainingGradientLength", &Neuron::trainingGradientLength)
        .function("nextTrainingWeights", &Neuron::nextTrainingWeights)
        .function("scaling", &Neuron::scaling)
        .function("worstExample", &Neuron::worstExample)
        .function("landscape", &Neuron::landscape)
        .function("predict", &Neuron::predict)
        .function("confusion", &Neuron::confusion);
    emscripten::function("statusNames", &vaerksted::neuron::statusNames);
    emscripten::function("neuronOutput", &vaerksted::neuron::jsNeuronOutput);
    emscripten::function("outputCurve", &vaerksted::neuron::jsOutputCurve);
    emscripten::function("outputTable", &vaerksted::neuron::jsOutputTable);
    emscripten::function("exampleTerms", &vaerksted::neuron::jsExampleTerms);
    emscripten::constant("maxIterationsPerCall", vaerksted::neuron::kMaxIterationsPerCall);
}
