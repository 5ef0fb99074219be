// Fuzz target "text": the core's readers of plain text on any bytes, also invalid UTF-8. The text
// normaliser (text_normaliser.hpp): pieces of any size give the same as the whole, the output is
// lines of lower-case words in valid UTF-8, and normalising it again changes nothing. The analogy
// questions file (evaluation.hpp): four lower-case words per question, scored consistently.
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/rng.hpp"
#include "fuzz_check.hpp"
#include "word2vec/evaluation.hpp"
#include "word2vec/text_normaliser.hpp"
#include "word2vec/vector_space.hpp"

using namespace vaerksted::word2vec;

namespace {

// Strict UTF-8: no stray continuation bytes, overlong forms, surrogates or code points past U+10FFFF.
bool validUtf8(std::string_view s, std::size_t& bad) {
    for (std::size_t i = 0; i < s.size();) {
        const unsigned char b = static_cast<unsigned char>(s[i]);
        const int length = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
        bad = i;
        if (length == 0 || i + static_cast<std::size_t>(length) > s.size()) return false;
        char32_t c = length == 1 ? b : b & (0x7F >> length);
        for (int k = 1; k < length; ++k) {
            const unsigned char next = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if ((next & 0xC0) != 0x80) return false;
            c = (c << 6) | (next & 0x3F);
        }
        const char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (c < smallest[length] || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) return false;
        i += static_cast<std::size_t>(length);
    }
    return true;
}

bool joiner(char c) { return c == '-' || c == '\''; }

// Lines of words: no empty line, one space between words, a hyphen or apostrophe only inside a
// word, no ASCII but lower-case letters and digits, no upper case A–Z or À–Þ.
void checkShape(const std::string& out) {
    if (out.empty()) return;
    FUZZ_CHECK(out.back() == '\n', "output does not end with a line end");
    std::size_t bad = 0;
    FUZZ_CHECK(validUtf8(out, bad), "invalid UTF-8 in the output at byte " + std::to_string(bad));
    char previous = '\n';
    for (std::size_t i = 0; i < out.size(); ++i) {
        const char c = out[i];
        const unsigned char u = static_cast<unsigned char>(c);
        const std::string where = "byte " + std::to_string(i);
        if (c == '\n' || c == ' ') {
            FUZZ_CHECK(previous != '\n' && previous != ' ' && !joiner(previous), "empty word or line at " + where);
        } else if (joiner(c)) {
            FUZZ_CHECK(previous != '\n' && previous != ' ' && !joiner(previous), "joiner not inside a word at " + where);
        } else if (u < 0x80) {
            FUZZ_CHECK((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'), "ASCII character " + std::to_string(u) + " at " + where);
        } else if (u == 0xC3 && i + 1 < out.size()) {
            const unsigned char next = static_cast<unsigned char>(out[i + 1]);
            FUZZ_CHECK(next < 0x80 || next > 0x9E || next == 0x97, "upper case À–Þ at " + where);  // U+00C0–U+00DE
        }
        previous = c;
    }
}

// parseAnalogies, and the scores of its questions over a space of a few of their own words.
void checkAnalogies(std::string_view text) {
    const std::vector<AnalogyQuestion> questions = parseAnalogies(text);
    std::set<std::string> known;
    for (const AnalogyQuestion& q : questions) {
        for (const std::string* w : {&q.a, &q.b, &q.c, &q.d}) {
            FUZZ_CHECK(!w->empty() && w->find_first_of(" \t\r\n") == std::string::npos, "analogy word '" + *w + "'");
            FUZZ_CHECK(lowerCase(*w) == *w, "analogy word not in lower case: '" + *w + "'");
            if (known.size() < 8) known.insert(*w);
        }
    }
    std::vector<std::string> words(known.begin(), known.end());
    std::vector<float> rows;
    for (std::size_t i = 0; i < words.size(); ++i) rows.insert(rows.end(), {float(i % 3) - 1, float(words[i].size() % 4)});
    const VectorSpace space(words, 2, rows);
    for (AnalogyMethod method : {AnalogyMethod::CosAdd, AnalogyMethod::CosMul}) {
        const AnalogyScore score = evaluateAnalogies(space, questions, method);
        FUZZ_CHECK(score.total == static_cast<int>(questions.size()) && score.covered <= score.total &&
                       score.correct <= score.covered, "analogy score");
        int total = 0;
        for (const auto& [name, section] : score.sections) total += section.total;
        FUZZ_CHECK(total == score.total, "section totals");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::string whole = TextNormaliser::normalise(text);
    checkShape(whole);

    // The same text in pieces of random size (seeded by the input, so a crash file reproduces).
    vaerksted::Rng rng(size * 0x9E3779B97F4A7C15ull + (size ? data[0] : 0u));
    for (int round = 0; round < 2; ++round) {
        TextNormaliser normaliser;
        std::string pieces;
        for (std::size_t i = 0; i < size;) {
            const std::size_t length = round == 0 ? 1 : 1 + static_cast<std::size_t>(rng.below(9));
            normaliser.feed(text.substr(i, length), pieces);
            i += length;
        }
        normaliser.feed({}, pieces);
        normaliser.finish(pieces);
        FUZZ_CHECK(pieces == whole, round == 0 ? "byte by byte differs from the whole" : "pieces differ from the whole");
    }
    FUZZ_CHECK(TextNormaliser::normalise(whole) == whole, "normalising twice changes the text");
    checkAnalogies(text);
    return 0;
}
