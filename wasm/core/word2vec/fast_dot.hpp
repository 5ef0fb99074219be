// The dot product of training and of queries: a·b with eight independent partial sums, so the
// compiler can use vector instructions without reordering any single sum — native and wasm builds
// add in the same order and give the same floats.
#pragma once

namespace vaerksted::word2vec {

inline float fastDot(const float* __restrict a, const float* __restrict b, int dim) {
    float s[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    int i = 0;
    for (; i + 8 <= dim; i += 8)
        for (int l = 0; l < 8; ++l) s[l] += a[i + l] * b[i + l];
    float sum = ((s[0] + s[1]) + (s[2] + s[3])) + ((s[4] + s[5]) + (s[6] + s[7]));
    for (; i < dim; ++i) sum += a[i] * b[i];
    return sum;
}

}  // namespace vaerksted::word2vec
