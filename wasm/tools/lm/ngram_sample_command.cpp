// lm ngram-sample: a text continued word by word by the N-gram model of order N, as on the page:
// P(w | c) = count(c w) / count(c) after the N − 1 words before, turned by the sampler's settings
// (temperature, greedy, top-k, top-p) into the distribution each word is drawn from with the
// seeded generator. A context the text never has ends the continuation, unless --backoff drops
// its oldest words until one occurs (counted and said on stderr). The model is counted in --input
// TEXT, or read from a pruned model file (--model FILE.aing, the page's default models), which
// also checks such a file end to end; the words in stretches of six or more found in the
// training text ("copied or new?") are counted on stderr and listed with --json.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

#include "commands.hpp"
#include "common/rng.hpp"
#include "language/ngram_counts.hpp"
#include "language/ngram_generator.hpp"
#include "language/ngram_index.hpp"

namespace lm {

using namespace vaerksted::language;

int ngramSampleCommand(const Options& o) {
    const auto fail = [](const std::string& message) {
        std::fprintf(stderr, "lm ngram-sample: %s\n", message.c_str());
        return 2;
    };
    std::string error;
    long long order = 3, count = 30, topK = 0;
    double temperature = 1, topP = 1;
    std::uint64_t seed = 1;
    if (!wholeOption(o, "order", 3, 1, NgramIndex::kMaxContext + 1, order, error) ||
        !wholeOption(o, "count", 30, 1, 1'000'000, count, error) ||
        !wholeOption(o, "top-k", 0, 0, 1'000'000'000, topK, error) ||
        !realOption(o, "temperature", 1, temperature, error) || !realOption(o, "top-p", 1, topP, error) ||
        !seedOption(o, seed, error))
        return fail(error);
    if (!(temperature > 0)) return fail("--temperature must be > 0 (use --greedy for the most probable word), not " + o.text("temperature"));
    if (!(topP > 0 && topP <= 1)) return fail("--top-p must be > 0 and <= 1, not " + o.text("top-p"));
    if (o.has("prompt") && o.text("prompt").empty()) return fail("--prompt needs a text (in quotes)");
    if (o.has("model") && (o.has("input") || o.has("sentence-ends") || o.has("max-words") || o.has("every")))
        return fail("--model FILE brings its own words and sentence ends: give it without --input, --sentence-ends, --max-words or --every");

    // The model: counted in the text, or read from a .aing file.
    std::unique_ptr<NgramSource> model;
    std::vector<std::string> words;
    EncodedPrompt prompt;
    if (o.has("model")) {
        auto counts = std::make_unique<NgramCounts>();
        if (!readModel(o.text("model"), *counts, error)) return fail(error);
        const TokenSettings tokens{counts->tables().sentenceEnds};
        prompt = encodePrompt(o.text("prompt"), counts->vocabulary(), tokens);
        words = counts->vocabulary().words;
        model = std::move(counts);
    } else {
        const TokenSettings tokens{o.has("sentence-ends")};
        Texts texts;
        if (!readTexts(o, false, tokens, texts, error)) return fail(error);
        prompt = encodePrompt(o.text("prompt"), texts.train, tokens);
        words = texts.train.words;
        const int V = texts.train.vocabularySize();
        model = std::make_unique<NgramIndex>(std::move(texts.train.tokens), V);
    }
    if (!prompt.unknown.empty()) {
        std::string names;
        for (const std::string& w : prompt.unknown) names += (names.empty() ? "" : ", ") + w;
        std::fprintf(stderr, "lm ngram-sample: not in the %s, left out of the prompt: %s\n", o.has("model") ? "model" : "text", names.c_str());
    }

    SampleSettings settings;
    settings.temperature = temperature;
    settings.greedy = o.has("greedy");
    settings.topK = static_cast<int>(topK);
    settings.topP = topP;
    vaerksted::Rng rng(seed);
    const bool backoff = o.has("backoff");
    const Generated out = generate(*model, prompt.ids, static_cast<int>(order), static_cast<int>(count), backoff, settings, rng);
    if (out.end == GenerationEnd::BadSettings) return fail(std::string("the sampler refused the settings: ") + sampleStatusName(out.status));

    // Words drawn after a shorter context than the order asks (and the text so far allows): back-off.
    int backedOff = 0;
    for (std::size_t i = 0; i < out.words.size(); ++i) {
        const std::size_t before = prompt.ids.size() + i;
        if (out.contextLengths[i] < static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(order - 1), before)))
            ++backedOff;
    }

    std::string text;
    for (const std::int32_t w : out.words) text += (text.empty() ? "" : " ") + words[static_cast<std::size_t>(w)];
    // "copied or new?" over prompt + continuation, as the page marks it: a word lies in a stretch of ≥ 6.
    std::vector<std::int32_t> all = prompt.ids;
    all.insert(all.end(), out.words.begin(), out.words.end());
    const std::vector<int> copied = model->matchLengths(all.data(), static_cast<int>(all.size()));
    std::vector<bool> inCopy(all.size(), false);
    for (std::size_t i = 0; i < copied.size(); ++i)
        if (copied[i] >= kCopiedWords)
            for (std::size_t k = i; k < i + static_cast<std::size_t>(copied[i]) && k < inCopy.size(); ++k) inCopy[k] = true;
    if (o.has("json")) {
        const auto list = [&](const auto& items, const auto& show) {
            std::string s;
            for (const auto& item : items) s += (s.empty() ? "" : ", ") + show(item);
            return "[" + s + "]";
        };
        const auto word = [&](std::int32_t w) { return jsonString(words[static_cast<std::size_t>(w)]); };
        const auto whole = [](int n) { return std::to_string(n); };
        std::printf("{\"prompt\": %s, \"unknown\": %s, \"words\": %s, \"probabilities\": %s, \"contextLengths\": %s, "
                    "\"copied\": %s, \"backedOff\": %d, \"end\": \"%s\"}\n",
                    list(prompt.ids, word).c_str(), list(prompt.unknown, jsonString).c_str(), list(out.words, word).c_str(),
                    list(out.probabilities, jsonNumber).c_str(), list(out.contextLengths, whole).c_str(),
                    list(copied, whole).c_str(), backedOff,
                    out.end == GenerationEnd::Done ? "done" : "unseen_context");
    } else {
        std::printf("%s\n", text.c_str());
    }
    if (out.end == GenerationEnd::UnseenContext) {
        // The context that was never seen: the last order − 1 words of prompt + continuation.
        std::string context;
        const std::size_t from = all.size() - std::min<std::size_t>(all.size(), static_cast<std::size_t>(order - 1));
        for (std::size_t i = from; i < all.size(); ++i) context += (context.empty() ? "" : " ") + words[static_cast<std::size_t>(all[i])];
        std::fprintf(stderr,
                     "lm ngram-sample: the context \"%s\" %s, so the continuation ends after %zu "
                     "of %lld words (--backoff shortens the context instead)\n",
                     context.c_str(), o.has("model") ? "has no followers in the model (never in the text, or pruned)" : "never occurs in the text",
                     out.words.size(), count);
    }
    const auto copiedWords = std::count(inCopy.begin(), inCopy.end(), true);
    if (copiedWords > 0)
        std::fprintf(stderr, "lm ngram-sample: copied or new? %lld of the %zu words (prompt included) lie in stretches of %d or more "
                     "found word for word in the training text%s\n",
                     static_cast<long long>(copiedWords), all.size(), kCopiedWords, o.has("model") ? " (by the model's 6-gram set)" : "");
    if (backedOff > 0)
        std::fprintf(stderr, "lm ngram-sample: back-off: %d of %zu words were drawn after a shorter context than %lld words\n",
                     backedOff, out.words.size(), order - 1);
    return 0;
}

}  // namespace lm
