// Word vectors to ask questions of: nearest neighbours by cosine similarity, analogies
// (a − b + c, 3CosAdd or 3CosMul), the similarity of two words, the odd one out, and a 2-D picture
// (PCA) of chosen words. Vectors are kept L2-normalised, so a dot product is a cosine.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "word2vec/vocabulary.hpp"

namespace vaerksted::word2vec {

struct Match {
    int word;
    float score;
};

enum class AnalogyMethod { CosAdd, CosMul };

class VectorSpace {
public:
    VectorSpace() = default;
    // rows: words × dim, any length; rows of length 0 are kept as zero vectors (they match nothing).
    VectorSpace(std::vector<std::string> words, int dim, std::vector<float> rows);

    int size() const { return vocabulary_.size(); }
    int dim() const { return dim_; }
    const Vocabulary& vocabulary() const { return vocabulary_; }
    int find(std::string_view word) const { return vocabulary_.find(word); }
    const float* vector(int word) const { return unit_.data() + static_cast<std::size_t>(word) * dim_; }

    // The k words closest to the (not necessarily normalised) query vector, leaving out `exclude`.
    // Shapes: query (dim).
    std::vector<Match> nearest(const float* query, int k, const std::vector<int>& exclude) const;
    std::vector<Match> neighbours(int word, int k) const;

    // b is to a as c is to …? The answers to a − b + c:
    //   3CosAdd: argmax cos(x, a) − cos(x, b) + cos(x, c); the score is cos(x, â − b̂ + ĉ) (same order)
    //   3CosMul: argmax cos'(x, a)·cos'(x, c) / (cos'(x, b) + ε), cos' = (cos + 1)/2  (Levy & Goldberg)
    // The three query words are never answers.
    std::vector<Match> analogy(int a, int b, int c, int k, AnalogyMethod method) const;

    float similarity(int a, int b) const;

    // The word least like the others: the lowest mean cosine to the rest. Returns its position in words.
    int oddOneOut(const std::vector<int>& words, std::vector<float>* meanSimilarity = nullptr) const;

    // The vectors projected on their first two principal components (e.g. the words of an analogy
    // and the point a − b + c). Shapes: n vectors of dim → coordinates (n × 2), row-major.
    std::vector<float> pca2d(const std::vector<std::vector<float>>& vectors) const;

private:
    Vocabulary vocabulary_;
    int dim_ = 0;
    std::vector<float> unit_;  // (words × dim) L2-normalised rows
};

}  // namespace vaerksted::word2vec
