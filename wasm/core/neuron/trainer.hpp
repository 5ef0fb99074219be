// Gradient descent for one artificial neuron: o = f(w0 + w1·x1 + … + wn·xn).
// Calls are coarse — "train k iterations" — so that crossing into wasm costs nothing noticeable.
#pragma once

#include <optional>
#include <vector>

#include <Eigen/Core>

#include "common/rng.hpp"
#include "neuron/config.hpp"
#include "neuron/dataset.hpp"
#include "neuron/loss.hpp"
#include "neuron/metrics.hpp"
#include "neuron/problem.hpp"
#include "neuron/scaling.hpp"

namespace vaerksted::neuron {

// Most iterations one train() call may be asked for; callers train longer runs in chunks.
inline constexpr int kMaxIterationsPerCall = 10'000'000;

// What one train() call produced, appended to (never cleared) by the trainer.
struct TrainLog {
    std::vector<double> losses;     // E after each update, one per iteration done
    std::vector<double> snapshots;  // rows of (iteration, w0 … wn) on the raw scale
};

class NeuronTrainer {
public:
    // New data and settings together, checked together. Restarts at iteration 0.
    // On a problem nothing changes: the earlier data, settings and training state stay.
    Problem setup(Dataset data, const NeuronConfig& config);

    // New data; the settings stay. Restarts at iteration 0. On a problem nothing changes.
    Problem setData(Dataset data);

    // New settings; the data stay. Restarts at iteration 0. On a problem nothing changes.
    Problem configure(const NeuronConfig& config);

    // Changes η without a restart, so a student can adjust it mid-run.
    Problem setLearningRate(double eta);

    // Back to the start weights at iteration 0, with the seed's generator from its beginning.
    void reset();

    bool ready() const { return data_.has_value() && config_.has_value(); }

    // k iterations of gradient descent; appends E after each one to log.losses and, whenever the
    // iteration count is a multiple of snapshotEvery, (iteration, raw weights) to log.snapshots.
    // If E or a weight stops being finite, training stops at the last finite state (Diverged).
    Problem train(int k, int snapshotEvery, TrainLog& log);

    int iteration() const { return iteration_; }
    double loss() const { return loss_; }              // E at the current weights
    Eigen::VectorXd rawWeights() const;                // w0 … wn on the raw scale (n+1)
    Eigen::VectorXd rawGradient() const;               // ∂E/∂w_i on the raw scale (n+1)
    // The weights and ∂E/∂w̃_i on the scale training happens on (standardised or raw), with the
    // scaling itself: what the update w̃_i ← w̃_i − η·∂E/∂w̃_i really uses.
    const Eigen::VectorXd& trainingWeights() const { return w_; }
    const Eigen::VectorXd& trainingGradient() const { return gradient_; }
    double trainingGradientLength() const { return gradient_.norm(); }  // |∇E| = √(Σ_i (∂E/∂w̃_i)²)
    const Scaling& scaling() const { return scaling_; }
    // Where the next batch step lands, without taking it: w̃ − η·∂E/∂w̃ (η/M with the mean
    // gradient). Empty for stochastic updates and before data and settings.
    Eigen::VectorXd nextTrainingWeights() const;
    const Eigen::ArrayXd& outputs() const { return work_.o; }  // o for each example (M)
    Confusion confusion() const;
    // The training example the neuron is most wrong about: the largest |t − o| (−1 before data).
    int worstExample() const;
    double boundaryLevel() const;                      // w0 + w1·x1 + … = level ⇔ o = ½

    // o for new raw inputs x (rows × n). Shapes: x (rows × n) → o (rows).
    Eigen::VectorXd predict(const Eigen::MatrixXd& x) const;

    const Dataset* data() const { return data_ ? &*data_ : nullptr; }
    const NeuronConfig* config() const { return config_ ? &*config_ : nullptr; }

private:
    Problem checkTogether(const Dataset& data, const NeuronConfig& config) const;
    void restart();
    void refresh();  // E, ∂E/∂w̃ and o at the current weights
    Eigen::VectorXd startWeights();
    double batchScale() const;  // η, or η/M with the mean gradient
    bool batchStep();
    bool stochasticEpoch();
    void appendSnapshot(TrainLog& log) const;

    std::optional<Dataset> data_;
    std::optional<NeuronConfig> config_;
    Scaling scaling_;
    Eigen::MatrixXd A_;         // (M × (n+1)) design matrix on the training scale, column 0 = 1
    Eigen::VectorXd w_;         // (n+1) weights w̃ on the training scale
    Eigen::VectorXd gradient_;  // (n+1) ∂E/∂w̃ at w_
    Eigen::VectorXd nextW_, nextGradient_;  // (n+1) scratch, so that an iteration allocates nothing
    Workspace work_;
    std::vector<int> order_;    // example order of a stochastic pass
    Rng rng_{1};
    double loss_ = 0.0;
    int iteration_ = 0;
};

}  // namespace vaerksted::neuron
