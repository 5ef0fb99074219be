// What the lm commands share: option values read strictly, the training and held-out texts as the
// language core's tokens (read in pieces, .gz and .xz too), and the JSON helpers.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "commands.hpp"
#include "common/seed.hpp"
#include "text_source.hpp"
#include "word2vec/text_normaliser.hpp"

namespace lm {

using namespace vaerksted::language;

namespace {

// The value of --name as a number: the whole text must be one (strtod's syntax, "inf" included).
bool parseReal(const Options& o, const char* name, double& out, std::string& error) {
    const std::string text = o.text(name);
    if (text.empty()) {
        error = std::string("--") + name + " needs a value";
        return false;
    }
    char* end = nullptr;
    const double x = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0' || std::isnan(x)) {
        error = std::string("--") + name + " must be a number, not \"" + text + "\"";
        return false;
    }
    out = x;
    return true;
}


std::string percent(double share) {
    char text[32];
    std::snprintf(text, sizeof text, "%g %%", 100 * share);
    return text;
}

long long countWords(const std::string& normalised) {
    long long words = 0;
    bool inWord = false;
    for (const char c : normalised) {
        const bool space = c == ' ' || c == '\n';
        if (!space && !inWord) ++words;
        inWord = !space;
    }
    return words;
}

// Calls onLine(segment, lineEnds) for consecutive parts of a piece: each segment is a run of bytes
// that ends at a line break (lineEnds true, the '\n' included) or at the end of the piece.
template <typename OnSegment>
void byLines(std::string_view piece, OnSegment&& onSegment) {
    std::size_t pos = 0;
    while (pos < piece.size()) {
        const void* found = std::memchr(piece.data() + pos, '\n', piece.size() - pos);
        const std::size_t end =
            found ? static_cast<std::size_t>(static_cast<const char*>(found) - piece.data()) + 1 : piece.size();
        if (!onSegment(piece.substr(pos, end - pos), found != nullptr)) return;
        pos = end;
    }
}

// The first pass: the lines of the file (a last line without '\n' counts), and with maxWords > 0
// the number of lines that hold its first maxWords words (the normaliser's words, as the models
// see them); capped tells whether the text goes on after them. With every > 1 only the lines
// 1, every + 1, 2·every + 1, … are there (the others are skipped as if absent).
std::string countLines(const std::string& path, long long maxWords, long long every, long long& lines, long long& words,
                       bool& capped) {
    lines = 0;
    words = 0;
    capped = false;
    bool openLine = false;  // bytes after the last '\n'
    long long fileLine = 0;  // 0-based line of the file
    vaerksted::word2vec::TextNormaliser normaliser;
    std::string normalised;
    const std::string error = w2v::readText(path, [&](std::string_view piece) {
        if (capped) return;
        byLines(piece, [&](std::string_view segment, bool lineEnds) {
            const bool taken = fileLine % every == 0;
            if (lineEnds) ++fileLine;
            openLine = !lineEnds && taken;
            if (!taken) return true;
            if (maxWords > 0) {
                normalised.clear();
                normaliser.feed(segment, normalised);  // a line break ends the sentence: its words come out
                words += countWords(normalised);
            }
            if (!lineEnds) return true;
            ++lines;
            if (maxWords > 0 && words >= maxWords) capped = true;
            return !capped;
        });
    });
    if (!error.empty()) return error;
    if (capped) {
        // Anything after the last counted line? Only the fact matters, for the note.
        return "";
    }
    if (openLine) {
        ++lines;
        if (maxWords > 0) {
            normalised.clear();
            normaliser.finish(normalised);
            words += countWords(normalised);
        }
    }
    return "";
}

// The held-out text in the training text's ids: −1 for a word the training text does not have
// (what encodeText does, for a text read in pieces).
std::vector<std::int32_t> inModelIds(const TokenStream& own, const TokenStream& model, std::int64_t& unknown) {
    std::vector<std::int32_t> idOf(own.words.size());
    for (std::size_t i = 0; i < own.words.size(); ++i) idOf[i] = model.find(own.words[i]);
    std::vector<std::int32_t> out(own.tokens.size());
    unknown = 0;
    for (std::size_t i = 0; i < own.tokens.size(); ++i) {
        out[i] = idOf[static_cast<std::size_t>(own.tokens[i])];
        if (out[i] < 0) ++unknown;
    }
    return out;
}

}  // namespace

std::string withThousands(long long n) {
    std::string digits = std::to_string(n < 0 ? -n : n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ' ';
        out += digits[i];
    }
    return (n < 0 ? "-" : "") + out;
}

bool wholeOption(const Options& o, const char* name, long long fallback, long long low, long long high,
                 long long& out, std::string& error) {
    if (!o.has(name)) {
        out = fallback;
        return true;
    }
    double x = 0;
    if (!parseReal(o, name, x, error)) return false;
    if (!(x >= static_cast<double>(low) && x <= static_cast<double>(high)) || std::floor(x) != x) {
        error = std::string("--") + name + " must be a whole number from " + withThousands(low) + " to " +
                withThousands(high) + ", not " + o.text(name);
        return false;
    }
    out = static_cast<long long>(x);
    return true;
}

bool realOption(const Options& o, const char* name, double fallback, double& out, std::string& error) {
    if (!o.has(name)) {
        out = fallback;
        return true;
    }
    return parseReal(o, name, out, error);
}

bool seedOption(const Options& o, std::uint64_t& out, std::string& error) {
    double x = 1;
    if (!realOption(o, "seed", 1, x, error)) return false;
    if (!vaerksted::seedFromNumber(x, out)) {
        error = "--seed must be a whole number from 0 to 2^53 - 1, not " + o.text("seed");
        return false;
    }
    return true;
}

bool readTexts(const Options& o, bool wantHeldOut, const TokenSettings& settings, Texts& out, std::string& error) {
    const double start = now();
    const std::string input = o.text("input");
    if (input.empty()) {
        error = "needs --input TEXT (a .txt, .gz or .xz file)";
        return false;
    }
    long long maxWords = 0, every = 1;
    if (!wholeOption(o, "max-words", 0, 0, std::numeric_limits<int>::max(), maxWords, error)) return false;
    if (!wholeOption(o, "every", 1, 1, 1'000'000, every, error)) return false;
    const bool heldOutFile = wantHeldOut && o.has("held-out");
    if (heldOutFile && o.has("split")) {
        error = "give --held-out FILE or --split f, not both";
        return false;
    }
    if (heldOutFile && o.text("held-out").empty()) {
        error = "--held-out needs a file";
        return false;
    }
    const bool split = wantHeldOut && !heldOutFile;
    double share = 0.9;
    if (split) {
        if (!realOption(o, "split", 0.9, share, error)) return false;
        if (!(share > 0 && share < 1)) {
            error = "--split must be a share between 0 and 1 (the first part of the lines trains), not " +
                    o.text("split");
            return false;
        }
    }

    // Pass 1 (only for a split or --max-words): count the lines.
    const long long all = std::numeric_limits<long long>::max();
    long long endLine = all, trainLines = all, countedWords = 0;
    bool capped = false;
    if (split || maxWords > 0 || every > 1) {
        if (input == "-") {
            error = "--split, --max-words and --every read the text twice: give a file, not standard input";
            return false;
        }
        long long lines = 0;
        const std::string problem = countLines(input, maxWords, every, lines, countedWords, capped);
        if (!problem.empty()) {
            error = problem;
            return false;
        }
        endLine = lines;
        if (split) {
            trainLines = static_cast<long long>(std::floor(share * static_cast<double>(lines)));
            if (trainLines < 1 || trainLines >= lines) {
                error = "--split " + o.text("split", "0.9") + " of " + std::to_string(lines) +
                        " line(s) leaves " + (trainLines < 1 ? "no training text" : "no held-out text") +
                        " (the split is by lines; use --held-out FILE for a text on one line)";
                return false;
            }
        }
    }

    // Pass 2: the lines before trainLines train, those from there to endLine are held out.
    TokenStreamBuilder train(settings), held(settings);
    long long line = 0, fileLine = 0;  // lines read (with --every: taken), lines of the file
    std::string problem = w2v::readText(input, [&](std::string_view piece) {
        byLines(piece, [&](std::string_view segment, bool lineEnds) {
            if (line >= endLine) return false;
            const bool taken = fileLine % every == 0;
            if (lineEnds) ++fileLine;
            if (!taken) return true;
            (line < trainLines ? train : held).feed(segment);
            if (lineEnds) ++line;
            return true;
        });
    });
    if (!problem.empty()) {
        error = problem;
        return false;
    }
    out.train = train.finish();
    TokenStream heldOwn = held.finish();

    if (every > 1)
        out.notes.push_back("one line in " + std::to_string(every) + " of " + input + " is read (lines 1, " +
                            std::to_string(every + 1) + ", " + std::to_string(2 * every + 1) + ", …); line numbers below count those");
    if (maxWords > 0 && capped)
        out.notes.push_back("only the first " + withThousands(endLine) + " lines of " + input + " are read (" +
                            withThousands(countedWords) + " words, --max-words " + withThousands(maxWords) + ")");
    const std::string trainWhere =
        split ? "the first " + percent(share) + " of the lines (1-" + std::to_string(trainLines) + " of " +
                    std::to_string(endLine) + ")"
              : input;
    if (out.train.tokens.empty()) {
        error = (split ? trainWhere + " of " + input : input) + " has no words";
        return false;
    }
    out.notes.push_back("training text: " + trainWhere + ", " + withThousands(static_cast<long long>(out.train.tokens.size())) +
                        " words, " + withThousands(out.train.vocabularySize()) + " different");

    if (wantHeldOut) {
        std::string where;
        if (heldOutFile) {
            where = o.text("held-out");
            TokenStreamBuilder file(settings);
            problem = w2v::readText(where, [&](std::string_view piece) { file.feed(piece); });
            if (!problem.empty()) {
                error = problem;
                return false;
            }
            heldOwn = file.finish();
        } else {
            where = "the last " + percent(1 - share) + " of the lines (" + std::to_string(trainLines + 1) + "-" +
                    std::to_string(endLine) + ")";
        }
        if (heldOwn.tokens.empty()) {
            error = "the held-out text (" + where + ") has no words";
            return false;
        }
        std::int64_t unknown = 0;
        out.heldOut = inModelIds(heldOwn, out.train, unknown);
        out.hasHeldOut = true;
        out.notes.push_back("held-out text: " + where + ", " + withThousands(static_cast<long long>(out.heldOut.size())) +
                            " words, " + withThousands(unknown) + " of them not in the training text");
    }
    out.seconds = secondsSince(start);
    return true;
}


std::string jsonNumber(double x) {
    if (!std::isfinite(x)) return "null";
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", x);
    return text;
}

double now() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

double secondsSince(double start) { return now() - start; }

}  // namespace lm
