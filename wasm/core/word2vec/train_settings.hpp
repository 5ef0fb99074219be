// The settings of a word2vec run as a page or a command line gives them — names as text, numbers as
// doubles — checked and turned into a TrainConfig. An unknown name or a bad seed is a status of
// its own (never silently skip-gram, linear decay or a wrapped seed); the ranges of the numbers
// are checked by Trainer::check.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "word2vec/trainer.hpp"

namespace vaerksted::word2vec {

struct TrainSettings {
    std::string architecture = "skipgram";  // "skipgram" | "cbow"
    std::string output = "negative";        // "negative" (sampling) | "softmax"
    std::string decay = "linear";           // "linear" | "none"
    double dim = 100;
    double window = 5;
    double negatives = 5;
    double sample = 1e-4;
    double epochs = 5;
    std::optional<double> learningRate;     // none: 0.025 for skip-gram, 0.05 for CBOW (word2vec's)
    double seed = 1;
    double minCount = 5;                    // words seen fewer times are left out
    double maxVocabulary = 0;               // the most frequent words only; 0: no limit
    bool normalise = false;                 // ordinary text: lower case, punctuation out (TextNormaliser)
};

bool parseArchitecture(std::string_view name, Architecture& out);
bool parseOutput(std::string_view name, Output& out);
bool parseRateDecay(std::string_view name, RateDecay& out);

// Names and seed checked, numbers copied (a whole-number setting rounds toward 0 as a cast does,
// NaN and values beyond int become out of range). On a status other than Ok `config` is untouched.
TrainStatus toTrainConfig(const TrainSettings& settings, TrainConfig& config);

// A whole-number setting from a double: toward 0; NaN and out-of-range values to a value that
// the range checks refuse (0 or the int limits).
int wholeSetting(double x);
std::int64_t wholeCount(double x);

}  // namespace vaerksted::word2vec
