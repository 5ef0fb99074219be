// A corpus as word indices: the text is read twice, once to count words (CorpusCounter), once to
// encode it with the vocabulary (CorpusEncoder). Both take the text in pieces of any size, so a
// large file never has to be in memory as text. Tokens are separated by white space; a line ends a
// sentence (the window never reaches across it).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "word2vec/vocabulary.hpp"

namespace vaerksted::word2vec {

struct Corpus {
    std::vector<std::int32_t> tokens;            // word indices, words outside the vocabulary left out
    std::vector<std::int64_t> sentenceStarts;    // index in tokens where each sentence begins
    std::int64_t wordsRead = 0;                  // tokens in the text, also those left out

    std::int64_t sentences() const { return static_cast<std::int64_t>(sentenceStarts.size()); }
};

// Calls onWord(token) and onLineEnd() for the text fed in pieces; a token split across two pieces
// is joined.
class Tokenizer {
public:
    template <typename Word, typename LineEnd>
    void feed(std::string_view text, Word&& onWord, LineEnd&& onLineEnd) {
        for (char c : text) {
            if (c == '\n' || c == '\r') {
                flush(onWord);
                onLineEnd();
            } else if (c == ' ' || c == '\t' || c == '\f' || c == '\v') {
                flush(onWord);
            } else {
                pending_.push_back(c);
            }
        }
    }

    template <typename Word, typename LineEnd>
    void finish(Word&& onWord, LineEnd&& onLineEnd) {
        flush(onWord);
        onLineEnd();
    }

private:
    template <typename Word>
    void flush(Word& onWord) {
        if (pending_.empty()) return;
        onWord(std::string_view(pending_));
        pending_.clear();
    }

    std::string pending_;
};

class CorpusCounter {
public:
    void feed(std::string_view text);
    void finish();
    const std::unordered_map<std::string, std::int64_t>& counts() const { return counts_; }
    std::int64_t words() const { return words_; }
    std::int64_t lines() const { return lines_; }  // at least the sentences the encoder will find

private:
    Tokenizer tokenizer_;
    std::unordered_map<std::string, std::int64_t> counts_;
    std::int64_t words_ = 0;
    std::int64_t lines_ = 0;
};

class CorpusEncoder {
public:
    explicit CorpusEncoder(const Vocabulary& vocabulary) : vocabulary_(vocabulary) {}
    // Room for this many tokens and sentences at once: a 20 MB text's token list grown by doubling
    // held up to three times its size while it was copied.
    void reserve(std::int64_t tokens, std::int64_t sentences);
    void feed(std::string_view text);
    Corpus finish();

private:
    void word(std::string_view token);
    void lineEnd();

    const Vocabulary& vocabulary_;
    Tokenizer tokenizer_;
    Corpus corpus_;
    bool sentenceOpen_ = false;
};

}  // namespace vaerksted::word2vec
