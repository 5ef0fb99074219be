// The lm commands' .aing files: read (through the core's checking reader), written, and their
// gzipped size measured for the page's download budget.

#include <zlib.h>

#include "commands.hpp"
#include "language/ngram_file.hpp"
#include "text_source.hpp"

namespace lm {

using namespace vaerksted::language;

bool readModel(const std::string& path, NgramCounts& out, std::string& error) {
    const std::string bytes = w2v::readAll(path, error);
    if (!error.empty()) return false;
    const NgramFileProblem p = readNgramFile(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), out);
    if (!p.ok()) {
        error = path + " is not a valid .aing model: " + ngramFileStatusName(p.status) + " at byte " + std::to_string(p.offset);
        return false;
    }
    return true;
}

std::size_t gzipSize(const std::vector<unsigned char>& bytes) {
    z_stream z{};
    if (deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return 0;  // 15 + 16: a gzip wrapper
    std::vector<unsigned char> out(deflateBound(&z, static_cast<uLong>(bytes.size())));
    z.next_in = const_cast<unsigned char*>(bytes.data());
    z.avail_in = static_cast<uInt>(bytes.size());
    z.next_out = out.data();
    z.avail_out = static_cast<uInt>(out.size());
    const int code = deflate(&z, Z_FINISH);
    const std::size_t size = code == Z_STREAM_END ? z.total_out : 0;
    deflateEnd(&z);
    return size;
}

}  // namespace lm
