// A seeded generator of simple Danish sentences whose grammar plants structure for word2vec to
// find, so that a class can watch groups and an analogy appear within seconds of training.
//
// The grammar (every choice uniform, from the one seeded generator; punctuation left out, as the
// trainer reads text):
//   People: each person word has a gender (han/hun, hans/hendes) and a kind, and each kind has its
//   own places and things:
//       kind        male / female      places                  things
//       kongelig    konge / dronning   på slottet, i riget     kronen, tronen
//       voksen      mand / kvinde      i byen, i huset         avisen, bilen
//       barn        dreng / pige       på skolen, i haven      bolden, legetøjet
//       forælder    far / mor          i hjemmet, i køkkenet   familien, aftensmaden
//       afkom       søn / datter       på gården, i landsbyen  arven, barndommen
//     "en P er PLACE"                         "en P siger at PRONOUN elsker THING"
//     "en P siger at THING er POSSESSIVE"     "PRONOUN ser en P PLACE"
//   So a person word shares its gender words with the other gender-mates and its place and thing
//   words with its kind-mate: konge − mand + kvinde lands near dronning, because konge and dronning
//   share kind words, and dronning and kvinde share gender words. (The person words are always
//   indefinite, "en konge", so that each keeps one form and the analogies read as in the notes.)
//   Animals, singular and plural: hund/hunde gør, kat/katte miaver, ko/køer brøler,
//   hest/heste vrinsker, fugl/fugle synger; each eats its own food (kød, fisk, græs, havre, frø).
//     "en ANIMAL SOUND"  "to|tre|mange ANIMALS SOUND"  "en ANIMAL spiser FOOD"
//     "alle ANIMALS spiser FOOD"
//   Colours and things (all of common gender, so the colour keeps one form): banan/citron gul,
//   tomat/rose rød, agurk/ært grøn, himmel/kornblomst blå, svane/sky hvid.
//     "THE-THING er COLOUR" (bananen er gul)   "jeg ser en COLOUR THING" (jeg ser en gul banan)
//   A sentence is one of the three groups with probabilities 1/2, 1/4, 1/4.
#pragma once

#include <cstdint>
#include <string>

#include "common/rng.hpp"

namespace vaerksted::word2vec {

class SentenceGenerator {
public:
    explicit SentenceGenerator(std::uint64_t seed) : rng_(seed) {}

    std::string sentence();
    // `count` sentences, one per line (each line ends in '\n').
    std::string text(int count);

private:
    std::string person();
    std::string animal();
    std::string colour();

    Rng rng_;
};

inline constexpr int kMaxPracticeSentences = 1'000'000;

// The practice corpus for a seed as a page gives it (common/seed.hpp): `count` sentences, at
// most kMaxPracticeSentences (fewer than 0: none); empty for a number that is not a seed.
std::string practiceSentences(double seed, int count);

}  // namespace vaerksted::word2vec
