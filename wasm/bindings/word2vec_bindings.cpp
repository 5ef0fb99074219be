// Embind bindings of the word2vec core: word vectors to query (loaded from a file's bytes) and a
// trainer. Converts JS values to C++ and back, nothing else. Arrays handed back are copies JS owns;
// JS must call .delete() on a Vectors or a Word2VecTrainer.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include "word2vec/evaluation.hpp"
#include "word2vec/pair_step.hpp"
#include "word2vec/sentence_generator.hpp"
#include "word2vec/text_normaliser.hpp"
#include "word2vec/trainer.hpp"
#include "word2vec/unit_circle_model.hpp"
#include "word2vec/vector_io.hpp"
#include "word2vec/vector_space.hpp"

using emscripten::val;
using Uint8Array = val;
using JsObject = val;

namespace vaerksted::word2vec {
namespace {

template <typename T>
val copyOut(const char* type, const std::vector<T>& v) {
    return val::global(type).new_(emscripten::typed_memory_view(v.size(), v.data()));
}

std::vector<int> indicesIn(const val& array) {
    return array.isUndefined() || array.isNull() ? std::vector<int>{} : emscripten::convertJSArrayToNumberVector<int>(array);
}

// { indices: Int32Array, scores: Float32Array } best first.
JsObject matchesToJs(const std::vector<Match>& matches) {
    std::vector<std::int32_t> indices;
    std::vector<float> scores;
    for (const Match& m : matches) {
        indices.push_back(m.word);
        scores.push_back(m.score);
    }
    JsObject out = val::object();
    out.set("indices", copyOut("Int32Array", indices));
    out.set("scores", copyOut("Float32Array", scores));
    return out;
}

class Word2VecTrainer;

class Vectors {
public:
    // The trainer's focus vectors as they are now (a copy), to ask questions of while it trains.
    void takeFocus(const Word2VecTrainer& trainer);

    // { ok, status, line, vector }: line and vector 1-based where known, −1 otherwise.
    // On a problem the vectors loaded before stay.
    JsObject load(const Uint8Array& bytes) {
        const std::vector<unsigned char> data = emscripten::convertJSArrayToNumberVector<unsigned char>(bytes);
        LoadedVectors loaded;
        const VectorProblem problem = parseVectors(data.data(), data.size(), VectorFormat::Auto, loaded);
        if (problem.ok()) space_ = VectorSpace(std::move(loaded.words), loaded.dim, std::move(loaded.rows));
        JsObject out = val::object();
        out.set("ok", problem.ok());
        out.set("status", std::string(vectorStatusName(problem.status)));
        out.set("line", static_cast<double>(problem.line));
        out.set("vector", static_cast<double>(problem.vector));
        return out;
    }

    int size() const { return space_.size(); }
    int dim() const { return space_.dim(); }
    // The word as written, else in lower case: a file may keep "København", the page lower-cases.
    int find(const std::string& word) const {
        const int exact = space_.find(word);
        return exact >= 0 ? exact : space_.find(lowerCase(word));
    }
    std::string word(int index) const { return index >= 0 && index < size() ? space_.vocabulary().word(index) : ""; }

    // All words, most frequent first, joined by "\n" (one string crosses the boundary faster than 40 000).
    std::string words() const {
        std::string out;
        for (const std::string& w : space_.vocabulary().words()) (out += w) += '\n';
        return out;
    }

    JsObject neighbours(int index, int k) const {
        return valid(index) ? matchesToJs(space_.neighbours(index, k)) : matchesToJs({});
    }

    // a − b + c; method 0 = 3CosAdd, 1 = 3CosMul.
    JsObject analogy(int a, int b, int c, int k, int method) const {
        if (!valid(a) || !valid(b) || !valid(c)) return matchesToJs({});
        return matchesToJs(space_.analogy(a, b, c, k, method == 1 ? AnalogyMethod::CosMul : AnalogyMethod::CosAdd));
    }

    double similarity(int a, int b) const { return valid(a) && valid(b) ? space_.similarity(a, b) : NAN; }

    // { index: position in the list of the odd one, means: Float32Array of mean similarities }
    JsObject oddOneOut(const val& indices) const {
        std::vector<int> words = indicesIn(indices);
        JsObject out = val::object();
        for (int w : words)
            if (!valid(w)) words.clear();
        std::vector<float> means;
        out.set("index", words.empty() ? -1 : space_.oddOneOut(words, &means));
        out.set("means", copyOut("Float32Array", means));
        return out;
    }

    // The unit vector of a word (dim), for drawing sums of vectors.
    val vector(int index) const {
        std::vector<float> v;
        if (valid(index)) v.assign(space_.vector(index), space_.vector(index) + dim());
        return copyOut("Float32Array", v);
    }

    // 2-D PCA of words (indices) plus extra vectors (rows of dim, e.g. a − b + c): (n × 2) coordinates.
    val pca(const val& indices, const val& extra) const {
        std::vector<std::vector<float>> vectors;
        for (int w : indicesIn(indices))
            if (valid(w)) vectors.emplace_back(space_.vector(w), space_.vector(w) + dim());
        const std::vector<float> more = extra.isUndefined() ? std::vector<float>{}
                                                            : emscripten::convertJSArrayToNumberVector<float>(extra);
        for (std::size_t r = 0; dim() > 0 && r + static_cast<std::size_t>(dim()) <= more.size(); r += static_cast<std::size_t>(dim()))
            vectors.emplace_back(more.begin() + static_cast<long>(r), more.begin() + static_cast<long>(r) + dim());
        return copyOut("Float32Array", space_.pca2d(vectors));
    }

private:
    bool valid(int index) const { return index >= 0 && index < size(); }
    VectorSpace space_;
};

// Trains on a text held in wasm memory; one thread (the browser's worker is the thread).
class Word2VecTrainer {
public:
    // settings: { architecture: 'skipgram'|'cbow', output: 'negative'|'softmax', dim, window, negatives,
    // sample, epochs, learningRate, decay: 'linear'|'none', seed, minCount, normalise }. Returns the status name ("ok" or why not).
    std::string setup(const std::string& text, const JsObject& settings) {
        TrainConfig config;
        const auto number = [&](const char* key, double fallback) {
            const val v = settings[key];
            return v.isNumber() ? v.as<double>() : fallback;
        };
        config.architecture = settings["architecture"].isString() && settings["architecture"].as<std::string>() == "cbow"
                                  ? Architecture::Cbow : Architecture::SkipGram;
        config.output = settings["output"].isString() && settings["output"].as<std::string>() == "softmax"
                            ? Output::Softmax : Output::NegativeSampling;
        config.dim = static_cast<int>(number("dim", 100));
        config.window = static_cast<int>(number("window", 5));
        config.negatives = static_cast<int>(number("negatives", 5));
        config.sample = number("sample", 1e-4);
        config.epochs = static_cast<int>(number("epochs", 5));
        config.learningRate = number("learningRate", config.architecture == Architecture::Cbow ? 0.05 : 0.025);
        config.decay = settings["decay"].isString() && settings["decay"].as<std::string>() == "none"
                           ? RateDecay::Constant : RateDecay::Linear;
        config.seed = static_cast<std::uint64_t>(number("seed", 1));
        // normalise: ordinary text (a student's own), made ready as w2v train --normalise does.
        const bool normalise = settings["normalise"].isTrue();
        const std::string clean = normalise ? TextNormaliser::normalise(text) : std::string();
        const std::string& corpusText = normalise ? clean : text;
        CorpusCounter counter;
        counter.feed(corpusText);
        counter.finish();
        vocabulary_ = Vocabulary::fromCounts(counter.counts(), static_cast<std::int64_t>(number("minCount", 5)), 0);
        CorpusEncoder encoder(vocabulary_);
        encoder.feed(corpusText);
        corpus_ = encoder.finish();
        trainer_ = std::make_unique<Trainer>(vocabulary_, corpus_, config);
        pairRng_ = Rng(config.seed ^ 0x5041495253ULL);  // the pair's negatives: their own stream of the seed
        pair_ = {-1, -1};
        return trainStatusName(trainer_->check());
    }

    // Trains all epochs; { wordsDone, wordsTotal, averageLoss }.
    JsObject train() {
        if (trainer_ && trainer_->check() == TrainStatus::Ok) trainer_->run(0, 1);
        return progress();
    }

    // Trains at least `words` more corpus words (whole sentences), for a page that draws between
    // calls; the result is the same as train(). { …progress, running: more to do }.
    JsObject advance(double words) {
        const bool running = trainer_ && trainer_->advance(static_cast<std::int64_t>(std::max(1.0, words)));
        JsObject out = progress();
        out.set("running", running);
        return out;
    }

    JsObject progress() const {
        JsObject out = val::object();
        const Progress p = trainer_ ? trainer_->progress() : Progress{};
        out.set("wordsDone", static_cast<double>(p.wordsDone));
        out.set("wordsTotal", static_cast<double>(p.wordsTotal));
        out.set("averageLoss", p.averageLoss);
        out.set("learningRate", p.learningRate);
        out.set("units", static_cast<double>(p.units));
        out.set("vocabulary", vocabulary_.size());
        out.set("tokens", static_cast<double>(corpus_.tokens.size()));
        return out;
    }

    bool ready() const { return trainer_ && trainer_->check() == TrainStatus::Ok; }
    std::vector<std::string> words() const { return vocabulary_.words(); }
    int dim() const { return trainer_ ? trainer_->config().dim : 0; }
    const std::vector<float>& focusRows() const { return trainer_->embeddings().focusMatrix(); }

    // Both matrices as they are now: { focus, context } (words × dim each, row-major).
    JsObject matrices() const {
        JsObject out = val::object();
        const std::vector<float> none;
        out.set("focus", copyOut("Float32Array", trainer_ ? trainer_->embeddings().focusMatrix() : none));
        out.set("context", copyOut("Float32Array", trainer_ ? trainer_->embeddings().contextMatrix() : none));
        return out;
    }

    // The pair the page works out: "ok", "first_pair" (a word is not in the text: the text's first
    // two neighbouring words instead), or "no_pair". Draws the pair's negatives.
    std::string choosePair(const std::string& focus, const std::string& context) {
        if (!ready()) return "no_pair";
        int w = vocabulary_.find(focus), c = vocabulary_.find(context);
        std::string status = "ok";
        if (w < 0 || c < 0) {
            status = "first_pair";
            if (!firstPair(corpus_, w, c)) {
                pair_ = {-1, -1};
                return "no_pair";
            }
        }
        pair_ = {w, c};
        drawPairNegatives();
        return status;
    }

    // The chosen pair worked out now (pair_step.hpp): { focus, context, input, target, negatives:
    // [words], eta, scores, slopes, probability, logSum, loss, v, gradient, vAfter, lossAfter }, or null.
    JsObject pairWork() const {
        if (!ready() || pair_.first < 0) return val::null();
        return pairToJs(workTrainingPair(*trainer_, pair_.first, pair_.second, negatives_));
    }

    // One step of gradient descent on the chosen pair (the one pairWork shows), then new negatives.
    JsObject pairStep() {
        if (!ready() || pair_.first < 0) return val::null();
        takePairStep(trainer_->embeddings(), workTrainingPair(*trainer_, pair_.first, pair_.second, negatives_));
        drawPairNegatives();
        return pairWork();
    }

    // The trained focus vectors as a word2vec text file's bytes (for a Vectors to load).
    val focusVectors() const {
        if (!trainer_) return copyOut("Uint8Array", std::vector<unsigned char>{});
        return copyOut("Uint8Array", writeWord2VecText(vocabulary_.words(), trainer_->config().dim,
                                                       trainer_->embeddings().focusMatrix()));
    }

private:
    void drawPairNegatives() {
        const bool skipGram = trainer_->config().architecture == Architecture::SkipGram;
        negatives_ = drawNegatives(*trainer_, skipGram ? pair_.second : pair_.first, pairRng_);
    }

    JsObject pairToJs(const PairWork& w) const {
        JsObject out = val::object();
        const bool softmax = trainer_->config().output == Output::Softmax;
        out.set("softmax", softmax);
        out.set("targetIndex", softmax ? w.target : 0);  // where the real target's entry is in scores
        out.set("focus", vocabulary_.word(pair_.first));
        out.set("context", vocabulary_.word(pair_.second));
        out.set("input", vocabulary_.word(w.input));
        out.set("target", vocabulary_.word(w.target));
        val negatives = val::array();
        for (int n : w.negatives) negatives.call<void>("push", vocabulary_.word(n));
        out.set("negatives", negatives);
        out.set("eta", w.eta);
        out.set("scores", copyOut("Float64Array", w.scores));
        out.set("slopes", copyOut("Float64Array", w.slopes));
        out.set("terms", copyOut("Float64Array", w.terms));
        out.set("probability", w.probability);
        out.set("logSum", w.logSum);
        out.set("loss", w.loss);
        out.set("v", copyOut("Float64Array", w.v));
        out.set("gradient", copyOut("Float64Array", w.gradient));
        out.set("vAfter", copyOut("Float64Array", w.vAfter));
        out.set("lossAfter", w.lossAfter);
        return out;
    }

    Vocabulary vocabulary_;
    Corpus corpus_;
    std::unique_ptr<Trainer> trainer_;
    std::pair<int, int> pair_{-1, -1};  // (focus word, context word) the page works out
    std::vector<int> negatives_;
    Rng pairRng_{1};
};

void Vectors::takeFocus(const Word2VecTrainer& trainer) {
    if (trainer.ready()) space_ = VectorSpace(trainer.words(), trainer.dim(), trainer.focusRows());
}

// The course's toy: focus and context vectors on the unit circle, full softmax, pair counts.
class CircleToy {
public:
    // counts: (words × words) n(w, c), row = focus word. False (and nothing changed) when the
    // shape is wrong or a count is negative or not finite.
    bool setup(int words, const val& counts) {
        const std::vector<double> n = emscripten::convertJSArrayToNumberVector<double>(counts);
        if (words < 1 || words > 50 || n.size() != static_cast<std::size_t>(words * words)) return false;
        for (double x : n)
            if (!(x >= 0.0 && x < 1e9)) return false;
        model_ = UnitCircleModel(words, n);
        return true;
    }

    // θ of each focus vector v and each context vector k (radians); false if the lengths are wrong.
    bool setAngles(const val& focus, const val& context) {
        const std::vector<double> f = emscripten::convertJSArrayToNumberVector<double>(focus);
        const std::vector<double> c = emscripten::convertJSArrayToNumberVector<double>(context);
        if (f.size() != static_cast<std::size_t>(model_.words()) || c.size() != f.size()) return false;
        for (std::size_t i = 0; i < f.size(); ++i)
            if (!std::isfinite(f[i]) || !std::isfinite(c[i])) return false;
        model_.setAngles(f, c);
        return true;
    }

    val focusAngles() const { return copyOut("Float64Array", model_.focusAngles()); }
    val contextAngles() const { return copyOut("Float64Array", model_.contextAngles()); }
    double loss() const { return model_.loss(); }

    // (words × words) P(c | w), row = focus word.
    val probabilities() const {
        std::vector<double> p;
        for (int w = 0; w < model_.words(); ++w)
            for (int c = 0; c < model_.words(); ++c) p.push_back(model_.probability(w, c));
        return copyOut("Float64Array", p);
    }

    // { focus, context }: ∂L/∂θ for every angle.
    JsObject gradient() const {
        std::vector<double> f, c;
        model_.gradient(f, c);
        JsObject out = val::object();
        out.set("focus", copyOut("Float64Array", f));
        out.set("context", copyOut("Float64Array", c));
        return out;
    }

    // `count` descent steps θ ← θ − η·∂L/∂θ; returns the new L.
    double descend(double eta, int count) {
        double loss = model_.loss();
        for (int i = 0; i < count && std::isfinite(eta) && eta > 0.0; ++i) loss = model_.step(eta);
        return loss;
    }

private:
    UnitCircleModel model_{0, {}};
};

// The seeded Danish practice corpus: `count` sentences, one per line.
std::string generateSentences(double seed, int count) {
    SentenceGenerator generator(static_cast<std::uint64_t>(seed));
    return generator.text(std::max(0, std::min(count, 1'000'000)));
}

}  // namespace
}  // namespace vaerksted::word2vec

EMSCRIPTEN_BINDINGS(word2vec_core) {
    using namespace vaerksted::word2vec;
    emscripten::function("generateSentences", &generateSentences);
    emscripten::class_<CircleToy>("CircleToy")
        .constructor<>()
        .function("setup", &CircleToy::setup)
        .function("setAngles", &CircleToy::setAngles)
        .function("focusAngles", &CircleToy::focusAngles)
        .function("contextAngles", &CircleToy::contextAngles)
        .function("loss", &CircleToy::loss)
        .function("probabilities", &CircleToy::probabilities)
        .function("gradient", &CircleToy::gradient)
        .function("descend", &CircleToy::descend);
    emscripten::class_<Vectors>("Vectors")
        .constructor<>()
        .function("load", &Vectors::load)
        .function("size", &Vectors::size)
        .function("dim", &Vectors::dim)
        .function("find", &Vectors::find)
        .function("word", &Vectors::word)
        .function("words", &Vectors::words)
        .function("neighbours", &Vectors::neighbours)
        .function("analogy", &Vectors::analogy)
        .function("similarity", &Vectors::similarity)
        .function("oddOneOut", &Vectors::oddOneOut)
        .function("vector", &Vectors::vector)
        .function("pca", &Vectors::pca)
        .function("takeFocus", &Vectors::takeFocus);
    emscripten::class_<Word2VecTrainer>("Word2VecTrainer")
        .constructor<>()
        .function("setup", &Word2VecTrainer::setup)
        .function("train", &Word2VecTrainer::train)
        .function("advance", &Word2VecTrainer::advance)
        .function("matrices", &Word2VecTrainer::matrices)
        .function("choosePair", &Word2VecTrainer::choosePair)
        .function("pairWork", &Word2VecTrainer::pairWork)
        .function("pairStep", &Word2VecTrainer::pairStep)
        .function("progress", &Word2VecTrainer::progress)
        .function("focusVectors", &Word2VecTrainer::focusVectors);
}
