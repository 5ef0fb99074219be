// The note "Simple sprogmodeller": its four sentences, a fact of the curriculum — 25 words, 6
// different (en 8, hund 4, løber 4, efter 4, kat 4, ikke 1); punctuation ignored, no case.
#pragma once

namespace vaerksted::testing {

inline constexpr const char* kNoteText =
    "En hund løber efter en kat. Løber en hund efter en kat? En kat løber ikke efter en hund. "
    "Efter en kat løber en hund.";

}  // namespace vaerksted::testing
