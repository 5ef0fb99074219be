#include "word2vec/pair_step.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "word2vec/objective.hpp"

namespace vaerksted::word2vec {

namespace {

double dotRow(const std::vector<double>& v, const std::vector<double>& k, std::size_t row) {
    double s = 0.0;
    for (std::size_t i = 0; i < v.size(); ++i) s += v[i] * k[row * v.size() + i];
    return s;
}

// The rows k of `words` (words × dim), in double.
std::vector<double> contextRows(const Embeddings& e, const std::vector<int>& words) {
    const auto dim = static_cast<std::size_t>(e.dim());
    std::vector<double> k(words.size() * dim);
    for (std::size_t r = 0; r < words.size(); ++r) std::copy(e.context(words[r]), e.context(words[r]) + dim, k.begin() + static_cast<long>(r * dim));
    return k;
}

// The pair's L for input v against the rows k (row 0 the real context; softmax: row target).
double pairLossOf(Output output, const std::vector<double>& v, const std::vector<double>& k, std::size_t rows, int target) {
    if (output == Output::Softmax) {
        std::vector<double> s(rows);
        for (std::size_t r = 0; r < rows; ++r) s[r] = dotRow(v, k, r);
        const double top = *std::max_element(s.begin(), s.end());
        double sum = 0.0;
        for (double x : s) sum += std::exp(x - top);
        return top + std::log(sum) - s[static_cast<std::size_t>(target)];
    }
    double loss = 0.0;
    for (std::size_t r = 0; r < rows; ++r) loss += pairLoss(dotRow(v, k, r), r == 0 ? 1 : 0);
    return loss;
}

}  // namespace

PairWork workPair(const Embeddings& e, Output output, int input, int target, const std::vector<int>& negatives, double eta) {
    PairWork w;
    w.input = input;
    w.target = target;
    w.eta = eta;
    w.softmax = output == Output::Softmax;
    w.targetEntry = w.softmax ? target : 0;
    const auto dim = static_cast<std::size_t>(e.dim());
    w.v.assign(e.focus(input), e.focus(input) + dim);
    // The rows that take part: [c, negatives…] or every word (softmax).
    std::vector<int> rows;
    if (output == Output::Softmax) {
        for (int o = 0; o < e.words(); ++o) rows.push_back(o);
    } else {
        w.negatives = negatives;
        rows.push_back(target);
        rows.insert(rows.end(), negatives.begin(), negatives.end());
    }
    const std::vector<double> k = contextRows(e, rows);
    for (std::size_t r = 0; r < rows.size(); ++r) w.scores.push_back(dotRow(w.v, k, r));
    if (output == Output::Softmax) {
        const double top = *std::max_element(w.scores.begin(), w.scores.end());
        double sum = 0.0;
        for (double s : w.scores) sum += std::exp(s - top);
        w.logSum = top + std::log(sum);  // log-sum-exp: no overflow
        for (std::size_t o = 0; o < rows.size(); ++o) {
            w.predicted.push_back(std::exp(w.scores[o] - w.logSum));                             // P(o | w)
            w.slopes.push_back(w.predicted.back() - (rows[o] == target ? 1.0 : 0.0));  // P(o | w) − [o = c]
        }
        w.probability = w.predicted[static_cast<std::size_t>(target)];
        w.expTarget = std::exp(w.scores[static_cast<std::size_t>(target)]);
        w.expSum = std::exp(w.logSum);
        w.loss = w.logSum - w.scores[static_cast<std::size_t>(target)];
    } else {
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const int label = r == 0 ? 1 : 0;
            w.predicted.push_back(sigmoid(w.scores[r]));        // σ(v·k_j)
            w.slopes.push_back(pairSlope(w.scores[r], label));  // σ(v·k_j) − t_j
            w.terms.push_back(pairLoss(w.scores[r], label));
            w.loss += w.terms.back();
        }
        w.probability = sigmoid(w.scores[0]);
    }
    // ∂L/∂v = Σ_j slope_j·k_j;  v ← v − η·∂L/∂v
    w.gradient.assign(dim, 0.0);
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (std::size_t i = 0; i < dim; ++i) w.gradient[i] += w.slopes[r] * k[r * dim + i];
    w.vAfter = w.v;
    for (std::size_t i = 0; i < dim; ++i) w.vAfter[i] -= eta * w.gradient[i];
    // k_j ← k_j − η·slope_j·v (a word drawn twice gets both updates)
    std::map<int, std::vector<double>> after;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        auto [it, fresh] = after.try_emplace(rows[r]);
        if (fresh) it->second.assign(k.begin() + static_cast<long>(r * dim), k.begin() + static_cast<long>((r + 1) * dim));
        for (std::size_t i = 0; i < dim; ++i) it->second[i] -= eta * w.slopes[r] * w.v[i];
    }
    for (const auto& [word, values] : after) {
        w.changed.push_back(word);
        w.contextAfter.insert(w.contextAfter.end(), values.begin(), values.end());
    }
    std::vector<double> kAfter(rows.size() * dim);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& values = after.at(rows[r]);
        std::copy(values.begin(), values.end(), kAfter.begin() + static_cast<long>(r * dim));
    }
    w.lossAfter = pairLossOf(output, w.vAfter, kAfter, rows.size(), target);
    return w;
}

void takePairStep(Embeddings& e, const PairWork& w) {
    const auto dim = static_cast<std::size_t>(e.dim());
    for (std::size_t i = 0; i < dim; ++i) e.focus(w.input)[i] = static_cast<float>(w.vAfter[i]);
    for (std::size_t r = 0; r < w.changed.size(); ++r)
        for (std::size_t i = 0; i < dim; ++i) e.context(w.changed[r])[i] = static_cast<float>(w.contextAfter[r * dim + i]);
}

PairWork workTrainingPair(const Trainer& trainer, int focusWord, int contextWord, const std::vector<int>& negatives) {
    const bool skipGram = trainer.config().architecture == Architecture::SkipGram;
    return workPair(trainer.embeddings(), trainer.config().output, skipGram ? focusWord : contextWord,
                    skipGram ? contextWord : focusWord, negatives, trainer.progress().learningRate);
}

std::vector<int> drawNegatives(const Trainer& trainer, int target, Rng& rng) {
    std::vector<int> drawn;
    if (trainer.config().output == Output::Softmax) return drawn;
    for (int j = 0; j < trainer.config().negatives; ++j) {
        int word = trainer.sampler().draw(rng);
        for (int tries = 0; word == target && tries < 100; ++tries) word = trainer.sampler().draw(rng);
        if (word != target) drawn.push_back(word);  // a one-word vocabulary has no negatives
    }
    return drawn;
}

bool firstPair(const Corpus& corpus, int& focusWord, int& contextWord) {
    const auto total = static_cast<std::int64_t>(corpus.tokens.size());
    for (std::int64_t s = 0; s < corpus.sentences(); ++s) {
        const std::int64_t begin = corpus.sentenceStarts[static_cast<std::size_t>(s)];
        const std::int64_t end = s + 1 < corpus.sentences() ? corpus.sentenceStarts[static_cast<std::size_t>(s + 1)] : total;
        if (end - begin >= 2) {
            focusWord = corpus.tokens[static_cast<std::size_t>(begin)];
            contextWord = corpus.tokens[static_cast<std::size_t>(begin + 1)];
            return true;
        }
    }
    return false;
}

}  // namespace vaerksted::word2vec
