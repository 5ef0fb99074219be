// What every fuzz target shares: libFuzzer's entry point (so a target runs under our own loop,
// fuzz_driver.cpp, or under clang's -fsanitize=fuzzer unchanged) and FUZZ_CHECK for invariants.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

// One execution: returns 0, or aborts (sanitizer report or a broken invariant).
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace vaerksted::fuzz {

// A broken invariant is a crash like any other: abort, so the driver (or libFuzzer) keeps the input.
[[noreturn]] inline void fail(const char* file, int line, const char* condition, const std::string& detail) {
    std::fprintf(stderr, "INVARIANT FAILED at %s:%d: %s%s%s\n", file, line, condition, detail.empty() ? "" : " — ",
                 detail.c_str());
    std::fflush(stderr);
    std::abort();
}

}  // namespace vaerksted::fuzz

#define FUZZ_CHECK(condition, detail)                                                    \
    do {                                                                                 \
        if (!(condition)) ::vaerksted::fuzz::fail(__FILE__, __LINE__, #condition, (detail)); \
    } while (0)
