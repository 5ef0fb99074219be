# The WebAssembly module: an ES module factory (neuron_core.mjs) plus neuron_core.wasm, loaded by
# the page's Web Worker and, in tests and scripts, by node with the .wasm bytes passed in.
add_executable(neuron_core wasm/bindings/neuron_bindings.cpp)
target_link_libraries(neuron_core PRIVATE vaerksted_core)
target_compile_options(neuron_core PRIVATE -Wall -Wextra)
set_target_properties(neuron_core PROPERTIES SUFFIX ".mjs")
target_link_options(neuron_core PRIVATE
  -lembind
  -sMODULARIZE=1
  -sEXPORT_ES6=1
  -sEXPORT_NAME=createNeuronCore
  -sENVIRONMENT=web,worker
  -sALLOW_MEMORY_GROWTH=1
  -sFILESYSTEM=0
  -sDYNAMIC_EXECUTION=0)
# emcc 3.1.6 runs acorn from Debian's node modules at -O1 and above; NodeSource node does not
# search /usr/share/nodejs by itself.
set_target_properties(neuron_core PROPERTIES CXX_LINKER_LAUNCHER
  "${CMAKE_COMMAND};-E;env;NODE_PATH=/usr/share/nodejs")

# The word2vec module: word vectors to query, and a trainer (its own module, so that the neuron
# pages do not load it). Built twice: word2vec_core_simd with wasm SIMD (about a quarter faster
# training, same numbers: no sum is reordered and wasm has no fused multiply-add) for browsers
# that have it, and word2vec_core without for those that do not (web/src/wasm/word2vec-loader.ts).
vaerksted_core_library(vaerksted_core_simd)
target_compile_options(vaerksted_core_simd PUBLIC -msimd128)
foreach(variant word2vec_core word2vec_core_simd)
  add_executable(${variant} wasm/bindings/word2vec_bindings.cpp)
  target_compile_options(${variant} PRIVATE -Wall -Wextra)
  set_target_properties(${variant} PROPERTIES SUFFIX ".mjs" CXX_LINKER_LAUNCHER
    "${CMAKE_COMMAND};-E;env;NODE_PATH=/usr/share/nodejs")
  target_link_options(${variant} PRIVATE
    -lembind
    -sMODULARIZE=1
    -sEXPORT_ES6=1
    -sEXPORT_NAME=createWord2VecCore
    -sENVIRONMENT=web,worker
    -sALLOW_MEMORY_GROWTH=1
    -sMAXIMUM_MEMORY=4GB
    -sFILESYSTEM=0
    -sDYNAMIC_EXECUTION=0)
endforeach()
target_link_libraries(word2vec_core PRIVATE vaerksted_core)
target_link_libraries(word2vec_core_simd PRIVATE vaerksted_core_simd)
target_link_options(word2vec_core_simd PRIVATE -msimd128)
