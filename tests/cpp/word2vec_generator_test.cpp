// The seeded Danish practice corpus: the same seed gives the same text, every sentence follows the
// documented grammar, and word2vec trained on it finds the planted structure — the analogies of
// the notes and the groups of animals and coloured things.
#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "word2vec/corpus.hpp"
#include "word2vec/sentence_generator.hpp"
#include "word2vec/trainer.hpp"
#include "word2vec/vector_space.hpp"
#include "word2vec_test_corpus.hpp"

using namespace vaerksted::word2vec;

namespace {

std::vector<std::string> lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

VectorSpace train(const std::string& text) {
    const BuiltCorpus b = buildCorpus(text);
    TrainConfig config;
    config.dim = 20;
    config.window = 5;
    config.epochs = 20;
    config.sample = 0.0;  // every word is frequent in so small a corpus
    config.seed = 1;
    Trainer trainer(b.vocabulary, b.corpus, config);
    EXPECT_EQ(trainer.check(), TrainStatus::Ok);
    trainer.run(0, 1);
    return VectorSpace(b.vocabulary.words(), config.dim, trainer.embeddings().focusMatrix());
}

std::string top(const VectorSpace& space, const char* a, const char* b, const char* c) {
    const auto answers = space.analogy(space.find(a), space.find(b), space.find(c), 1, AnalogyMethod::CosAdd);
    return answers.empty() ? "" : space.vocabulary().word(answers[0].word);
}

}  // namespace

TEST(SentenceGenerator, TheSameSeedGivesTheSameText) {
    EXPECT_EQ(SentenceGenerator(7).text(500), SentenceGenerator(7).text(500));
    EXPECT_NE(SentenceGenerator(7).text(500), SentenceGenerator(8).text(500));
}

TEST(SentenceGenerator, ThePagesCallChecksItsSeedAndCount) {
    EXPECT_EQ(practiceSentences(42, 3), SentenceGenerator(42).text(3));
    EXPECT_EQ(practiceSentences(42, -5), "");
    for (double bad : std::vector<double>{-1.0, 0.5, NAN}) EXPECT_EQ(practiceSentences(bad, 3), "") << bad;
    const std::string most = practiceSentences(1, kMaxPracticeSentences + 1);
    EXPECT_EQ(std::count(most.begin(), most.end(), '\n'), kMaxPracticeSentences);
}

TEST(SentenceGenerator, SentencesFollowTheGrammar) {
    const std::vector<std::string> all = lines(SentenceGenerator(3).text(2000));
    ASSERT_EQ(all.size(), 2000u);
    std::set<std::string> words;
    int people = 0;
    for (const std::string& line : all) {
        std::istringstream in(line);
        std::vector<std::string> tokens;
        for (std::string w; in >> w;) tokens.push_back(w);
        ASSERT_GE(tokens.size(), 2u) << line;
        ASSERT_LE(tokens.size(), 7u) << line;
        words.insert(tokens.begin(), tokens.end());
        // Gender agrees: a female person never goes with han/hans, a male never with hun/hendes.
        const bool female = line.find("dronning") != std::string::npos || line.find("kvinde") != std::string::npos ||
                            line.find("pige") != std::string::npos || line.find(" mor") != std::string::npos ||
                            line.rfind("mor", 0) == 0 || line.find("datter") != std::string::npos;
        const bool male = line.find("konge") != std::string::npos || line.find("dreng") != std::string::npos ||
                          line.find("søn") != std::string::npos;
        if (female) EXPECT_EQ(line.find("han"), std::string::npos) << line;
        if (male) EXPECT_EQ(line.find("hun"), std::string::npos) << line;
        people += female || male;
        // A kind's words stay with it: the royal places and things only with konge or dronning.
        if (line.find("slottet") != std::string::npos || line.find("kronen") != std::string::npos)
            EXPECT_TRUE(line.find("konge") != std::string::npos || line.find("dronning") != std::string::npos) << line;
    }
    EXPECT_GT(people, 500);  // people are half of all sentences (konge, dreng, søn, … counted here)
    for (const char* w : {"konge", "dronning", "hunde", "katte", "gul", "citron", "synger"}) EXPECT_TRUE(words.count(w)) << w;
}

TEST(SentenceGenerator, Word2VecFindsThePlantedStructure) {
    const VectorSpace space = train(SentenceGenerator(1).text(4000));
    EXPECT_EQ(top(space, "konge", "mand", "kvinde"), "dronning");
    EXPECT_EQ(top(space, "far", "mand", "kvinde"), "mor");
    EXPECT_EQ(top(space, "søn", "dreng", "pige"), "datter");
    EXPECT_EQ(top(space, "katte", "kat", "hund"), "hunde");
    // Things of one colour are each other's nearest neighbours.
    for (auto [a, b] : {std::pair{"banan", "citron"}, {"tomat", "rose"}, {"svane", "sky"}}) {
        const auto near = space.neighbours(space.find(a), 1);
        ASSERT_EQ(near.size(), 1u);
        EXPECT_EQ(space.vocabulary().word(near[0].word), b) << a;
    }
    // An animal's three nearest words are animals (its plural or another animal).
    const std::set<std::string> animals = {"hund", "hunde", "kat", "katte", "ko", "køer", "hest", "heste", "fugl", "fugle"};
    for (const auto& m : space.neighbours(space.find("kat"), 3)) EXPECT_TRUE(animals.count(space.vocabulary().word(m.word)));
}
