#include "language/ngram_generator.hpp"

#include <algorithm>

namespace vaerksted::language {

NextDistribution nextDistribution(const NgramSource& model, const std::int32_t* context, int length, int order,
                                  bool backoff, const SampleSettings& settings) {
    NextDistribution out;
    const int used = std::clamp(std::min(order - 1, length), 0, NgramSource::kMaxContext);
    const std::int32_t* last = context + (length - used);
    const NextCounts next = backoff ? model.nextBackingOff(last, used) : model.next(last, used);
    out.contextLength = next.contextLength;
    out.contextCount = next.contextCount;
    out.prunedCount = next.prunedCount;
    for (const NextWord& w : next.next) {
        out.words.push_back(w.word);
        out.counts.push_back(w.count);
        // P(w | c) = count(c w) / count(c)
        out.p.push_back(static_cast<double>(w.count) / static_cast<double>(next.contextCount));
    }
    if (out.words.empty()) return out;  // never seen: nothing to draw from
    out.status = distributionFromProbabilities(out.p.data(), out.p.size(), settings, out.z);
    out.entropyP = entropy(out.p);
    out.entropyZ = out.status == SampleStatus::Ok ? entropy(out.z) : 0.0;
    return out;
}

Generated generate(const NgramSource& model, const std::vector<std::int32_t>& prompt, int order, int count,
                   bool backoff, const SampleSettings& settings, Rng& rng) {
    Generated out;
    std::vector<std::int32_t> text = prompt;
    for (int i = 0; i < count; ++i) {
        const NextDistribution next = nextDistribution(model, text.data(), static_cast<int>(text.size()), order, backoff, settings);
        if (next.words.empty()) {
            out.end = GenerationEnd::UnseenContext;
            return out;
        }
        if (next.status != SampleStatus::Ok) {
            out.end = GenerationEnd::BadSettings;
            out.status = next.status;
            return out;
        }
        const std::size_t k = draw(next.z, rng);
        out.words.push_back(next.words[k]);
        out.probabilities.push_back(next.z[k]);
        out.contextLengths.push_back(next.contextLength);
        text.push_back(next.words[k]);
    }
    return out;
}

}  // namespace vaerksted::language
