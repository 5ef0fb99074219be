// The neural language model's words, taken from a text: the output layer has one neuron per word,
// so V must stay small. The model keeps the text's most frequent words and lets one word «ukendt»
// stand for all the others. With a held-out part, the words seen only once in the training part
// become «ukendt» too: the model then learns from them how often a word comes that it does not
// know, which the held-out text needs (otherwise its first new word costs −ln(almost 0)).
//
// Held-out loss that is fair against the N-gram ladder: «ukendt» stands for K training words (T
// tokens) plus "a word the training part lacks" (one event, as the N-gram's P₀ treats it), so a
// held-out word w of that class gets P = z_«ukendt»·(count(w) + 1)/(T + K + 1) — add-one counts
// inside the class, as the N-grams' single-word counts — never the whole class's mass.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "common/rng.hpp"

namespace vaerksted::language {

inline constexpr const char* kUnknownModelWord = "«ukendt»";

struct NeuralVocabulary {
    std::vector<int> modelOf;        // text word id → model id (the «ukendt» id for a word left out)
    std::vector<int> textOf;         // model id → text word id; −1 for «ukendt»
    int unknown = -1;                // model id of «ukendt», −1 when the model has none
    std::int64_t unknownMembers = 0; // K: training-part words «ukendt» stands for
    std::int64_t unknownTokens = 0;  // T: how often they occur in the training part

    int size() const { return static_cast<int>(textOf.size()); }
    // A text id (−1 or out of range: a word the text lacks) → model id, −1 when the model has no «ukendt».
    int model(int textId) const {
        return textId >= 0 && textId < static_cast<int>(modelOf.size()) ? modelOf[static_cast<std::size_t>(textId)] : unknown;
    }
};

// counts: each text word's count in the training part (index = text id). Keeps the words with
// count ≥ minCount, at most maxWords of them (0: no cap), most frequent first and equal counts in
// id order; «ukendt» is added last when a word is left out or withUnknown is set.
NeuralVocabulary neuralVocabulary(const std::vector<std::int64_t>& counts, int maxWords, std::int64_t minCount,
                                  bool withUnknown);

// The model's input vectors (V × m), row = model id. Words found in `given` (words, rows of m
// floats) take their vector; the others (and «ukendt») a random one of the same typical length:
// each number uniform in ±√(3/m)·typicalLength, so that ‖v‖ ≈ typicalLength. `found` counts the
// words that had a vector. With no `given` words every vector is random (typical length 1).
struct GivenVectors {
    const std::vector<std::string>* words = nullptr;
    const float* rows = nullptr;  // (words × m) row-major
    int dim = 0;
};
Eigen::MatrixXd modelEmbeddings(const NeuralVocabulary& vocabulary, const std::vector<std::string>& textWords,
                                const GivenVectors& given, int randomDim, Rng& rng, int& found);

}  // namespace vaerksted::language
