// A text as the language models read it: the word2vec normaliser's words and sentences (the same
// rules as on the word2vec pages: lower case, punctuation ends a word, . ! ? ; : … end a sentence),
// each word an id in order of first appearance. A sentence end is the token "." when kept; the
// notes' own examples leave punctuation out.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "word2vec/corpus.hpp"
#include "word2vec/text_normaliser.hpp"

namespace vaerksted::language {

inline constexpr const char* kSentenceEnd = ".";

struct TokenSettings {
    bool sentenceEnds = true;  // a "." token after each sentence
};

struct TokenStream {
    std::vector<std::string> words;          // id → word
    std::vector<std::int32_t> tokens;        // the text, as word ids
    std::unordered_map<std::string, int> ids;

    int vocabularySize() const { return static_cast<int>(words.size()); }
    // The id of a word, or −1.
    int find(std::string_view word) const;
};

// The text fed in pieces of any size (a UTF-8 character or a word cut between two is joined).
class TokenStreamBuilder {
public:
    explicit TokenStreamBuilder(TokenSettings settings = {}) : settings_(settings) {}
    void feed(std::string_view piece);
    TokenStream finish();

private:
    void take(std::string_view normalised);
    int idOf(std::string_view word);

    TokenSettings settings_;
    word2vec::TextNormaliser normaliser_;
    word2vec::Tokenizer tokenizer_;
    std::string normalised_;  // reused buffer for the normaliser's output
    bool lineHasWords_ = false;
    TokenStream stream_;
};

TokenStream tokenise(std::string_view text, TokenSettings settings = {});

// A prompt in a model's words: the ids of the words it knows and the words it does not, in order.
struct EncodedPrompt {
    std::vector<std::int32_t> ids;       // only the known words (a sentence end kept if the model has it)
    std::vector<std::string> unknown;    // each unknown word once, in the order met
};
EncodedPrompt encodePrompt(std::string_view text, const TokenStream& model, TokenSettings settings = {});

// A whole text in a model's words, every word kept: −1 for one the model does not know (held-out text).
std::vector<std::int32_t> encodeText(std::string_view text, const TokenStream& model, TokenSettings settings = {});

}  // namespace vaerksted::language
