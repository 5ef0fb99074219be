// w2v generate: the seeded Danish practice corpus (wasm/core/word2vec/sentence_generator.hpp) on stdout.
#include <cstdio>

#include "commands.hpp"
#include "word2vec/sentence_generator.hpp"

namespace w2v {

int generateCommand(const Options& o) {
    const long long count = o.integer("sentences", 5000);
    if (count < 1 || count > 10'000'000) {
        std::fprintf(stderr, "w2v generate: --sentences must be 1 … 10 000 000\n");
        return 2;
    }
    vaerksted::word2vec::SentenceGenerator generator(static_cast<std::uint64_t>(o.integer("seed", 1)));
    for (long long i = 0; i < count; ++i) std::printf("%s\n", generator.sentence().c_str());
    return 0;
}

}  // namespace w2v
