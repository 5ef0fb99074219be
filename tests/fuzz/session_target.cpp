// Fuzz target "session": a word2vec TrainingSession set up from any text with tiny settings (the
// input's first two bytes pick them: normalise, CBOW, softmax, dim 1–4, …), trained, its vectors
// written and read back, and the page's worked-out pair — what a student's own .txt file goes through.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_set>

#include "fuzz_check.hpp"
#include "word2vec/training_session.hpp"
#include "word2vec/vector_io.hpp"

using namespace vaerksted::word2vec;

namespace {

bool finite(const std::vector<double>& v) { return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); }); }
bool finite(const std::vector<float>& v) { return std::all_of(v.begin(), v.end(), [](float x) { return std::isfinite(x); }); }

bool plain(const std::string& w) {
    return std::none_of(w.begin(), w.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20; });
}

void checkVocabularyAndCorpus(const TrainingSession& s, std::int64_t minCount, bool limited) {
    const Vocabulary& v = s.vocabulary();
    FUZZ_CHECK(v.size() >= 1 && (!limited || v.size() <= 3), "vocabulary size " + std::to_string(v.size()));
    std::unordered_set<std::string> seen;
    for (int i = 0; i < v.size(); ++i) {
        const std::string& w = v.word(i);
        FUZZ_CHECK(!w.empty() && seen.insert(w).second && v.find(w) == i, "vocabulary word '" + w + "'");
        FUZZ_CHECK(w.find_first_of(" \t\n\r\f\v") == std::string::npos, "white space in '" + w + "'");
        FUZZ_CHECK(v.count(i) >= minCount && (i == 0 || v.count(i) <= v.count(i - 1)), "counts of '" + w + "'");
    }
    const Corpus& c = s.corpus();
    for (std::int32_t t : c.tokens) FUZZ_CHECK(t >= 0 && t < v.size(), "token " + std::to_string(t));
    for (std::size_t i = 0; i < c.sentenceStarts.size(); ++i) {
        const std::int64_t start = c.sentenceStarts[i];
        FUZZ_CHECK(start >= 0 && start < static_cast<std::int64_t>(c.tokens.size()), "sentence start");
        FUZZ_CHECK(i == 0 ? start == 0 : start > c.sentenceStarts[i - 1], "sentence starts in order");
    }
    FUZZ_CHECK(c.wordsRead == s.wordsRead() && static_cast<std::int64_t>(c.tokens.size()) <= c.wordsRead, "words read");
}

// The trained vectors: finite, and the .vec file the page offers reads back exactly.
void checkVectors(const TrainingSession& s) {
    const std::size_t n = static_cast<std::size_t>(s.vocabulary().size()) * static_cast<std::size_t>(s.dim());
    FUZZ_CHECK(s.focusMatrix().size() == n && s.contextMatrix().size() == n, "matrix sizes");
    FUZZ_CHECK(finite(s.focusMatrix()) && finite(s.contextMatrix()), "non-finite vectors");
    const std::vector<unsigned char> file = s.focusVectorsText();
    const auto& words = s.vocabulary().words();
    FUZZ_CHECK(file.empty() == !std::all_of(words.begin(), words.end(), plain), "focusVectorsText refused plain words");
    if (file.empty()) return;
    LoadedVectors back;
    const VectorProblem p = parseVectors(file.data(), file.size(), VectorFormat::Word2VecText, back);
    FUZZ_CHECK(p.ok(), std::string("the session's .vec does not read back: ") + vectorStatusName(p.status));
    FUZZ_CHECK(back.words == words && back.rows.size() == n &&
                   std::memcmp(back.rows.data(), s.focusMatrix().data(), n * sizeof(float)) == 0,
               "the session's .vec reads back differently");
}

void checkPair(TrainingSession& s) {
    const auto& words = s.vocabulary().words();
    const PairChoice choice = s.choosePair(words.front(), words.back());
    FUZZ_CHECK(choice == PairChoice::Asked, std::string("choosePair: ") + pairChoiceName(choice));
    PairWork work;
    for (int step = 0; step < 2; ++step) {
        FUZZ_CHECK(step == 0 ? s.pairWork(work) : s.pairStep(work), "no pair work");
        FUZZ_CHECK(finite(work.scores) && finite(work.predicted) && finite(work.slopes) && finite(work.v) &&
                       finite(work.gradient) && finite(work.vAfter) && finite(work.contextAfter) &&
                       std::isfinite(work.loss) && std::isfinite(work.lossAfter) && std::isfinite(work.probability),
                   "pair work not finite");
        for (double p : work.predicted) FUZZ_CHECK(p >= 0 && p <= 1, "probability " + std::to_string(p));
    }
}

void checkProbabilities(const TrainingSession& s) {
    const std::size_t v = static_cast<std::size_t>(s.vocabulary().size());
    if (v > 40) return;  // words² numbers: keep one execution fast
    const std::vector<double> table = s.probabilities();
    FUZZ_CHECK(table.size() == v * v, "probability table size");
    for (std::size_t r = 0; r < v; ++r) {
        double sum = 0;
        for (std::size_t o = 0; o < v; ++o) {
            const double p = table[r * v + o];
            FUZZ_CHECK(p >= 0 && p <= 1, "P(o | w) = " + std::to_string(p));
            sum += p;
        }
        FUZZ_CHECK(std::fabs(sum - 1) < 1e-9, "a row of P(o | w) sums to " + std::to_string(sum));
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const std::uint8_t flags = data[0], numbers = data[1];
    TrainSettings settings;
    settings.normalise = flags & 1;
    settings.architecture = flags & 2 ? "cbow" : "skipgram";
    settings.output = flags & 4 ? "softmax" : "negative";
    settings.decay = flags & 8 ? "none" : "linear";
    settings.minCount = flags & 16 ? 2 : 1;
    settings.sample = flags & 32 ? 1e-3 : 0;
    settings.maxVocabulary = flags & 64 ? 3 : 0;
    const bool stepwise = flags & 128;
    settings.dim = 1 + (numbers & 3);
    settings.window = 1 + ((numbers >> 2) & 3);
    settings.negatives = 1 + ((numbers >> 4) & 3);
    settings.epochs = 1 + ((numbers >> 6) & 1);
    settings.seed = 1 + (numbers >> 7);

    // The text in two pieces (a word or a UTF-8 character may be cut in two), the same both passes.
    const std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);
    const std::size_t cut = text.size() / 2;
    const TextPass pass = [&](const TextSink& feed) {
        feed(text.substr(0, cut));
        feed(text.substr(cut));
    };
    TrainingSession session;
    const TrainStatus status = session.setup(pass, settings);
    FUZZ_CHECK(session.textRead(), "text not read");
    const std::string name = trainStatusName(status);
    FUZZ_CHECK(status == TrainStatus::Ok || status == TrainStatus::EmptyCorpus ||
                   status == TrainStatus::SoftmaxVocabularyTooLarge, "setup: " + name);
    FUZZ_CHECK((status == TrainStatus::EmptyCorpus) == session.corpus().tokens.empty(), "setup: " + name);
    FUZZ_CHECK(session.ready() == (status == TrainStatus::Ok), "ready() disagrees with " + name);
    if (status != TrainStatus::Ok) return 0;

    checkVocabularyAndCorpus(session, static_cast<std::int64_t>(settings.minCount), settings.maxVocabulary > 0);
    checkVectors(session);
    if (stepwise) {
        int calls = 0;
        while (session.advance(7)) FUZZ_CHECK(++calls < 100000, "advance never ends");
    } else {
        session.train();
    }
    const SessionProgress progress = session.progress();
    FUZZ_CHECK(progress.wordsDone == progress.wordsTotal, "words done " + std::to_string(progress.wordsDone) +
                                                              " of " + std::to_string(progress.wordsTotal));
    FUZZ_CHECK(std::isfinite(progress.averageLoss) && progress.averageLoss >= 0, "average loss");
    checkVectors(session);
    checkPair(session);
    checkProbabilities(session);
    return 0;
}
