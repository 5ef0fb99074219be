// What the Embind bindings share: typed arrays in and out of wasm memory (copies JS owns), a
// file's bytes in one go, and a status enum's names in order for statusNames().
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <emscripten/bind.h>
#include <emscripten/val.h>

namespace vaerksted::bindings {

using emscripten::val;
using Uint8Array = val;
using Float32Array = val;
using Float64Array = val;
using NumberArray = val;  // a typed array or a plain array of numbers
using JsObject = val;

// A new JS typed array of `type` ("Float64Array", "Int32Array", …) holding a copy of v.
template <typename T>
val copyOut(const char* type, const std::vector<T>& v) {
    return val::global(type).new_(emscripten::typed_memory_view(v.size(), v.data()));
}

template <typename T>
std::vector<T> numbersIn(const NumberArray& array) {
    return array.isUndefined() || array.isNull() ? std::vector<T>{} : emscripten::convertJSArrayToNumberVector<T>(array);
}

// A piece of a file's bytes, copied into wasm memory in one go (not a number at a time).
inline std::string bytesIn(const Uint8Array& bytes) {
    std::string out(bytes["length"].as<std::size_t>(), '\0');
    val(emscripten::typed_memory_view(out.size(), reinterpret_cast<unsigned char*>(out.data()))).call<void>("set", bytes);
    return out;
}

// Every name of a status enum from its first value to `last`, in order (a node test checks the
// .d.ts unions against them).
template <typename Status, typename Name>
val namesUpTo(Status last, Name name) {
    val names = val::array();
    for (int s = 0; s <= static_cast<int>(last); ++s) names.call<void>("push", std::string(name(static_cast<Status>(s))));
    return names;
}

}  // namespace vaerksted::bindings
