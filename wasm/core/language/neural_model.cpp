#include "language/neural_model.hpp"

#include "language/neural_layers.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

namespace vaerksted::language {

const char* neuralStatusName(NeuralStatus status) {
    switch (status) {
        case NeuralStatus::Ok: return "ok";
        case NeuralStatus::InvalidContextWords: return "invalid_context_words";
        case NeuralStatus::InvalidHidden: return "invalid_hidden";
        case NeuralStatus::UnknownActivation: return "unknown_activation";
        case NeuralStatus::UnknownOptimiser: return "unknown_optimiser";
        case NeuralStatus::InvalidLearningRate: return "invalid_learning_rate";
        case NeuralStatus::InvalidMoments: return "invalid_moments";
        case NeuralStatus::InvalidEpsilon: return "invalid_epsilon";
        case NeuralStatus::InvalidBatchSize: return "invalid_batch_size";
        case NeuralStatus::InvalidVocabulary: return "invalid_vocabulary";
        case NeuralStatus::InvalidEmbeddings: return "invalid_embeddings";
        case NeuralStatus::TooManyWeights: return "too_many_weights";
        case NeuralStatus::NotReady: return "not_ready";
        case NeuralStatus::InvalidWordId: return "invalid_word_id";
        case NeuralStatus::ContextMismatch: return "context_mismatch";
        case NeuralStatus::NoRows: return "no_rows";
        case NeuralStatus::InvalidSteps: return "invalid_steps";
        case NeuralStatus::InvalidWeights: return "invalid_weights";
        case NeuralStatus::NonFinite: return "non_finite";
        case NeuralStatus::Diverged: return "diverged";
        case NeuralStatus::TooManyRows: return "too_many_rows";
    }
    return "unknown";
}

std::int64_t weightCount(int contextWords, int dim, int vocabularySize, int hidden) {
    const std::int64_t c = contextWords, m = dim, V = vocabularySize, d = hidden;
    return d * (1 + c * m) + V * (1 + d);  // W: d × (1 + c·m), U: V × (1 + d)
}

std::int64_t weightCountWithEmbeddings(int contextWords, int dim, int vocabularySize, int hidden) {
    return weightCount(contextWords, dim, vocabularySize, hidden) +
           static_cast<std::int64_t>(vocabularySize) * dim;  // E: V × m
}

namespace {

bool knownActivation(Activation f) {
    switch (f) {
        case Activation::Sigmoid:
        case Activation::Tanh:
        case Activation::Relu:
        case Activation::Identity: return true;
    }
    return false;
}

bool validRate(double eta) { return std::isfinite(eta) && eta > 0.0; }
bool validDecay(double beta) { return beta >= 0.0 && beta < 1.0; }  // false for NaN

}  // namespace

NeuralStatus NeuralSettings::check() const {
    if (contextWords < 1 || contextWords > kMaxContextWords) return NeuralStatus::InvalidContextWords;
    if (hidden < 1 || hidden > kMaxHidden) return NeuralStatus::InvalidHidden;
    if (!knownActivation(activation)) return NeuralStatus::UnknownActivation;
    if (optimiser != Optimiser::Sgd && optimiser != Optimiser::Adam) return NeuralStatus::UnknownOptimiser;
    if (!validRate(learningRate)) return NeuralStatus::InvalidLearningRate;
    if (optimiser == Optimiser::Adam) {
        if (!validDecay(beta1) || !validDecay(beta2)) return NeuralStatus::InvalidMoments;
        if (!validRate(epsilon)) return NeuralStatus::InvalidEpsilon;
    }
    if (batchSize < 1) return NeuralStatus::InvalidBatchSize;
    return NeuralStatus::Ok;
}

NeuralStatus rowsFromTokens(const int* tokens, std::size_t n, int contextWords, int vocabularySize,
                            NeuralRows& out) {
    if (contextWords < 1 || contextWords > kMaxContextWords) return NeuralStatus::InvalidContextWords;
    if (vocabularySize < 1) return NeuralStatus::InvalidVocabulary;
    if (n == 0) return NeuralStatus::NoRows;
    if (n > static_cast<std::size_t>(kMaxRows)) return NeuralStatus::TooManyRows;
    for (std::size_t r = 0; r < n; ++r)
        if (tokens[r] < 0 || tokens[r] >= vocabularySize) return NeuralStatus::InvalidWordId;
    const std::size_t c = static_cast<std::size_t>(contextWords);
    NeuralRows rows;
    rows.contextWords = contextWords;
    rows.ids.resize(n * (c + 1));
    for (std::size_t r = 0; r < n; ++r) {
        int* row = rows.ids.data() + r * (c + 1);
        // Word i of the context (i = 0 first) stands c − i places before r, modulo n.
        for (std::size_t i = 0; i < c; ++i) row[i] = tokens[(r + n - (c - i) % n) % n];
        row[c] = tokens[r];
    }
    out = std::move(rows);
    return NeuralStatus::Ok;
}

NeuralStatus rowsFromTokens(const std::vector<int>& tokens, int contextWords, int vocabularySize,
                            NeuralRows& out) {
    return rowsFromTokens(tokens.data(), tokens.size(), contextWords, vocabularySize, out);
}

namespace {

constexpr int kChunk = 256;  // rows at once: bounds the (V × B) scratch of a long evaluation

}  // namespace

// ----- the model -----

NeuralStatus NeuralLanguageModel::setup(int vocabularySize, const Eigen::MatrixXd& embeddings,
                                        const NeuralSettings& settings, Rng& rng) {
    const NeuralStatus s = settings.check();
    if (s != NeuralStatus::Ok) return s;
    if (vocabularySize < 1 || embeddings.rows() != vocabularySize) return NeuralStatus::InvalidVocabulary;
    if (embeddings.cols() < 1 || embeddings.cols() > kMaxWeights || !embeddings.allFinite())
        return NeuralStatus::InvalidEmbeddings;
    const int c = settings.contextWords, m = static_cast<int>(embeddings.cols()), d = settings.hidden;
    const std::int64_t count = settings.trainEmbeddings ? weightCountWithEmbeddings(c, m, vocabularySize, d)
                                                        : language::weightCount(c, m, vocabularySize, d);
    if (count > kMaxWeights) return NeuralStatus::TooManyWeights;

    settings_ = settings;
    E_ = embeddings;
    W_.resize(d, 1 + c * m);
    U_.resize(vocabularySize, 1 + d);
    const double rW = 1.0 / std::sqrt(static_cast<double>(W_.cols()));
    const double rU = 1.0 / std::sqrt(static_cast<double>(U_.cols()));
    for (Eigen::Index j = 0; j < W_.rows(); ++j)
        for (Eigen::Index k = 0; k < W_.cols(); ++k) W_(j, k) = rng.uniform(-rW, rW);
    for (Eigen::Index i = 0; i < U_.rows(); ++i)
        for (Eigen::Index j = 0; j < U_.cols(); ++j) U_(i, j) = rng.uniform(-rU, rU);
    ready_ = true;
    restartOptimiser();
    return NeuralStatus::Ok;
}

std::int64_t NeuralLanguageModel::weightCount() const {
    if (!ready_) return 0;
    const int c = settings_.contextWords, d = settings_.hidden;
    return settings_.trainEmbeddings ? weightCountWithEmbeddings(c, dim(), vocabularySize(), d)
                                     : language::weightCount(c, dim(), vocabularySize(), d);
}

void NeuralLanguageModel::restartOptimiser() {
    const OptimiserSettings o{settings_.optimiser, settings_.learningRate, settings_.beta1, settings_.beta2,
                              settings_.epsilon};
    resetMoments(o, W_.rows(), W_.cols(), momentsW_);
    resetMoments(o, U_.rows(), U_.cols(), momentsU_);
    if (settings_.trainEmbeddings) resetMoments(o, E_.rows(), E_.cols(), momentsE_);
    else momentsE_ = Moments{};
    clock_ = StepClock{};
    order_.clear();
    cursor_ = 0;
}

NeuralStatus NeuralLanguageModel::setWeights(const Eigen::MatrixXd& W, const Eigen::MatrixXd& U) {
    if (!ready_) return NeuralStatus::NotReady;
    if (W.rows() != W_.rows() || W.cols() != W_.cols() || U.rows() != U_.rows() || U.cols() != U_.cols() ||
        !W.allFinite() || !U.allFinite())
        return NeuralStatus::InvalidWeights;
    W_ = W;
    U_ = U;
    restartOptimiser();
    return NeuralStatus::Ok;
}

NeuralStatus NeuralLanguageModel::setEmbeddings(const Eigen::MatrixXd& embeddings) {
    if (!ready_) return NeuralStatus::NotReady;
    if (embeddings.rows() != E_.rows() || embeddings.cols() != E_.cols() || !embeddings.allFinite())
        return NeuralStatus::InvalidEmbeddings;
    E_ = embeddings;
    restartOptimiser();
    return NeuralStatus::Ok;
}

NeuralStatus NeuralLanguageModel::setLearningRate(double eta) {
    if (!validRate(eta)) return NeuralStatus::InvalidLearningRate;
    if (!ready_) return NeuralStatus::NotReady;
    settings_.learningRate = eta;
    return NeuralStatus::Ok;
}

NeuralStatus NeuralLanguageModel::forward(const int* context, NeuralForward& out) const {
    if (!ready_) return NeuralStatus::NotReady;
    const int c = settings_.contextWords;
    for (int i = 0; i < c; ++i)
        if (context[i] < 0 || context[i] >= vocabularySize()) return NeuralStatus::InvalidWordId;
    Workspace work;
    work.context.assign(context, context + c);
    work.target.assign(1, 0);
    embedForward(work.context, c, E_, work.X);
    hiddenForward(settings_.activation, W_, work.X, work.A, work.H);
    outputForward(U_, work.H, work.Y);
    if (!work.Y.allFinite()) return NeuralStatus::NonFinite;
    softmaxForward(work.Y, work.target, work.Z);
    out.x = work.X.col(0);
    out.a = work.A.col(0);
    out.h = work.H.col(0);
    out.y = work.Y.col(0);
    out.z = work.Z.col(0);
    return NeuralStatus::Ok;
}

NeuralStatus NeuralLanguageModel::checkRows(const NeuralRows& rows) const {
    if (!ready_) return NeuralStatus::NotReady;
    if (rows.contextWords != settings_.contextWords ||
        rows.ids.size() % static_cast<std::size_t>(rows.contextWords + 1) != 0)
        return NeuralStatus::ContextMismatch;
    if (rows.ids.empty()) return NeuralStatus::NoRows;
    if (rows.ids.size() / static_cast<std::size_t>(rows.contextWords + 1) > static_cast<std::size_t>(kMaxRows))
        return NeuralStatus::TooManyRows;
    for (int id : rows.ids)
        if (id < 0 || id >= vocabularySize()) return NeuralStatus::InvalidWordId;
    return NeuralStatus::Ok;
}

double NeuralLanguageModel::pass(const NeuralRows& rows, const int* order, int count, NeuralGradients* grad,
                                 Workspace& work) const {
    const int c = settings_.contextWords;
    const Activation f = settings_.activation;
    const bool toEmbeddings = grad && settings_.trainEmbeddings;
    double L = 0.0;
    for (int start = 0; start < count; start += kChunk) {
        const int B = std::min(kChunk, count - start);
        work.context.resize(static_cast<std::size_t>(B) * c);
        work.target.resize(static_cast<std::size_t>(B));
        for (int b = 0; b < B; ++b) {
            const int r = order ? order[start + b] : start + b;
            std::copy(rows.context(r), rows.context(r) + c, work.context.begin() + static_cast<std::ptrdiff_t>(b) * c);
            work.target[static_cast<std::size_t>(b)] = rows.target(r);
        }
        embedForward(work.context, c, E_, work.X);
        hiddenForward(f, W_, work.X, work.A, work.H);
        outputForward(U_, work.H, work.Y);
        L += softmaxForward(work.Y, work.target, work.Z);
        if (!grad) continue;
        const bool add = start > 0;  // the first chunk writes the gradient, the others add to it
        if (toEmbeddings && !add) grad->E.setZero(E_.rows(), E_.cols());  // only the context words' rows get a share
        softmaxBackward(work.target, work.Z);  // Z is ∂L/∂y from here
        outputBackward(U_, work.H, work.Z, grad->U, add, work.dH);
        hiddenBackward(f, W_, work.X, work.A, work.H, work.dH, work.dA, grad->W, add, toEmbeddings ? &work.dX : nullptr);
        if (toEmbeddings) embedBackward(work.context, c, work.dX, grad->E);
    }
    return L;
}

NeuralStatus NeuralLanguageModel::lossOf(const NeuralRows& rows, double& loss) const {
    const NeuralStatus s = checkRows(rows);
    if (s != NeuralStatus::Ok) return s;
    Workspace work;
    const double L = pass(rows, nullptr, rows.count(), nullptr, work);
    if (!std::isfinite(L)) return NeuralStatus::NonFinite;
    loss = L;
    return NeuralStatus::Ok;
}

NeuralStatus NeuralLanguageModel::gradientOf(const NeuralRows& rows, NeuralGradients& out, double& loss) const {
    const NeuralStatus s = checkRows(rows);
    if (s != NeuralStatus::Ok) return s;
    NeuralGradients g;
    Workspace work;
    const double L = pass(rows, nullptr, rows.count(), &g, work);
    if (!std::isfinite(L) || !g.W.allFinite() || !g.U.allFinite() || !g.E.allFinite())
        return NeuralStatus::NonFinite;
    out = std::move(g);
    loss = L;
    return NeuralStatus::Ok;
}

NeuralStatus NeuralLanguageModel::evaluate(const NeuralRows& rows, NeuralEvaluation& out) const {
    double L = 0.0;
    const NeuralStatus s = lossOf(rows, L);
    if (s != NeuralStatus::Ok) return s;
    const double perWord = L / rows.count();
    const double perplexity = std::exp(perWord);
    if (!std::isfinite(perplexity)) return NeuralStatus::NonFinite;
    out = {L, perWord, perplexity};
    return NeuralStatus::Ok;
}

bool NeuralLanguageModel::step(const NeuralRows& rows, const int* order, int count,
                               std::vector<double>* batchLosses) {
    const bool trainE = settings_.trainEmbeddings;
    const double L = pass(rows, order, count, &grad_, work_);
    if (!std::isfinite(L)) return false;
    const OptimiserSettings o{settings_.optimiser, settings_.learningRate, settings_.beta1, settings_.beta2,
                              settings_.epsilon};
    const StepClock clock = nextClock(o, clock_);
    // The mean gradient of the batch, (1/B)·∂L_B/∂w, is taken inside the update. Each block's
    // proposed weights replace its gradient in grad_; a gradient that is not finite gives
    // proposed numbers that are not, so one check of what is proposed covers both.
    const double scale = 1.0 / count;
    const bool finite = proposeStep(o, clock, scale, W_, grad_.W, momentsW_, nextMomentsW_) &&
                        proposeStep(o, clock, scale, U_, grad_.U, momentsU_, nextMomentsU_) &&
                        (!trainE || proposeStep(o, clock, scale, E_, grad_.E, momentsE_, nextMomentsE_));
    if (!finite) return false;
    std::swap(W_, grad_.W);  // grad_ keeps the old weights as scratch; the next pass overwrites them
    std::swap(U_, grad_.U);
    if (trainE) std::swap(E_, grad_.E);
    if (o.kind == Optimiser::Adam) {
        std::swap(momentsW_, nextMomentsW_);
        std::swap(momentsU_, nextMomentsU_);
        if (trainE) std::swap(momentsE_, nextMomentsE_);
    }
    clock_ = clock;
    if (batchLosses) batchLosses->push_back(L / count);
    return true;
}

NeuralStatus NeuralLanguageModel::trainSteps(const NeuralRows& rows, int steps, Rng& rng,
                                             std::vector<double>* batchLosses) {
    const NeuralStatus s = checkRows(rows);
    if (s != NeuralStatus::Ok) return s;
    if (steps < 0 || steps > kMaxStepsPerCall) return NeuralStatus::InvalidSteps;
    const int count = rows.count();
    if (order_.size() != static_cast<std::size_t>(count)) {
        order_.resize(static_cast<std::size_t>(count));
        cursor_ = 0;
    }
    for (int k = 0; k < steps; ++k) {
        if (cursor_ == 0) {
            std::iota(order_.begin(), order_.end(), 0);
            rng.shuffle(order_);
        }
        const int B = std::min(settings_.batchSize, count - cursor_);
        if (!step(rows, order_.data() + cursor_, B, batchLosses)) return NeuralStatus::Diverged;
        cursor_ += B;
        if (cursor_ == count) cursor_ = 0;
    }
    return NeuralStatus::Ok;
}

NeuralStatus NeuralLanguageModel::trainEpoch(const NeuralRows& rows, Rng& rng, std::vector<double>* batchLosses) {
    const NeuralStatus s = checkRows(rows);
    if (s != NeuralStatus::Ok) return s;
    const int count = rows.count();
    const int start = order_.size() == static_cast<std::size_t>(count) ? cursor_ : 0;
    const int B = settings_.batchSize;
    const int left = count - start;
    return trainSteps(rows, left / B + (left % B != 0 ? 1 : 0), rng, batchLosses);
}

}  // namespace vaerksted::language
