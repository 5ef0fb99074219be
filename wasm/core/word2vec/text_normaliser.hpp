// Ordinary text made ready for word2vec, the same way in the w2v tool (--normalise) and in the
// page (a student's own text): lower case; a new sentence (line) at . ! ? ; : … and line breaks;
// words made of letters and digits, with a hyphen or apostrophe kept only inside a word
// ("tv-stuen", "Jens'" → "jens"); everything else (commas, quotes, dashes, brackets, emoji) ends
// a word. Output: one sentence per line, words separated by one space. The text comes in pieces of
// any size (a UTF-8 character split between two pieces is joined).
// Letters: ASCII letters, and every character from U+00C0 on except × ÷, general punctuation
// (U+2000–U+206F), CJK punctuation (U+3000–U+303F), symbols and emoji (U+2190–U+2BFF,
// U+1F000 and up) and surrogates (U+D800–U+DFFF, not characters: the output is valid UTF-8).
// Lower case: A–Z and À–Þ (so Æ Ø Å É Ü …); other scripts are kept as written.
#pragma once

#include <string>
#include <string_view>

namespace vaerksted::word2vec {

class TextNormaliser {
public:
    // Appends what is complete so far to out.
    void feed(std::string_view piece, std::string& out);
    // Appends the rest (the last word and sentence).
    void finish(std::string& out);

    // The whole text at once.
    static std::string normalise(std::string_view text);

private:
    void character(char32_t c, std::string& out);
    void endWord();
    void endSentence(std::string& out);

    std::string partial_;   // bytes of a UTF-8 character cut off at the end of a piece
    std::string word_;      // the word being read
    std::string joiner_;    // a hyphen or apostrophe after the word, kept if a letter follows
    std::string sentence_;  // the words of the sentence so far, separated by spaces
};

}  // namespace vaerksted::word2vec
