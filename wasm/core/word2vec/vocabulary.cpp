#include "word2vec/vocabulary.hpp"

#include <algorithm>

namespace vaerksted::word2vec {

Vocabulary Vocabulary::fromCounts(const std::unordered_map<std::string, std::int64_t>& counts,
                                  std::int64_t minCount, std::size_t maxSize) {
    std::vector<std::pair<std::string, std::int64_t>> kept;
    for (const auto& [word, count] : counts)
        if (count >= minCount && !word.empty()) kept.emplace_back(word, count);
    std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (maxSize > 0 && kept.size() > maxSize) kept.resize(maxSize);
    std::vector<std::string> words;
    std::vector<std::int64_t> wordCounts;
    for (auto& [word, count] : kept) {
        words.push_back(std::move(word));
        wordCounts.push_back(count);
    }
    return fromWords(std::move(words), std::move(wordCounts));
}

Vocabulary Vocabulary::fromWords(std::vector<std::string> words, std::vector<std::int64_t> counts) {
    Vocabulary v;
    v.words_ = std::move(words);
    v.counts_ = std::move(counts);
    v.counts_.resize(v.words_.size(), 1);  // a loaded vector file has no counts: each word counts once
    v.index_.reserve(v.words_.size());
    for (std::size_t i = 0; i < v.words_.size(); ++i) {
        v.index_.emplace(v.words_[i], static_cast<int>(i));
        v.total_ += v.counts_[i];
    }
    return v;
}

int Vocabulary::find(std::string_view word) const {
    const auto it = index_.find(std::string(word));
    return it == index_.end() ? -1 : it->second;
}

}  // namespace vaerksted::word2vec
