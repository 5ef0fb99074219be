// Command-line options "--name value" and bare words, for the w2v tool.
#pragma once

#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace w2v {

class Options {
public:
    Options(int argc, char** argv, int first) {
        for (int i = first; i < argc; ++i) {
            const std::string arg = argv[i];
            if (arg.rfind("--", 0) == 0) {
                const std::string name = arg.substr(2);
                // A flag never takes a value: "--json konge" keeps konge as a word.
                if (!isFlag(name) && i + 1 < argc && std::string(argv[i + 1]).rfind("--", 0) != 0) values_[name] = argv[++i];
                else values_[name] = "";  // a flag
            } else {
                words_.push_back(arg);
            }
        }
    }

    bool has(const std::string& name) const { return values_.count(name) > 0; }
    std::string text(const std::string& name, const std::string& fallback = "") const {
        const auto it = values_.find(name);
        return it == values_.end() ? fallback : it->second;
    }
    double number(const std::string& name, double fallback) const {
        const auto it = values_.find(name);
        return it == values_.end() || it->second.empty() ? fallback : std::strtod(it->second.c_str(), nullptr);
    }
    long long integer(const std::string& name, long long fallback) const {
        const auto it = values_.find(name);
        return it == values_.end() || it->second.empty() ? fallback : std::strtoll(it->second.c_str(), nullptr, 10);
    }
    const std::vector<std::string>& words() const { return words_; }

private:
    static bool isFlag(const std::string& name) {
        return name == "json" || name == "cbow" || name == "softmax" || name == "plain-words" || name == "no-names" ||
               name == "normalise";
    }

    std::map<std::string, std::string> values_;
    std::vector<std::string> words_;
};

}  // namespace w2v
