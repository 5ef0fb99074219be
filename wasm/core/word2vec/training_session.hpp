// One word2vec training run from settings and text to trained vectors, the same for `w2v train`
// and the page's worker: the settings checked (train_settings.hpp), the text read twice — counted,
// then encoded with the vocabulary — and normalised on the way if asked, the Trainer, and the one
// training pair the page works out beside the formulas (pair_step.hpp) with its own negatives.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/rng.hpp"
#include "word2vec/corpus.hpp"
#include "word2vec/pair_step.hpp"
#include "word2vec/train_settings.hpp"
#include "word2vec/trainer.hpp"
#include "word2vec/vector_space.hpp"
#include "word2vec/vocabulary.hpp"

namespace vaerksted::word2vec {

// Hands the whole text to `feed`, piece by piece (a file read in chunks, or one string at once).
// Called twice by setup: the pieces must be the same text both times.
using TextSink = std::function<void(std::string_view)>;
using TextPass = std::function<void(const TextSink& feed)>;

// Which pair the page works out: the one asked for, the text's first pair instead (a word is not
// in the text), or none (nothing trained, or no sentence of two words).
enum class PairChoice { Asked, FirstPair, NoPair };
constexpr PairChoice kLastPairChoice = PairChoice::NoPair;
const char* pairChoiceName(PairChoice choice);  // "ok", "first_pair", "no_pair"

struct SessionProgress : Progress {
    int vocabulary = 0;       // words in the vocabulary
    std::int64_t tokens = 0;  // corpus words that are in it (one epoch)
};

class TrainingSession {
public:
    TrainingSession();
    ~TrainingSession();
    TrainingSession(const TrainingSession&) = delete;  // the trainer points into the vocabulary and corpus
    TrainingSession& operator=(const TrainingSession&) = delete;

    // Checks the settings (an unknown name or a bad seed: nothing is read), reads the text and
    // makes a trainer. Returns Ok or why it cannot train; a session that cannot train keeps
    // nothing of an earlier run.
    TrainStatus setup(const TextPass& text, const TrainSettings& settings);

    // The same setup in steps, for a caller that reads the text itself and must stay responsive
    // between pieces (the page's worker reads a file a piece at a time): begin, count every piece,
    // startEncoding, encode the same pieces again, finish. begin returns why it cannot train, as
    // setup does; the other steps do nothing out of order.
    TrainStatus begin(const TrainSettings& settings);
    void count(std::string_view piece);
    void startEncoding();
    void encode(std::string_view piece);
    TrainStatus finish();
    bool ready() const { return trainer_ && trainer_->check() == TrainStatus::Ok; }

    // All epochs on one thread.
    void train();
    // Thread `index` of `count` (w2v's threads; see Trainer::run).
    void run(int index, int count, const std::function<void(const Progress&)>& onProgress = {});
    // At least max(1, words) more corpus words (whole sentences); true while there is more to do.
    bool advance(double words);
    SessionProgress progress() const;

    // Whether setup read the text (not when the settings were refused); then the text as read:
    // tokens seen, distinct words among them (before min count).
    bool textRead() const { return textRead_; }
    std::int64_t wordsRead() const { return wordsRead_; }
    std::size_t distinctWords() const { return distinctWords_; }
    const Vocabulary& vocabulary() const { return vocabulary_; }
    const Corpus& corpus() const { return corpus_; }
    const TrainConfig& config() const { return config_; }
    int dim() const { return ready() ? config_.dim : 0; }
    // (words × dim) each, as they are now; empty when not ready.
    const std::vector<float>& focusMatrix() const;
    const std::vector<float>& contextMatrix() const;
    // P(o | w) for every pair now (softmax_table.hpp); empty when not ready.
    std::vector<double> probabilities() const;
    // The focus vectors as a word2vec text file's bytes; empty when not ready.
    std::vector<unsigned char> focusVectorsText() const;
    // The focus vectors as they are now, to ask questions of while training goes on; false (and
    // `space` untouched) when not ready.
    bool focusSpace(VectorSpace& space) const;

    // The pair (focus, context) to work out; draws its negatives.
    PairChoice choosePair(const std::string& focus, const std::string& context);
    std::pair<int, int> pair() const { return pair_; }  // (focus word, context word), −1 when none
    // The chosen pair worked out now; false when there is none.
    bool pairWork(PairWork& work) const;
    // One step of gradient descent on the chosen pair (the one pairWork shows), then new negatives;
    // `work` is the pair worked out after the step. False when there is no pair.
    bool pairStep(PairWork& work);

private:
    struct Reading;  // the staged setup's state between pieces
    void drawPairNegatives();
    // Through the normaliser when asked (as w2v train --normalise reads), then to `sink`.
    void pass(std::string_view piece, const TextSink& sink);
    void endPass(const TextSink& sink);

    TrainConfig config_;
    Vocabulary vocabulary_;
    Corpus corpus_;
    bool textRead_ = false;
    std::int64_t wordsRead_ = 0;
    std::size_t distinctWords_ = 0;
    std::unique_ptr<Trainer> trainer_;
    std::unique_ptr<Reading> reading_;
    std::pair<int, int> pair_{-1, -1};
    std::vector<int> negatives_;
    Rng pairRng_{1};
};

}  // namespace vaerksted::word2vec
