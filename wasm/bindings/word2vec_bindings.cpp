// Embind bindings of the word2vec core: word vectors to query (loaded from a file's bytes), a
// training session and the course's unit-circle toy. Converts JS values to C++ and back, nothing
// else: every check and every number is the core's. Arrays handed back are copies JS owns; JS
// must call .delete() on a Vectors, a Word2VecTrainer or a CircleToy.
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include "js_values.hpp"

#include "word2vec/sentence_generator.hpp"
#include "word2vec/training_session.hpp"
#include "word2vec/unit_circle_model.hpp"
#include "word2vec/vector_io.hpp"
#include "word2vec/vector_space.hpp"

using namespace vaerksted::bindings;

namespace vaerksted::word2vec {
namespace {

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

// A JS settings object → TrainSettings. A missing (or null) field keeps the core's default; a field
// of the wrong type becomes a value the core refuses ("" for a name, NaN for a number).
TrainSettings settingsIn(const JsObject& settings) {
    TrainSettings s;
    const auto given = [&](const char* key) {
        const val v = settings[key];
        return !(v.isUndefined() || v.isNull());
    };
    const auto name = [&](const char* key, std::string& field) {
        if (given(key)) field = settings[key].isString() ? settings[key].as<std::string>() : std::string();
    };
    const auto number = [&](const char* key, double& field) {
        if (given(key)) field = settings[key].isNumber() ? settings[key].as<double>() : NAN;
    };
    name("architecture", s.architecture);
    name("output", s.output);
    name("decay", s.decay);
    number("dim", s.dim);
    number("window", s.window);
    number("negatives", s.negatives);
    number("sample", s.sample);
    number("epochs", s.epochs);
    if (given("learningRate")) {
        double rate = NAN;
        number("learningRate", rate);
        s.learningRate = rate;
    }
    number("seed", s.seed);
    number("minCount", s.minCount);
    s.normalise = settings["normalise"].isTrue();
    return s;
}

class Word2VecTrainer;

class Vectors {
public:
    // The trainer's focus vectors as they are now (a copy), to ask questions of while it trains.
    void takeFocus(const Word2VecTrainer& trainer);

    // { ok, status, line, vector }: line and vector 1-based where known, −1 otherwise.
    // On a problem the vectors loaded before stay.
    JsObject load(const Uint8Array& bytes) {
        const std::vector<unsigned char> data = numbersIn<unsigned char>(bytes);
        const VectorProblem problem = space_.load(data.data(), data.size());
        JsObject out = val::object();
        out.set("ok", problem.ok());
        out.set("status", std::string(vectorStatusName(problem.status)));
        out.set("line", static_cast<double>(problem.line));
        out.set("vector", static_cast<double>(problem.vector));
        return out;
    }

    int size() const { return space_.size(); }
    int dim() const { return space_.dim(); }
    int find(const std::string& word) const { return space_.lookup(word); }
    std::string word(int index) const { return space_.word(index); }

    // All words, most frequent first, each followed by "\n" (one string crosses the boundary
    // faster than 40 000).
    std::string words() const {
        std::string out;
        for (const std::string& w : space_.vocabulary().words()) (out += w) += '\n';
        return out;
    }

    JsObject neighbours(int index, int k) const { return matchesToJs(space_.neighbours(index, k)); }

    // a − b + c; method 0 = 3CosAdd, 1 = 3CosMul.
    JsObject analogy(int a, int b, int c, int k, int method) const {
        return matchesToJs(space_.analogy(a, b, c, k, method == 1 ? AnalogyMethod::CosMul : AnalogyMethod::CosAdd));
    }

    double similarity(int a, int b) const { return space_.similarity(a, b); }

    // { index: position in the list of the odd one, means: Float32Array of mean similarities }
    JsObject oddOneOut(const NumberArray& indices) const {
        std::vector<float> means;
        JsObject out = val::object();
        out.set("index", space_.oddOneOut(numbersIn<int>(indices), &means));
        out.set("means", copyOut("Float32Array", means));
        return out;
    }

    Float32Array vector(int index) const { return copyOut("Float32Array", space_.unitVector(index)); }

    // (n × 2) PCA coordinates of words (indices) plus extra vectors (rows of dim, e.g. a − b + c).
    Float32Array pca(const NumberArray& indices, const NumberArray& extra) const {
        return copyOut("Float32Array", space_.pca2d(numbersIn<int>(indices), numbersIn<float>(extra)));
    }

private:
    VectorSpace space_;
};

// Trains on a text held in wasm memory; one thread (the browser's worker is the thread).
class Word2VecTrainer {
public:
    // settings: see Word2VecSettings in web/src/wasm/wasm-modules.d.ts. Returns the status name.
    std::string setup(const std::string& text, const JsObject& settings) {
        return trainStatusName(session_.setup([&](const TextSink& feed) { feed(text); }, settingsIn(settings)));
    }

    // The same in steps, a file's pieces at a time (TrainingSession::begin … finish).
    std::string begin(const JsObject& settings) { return trainStatusName(session_.begin(settingsIn(settings))); }
    void count(const Uint8Array& piece) { session_.count(bytesIn(piece)); }
    void startEncoding() { session_.startEncoding(); }
    void encode(const Uint8Array& piece) { session_.encode(bytesIn(piece)); }
    std::string finish() { return trainStatusName(session_.finish()); }

    JsObject train() {
        session_.train();
        return progress();
    }

    // { …progress, running: more to do }.
    JsObject advance(double words) {
        const bool running = session_.advance(words);
        JsObject out = progress();
        out.set("running", running);
        return out;
    }

    JsObject progress() const {
        const SessionProgress p = session_.progress();
        JsObject out = val::object();
        out.set("wordsDone", static_cast<double>(p.wordsDone));
        out.set("wordsTotal", static_cast<double>(p.wordsTotal));
        out.set("averageLoss", p.averageLoss);
        out.set("learningRate", p.learningRate);
        out.set("units", static_cast<double>(p.units));
        out.set("vocabulary", p.vocabulary);
        out.set("tokens", static_cast<double>(p.tokens));
        return out;
    }

    // { focus, context }: (words × dim) each, row-major, as they are now.
    JsObject matrices() const {
        JsObject out = val::object();
        out.set("focus", copyOut("Float32Array", session_.focusMatrix()));
        out.set("context", copyOut("Float32Array", session_.contextMatrix()));
        return out;
    }

    // (words × words) P(c | w), row = focus word.
    Float64Array probabilities() const { return copyOut("Float64Array", session_.probabilities()); }

    std::string choosePair(const std::string& focus, const std::string& context) {
        return pairChoiceName(session_.choosePair(focus, context));
    }

    JsObject pairWork() const {
        PairWork work;
        return session_.pairWork(work) ? pairToJs(work) : val::null();
    }

    JsObject pairStep() {
        PairWork work;
        return session_.pairStep(work) ? pairToJs(work) : val::null();
    }

    Uint8Array focusVectors() const { return copyOut("Uint8Array", session_.focusVectorsText()); }

    const TrainingSession& session() const { return session_; }

private:
    JsObject pairToJs(const PairWork& w) const {
        const Vocabulary& words = session_.vocabulary();
        JsObject out = val::object();
        out.set("softmax", w.softmax);
        out.set("targetIndex", w.targetEntry);
        out.set("focus", words.word(session_.pair().first));
        out.set("context", words.word(session_.pair().second));
        out.set("input", words.word(w.input));
        out.set("target", words.word(w.target));
        val negatives = val::array();
        for (int n : w.negatives) negatives.call<void>("push", words.word(n));
        out.set("negatives", negatives);
        out.set("eta", w.eta);
        out.set("scores", copyOut("Float64Array", w.scores));
        out.set("predicted", copyOut("Float64Array", w.predicted));
        out.set("slopes", copyOut("Float64Array", w.slopes));
        out.set("terms", copyOut("Float64Array", w.terms));
        out.set("probability", w.probability);
        out.set("logSum", w.logSum);
        out.set("expTarget", w.expTarget);
        out.set("expSum", w.expSum);
        out.set("loss", w.loss);
        out.set("v", copyOut("Float64Array", w.v));
        out.set("gradient", copyOut("Float64Array", w.gradient));
        out.set("vAfter", copyOut("Float64Array", w.vAfter));
        out.set("lossAfter", w.lossAfter);
        return out;
    }

    TrainingSession session_;
};

void Vectors::takeFocus(const Word2VecTrainer& trainer) { trainer.session().focusSpace(space_); }

// The course's toy: focus and context vectors on the unit circle, full softmax, pair counts.
class CircleToy {
public:
    bool setup(int words, const NumberArray& counts) { return model_.setCounts(words, numbersIn<double>(counts)); }
    bool setAngles(const NumberArray& focus, const NumberArray& context) {
        return model_.setAngles(numbersIn<double>(focus), numbersIn<double>(context));
    }
    Float64Array focusAngles() const { return copyOut("Float64Array", model_.focusAngles()); }
    Float64Array contextAngles() const { return copyOut("Float64Array", model_.contextAngles()); }
    double loss() const { return model_.loss(); }
    Float64Array probabilities() const { return copyOut("Float64Array", model_.probabilities()); }

    // { focus, context }: ∂L/∂θ for every angle.
    JsObject gradient() const {
        std::vector<double> focus, context;
        model_.gradient(focus, context);
        JsObject out = val::object();
        out.set("focus", copyOut("Float64Array", focus));
        out.set("context", copyOut("Float64Array", context));
        out.set("length", model_.gradientLength());
        return out;
    }

    double descend(double eta, int count) { return model_.descend(eta, count); }
    Float64Array terms() const { return copyOut("Float64Array", model_.terms()); }
    Float64Array scores() const { return copyOut("Float64Array", model_.scores()); }

    // { focus, context }: the angles one step with η would give.
    JsObject stepped(double eta) const {
        std::vector<double> focus, context;
        model_.stepped(eta, focus, context);
        JsObject out = val::object();
        out.set("focus", copyOut("Float64Array", focus));
        out.set("context", copyOut("Float64Array", context));
        return out;
    }

private:
    UnitCircleModel model_{0, {}};
};

// { train, vectors, pair }: every status name the core can return, in order.
JsObject statusNames() {
    JsObject result = val::object();
    result.set("train", namesUpTo(kLastTrainStatus, trainStatusName));
    result.set("vectors", namesUpTo(kLastVectorStatus, vectorStatusName));
    result.set("pair", namesUpTo(kLastPairChoice, pairChoiceName));
    return result;
}

}  // namespace
}  // namespace vaerksted::word2vec

EMSCRIPTEN_BINDINGS(word2vec_core) {
    using namespace vaerksted::word2vec;
    emscripten::function("generateSentences", &practiceSentences);
    emscripten::function("statusNames", &statusNames);
    emscripten::class_<CircleToy>("CircleToy")
        .constructor<>()
        .function("setup", &CircleToy::setup)
        .function("setAngles", &CircleToy::setAngles)
        .function("focusAngles", &CircleToy::focusAngles)
        .function("contextAngles", &CircleToy::contextAngles)
        .function("loss", &CircleToy::loss)
        .function("probabilities", &CircleToy::probabilities)
        .function("gradient", &CircleToy::gradient)
        .function("descend", &CircleToy::descend)
        .function("terms", &CircleToy::terms)
        .function("scores", &CircleToy::scores)
        .function("stepped", &CircleToy::stepped);
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
        .function("begin", &Word2VecTrainer::begin)
        .function("count", &Word2VecTrainer::count)
        .function("startEncoding", &Word2VecTrainer::startEncoding)
        .function("encode", &Word2VecTrainer::encode)
        .function("finish", &Word2VecTrainer::finish)
        .function("train", &Word2VecTrainer::train)
        .function("advance", &Word2VecTrainer::advance)
        .function("matrices", &Word2VecTrainer::matrices)
        .function("probabilities", &Word2VecTrainer::probabilities)
        .function("choosePair", &Word2VecTrainer::choosePair)
        .function("pairWork", &Word2VecTrainer::pairWork)
        .function("pairStep", &Word2VecTrainer::pairStep)
        .function("progress", &Word2VecTrainer::progress)
        .function("focusVectors", &Word2VecTrainer::focusVectors);
}
