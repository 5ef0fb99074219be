#include "language/token_stream.hpp"

namespace vaerksted::language {

int TokenStream::find(std::string_view word) const {
    const auto it = ids.find(std::string(word));
    return it == ids.end() ? -1 : it->second;
}

int TokenStreamBuilder::idOf(std::string_view word) {
    const auto [it, added] = stream_.ids.emplace(std::string(word), stream_.vocabularySize());
    if (added) stream_.words.emplace_back(word);
    return it->second;
}

void TokenStreamBuilder::take(std::string_view normalised) {
    // The normaliser writes one sentence per line; a line with words gets its "." when kept.
    const auto onWord = [&](std::string_view word) {
        stream_.tokens.push_back(idOf(word));
        lineHasWords_ = true;
    };
    const auto onLineEnd = [&] {
        if (lineHasWords_ && settings_.sentenceEnds) stream_.tokens.push_back(idOf(kSentenceEnd));
        lineHasWords_ = false;
    };
    tokenizer_.feed(normalised, onWord, onLineEnd);
}

void TokenStreamBuilder::feed(std::string_view piece) {
    normalised_.clear();
    normaliser_.feed(piece, normalised_);
    take(normalised_);
}

TokenStream TokenStreamBuilder::finish() {
    normalised_.clear();
    normaliser_.finish(normalised_);
    take(normalised_);
    // The normaliser ends its last sentence with a line break, so nothing is left in the tokenizer.
    return std::move(stream_);
}

TokenStream tokenise(std::string_view text, TokenSettings settings) {
    TokenStreamBuilder builder(settings);
    builder.feed(text);
    return builder.finish();
}

EncodedPrompt encodePrompt(std::string_view text, const TokenStream& model, TokenSettings settings) {
    const TokenStream own = tokenise(text, settings);
    EncodedPrompt out;
    std::vector<bool> reported(own.words.size(), false);
    for (const std::int32_t token : own.tokens) {
        const std::string& word = own.words[static_cast<std::size_t>(token)];
        const int id = model.find(word);
        if (id >= 0) {
            out.ids.push_back(id);
        } else if (!reported[static_cast<std::size_t>(token)]) {
            reported[static_cast<std::size_t>(token)] = true;
            out.unknown.push_back(word);
        }
    }
    return out;
}

std::vector<std::int32_t> encodeText(std::string_view text, const TokenStream& model, TokenSettings settings) {
    const TokenStream own = tokenise(text, settings);
    std::vector<std::int32_t> idOf(own.words.size());  // own id → the model's (or −1)
    for (std::size_t i = 0; i < own.words.size(); ++i) idOf[i] = model.find(own.words[i]);
    std::vector<std::int32_t> out(own.tokens.size());
    for (std::size_t i = 0; i < own.tokens.size(); ++i) out[i] = idOf[static_cast<std::size_t>(own.tokens[i])];
    return out;
}

}  // namespace vaerksted::language
