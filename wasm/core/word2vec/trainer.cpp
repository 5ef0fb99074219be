#include "word2vec/trainer.hpp"

#include <algorithm>
#include <cmath>

#include "word2vec/fast_dot.hpp"
#include "word2vec/objective.hpp"

namespace vaerksted::word2vec {

namespace {

constexpr std::int64_t kPublishEvery = 10'000;  // words a thread trains before it updates the shared count
constexpr std::int64_t kReportEvery = 50'000;

void atomicAdd(std::atomic<double>& target, double value) {
    double current = target.load(std::memory_order_relaxed);
    while (!target.compare_exchange_weak(current, current + value, std::memory_order_relaxed)) {}
}

}  // namespace

const char* trainStatusName(TrainStatus status) {
    switch (status) {
        case TrainStatus::Ok: return "ok";
        case TrainStatus::EmptyCorpus: return "empty_corpus";
        case TrainStatus::InvalidDim: return "invalid_dim";
        case TrainStatus::InvalidWindow: return "invalid_window";
        case TrainStatus::InvalidNegatives: return "invalid_negatives";
        case TrainStatus::InvalidEpochs: return "invalid_epochs";
        case TrainStatus::InvalidLearningRate: return "invalid_learning_rate";
        case TrainStatus::InvalidSample: return "invalid_sample";
        case TrainStatus::SoftmaxVocabularyTooLarge: return "softmax_vocabulary_too_large";
        case TrainStatus::UnknownArchitecture: return "unknown_architecture";
        case TrainStatus::UnknownOutput: return "unknown_output";
        case TrainStatus::UnknownDecay: return "unknown_decay";
        case TrainStatus::InvalidSeed: return "invalid_seed";
    }
    return "unknown";
}

struct Trainer::Scratch {
    std::vector<float> gradH;    // (dim) ∂L/∂h of one unit
    std::vector<float> h;        // (dim) CBOW: the mean of the context vectors
    std::vector<float> scores;   // (words) full softmax: h·k_o
    std::vector<std::int32_t> kept;
    std::vector<std::int32_t> context;
};

Trainer::Trainer(const Vocabulary& vocabulary, const Corpus& corpus, const TrainConfig& config)
    : vocabulary_(vocabulary), corpus_(corpus), config_(config) {
    if (check() != TrainStatus::Ok) return;
    Rng rng(config.seed);
    embeddings_ = Embeddings(vocabulary.size(), config.dim, rng);
    keep_ = keepProbabilities(vocabulary, config.sample);
    if (config.output == Output::NegativeSampling) sampler_ = NegativeSampler(vocabulary);
}

TrainStatus Trainer::check() const {
    if (corpus_.tokens.empty() || vocabulary_.size() == 0) return TrainStatus::EmptyCorpus;
    if (config_.dim < 1 || config_.dim > 1000) return TrainStatus::InvalidDim;
    if (config_.window < 1 || config_.window > 50) return TrainStatus::InvalidWindow;
    if (config_.output == Output::NegativeSampling && (config_.negatives < 1 || config_.negatives > 50))
        return TrainStatus::InvalidNegatives;
    if (config_.epochs < 1 || config_.epochs > 1000) return TrainStatus::InvalidEpochs;
    if (!(config_.learningRate > 0.0 && config_.learningRate < 10.0)) return TrainStatus::InvalidLearningRate;
    if (!(config_.sample >= 0.0 && config_.sample < 1.0)) return TrainStatus::InvalidSample;
    if (config_.output == Output::Softmax && vocabulary_.size() > kMaxSoftmaxWords)
        return TrainStatus::SoftmaxVocabularyTooLarge;
    return TrainStatus::Ok;
}

// α = α0·(1 − done/total), not below α0·10⁻⁴: word2vec's linear decay; or α = α0 throughout.
double Trainer::rateAt(std::int64_t wordsDone) const {
    if (config_.decay == RateDecay::Constant) return config_.learningRate;
    const double total = static_cast<double>(config_.epochs) * static_cast<double>(corpus_.tokens.size()) + 1.0;
    return config_.learningRate * std::max(1e-4, 1.0 - static_cast<double>(wordsDone) / total);
}

namespace {
std::uint64_t threadSeed(std::uint64_t seed, int index) {
    return seed + 0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(index + 1);
}
}  // namespace

void Trainer::prepare(Scratch& scratch) const {
    scratch.gradH.resize(static_cast<std::size_t>(config_.dim));
    scratch.h.resize(static_cast<std::size_t>(config_.dim));
    if (config_.output == Output::Softmax) scratch.scores.resize(static_cast<std::size_t>(vocabulary_.size()));
}

Trainer::~Trainer() = default;

// The corpus words of sentence s.
std::pair<std::int64_t, std::int64_t> Trainer::sentenceRange(std::int64_t s) const {
    const std::int64_t begin = corpus_.sentenceStarts[static_cast<std::size_t>(s)];
    const std::int64_t end = s + 1 < corpus_.sentences() ? corpus_.sentenceStarts[static_cast<std::size_t>(s + 1)]
                                                        : static_cast<std::int64_t>(corpus_.tokens.size());
    return {begin, end};
}

bool Trainer::advance(std::int64_t words) {
    if (check() != TrainStatus::Ok || finished()) return false;
    if (!cursorRng_) {
        cursorRng_ = std::make_unique<Rng>(threadSeed(config_.seed, 0));
        cursorScratch_ = std::make_unique<Scratch>();
        prepare(*cursorScratch_);
    }
    std::int64_t done = 0, units = 0;
    double loss = 0.0;
    while (done < words && !finished()) {
        const auto [begin, end] = sentenceRange(cursorSentence_);
        const double rate = rateAt(wordsDone_.load(std::memory_order_relaxed));
        loss += trainSentence(corpus_.tokens.data() + begin, static_cast<int>(end - begin), *cursorRng_, *cursorScratch_,
                              rate, units);
        wordsDone_ += end - begin;
        done += end - begin;
        if (++cursorSentence_ >= corpus_.sentences()) {
            cursorSentence_ = 0;
            ++cursorEpoch_;
        }
    }
    units_ += units;
    atomicAdd(lossSum_, loss);
    return !finished();
}

void Trainer::run(int index, int count, const std::function<void(const Progress&)>& onProgress) {
    if (check() != TrainStatus::Ok || count < 1 || index < 0 || index >= count) return;
    Rng rng(threadSeed(config_.seed, index));
    Scratch scratch;
    prepare(scratch);
    const std::int64_t sentences = corpus_.sentences();
    const std::int64_t first = sentences * index / count, last = sentences * (index + 1) / count;
    std::int64_t local = 0, sinceReport = 0, units = 0;
    double loss = 0.0;
    const auto publish = [&] {
        wordsDone_ += local;
        units_ += units;
        atomicAdd(lossSum_, loss);
        local = units = 0;
        loss = 0.0;
    };
    for (int epoch = 0; epoch < config_.epochs; ++epoch) {
        for (std::int64_t s = first; s < last; ++s) {
            const auto [begin, end] = sentenceRange(s);
            const double rate = rateAt(wordsDone_.load(std::memory_order_relaxed) + local);
            loss += trainSentence(corpus_.tokens.data() + begin, static_cast<int>(end - begin), rng, scratch, rate, units);
            local += end - begin;
            sinceReport += end - begin;
            if (local >= kPublishEvery) publish();
            if (index == 0 && onProgress && sinceReport >= kReportEvery) {
                sinceReport = 0;
                onProgress(progress());
            }
        }
    }
    publish();
    if (index == 0 && onProgress) onProgress(progress());
}

Progress Trainer::progress() const {
    Progress p;
    p.wordsDone = wordsDone_.load(std::memory_order_relaxed);
    p.wordsTotal = static_cast<std::int64_t>(config_.epochs) * static_cast<std::int64_t>(corpus_.tokens.size());
    p.learningRate = rateAt(p.wordsDone);
    const std::int64_t units = units_.load(std::memory_order_relaxed);
    p.averageLoss = units > 0 ? lossSum_.load(std::memory_order_relaxed) / static_cast<double>(units) : 0.0;
    p.units = units;
    return p;
}

double Trainer::trainSentence(const std::int32_t* words, int length, Rng& rng, Scratch& scratch, double rate,
                              std::int64_t& units) {
    // Subsampling: a frequent word is skipped with probability 1 − keep(f).
    std::vector<std::int32_t>& kept = scratch.kept;
    kept.clear();
    for (int i = 0; i < length; ++i) {
        const float keep = keep_[static_cast<std::size_t>(words[i])];
        if (keep >= 1.0f || rng.uniform() < keep) kept.push_back(words[i]);
    }
    const int n = static_cast<int>(kept.size());
    const float lr = static_cast<float>(rate);
    double loss = 0.0;
    for (int i = 0; i < n; ++i) {
        // The window shrinks at random to 1 … window words on each side: near words count more.
        const int reach = config_.window - static_cast<int>(rng.below(static_cast<std::uint64_t>(config_.window)));
        const int from = std::max(0, i - reach), to = std::min(n - 1, i + reach);
        if (config_.architecture == Architecture::SkipGram) {
            for (int j = from; j <= to; ++j) {
                if (j == i) continue;
                loss += unit(kept[static_cast<std::size_t>(i)], kept[static_cast<std::size_t>(j)], rng, scratch, lr);
                ++units;
            }
        } else {
            scratch.context.clear();
            for (int j = from; j <= to; ++j)
                if (j != i) scratch.context.push_back(kept[static_cast<std::size_t>(j)]);
            if (scratch.context.empty()) continue;
            loss += cbowUnit(scratch.context.data(), static_cast<int>(scratch.context.size()),
                             kept[static_cast<std::size_t>(i)], rng, scratch, lr);
            ++units;
        }
    }
    return loss;
}

// Skip-gram: the focus word's v predicts the context word c.
double Trainer::unit(int input, int target, Rng& rng, Scratch& scratch, float rate) {
    float* v = embeddings_.focus(input);
    const double loss = outputLayer(v, target, rng, scratch, rate);
    const float* g = scratch.gradH.data();
    for (int i = 0; i < config_.dim; ++i) v[i] -= rate * g[i];  // v ← v − α·∂L/∂v
    return loss;
}

// CBOW: h = the mean of the context words' v predicts the focus word; ∂L/∂v_c = (1/n)·∂L/∂h.
double Trainer::cbowUnit(const std::int32_t* context, int contextCount, int target, Rng& rng, Scratch& scratch,
                         float rate) {
    float* h = scratch.h.data();
    std::fill(h, h + config_.dim, 0.0f);
    for (int c = 0; c < contextCount; ++c) {
        const float* v = embeddings_.focus(context[c]);
        for (int i = 0; i < config_.dim; ++i) h[i] += v[i];
    }
    const float inverse = 1.0f / static_cast<float>(contextCount);
    for (int i = 0; i < config_.dim; ++i) h[i] *= inverse;
    const double loss = outputLayer(h, target, rng, scratch, rate);
    const float* g = scratch.gradH.data();
    const float step = rate * inverse;
    for (int c = 0; c < contextCount; ++c) {
        float* v = embeddings_.focus(context[c]);
        for (int i = 0; i < config_.dim; ++i) v[i] -= step * g[i];
    }
    return loss;
}

// The output layer for input h and true target: updates the context vectors k in place and leaves
// ∂L/∂h (with each k as it was before its own update) in scratch.gradH.
double Trainer::outputLayer(const float* h, int target, Rng& rng, Scratch& scratch, float rate) {
    const int dim = config_.dim;
    float* g = scratch.gradH.data();
    std::fill(g, g + dim, 0.0f);
    double loss = 0.0;
    const auto apply = [&](float* k, float slope) {
        for (int i = 0; i < dim; ++i) g[i] += slope * k[i];      // ∂L/∂h += (σ(h·k) − label)·k
        for (int i = 0; i < dim; ++i) k[i] -= rate * slope * h[i];  // k ← k − α·(σ(h·k) − label)·h
    };
    if (config_.output == Output::Softmax) {
        // L = ln Σ_o e^(h·k_o) − h·k_target;  ∂L/∂(h·k_o) = p_o − [o = target]
        float* scores = scratch.scores.data();
        const int words = vocabulary_.size();
        float top = -INFINITY;
        for (int o = 0; o < words; ++o) top = std::max(top, scores[o] = fastDot(h, embeddings_.context(o), dim));
        double sum = 0.0;
        for (int o = 0; o < words; ++o) sum += std::exp(static_cast<double>(scores[o] - top));
        const double logSum = static_cast<double>(top) + std::log(sum);
        loss = logSum - static_cast<double>(scores[target]);
        for (int o = 0; o < words; ++o)
            apply(embeddings_.context(o), static_cast<float>(std::exp(static_cast<double>(scores[o]) - logSum) - (o == target ? 1.0 : 0.0)));
        return loss;
    }
    for (int j = 0; j <= config_.negatives; ++j) {
        int word = target, label = 1;
        if (j > 0) {
            word = sampler_.draw(rng);
            if (word == target) continue;  // a negative that is the real pair teaches nothing
            label = 0;
        }
        float* k = embeddings_.context(word);
        float pairLossValue = 0.0f, slope = 0.0f;
        pairLossAndSlope(fastDot(h, k, dim), label, pairLossValue, slope);
        loss += static_cast<double>(pairLossValue);
        apply(k, slope);
    }
    return loss;
}

}  // namespace vaerksted::word2vec
