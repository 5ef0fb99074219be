#include "word2vec/text_normaliser.hpp"

namespace vaerksted::word2vec {

namespace {

bool isLetterOrDigit(char32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;                 // Latin-1 punctuation, × ÷
    if ((c >= 0x2000 && c <= 0x206F) || (c >= 0x3000 && c <= 0x303F)) return false;  // punctuation
    if ((c >= 0x2190 && c <= 0x2BFF) || c >= 0x1F000) return false;        // arrows, symbols, emoji
    if (c >= 0xD800 && c <= 0xDFFF) return false;  // surrogates (invalid UTF-8, e.g. CESU-8 emoji): not characters
    return true;
}

bool endsSentence(char32_t c) {
    return c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n' || c == '\r' || c == 0x2026;  // …
}

bool isJoiner(char32_t c) {
    return c == '-' || c == '\'' || c == 0x2019 || c == 0x2010 || c == 0x2011;  // - ' ’ ‐ ‑
}

char32_t lower(char32_t c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 0x20;
    return c;
}

void appendUtf8(char32_t c, std::string& out) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

// The length of the UTF-8 sequence a lead byte starts (1 for a stray continuation byte).
int sequenceLength(unsigned char b) {
    return b < 0xC0 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
}

}  // namespace

void TextNormaliser::feed(std::string_view piece, std::string& out) {
    std::string joined;
    if (!partial_.empty()) {
        joined = partial_ + std::string(piece);
        partial_.clear();
        piece = joined;
    }
    std::size_t i = 0;
    while (i < piece.size()) {
        const unsigned char b = static_cast<unsigned char>(piece[i]);
        const int length = sequenceLength(b);
        if (i + static_cast<std::size_t>(length) > piece.size()) {  // cut off: wait for the next piece
            partial_.assign(piece.substr(i));
            return;
        }
        char32_t c = length == 1 ? b : b & (0xFF >> (length + 1));
        for (int k = 1; k < length; ++k) c = (c << 6) | (static_cast<unsigned char>(piece[i + static_cast<std::size_t>(k)]) & 0x3F);
        character(c, out);
        i += static_cast<std::size_t>(length);
    }
}

void TextNormaliser::character(char32_t c, std::string& out) {
    if (isLetterOrDigit(c)) {
        if (!word_.empty()) word_ += joiner_;
        joiner_.clear();
        appendUtf8(lower(c), word_);
    } else if (isJoiner(c) && !word_.empty() && joiner_.empty()) {
        joiner_ = c == '-' || c == 0x2010 || c == 0x2011 ? "-" : "'";
    } else if (endsSentence(c)) {
        endSentence(out);
    } else {
        endWord();
    }
}

void TextNormaliser::endWord() {
    joiner_.clear();
    if (word_.empty()) return;
    if (!sentence_.empty()) sentence_ += ' ';
    sentence_ += word_;
    word_.clear();
}

void TextNormaliser::endSentence(std::string& out) {
    endWord();
    if (sentence_.empty()) return;
    out += sentence_;
    out += '\n';
    sentence_.clear();
}

void TextNormaliser::finish(std::string& out) {
    partial_.clear();  // an incomplete character at the very end is dropped
    endSentence(out);
}

std::string TextNormaliser::normalise(std::string_view text) {
    TextNormaliser normaliser;
    std::string out;
    normaliser.feed(text, out);
    normaliser.finish(out);
    return out;
}

}  // namespace vaerksted::word2vec
