// lm neural-train: the notes' neural language model (neural_model.hpp) trained on the training
// text and scored on the held-out text after each epoch. The vocabulary is the --max-vocab most
// frequent words of the training text; every other word (and every held-out word the training text
// lacks) is one word "<ukendt>", so that V, and with it the output layer, stays small. The word
// vectors are random from the seeded generator, or read from a word2vec file (--vectors).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <thread>
#include <unistd.h>
#include <unordered_map>

#include <Eigen/Core>

#include "commands.hpp"
#include "common/rng.hpp"
#include "language/neural_model.hpp"
#include "vectors_file.hpp"

namespace lm {

using namespace vaerksted::language;

namespace {

const char* kUnknownWord = "<ukendt>";

// The model's vocabulary: the training text's ids → the model's (0 … V−1), most frequent first.
struct Vocabulary {
    std::vector<std::string> words;  // model id → word ("<ukendt>" last, when there is one)
    std::vector<int> train, heldOut; // the texts in model ids
    bool hasUnknown = false;
    long long dropped = 0;           // training words outside the vocabulary (distinct)
    long long droppedTokens = 0;     // … and how often they occur
    long long heldOutUnknown = 0;    // held-out words that became "<ukendt>"
    double heldOutClassLoss = 0;     // Σ −ln P(w | <ukendt>) over those (see comparable below)
};

Vocabulary vocabularyOf(const Texts& texts, long long maxVocab) {
    const auto& tokens = texts.train.tokens;
    const int own = texts.train.vocabularySize();
    std::vector<long long> count(static_cast<std::size_t>(own), 0);
    for (const std::int32_t t : tokens) ++count[static_cast<std::size_t>(t)];
    std::vector<int> byCount(static_cast<std::size_t>(own));
    std::iota(byCount.begin(), byCount.end(), 0);
    // Most frequent first; equal counts in the order the words first occur.
    std::stable_sort(byCount.begin(), byCount.end(), [&](int a, int b) {
        return count[static_cast<std::size_t>(a)] > count[static_cast<std::size_t>(b)];
    });
    const int kept = maxVocab > 0 ? static_cast<int>(std::min<long long>(maxVocab, own)) : own;
    Vocabulary v;
    std::vector<int> modelId(static_cast<std::size_t>(own), -1);
    for (int r = 0; r < kept; ++r) {
        modelId[static_cast<std::size_t>(byCount[static_cast<std::size_t>(r)])] = r;
        v.words.push_back(texts.train.words[static_cast<std::size_t>(byCount[static_cast<std::size_t>(r)])]);
    }
    v.dropped = own - kept;
    const int unknown = kept;  // the id "<ukendt>" gets if needed
    v.train.reserve(tokens.size());
    for (const std::int32_t t : tokens) {
        const int id = modelId[static_cast<std::size_t>(t)];
        if (id < 0) ++v.droppedTokens;
        v.train.push_back(id < 0 ? unknown : id);
    }
    v.heldOut.reserve(texts.heldOut.size());
    for (const std::int32_t t : texts.heldOut) {
        const int id = t < 0 ? -1 : modelId[static_cast<std::size_t>(t)];
        if (id < 0) ++v.heldOutUnknown;
        v.heldOut.push_back(id < 0 ? unknown : id);
    }
    // Inside the class, P(w | <ukendt>) = (count(w) + 1) / (T + K + 1): add-one over its K training words
    // (T tokens) and "a word the training text lacks", as ngram-eval's single-word counts do.
    const double classTotal = static_cast<double>(v.droppedTokens + v.dropped + 1);
    for (const std::int32_t t : texts.heldOut) {
        const int id = t < 0 ? -1 : modelId[static_cast<std::size_t>(t)];
        if (id >= 0) continue;
        const double c = t < 0 ? 0.0 : static_cast<double>(count[static_cast<std::size_t>(t)]);
        v.heldOutClassLoss += -std::log((c + 1.0) / classTotal);
    }
    v.hasUnknown = v.droppedTokens > 0 || v.heldOutUnknown > 0;
    if (v.hasUnknown) v.words.push_back(kUnknownWord);
    return v;
}

std::string share(long long part, std::size_t whole) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f %%", whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0);
    return text;
}

// The loss over all rows, on `threads` threads (each a slice of the rows; the model is only read).
NeuralStatus evaluateOn(const NeuralLanguageModel& model, const NeuralRows& rows, int threads, NeuralEvaluation& out) {
    const int n = rows.count();
    threads = std::max(1, std::min(threads, n / 256));
    if (threads <= 1) return model.evaluate(rows, out);
    const std::size_t width = static_cast<std::size_t>(rows.contextWords + 1);
    std::vector<NeuralRows> slices(static_cast<std::size_t>(threads));
    std::vector<double> loss(static_cast<std::size_t>(threads), 0.0);
    std::vector<NeuralStatus> status(static_cast<std::size_t>(threads), NeuralStatus::Ok);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        const std::size_t from = static_cast<std::size_t>(static_cast<long long>(n) * t / threads);
        const std::size_t to = static_cast<std::size_t>(static_cast<long long>(n) * (t + 1) / threads);
        NeuralRows& slice = slices[static_cast<std::size_t>(t)];
        slice.contextWords = rows.contextWords;
        slice.ids.assign(rows.ids.begin() + static_cast<std::ptrdiff_t>(from * width),
                         rows.ids.begin() + static_cast<std::ptrdiff_t>(to * width));
        workers.emplace_back([&, t] {
            status[static_cast<std::size_t>(t)] =
                model.lossOf(slices[static_cast<std::size_t>(t)], loss[static_cast<std::size_t>(t)]);
        });
    }
    for (std::thread& w : workers) w.join();
    for (const NeuralStatus s : status)
        if (s != NeuralStatus::Ok) return s;
    const double L = std::accumulate(loss.begin(), loss.end(), 0.0);
    out = {L, L / n, std::exp(L / n)};
    return std::isfinite(out.perplexity) ? NeuralStatus::Ok : NeuralStatus::NonFinite;
}

void progress(int epoch, long long done, long long total, double seconds, bool final) {
    const double part = total ? static_cast<double>(done) / static_cast<double>(total) : 0.0;
    const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;
    const double eta = part > 0 ? seconds * (1 - part) / part : 0.0;
    std::fprintf(stderr, "%sepoch %d: %5.1f %%  %7.0f words/s  %s %.0f s%s", isatty(2) ? "\r" : "", epoch, 100 * part, rate,
                 final ? "time" : "ETA", final ? seconds : eta, isatty(2) && !final ? "" : "\n");
    std::fflush(stderr);
}

}  // namespace

int neuralTrainCommand(const Options& o) {
    const auto fail = [](const std::string& message, int code = 2) {
        std::fprintf(stderr, "lm neural-train: %s\n", message.c_str());
        return code;
    };
    std::string error;
    long long c = 3, d = 50, m = 50, epochs = 1, batch = 32, maxVocab = 5000, threads = 1;
    double lr = 0.01;
    std::uint64_t seed = 1;
    if (!wholeOption(o, "context", 3, 1, kMaxContextWords, c, error) ||
        !wholeOption(o, "hidden", 50, 1, kMaxHidden, d, error) || !wholeOption(o, "dim", 50, 1, 2000, m, error) ||
        !wholeOption(o, "epochs", 1, 1, 10'000, epochs, error) ||
        !wholeOption(o, "batch", 32, 1, 1'000'000, batch, error) ||
        !wholeOption(o, "max-vocab", 5000, 0, 10'000'000, maxVocab, error) ||
        !wholeOption(o, "threads", 1, 1, 256, threads, error) || !realOption(o, "lr", 0.01, lr, error) ||
        !seedOption(o, seed, error))
        return fail(error);
    if (!(lr > 0) || !std::isfinite(lr)) return fail("--lr must be a number > 0, not " + o.text("lr"));
    NeuralSettings settings;
    settings.contextWords = static_cast<int>(c);
    settings.hidden = static_cast<int>(d);
    settings.learningRate = lr;
    settings.batchSize = static_cast<int>(batch);
    settings.trainEmbeddings = o.has("train-embeddings");
    if (!parseOptimiser(o.text("optimiser", "adam"), settings.optimiser))
        return fail("--optimiser must be adam or sgd, not \"" + o.text("optimiser") + "\"");
    if (!vaerksted::neuron::parseActivation(o.text("activation", "sigmoid"), settings.activation))
        return fail("--activation must be sigmoid, tanh, relu or identity, not \"" + o.text("activation") + "\"");
    if (o.has("vectors") && o.text("vectors").empty()) return fail("--vectors needs a word2vec file");

    // The word2vec file first, so that a bad one is said before the text is read.
    vaerksted::word2vec::LoadedVectors loaded;
    if (o.has("vectors")) {
        if (!w2v::loadVectors(o.text("vectors"), loaded, error)) return fail(error);
        if (o.has("dim") && loaded.dim != m)
            return fail("--dim " + o.text("dim") + " but the vectors in " + o.text("vectors") + " have " +
                        std::to_string(loaded.dim) + " numbers (leave --dim out)");
        m = loaded.dim;
    }

    const bool json = o.has("json");
    std::FILE* info = json ? stderr : stdout;
    Texts texts;
    if (!readTexts(o, true, TokenSettings{o.has("sentence-ends")}, texts, error)) return fail(error);
    for (const std::string& note : texts.notes) std::fprintf(info, "%s\n", note.c_str());

    // The vocabulary: the --max-vocab most frequent words, the rest "<ukendt>".
    const Vocabulary vocab = vocabularyOf(texts, maxVocab);
    const int V = static_cast<int>(vocab.words.size());
    if (vocab.dropped > 0)
        std::fprintf(info, "vocabulary: the %lld most frequent words; the other %lld (%s of the training words) are one word \"%s\"\n",
                     static_cast<long long>(V - 1), vocab.dropped, share(vocab.droppedTokens, vocab.train.size()).c_str(),
                     kUnknownWord);
    else
        std::fprintf(info, "vocabulary: all %d words of the training text\n", V - (vocab.hasUnknown ? 1 : 0));
    if (vocab.heldOutUnknown > 0)
        std::fprintf(info, "held-out words outside the vocabulary: %lld (%s), each counted as \"%s\"\n", vocab.heldOutUnknown,
                     share(vocab.heldOutUnknown, vocab.heldOut.size()).c_str(), kUnknownWord);

    // The word vectors (V × m): from the file, or random from the seeded generator.
    vaerksted::Rng rng(seed);
    Eigen::MatrixXd E;
    if (o.has("vectors")) {
        std::unordered_map<std::string, std::size_t> row;
        for (std::size_t i = 0; i < loaded.words.size(); ++i) row.emplace(loaded.words[i], i);
        E.resize(V, m);
        const double small = 0.5 / static_cast<double>(m);
        long long missing = 0;
        for (int w = 0; w < V; ++w) {
            const auto it = row.find(vocab.words[static_cast<std::size_t>(w)]);
            if (it == row.end()) ++missing;
            for (long long k = 0; k < m; ++k)
                E(w, k) = it == row.end() ? rng.uniform(-small, small)
                                          : static_cast<double>(loaded.rows[it->second * static_cast<std::size_t>(m) + static_cast<std::size_t>(k)]);
        }
        std::fprintf(info, "word vectors: %s (m = %lld): %lld of %d words found; %lld got small random vectors (uniform in +-0.5/m)%s\n",
                     o.text("vectors").c_str(), m, V - missing, V, missing,
                     vocab.hasUnknown ? ", \"<ukendt>\" among them" : "");
        loaded = {};  // only E is needed from here on
    } else {
        E.resize(V, m);
        for (int w = 0; w < V; ++w)
            for (long long k = 0; k < m; ++k) E(w, k) = rng.uniform(-1.0, 1.0);
        std::fprintf(info, "word vectors: random, not word2vec (no --vectors file): each number uniform in +-1, m = %lld\n", m);
    }
    std::fprintf(info, "word vectors %s\n", settings.trainEmbeddings ? "trained along (--train-embeddings)" : "frozen: only W and U are trained");

    NeuralRows trainRows, heldRows;
    NeuralStatus status = rowsFromTokens(vocab.train, settings.contextWords, V, trainRows);
    if (status == NeuralStatus::Ok) status = rowsFromTokens(vocab.heldOut, settings.contextWords, V, heldRows);
    if (status == NeuralStatus::TooManyRows) return fail("more than 10 000 000 words in one text: use --max-words");
    if (status != NeuralStatus::Ok) return fail(std::string("cannot make rows: ") + neuralStatusName(status));

    NeuralLanguageModel model;
    status = model.setup(V, E, settings, rng);
    const std::int64_t weights = weightCount(settings.contextWords, static_cast<int>(m), V, settings.hidden);
    const std::int64_t trained = settings.trainEmbeddings ? weightCountWithEmbeddings(settings.contextWords, static_cast<int>(m), V, settings.hidden) : weights;
    if (status == NeuralStatus::TooManyWeights)
        return fail(std::to_string(trained) + " weights, more than the core's " + std::to_string(kMaxWeights) +
                    ": lower --max-vocab, --hidden or --dim");
    if (status != NeuralStatus::Ok) return fail(std::string("the model refused the settings: ") + neuralStatusName(status));

    std::fprintf(info, "model: c = %d context words (N = %d), m = %lld, d = %d hidden (%s), V = %d; %s, lr %g, batch %d, seed %llu\n",
                 settings.contextWords, settings.contextWords + 1, m, settings.hidden,
                 vaerksted::neuron::activationName(settings.activation), V, optimiserName(settings.optimiser), lr,
                 settings.batchSize, static_cast<unsigned long long>(seed));
    std::fprintf(info, "weights: d·(1 + c·m + V) + V = %d·(1 + %d·%lld + %d) + %d = %lld\n", settings.hidden,
                 settings.contextWords, m, V, V, static_cast<long long>(weights));
    if (settings.trainEmbeddings)
        std::fprintf(info, "  + the word vectors V·m = %d·%lld: %lld numbers trained\n", V, m, static_cast<long long>(trained));

    Eigen::initParallel();
    const int evalThreads = static_cast<int>(threads);
    // Comparable with ngram-eval: a held-out word of the "<ukendt>" class gets z_<ukendt>·P(w | <ukendt>),
    // not the whole class's share (P(w | <ukendt>): add-one counts inside the class, see vocabularyOf).
    const auto comparable = [&](const NeuralEvaluation& e) {
        return heldRows.count() > 0 ? e.lossPerWord + vocab.heldOutClassLoss / heldRows.count() : e.lossPerWord;
    };
    std::string epochsJson;
    NeuralEvaluation held;
    status = evaluateOn(model, heldRows, evalThreads, held);
    if (status != NeuralStatus::Ok) return fail(std::string("held-out evaluation: ") + neuralStatusName(status), 1);
    if (!json)
        std::printf("%5s  %13s  %13s  %11s  %11s  %9s\n%5d  %13s  %13.4f  %11.2f  %11.4f  %9s\n", "epoch", "train loss",
                    "held-out loss", "perplexity", "comparable", "words/s", 0, "-", held.lossPerWord, held.perplexity,
                    comparable(held), "-");
    std::fflush(stdout);
    epochsJson = "{\"epoch\": 0, \"heldOutLossPerWord\": " + jsonNumber(held.lossPerWord) +
                 ", \"perplexity\": " + jsonNumber(held.perplexity) + ", \"comparableLossPerWord\": " +
                 jsonNumber(comparable(held)) + "}";

    const int rows = trainRows.count();
    const int B = settings.batchSize;
    const int stepsPerEpoch = rows / B + (rows % B != 0 ? 1 : 0);
    const int chunk = std::max(1, stepsPerEpoch / 200);
    for (int epoch = 1; epoch <= epochs; ++epoch) {
        std::vector<double> batchLosses;
        batchLosses.reserve(static_cast<std::size_t>(stepsPerEpoch));
        const double start = now();
        int lastTenth = 0;
        for (int done = 0; done < stepsPerEpoch;) {
            const int steps = std::min(chunk, stepsPerEpoch - done);
            status = model.trainSteps(trainRows, steps, rng, &batchLosses);
            if (status == NeuralStatus::Diverged)
                return fail("training diverged in epoch " + std::to_string(epoch) +
                                " (the loss or a weight stopped being finite): try a smaller --lr", 1);
            if (status != NeuralStatus::Ok) return fail(std::string("training: ") + neuralStatusName(status), 1);
            done += steps;
            const long long wordsDone = std::min<long long>(static_cast<long long>(done) * B, rows);
            const int tenth = static_cast<int>(10 * wordsDone / rows);
            const double seconds = secondsSince(start);
            if (done < stepsPerEpoch && seconds > 2 && (isatty(2) || tenth != lastTenth))
                progress(epoch, wordsDone, rows, seconds, false);
            lastTenth = tenth;
        }
        const double seconds = secondsSince(start);
        if (seconds > 2) progress(epoch, rows, rows, seconds, true);
        // Training loss per word: the batches' L_B / B weighted by their sizes (the last may be smaller).
        double sum = 0;
        for (std::size_t k = 0; k < batchLosses.size(); ++k)
            sum += batchLosses[k] * std::min<double>(B, rows - static_cast<double>(k) * B);
        const double trainLoss = sum / rows;
        const double wordsPerSecond = seconds > 0 ? rows / seconds : 0.0;
        status = evaluateOn(model, heldRows, evalThreads, held);
        if (status != NeuralStatus::Ok) return fail(std::string("held-out evaluation: ") + neuralStatusName(status), 1);
        if (!json)
            std::printf("%5d  %13.4f  %13.4f  %11.2f  %11.4f  %9.0f\n", epoch, trainLoss, held.lossPerWord, held.perplexity,
                        comparable(held), wordsPerSecond);
        std::fflush(stdout);
        epochsJson += ", {\"epoch\": " + std::to_string(epoch) + ", \"trainLossPerWord\": " + jsonNumber(trainLoss) +
                      ", \"heldOutLossPerWord\": " + jsonNumber(held.lossPerWord) + ", \"perplexity\": " +
                      jsonNumber(held.perplexity) + ", \"comparableLossPerWord\": " + jsonNumber(comparable(held)) +
                      ", \"wordsPerSecond\": " + jsonNumber(wordsPerSecond) + "}";
    }
    if (!json) {
        std::printf("loss in nats per word; train: the mean over the epoch's mini-batches, each before its update;\n"
                    "perplexity = e^(held-out loss); epoch 0 is the untrained model (about ln V = %.4f)\n",
                    std::log(static_cast<double>(V)));
        if (vocab.hasUnknown)
            std::printf("\"%s\" is one word here, so the perplexity is not comparable with ngram-eval's; \"comparable\" is the loss\n"
                        "with each held-out word of that class given z_%s·(count(w) + 1)/(T + K + 1): add-one counts inside the\n"
                        "class (K = %lld training words, T = %lld of their tokens, and one share for a word the text lacks)\n",
                        kUnknownWord, kUnknownWord, vocab.dropped, vocab.droppedTokens);
    } else {
        std::printf("{\"vocabulary\": %d, \"unknownWord\": %s, \"contextWords\": %d, \"dim\": %lld, \"hidden\": %d, "
                    "\"weights\": %lld, \"trainedNumbers\": %lld, \"trainWords\": %d, \"heldOutWords\": %d, \"epochs\": [%s]}\n",
                    V, vocab.hasUnknown ? "true" : "false", settings.contextWords, m, settings.hidden,
                    static_cast<long long>(weights), static_cast<long long>(trained), rows, heldRows.count(),
                    epochsJson.c_str());
    }
    return 0;
}

}  // namespace lm
