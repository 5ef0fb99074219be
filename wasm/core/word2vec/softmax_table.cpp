#include "word2vec/softmax_table.hpp"

#include <algorithm>
#include <cmath>

namespace vaerksted::word2vec {

std::vector<double> contextProbabilities(const Embeddings& e) {
    const int words = e.words(), dim = e.dim();
    if (words > kMaxTableWords) return {};
    std::vector<double> p(static_cast<std::size_t>(words) * static_cast<std::size_t>(words));
    std::vector<double> scores(static_cast<std::size_t>(words));  // (words) v_w·k_o of one row
    for (int w = 0; w < words; ++w) {
        const float* v = e.focus(w);
        for (int o = 0; o < words; ++o) {
            const float* k = e.context(o);
            double s = 0.0;
            for (int i = 0; i < dim; ++i) s += static_cast<double>(v[i]) * static_cast<double>(k[i]);
            scores[static_cast<std::size_t>(o)] = s;
        }
        const double top = *std::max_element(scores.begin(), scores.end());
        double sum = 0.0;
        for (double s : scores) sum += std::exp(s - top);
        double* row = p.data() + static_cast<std::size_t>(w) * static_cast<std::size_t>(words);
        for (int o = 0; o < words; ++o) row[o] = std::exp(scores[static_cast<std::size_t>(o)] - top) / sum;
    }
    return p;
}

}  // namespace vaerksted::word2vec
