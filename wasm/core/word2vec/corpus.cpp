#include "word2vec/corpus.hpp"

namespace vaerksted::word2vec {

void CorpusCounter::feed(std::string_view text) {
    tokenizer_.feed(text, [this](std::string_view w) {
        ++counts_[std::string(w)];
        ++words_;
    }, [this] { ++lines_; });
}

void CorpusCounter::finish() {
    tokenizer_.finish([this](std::string_view w) {
        ++counts_[std::string(w)];
        ++words_;
    }, [this] { ++lines_; });
}

void CorpusEncoder::reserve(std::int64_t tokens, std::int64_t sentences) {
    corpus_.tokens.reserve(static_cast<std::size_t>(tokens));
    corpus_.sentenceStarts.reserve(static_cast<std::size_t>(sentences));
}

void CorpusEncoder::word(std::string_view token) {
    ++corpus_.wordsRead;
    const int index = vocabulary_.find(token);
    if (index < 0) return;  // as in word2vec: unknown words are dropped, the window closes over them
    if (!sentenceOpen_) {
        corpus_.sentenceStarts.push_back(static_cast<std::int64_t>(corpus_.tokens.size()));
        sentenceOpen_ = true;
    }
    corpus_.tokens.push_back(index);
}

void CorpusEncoder::lineEnd() { sentenceOpen_ = false; }

void CorpusEncoder::feed(std::string_view text) {
    tokenizer_.feed(text, [this](std::string_view w) { word(w); }, [this] { lineEnd(); });
}

Corpus CorpusEncoder::finish() {
    tokenizer_.finish([this](std::string_view w) { word(w); }, [this] { lineEnd(); });
    return std::move(corpus_);
}

}  // namespace vaerksted::word2vec
