#include "language/neural_session.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace vaerksted::language {

NeuralStatus NeuralSession::setup(const std::vector<std::int32_t>& tokens, const std::vector<std::string>& words,
                                  const NeuralTextSettings& text, const NeuralSettings& settings,
                                  const GivenVectors& vectors, std::uint64_t seed) {
    const NeuralStatus checked = settings.check();
    if (checked != NeuralStatus::Ok) return checked;
    if (!(text.trainShare > 0.0 && text.trainShare <= 1.0)) return NeuralStatus::NoRows;
    if (tokens.size() > static_cast<std::size_t>(kMaxRows)) return NeuralStatus::TooManyRows;
    const int W = static_cast<int>(words.size());
    for (const std::int32_t t : tokens)
        if (t < 0 || t >= W) return NeuralStatus::InvalidWordId;
    // The split of heldOutLadder (ngram_scorer.cpp), so that both are scored on the same words.
    const bool split = text.trainShare < 1.0;
    const std::size_t trainEnd = split ? static_cast<std::size_t>(text.trainShare * static_cast<double>(tokens.size())) : tokens.size();
    if (trainEnd < 2 || (split && trainEnd >= tokens.size())) return NeuralStatus::NoRows;
    const std::size_t heldEnd = split && text.maxHeldOut > 0 ? std::min(tokens.size(), trainEnd + text.maxHeldOut) : tokens.size();

    std::vector<std::int64_t> counts(static_cast<std::size_t>(W), 0);
    for (std::size_t i = 0; i < trainEnd; ++i) ++counts[static_cast<std::size_t>(tokens[i])];
    NeuralVocabulary vocabulary = neuralVocabulary(counts, text.maxWords, split ? 2 : 1, split);

    std::vector<int> trainIds(trainEnd);
    for (std::size_t i = 0; i < trainEnd; ++i) trainIds[i] = vocabulary.model(tokens[i]);
    NeuralRows trainRows;
    NeuralStatus s = rowsFromTokens(trainIds, settings.contextWords, vocabulary.size(), trainRows);
    if (s != NeuralStatus::Ok) return s;

    // Held-out row p: the c words before it, which for the first rows are the training part's last.
    const int c = settings.contextWords;
    NeuralRows heldRows;
    heldRows.contextWords = c;
    int heldUnknown = 0;
    double classLoss = 0;
    if (split) {
        for (std::size_t p = trainEnd; p < heldEnd; ++p) {
            for (int i = 0; i < c; ++i) {
                const std::size_t back = static_cast<std::size_t>(c - i);
                heldRows.ids.push_back(vocabulary.model(p >= back ? tokens[p - back] : tokens[tokens.size() + p - back]));
            }
            const int target = vocabulary.model(tokens[p]);
            heldRows.ids.push_back(target);
            if (target != vocabulary.unknown) continue;
            ++heldUnknown;
            const double inClass = static_cast<double>(counts[static_cast<std::size_t>(tokens[p])]) + 1.0;
            classLoss -= std::log(inClass / static_cast<double>(vocabulary.unknownTokens + vocabulary.unknownMembers + 1));
        }
    }

    Rng rng(seed);
    int found = 0;
    const Eigen::MatrixXd E = modelEmbeddings(vocabulary, words, vectors, text.randomDim, rng, found);
    if (E.cols() < 1) return NeuralStatus::InvalidEmbeddings;
    NeuralLanguageModel model;
    s = model.setup(vocabulary.size(), E, settings, rng);
    if (s != NeuralStatus::Ok) return s;

    trainTail_.assign(static_cast<std::size_t>(c), 0);
    for (int i = 0; i < c; ++i)  // the words before row 0 of the (wrapping) training rows
        trainTail_[static_cast<std::size_t>(i)] = trainRows.context(0)[i];
    vocabulary_ = std::move(vocabulary);
    model_ = std::move(model);
    train_ = std::move(trainRows);
    heldOut_ = std::move(heldRows);
    rng_ = rng;
    heldOutClassLoss_ = classLoss;
    info_ = {vocabulary_.size(), vocabulary_.unknownMembers, train_.count(), heldOut_.count(), heldUnknown,
             static_cast<int>(E.cols()), found, model_.weightCount()};
    return NeuralStatus::Ok;
}

NeuralStatus NeuralSession::train(int steps, std::vector<double>& batchLosses) {
    if (!ready()) return NeuralStatus::NotReady;
    return model_.trainSteps(train_, steps, rng_, &batchLosses);
}

double NeuralSession::epochs() const {
    if (!ready() || train_.count() == 0) return 0;
    // Each pass is ⌈rows / B⌉ batches; the position inside the current one is passPosition().
    const std::int64_t perPass = (train_.count() + model_.settings().batchSize - 1) / model_.settings().batchSize;
    const std::int64_t full = perPass > 0 ? model_.steps() / perPass : 0;
    return static_cast<double>(full) + static_cast<double>(model_.passPosition() % std::max(1, train_.count())) / train_.count();
}

NeuralStatus NeuralSession::heldOut(NeuralEvaluation& out) const {
    if (!ready()) return NeuralStatus::NotReady;
    if (heldOut_.count() == 0) return NeuralStatus::NoRows;
    double L = 0;
    const NeuralStatus s = model_.lossOf(heldOut_, L);
    if (s != NeuralStatus::Ok) return s;
    // −ln(z_«ukendt»·P(w | «ukendt»)) = −ln z_«ukendt» − ln P(w | «ukendt») for each row of that class.
    L += heldOutClassLoss_;
    const double perWord = L / heldOut_.count();
    out = {L, perWord, std::exp(perWord)};
    return std::isfinite(out.perplexity) ? NeuralStatus::Ok : NeuralStatus::NonFinite;
}

NeuralStatus NeuralSession::trainingLoss(NeuralEvaluation& out) const {
    if (!ready()) return NeuralStatus::NotReady;
    return model_.evaluate(train_, out);
}

std::vector<int> NeuralSession::contextOf(const std::vector<std::int32_t>& prompt, int& padded) const {
    const int c = model_.settings().contextWords;
    const int own = std::min(c, static_cast<int>(prompt.size()));
    padded = c - own;
    std::vector<int> context(trainTail_.end() - padded, trainTail_.end());
    for (std::size_t i = prompt.size() - static_cast<std::size_t>(own); i < prompt.size(); ++i) {
        const int id = vocabulary_.model(prompt[i]);
        context.push_back(id >= 0 ? id : trainTail_.back());  // no «ukendt» in the model: the text has every word
    }
    return context;
}

NeuralStatus NeuralSession::forward(const std::vector<std::int32_t>& prompt, NeuralForward& out,
                                    std::vector<std::int32_t>& context) const {
    if (!ready()) return NeuralStatus::NotReady;
    int padded = 0;
    const std::vector<int> ids = contextOf(prompt, padded);
    context.clear();
    for (const int id : ids) context.push_back(vocabulary_.textOf[static_cast<std::size_t>(id)]);
    return model_.forward(ids.data(), out);
}

NeuralStatus NeuralSession::next(const std::vector<std::int32_t>& prompt, const SampleSettings& sample, int top,
                                 NeuralNext& out) const {
    if (!ready()) return NeuralStatus::NotReady;
    NeuralForward f;
    NeuralNext result;
    std::vector<int> ids = contextOf(prompt, result.padded);
    for (const int id : ids) result.context.push_back(vocabulary_.textOf[static_cast<std::size_t>(id)]);
    const NeuralStatus s = model_.forward(ids.data(), f);
    if (s != NeuralStatus::Ok) return s;
    const std::size_t V = static_cast<std::size_t>(f.y.size());
    std::vector<double> p, z;
    distribution(f.y.data(), V, SampleSettings{}, p);
    result.sampleStatus = distribution(f.y.data(), V, sample, z);
    if (p.size() != V) return NeuralStatus::NonFinite;
    result.entropyP = entropy(p);
    result.entropyZ = result.sampleStatus == SampleStatus::Ok ? entropy(z) : 0.0;
    // The most probable first; equal ones in id order (the sampler's rule for ties).
    std::vector<int> order(V);
    std::iota(order.begin(), order.end(), 0);
    const std::size_t shown = std::min(V, static_cast<std::size_t>(std::max(top, 0)));
    std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(shown), order.end(),
                      [&](int a, int b) { return p[static_cast<std::size_t>(a)] > p[static_cast<std::size_t>(b)] || (p[static_cast<std::size_t>(a)] == p[static_cast<std::size_t>(b)] && a < b); });
    for (std::size_t i = 0; i < V; ++i) {
        const auto w = static_cast<std::size_t>(order[i]);
        const double zi = z.size() == V ? z[w] : 0.0;
        if (i < shown) {
            result.words.push_back(vocabulary_.textOf[w]);
            result.p.push_back(p[w]);
            result.z.push_back(zi);
        } else {
            result.restP += p[w];
            result.restZ += zi;
        }
    }
    out = std::move(result);
    return NeuralStatus::Ok;
}

NeuralStatus NeuralSession::generate(const std::vector<std::int32_t>& prompt, int count, const SampleSettings& sample,
                                     Rng& rng, NeuralGenerated& out) const {
    if (!ready()) return NeuralStatus::NotReady;
    if (count < 0 || count > kMaxStepsPerCall) return NeuralStatus::InvalidSteps;
    NeuralGenerated result;
    int padded = 0;
    std::vector<int> context = contextOf(prompt, padded);
    NeuralForward f;
    std::vector<double> z;
    for (int k = 0; k < count; ++k) {
        const NeuralStatus s = model_.forward(context.data(), f);
        if (s != NeuralStatus::Ok) return s;
        result.sampleStatus = distribution(f.y.data(), static_cast<std::size_t>(f.y.size()), sample, z);
        if (result.sampleStatus != SampleStatus::Ok) break;
        const std::size_t w = draw(z, rng);
        if (w >= z.size()) break;
        result.words.push_back(vocabulary_.textOf[w]);
        result.probabilities.push_back(z[w]);
        context.erase(context.begin());
        context.push_back(static_cast<int>(w));
    }
    out = std::move(result);
    return NeuralStatus::Ok;
}

}  // namespace vaerksted::language
