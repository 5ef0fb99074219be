// A seeded generator of simple Danish sentences whose grammar plants structure for word2vec to
// find, so that a class can watch groups and an analogy appear within seconds of training.
//
// The grammar (every choice uniform, from the one seeded generator):
//   People: each person word has a gender (han/hun, hans/hendes) and a kind, and each kind has its
//   own places and things:
//       kind        male / female      places              things
//       kongelig    konge / dronning   slottet, riget      kronen, tronen
//       voksen      mand / kvinde      byen, huset         avisen, bilen
//       barn        dreng / pige       skolen, haven       bolden, legetøjet
//       forælder    far / mor          hjemmet, køkkenet   familien, aftensmaden
//       afkom       søn / datter       gården, landsbyen   arven, barndommen
//     "P bor i PLACE"                      "P siger at PRONOUN elsker THING"
//     "det er POSSESSIVE THING siger P"    "PRONOUN ser P ved PLACE"
//   So a person word shares its gender words with the other gender-mates and its place and thing
//   words with its kind-mate: konge − mand + kvinde lands near dronning, because konge and dronning
//   share kind words, and dronning and kvinde share gender words. (The words stay in their base
//   form, without articles, so that the analogies read as in the notes.)
//   Animals, singular and plural: hund/hunde gør, kat/katte miaver, ko/køer brøler,
//   hest/heste vrinsker, fugl/fugle synger; each eats its own food.
//     "en ANIMAL SOUND"  "to|tre|mange ANIMALS SOUND"  "den ANIMAL spiser FOOD"
//     "alle ANIMALS spiser FOOD"
//   Colours and things: banan/citron gul, tomat/jordbær rød, græs/blad grøn, himmel/hav blå,
//   sne/mælk hvid.
//     "THING er COLOUR"  "jeg ser en COLOUR THING"
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

}  // namespace vaerksted::word2vec
