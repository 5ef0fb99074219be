// The course notes' neural-network language model ("Tekstgenerering med neurale netværk"): the
// next word from the c = N − 1 words before it.
//   x = (v_{w1}; v_{w2}; …; v_{wc})              the context's word2vec vectors stacked, first word first (c·m)
//   a_j = w_{j,0} + Σ_k w_{j,k}·x_k,  h_j = f(a_j)   hidden layer, j = 1 … d
//   y_i = u_{i,0} + Σ_j u_{i,j}·h_j                 output layer, i = 1 … V
//   z_i = e^{y_i} / Σ_l e^{y_l}                      softmax: P(next word = i)
//   L = Σ_rows −ln z_t                               cross-entropy, t the true next word
// Matrices keep the notes' indices: W(j−1, k) = w_{j,k} with column 0 the bias w_{j,0}, and
// U(i−1, j) = u_{i,j} with column 0 the bias u_{i,0}. Word ids are 0 … V−1 (word i + 1 in the notes).
// Calls are coarse (train k mini-batches, evaluate all rows) so that a wasm binding costs nothing
// noticeable; the core never throws and never prints: every entry point returns a status.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include <Eigen/Core>

#include "common/rng.hpp"
#include "language/neural_optimiser.hpp"
#include "neuron/activation.hpp"

namespace vaerksted::language {

using neuron::Activation;

// Why a call did not do what was asked. The names are part of the JS API: only append new ones.
enum class NeuralStatus {
    Ok = 0,
    InvalidContextWords,  // c must be 1 … kMaxContextWords
    InvalidHidden,        // d must be 1 … kMaxHidden
    UnknownActivation,
    UnknownOptimiser,
    InvalidLearningRate,  // η must be finite and > 0
    InvalidMoments,       // Adam: 0 ≤ β1 < 1 and 0 ≤ β2 < 1
    InvalidEpsilon,       // Adam: ε finite and > 0
    InvalidBatchSize,     // at least 1 row per mini-batch
    InvalidVocabulary,    // V < 1, or the embedding matrix has not V rows
    InvalidEmbeddings,    // m < 1, or a number that is not finite
    TooManyWeights,       // more than kMaxWeights numbers to train
    NotReady,             // asked before setup succeeded
    InvalidWordId,        // an id outside 0 … V−1
    ContextMismatch,      // rows built for another number of context words
    NoRows,               // an empty token stream or no rows
    InvalidSteps,         // 0 ≤ steps ≤ kMaxStepsPerCall
    InvalidWeights,       // W or U of the wrong shape, or not finite
    NonFinite,            // the weights are finite, but so large that y or L is not
    Diverged,             // L or a weight stopped being finite; the last finite state is kept
    TooManyRows,          // more than kMaxRows tokens or rows
};
constexpr NeuralStatus kLastNeuralStatus = NeuralStatus::TooManyRows;
const char* neuralStatusName(NeuralStatus status);  // e.g. "invalid_word_id"

inline constexpr int kMaxContextWords = 4;           // N ≤ 5
inline constexpr int kMaxHidden = 4096;
inline constexpr std::int64_t kMaxWeights = 20'000'000;  // W, U and trained embeddings together
inline constexpr int kMaxStepsPerCall = 10'000'000;
inline constexpr int kMaxRows = 10'000'000;              // tokens of one stream, rows of one call

// d·(1 + c·m) + V·(1 + d) = d·(1 + c·m + V) + V: the weights of W and U (the notes' count).
std::int64_t weightCount(int contextWords, int dim, int vocabularySize, int hidden);
// The same plus V·m when the embeddings are trained along.
std::int64_t weightCountWithEmbeddings(int contextWords, int dim, int vocabularySize, int hidden);

struct NeuralSettings {
    int contextWords = 3;                     // c = N − 1
    int hidden = 50;                          // d
    Activation activation = Activation::Sigmoid;
    bool trainEmbeddings = false;             // false: the word2vec vectors stay as given
    Optimiser optimiser = Optimiser::Adam;
    double learningRate = 0.01;               // η
    double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;  // Adam only (checked only for Adam)
    int batchSize = 32;                       // rows per mini-batch

    NeuralStatus check() const;               // what can be checked without a vocabulary
};

// Rows of (context → next word), flat: row r is ids[r·(c+1) … r·(c+1)+c−1] = w1 … wc (first word
// first), then ids[r·(c+1)+c] = t.
struct NeuralRows {
    int contextWords = 0;
    std::vector<int> ids;

    int count() const {
        return contextWords > 0 ? static_cast<int>(ids.size() / static_cast<std::size_t>(contextWords + 1)) : 0;
    }
    const int* context(int r) const { return ids.data() + static_cast<std::size_t>(r) * (contextWords + 1); }
    int target(int r) const { return context(r)[contextWords]; }
};

// One row for each position r of a token stream of n word ids: (tokens[r−c] … tokens[r−1] → tokens[r]),
// positions taken modulo n — the text starts over after its end, as in the notes — so n rows.
NeuralStatus rowsFromTokens(const int* tokens, std::size_t n, int contextWords, int vocabularySize,
                            NeuralRows& out);
NeuralStatus rowsFromTokens(const std::vector<int>& tokens, int contextWords, int vocabularySize,
                            NeuralRows& out);

// Every intermediate value of one context, as the page shows them.
struct NeuralForward {
    Eigen::VectorXd x;  // (c·m) stacked word vectors
    Eigen::VectorXd a;  // (d) pre-activations a_j
    Eigen::VectorXd h;  // (d) h_j = f(a_j)
    Eigen::VectorXd y;  // (V) y_i
    Eigen::VectorXd z;  // (V) z_i = P(word i next)
};

// ∂L/∂(weights), L summed over rows. E holds ∂L/∂v_w for every word (zero for words in no
// context), and is empty when the embeddings are frozen.
struct NeuralGradients {
    Eigen::MatrixXd W;  // (d × (1 + c·m))
    Eigen::MatrixXd U;  // (V × (1 + d))
    Eigen::MatrixXd E;  // (V × m) or empty
};

struct NeuralEvaluation {
    double loss = 0.0;         // L = Σ_rows −ln z_t
    double lossPerWord = 0.0;  // L / rows
    double perplexity = 1.0;   // e^{L / rows}
};

class NeuralLanguageModel {
public:
    // A new model: V words, their word2vec vectors (V × m), the settings, and W, U drawn from rng,
    // each weight uniform in ±1/√(fan-in) (fan-in 1 + c·m for W, 1 + d for U), W row by row, then U.
    // On a status nothing changes.
    NeuralStatus setup(int vocabularySize, const Eigen::MatrixXd& embeddings, const NeuralSettings& settings,
                       Rng& rng);

    bool ready() const { return ready_; }
    const NeuralSettings& settings() const { return settings_; }
    int vocabularySize() const { return static_cast<int>(U_.rows()); }
    int dim() const { return static_cast<int>(E_.cols()); }
    std::int64_t weightCount() const;  // the numbers training changes (embeddings too when trained)

    // The weights. Setting them restarts the optimiser (Adam's moments, the step count, the pass).
    const Eigen::MatrixXd& hiddenWeights() const { return W_; }  // W (d × (1 + c·m))
    const Eigen::MatrixXd& outputWeights() const { return U_; }  // U (V × (1 + d))
    const Eigen::MatrixXd& embeddings() const { return E_; }     // (V × m)
    NeuralStatus setWeights(const Eigen::MatrixXd& W, const Eigen::MatrixXd& U);
    NeuralStatus setEmbeddings(const Eigen::MatrixXd& embeddings);
    // η without a restart, so a student can change it mid-run.
    NeuralStatus setLearningRate(double eta);

    // One context of c word ids, first word first.
    NeuralStatus forward(const int* context, NeuralForward& out) const;
    // L over all rows (and ∂L/∂weights for gradientOf).
    NeuralStatus lossOf(const NeuralRows& rows, double& loss) const;
    NeuralStatus gradientOf(const NeuralRows& rows, NeuralGradients& out, double& loss) const;
    NeuralStatus evaluate(const NeuralRows& rows, NeuralEvaluation& out) const;

    // `steps` mini-batches of batchSize rows each, in passes through the rows in an order shuffled
    // by rng at the start of each pass (the last batch of a pass may be smaller). Each update uses
    // the mean gradient of its batch, (1/B)·∂L_B/∂w. Appends each batch's L_B / B (before its
    // update) to *batchLosses when given. Diverged: stopped at the last finite weights.
    NeuralStatus trainSteps(const NeuralRows& rows, int steps, Rng& rng, std::vector<double>* batchLosses = nullptr);
    // The mini-batches up to the end of the current pass (a whole pass when at its start).
    NeuralStatus trainEpoch(const NeuralRows& rows, Rng& rng, std::vector<double>* batchLosses = nullptr);

    std::int64_t steps() const { return clock_.t; }  // updates since setup or setWeights
    int passPosition() const { return cursor_; }      // rows of the current pass done

private:
    // Scratch matrices of one chunk of rows, one column per row (B columns).
    struct Workspace {
        std::vector<int> context;   // (B × c) ids
        std::vector<int> target;    // (B)
        Eigen::MatrixXd X, A, H, Y, Z;  // (c·m × B), (d × B), (d × B), (V × B), (V × B); Z becomes ∂L/∂y
        Eigen::MatrixXd dH, dA, dX;     // ∂L/∂h (d × B), ∂L/∂a (d × B), ∂L/∂x (c·m × B)
    };

    NeuralStatus checkRows(const NeuralRows& rows) const;
    // L over rows order[0 … count−1], and ∂L/∂weights written to *grad when given (any shape before).
    double pass(const NeuralRows& rows, const int* order, int count, NeuralGradients* grad, Workspace& work) const;
    bool step(const NeuralRows& rows, const int* order, int count, std::vector<double>* batchLosses);
    void restartOptimiser();

    bool ready_ = false;
    NeuralSettings settings_;
    Eigen::MatrixXd W_, U_, E_;
    // Training state: Adam's moments, the update count, and the current pass through the rows.
    Moments momentsW_, momentsU_, momentsE_;
    StepClock clock_;
    std::vector<int> order_;
    int cursor_ = 0;
    // Scratch, so that a step allocates little: the gradient (then the proposed weights in its
    // place), the proposed moments, the chunk.
    NeuralGradients grad_;
    Moments nextMomentsW_, nextMomentsU_, nextMomentsE_;
    Workspace work_;
};

}  // namespace vaerksted::language
