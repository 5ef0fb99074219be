#include "language/ngram_scorer.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace vaerksted::language {

NgramScorer::NgramScorer(const NgramSource& model, double discount)
    : model_(model), discount_(discount), followersOfWord_(static_cast<std::size_t>(model.vocabularySize()), 0) {
    for (std::int32_t w = 0; w < model.vocabularySize(); ++w)
        followersOfWord_[static_cast<std::size_t>(w)] = model.followerCount(&w, 1);
}

std::int64_t NgramScorer::followers(const std::int32_t* context, int length) const {
    return length == 1 ? followersOfWord_[static_cast<std::size_t>(context[0])] : model_.followerCount(context, length);
}

double NgramScorer::probability(const std::int32_t* context, int length, std::int32_t word) const {
    const auto n = static_cast<double>(model_.size());
    const auto v = static_cast<double>(model_.vocabularySize());
    const bool known = word >= 0 && word < model_.vocabularySize();
    // P₀(w) = (count(w) + 1) / (N + V + 1); unknown: (R(∅) + 1) / (N + V + 1)
    const double unigram = known ? static_cast<double>(model_.count(&word, 1)) : static_cast<double>(model_.prunedCount(nullptr, 0));
    double p = (unigram + 1.0) / (n + v + 1.0);
    std::array<std::int32_t, NgramSource::kMaxContext + 1> gram{};
    for (int k = 1; k <= std::min(length, NgramSource::kMaxContext); ++k) {
        const std::int32_t* c = context + (length - k);  // the last k words
        const std::int64_t seen = model_.count(c, k);
        if (seen == 0) continue;  // never seen: P_k = P_{k−1}
        std::int64_t together = 0;
        if (known) {
            std::copy(c, c + k, gram.begin());
            gram[static_cast<std::size_t>(k)] = word;
            together = model_.count(gram.data(), k + 1);
        }
        const double total = static_cast<double>(seen);
        // P_k = max(count(c w) − D, 0)/count(c) + (D·T(c) + R(c))/count(c)·P_{k−1}
        const double passedOn = discount_ * static_cast<double>(followers(c, k)) + static_cast<double>(model_.prunedCount(c, k));
        p = std::max(static_cast<double>(together) - discount_, 0.0) / total + passedOn / total * p;
    }
    return p;
}

HeldOutScore NgramScorer::score(const std::vector<std::int32_t>& heldOut, int n) const {
    HeldOutScore out;
    const int context = std::clamp(n, 1, NgramSource::kMaxContext + 1) - 1;
    double loss = 0;
    for (std::size_t i = 0; i < heldOut.size(); ++i) {
        const int length = static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(context), i));
        const std::int32_t word = heldOut[i];
        if (word < 0 || word >= model_.vocabularySize()) ++out.unknownWords;
        loss -= std::log(probability(heldOut.data() + (i - static_cast<std::size_t>(length)), length, word));
    }
    out.words = static_cast<std::int64_t>(heldOut.size());
    out.lossPerWord = out.words > 0 ? loss / static_cast<double>(out.words) : 0.0;
    out.perplexity = std::exp(out.lossPerWord);
    return out;
}

Ladder heldOutLadder(const std::vector<std::int32_t>& tokens, int vocabularySize, double trainShare, std::size_t maxHeldOut) {
    Ladder out;
    if (!(trainShare > 0.0 && trainShare < 1.0)) return out;
    const auto split = static_cast<std::size_t>(trainShare * static_cast<double>(tokens.size()));
    if (split < 2 || split >= tokens.size()) return out;
    // Ids stay the whole text's: a word only in the held-out part has count 0, scored as unknown.
    const NgramIndex index(std::vector<std::int32_t>(tokens.begin(), tokens.begin() + static_cast<std::ptrdiff_t>(split)), vocabularySize);
    const NgramScorer scorer(index);
    const std::size_t end = maxHeldOut > 0 ? std::min(tokens.size(), split + maxHeldOut) : tokens.size();
    const std::vector<std::int32_t> heldOut(tokens.begin() + static_cast<std::ptrdiff_t>(split), tokens.begin() + static_cast<std::ptrdiff_t>(end));
    out.trainWords = static_cast<std::int64_t>(split);
    for (int n = 1; n <= NgramIndex::kMaxContext + 1; ++n) out.orders.push_back(scorer.score(heldOut, n));
    return out;
}

}  // namespace vaerksted::language
