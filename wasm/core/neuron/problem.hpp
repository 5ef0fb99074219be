// Why a call into the neuron core did not do what was asked. The core never throws and never
// prints: every entry point returns a Problem, and the UI turns its code into a Danish or English
// message. The codes are part of the JS API, so only append new ones.
#pragma once

namespace vaerksted::neuron {

enum class Status {
    Ok = 0,
    NoExamples,                // M = 0
    NoFeatures,                // n = 0
    ShapeMismatch,             // x has not rows·cols numbers, or t not rows
    NonFiniteInput,            // NaN or ±inf in x or t (row, column say where)
    TargetOutOfRange,          // cross-entropy needs 0 ≤ t ≤ 1 (row says where)
    UnknownActivation,
    UnknownLoss,
    UnknownGradientMode,
    UnknownStartKind,
    CrossEntropyNeedsSigmoid,  // cross-entropy is defined for o in (0, 1) only
    InvalidLearningRate,       // η must be finite and > 0
    InvalidIterations,         // 0 ≤ k ≤ kMaxIterationsPerCall
    InvalidStartWeights,       // wrong count, or not finite
    Diverged,                  // E or a weight stopped being finite; the last finite state is kept
    NotReady,                  // training asked for before data and settings were accepted
    InvalidSnapshotInterval,   // m must be ≥ 1
    LandscapeNeedsOneInput,    // the (w0, w1) map exists for a neuron with one input only
    InvalidGrid,               // ranges not finite or empty, fewer than 2 points, or too many
    InvalidSeed,               // not a whole number from 0 to 2^53 − 1 (common/seed.hpp)
};

// The last status: the JS API lists every status from Ok to this one (append before, move this).
constexpr Status kLastStatus = Status::InvalidSeed;

// Status plus where in the data it happened (0-based; -1 when not about a cell).
struct Problem {
    Status status = Status::Ok;
    int row = -1;
    int column = -1;

    bool ok() const { return status == Status::Ok; }
};

// Stable English identifier of a status, e.g. "non_finite_input"; the JS side keys messages on it.
const char* statusName(Status status);

}  // namespace vaerksted::neuron
