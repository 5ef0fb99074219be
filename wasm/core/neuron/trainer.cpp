#include "neuron/trainer.hpp"

#include <cmath>
#include <numeric>
#include <utility>

namespace vaerksted::neuron {

Problem NeuronTrainer::checkTogether(const Dataset& data, const NeuronConfig& config) const {
    if (config.start.kind == StartKind::Given &&
        config.start.weights.size() != static_cast<std::size_t>(data.features() + 1))
        return {Status::InvalidStartWeights};
    if (config.loss == LossKind::CrossEntropy)
        for (int m = 0; m < data.examples(); ++m)
            if (data.t[m] < 0.0 || data.t[m] > 1.0) return {Status::TargetOutOfRange, m};
    return {};
}

Problem NeuronTrainer::setup(Dataset data, const NeuronConfig& config) {
    if (data.examples() == 0) return {Status::NoExamples};
    if (data.features() == 0) return {Status::NoFeatures};
    Problem p = validateConfig(config);
    if (p.ok()) p = checkTogether(data, config);
    if (!p.ok()) return p;
    data_ = std::move(data);
    config_ = config;
    restart();
    return {};
}

Problem NeuronTrainer::setData(Dataset data) {
    if (data.examples() == 0) return {Status::NoExamples};
    if (data.features() == 0) return {Status::NoFeatures};
    if (config_) {
        const Problem p = checkTogether(data, *config_);
        if (!p.ok()) return p;
    }
    data_ = std::move(data);
    restart();
    return {};
}

Problem NeuronTrainer::configure(const NeuronConfig& config) {
    Problem p = validateConfig(config);
    if (!p.ok()) return p;
    if (data_) {
        p = checkTogether(*data_, config);
        if (!p.ok()) return p;
    }
    config_ = config;
    restart();
    return {};
}

Problem NeuronTrainer::setLearningRate(double eta) {
    if (!validLearningRate(eta)) return {Status::InvalidLearningRate};
    if (!config_) return {Status::NotReady};
    config_->eta = eta;
    return {};
}

void NeuronTrainer::restart() {
    if (!ready()) return;
    const int n = data_->features();
    scaling_ = config_->standardize ? Scaling::fit(data_->x) : Scaling::identity(n);
    A_ = scaling_.designMatrix(data_->x);
    order_.resize(static_cast<std::size_t>(data_->examples()));
    reset();
}

void NeuronTrainer::reset() {
    if (!ready()) return;
    rng_ = Rng(config_->seed);
    w_ = startWeights();
    iteration_ = 0;
    refresh();
}

Eigen::VectorXd NeuronTrainer::startWeights() {
    const int size = data_->features() + 1;
    const StartWeights& start = config_->start;
    switch (start.kind) {
        case StartKind::Constant: return Eigen::VectorXd::Constant(size, start.value);
        case StartKind::Random: {
            const double spread = start.value > 0.0 ? start.value : 1.0;
            Eigen::VectorXd w(size);
            for (int i = 0; i < size; ++i) w[i] = rng_.uniform(-spread, spread);
            return w;
        }
        case StartKind::Given:
            return scaling_.fromRaw(Eigen::Map<const Eigen::VectorXd>(start.weights.data(), size));
    }
    return Eigen::VectorXd::Zero(size);
}

void NeuronTrainer::refresh() {
    loss_ = evaluate(config_->loss, config_->activation, A_, data_->t, w_, work_, &gradient_);
}

Problem NeuronTrainer::train(int k, int snapshotEvery, TrainLog& log) {
    if (!ready()) return {Status::NotReady};
    if (k < 0 || k > kMaxIterationsPerCall) return {Status::InvalidIterations};
    if (snapshotEvery < 1) return {Status::InvalidSnapshotInterval};
    log.losses.reserve(log.losses.size() + static_cast<std::size_t>(k));
    const bool stochastic = config_->gradient == GradientMode::Stochastic;
    for (int i = 0; i < k; ++i) {
        if (!(stochastic ? stochasticEpoch() : batchStep())) return {Status::Diverged};
        ++iteration_;
        log.losses.push_back(loss_);
        if (iteration_ % snapshotEvery == 0) appendSnapshot(log);
    }
    return {};
}

double NeuronTrainer::batchScale() const {
    return config_->gradient == GradientMode::Mean ? config_->eta / static_cast<double>(data_->examples())
                                                   : config_->eta;
}

Eigen::VectorXd NeuronTrainer::nextTrainingWeights() const {
    if (!ready() || config_->gradient == GradientMode::Stochastic) return {};
    return w_ - batchScale() * gradient_;
}

bool NeuronTrainer::batchStep() {
    // w_i ← w_i − η·∂E/∂w_i  (or η/M with the mean gradient)
    nextW_ = w_ - batchScale() * gradient_;
    const double nextLoss =
        evaluate(config_->loss, config_->activation, A_, data_->t, nextW_, work_, &nextGradient_);
    if (!std::isfinite(nextLoss) || !nextW_.allFinite() || !nextGradient_.allFinite()) {
        refresh();  // work_ holds the rejected step's o; put the current one back
        return false;
    }
    std::swap(w_, nextW_);
    std::swap(gradient_, nextGradient_);
    loss_ = nextLoss;
    return true;
}

bool NeuronTrainer::stochasticEpoch() {
    std::iota(order_.begin(), order_.end(), 0);
    rng_.shuffle(order_);
    nextW_ = w_;
    for (int m : order_) {
        // One example: w_i ← w_i − η·δ·x_i^(m) with δ = ∂E_m/∂z.
        const double z = A_.row(m).dot(nextW_);
        const double o = activate(config_->activation, z);
        const double delta = exampleLoss(config_->loss, config_->activation, z, o, data_->t[m]).delta;
        nextW_ -= (config_->eta * delta) * A_.row(m).transpose();
    }
    const double nextLoss =
        evaluate(config_->loss, config_->activation, A_, data_->t, nextW_, work_, &nextGradient_);
    if (!std::isfinite(nextLoss) || !nextW_.allFinite()) {
        refresh();
        return false;
    }
    std::swap(w_, nextW_);
    std::swap(gradient_, nextGradient_);
    loss_ = nextLoss;
    return true;
}

void NeuronTrainer::appendSnapshot(TrainLog& log) const {
    log.snapshots.push_back(iteration_);
    const Eigen::VectorXd raw = rawWeights();
    log.snapshots.insert(log.snapshots.end(), raw.data(), raw.data() + raw.size());
}

Eigen::VectorXd NeuronTrainer::rawWeights() const {
    return ready() ? scaling_.toRaw(w_) : Eigen::VectorXd();
}

Eigen::VectorXd NeuronTrainer::rawGradient() const {
    if (!ready()) return {};
    // ∂E/∂w_j = Σ_m δ_m·x_j^(m) with raw x_j, i.e. the chain rule through w̃ = fromRaw(w):
    // ∂E/∂w_0 = ∂E/∂w̃_0,  ∂E/∂w_j = ∂E/∂w̃_0·μ_j + ∂E/∂w̃_j·s_j.
    const Eigen::Index n = scaling_.mean.size();
    Eigen::VectorXd g(n + 1);
    g[0] = gradient_[0];
    g.tail(n) = gradient_[0] * scaling_.mean.array() + gradient_.tail(n).array() * scaling_.sd.array();
    return g;
}

Confusion NeuronTrainer::confusion() const {
    return ready() ? neuron::confusion(work_.o, data_->t) : Confusion{};
}

int NeuronTrainer::worstExample() const {
    if (!ready()) return -1;
    Eigen::Index worst = 0;
    (data_->t.array() - work_.o).abs().maxCoeff(&worst);
    return static_cast<int>(worst);
}

double NeuronTrainer::boundaryLevel() const {
    return levelAtHalf(config_ ? config_->activation : Activation::Sigmoid);
}

Eigen::VectorXd NeuronTrainer::predict(const Eigen::MatrixXd& x) const {
    if (!ready() || x.cols() != data_->features()) return {};
    const Eigen::VectorXd w = rawWeights();
    const Eigen::VectorXd z = (x * w.tail(x.cols())).array() + w[0];  // (rows)
    Eigen::VectorXd o(z.size());
    for (Eigen::Index r = 0; r < z.size(); ++r) o[r] = activate(config_->activation, z[r]);
    return o;
}

}  // namespace vaerksted::neuron
