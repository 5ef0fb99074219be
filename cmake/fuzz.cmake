# The fuzz tier (`npm run fuzz`, never part of `npm test`): the core and one executable per fuzz
# target, built with AddressSanitizer and UndefinedBehaviorSanitizer in a build directory of its
# own (-DVAERKSTED_FUZZ=ON). Engine "mutate" (default, g++): our seeded coverage-guided loop,
# tests/fuzz/fuzz_driver.cpp. Engine "libfuzzer" (clang++ only): the same targets under libFuzzer.
set(VAERKSTED_FUZZ_ENGINE "mutate" CACHE STRING "mutate (our loop, any compiler) or libfuzzer (clang)")
set(VAERKSTED_FUZZ_TARGETS vectors numbers text session dataset ngram)
find_package(Threads REQUIRED)  # the driver's watchdog

# Asserts on (Eigen's index checks, libstdc++'s bounds checks) whatever the build type, and -O1:
# fast enough, with stack traces that still point at the right line.
set(fuzz_flags -O1 -g -fno-omit-frame-pointer -UNDEBUG -D_GLIBCXX_ASSERTIONS
    -fsanitize=address,undefined,float-cast-overflow -fno-sanitize-recover=all)
if(VAERKSTED_FUZZ_ENGINE STREQUAL "libfuzzer")
  set(fuzz_coverage -fsanitize=fuzzer-no-link)
  set(fuzz_link -fsanitize=address,undefined,float-cast-overflow,fuzzer)
else()
  set(fuzz_coverage -fsanitize-coverage=trace-pc)  # the edges the driver's loop counts
  set(fuzz_link -fsanitize=address,undefined,float-cast-overflow)
endif()

# The core as the page uses it, instrumented; the plain library of CMakeLists.txt is not built here.
set_target_properties(vaerksted_core PROPERTIES EXCLUDE_FROM_ALL ON)
vaerksted_core_library(vaerksted_core_fuzz)
target_compile_options(vaerksted_core_fuzz PRIVATE ${fuzz_flags} ${fuzz_coverage})

if(NOT VAERKSTED_FUZZ_ENGINE STREQUAL "libfuzzer")
  # The driver itself is not instrumented for coverage: it is what counts the edges.
  add_library(vaerksted_fuzz_driver STATIC tests/fuzz/fuzz_driver.cpp tests/fuzz/mutator.cpp)
  target_link_libraries(vaerksted_fuzz_driver PUBLIC vaerksted_core_fuzz)
  target_compile_options(vaerksted_fuzz_driver PRIVATE ${fuzz_flags} -Wall -Wextra)
endif()

foreach(target IN LISTS VAERKSTED_FUZZ_TARGETS)
  add_executable(fuzz_${target} tests/fuzz/${target}_target.cpp)
  target_compile_options(fuzz_${target} PRIVATE ${fuzz_flags} ${fuzz_coverage} -Wall -Wextra)
  target_link_options(fuzz_${target} PRIVATE ${fuzz_link})
  if(VAERKSTED_FUZZ_ENGINE STREQUAL "libfuzzer")
    target_link_libraries(fuzz_${target} PRIVATE vaerksted_core_fuzz)
  else()
    target_link_libraries(fuzz_${target} PRIVATE vaerksted_fuzz_driver Threads::Threads)
  endif()
endforeach()
