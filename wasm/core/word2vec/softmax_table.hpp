// The table P(context | focus) for the matrices as they are now: what the page shows beside a
// small vocabulary while it trains, and what the full softmax trains towards.
//   P(o | w) = e^(v_w·k_o) / Σ_o' e^(v_w·k_o')
// In double from the stored floats, shifted by the row's largest score (log-sum-exp: no overflow).
#pragma once

#include <vector>

#include "word2vec/embeddings.hpp"

namespace vaerksted::word2vec {

inline constexpr int kMaxTableWords = 2000;  // words² numbers: 32 MB of doubles at most

// (words × words), row = focus word w, column = context word o, each row summing to 1.
// Empty for more than kMaxTableWords words.
std::vector<double> contextProbabilities(const Embeddings& embeddings);

}  // namespace vaerksted::word2vec
