#include "language/gram_set.hpp"

#include <algorithm>

namespace vaerksted::language {

namespace {

std::uint64_t mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// Bits of a byte stream, lowest bit of each byte first; every read checks the end.
class BitReader {
public:
    BitReader(const unsigned char* data, std::size_t size) : data_(data), bits_(static_cast<std::uint64_t>(size) * 8) {}

    std::uint64_t position() const { return pos_; }
    void seek(std::uint64_t bit) { pos_ = bit; }

    // The ones before the next zero (which is consumed); false when the stream ends first or there
    // are more than `most` ones.
    bool unary(std::uint64_t most, std::uint64_t& ones) {
        ones = 0;
        for (;;) {
            if (pos_ >= bits_) return false;
            const std::uint64_t window = peek();  // ≥ 1 valid bit; bits past the end read as 1
            const int run = window == ~0ull ? 64 : __builtin_ctzll(~window);
            const std::uint64_t valid = std::min<std::uint64_t>(57, bits_ - pos_);
            if (static_cast<std::uint64_t>(run) < valid) {
                ones += static_cast<std::uint64_t>(run);
                pos_ += static_cast<std::uint64_t>(run) + 1;
                return ones <= most;
            }
            ones += valid;
            pos_ += valid;
            if (ones > most) return false;
        }
    }

    // n ≤ 56 bits, lowest first.
    bool bits(int n, std::uint64_t& out) {
        if (n == 0) {
            out = 0;
            return true;
        }
        if (bits_ - pos_ < static_cast<std::uint64_t>(n)) return false;
        out = peek() & ((1ull << n) - 1);
        pos_ += static_cast<std::uint64_t>(n);
        return true;
    }

private:
    // 57 or more bits from pos_ (fewer near the end, the rest ones).
    std::uint64_t peek() const {
        const std::uint64_t byte = pos_ >> 3;
        const std::uint64_t bytes = bits_ >> 3;
        std::uint64_t w = 0;
        for (std::uint64_t i = 0; i < 8; ++i)
            w |= (byte + i < bytes ? static_cast<std::uint64_t>(data_[byte + i]) : 0xFFull) << (8 * i);
        return w >> (pos_ & 7) | (pos_ & 7 ? ~0ull << (64 - (pos_ & 7)) : 0);
    }

    const unsigned char* data_;
    std::uint64_t bits_;
    std::uint64_t pos_ = 0;
};

class BitWriter {
public:
    void bit(bool one) {
        if ((count_ & 7) == 0) out_.push_back(0);
        if (one) out_.back() = static_cast<unsigned char>(out_.back() | (1u << (count_ & 7)));
        ++count_;
    }
    void bits(int n, std::uint64_t value) {
        for (int i = 0; i < n; ++i) bit((value >> i) & 1);
    }
    std::vector<unsigned char> take() { return std::move(out_); }

private:
    std::vector<unsigned char> out_;
    std::uint64_t count_ = 0;
};

}  // namespace

std::uint64_t gramHash(const std::int32_t* words, int n) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < n; ++i) h = mix(h ^ static_cast<std::uint64_t>(static_cast<std::uint32_t>(words[i])));
    return h;
}

GramSet GramSet::fromHashes(std::vector<std::uint64_t> hashes, int riceBits) {
    GramSet out;
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());
    if (hashes.empty() || hashes.size() >= kMaxCount || riceBits < 0 || riceBits > kMaxRiceBits) return out;
    out.riceBits_ = riceBits;
    out.range_ = static_cast<std::uint64_t>(hashes.size()) << riceBits;
    for (std::uint64_t& h : hashes) h %= out.range_;
    std::sort(hashes.begin(), hashes.end());
    hashes.erase(std::unique(hashes.begin(), hashes.end()), hashes.end());  // two hashes on one value
    BitWriter writer;
    std::uint64_t before = 0;
    for (const std::uint64_t v : hashes) {
        const std::uint64_t difference = v - before;
        for (std::uint64_t q = difference >> riceBits; q > 0; --q) writer.bit(true);
        writer.bit(false);
        writer.bits(riceBits, difference);
        before = v;
    }
    const std::vector<unsigned char> codes = writer.take();
    std::size_t bad = 0;
    decode(codes.data(), codes.size(), hashes.size(), riceBits, out.range_, out, bad);  // sets the jump-in points
    return out;
}

bool GramSet::decode(const unsigned char* data, std::size_t size, std::uint64_t count, int riceBits,
                     std::uint64_t range, GramSet& out, std::size_t& badByte) {
    badByte = 0;
    if (riceBits < 0 || riceBits > kMaxRiceBits) return false;
    if (count == 0) {  // the empty set has no codes
        if (size != 0) return false;
        out = GramSet();
        return true;
    }
    // Every code takes at least r + 1 bits: a count the bytes cannot hold is refused before anything is allocated.
    if (range == 0 || count > static_cast<std::uint64_t>(size) * 8 / (static_cast<std::uint64_t>(riceBits) + 1)) return false;
    GramSet result;
    result.riceBits_ = riceBits;
    result.range_ = range;
    result.count_ = count;
    result.sampleValue_.reserve(static_cast<std::size_t>(count / kSampleEvery + 1));
    result.sampleBit_.reserve(static_cast<std::size_t>(count / kSampleEvery + 1));
    BitReader reader(data, size);
    const std::uint64_t mostOnes = (range - 1) >> riceBits;  // more ones would pass the range
    std::uint64_t value = 0;
    for (std::uint64_t i = 0; i < count; ++i) {
        const std::uint64_t start = reader.position();
        badByte = static_cast<std::size_t>(start >> 3);
        std::uint64_t q = 0, low = 0;
        if (!reader.unary(mostOnes, q) || !reader.bits(riceBits, low)) return false;
        const std::uint64_t difference = q << riceBits | low;
        if (i > 0 && difference == 0) return false;  // values increase
        if (difference > range - 1 - value) return false;  // value + difference ≥ range
        value += difference;
        if (i % kSampleEvery == 0) {
            result.sampleValue_.push_back(value);
            result.sampleBit_.push_back(start);
        }
    }
    // Only zero bits after the last code, and no further byte.
    const std::uint64_t end = reader.position();
    badByte = static_cast<std::size_t>(end >> 3);
    if ((end + 7) / 8 != static_cast<std::uint64_t>(size)) return false;
    std::uint64_t padding = 0;
    if (!reader.bits(static_cast<int>(static_cast<std::uint64_t>(size) * 8 - end), padding) || padding != 0) return false;
    result.codes_.assign(data, data + size);
    out = std::move(result);
    return true;
}

bool GramSet::contains(std::uint64_t hash) const {
    if (count_ == 0) return false;
    const std::uint64_t v = hash % range_;
    // The last jump-in point at or below v, then at most 64 codes from there.
    const auto after = std::upper_bound(sampleValue_.begin(), sampleValue_.end(), v);
    if (after == sampleValue_.begin()) return false;
    const std::size_t j = static_cast<std::size_t>(after - sampleValue_.begin()) - 1;
    if (sampleValue_[j] == v) return true;
    BitReader reader(codes_.data(), codes_.size());
    reader.seek(sampleBit_[j]);
    std::uint64_t value = 0, q = 0, low = 0;
    const std::uint64_t first = j * kSampleEvery, last = std::min(count_, first + kSampleEvery);
    for (std::uint64_t i = first; i < last; ++i) {
        reader.unary(~0ull, q);
        reader.bits(riceBits_, low);
        value = i == first ? sampleValue_[j] : value + (q << riceBits_ | low);
        if (value >= v) return value == v;
    }
    return false;
}

}  // namespace vaerksted::language
