// w2v train: the core's TrainingSession (the page's worker runs the same) fed from a file, trained
// on several threads with a progress bar; writes the focus vectors (and, if asked, the context vectors).
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <unistd.h>

#include "commands.hpp"
#include "text_source.hpp"
#include "vectors_file.hpp"
#include "word2vec/training_session.hpp"
#include "word2vec/vector_io.hpp"

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

// What to type instead, for the statuses about the command line's own options.
const char* hint(TrainStatus status) {
    switch (status) {
        case TrainStatus::UnknownDecay: return " (--decay is linear or none)";
        case TrainStatus::InvalidSeed: return " (--seed is a whole number from 0 to 2^53 - 1)";
        default: return "";
    }
}

// The command line as the core's settings: flags and option names → TrainSettings.
TrainSettings settingsOf(const Options& o) {
    TrainSettings s;
    s.architecture = o.has("cbow") ? "cbow" : "skipgram";
    s.output = o.has("softmax") ? "softmax" : "negative";
    s.decay = o.text("decay", "linear");
    s.dim = static_cast<double>(o.integer("dim", 100));
    s.window = static_cast<double>(o.integer("window", 5));
    s.negatives = static_cast<double>(o.integer("negatives", 5));
    s.sample = o.number("sample", 1e-4);
    s.epochs = static_cast<double>(o.integer("epochs", 5));
    if (!o.text("lr").empty()) s.learningRate = o.number("lr", 0.0);
    s.seed = static_cast<double>(o.integer("seed", 1));
    s.minCount = static_cast<double>(o.integer("min-count", 5));
    s.maxVocabulary = static_cast<double>(o.integer("max-vocab", 0));
    s.normalise = o.has("normalise");
    return s;
}

}  // namespace

int trainCommand(const Options& o) {
    if (!o.has("input") || !o.has("output")) {
        std::fprintf(stderr, "w2v train: train needs --input CORPUS and --output VECTORS\n");
        return 2;
    }
    const std::string input = o.text("input");
    const int threads = static_cast<int>(std::max(1LL, o.integer("threads", 1)));
    const auto began = Clock::now();

    // The corpus is read twice (counted, then encoded), in pieces; a read problem stops both passes.
    std::string readError;
    const TextPass corpus = [&](const TextSink& feed) {
        if (readError.empty()) readError = readText(input, feed);
    };
    TrainingSession session;
    const TrainStatus status = session.setup(corpus, settingsOf(o));
    if (!readError.empty()) {
        std::fprintf(stderr, "w2v train: %s\n", readError.c_str());
        return 1;
    }
    if (session.textRead())
        std::fprintf(stderr, "%lld words read, %zu distinct; vocabulary %d words (min count %lld), %zu tokens in %lld sentences\n",
                     static_cast<long long>(session.wordsRead()), session.distinctWords(), session.vocabulary().size(),
                     o.integer("min-count", 5), session.corpus().tokens.size(),
                     static_cast<long long>(session.corpus().sentences()));
    if (status != TrainStatus::Ok) {
        std::fprintf(stderr, "w2v train: %s%s\n", trainStatusName(status), hint(status));
        return 2;
    }
    const auto trainStart = Clock::now();
    const auto seconds = [&] { return std::chrono::duration<double>(Clock::now() - trainStart).count(); };
    std::atomic<bool> done{false};
    std::thread reporter([&] {
        int lastTenth = -1;
        while (!done) {
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
            const Progress p = session.progress();
            const int tenth = p.wordsTotal ? static_cast<int>(10 * p.wordsDone / p.wordsTotal) : 0;
            if (isatty(2) || tenth != lastTenth) printProgress(p, seconds(), threads, false);
            lastTenth = tenth;
        }
    });
    std::vector<std::thread> workers;
    for (int t = 1; t < threads; ++t) workers.emplace_back([&, t] { session.run(t, threads); });
    session.run(0, threads);
    for (std::thread& w : workers) w.join();
    done = true;
    reporter.join();
    printProgress(session.progress(), seconds(), threads, true);
    std::fprintf(stderr, "words/s/thread %.0f (training only), total time %s\n",
                 static_cast<double>(session.progress().wordsTotal) / seconds() / threads,
                 duration(std::chrono::duration<double>(Clock::now() - began).count()).c_str());

    const bool text = o.text("format", "binary") == "text";
    const int dim = session.config().dim;
    std::string error;
    const auto write = [&](const std::string& path, const std::vector<float>& rows) {
        const auto bytes = text ? writeWord2VecText(session.vocabulary().words(), dim, rows)
                                : writeWord2VecBinary(session.vocabulary().words(), dim, rows);
        return writeFile(path, bytes, error);
    };
    if (!write(o.text("output"), session.focusMatrix()) ||
        (o.has("context-output") && !write(o.text("context-output"), session.contextMatrix()))) {
        std::fprintf(stderr, "w2v train: %s\n", error.c_str());
        return 1;
    }
    return 0;
}

}  // namespace w2v
