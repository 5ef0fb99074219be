// Questions to word vectors, on vectors placed by hand: neighbours, analogies, similarity, the odd
// one out, PCA, and the evaluation of analogy and similarity sets.
#include <cmath>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "word2vec/evaluation.hpp"
#include "word2vec/vector_space.hpp"

using namespace vaerksted::word2vec;

namespace {

// Axes: royalty, male, female, animal. konge = royal + male, dronning = royal + female, …
VectorSpace handMade() {
    const std::vector<std::string> words = {"konge", "dronning", "mand", "kvinde", "hund", "kat", "prins"};
    const std::vector<float> rows = {
        1, 1, 0, 0,        // konge
        1, 0, 1, 0,        // dronning
        0, 1, 0, 0.1f,     // mand
        0, 0, 1, 0.1f,     // kvinde
        0, 0.2f, 0, 1,     // hund
        0, 0, 0.2f, 1,     // kat
        0.9f, 1, 0, 0.2f,  // prins
    };
    return VectorSpace(words, 4, rows);
}

}  // namespace

TEST(Word2VecSpace, KongeMinusMandPlusKvindeIsDronning) {
    const VectorSpace space = handMade();
    for (AnalogyMethod method : {AnalogyMethod::CosAdd, AnalogyMethod::CosMul}) {
        const auto top = space.analogy(space.find("konge"), space.find("mand"), space.find("kvinde"), 3, method);
        ASSERT_FALSE(top.empty());
        EXPECT_EQ(space.vocabulary().word(top[0].word), "dronning");
        for (const Match& m : top) {  // the query words are never answers
            EXPECT_NE(m.word, space.find("konge"));
            EXPECT_NE(m.word, space.find("mand"));
            EXPECT_NE(m.word, space.find("kvinde"));
        }
    }
}

TEST(Word2VecSpace, CosAddScoreIsTheCosineToTheSumOfUnitVectors) {
    const VectorSpace space = handMade();
    const auto top = space.analogy(space.find("konge"), space.find("mand"), space.find("kvinde"), 1, AnalogyMethod::CosAdd);
    ASSERT_EQ(top.size(), 1u);
    // q = k̂onge − m̂and + k̂vinde = (0.70711, −0.28793, 0.99504, 0); cos(q, dronning) by hand:
    // (0.5 + 0.70360) / 1.25419 = 0.95966
    EXPECT_NEAR(top[0].score, 0.959658f, 2e-6f);
}

TEST(Word2VecSpace, NeighboursAreSortedByCosine) {
    const VectorSpace space = handMade();
    const auto top = space.neighbours(space.find("konge"), 6);
    ASSERT_EQ(top.size(), 6u);
    EXPECT_EQ(space.vocabulary().word(top[0].word), "prins");
    for (std::size_t i = 1; i < top.size(); ++i) EXPECT_GE(top[i - 1].score, top[i].score);
    // cos(konge, dronning) = (1·1)/(√2·√2) = ½
    EXPECT_NEAR(space.similarity(space.find("konge"), space.find("dronning")), 0.5f, 1e-6f);
    for (const Match& m : top) EXPECT_NE(m.word, space.find("konge"));
}

TEST(Word2VecSpace, OddOneOut) {
    const VectorSpace space = handMade();
    std::vector<float> means;
    const std::vector<int> words = {space.find("konge"), space.find("dronning"), space.find("prins"), space.find("kat")};
    EXPECT_EQ(space.oddOneOut(words, &means), 3);
    EXPECT_EQ(means.size(), 4u);
}

TEST(Word2VecSpace, PcaOfPointsOnALine) {
    // Three points along one direction: the first axis carries everything, the second nothing,
    // and the distances along the line are kept: (−√2, 0), (0, 0), (√2, 0) up to sign.
    const VectorSpace space = handMade();
    const auto coords = space.pca2d({{0, 0, 0, 0}, {1, 1, 0, 0}, {2, 2, 0, 0}});
    ASSERT_EQ(coords.size(), 6u);
    EXPECT_NEAR(std::abs(coords[0]), std::sqrt(2.0f), 1e-5f);
    EXPECT_NEAR(coords[2], 0.0f, 1e-5f);
    EXPECT_NEAR(std::abs(coords[4]), std::sqrt(2.0f), 1e-5f);
    for (int r = 0; r < 3; ++r) EXPECT_NEAR(coords[r * 2 + 1], 0.0f, 1e-5f);
    EXPECT_GT(coords[4] * coords[0], -10.0f);  // the two ends on opposite sides
    EXPECT_LT(coords[4] * coords[0], 0.0f);
}

TEST(Word2VecSpace, AnalogyIsTheNearestNeighbourSearchWithoutTheQueryWords) {
    // 3CosAdd's answers are nearest(â − b̂ + ĉ) leaving out a, b and c (fastText's getAnalogies).
    const VectorSpace space = handMade();
    const int a = space.find("konge"), b = space.find("mand"), c = space.find("kvinde");
    std::vector<float> query(4);
    for (int i = 0; i < 4; ++i) query[i] = space.vector(a)[i] - space.vector(b)[i] + space.vector(c)[i];
    const auto expected = space.nearest(query.data(), 4, {a, b, c});
    const auto answers = space.analogy(a, b, c, 4, AnalogyMethod::CosAdd);
    ASSERT_EQ(answers.size(), expected.size());
    for (std::size_t i = 0; i < answers.size(); ++i) {
        EXPECT_EQ(answers[i].word, expected[i].word);
        EXPECT_EQ(answers[i].score, expected[i].score);
    }
}

TEST(Word2VecSpace, AnIndexThatIsNoWordGivesNothingRatherThanGarbage) {
    const VectorSpace space = handMade();
    const int konge = space.find("konge");
    EXPECT_TRUE(space.neighbours(-1, 3).empty());
    EXPECT_TRUE(space.neighbours(space.size(), 3).empty());
    EXPECT_TRUE(space.analogy(konge, 99, konge, 3, AnalogyMethod::CosAdd).empty());
    EXPECT_TRUE(std::isnan(space.similarity(konge, -2)));
    std::vector<float> means = {1.0f};
    EXPECT_EQ(space.oddOneOut({konge, 7}, &means), -1);
    EXPECT_TRUE(means.empty());
    EXPECT_EQ(space.word(7), "");
    EXPECT_TRUE(space.unitVector(-1).empty());
    // konge's unit vector is (1, 1, 0, 0)/√2
    EXPECT_NEAR(space.unitVector(konge)[1], 1.0f / std::sqrt(2.0f), 1e-6f);
}

TEST(Word2VecSpace, LookupTriesTheWordAsWrittenThenInLowerCase) {
    const VectorSpace space({"København", "kat"}, 1, {1.0f, 2.0f});
    EXPECT_EQ(space.lookup("København"), 0);
    EXPECT_EQ(space.lookup("KAT"), 1);
    EXPECT_EQ(space.lookup("københavn"), -1);  // lower case is tried for the query, not the file's words
}

TEST(Word2VecSpace, PcaOfWordsAndExtraRows) {
    // konge, dronning and the extra point (0, 0, 0, 0) minus nothing: the same as pca2d of the three
    // vectors; an index that is no word and a last incomplete extra row are left out.
    const VectorSpace space = handMade();
    const int konge = space.find("konge"), dronning = space.find("dronning");
    const auto direct = space.pca2d({space.unitVector(konge), space.unitVector(dronning), {0, 0, 0, 0}});
    EXPECT_EQ(space.pca2d({konge, 42, dronning}, {0, 0, 0, 0, 1, 1}), direct);
}

TEST(Word2VecSpace, LoadingABadFileKeepsTheVectorsThere) {
    VectorSpace space = handMade();
    const std::string bad = "2 2\na 1 2\n";
    EXPECT_EQ(space.load(reinterpret_cast<const unsigned char*>(bad.data()), bad.size()).status, VectorStatus::Truncated);
    EXPECT_EQ(space.size(), 7);
    const std::string good = "1 2\nen 3 4\n";
    EXPECT_TRUE(space.load(reinterpret_cast<const unsigned char*>(good.data()), good.size()).ok());
    EXPECT_EQ(space.size(), 1);
    EXPECT_NEAR(space.vector(0)[0], 0.6f, 1e-6f);  // (3, 4)/5
}

// Found by `npm run fuzz` (target vectors): 1/|v| overflowed float for a vector shorter than
// ~3e-39, so its "unit" vector was inf and NaN and every cosine with it NaN.
TEST(Word2VecSpace, TinyVectorsBecomeUnitVectorsToo) {
    const std::string file = "2 2\ntiny 1e-45 0\nsmall 2e-39 -1e-39\n";
    VectorSpace space;
    ASSERT_TRUE(space.load(reinterpret_cast<const unsigned char*>(file.data()), file.size()).ok());
    for (int w = 0; w < 2; ++w) {
        const std::vector<float> unit = space.unitVector(w);
        EXPECT_NEAR(std::hypot(unit[0], unit[1]), 1.0, 1e-6) << space.word(w);
        EXPECT_NEAR(space.similarity(w, w), 1.0f, 1e-6f) << space.word(w);
    }
    EXPECT_NEAR(space.unitVector(0)[0], 1.0f, 1e-6f);
    EXPECT_NEAR(space.similarity(0, 1), 2 / std::sqrt(5.0f), 1e-6f);
    const auto near = space.neighbours(0, 1);
    ASSERT_EQ(near.size(), 1u);
    EXPECT_TRUE(std::isfinite(near[0].score));
}

TEST(Word2VecEvaluation, AnalogiesAreScoredOverTheCoveredQuestions) {
    const VectorSpace space = handMade();
    const auto questions = parseAnalogies(
        ": familie\nMand Kvinde Konge Dronning\nmand kvinde prins prinsesse\n: dyr\nhund kat konge dronning\n");
    ASSERT_EQ(questions.size(), 3u);
    EXPECT_EQ(questions[0].a, "mand");  // lower-cased
    const AnalogyScore score = evaluateAnalogies(space, questions, AnalogyMethod::CosAdd);
    EXPECT_EQ(score.total, 3);
    EXPECT_EQ(score.covered, 2);  // "prinsesse" is unknown
    EXPECT_EQ(score.sections.at("familie").correct, 1);
    EXPECT_EQ(score.sections.at("familie").covered, 1);
}

TEST(Word2VecEvaluation, SpearmanByHand) {
    // Ranks (1 2 3 4) against (1 3 2 4): Σd² = 2, ρ = 1 − 6·2/(4·15) = 0.8.
    EXPECT_NEAR(spearman({10, 20, 30, 40}, {1, 3, 2, 4}), 0.8, 1e-12);
    EXPECT_NEAR(spearman({1, 2, 3}, {3, 2, 1}), -1.0, 1e-12);
    // Ties get their mean rank: x ranks (1.5 1.5 3), y (1 2 3).
    EXPECT_NEAR(spearman({5, 5, 9}, {1, 2, 3}), 0.8660254037844387, 1e-12);
}

TEST(Word2VecEvaluation, LowerCaseDanish) {
    EXPECT_EQ(lowerCase("ÆBLE Øl ÅR Éclair"), "æble øl år éclair");
    EXPECT_EQ(lowerCase("×"), "×");
}
