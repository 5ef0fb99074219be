#include "word2vec/vector_space.hpp"

#include <algorithm>
#include <cmath>
#include <queue>

#include <Eigen/Eigenvalues>

#include "word2vec/evaluation.hpp"
#include "word2vec/fast_dot.hpp"

namespace vaerksted::word2vec {

namespace {

void normalise(float* v, int dim) {
    double norm = 0.0;
    for (int i = 0; i < dim; ++i) norm += static_cast<double>(v[i]) * v[i];
    if (norm <= 0.0) return;
    const double exact = 1.0 / std::sqrt(norm);
    if (exact >= 0x1.ffffffp+127) {  // a tiny vector (|v| < ~3e-39): 1/|v| is inf in float, scale in double
        for (int i = 0; i < dim; ++i) v[i] = static_cast<float>(v[i] * exact);
        return;
    }
    const float inverse = static_cast<float>(exact);
    for (int i = 0; i < dim; ++i) v[i] *= inverse;
}

// The k best (word, score) pairs, best first; ties go to the more frequent (lower index) word.
class TopK {
public:
    explicit TopK(int k) : k_(k) {}
    void offer(int word, float score) {
        if (k_ <= 0) return;  // nothing wanted: the heap stays empty (top() would be undefined)
        if (static_cast<int>(heap_.size()) < k_) heap_.push({word, score});
        else if (worse(heap_.top(), {word, score})) {
            heap_.pop();
            heap_.push({word, score});
        }
    }
    std::vector<Match> sorted() {
        std::vector<Match> out;
        while (!heap_.empty()) {
            out.push_back(heap_.top());
            heap_.pop();
        }
        std::reverse(out.begin(), out.end());
        return out;
    }

private:
    static bool worse(const Match& a, const Match& b) {
        return a.score < b.score || (a.score == b.score && a.word > b.word);
    }
    struct Greater {
        bool operator()(const Match& a, const Match& b) const { return worse(b, a); }
    };
    int k_;
    std::priority_queue<Match, std::vector<Match>, Greater> heap_;  // the worst kept on top
};

}  // namespace

VectorSpace::VectorSpace(std::vector<std::string> words, int dim, std::vector<float> rows)
    : vocabulary_(Vocabulary::fromWords(std::move(words), {})), dim_(dim), unit_(std::move(rows)) {
    unit_.resize(static_cast<std::size_t>(vocabulary_.size()) * dim_, 0.0f);
    for (int w = 0; w < vocabulary_.size(); ++w) normalise(unit_.data() + static_cast<std::size_t>(w) * dim_, dim_);
}

// The k best words by score(w), leaving out `exclude`: the one search behind neighbours and analogies.
template <typename Score>
std::vector<Match> VectorSpace::best(int k, const std::vector<int>& exclude, Score&& score) const {
    TopK top(std::max(0, k));
    for (int w = 0; w < size(); ++w) {
        if (std::find(exclude.begin(), exclude.end(), w) != exclude.end()) continue;
        top.offer(w, score(w));
    }
    return top.sorted();
}

int VectorSpace::lookup(std::string_view word) const {
    const int exact = find(word);
    return exact >= 0 ? exact : find(lowerCase(word));
}

std::vector<float> VectorSpace::unitVector(int word) const {
    if (!valid(word)) return {};
    return std::vector<float>(vector(word), vector(word) + dim_);
}

VectorProblem VectorSpace::load(const unsigned char* data, std::size_t size) {
    LoadedVectors loaded;
    const VectorProblem problem = parseVectors(data, size, VectorFormat::Auto, loaded);
    if (problem.ok()) *this = VectorSpace(std::move(loaded.words), loaded.dim, std::move(loaded.rows));
    return problem;
}

std::vector<Match> VectorSpace::nearest(const float* query, int k, const std::vector<int>& exclude) const {
    std::vector<float> q(query, query + dim_);
    normalise(q.data(), dim_);
    return best(k, exclude, [&](int w) { return fastDot(q.data(), vector(w), dim_); });
}

std::vector<Match> VectorSpace::neighbours(int word, int k) const {
    if (!valid(word)) return {};
    return nearest(vector(word), k, {word});
}

std::vector<Match> VectorSpace::analogy(int a, int b, int c, int k, AnalogyMethod method) const {
    if (!valid(a) || !valid(b) || !valid(c)) return {};
    if (method == AnalogyMethod::CosAdd) {
        // Over unit vectors x: cos(x, a) − cos(x, b) + cos(x, c) = x·(â − b̂ + ĉ), so the answers are
        // the nearest neighbours of â − b̂ + ĉ (as fastText's getAnalogies asks getNN). The score
        // shown is cos(x, â − b̂ + ĉ): the same order, and a cosine students can read like a neighbour's.
        std::vector<float> query(static_cast<std::size_t>(dim_));  // (dim) â − b̂ + ĉ
        for (int i = 0; i < dim_; ++i) query[i] = vector(a)[i] - vector(b)[i] + vector(c)[i];
        return nearest(query.data(), k, {a, b, c});
    }
    const float epsilon = 1e-3f;
    return best(k, {a, b, c}, [&](int w) {
        const float ca = (fastDot(vector(w), vector(a), dim_) + 1) / 2;
        const float cb = (fastDot(vector(w), vector(b), dim_) + 1) / 2;
        const float cc = (fastDot(vector(w), vector(c), dim_) + 1) / 2;
        return ca * cc / (cb + epsilon);
    });
}

float VectorSpace::similarity(int a, int b) const {
    return valid(a) && valid(b) ? fastDot(vector(a), vector(b), dim_) : NAN;
}

int VectorSpace::oddOneOut(const std::vector<int>& words, std::vector<float>* meanSimilarity) const {
    const bool allKnown = std::all_of(words.begin(), words.end(), [&](int w) { return valid(w); });
    const int n = allKnown ? static_cast<int>(words.size()) : 0;
    std::vector<float> means(static_cast<std::size_t>(n), 0.0f);
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < n; ++j)
            if (i != j) means[i] += similarity(words[i], words[j]);
        if (n > 1) means[i] /= static_cast<float>(n - 1);
    }
    if (meanSimilarity) *meanSimilarity = means;
    return n == 0 ? -1 : static_cast<int>(std::min_element(means.begin(), means.end()) - means.begin());
}

std::vector<float> VectorSpace::pca2d(const std::vector<std::vector<float>>& vectors) const {
    const Eigen::Index n = static_cast<Eigen::Index>(vectors.size());
    std::vector<float> out(static_cast<std::size_t>(n) * 2, 0.0f);
    if (n < 2) return out;
    Eigen::MatrixXd X(n, dim_);  // (n × dim) the vectors, centred below
    for (Eigen::Index r = 0; r < n; ++r)
        for (int i = 0; i < dim_; ++i) X(r, i) = i < static_cast<int>(vectors[r].size()) ? vectors[r][i] : 0.0;
    X.rowwise() -= X.colwise().mean();
    // The n × n Gram matrix X·Xᵀ has the same non-zero eigenvalues as the covariance, and its
    // eigenvectors u give the coordinates directly: the projection on axis k is u_k·√λ_k.
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(X * X.transpose());
    for (int axis = 0; axis < 2 && axis < n; ++axis) {
        const Eigen::Index column = n - 1 - axis;  // eigenvalues come in increasing order
        const double lambda = std::max(0.0, eigen.eigenvalues()[column]);
        Eigen::VectorXd u = eigen.eigenvectors().col(column);
        Eigen::Index largest = 0;
        u.cwiseAbs().maxCoeff(&largest);
        if (u[largest] < 0) u = -u;  // a fixed sign, so the picture does not flip between runs
        for (Eigen::Index r = 0; r < n; ++r) out[static_cast<std::size_t>(r) * 2 + axis] = static_cast<float>(u[r] * std::sqrt(lambda));
    }
    return out;
}

std::vector<float> VectorSpace::pca2d(const std::vector<int>& words, const std::vector<float>& extra) const {
    std::vector<std::vector<float>> vectors;
    for (int w : words)
        if (valid(w)) vectors.push_back(unitVector(w));
    const auto d = static_cast<std::size_t>(dim_);
    for (std::size_t r = 0; d > 0 && r + d <= extra.size(); r += d)
        vectors.emplace_back(extra.begin() + static_cast<long>(r), extra.begin() + static_cast<long>(r + d));
    return pca2d(vectors);
}

}  // namespace vaerksted::word2vec
