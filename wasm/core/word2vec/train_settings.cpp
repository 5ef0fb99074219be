#include "word2vec/train_settings.hpp"

#include <cmath>
#include <limits>

#include "common/seed.hpp"

namespace vaerksted::word2vec {

bool parseArchitecture(std::string_view name, Architecture& out) {
    if (name == "skipgram") out = Architecture::SkipGram;
    else if (name == "cbow") out = Architecture::Cbow;
    else return false;
    return true;
}

bool parseOutput(std::string_view name, Output& out) {
    if (name == "negative") out = Output::NegativeSampling;
    else if (name == "softmax") out = Output::Softmax;
    else return false;
    return true;
}

bool parseRateDecay(std::string_view name, RateDecay& out) {
    if (name == "linear") out = RateDecay::Linear;
    else if (name == "none") out = RateDecay::Constant;
    else return false;
    return true;
}

int wholeSetting(double x) {
    if (std::isnan(x)) return 0;
    if (x <= static_cast<double>(std::numeric_limits<int>::min())) return std::numeric_limits<int>::min();
    if (x >= static_cast<double>(std::numeric_limits<int>::max())) return std::numeric_limits<int>::max();
    return static_cast<int>(x);  // toward 0, as the casts before this function did
}

std::int64_t wholeCount(double x) {
    constexpr double kLimit = 9.2e18;  // just inside int64, so the cast below is defined
    if (std::isnan(x)) return 0;
    if (x <= -kLimit) return -static_cast<std::int64_t>(kLimit);
    if (x >= kLimit) return static_cast<std::int64_t>(kLimit);
    return static_cast<std::int64_t>(x);
}

TrainStatus toTrainConfig(const TrainSettings& s, TrainConfig& config) {
    TrainConfig c;
    if (!parseArchitecture(s.architecture, c.architecture)) return TrainStatus::UnknownArchitecture;
    if (!parseOutput(s.output, c.output)) return TrainStatus::UnknownOutput;
    if (!parseRateDecay(s.decay, c.decay)) return TrainStatus::UnknownDecay;
    if (!seedFromNumber(s.seed, c.seed)) return TrainStatus::InvalidSeed;
    c.dim = wholeSetting(s.dim);
    c.window = wholeSetting(s.window);
    c.negatives = wholeSetting(s.negatives);
    c.sample = s.sample;
    c.epochs = wholeSetting(s.epochs);
    c.learningRate = s.learningRate ? *s.learningRate : c.architecture == Architecture::Cbow ? 0.05 : 0.025;
    config = c;
    return TrainStatus::Ok;
}

}  // namespace vaerksted::word2vec
