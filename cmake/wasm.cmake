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
# pages do not load it).
add_executable(word2vec_core wasm/bindings/word2vec_bindings.cpp)
target_link_libraries(word2vec_core PRIVATE vaerksted_core)
target_compile_options(word2vec_core PRIVATE -Wall -Wextra)
set_target_properties(word2vec_core PROPERTIES SUFFIX ".mjs" CXX_LINKER_LAUNCHER
  "${CMAKE_COMMAND};-E;env;NODE_PATH=/usr/share/nodejs")
target_link_options(word2vec_core PRIVATE
  -lembind
  -sMODULARIZE=1
  -sEXPORT_ES6=1
  -sEXPORT_NAME=createWord2VecCore
  -sENVIRONMENT=web,worker
  -sALLOW_MEMORY_GROWTH=1
  -sMAXIMUM_MEMORY=4GB
  -sFILESYSTEM=0
  -sDYNAMIC_EXECUTION=0)
