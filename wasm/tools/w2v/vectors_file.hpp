// Loading and saving vector files for the w2v tool (any format the core reads, .gz/.xz allowed).
#pragma once

#include <string>

#include "word2vec/vector_io.hpp"
#include "word2vec/vector_space.hpp"

namespace w2v {

// On failure returns false with a message in error.
bool loadVectors(const std::string& path, vaerksted::word2vec::LoadedVectors& out, std::string& error);
bool loadSpace(const std::string& path, vaerksted::word2vec::VectorSpace& out, std::string& error);
bool writeFile(const std::string& path, const std::vector<unsigned char>& bytes, std::string& error);

}  // namespace w2v
