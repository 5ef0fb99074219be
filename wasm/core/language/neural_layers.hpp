// The layers of the neural language model (neural_model.hpp), each a forward/backward pair over B
// rows at once: one column per row of the batch (B = 1 for a single context). The backward steps
// write their weight gradients, or add them to what is there (`add`), so that the gradient of many
// rows is their sum without a pass that zeroes it first.
// Notation as in the notes: x the stacked word vectors, a_j the pre-activations, h_j = f(a_j),
// y_i the output scores, z_i = softmax(y)_i, t the true next word, L = −ln z_t.
#pragma once

#include <vector>

#include <Eigen/Core>

#include "neuron/activation.hpp"

namespace vaerksted::language {

// Embedding lookup. ids: (B × c) word ids, row by row, first word first; E: (V × m) → X: (c·m × B),
// x = (v_{w1}; v_{w2}; …; v_{wc}).
void embedForward(const std::vector<int>& ids, int c, const Eigen::MatrixXd& E, Eigen::MatrixXd& X);
// dX: (c·m × B) → dE: (V × m), added to. ∂L/∂v_w = Σ over the places i where w stands in a context
// of ∂L/∂(x_{i·m+1}, …, x_{(i+1)·m}): a word twice in one context gets both shares.
void embedBackward(const std::vector<int>& ids, int c, const Eigen::MatrixXd& dX, Eigen::MatrixXd& dE);

// Hidden layer. X: (c·m × B), W: (d × (1 + c·m)) → A: (d × B), H: (d × B).
// a_j = w_{j,0} + Σ_k w_{j,k}·x_k,  h_j = f(a_j).
void hiddenForward(neuron::Activation f, const Eigen::MatrixXd& W, const Eigen::MatrixXd& X,
                   Eigen::MatrixXd& A, Eigen::MatrixXd& H);
// dH: (d × B) → dA: (d × B), dW: (d × (1 + c·m)) written or added to, and dX: (c·m × B) when given.
//   δ_j = ∂L/∂a_j = ∂L/∂h_j·f'(a_j)   (σ'(a_j) = h_j·(1 − h_j), tanh'(a_j) = 1 − h_j², ReLU'(a_j) = [a_j > 0])
//   ∂L/∂w_{j,0} = δ_j,  ∂L/∂w_{j,k} = δ_j·x_k,  ∂L/∂x_k = Σ_j δ_j·w_{j,k}   (summed over the B rows)
void hiddenBackward(neuron::Activation f, const Eigen::MatrixXd& W, const Eigen::MatrixXd& X,
                    const Eigen::MatrixXd& A, const Eigen::MatrixXd& H, const Eigen::MatrixXd& dH,
                    Eigen::MatrixXd& dA, Eigen::MatrixXd& dW, bool add, Eigen::MatrixXd* dX);

// Output layer. H: (d × B), U: (V × (1 + d)) → Y: (V × B).  y_i = u_{i,0} + Σ_j u_{i,j}·h_j.
void outputForward(const Eigen::MatrixXd& U, const Eigen::MatrixXd& H, Eigen::MatrixXd& Y);
// dY: (V × B) → dU: (V × (1 + d)) written or added to, dH: (d × B).
//   ∂L/∂u_{i,0} = ∂L/∂y_i,  ∂L/∂u_{i,j} = ∂L/∂y_i·h_j,  ∂L/∂h_j = Σ_i ∂L/∂y_i·u_{i,j}
void outputBackward(const Eigen::MatrixXd& U, const Eigen::MatrixXd& H, const Eigen::MatrixXd& dY,
                    Eigen::MatrixXd& dU, bool add, Eigen::MatrixXd& dH);

// Softmax and cross-entropy. Y: (V × B), t: (B) → Z: (V × B); returns L = Σ_b −ln z_{t_b}.
// With ŷ = max_l y_l:  z_i = e^{y_i − ŷ} / Σ_l e^{y_l − ŷ},  −ln z_t = ŷ + ln Σ_l e^{y_l − ŷ} − y_t
// (log-sum-exp: no e^y overflows, and a tiny z_t gives a large finite L, never ln 0).
double softmaxForward(const Eigen::MatrixXd& Y, const std::vector<int>& t, Eigen::MatrixXd& Z);
// Z: (V × B), t: (B) → dY: (V × B) in Z's place (no copy).  ∂L/∂y_i = z_i − [i = t]  (softmax and −ln z_t together).
void softmaxBackward(const std::vector<int>& t, Eigen::MatrixXd& ZdY);

}  // namespace vaerksted::language
