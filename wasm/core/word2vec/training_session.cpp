#include "word2vec/training_session.hpp"

#include <algorithm>

#include "word2vec/softmax_table.hpp"
#include "word2vec/text_normaliser.hpp"
#include "word2vec/vector_io.hpp"

namespace vaerksted::word2vec {

namespace {
constexpr std::uint64_t kPairStream = 0x5041495253ULL;  // "PAIRS": the pair's negatives get their own stream of the seed
const std::vector<float> kNoRows;
}  // namespace

const char* pairChoiceName(PairChoice choice) {
    switch (choice) {
        case PairChoice::Asked: return "ok";
        case PairChoice::FirstPair: return "first_pair";
        case PairChoice::NoPair: return "no_pair";
    }
    return "no_pair";
}

struct TrainingSession::Reading {
    bool normalise = false;
    std::int64_t minCount = 0;
    std::size_t maxWords = 0;
    TextNormaliser normaliser;  // a fresh one for each pass
    std::string clean;
    CorpusCounter counter;
    std::unique_ptr<CorpusEncoder> encoder;  // made when counting is over: it needs the vocabulary
};

TrainingSession::TrainingSession() = default;
TrainingSession::~TrainingSession() = default;

TrainStatus TrainingSession::setup(const TextPass& text, const TrainSettings& settings) {
    const TrainStatus named = begin(settings);
    if (named != TrainStatus::Ok) return named;
    text([&](std::string_view piece) { count(piece); });
    startEncoding();
    text([&](std::string_view piece) { encode(piece); });
    return finish();
}

TrainStatus TrainingSession::begin(const TrainSettings& settings) {
    trainer_.reset();  // first: it points into the vocabulary and corpus replaced below
    reading_.reset();
    vocabulary_ = Vocabulary();
    corpus_ = Corpus();
    textRead_ = false;
    wordsRead_ = 0;
    distinctWords_ = 0;
    pair_ = {-1, -1};
    negatives_.clear();
    TrainConfig config;
    const TrainStatus named = toTrainConfig(settings, config);
    if (named != TrainStatus::Ok) return named;
    config_ = config;
    reading_ = std::make_unique<Reading>();
    reading_->normalise = settings.normalise;
    reading_->minCount = wholeCount(settings.minCount);
    reading_->maxWords = static_cast<std::size_t>(std::max<std::int64_t>(0, wholeCount(settings.maxVocabulary)));
    return TrainStatus::Ok;
}

void TrainingSession::pass(std::string_view piece, const TextSink& sink) {
    if (!reading_->normalise) return sink(piece);
    reading_->clean.clear();
    reading_->normaliser.feed(piece, reading_->clean);
    sink(reading_->clean);
}

void TrainingSession::endPass(const TextSink& sink) {
    if (!reading_->normalise) return;
    reading_->clean.clear();
    reading_->normaliser.finish(reading_->clean);
    sink(reading_->clean);
    reading_->normaliser = TextNormaliser();
}

void TrainingSession::count(std::string_view piece) {
    if (!reading_ || reading_->encoder) return;
    pass(piece, [&](std::string_view clean) { reading_->counter.feed(clean); });
}

void TrainingSession::startEncoding() {
    if (!reading_ || reading_->encoder) return;
    endPass([&](std::string_view clean) { reading_->counter.feed(clean); });
    CorpusCounter& counter = reading_->counter;
    counter.finish();
    textRead_ = true;
    wordsRead_ = counter.words();
    distinctWords_ = counter.counts().size();
    vocabulary_ = Vocabulary::fromCounts(counter.counts(), reading_->minCount, reading_->maxWords);
    const std::int64_t lines = counter.lines();
    reading_->counter = CorpusCounter();  // the counts are in the vocabulary now; free the map
    reading_->encoder = std::make_unique<CorpusEncoder>(vocabulary_);
    reading_->encoder->reserve(wordsRead_, lines);
}

void TrainingSession::encode(std::string_view piece) {
    if (!reading_ || !reading_->encoder) return;
    pass(piece, [&](std::string_view clean) { reading_->encoder->feed(clean); });
}

TrainStatus TrainingSession::finish() {
    if (!reading_ || !reading_->encoder) return TrainStatus::EmptyCorpus;
    endPass([&](std::string_view clean) { reading_->encoder->feed(clean); });
    corpus_ = reading_->encoder->finish();
    reading_.reset();
    trainer_ = std::make_unique<Trainer>(vocabulary_, corpus_, config_);
    pairRng_ = Rng(config_.seed ^ kPairStream);
    return trainer_->check();
}

void TrainingSession::train() {
    if (ready()) trainer_->run(0, 1);
}

void TrainingSession::run(int index, int count, const std::function<void(const Progress&)>& onProgress) {
    if (ready()) trainer_->run(index, count, onProgress);
}

bool TrainingSession::advance(double words) {
    return trainer_ && trainer_->advance(wholeCount(std::max(1.0, words)));
}

SessionProgress TrainingSession::progress() const {
    SessionProgress p;
    if (trainer_) static_cast<Progress&>(p) = trainer_->progress();
    p.vocabulary = vocabulary_.size();
    p.tokens = static_cast<std::int64_t>(corpus_.tokens.size());
    return p;
}

const std::vector<float>& TrainingSession::focusMatrix() const {
    return trainer_ ? trainer_->embeddings().focusMatrix() : kNoRows;
}

const std::vector<float>& TrainingSession::contextMatrix() const {
    return trainer_ ? trainer_->embeddings().contextMatrix() : kNoRows;
}

std::vector<double> TrainingSession::probabilities() const {
    return ready() ? contextProbabilities(trainer_->embeddings()) : std::vector<double>{};
}

std::vector<unsigned char> TrainingSession::focusVectorsText() const {
    if (!trainer_) return {};
    return writeWord2VecText(vocabulary_.words(), config_.dim, trainer_->embeddings().focusMatrix());
}

bool TrainingSession::focusSpace(VectorSpace& space) const {
    if (!ready()) return false;
    space = VectorSpace(vocabulary_.words(), config_.dim, trainer_->embeddings().focusMatrix());
    return true;
}

PairChoice TrainingSession::choosePair(const std::string& focus, const std::string& context) {
    if (!ready()) return PairChoice::NoPair;
    int w = vocabulary_.find(focus), c = vocabulary_.find(context);
    PairChoice choice = PairChoice::Asked;
    if (w < 0 || c < 0) {
        choice = PairChoice::FirstPair;
        if (!firstPair(corpus_, w, c)) {
            pair_ = {-1, -1};
            return PairChoice::NoPair;
        }
    }
    pair_ = {w, c};
    drawPairNegatives();
    return choice;
}

bool TrainingSession::pairWork(PairWork& work) const {
    if (!ready() || pair_.first < 0) return false;
    work = workTrainingPair(*trainer_, pair_.first, pair_.second, negatives_);
    return true;
}

bool TrainingSession::pairStep(PairWork& work) {
    if (!pairWork(work)) return false;
    takePairStep(trainer_->embeddings(), work);
    drawPairNegatives();
    return pairWork(work);
}

// Skip-gram's target is the context word, CBOW's the focus word: the negatives stand in for it.
void TrainingSession::drawPairNegatives() {
    const bool skipGram = config_.architecture == Architecture::SkipGram;
    negatives_ = drawNegatives(*trainer_, skipGram ? pair_.second : pair_.first, pairRng_);
}

}  // namespace vaerksted::word2vec
