#include "vectors_file.hpp"

#include <cstdio>

#include "text_source.hpp"

namespace w2v {

using namespace vaerksted::word2vec;

bool loadVectors(const std::string& path, LoadedVectors& out, std::string& error) {
    const std::string bytes = readAll(path, error);
    if (!error.empty()) return false;
    const VectorProblem problem = parseVectors(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                                               VectorFormat::Auto, out);
    if (problem.ok()) return true;
    error = path + ": " + vectorStatusName(problem.status) +
            (problem.line >= 0 ? " at line " + std::to_string(problem.line) : "") +
            (problem.vector >= 0 ? " at vector " + std::to_string(problem.vector) : "");
    return false;
}

bool loadSpace(const std::string& path, VectorSpace& out, std::string& error) {
    LoadedVectors loaded;
    if (!loadVectors(path, loaded, error)) return false;
    out = VectorSpace(std::move(loaded.words), loaded.dim, std::move(loaded.rows));
    return true;
}

bool writeFile(const std::string& path, const std::vector<unsigned char>& bytes, std::string& error) {
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file) {
        error = "cannot write " + path;
        return false;
    }
    const bool ok = std::fwrite(bytes.data(), 1, bytes.size(), file) == bytes.size();
    if (std::fclose(file) != 0 || !ok) {
        error = "cannot write " + path;
        return false;
    }
    return true;
}

}  // namespace w2v
