// A seeded, coverage-guided random-mutation loop around one LLVMFuzzerTestOneInput target, for
// g++ (no libFuzzer needed). The core and the target are compiled with -fsanitize-coverage=trace-pc
// and this file counts the edges they pass; an input that reaches a new edge (or a new hit-count
// bucket of one) joins the corpus. Every input is copied into a small memory-mapped file first, so
// whoever started us finds the input that killed us there, however we died (sanitizer report,
// abort on a broken invariant, a signal, the watchdog's timeout).
//
//   fuzz_<name> --corpus DIR [--corpus DIR…] [--seconds 10] [--seed 1] [--max-len 4096]
//               [--timeout 10] [--current FILE]        fuzz for a fixed time
//   fuzz_<name> --reproduce FILE|DIR…                  run inputs once (a crash file, a corpus)
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "common/rng.hpp"
#include "fuzz_check.hpp"
#include "mutator.hpp"

// Sanitizer defaults: an allocation no small input justifies is a bug (max_allocation_size_mb);
// leaks are off because they would be reported at exit, without the input that caused them.
extern "C" const char* __asan_default_options() {
    return "max_allocation_size_mb=256:hard_rss_limit_mb=3072:detect_leaks=0:print_summary=1";
}
extern "C" const char* __ubsan_default_options() { return "print_stacktrace=1:halt_on_error=1"; }

namespace {

namespace fs = std::filesystem;
using vaerksted::Rng;
using vaerksted::fuzz::Bytes;
using Clock = std::chrono::steady_clock;

// ── coverage: AFL-style edges (previous block, this block) hashed into 64 K counters ─────────────
constexpr std::size_t kMapSize = 1 << 16;
std::uint8_t g_counters[kMapSize];
std::uint8_t g_seen[kMapSize];  // per edge, the hit-count buckets seen so far (one bit each)
thread_local std::uintptr_t g_previous = 0;

}  // namespace

// Called by gcc's -fsanitize-coverage=trace-pc at every basic block of the instrumented code.
extern "C" __attribute__((no_sanitize_address, no_sanitize_undefined)) void __sanitizer_cov_trace_pc() {
    const std::uintptr_t pc = reinterpret_cast<std::uintptr_t>(__builtin_return_address(0));
    const std::uintptr_t edge = (pc ^ g_previous) * 0x9E3779B97F4A7C15ull;
    ++g_counters[edge >> (8 * sizeof(std::uintptr_t) - 16)];
    g_previous = pc >> 1;
}

namespace {

// AFL's buckets of hit counts: 1, 2, 3, 4–7, 8–15, 16–31, 32–127, 128+ (wrapping counts aside).
std::uint8_t bucket(std::uint8_t n) {
    if (n <= 3) return static_cast<std::uint8_t>(1u << (n - 1));
    if (n < 8) return 8;
    if (n < 16) return 16;
    if (n < 32) return 32;
    return n < 128 ? 64 : 128;
}

// Folds the last execution's counters into g_seen (clearing them); true if anything was new.
bool newCoverage(std::size_t& edges) {
    bool fresh = false;
    for (std::size_t i = 0; i < kMapSize; i += 8) {
        std::uint64_t word;
        std::memcpy(&word, g_counters + i, 8);
        if (word == 0) continue;
        for (std::size_t j = i; j < i + 8; ++j) {
            if (!g_counters[j]) continue;
            const std::uint8_t b = bucket(g_counters[j]);
            if (!g_seen[j]) ++edges;
            if (!(g_seen[j] & b)) fresh = true;
            g_seen[j] |= b;
            g_counters[j] = 0;
        }
    }
    return fresh;
}

// ── the input being run, in a file that outlives us ─────────────────────────────────────────────
struct CurrentHeader {
    std::uint64_t executions;  // executions started, this one included
    std::uint64_t length;      // bytes of the input after the header
};

class CurrentInput {
public:
    bool open(const std::string& path, std::size_t maxLength) {
        const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC, 0644);
        if (fd < 0) return false;
        size_ = sizeof(CurrentHeader) + maxLength;
        const bool sized = ::ftruncate(fd, static_cast<off_t>(size_)) == 0;
        void* p = sized ? ::mmap(nullptr, size_, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0) : MAP_FAILED;
        ::close(fd);
        if (p == MAP_FAILED) return false;
        map_ = static_cast<std::uint8_t*>(p);
        return true;
    }
    void record(std::uint64_t executions, const Bytes& input) {
        if (!map_) return;
        const CurrentHeader header{executions, input.size()};
        if (!input.empty()) std::memcpy(map_ + sizeof header, input.data(), input.size());
        std::memcpy(map_, &header, sizeof header);
    }

private:
    std::uint8_t* map_ = nullptr;
    std::size_t size_ = 0;
};

// ── a watchdog for executions that never end (a reader stuck in a loop) ─────────────────────────
class Watchdog {
public:
    explicit Watchdog(double seconds) : thread_([this, seconds] { watch(seconds); }) {}
    ~Watchdog() {
        stop_ = true;
        thread_.join();
    }
    void started() { startedAt_ = Clock::now().time_since_epoch().count(); }
    void finished() { startedAt_ = 0; }

private:
    void watch(double seconds) {
        while (!stop_) {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            const auto at = startedAt_.load();
            if (at == 0) continue;
            const double running = std::chrono::duration<double>(Clock::now().time_since_epoch() -
                                                                 Clock::duration(at)).count();
            if (running > seconds) {
                std::fprintf(stderr, "TIMEOUT: one execution has run for more than %.0f s\n", seconds);
                std::fflush(stderr);
                std::_Exit(3);
            }
        }
    }

    std::atomic<bool> stop_{false};
    std::atomic<Clock::rep> startedAt_{0};
    std::thread thread_;
};

// ── files ───────────────────────────────────────────────────────────────────────────────────────
Bytes readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The files of each path (a directory: its regular files, sorted so a seed means one order).
std::vector<fs::path> filesOf(const std::vector<std::string>& paths) {
    std::vector<fs::path> files;
    for (const std::string& p : paths) {
        if (!fs::is_directory(p)) {
            files.emplace_back(p);
            continue;
        }
        std::vector<fs::path> inDir;
        for (const auto& entry : fs::directory_iterator(p))
            if (entry.is_regular_file()) inDir.push_back(entry.path());
        std::sort(inDir.begin(), inDir.end());
        files.insert(files.end(), inDir.begin(), inDir.end());
    }
    return files;
}

struct Options {
    std::vector<std::string> corpus, reproduce;
    double seconds = 10, timeout = 10;
    std::uint64_t seed = 1;
    std::size_t maxLength = 4096;
    std::string current;
};

bool parseOptions(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool hasValue = i + 1 < argc;
        if (arg == "--reproduce") {
            while (i + 1 < argc) o.reproduce.emplace_back(argv[++i]);
        } else if (!hasValue) {
            return false;
        } else if (arg == "--corpus") {
            o.corpus.emplace_back(argv[++i]);
        } else if (arg == "--seconds") {
            o.seconds = std::atof(argv[++i]);
        } else if (arg == "--timeout") {
            o.timeout = std::atof(argv[++i]);
        } else if (arg == "--seed") {
            o.seed = std::strtoull(argv[++i], nullptr, 10);
        } else if (arg == "--max-len") {
            o.maxLength = static_cast<std::size_t>(std::strtoull(argv[++i], nullptr, 10));
        } else if (arg == "--current") {
            o.current = argv[++i];
        } else {
            return false;
        }
    }
    return !o.corpus.empty() || !o.reproduce.empty();
}

// As libFuzzer does, never a null pointer, also for the empty input.
void run(const Bytes& input) {
    static const std::uint8_t kNothing = 0;
    LLVMFuzzerTestOneInput(input.empty() ? &kNothing : input.data(), input.size());
}

int reproduce(const std::vector<std::string>& paths) {
    const std::vector<fs::path> files = filesOf(paths);
    for (const fs::path& file : files) {
        const Bytes input = readFile(file);
        run(input);
        std::printf("ok %s (%zu bytes)\n", file.c_str(), input.size());
    }
    return files.empty() ? 2 : 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    if (!parseOptions(argc, argv, o)) {
        std::fprintf(stderr, "usage: %s --corpus DIR [--seconds S] [--seed N] [--max-len N] [--timeout S] "
                             "[--current FILE]\n       %s --reproduce FILE|DIR...\n", argv[0], argv[0]);
        return 2;
    }
    if (!o.reproduce.empty()) return reproduce(o.reproduce);

    CurrentInput current;
    if (!o.current.empty() && !current.open(o.current, o.maxLength)) {
        std::fprintf(stderr, "cannot write %s\n", o.current.c_str());
        return 2;
    }
    Watchdog watchdog(o.timeout);
    std::uint64_t executions = 0;
    std::size_t edges = 0;
    const auto execute = [&](const Bytes& input) {
        current.record(++executions, input);
        watchdog.started();
        run(input);
        watchdog.finished();
        return newCoverage(edges);
    };

    // The seeds (and the empty input) first: each must pass, and all of them stay in the corpus.
    std::vector<Bytes> corpus{Bytes{}};
    for (const fs::path& file : filesOf(o.corpus)) {
        Bytes seed = readFile(file);
        if (seed.size() > o.maxLength) seed.resize(o.maxLength);
        corpus.push_back(std::move(seed));
    }
    const std::size_t seeds = corpus.size() - 1;
    for (const Bytes& input : corpus) execute(input);

    Rng rng(o.seed);
    const auto start = Clock::now();
    const auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
    constexpr std::size_t kMaxCorpus = 20000;
    while (elapsed() < o.seconds) {
        Bytes input = corpus[rng.below(corpus.size())];
        vaerksted::fuzz::mutate(input, corpus[rng.below(corpus.size())], o.maxLength, rng);
        if (execute(input) && corpus.size() < kMaxCorpus) corpus.push_back(std::move(input));
    }
    std::printf("FUZZ-SUMMARY executions=%llu seconds=%.1f seeds=%zu corpus=%zu edges=%zu\n",
                static_cast<unsigned long long>(executions), elapsed(), seeds, corpus.size(), edges);
    return 0;
}
