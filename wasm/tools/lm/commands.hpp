// The lm tool's sub-commands (each returns the process exit code) and what they share: strict
// reading of option values, the training and held-out texts as the language core's tokens, and
// the JSON helpers. Options and the text reader are w2v's (wasm/tools/w2v/).
#pragma once

#include "json_text.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include "language/ngram_counts.hpp"
#include "language/token_stream.hpp"
#include "options.hpp"

namespace lm {

using w2v::Options;

int ngramEvalCommand(const Options& options);
int ngramSampleCommand(const Options& options);
int neuralTrainCommand(const Options& options);
int ngramExportCommand(const Options& options);

// ── Option values ─────────────────────────────────────────────────────────────────────────────
// Each returns false with a one-line message in `error` when the value is given but is not what
// the option takes; a missing option gives the fallback.
bool wholeOption(const Options& o, const char* name, long long fallback, long long low, long long high,
                 long long& out, std::string& error);
bool realOption(const Options& o, const char* name, double fallback, double& out, std::string& error);
bool seedOption(const Options& o, std::uint64_t& out, std::string& error);

// ── The texts ─────────────────────────────────────────────────────────────────────────────────
struct Texts {
    vaerksted::language::TokenStream train;  // the training text's words and tokens
    std::vector<std::int32_t> heldOut;       // the held-out text in the training text's ids (−1: unknown)
    bool hasHeldOut = false;
    std::vector<std::string> notes;          // what was read, in words ("training text: …")
    double seconds = 0;                      // reading and tokenising
};

// --input (with --max-words, and --every K: only every K-th line of the file), and when
// wantHeldOut: --held-out FILE, or --split f (default 0.9): the first f of the lines train, the
// rest is held out. Returns false with a message (exit 2).
bool readTexts(const Options& o, bool wantHeldOut, const vaerksted::language::TokenSettings& settings,
               Texts& out, std::string& error);

// ── Model files (.aing) ───────────────────────────────────────────────────────────────────────
// A pruned model read from a .aing file (also .gz); false with a message naming the status and byte.
bool readModel(const std::string& path, vaerksted::language::NgramCounts& out, std::string& error);
// The size of the bytes gzipped at level 9 (what a web server's gzip would send, about).
std::size_t gzipSize(const std::vector<unsigned char>& bytes);

// ── Output ────────────────────────────────────────────────────────────────────────────────────
using tools::jsonString;  // w2v's, for --json output
std::string jsonNumber(double x);
std::string withThousands(long long n);  // 2456919 → "2 456 919"  // 17 significant digits (the exact double); null when not finite
double secondsSince(double start);
double now();

}  // namespace lm
