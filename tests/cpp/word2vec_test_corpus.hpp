// A text made into a vocabulary and an encoded corpus, as the trainer takes them (for the tests).
#pragma once

#include <cstdint>
#include <string>

#include "word2vec/corpus.hpp"
#include "word2vec/vocabulary.hpp"

namespace vaerksted::word2vec {

struct BuiltCorpus {
    Vocabulary vocabulary;
    Corpus corpus;
};

inline BuiltCorpus buildCorpus(const std::string& text, std::int64_t minCount = 1) {
    CorpusCounter counter;
    counter.feed(text);
    counter.finish();
    BuiltCorpus b{Vocabulary::fromCounts(counter.counts(), minCount, 0), {}};
    CorpusEncoder encoder(b.vocabulary);
    encoder.feed(text);
    b.corpus = encoder.finish();
    return b;
}

}  // namespace vaerksted::word2vec
