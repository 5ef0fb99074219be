// The course's word2vec toy (AI-projektet, "Word2Vec – et eksempel"): every word w has a focus
// vector v_w and a context vector k_w on the unit circle, v_w = (cos θ_w, sin θ_w), and the loss
// is the full-softmax skip-gram loss summed over the observed (focus, context) pairs with counts:
//   P(c | w) = e^(v_w·k_c) / Σ_o e^(v_w·k_o),      L = −Σ_{w,c} n(w, c)·ln P(c | w)
// Gradient descent moves the angles, so the vectors stay on the circle, as in the course.
#pragma once

#include <vector>

namespace vaerksted::word2vec {

// n(w, c): how often context word c stands next to focus word w (at most `window` words away) in
// the sentences (word indices; a sentence ends the window). Shape: (words × words), row = focus.
std::vector<double> countPairs(const std::vector<std::vector<int>>& sentences, int words, int window);

inline constexpr int kMaxToyWords = 50;      // the toy is for drawing: a handful of words
inline constexpr double kMaxToyCount = 1e9;  // n(w, c) below this

class UnitCircleModel {
public:
    // counts: (words × words) n(w, c), row-major, all ≥ 0. Starts with every angle 0.
    UnitCircleModel(int words, std::vector<double> counts);

    // A new toy with these counts, every angle 0 (as the constructor). False, and nothing changed,
    // unless 1 ≤ words ≤ kMaxToyWords, counts has words² numbers and each is in [0, kMaxToyCount).
    bool setCounts(int words, std::vector<double> counts);

    int words() const { return words_; }
    double count(int w, int c) const { return counts_[index(w, c)]; }

    // θ for v (focus) and k (context), one per word, in radians. False, and nothing changed, when
    // a length is not words() or an angle is not finite.
    bool setAngles(const std::vector<double>& focus, const std::vector<double>& context);
    const std::vector<double>& focusAngles() const { return focus_; }
    const std::vector<double>& contextAngles() const { return context_; }

    double probability(int w, int c) const;  // P(c | w)
    std::vector<double> probabilities() const;  // (words × words) P(c | w), row = focus word w
    double term(int w, int c) const;         // n(w, c)·(−ln P(c | w))
    std::vector<double> terms() const;       // (words × words) each term, 0 where n(w, c) = 0
    std::vector<double> scores() const;      // (words × words) v_w·k_o = cos(θ_w − φ_o), row = focus word
    double loss() const;                     // L

    // ∂L/∂θ for every focus and context angle:
    //   ∂L/∂(v_w·k_o) = N_w·P(o | w) − n(w, o)   (N_w = Σ_c n(w, c))
    //   ∂L/∂v_w = Σ_o (N_w·P(o | w) − n(w, o))·k_o,   ∂L/∂k_o = Σ_w (N_w·P(o | w) − n(w, o))·v_w
    //   ∂L/∂θ = ∂L/∂v · (−sin θ, cos θ)   (the direction v moves in along the circle)
    void gradient(std::vector<double>& focus, std::vector<double>& context) const;
    // |∇L| = √(Σ_w (∂L/∂θ_w)² + Σ_o (∂L/∂φ_o)²): how steep L is where the angles are now.
    double gradientLength() const;

    // The angles one step θ ← θ − η·∂L/∂θ would give, without taking it. Shapes: (words) each.
    void stepped(double eta, std::vector<double>& focus, std::vector<double>& context) const;
    // One step θ ← θ − η·∂L/∂θ for all angles at once; returns the new L.
    double step(double eta);
    // `count` such steps; none unless η is finite and > 0. Returns L after them.
    double descend(double eta, int count);

private:
    std::size_t index(int w, int c) const { return static_cast<std::size_t>(w) * static_cast<std::size_t>(words_) + static_cast<std::size_t>(c); }
    double score(int w, int o) const;  // v_w·k_o = cos(θ_w − φ_o)
    double logNormaliser(int w) const;  // ln Σ_o e^(v_w·k_o)

    int words_;
    std::vector<double> counts_;   // (words × words) n(w, c)
    std::vector<double> focus_;    // (words) θ of v
    std::vector<double> context_;  // (words) φ of k
};

}  // namespace vaerksted::word2vec
