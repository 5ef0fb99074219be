// Empty on purpose: Eigen's SSE2 path includes <mmintrin.h> (MMX), which Emscripten does not have;
// nothing of MMX is used. Only on the include path of the wasm build whose core uses that path
// (cmake/wasm.cmake, vaerksted_core_sse2), so that Eigen's SSE2 intrinsics become wasm SIMD.
#pragma once
