// The course's word2vec toy on the unit circle (tests/cases/word2vec_toy_cases.json, written by
// tests/reference/word2vec_toy_reference.py): the pair counts of its twelve sentences, L = 31.71
// at the exercise's start with each of its terms and the table P(c | w) as the script computes
// them, the gradient against central differences, and gradient descent along the circle reaching
// below 23.0 and approaching the best value 22.85 without passing it.
#include <cmath>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "common/rng.hpp"
#include "word2vec/unit_circle_model.hpp"

using json = nlohmann::json;
using namespace vaerksted;
using namespace vaerksted::word2vec;

namespace {

const json& toy() {
    static const json data = [] {
        std::ifstream in(std::string(VAERKSTED_CASES_DIR) + "/word2vec_toy_cases.json");
        return json::parse(in);
    }();
    return data;
}

int wordIndex(const std::string& word) {
    const auto& words = toy()["words"];
    for (std::size_t i = 0; i < words.size(); ++i)
        if (words[i] == word) return static_cast<int>(i);
    return -1;
}

// "Hunden sover." → {hunden, sover}: lower case, the full stop dropped (as the course reads them).
std::vector<std::vector<int>> sentences() {
    std::vector<std::vector<int>> out;
    for (const auto& s : toy()["sentences"]) {
        std::string text = s.get<std::string>();
        std::vector<int> words;
        std::string word;
        const auto flush = [&] {
            if (word.empty()) return;
            if (word[0] >= 'A' && word[0] <= 'Z') word[0] = static_cast<char>(word[0] - 'A' + 'a');
            words.push_back(wordIndex(word));
            word.clear();
        };
        for (char c : text) {
            if (c == ' ' || c == '.') flush();
            else word.push_back(c);
        }
        flush();
        out.push_back(words);
    }
    return out;
}

UnitCircleModel startModel() {
    const int words = static_cast<int>(toy()["words"].size());
    UnitCircleModel model(words, countPairs(sentences(), words, toy()["window"].get<int>()));
    std::vector<double> focus(static_cast<std::size_t>(words)), context(static_cast<std::size_t>(words));
    for (int w = 0; w < words; ++w) {
        const std::string name = toy()["words"][static_cast<std::size_t>(w)];
        const auto& v = toy()["start"]["focus"][name];
        const auto& k = toy()["start"]["context"][name];
        focus[static_cast<std::size_t>(w)] = std::atan2(v[1].get<double>(), v[0].get<double>());
        context[static_cast<std::size_t>(w)] = std::atan2(k[1].get<double>(), k[0].get<double>());
    }
    model.setAngles(focus, context);
    return model;
}

}  // namespace

TEST(Word2VecToy, TheTwelveSentencesGiveTheCoursesPairCounts) {
    const int words = static_cast<int>(toy()["words"].size());
    const std::vector<double> n = countPairs(sentences(), words, 1);
    double total = 0.0;
    for (double x : n) total += x;
    EXPECT_EQ(total, 24.0);  // 12 two-word sentences, each read in both directions
    for (const auto& pair : toy()["pairCounts"]) {
        const int w = wordIndex(pair["focus"]), c = wordIndex(pair["context"]);
        EXPECT_EQ(n[static_cast<std::size_t>(w * words + c)], pair["n"].get<double>()) << pair.dump();
    }
}

TEST(Word2VecToy, LossAtTheExercisesStartIs3171) {
    const UnitCircleModel model = startModel();
    EXPECT_NEAR(model.loss(), toy()["expected"]["L"].get<double>(), 1e-12);
    EXPECT_EQ(std::round(model.loss() * 100) / 100, 31.71);
    for (const auto& [key, value] : toy()["expected"]["terms"].items()) {
        if (key == "about") continue;
        const std::size_t space = key.find(' ');
        const int w = wordIndex(key.substr(0, space)), c = wordIndex(key.substr(space + 1));
        EXPECT_NEAR(model.term(w, c), value.get<double>(), 1e-12) << key;
    }
}

TEST(Word2VecToy, TheProbabilityTableIsTheReferenceScripts) {
    // P(c | w) at the start vectors from tests/reference/word2vec_toy_reference.py (which computes
    // it from the vectors (x, y), not from angles).
    const UnitCircleModel model = startModel();
    const std::vector<double> p = model.probabilities();
    const auto& rows = toy()["expected"]["probabilities"]["rows"];
    ASSERT_EQ(p.size(), 25u);
    for (int w = 0; w < 5; ++w)
        for (int c = 0; c < 5; ++c) {
            const double expected = rows[static_cast<std::size_t>(w)][static_cast<std::size_t>(c)].get<double>();
            EXPECT_NEAR(p[static_cast<std::size_t>(w * 5 + c)], expected, 1e-14) << w << " " << c;
            EXPECT_EQ(p[static_cast<std::size_t>(w * 5 + c)], model.probability(w, c));
        }
}

TEST(Word2VecToy, TermsScoresAndThePreviewedStepAreWhatThePageShows) {
    UnitCircleModel model = startModel();
    // The terms table: the reference script's terms where n > 0, 0 elsewhere; they add up to L.
    const std::vector<double> terms = model.terms();
    double sum = 0.0;
    for (int w = 0; w < 5; ++w)
        for (int c = 0; c < 5; ++c) {
            const double term = terms[static_cast<std::size_t>(w * 5 + c)];
            EXPECT_EQ(term, model.count(w, c) == 0.0 ? 0.0 : model.term(w, c));
            sum += term;
        }
    EXPECT_NEAR(sum, toy()["expected"]["L"].get<double>(), 1e-12);
    // v_w·k_o = cos θ_w·cos φ_o + sin θ_w·sin φ_o, written out with the angles.
    const std::vector<double> scores = model.scores();
    for (int w = 0; w < 5; ++w)
        for (int o = 0; o < 5; ++o) {
            const double t = model.focusAngles()[static_cast<std::size_t>(w)], f = model.contextAngles()[static_cast<std::size_t>(o)];
            EXPECT_NEAR(scores[static_cast<std::size_t>(w * 5 + o)], std::cos(t) * std::cos(f) + std::sin(t) * std::sin(f), 1e-15);
        }
    // The preview is θ − η·∂L/∂θ, and the step then lands exactly there.
    std::vector<double> focus, context, gFocus, gContext;
    model.stepped(0.05, focus, context);
    model.gradient(gFocus, gContext);
    for (std::size_t w = 0; w < 5; ++w) EXPECT_EQ(focus[w], model.focusAngles()[w] - 0.05 * gFocus[w]);
    // |∇L| over all ten angles, the number beside the picture
    double squares = 0.0;
    for (std::size_t w = 0; w < 5; ++w) squares += gFocus[w] * gFocus[w] + gContext[w] * gContext[w];
    EXPECT_NEAR(model.gradientLength(), std::sqrt(squares), 1e-12);
    model.step(0.05);
    EXPECT_EQ(model.focusAngles(), focus);
    EXPECT_EQ(model.contextAngles(), context);
}

TEST(Word2VecToy, BadCountsAnglesAndStepSizesAreRefusedAndChangeNothing) {
    UnitCircleModel model = startModel();
    const double start = model.loss();
    EXPECT_FALSE(model.setCounts(2, {1, 2, 3}));                      // not 2 × 2 numbers
    EXPECT_FALSE(model.setCounts(0, {}));
    EXPECT_FALSE(model.setCounts(kMaxToyWords + 1, std::vector<double>((kMaxToyWords + 1) * (kMaxToyWords + 1), 1.0)));
    EXPECT_FALSE(model.setCounts(2, {1, -1, 0, 0}));                  // a negative count
    EXPECT_FALSE(model.setCounts(2, {1, NAN, 0, 0}));
    EXPECT_FALSE(model.setCounts(2, {1, kMaxToyCount, 0, 0}));
    EXPECT_FALSE(model.setAngles({0, 0}, {0, 0}));                    // 5 words, not 2
    EXPECT_FALSE(model.setAngles(std::vector<double>(5, NAN), std::vector<double>(5, 0.0)));
    EXPECT_EQ(model.descend(-0.1, 10), start);
    EXPECT_EQ(model.descend(NAN, 10), start);
    EXPECT_EQ(model.loss(), start);
    EXPECT_EQ(model.words(), 5);
    // A good shape: every angle 0, so every score is cos 0 = 1 and P(c | w) = 1/2 for 2 words.
    EXPECT_TRUE(model.setCounts(2, {0, 3, 1, 0}));
    EXPECT_EQ(model.focusAngles(), (std::vector<double>{0, 0}));
    EXPECT_NEAR(model.loss(), 4 * std::log(2.0), 1e-14);  // (3 + 1)·(−ln ½)
}

TEST(Word2VecToy, GradientMatchesCentralDifferences) {
    UnitCircleModel model = startModel();
    Rng rng(11);
    for (int trial = 0; trial < 5; ++trial) {
        std::vector<double> focus(5), context(5);
        if (trial > 0) {  // the exercise's start, then random angles
            for (double& x : focus) x = rng.uniform(-3.2, 3.2);
            for (double& x : context) x = rng.uniform(-3.2, 3.2);
            model.setAngles(focus, context);
        }
        focus = model.focusAngles();
        context = model.contextAngles();
        std::vector<double> gFocus, gContext;
        model.gradient(gFocus, gContext);
        const double h = 1e-6;
        for (int which = 0; which < 2; ++which) {
            for (int i = 0; i < 5; ++i) {
                std::vector<double> plus = which == 0 ? focus : context, minus = plus;
                plus[static_cast<std::size_t>(i)] += h;
                minus[static_cast<std::size_t>(i)] -= h;
                UnitCircleModel up = model, down = model;
                if (which == 0) {
                    up.setAngles(plus, context);
                    down.setAngles(minus, context);
                } else {
                    up.setAngles(focus, plus);
                    down.setAngles(focus, minus);
                }
                const double numeric = (up.loss() - down.loss()) / (2 * h);
                const double analytic = (which == 0 ? gFocus : gContext)[static_cast<std::size_t>(i)];
                EXPECT_NEAR(analytic, numeric, 1e-6 * std::max(1.0, std::abs(numeric))) << "trial " << trial << " angle " << i;
            }
        }
    }
}

TEST(Word2VecToy, DescentAlongTheCircleBeatsTwentyThreeAndApproachesTheBest) {
    UnitCircleModel model = startModel();
    const double best = toy()["expected"]["best"].get<double>();
    double previous = model.loss(), loss = previous;
    int steps = 0;
    for (; steps < 2000 && loss >= 23.0; ++steps) {
        loss = model.step(0.05);
        EXPECT_LE(loss, previous + 1e-12) << "a small step never raises L";
        previous = loss;
    }
    EXPECT_LT(loss, 23.0) << "after " << steps << " steps";
    for (int i = 0; i < 20000; ++i) loss = model.step(0.05);
    EXPECT_GE(loss, best - 1e-9) << "no vectors on the circle do better than the best";
    EXPECT_LT(loss, best + 1e-3);
    for (int w = 0; w < 5; ++w) {  // still unit vectors: only angles move
        EXPECT_TRUE(std::isfinite(model.focusAngles()[static_cast<std::size_t>(w)]));
    }
}
