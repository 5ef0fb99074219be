// Ordinary text made ready for word2vec: sentences on lines, lower case (also Æ Ø Å), punctuation
// gone, hyphens and apostrophes only inside words, and the same result however the text is cut.
#include <string>

#include <gtest/gtest.h>

#include "word2vec/text_normaliser.hpp"

using vaerksted::word2vec::TextNormaliser;

TEST(TextNormaliser, SentencesLowerCaseAndPunctuation) {
    EXPECT_EQ(TextNormaliser::normalise("Hunden sover. Katten spinder!\nÆblet er rødt, siger Ørnen; \"Nej?\""),
              "hunden sover\nkatten spinder\næblet er rødt siger ørnen\nnej\n");
}

TEST(TextNormaliser, HyphensAndApostrophesOnlyInsideWords) {
    EXPECT_EQ(TextNormaliser::normalise("tv-stuen er Jens' – og Annes ... !!"), "tv-stuen er jens og annes\n");
    EXPECT_EQ(TextNormaliser::normalise("- ord -- og ’citat’ (parentes) «guillemets» …slut"), "ord og citat parentes guillemets\nslut\n");
    EXPECT_EQ(TextNormaliser::normalise(" ... \n\n"), "");
}

TEST(TextNormaliser, OtherLettersStayEmojiGo) {
    EXPECT_EQ(TextNormaliser::normalise("CAFÉ Über naïve 3 kr 😀 π×2"), "café über naïve 3 kr π 2\n");
}

TEST(TextNormaliser, PiecesGiveTheSameAsTheWhole) {
    const std::string text = "Æbler og pærer. Søster’s tv-stue: «Hej» — sagde hun…\nSlut";
    const std::string whole = TextNormaliser::normalise(text);
    for (std::size_t size = 1; size <= 7; ++size) {
        TextNormaliser normaliser;
        std::string out;
        for (std::size_t i = 0; i < text.size(); i += size) normaliser.feed(std::string_view(text).substr(i, size), out);
        normaliser.finish(out);
        EXPECT_EQ(out, whole) << "pieces of " << size << " bytes";
    }
    EXPECT_EQ(whole, "æbler og pærer\nsøster's tv-stue\nhej sagde hun\nslut\n");
}

// Found by `npm run fuzz` (target text): a surrogate (invalid UTF-8, e.g. an emoji in CESU-8) was
// a letter, so the output was not valid UTF-8 and an emoji became a word.
TEST(TextNormaliser, SurrogatesAreNotLetters) {
    EXPECT_EQ(TextNormaliser::normalise("a \xED\xA0\x80 b \xED\xA0\xBD\xED\xB8\x80 c"), "a b c\n");
    EXPECT_EQ(TextNormaliser::normalise("ord\xED\xBF\xBFord"), "ord ord\n");
}
