// Reads a text file in pieces, uncompressing .gz (zlib) and .xz (liblzma) on the way, so that a
// corpus of hundreds of megabytes never has to be in memory as text.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace w2v {

// Calls onPiece with consecutive pieces of the (uncompressed) text. Returns an empty string, or
// a message saying what went wrong.
std::string readText(const std::string& path, const std::function<void(std::string_view)>& onPiece);

// The whole (uncompressed) file in memory, for files that are small (vector files, test sets).
std::string readAll(const std::string& path, std::string& error);

}  // namespace w2v
