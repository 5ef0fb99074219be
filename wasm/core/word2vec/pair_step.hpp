// One training pair worked out with the vectors as they are now — what the page prints beside the
// formulas — and the one step of stochastic gradient descent that training takes for it.
// Input vector v (the focus word's in skip-gram), target context vector k_c, negatives k_j:
//   negative sampling:  L = −[ln σ(v·k_c) + Σ_j ln σ(−v·k_j)]
//   full softmax:       L = −ln P(c | w),  P(c | w) = e^(v·k_c) / Σ_o e^(v·k_o)
//   ∂L/∂v = Σ_j (σ(v·k_j) − t_j)·k_j  (t = 1 for c, 0 for a negative);  softmax: Σ_o P(o | w)·k_o − k_c
//   v ← v − η·∂L/∂v,   k_j ← k_j − η·(σ(v·k_j) − t_j)·v   (softmax: k_o ← k_o − η·(P(o | w) − [o = c])·v)
// All in double from the stored floats; every k update uses v from before the step, as training does.
#pragma once

#include <vector>

#include "word2vec/embeddings.hpp"
#include "word2vec/trainer.hpp"

namespace vaerksted::word2vec {

struct PairWork {
    int input = 0;                       // the word whose v is the input
    int target = 0;                      // the word whose k is the real context
    bool softmax = false;                // the full softmax (else negative sampling)
    int targetEntry = 0;                 // where the real target is in scores and slopes: 0, or its word (softmax)
    std::vector<int> negatives;          // negative sampling: the words drawn as negatives (may repeat)
    double eta = 0.0;
    // Negative sampling: one entry per target, the real one first (1 + negatives).
    // Softmax: one entry per word of the vocabulary.
    std::vector<double> scores;          // v·k
    std::vector<double> predicted;       // σ(v·k), or P(o | w)
    std::vector<double> slopes;          // ∂L/∂(v·k): σ(v·k) − t, or P(o | w) − [o = c]
    std::vector<double> terms;           // negative sampling: each target's share of L, −ln σ(±v·k)
    double probability = 0.0;            // σ(v·k_c) for negative sampling, P(c | w) for softmax
    double logSum = 0.0;                 // softmax: ln Σ_o e^(v·k_o)
    double expTarget = 0.0;              // softmax: e^(v·k_c), the fraction's numerator
    double expSum = 0.0;                 // softmax: Σ_o e^(v·k_o), its denominator (inf when it overflows)
    double loss = 0.0;                   // L of this pair now
    std::vector<double> v;               // (dim) the input vector now
    std::vector<double> gradient;        // (dim) ∂L/∂v
    std::vector<double> vAfter;          // (dim) v − η·∂L/∂v
    std::vector<int> changed;            // the context vectors the step changes (each once)
    std::vector<double> contextAfter;    // (changed × dim) their values after the step
    double lossAfter = 0.0;              // L of this pair (same negatives) after the step
};

// Works out the pair input → target with the given negatives (ignored for the softmax).
PairWork workPair(const Embeddings& embeddings, Output output, int input, int target, const std::vector<int>& negatives,
                  double eta);

// Writes the step's v and k into the embeddings (rounded to float, as they are stored).
void takePairStep(Embeddings& embeddings, const PairWork& work);

// The pair (focus word w, context word c) as the trainer sees it, at its η now: skip-gram predicts
// c from w (v_w → k_c); CBOW, here with the one context word c, predicts w from c (v_c → k_w).
PairWork workTrainingPair(const Trainer& trainer, int focusWord, int contextWord, const std::vector<int>& negatives);

// The trainer's number of negatives, drawn from its unigram^¾ sampler; a draw equal to the real
// target is drawn again (training skips it; here the formula keeps its K terms). Empty for the softmax.
std::vector<int> drawNegatives(const Trainer& trainer, int target, Rng& rng);

// The first two neighbouring words of the text (in one sentence): a pair to show when the chosen
// words are not in a student's own text. False if no sentence has two words.
bool firstPair(const Corpus& corpus, int& focusWord, int& contextWord);

}  // namespace vaerksted::word2vec
