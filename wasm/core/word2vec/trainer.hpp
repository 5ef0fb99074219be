// word2vec training: skip-gram or CBOW, with negative sampling or (for a handful of words, as in
// the notes' toy examples) the full softmax; subsampling of frequent words, a window shrunk at
// random for each word, a learning rate falling linearly to zero (or kept constant), and one explicit seed.
// Several threads may train at once (lock-free shared updates, as in word2vec); with one thread
// the result is the same, bit for bit, for the same seed.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

#include "word2vec/corpus.hpp"
#include "word2vec/embeddings.hpp"
#include "word2vec/sampling.hpp"
#include "word2vec/vocabulary.hpp"

namespace vaerksted::word2vec {

enum class Architecture { SkipGram, Cbow };
enum class Output { NegativeSampling, Softmax };
enum class RateDecay { Linear, Constant };  // η falling linearly to zero (word2vec), or η the whole way

struct TrainConfig {
    Architecture architecture = Architecture::SkipGram;
    Output output = Output::NegativeSampling;
    int dim = 100;
    int window = 5;           // at most this many words on each side
    int negatives = 5;
    double sample = 1e-4;     // subsampling threshold t (0: keep every word)
    int epochs = 5;
    double learningRate = 0.025;
    RateDecay decay = RateDecay::Linear;
    std::uint64_t seed = 1;
};

// Why a run cannot train. The names are part of the JS API (the page keys messages on them):
// only append new ones. The last four come from the settings as given (train_settings.hpp).
enum class TrainStatus { Ok, EmptyCorpus, InvalidDim, InvalidWindow, InvalidNegatives, InvalidEpochs,
                         InvalidLearningRate, InvalidSample, SoftmaxVocabularyTooLarge,
                         UnknownArchitecture, UnknownOutput, UnknownDecay, InvalidSeed };
// The last status: the JS API lists every status from Ok to this one (append before, move this).
constexpr TrainStatus kLastTrainStatus = TrainStatus::InvalidSeed;
const char* trainStatusName(TrainStatus status);

inline constexpr int kMaxSoftmaxWords = 2000;  // the full softmax costs words × dim per pair

struct Progress {
    std::int64_t wordsDone = 0;      // corpus words passed, over all epochs and threads
    std::int64_t wordsTotal = 0;     // epochs × corpus words
    double learningRate = 0.0;
    double averageLoss = 0.0;        // mean L per (input, target) unit since the start
    std::int64_t units = 0;          // (input, target) units trained since the start
};

class Trainer {
public:
    // The corpus and vocabulary must outlive the trainer.
    Trainer(const Vocabulary& vocabulary, const Corpus& corpus, const TrainConfig& config);

    TrainStatus check() const;

    // Trains thread `index` of `count` through all epochs: call it from `count` threads at once,
    // or once with count = 1. onProgress (if set) is called by thread 0 about every 50 000 words.
    void run(int index, int count, const std::function<void(const Progress&)>& onProgress = {});

    // One thread, a little at a time (for a page that draws while it trains): trains whole
    // sentences until at least `words` more corpus words are done or training is over; returns
    // true while there is more to do. Calls to advance give exactly the vectors of run(0, 1).
    bool advance(std::int64_t words);
    bool finished() const { return cursorEpoch_ >= config_.epochs; }

    Progress progress() const;
    const Embeddings& embeddings() const { return embeddings_; }
    Embeddings& embeddings() { return embeddings_; }
    const TrainConfig& config() const { return config_; }
    const NegativeSampler& sampler() const { return sampler_; }

    ~Trainer();

private:
    struct Scratch;
    void prepare(Scratch& scratch) const;
    std::pair<std::int64_t, std::int64_t> sentenceRange(std::int64_t sentence) const;
    double trainSentence(const std::int32_t* words, int length, Rng& rng, Scratch& scratch, double rate,
                         std::int64_t& units);
    double unit(int input, int target, Rng& rng, Scratch& scratch, float rate);
    double cbowUnit(const std::int32_t* context, int contextCount, int target, Rng& rng, Scratch& scratch, float rate);
    double outputLayer(const float* h, int target, Rng& rng, Scratch& scratch, float rate);
    double rateAt(std::int64_t wordsDone) const;

    const Vocabulary& vocabulary_;
    const Corpus& corpus_;
    TrainConfig config_;
    Embeddings embeddings_;
    std::vector<float> keep_;
    NegativeSampler sampler_;
    // advance(): where one-thread training stands, and its own generator and scratch space.
    int cursorEpoch_ = 0;
    std::int64_t cursorSentence_ = 0;
    std::unique_ptr<Rng> cursorRng_;
    std::unique_ptr<Scratch> cursorScratch_;
    std::atomic<std::int64_t> wordsDone_{0};
    std::atomic<std::int64_t> units_{0};
    std::atomic<double> lossSum_{0.0};
};

}  // namespace vaerksted::word2vec
