#include "neuron/problem.hpp"

namespace vaerksted::neuron {

const char* statusName(Status status) {
    switch (status) {
        case Status::Ok: return "ok";
        case Status::NoExamples: return "no_examples";
        case Status::NoFeatures: return "no_features";
        case Status::ShapeMismatch: return "shape_mismatch";
        case Status::NonFiniteInput: return "non_finite_input";
        case Status::TargetOutOfRange: return "target_out_of_range";
        case Status::UnknownActivation: return "unknown_activation";
        case Status::UnknownLoss: return "unknown_loss";
        case Status::UnknownGradientMode: return "unknown_gradient_mode";
        case Status::UnknownStartKind: return "unknown_start_kind";
        case Status::CrossEntropyNeedsSigmoid: return "cross_entropy_needs_sigmoid";
        case Status::InvalidLearningRate: return "invalid_learning_rate";
        case Status::InvalidIterations: return "invalid_iterations";
        case Status::InvalidStartWeights: return "invalid_start_weights";
        case Status::Diverged: return "diverged";
        case Status::NotReady: return "not_ready";
        case Status::InvalidSnapshotInterval: return "invalid_snapshot_interval";
        case Status::LandscapeNeedsOneInput: return "landscape_needs_one_input";
        case Status::InvalidGrid: return "invalid_grid";
        case Status::InvalidSeed: return "invalid_seed";
    }
    return "unknown";
}

}  // namespace vaerksted::neuron
