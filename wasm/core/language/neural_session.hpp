// The notes' neural language model on one text, as the page and `lm` train it: the text's words
// cut to the model's vocabulary (neural_vocabulary.hpp), the first share of the text as training
// rows (wrapping round at its end, as the notes' 4-gram table does) and the next words as held-out
// rows, the input vectors (word2vec's or random), training a few mini-batches per call, the
// held-out loss comparable with the N-gram ladder's, and the next word through the app's sampler.
//
// Words go in and out as the text's ids (TokenStream ids; −1 = «ukendt»), so that the caller's
// word list and "copied or new?" need no second vocabulary.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/rng.hpp"
#include "language/neural_model.hpp"
#include "language/neural_vocabulary.hpp"
#include "language/sampler.hpp"

namespace vaerksted::language {

struct NeuralTextSettings {
    int maxWords = 2000;            // V without «ukendt» (0: every word)
    double trainShare = 0.9;        // the first share of the words trains, the rest is held out; 1: all trains
    std::size_t maxHeldOut = 5000;  // held-out words scored (the first ones after the training part)
    int randomDim = 10;             // m when no vectors are given
};

struct NeuralSetupInfo {
    int vocabularySize = 0;          // V, «ukendt» included
    std::int64_t unknownMembers = 0; // K: training words «ukendt» stands for
    int trainRows = 0;
    int heldOutRows = 0;
    int heldOutUnknown = 0;          // held-out rows whose next word is «ukendt»
    int dim = 0;                     // m
    int vectorsFound = 0;            // model words that had a given vector
    std::int64_t weights = 0;        // numbers training changes
};

struct NeuralNext {
    SampleStatus sampleStatus = SampleStatus::Ok;
    std::vector<std::int32_t> context;  // the c words read (text ids, −1 = «ukendt»), first word first
    int padded = 0;                     // of them, taken from the end of the training part (a short beginning)
    std::vector<std::int32_t> words;    // the `top` most probable next words (text ids), most probable first
    std::vector<double> p;              // their z at T = 1
    std::vector<double> z;              // their z with the sampler's settings
    double restP = 0, restZ = 0;        // the other words together
    double entropyP = 0, entropyZ = 0;  // over all V words, in nats
};

struct NeuralGenerated {
    SampleStatus sampleStatus = SampleStatus::Ok;
    std::vector<std::int32_t> words;    // text ids (−1 = «ukendt»)
    std::vector<double> probabilities;  // z of each word when drawn
};

class NeuralSession {
public:
    // tokens: the whole text as word ids 0 … words.size() − 1. On a status nothing changes.
    NeuralStatus setup(const std::vector<std::int32_t>& tokens, const std::vector<std::string>& words,
                       const NeuralTextSettings& text, const NeuralSettings& settings, const GivenVectors& vectors,
                       std::uint64_t seed);

    bool ready() const { return model_.ready(); }
    const NeuralSetupInfo& info() const { return info_; }
    const NeuralLanguageModel& model() const { return model_; }
    const NeuralVocabulary& vocabulary() const { return vocabulary_; }
    NeuralStatus setLearningRate(double eta) { return model_.setLearningRate(eta); }

    // `steps` mini-batches; each one's mean loss L_B / B (before its update) appended to batchLosses.
    NeuralStatus train(int steps, std::vector<double>& batchLosses);
    std::int64_t steps() const { return model_.steps(); }
    double epochs() const;  // passes through the training rows so far (fractional)

    // The held-out loss per word and perplexity: −ln z_t, and −ln(z_«ukendt»·(count(w) + 1)/(T + K + 1))
    // for a word w of the «ukendt» class (neural_vocabulary.hpp). NoRows when there is no held-out part.
    NeuralStatus heldOut(NeuralEvaluation& out) const;
    // L over every training row (the notes' L), for a small text.
    NeuralStatus trainingLoss(NeuralEvaluation& out) const;

    // The next word after a beginning (text ids; −1 or a word outside the model = «ukendt»): its last
    // c words, a shorter one filled out in front by the training part's last words (the text starts
    // over, so that is what the model read before its first word).
    NeuralStatus next(const std::vector<std::int32_t>& prompt, const SampleSettings& sample, int top, NeuralNext& out) const;
    NeuralStatus forward(const std::vector<std::int32_t>& prompt, NeuralForward& out, std::vector<std::int32_t>& context) const;
    NeuralStatus generate(const std::vector<std::int32_t>& prompt, int count, const SampleSettings& sample, Rng& rng,
                          NeuralGenerated& out) const;

private:
    // The c model ids the next word is predicted from, and how many came from the padding.
    std::vector<int> contextOf(const std::vector<std::int32_t>& prompt, int& padded) const;

    NeuralVocabulary vocabulary_;
    NeuralLanguageModel model_;
    NeuralRows train_, heldOut_;
    std::vector<int> trainTail_;  // the training part's last c words (model ids)
    double heldOutClassLoss_ = 0; // Σ −ln P(w | «ukendt») over the held-out rows of that class
    NeuralSetupInfo info_;
    Rng rng_{1};
};

}  // namespace vaerksted::language
