# Native build: GoogleTest suite (run by CTest) and the command-line tools.
enable_testing()
find_package(GTest REQUIRED)
find_package(nlohmann_json 3 REQUIRED)

add_executable(neuron_tests
  tests/cpp/activation_test.cpp
  tests/cpp/formulas_test.cpp
  tests/cpp/status_names_test.cpp
  tests/cpp/gradient_check_test.cpp
  tests/cpp/landscape_test.cpp
  tests/cpp/word2vec_objective_test.cpp
  tests/cpp/word2vec_trainer_test.cpp
  tests/cpp/word2vec_space_test.cpp
  tests/cpp/word2vec_toy_test.cpp
  tests/cpp/word2vec_pair_step_test.cpp
  tests/cpp/word2vec_session_test.cpp
  tests/cpp/word2vec_generator_test.cpp
  tests/cpp/text_normaliser_test.cpp
  tests/cpp/vector_io_test.cpp
  tests/cpp/scaling_test.cpp
  tests/cpp/trainer_test.cpp
  tests/cpp/core_cases_test.cpp
  tests/cpp/rng_test.cpp
  tests/cpp/neural_model_test.cpp
  tests/cpp/neural_session_test.cpp
  tests/cpp/sampler_test.cpp
  tests/cpp/ngram_test.cpp
  tests/cpp/ngram_counts_test.cpp
  tests/cpp/ngram_shipped_model_test.cpp)
target_link_libraries(neuron_tests PRIVATE vaerksted_core GTest::gtest_main nlohmann_json::nlohmann_json)
target_compile_definitions(neuron_tests PRIVATE
  VAERKSTED_CASES_DIR="${CMAKE_SOURCE_DIR}/tests/cases"
  VAERKSTED_DATA_DIR="${CMAKE_SOURCE_DIR}/data")
include(GoogleTest)
gtest_discover_tests(neuron_tests)

# The core must build without Emscripten and never include it (bindings/ is the only place).
add_test(NAME core_never_includes_emscripten
  COMMAND ${CMAKE_COMMAND} -DDIR=${CMAKE_SOURCE_DIR}/wasm/core -P ${CMAKE_SOURCE_DIR}/cmake/no_emscripten.cmake)

add_executable(goodfood_generate wasm/tools/goodfood_generate.cpp)
target_link_libraries(goodfood_generate PRIVATE vaerksted_core)

add_executable(neuron_bench wasm/tools/neuron_bench.cpp)
target_link_libraries(neuron_bench PRIVATE vaerksted_core)

# The native side of the word2vec query timings in `npm run bench`.
add_executable(vector_query_bench wasm/tools/vector_query_bench.cpp)
target_link_libraries(vector_query_bench PRIVATE vaerksted_core)
target_compile_options(vector_query_bench PRIVATE -Wall -Wextra)

# data/goodfood.csv is exactly what the generator writes for its documented seed.
add_test(NAME goodfood_data_is_reproducible
  COMMAND ${CMAKE_COMMAND} -DGENERATOR=$<TARGET_FILE:goodfood_generate> "-DARGS=2026 100"
          -DEXPECTED=${CMAKE_SOURCE_DIR}/data/goodfood.csv -DOUT=${CMAKE_BINARY_DIR}/goodfood_check.csv
          "-DREGENERATE=npm run data, and say why in data/README.md"
          -P ${CMAKE_SOURCE_DIR}/cmake/compare_generated.cmake)

# tests/cases/word2vec_toy_cases.json is exactly what its reference script prints.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
add_test(NAME word2vec_toy_case_is_the_reference
  COMMAND ${CMAKE_COMMAND} -DGENERATOR=${Python3_EXECUTABLE}
          "-DARGS=${CMAKE_SOURCE_DIR}/tests/reference/word2vec_toy_reference.py"
          -DEXPECTED=${CMAKE_SOURCE_DIR}/tests/cases/word2vec_toy_cases.json
          -DOUT=${CMAKE_BINARY_DIR}/word2vec_toy_check.json
          "-DREGENERATE=python3 tests/reference/word2vec_toy_reference.py > tests/cases/word2vec_toy_cases.json"
          -P ${CMAKE_SOURCE_DIR}/cmake/compare_generated.cmake)

# w2v: the word2vec trainer and evaluator (reads .gz with zlib and .xz with liblzma).
find_package(ZLIB REQUIRED)
find_library(LZMA_LIBRARY lzma REQUIRED)
find_package(Threads REQUIRED)
add_executable(w2v
  wasm/tools/w2v/main.cpp
  wasm/tools/w2v/eval_command.cpp
  wasm/tools/w2v/export_command.cpp
  wasm/tools/w2v/generate_command.cpp
  wasm/tools/w2v/query_command.cpp
  wasm/tools/w2v/text_source.cpp
  wasm/tools/w2v/train_command.cpp
  wasm/tools/w2v/vectors_file.cpp)
target_link_libraries(w2v PRIVATE vaerksted_core ZLIB::ZLIB ${LZMA_LIBRARY} Threads::Threads)
target_compile_options(w2v PRIVATE -Wall -Wextra)

# The core once more for lm alone, for this machine's own instructions (-march=native: Eigen's
# products and the optimiser's divisions in AVX/AVX-512, with fused multiply-adds), so that the neural
# model trains at the machine's speed (about 2.5x the portable SSE2 build on the bench's model).
# lm's neural numbers then differ from the wasm module's in the last bits; w2v and neuron_tests keep
# vaerksted_core because they compare bit for bit with wasm. PUBLIC: lm's own files must see Eigen
# with the same instruction set and alignment as the core they call. Without the flag: the plain core.
include(CheckCXXCompilerFlag)
check_cxx_compiler_flag(-march=native VAERKSTED_HAS_MARCH_NATIVE)
if(VAERKSTED_HAS_MARCH_NATIVE)
  vaerksted_core_library(vaerksted_core_native)
  target_compile_options(vaerksted_core_native PUBLIC -march=native)
  # GCC 12 takes its own _mm512_undefined_pd (avx512fintrin.h) for uninitialised wherever Eigen's
  # AVX-512 code inlines it (GCC bug 105593); the plain core still warns about real cases.
  target_compile_options(vaerksted_core_native PRIVATE -Wno-maybe-uninitialized)
else()
  add_library(vaerksted_core_native ALIAS vaerksted_core)
endif()

# lm: the language models from the command line (N-gram held-out scores and samples, the neural
# model trained); reads text as w2v does (its options and text reader, .gz and .xz).
add_executable(lm
  wasm/tools/lm/main.cpp
  wasm/tools/lm/texts.cpp
  wasm/tools/lm/model_file.cpp
  wasm/tools/lm/ngram_eval_command.cpp
  wasm/tools/lm/ngram_export_command.cpp
  wasm/tools/lm/ngram_sample_command.cpp
  wasm/tools/lm/neural_train_command.cpp
  wasm/tools/w2v/text_source.cpp
  wasm/tools/w2v/vectors_file.cpp)
target_include_directories(lm PRIVATE wasm/tools/w2v)
target_link_libraries(lm PRIVATE vaerksted_core_native ZLIB::ZLIB ${LZMA_LIBRARY} Threads::Threads)
target_compile_options(lm PRIVATE -Wall -Wextra)

# The pruned N-gram model files end to end: ngram-export on the note's sentences (kept n-grams and a
# held-out loss by hand), ngram-sample --model, refusals, and data/ngram-da.aing (budget, README).
add_test(NAME ngram_model_cli
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/cli/ngram_model_check.py $<TARGET_FILE:lm>
          ${CMAKE_BINARY_DIR}/ngram_model_check ${CMAKE_SOURCE_DIR})
# data/ngram-da.aing is exactly what `npm run ngram` makes from ../shared's ADL corpus (about 10 s);
# skipped (exit 77) where ../shared is not there.
find_program(NODE_EXECUTABLE node)
if(NODE_EXECUTABLE)
  add_test(NAME ngram_model_is_reproducible
    COMMAND ${NODE_EXECUTABLE} ${CMAKE_SOURCE_DIR}/scripts/ngram.mjs --check --lm $<TARGET_FILE:lm>)
  set_tests_properties(ngram_model_is_reproducible PROPERTIES SKIP_RETURN_CODE 77)
endif()

# The lm tool end to end on the note's four sentences: the greedy walk, a held-out unigram loss
# by hand, refused input (exit code 2), and a neural model's weight count.
add_test(NAME lm_cli
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/cli/lm_cli_check.py $<TARGET_FILE:lm>
          ${CMAKE_BINARY_DIR}/lm_cli_check)
