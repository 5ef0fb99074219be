// A JSON string for the tools' --json output: quotes, backslashes and control bytes escaped, other
// bytes (UTF-8) as they are. Shared by w2v and lm.
#pragma once

#include <cstdio>
#include <string>

namespace tools {

inline std::string jsonString(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (u < 0x20) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\u%04x", u);
            out += escape;
        } else {
            out += c;
        }
    }
    return out + '"';
}

}  // namespace tools
