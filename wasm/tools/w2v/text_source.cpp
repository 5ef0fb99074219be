#include "text_source.hpp"

#include <cstdio>
#include <cstring>
#include <vector>

#include <lzma.h>
#include <zlib.h>

namespace w2v {

namespace {

constexpr std::size_t kPiece = 1 << 20;

bool endsWith(const std::string& s, const char* suffix) {
    const std::size_t n = std::strlen(suffix);
    return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

std::string readGzip(const std::string& path, const std::function<void(std::string_view)>& onPiece) {
    gzFile file = gzopen(path.c_str(), "rb");
    if (!file) return "cannot open " + path;
    std::vector<char> buffer(kPiece);
    int n = 0;
    while ((n = gzread(file, buffer.data(), static_cast<unsigned>(buffer.size()))) > 0)
        onPiece(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    int code = 0;
    const std::string message = n < 0 ? gzerror(file, &code) : "";
    gzclose(file);
    return n < 0 ? "cannot read " + path + ": " + message : "";
}

std::string readXz(const std::string& path, const std::function<void(std::string_view)>& onPiece) {
    std::FILE* file = std::fopen(path.c_str(), "rb");
    if (!file) return "cannot open " + path;
    lzma_stream stream = LZMA_STREAM_INIT;
    if (lzma_stream_decoder(&stream, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK) {
        std::fclose(file);
        return "cannot start the xz decoder";
    }
    std::vector<std::uint8_t> in(kPiece), out(kPiece);
    lzma_action action = LZMA_RUN;
    stream.next_out = out.data();
    stream.avail_out = out.size();
    std::string error;
    for (;;) {
        if (stream.avail_in == 0 && !std::feof(file)) {
            stream.next_in = in.data();
            stream.avail_in = std::fread(in.data(), 1, in.size(), file);
            if (std::ferror(file)) {
                error = "cannot read " + path;
                break;
            }
            if (std::feof(file)) action = LZMA_FINISH;
        }
        const lzma_ret ret = lzma_code(&stream, action);
        if (stream.avail_out == 0 || ret == LZMA_STREAM_END) {
            onPiece(std::string_view(reinterpret_cast<const char*>(out.data()), out.size() - stream.avail_out));
            stream.next_out = out.data();
            stream.avail_out = out.size();
        }
        if (ret == LZMA_STREAM_END) break;
        if (ret != LZMA_OK) {
            error = path + " is not a valid .xz file (liblzma error " + std::to_string(ret) + ")";
            break;
        }
    }
    lzma_end(&stream);
    std::fclose(file);
    return error;
}

std::string readPlain(const std::string& path, const std::function<void(std::string_view)>& onPiece) {
    std::FILE* file = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
    if (!file) return "cannot open " + path;
    std::vector<char> buffer(kPiece);
    std::size_t n = 0;
    while ((n = std::fread(buffer.data(), 1, buffer.size(), file)) > 0) onPiece(std::string_view(buffer.data(), n));
    const bool failed = std::ferror(file) != 0;
    if (file != stdin) std::fclose(file);
    return failed ? "cannot read " + path : "";
}

}  // namespace

std::string readText(const std::string& path, const std::function<void(std::string_view)>& onPiece) {
    if (endsWith(path, ".gz")) return readGzip(path, onPiece);
    if (endsWith(path, ".xz")) return readXz(path, onPiece);
    return readPlain(path, onPiece);
}

std::string readAll(const std::string& path, std::string& error) {
    std::string text;
    error = readText(path, [&](std::string_view piece) { text.append(piece); });
    return text;
}

}  // namespace w2v
