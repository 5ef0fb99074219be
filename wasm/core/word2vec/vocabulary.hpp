// The words a word2vec model knows: each with its count in the corpus, most frequent first.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vaerksted::word2vec {

class Vocabulary {
public:
    // Words seen at least minCount times, the maxSize most frequent of them (0: no limit).
    // Order: count descending, then the word itself, so that equal counts are ordered the same
    // way on every machine.
    static Vocabulary fromCounts(const std::unordered_map<std::string, std::int64_t>& counts,
                                 std::int64_t minCount, std::size_t maxSize);

    // Words in this order, with these counts (no counts: each word counts 1, as for a vector file).
    static Vocabulary fromWords(std::vector<std::string> words, std::vector<std::int64_t> counts);

    int size() const { return static_cast<int>(words_.size()); }
    const std::string& word(int index) const { return words_[static_cast<std::size_t>(index)]; }
    std::int64_t count(int index) const { return counts_[static_cast<std::size_t>(index)]; }
    std::int64_t totalCount() const { return total_; }
    const std::vector<std::string>& words() const { return words_; }

    // The index of a word, or −1.
    int find(std::string_view word) const;

private:
    std::vector<std::string> words_;
    std::vector<std::int64_t> counts_;
    std::unordered_map<std::string, int> index_;
    std::int64_t total_ = 0;
};

}  // namespace vaerksted::word2vec
