#include "language/ngram_source.hpp"

#include <algorithm>

namespace vaerksted::language {

NextCounts NgramSource::nextBackingOff(const std::int32_t* context, int length) const {
    for (int used = std::min(length, kMaxContext); used > 0; --used) {
        NextCounts out = next(context + (length - used), used);  // the last `used` words
        if (out.contextCount > 0) return out;
    }
    return next(context, 0);
}

}  // namespace vaerksted::language
