// w2v train: count the corpus, build the vocabulary, encode, train on several threads with a
// progress bar, and write the focus vectors (and, if asked, the context vectors).
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <unistd.h>

#include "commands.hpp"
#include "text_source.hpp"
#include "vectors_file.hpp"
#include "word2vec/text_normaliser.hpp"
#include "word2vec/trainer.hpp"

namespace w2v {

using namespace vaerksted::word2vec;

namespace {

using Clock = std::chrono::steady_clock;

std::string duration(double seconds) {
    const long long s = static_cast<long long>(seconds + 0.5);
    char text[32];
    std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
    return text;
}

// "[######......]  42.0 %  612 k words/s/thread  loss 2.3412  α 0.01452  ETA 0:01:23"
void printProgress(const Progress& p, double seconds, int threads, bool final) {
    const double share = p.wordsTotal ? static_cast<double>(p.wordsDone) / static_cast<double>(p.wordsTotal) : 0.0;
    const int width = 30, filled = static_cast<int>(share * width);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.resize(width, '.');
    const double rate = seconds > 0 ? static_cast<double>(p.wordsDone) / seconds / threads : 0.0;
    const double eta = share > 0 ? seconds * (1.0 - share) / share : 0.0;
    std::fprintf(stderr, "%s[%s] %5.1f %%  %6.0f k words/s/thread  loss %.4f  lr %.5f  %s %s%s",
                 isatty(2) ? "\r" : "", bar.c_str(), 100.0 * share, rate / 1000.0, p.averageLoss, p.learningRate,
                 final ? "time" : "ETA", duration(final ? seconds : eta).c_str(), isatty(2) && !final ? "" : "\n");
    std::fflush(stderr);
}

bool parseConfig(const Options& o, TrainConfig& config, std::string& error) {
    config.architecture = o.has("cbow") ? Architecture::Cbow : Architecture::SkipGram;
    config.output = o.has("softmax") ? Output::Softmax : Output::NegativeSampling;
    config.dim = static_cast<int>(o.integer("dim", 100));
    config.window = static_cast<int>(o.integer("window", 5));
    config.negatives = static_cast<int>(o.integer("negatives", 5));
    config.sample = o.number("sample", 1e-4);
    config.epochs = static_cast<int>(o.integer("epochs", 5));
    config.learningRate = o.number("lr", config.architecture == Architecture::Cbow ? 0.05 : 0.025);
    config.seed = static_cast<std::uint64_t>(o.integer("seed", 1));
    const std::string decay = o.text("decay", "linear");
    if (decay != "linear" && decay != "none") error = "--decay is linear or none";
    config.decay = decay == "none" ? RateDecay::Constant : RateDecay::Linear;
    if (error.empty() && (!o.has("input") || !o.has("output"))) error = "train needs --input CORPUS and --output VECTORS";
    return error.empty();
}

}  // namespace

int trainCommand(const Options& o) {
    TrainConfig config;
    std::string error;
    if (!parseConfig(o, config, error)) {
        std::fprintf(stderr, "w2v train: %s\n", error.c_str());
        return 2;
    }
    const std::string input = o.text("input");
    const int threads = static_cast<int>(std::max(1LL, o.integer("threads", 1)));
    const auto began = Clock::now();

    // --normalise: ordinary text (as the page trains a student's text), read through TextNormaliser.
    const bool normalise = o.has("normalise");
    const auto reader = [&](auto&& feed) {
        TextNormaliser normaliser;
        std::string clean;
        const std::string problem = readText(input, [&](std::string_view piece) {
            if (!normalise) return feed(piece);
            clean.clear();
            normaliser.feed(piece, clean);
            feed(clean);
        });
        if (normalise) {
            clean.clear();
            normaliser.finish(clean);
            feed(clean);
        }
        return problem;
    };
    CorpusCounter counter;
    if (!(error = reader([&](std::string_view piece) { counter.feed(piece); })).empty()) {
        std::fprintf(stderr, "w2v train: %s\n", error.c_str());
        return 1;
    }
    counter.finish();
    const Vocabulary vocabulary = Vocabulary::fromCounts(counter.counts(), o.integer("min-count", 5),
                                                         static_cast<std::size_t>(o.integer("max-vocab", 0)));
    CorpusEncoder encoder(vocabulary);
    reader([&](std::string_view piece) { encoder.feed(piece); });
    const Corpus corpus = encoder.finish();
    std::fprintf(stderr, "%lld words read, %zu distinct; vocabulary %d words (min count %lld), %zu tokens in %lld sentences\n",
                 static_cast<long long>(counter.words()), counter.counts().size(), vocabulary.size(),
                 o.integer("min-count", 5), corpus.tokens.size(), static_cast<long long>(corpus.sentences()));

    Trainer trainer(vocabulary, corpus, config);
    if (trainer.check() != TrainStatus::Ok) {
        std::fprintf(stderr, "w2v train: %s\n", trainStatusName(trainer.check()));
        return 2;
    }
    const auto trainStart = Clock::now();
    const auto seconds = [&] { return std::chrono::duration<double>(Clock::now() - trainStart).count(); };
    std::atomic<bool> done{false};
    std::thread reporter([&] {
        int lastTenth = -1;
        while (!done) {
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
            const Progress p = trainer.progress();
            const int tenth = p.wordsTotal ? static_cast<int>(10 * p.wordsDone / p.wordsTotal) : 0;
            if (isatty(2) || tenth != lastTenth) printProgress(p, seconds(), threads, false);
            lastTenth = tenth;
        }
    });
    std::vector<std::thread> workers;
    for (int t = 1; t < threads; ++t) workers.emplace_back([&, t] { trainer.run(t, threads); });
    trainer.run(0, threads);
    for (std::thread& w : workers) w.join();
    done = true;
    reporter.join();
    printProgress(trainer.progress(), seconds(), threads, true);
    std::fprintf(stderr, "words/s/thread %.0f (training only), total time %s\n",
                 static_cast<double>(trainer.progress().wordsTotal) / seconds() / threads,
                 duration(std::chrono::duration<double>(Clock::now() - began).count()).c_str());

    const bool text = o.text("format", "binary") == "text";
    const auto write = [&](const std::string& path, const std::vector<float>& rows) {
        const auto bytes = text ? writeWord2VecText(vocabulary.words(), config.dim, rows)
                                : writeWord2VecBinary(vocabulary.words(), config.dim, rows);
        return writeFile(path, bytes, error);
    };
    if (!write(o.text("output"), trainer.embeddings().focusMatrix()) ||
        (o.has("context-output") && !write(o.text("context-output"), trainer.embeddings().contextMatrix()))) {
        std::fprintf(stderr, "w2v train: %s\n", error.c_str());
        return 1;
    }
    return 0;
}

}  // namespace w2v
