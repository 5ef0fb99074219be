// The two matrices word2vec learns: a focus vector v and a context vector k for every word
// (the notes' names). Rows are words, vocabulary order. Shapes: (words × dim) each.
#pragma once

#include <vector>

#include "common/rng.hpp"

namespace vaerksted::word2vec {

class Embeddings {
public:
    Embeddings() = default;

    // v uniform in [−0.5/dim, 0.5/dim) from the seed's generator, k all zero (as word2vec starts).
    Embeddings(int words, int dim, Rng& rng) : words_(words), dim_(dim), focus_(static_cast<std::size_t>(words) * dim),
        context_(static_cast<std::size_t>(words) * dim, 0.0f) {
        for (float& x : focus_) x = static_cast<float>((rng.uniform() - 0.5) / dim);
    }

    int words() const { return words_; }
    int dim() const { return dim_; }
    float* focus(int word) { return focus_.data() + static_cast<std::size_t>(word) * dim_; }
    float* context(int word) { return context_.data() + static_cast<std::size_t>(word) * dim_; }
    const float* focus(int word) const { return focus_.data() + static_cast<std::size_t>(word) * dim_; }
    const float* context(int word) const { return context_.data() + static_cast<std::size_t>(word) * dim_; }
    const std::vector<float>& focusMatrix() const { return focus_; }
    const std::vector<float>& contextMatrix() const { return context_; }

private:
    int words_ = 0;
    int dim_ = 0;
    std::vector<float> focus_;    // (words × dim) v
    std::vector<float> context_;  // (words × dim) k
};

}  // namespace vaerksted::word2vec
