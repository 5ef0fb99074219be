// How good word vectors are: analogy questions ("a b c d": b − a + c should give d, the
// questions-words format of word2vec) scored by top-1 accuracy over the questions whose four words
// are all known, and word-similarity sets scored by Spearman's rank correlation with human ratings.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "word2vec/vector_space.hpp"

namespace vaerksted::word2vec {

// Lower case for ASCII and the Latin-1 letters of UTF-8 (Æ Ø Å É …), which is what Danish needs.
std::string lowerCase(std::string_view text);

struct AnalogyQuestion {
    std::string section;
    std::string a, b, c, d;  // a is to b as c is to d
};

// Lines ": section" start a section; other lines hold four words. Words are lower-cased.
std::vector<AnalogyQuestion> parseAnalogies(std::string_view text);

struct SectionScore {
    int total = 0, covered = 0, correct = 0;
};

struct AnalogyScore {
    int total = 0;
    int covered = 0;   // questions with all four words in the vocabulary
    int correct = 0;   // of those, the ones where d is the top answer
    std::map<std::string, SectionScore> sections;
    double accuracy() const { return covered ? static_cast<double>(correct) / covered : 0.0; }
    double coverage() const { return total ? static_cast<double>(covered) / total : 0.0; }
};

// d's rank among all words for b − a + c, the three question words excluded.
AnalogyScore evaluateAnalogies(const VectorSpace& space, const std::vector<AnalogyQuestion>& questions,
                               AnalogyMethod method);

struct SimilarityPair {
    std::string a, b;
    double score;  // human rating
};

struct SimilarityScore {
    int total = 0, covered = 0;
    double spearman = 0.0;  // over the covered pairs
};

SimilarityScore evaluateSimilarity(const VectorSpace& space, const std::vector<SimilarityPair>& pairs);

// Spearman's ρ: Pearson's correlation of the ranks, ties given their mean rank.
double spearman(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace vaerksted::word2vec
