// lm ngram-eval: the N-gram models of the training text scored on a held-out text — loss per word
// (nats) and perplexity for each order N, with the core's smoothing (ngram_scorer.hpp: interpolated
// absolute discounting down to add-one counts of single words, so an unseen pair costs a finite loss).
#include <cstdio>

#include "commands.hpp"
#include "language/ngram_index.hpp"
#include "language/ngram_scorer.hpp"

namespace lm {

using namespace vaerksted::language;

namespace {

// "1-5", "3" or "2-4": the orders to score, each 1 … 5.
bool parseOrders(const std::string& text, int& first, int& last) {
    int a = 0, b = 0;
    char dash = 0, extra = 0;
    const int n = std::sscanf(text.c_str(), "%d%c%d%c", &a, &dash, &b, &extra);
    if (n == 1) b = a;
    else if (n != 3 || dash != '-') return false;
    if (a < 1 || b > NgramIndex::kMaxContext + 1 || a > b) return false;
    first = a;
    last = b;
    return true;
}

}  // namespace

int ngramEvalCommand(const Options& o) {
    const auto fail = [](const std::string& message) {
        std::fprintf(stderr, "lm ngram-eval: %s\n", message.c_str());
        return 2;
    };
    int first = 1, last = 5;
    if (o.has("orders") && !parseOrders(o.text("orders"), first, last))
        return fail("--orders must be N or N-M with 1 <= N <= M <= 5, not \"" + o.text("orders") + "\"");
    const bool json = o.has("json");
    std::string error;
    Texts texts;
    if (!readTexts(o, true, TokenSettings{o.has("sentence-ends")}, texts, error)) return fail(error);

    std::FILE* info = json ? stderr : stdout;
    for (const std::string& note : texts.notes) std::fprintf(info, "%s\n", note.c_str());
    if (o.has("sentence-ends")) std::fprintf(info, "sentence ends: a \".\" word after each sentence\n");

    const double indexStart = now();
    const int V = texts.train.vocabularySize();
    const NgramIndex index(std::move(texts.train.tokens), V);
    const NgramScorer scorer(index);
    const double indexSeconds = secondsSince(indexStart);

    if (!json) std::printf("%2s  %12s  %12s  %12s  %10s\n", "N", "loss/word", "perplexity", "words", "unknown");
    std::string orders;
    const double scoreStart = now();
    for (int n = first; n <= last; ++n) {
        const HeldOutScore s = scorer.score(texts.heldOut, n);
        if (!json)
            std::printf("%2d  %12.4f  %12.2f  %12lld  %10lld\n", n, s.lossPerWord, s.perplexity,
                        static_cast<long long>(s.words), static_cast<long long>(s.unknownWords));
        orders += std::string(orders.empty() ? "" : ", ") + "{\"n\": " + std::to_string(n) +
                  ", \"lossPerWord\": " + jsonNumber(s.lossPerWord) + ", \"perplexity\": " + jsonNumber(s.perplexity) +
                  ", \"words\": " + std::to_string(s.words) + ", \"unknownWords\": " + std::to_string(s.unknownWords) + "}";
    }
    const double scoreSeconds = secondsSince(scoreStart);
    if (!json)
        std::printf("loss in nats per word, perplexity = e^loss; smoothed by absolute discounting (D = %.2f)\n",
                    NgramScorer::kDiscount);
    std::fprintf(stderr, "time: reading %.1f s, counting %.1f s, scoring %.1f s\n", texts.seconds, indexSeconds,
                 scoreSeconds);
    if (json)
        std::printf("{\"trainWords\": %lld, \"vocabulary\": %d, \"heldOutWords\": %lld, \"discount\": %s, \"orders\": [%s]}\n",
                    static_cast<long long>(index.size()), V, static_cast<long long>(texts.heldOut.size()),
                    jsonNumber(NgramScorer::kDiscount).c_str(), orders.c_str());
    return 0;
}

}  // namespace lm
