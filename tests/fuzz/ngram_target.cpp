// Fuzz target "ngram": readNgramFile on any bytes (the default N-gram model files, .aing); a
// problem has a documented status and a place inside the input and leaves the model untouched;
// what reads is written back and reads the same, and answers the page's questions with counts
// that add up, probabilities that sum to 1 and walks that never stop short with back-off.
// Seeds (tests/fuzz/corpus/ngram): lm ngram-export of the note's sentences, e.g.
//   lm ngram-export --input note.txt --held-out heldout.txt --min-count 2 --set-bits 4 --output note.aing
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "common/rng.hpp"
#include "fuzz_check.hpp"
#include "language/ngram_file.hpp"
#include "language/ngram_generator.hpp"
#include "language/ngram_scorer.hpp"

using namespace vaerksted;
using namespace vaerksted::language;

namespace {

// A model readNgramFile must leave alone on a problem.
NgramCounts sentinel() {
    NgramTables t;
    t.words = {"sentinel"};
    t.levels[0].words = {0};
    t.levels[0].counts = {1};
    t.corpusWords = 1;
    t.minCount = {1, 1, 1, 1, 1};
    for (int n = 0; n + 1 < kNgramOrders; ++n) t.levels[static_cast<std::size_t>(n)].firstChild.assign(n == 0 ? 2 : 1, 0);
    return NgramCounts(std::move(t));
}

bool sameTables(const NgramTables& a, const NgramTables& b) {
    for (int n = 0; n < kNgramOrders; ++n) {
        const NgramLevel &x = a.levels[static_cast<std::size_t>(n)], &y = b.levels[static_cast<std::size_t>(n)];
        if (x.words != y.words || x.counts != y.counts || x.firstChild != y.firstChild) return false;
    }
    return a.words == b.words && a.minCount == b.minCount && a.corpusWords == b.corpusWords &&
           a.sentenceEnds == b.sentenceEnds && a.description == b.description && a.sixGrams.codes() == b.sixGrams.codes() &&
           a.sixGrams.range() == b.sixGrams.range() && a.heldOut.lossPerWord == b.heldOut.lossPerWord;
}

// The questions the page asks, on at most the first 64 words.
void ask(const NgramCounts& model) {
    const int v = std::min(model.vocabularySize(), 64);
    std::vector<std::int32_t> seq;
    for (std::int32_t w = 0; w < v; ++w) {
        seq.push_back(w);
        const NextCounts n = model.next(&w, 1);
        FUZZ_CHECK(n.prunedCount >= 0 && n.contextCount + n.prunedCount == model.count(&w, 1), "counts add up");
        for (std::size_t k = 1; k < n.next.size(); ++k) FUZZ_CHECK(n.next[k - 1].count >= n.next[k].count, "most frequent first");
        std::int64_t sum = 0;
        for (const NextWord& f : n.next) sum += f.count;
        FUZZ_CHECK(sum == n.contextCount, "contextCount is the followers' sum");
    }
    const NextDistribution d = nextDistribution(model, seq.data(), 1, 2, true, SampleSettings{});
    double total = 0;
    for (const double p : d.p) total += p;
    FUZZ_CHECK(d.p.empty() || std::fabs(total - 1.0) < 1e-9, std::to_string(total));
    const NgramScorer scorer(model);
    if (model.vocabularySize() <= 300) {
        double sum = scorer.probability(seq.data(), std::min(v, 2), -1);
        for (std::int32_t w = 0; w < model.vocabularySize(); ++w) sum += scorer.probability(seq.data(), std::min(v, 2), w);
        FUZZ_CHECK(std::fabs(sum - 1.0) < 1e-9, "P sums to 1: " + std::to_string(sum));
    }
    FUZZ_CHECK(std::isfinite(scorer.score(seq, 5).lossPerWord), "finite held-out loss");
    Rng rng(1);
    const Generated g = generate(model, std::vector<std::int32_t>(seq.begin(), seq.begin() + std::min(v, 3)), 5, 20, true,
                                 SampleSettings{}, rng);
    FUZZ_CHECK(g.end == GenerationEnd::Done && g.words.size() == 20, "back-off always finds a word");
    const std::vector<int> lengths = model.matchLengths(seq.data(), static_cast<int>(seq.size()));
    for (const int n : lengths) FUZZ_CHECK(n >= 0 && n <= NgramSource::kMaxMatch, std::to_string(n));
    for (int n = 1; n <= kNgramOrders; ++n) FUZZ_CHECK(model.table(n, 5).size() <= 5, "table limit");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    NgramCounts model = sentinel();
    const NgramFileProblem p = readNgramFile(data, size, model);
    if (!p.ok()) {
        const std::string what = std::string(ngramFileStatusName(p.status)) + " at " + std::to_string(p.offset);
        FUZZ_CHECK(p.status > NgramFileStatus::Ok && p.status <= kLastNgramFileStatus, what);
        FUZZ_CHECK(std::string(ngramFileStatusName(p.status)) != "unknown", what);
        FUZZ_CHECK(p.offset >= 0 && p.offset <= static_cast<long long>(size), what);
        FUZZ_CHECK(size != 0 || p.status == NgramFileStatus::Empty, what);
        FUZZ_CHECK(model.vocabulary().words == std::vector<std::string>{"sentinel"}, "a problem leaves the model untouched");
        return 0;
    }
    const std::vector<unsigned char> again = writeNgramFile(model.tables());
    FUZZ_CHECK(!again.empty(), "what reads can be written");
    NgramCounts back;
    FUZZ_CHECK(readNgramFile(again.data(), again.size(), back).ok(), "what is written reads");
    FUZZ_CHECK(sameTables(model.tables(), back.tables()), "and reads the same");
    ask(model);
    return 0;
}
