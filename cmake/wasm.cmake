# The WebAssembly modules: each an ES module factory (name.mjs) plus name.wasm, loaded by the
# page's Web Workers and, in tests and scripts, by node with the .wasm bytes passed in.

# A module `name` from one bindings file linked to the core library `core`; JS imports its factory
# as `export_name`. Further arguments are extra link options.
function(vaerksted_wasm_module name bindings core export_name)
  add_executable(${name} ${bindings})
  target_link_libraries(${name} PRIVATE ${core})
  target_compile_options(${name} PRIVATE -Wall -Wextra)
  # emcc 3.1.6 runs acorn from Debian's node modules at -O1 and above; NodeSource node does not
  # search /usr/share/nodejs by itself.
  set_target_properties(${name} PROPERTIES SUFFIX ".mjs" CXX_LINKER_LAUNCHER
    "${CMAKE_COMMAND};-E;env;NODE_PATH=/usr/share/nodejs")
  target_link_options(${name} PRIVATE
    -lembind
    -sMODULARIZE=1
    -sEXPORT_ES6=1
    -sEXPORT_NAME=${export_name}
    -sENVIRONMENT=web,worker
    -sALLOW_MEMORY_GROWTH=1
    -sFILESYSTEM=0
    -sDYNAMIC_EXECUTION=0
    ${ARGN})
endfunction()

vaerksted_wasm_module(neuron_core wasm/bindings/neuron_bindings.cpp vaerksted_core createNeuronCore)

# The word2vec module: word vectors to query, and a trainer (its own module, so that the neuron
# pages do not load it). Built twice: word2vec_core_simd with wasm SIMD (about a quarter faster
# training, same numbers: no sum is reordered and wasm has no fused multiply-add) for browsers
# that have it, and word2vec_core without for those that do not (web/src/wasm/word2vec-loader.ts).
vaerksted_core_library(vaerksted_core_simd)
target_compile_options(vaerksted_core_simd PUBLIC -msimd128)
vaerksted_wasm_module(word2vec_core wasm/bindings/word2vec_bindings.cpp vaerksted_core createWord2VecCore
  -sMAXIMUM_MEMORY=4GB)
vaerksted_wasm_module(word2vec_core_simd wasm/bindings/word2vec_bindings.cpp vaerksted_core_simd createWord2VecCore
  -sMAXIMUM_MEMORY=4GB -msimd128)

# The text-generation module (Tekstgenerering): N-gram models, the sampler, the notes' network.
# Built twice as well: language_core_simd for browsers with wasm SIMD (web/src/wasm/language-loader.ts),
# whose core takes Eigen's own SSE2 path, each SSE2 intrinsic one or a few wasm SIMD instructions
# (Emscripten's emmintrin.h). On the bench's network (scripts/bench-neural.mjs) it trains about 1.9x as
# fast as the plain build; -msimd128 alone (the compiler's own vectorising, as word2vec_core_simd)
# gave 1.5x. What makes Eigen take that path: -msse2; an empty mmintrin.h first on the include path
# (Emscripten has none; nothing of MMX is used); -fgnuc-version=5.13, or Eigen takes clang for gcc 4.2
# and uses x86 inline assembly; and 16 registers, as on x86-64 (Eigen counts 2·sizeof(void*), 8 in
# 32-bit wasm, and would take a narrower product kernel: 11 400 words/s against 13 100 here).
# Not the plain build's numbers to the last bit: the products sum in another order (about 1e-15 apart).
vaerksted_wasm_module(language_core wasm/bindings/language_bindings.cpp vaerksted_core createLanguageCore
  -sMAXIMUM_MEMORY=4GB)
vaerksted_core_library(vaerksted_core_sse2)
target_compile_options(vaerksted_core_sse2 PUBLIC -msimd128 -msse2 -fgnuc-version=5.13)
target_compile_definitions(vaerksted_core_sse2 PUBLIC EIGEN_ARCH_DEFAULT_NUMBER_OF_REGISTERS=16)
target_include_directories(vaerksted_core_sse2 BEFORE PUBLIC ${CMAKE_SOURCE_DIR}/wasm/sse2_shim)
vaerksted_wasm_module(language_core_simd wasm/bindings/language_bindings.cpp vaerksted_core_sse2 createLanguageCore
  -sMAXIMUM_MEMORY=4GB -msimd128)
