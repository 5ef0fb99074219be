// Embind bindings of the language core (text generation): an N-gram model built from a text, its
// next-word distributions through the app's one sampler, generation, the note's tables, held-out
// scores, "copied or new?", and the notes' small network step by step. Converts JS values to C++
// and back, nothing else: every check and every number is the core's. Arrays handed back are
// copies JS owns; JS must call .delete() on an NgramModel.
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <emscripten/bind.h>
#include <emscripten/val.h>

#include "js_values.hpp"

#include "common/rng.hpp"
#include "common/seed.hpp"
#include "language/forward_steps.hpp"
#include "language/ngram_counts.hpp"
#include "language/ngram_file.hpp"
#include "language/ngram_generator.hpp"
#include "language/ngram_index.hpp"
#include "language/ngram_scorer.hpp"
#include "language/neural_session.hpp"
#include "language/sampler.hpp"
#include "language/token_stream.hpp"
#include "word2vec/sentence_generator.hpp"
#include "word2vec/vector_io.hpp"

using namespace vaerksted::bindings;

namespace vaerksted::language {
namespace {

using bindings::copyOut;  // beside the one for Eigen vectors below, not hidden by it

val copyOut(const Eigen::VectorXd& v) {
    return val::global("Float64Array").new_(emscripten::typed_memory_view(static_cast<std::size_t>(v.size()), v.data()));
}

// { temperature, greedy, topK, topP } → SampleSettings; a missing field keeps the default, a field
// of the wrong type becomes a value the sampler refuses.
SampleSettings sampleIn(const JsObject& s) {
    SampleSettings out;
    const auto given = [&](const char* key) { return !(s[key].isUndefined() || s[key].isNull()); };
    if (given("temperature")) out.temperature = s["temperature"].isNumber() ? s["temperature"].as<double>() : NAN;
    if (given("topP")) out.topP = s["topP"].isNumber() ? s["topP"].as<double>() : NAN;
    if (given("topK")) {
        const double k = s["topK"].isNumber() ? s["topK"].as<double>() : -1.0;
        out.topK = k >= 0.0 && k <= 1e9 && std::floor(k) == k ? static_cast<int>(k) : -1;
    }
    out.greedy = s["greedy"].isTrue();
    return out;
}

// ── What both N-gram models answer (a text's NgramIndex, a file's pruned NgramCounts) ─────────

// { ids, unknown }: a prompt in a model's words.
JsObject encodeOut(const std::string& text, const TokenStream& words, bool sentenceEnds) {
    const EncodedPrompt p = encodePrompt(text, words, TokenSettings{sentenceEnds});
    JsObject out = val::object();
    out.set("ids", copyOut("Int32Array", p.ids));
    val unknown = val::array();
    for (const std::string& w : p.unknown) unknown.call<void>("push", w);
    out.set("unknown", unknown);
    return out;
}

JsObject nextOut(const NgramSource& model, const NumberArray& context, int order, bool backoff, const JsObject& sample) {
    const std::vector<std::int32_t> ids = numbersIn<std::int32_t>(context);
    const NextDistribution d = nextDistribution(model, ids.data(), static_cast<int>(ids.size()), order, backoff, sampleIn(sample));
    std::vector<double> counts(d.counts.begin(), d.counts.end());
    JsObject out = val::object();
    out.set("status", std::string(sampleStatusName(d.status)));
    out.set("contextLength", d.contextLength);
    out.set("contextCount", static_cast<double>(d.contextCount));
    out.set("prunedCount", static_cast<double>(d.prunedCount));
    out.set("words", copyOut("Int32Array", d.words));
    out.set("counts", copyOut("Float64Array", counts));
    out.set("p", copyOut("Float64Array", d.p));
    out.set("z", copyOut("Float64Array", d.z));
    out.set("entropyP", d.entropyP);
    out.set("entropyZ", d.entropyZ);
    return out;
}

JsObject generateOut(const NgramSource& model, const NumberArray& prompt, int order, int count, bool backoff,
                     const JsObject& sample, double seed) {
    JsObject out = val::object();
    std::uint64_t s = 0;
    if (!seedFromNumber(seed, s) || !(count >= 0 && count <= 100000)) {
        out.set("end", std::string("bad_settings"));
        out.set("status", std::string(seedFromNumber(seed, s) ? "bad_count" : "bad_seed"));
        return out;
    }
    Rng rng(s);
    const Generated g = language::generate(model, numbersIn<std::int32_t>(prompt), order, count, backoff, sampleIn(sample), rng);
    out.set("words", copyOut("Int32Array", g.words));
    out.set("probabilities", copyOut("Float64Array", g.probabilities));
    out.set("contextLengths", copyOut("Int32Array", g.contextLengths));
    out.set("end", std::string(g.end == GenerationEnd::Done ? "done" : g.end == GenerationEnd::UnseenContext ? "unseen_context" : "bad_settings"));
    out.set("status", std::string(sampleStatusName(g.status)));
    return out;
}

// { different, grams (limit × n ids, row by row), counts } of a table most frequent first.
JsObject tableOut(const std::vector<Ngram>& all, double different, int limit) {
    std::vector<std::int32_t> grams;
    std::vector<double> counts;
    for (std::size_t i = 0; i < all.size() && static_cast<int>(i) < limit; ++i) {
        grams.insert(grams.end(), all[i].words.begin(), all[i].words.end());
        counts.push_back(static_cast<double>(all[i].count));
    }
    JsObject out = val::object();
    out.set("different", different);
    out.set("grams", copyOut("Int32Array", grams));
    out.set("counts", copyOut("Float64Array", counts));
    return out;
}

val matchLengthsOut(const NgramSource& model, const NumberArray& ids) {
    const std::vector<std::int32_t> seq = numbersIn<std::int32_t>(ids);
    return copyOut("Int32Array", model.matchLengths(seq.data(), static_cast<int>(seq.size())));
}

std::string wordLines(const std::vector<std::string>& words) {
    std::string out;
    for (const std::string& w : words) (out += w) += '\n';
    return out;
}


class NgramModel {
public:
    // A whole text (the built-in texts, a typed one). { words, tokens }
    JsObject build(const std::string& text, bool sentenceEnds) {
        begin(sentenceEnds);
        builder_->feed(text);
        return finish();
    }

    // A file, a piece at a time: begin, feed …, finish.
    void begin(bool sentenceEnds) { builder_ = std::make_unique<TokenStreamBuilder>(TokenSettings{sentenceEnds}); }
    void feed(const Uint8Array& piece) {
        if (builder_) builder_->feed(bytesIn(piece));
    }
    JsObject finish() {
        if (builder_) {
            stream_ = builder_->finish();
            builder_.reset();
            index_ = NgramIndex(stream_.tokens, stream_.vocabularySize());
            scorer_ = std::make_unique<NgramScorer>(index_);
        }
        JsObject out = val::object();
        out.set("words", stream_.vocabularySize());
        out.set("tokens", static_cast<double>(index_.size()));
        return out;
    }

    // Every word, in id order, each followed by "\n".
    std::string words() const { return wordLines(stream_.words); }

    // { ids, unknown }: a prompt in the model's words.
    JsObject encode(const std::string& text, bool sentenceEnds) const { return encodeOut(text, stream_, sentenceEnds); }

    // The next word after the context (ids), for the model of this order.
    JsObject next(const NumberArray& context, int order, bool backoff, const JsObject& sample) const {
        return nextOut(index_, context, order, backoff, sample);
    }

    // count words after the prompt, drawn with the seed: { ok, words, probabilities, contextLengths, end, status }
    JsObject generate(const NumberArray& prompt, int order, int count, bool backoff, const JsObject& sample, double seed) const {
        return generateOut(index_, prompt, order, count, backoff, sample, seed);
    }

    // The note's table of n-grams: { different, grams (limit × n ids, row by row), counts }.
    JsObject table(int n, int limit) const {
        const std::vector<Ngram> all = index_.table(n);
        return tableOut(all, static_cast<double>(all.size()), limit);
    }

    // A held-out text scored by the smoothed model of this order: { lossPerWord, perplexity, words, unknownWords }.
    JsObject score(const std::string& heldOut, int order, bool sentenceEnds) const {
        JsObject out = val::object();
        if (!scorer_) return out;
        const HeldOutScore s = scorer_->score(encodeText(heldOut, stream_, TokenSettings{sentenceEnds}), order);
        out.set("lossPerWord", s.lossPerWord);
        out.set("perplexity", s.perplexity);
        out.set("words", static_cast<double>(s.words));
        out.set("unknownWords", static_cast<double>(s.unknownWords));
        return out;
    }

    // Models of order 1 … 5 counted in the first trainShare of the text, scored on the rest:
    // { trainWords, heldOutWords, lossPerWord: Float64Array(5), perplexity, unknownWords } (empty when too short).
    JsObject ladder(double trainShare, int maxHeldOut) const {
        const Ladder l = heldOutLadder(stream_.tokens, stream_.vocabularySize(), trainShare,
                                       static_cast<std::size_t>(std::max(maxHeldOut, 0)));
        std::vector<double> loss, perplexity;
        for (const HeldOutScore& s : l.orders) loss.push_back(s.lossPerWord), perplexity.push_back(s.perplexity);
        JsObject out = val::object();
        out.set("trainWords", static_cast<double>(l.trainWords));
        out.set("heldOutWords", static_cast<double>(l.orders.empty() ? 0 : l.orders[0].words));
        out.set("unknownWords", static_cast<double>(l.orders.empty() ? 0 : l.orders[0].unknownWords));
        out.set("lossPerWord", copyOut("Float64Array", loss));
        out.set("perplexity", copyOut("Float64Array", perplexity));
        return out;
    }

    // For each word of a text (ids): how many words from it on occur in the training text word for word.
    val matchLengths(const NumberArray& ids) const { return matchLengthsOut(index_, ids); }

    const TokenStream& stream() const { return stream_; }

private:
    std::unique_ptr<TokenStreamBuilder> builder_;
    TokenStream stream_;
    NgramIndex index_;
    std::unique_ptr<NgramScorer> scorer_;
};


// A finished, pruned model read from a file (the default Danish models, data/ngram-da.aing): the
// same questions as NgramModel, and the ladder measured when the file was written.
class NgramCountsModel {
public:
    // The file's bytes: { status, offset, words, tokens, description, sentenceEnds }; on a problem the
    // model before stays.
    JsObject load(const Uint8Array& bytes) {
        const std::string data = bytesIn(bytes);
        NgramCounts next;
        const NgramFileProblem p = readNgramFile(reinterpret_cast<const unsigned char*>(data.data()), data.size(), next);
        JsObject out = val::object();
        out.set("status", std::string(ngramFileStatusName(p.status)));
        out.set("offset", static_cast<double>(p.offset));
        if (p.status != NgramFileStatus::Ok) return out;
        model_ = std::move(next);
        out.set("words", model_.vocabularySize());
        out.set("tokens", static_cast<double>(model_.size()));
        out.set("description", model_.tables().description);
        out.set("sentenceEnds", model_.tables().sentenceEnds);
        return out;
    }

    std::string words() const { return wordLines(model_.tables().words); }
    // The file's own sentence-end setting, whatever the page's is.
    JsObject encode(const std::string& text, bool) const { return encodeOut(text, model_.vocabulary(), model_.tables().sentenceEnds); }
    JsObject next(const NumberArray& context, int order, bool backoff, const JsObject& sample) const {
        return nextOut(model_, context, order, backoff, sample);
    }
    JsObject generate(const NumberArray& prompt, int order, int count, bool backoff, const JsObject& sample, double seed) const {
        return generateOut(model_, prompt, order, count, backoff, sample, seed);
    }
    JsObject table(int n, int limit) const {
        return tableOut(model_.table(n, static_cast<std::size_t>(std::max(limit, 0))), static_cast<double>(model_.keptNgrams(n)), limit);
    }
    val matchLengths(const NumberArray& ids) const { return matchLengthsOut(model_, ids); }

    // The ladder measured on held-out text when the file was written (arguments as NgramModel's, unused).
    JsObject ladder(double, int) const {
        const NgramHeldOut& h = model_.tables().heldOut;
        std::vector<double> loss(h.lossPerWord.begin(), h.lossPerWord.end()), perplexity;
        for (const double l : loss) perplexity.push_back(std::exp(l));
        if (h.words == 0) loss.clear(), perplexity.clear();
        JsObject out = val::object();
        out.set("trainWords", static_cast<double>(model_.size()));
        out.set("heldOutWords", static_cast<double>(h.words));
        out.set("unknownWords", static_cast<double>(h.unknownWords));
        out.set("lossPerWord", copyOut("Float64Array", loss));
        out.set("perplexity", copyOut("Float64Array", perplexity));
        return out;
    }

private:
    NgramCounts model_;
};

// The notes' neural language model trained on an NgramModel's text (the same words and ids).
// { …settings } in, { status, … } out; every check is the core's (NeuralSettings::check, the session).
class NeuralLm {
public:
    // A word2vec file's bytes (the app's compact .aivec): its vectors go in for the words it has.
    std::string useVectors(const Uint8Array& bytes) {
        const std::string data = bytesIn(bytes);
        word2vec::LoadedVectors loaded;
        const word2vec::VectorProblem p = word2vec::parseVectors(reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                                                                 word2vec::VectorFormat::Auto, loaded);
        if (p.ok()) vectors_ = std::move(loaded);
        return word2vec::vectorStatusName(p.status);
    }
    bool hasVectors() const { return !vectors_.words.empty(); }

    JsObject setup(const NgramModel& text, const JsObject& s) {
        NeuralSettings settings;
        NeuralTextSettings textSettings;
        const auto number = [&](const char* key, double fallback) { return s[key].isNumber() ? s[key].as<double>() : fallback; };
        const auto whole = [&](const char* key, int fallback) {
            const double x = number(key, fallback);
            return std::floor(x) == x && x >= -1e9 && x <= 1e9 ? static_cast<int>(x) : -1;
        };
        settings.contextWords = whole("contextWords", settings.contextWords);
        settings.hidden = whole("hidden", settings.hidden);
        settings.batchSize = whole("batchSize", settings.batchSize);
        settings.learningRate = number("learningRate", settings.learningRate);
        settings.trainEmbeddings = s["trainVectors"].isTrue();
        JsObject out = val::object();
        const std::string activation = s["activation"].isString() ? s["activation"].as<std::string>() : "sigmoid";
        const std::string optimiser = s["optimiser"].isString() ? s["optimiser"].as<std::string>() : "adam";
        NeuralStatus status = NeuralStatus::Ok;
        if (!neuron::parseActivation(activation, settings.activation)) status = NeuralStatus::UnknownActivation;
        else if (!parseOptimiser(optimiser, settings.optimiser)) status = NeuralStatus::UnknownOptimiser;
        textSettings.maxWords = std::max(0, whole("maxWords", textSettings.maxWords));
        textSettings.trainShare = number("trainShare", textSettings.trainShare);
        textSettings.maxHeldOut = static_cast<std::size_t>(std::max(0, whole("maxHeldOut", 5000)));
        textSettings.randomDim = std::max(1, std::min(1000, whole("randomDim", textSettings.randomDim)));
        std::uint64_t seed = 0;
        if (!seedFromNumber(number("seed", 1), seed)) seed = 1;
        const bool given = s["useVectors"].isTrue() && hasVectors();
        const GivenVectors vectors = given ? GivenVectors{&vectors_.words, vectors_.rows.data(), vectors_.dim} : GivenVectors{};
        if (status == NeuralStatus::Ok)
            status = session_.setup(text.stream().tokens, text.stream().words, textSettings, settings, vectors, seed);
        out.set("status", std::string(neuralStatusName(status)));
        if (status != NeuralStatus::Ok) return out;
        const NeuralSetupInfo& i = session_.info();
        out.set("vocabularySize", i.vocabularySize);
        out.set("unknownMembers", static_cast<double>(i.unknownMembers));
        out.set("trainRows", i.trainRows);
        out.set("heldOutRows", i.heldOutRows);
        out.set("heldOutUnknown", i.heldOutUnknown);
        out.set("dim", i.dim);
        out.set("vectorsFound", i.vectorsFound);
        out.set("weights", static_cast<double>(i.weights));
        return out;
    }

    std::string setLearningRate(double eta) { return neuralStatusName(session_.setLearningRate(eta)); }

    // `steps` mini-batches: { status, losses (each batch's mean loss), steps, epochs }
    JsObject train(int steps) {
        losses_.clear();
        const NeuralStatus status = session_.train(steps, losses_);
        JsObject out = val::object();
        out.set("status", std::string(neuralStatusName(status)));
        out.set("losses", copyOut("Float64Array", losses_));
        out.set("steps", static_cast<double>(session_.steps()));
        out.set("epochs", session_.epochs());
        return out;
    }

    // held: the held-out part (fair «ukendt» loss); else every training row. { status, lossPerWord, perplexity }
    JsObject evaluate(bool held) const {
        NeuralEvaluation e;
        const NeuralStatus status = held ? session_.heldOut(e) : session_.trainingLoss(e);
        JsObject out = val::object();
        out.set("status", std::string(neuralStatusName(status)));
        out.set("loss", e.loss);
        out.set("lossPerWord", e.lossPerWord);
        out.set("perplexity", e.perplexity);
        return out;
    }

    // The next word after a beginning (the text's ids): the `top` most probable and the rest.
    JsObject next(const NumberArray& prompt, const JsObject& sample, int top) const {
        NeuralNext n;
        const NeuralStatus status = session_.next(numbersIn<std::int32_t>(prompt), sampleIn(sample), top, n);
        JsObject out = val::object();
        out.set("status", std::string(neuralStatusName(status)));
        out.set("sampleStatus", std::string(sampleStatusName(n.sampleStatus)));
        out.set("context", copyOut("Int32Array", n.context));
        out.set("padded", n.padded);
        out.set("words", copyOut("Int32Array", n.words));
        out.set("p", copyOut("Float64Array", n.p));
        out.set("z", copyOut("Float64Array", n.z));
        out.set("restP", n.restP);
        out.set("restZ", n.restZ);
        out.set("entropyP", n.entropyP);
        out.set("entropyZ", n.entropyZ);
        return out;
    }

    // The network's values for a beginning: { status, context, x, a, h }
    JsObject network(const NumberArray& prompt) const {
        NeuralForward f;
        std::vector<std::int32_t> context;
        const NeuralStatus status = session_.forward(numbersIn<std::int32_t>(prompt), f, context);
        JsObject out = val::object();
        out.set("status", std::string(neuralStatusName(status)));
        if (status != NeuralStatus::Ok) return out;
        out.set("context", copyOut("Int32Array", context));
        out.set("x", copyOut(f.x));
        out.set("a", copyOut(f.a));
        out.set("h", copyOut(f.h));
        return out;
    }

    // count words after the beginning, drawn with the seed: { status, sampleStatus, words, probabilities }
    JsObject generate(const NumberArray& prompt, int count, const JsObject& sample, double seed) const {
        JsObject out = val::object();
        std::uint64_t s = 0;
        if (!seedFromNumber(seed, s)) {
            out.set("status", std::string("bad_seed"));
            return out;
        }
        Rng rng(s);
        NeuralGenerated g;
        const NeuralStatus status = session_.generate(numbersIn<std::int32_t>(prompt), count, sampleIn(sample), rng, g);
        out.set("status", std::string(neuralStatusName(status)));
        out.set("sampleStatus", std::string(sampleStatusName(g.sampleStatus)));
        out.set("words", copyOut("Int32Array", g.words));
        out.set("probabilities", copyOut("Float64Array", g.probabilities));
        return out;
    }

private:
    word2vec::LoadedVectors vectors_;
    NeuralSession session_;
    std::vector<double> losses_;
};

// The notes' small network with typed numbers: x (n), W (d rows of 1 + n), U (V rows of 1 + d),
// row by row. { status, a, h, y, z }
JsObject networkForward(const NumberArray& x, const NumberArray& w, const NumberArray& u, int hidden, const std::string& activation) {
    JsObject out = val::object();
    neuron::Activation f;
    const std::vector<double> xs = numbersIn<double>(x), ws = numbersIn<double>(w), us = numbersIn<double>(u);
    const auto n = static_cast<Eigen::Index>(xs.size());
    const Eigen::Index d = hidden;
    const Eigen::Index rows = d > 0 && us.size() % static_cast<std::size_t>(d + 1) == 0 ? static_cast<Eigen::Index>(us.size()) / (d + 1) : 0;
    if (!neuron::parseActivation(activation, f)) {
        out.set("status", std::string(neuralStatusName(NeuralStatus::UnknownActivation)));
        return out;
    }
    if (d <= 0 || static_cast<Eigen::Index>(ws.size()) != d * (1 + n) || rows == 0) {
        out.set("status", std::string(neuralStatusName(NeuralStatus::InvalidWeights)));
        return out;
    }
    const Eigen::VectorXd xv = Eigen::Map<const Eigen::VectorXd>(xs.data(), n);
    const Eigen::MatrixXd W = Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(ws.data(), d, 1 + n);
    const Eigen::MatrixXd U = Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(us.data(), rows, 1 + d);
    const ForwardSteps s = forwardSteps(xv, W, U, f);
    out.set("status", std::string(neuralStatusName(s.status)));
    if (s.status != NeuralStatus::Ok) return out;
    out.set("a", copyOut(s.a));
    out.set("h", copyOut(s.h));
    out.set("y", copyOut(s.y));
    out.set("z", copyOut(s.z));
    return out;
}

// The notes' count of weights d·(1 + c·m + V) + V, for sizes a student types (each 1 … 10^6, else −1).
double weightCountOf(double c, double m, double V, double d) {
    const auto fits = [](double x) { return x >= 1 && x <= 1e6 && std::floor(x) == x; };
    if (!fits(c) || !fits(m) || !fits(V) || !fits(d)) return -1;
    return static_cast<double>(weightCount(static_cast<int>(c), static_cast<int>(m), static_cast<int>(V), static_cast<int>(d)));
}


JsObject statusNames() {
    JsObject result = val::object();
    result.set("sample", namesUpTo(kLastSampleStatus, sampleStatusName));
    result.set("neural", namesUpTo(kLastNeuralStatus, neuralStatusName));
    return result;
}

}  // namespace
}  // namespace vaerksted::language

EMSCRIPTEN_BINDINGS(language_core) {
    using namespace vaerksted::language;
    emscripten::function("generateSentences", &vaerksted::word2vec::practiceSentences);
    emscripten::function("networkForward", &networkForward);
    emscripten::function("weightCount", &weightCountOf);
    emscripten::function("statusNames", &statusNames);
    emscripten::class_<NgramModel>("NgramModel")
        .constructor<>()
        .function("build", &NgramModel::build)
        .function("begin", &NgramModel::begin)
        .function("feed", &NgramModel::feed)
        .function("finish", &NgramModel::finish)
        .function("words", &NgramModel::words)
        .function("encode", &NgramModel::encode)
        .function("next", &NgramModel::next)
        .function("generate", &NgramModel::generate)
        .function("table", &NgramModel::table)
        .function("score", &NgramModel::score)
        .function("ladder", &NgramModel::ladder)
        .function("matchLengths", &NgramModel::matchLengths);
    emscripten::class_<NgramCountsModel>("NgramCountsModel")
        .constructor<>()
        .function("load", &NgramCountsModel::load)
        .function("words", &NgramCountsModel::words)
        .function("encode", &NgramCountsModel::encode)
        .function("next", &NgramCountsModel::next)
        .function("generate", &NgramCountsModel::generate)
        .function("table", &NgramCountsModel::table)
        .function("matchLengths", &NgramCountsModel::matchLengths)
        .function("ladder", &NgramCountsModel::ladder);
    emscripten::class_<NeuralLm>("NeuralLm")
        .constructor<>()
        .function("useVectors", &NeuralLm::useVectors)
        .function("hasVectors", &NeuralLm::hasVectors)
        .function("setup", &NeuralLm::setup)
        .function("setLearningRate", &NeuralLm::setLearningRate)
        .function("train", &NeuralLm::train)
        .function("evaluate", &NeuralLm::evaluate)
        .function("next", &NeuralLm::next)
        .function("network", &NeuralLm::network)
        .function("generate", &NeuralLm::generate);
}
