#include "word2vec/sentence_generator.hpp"

#include <array>

namespace vaerksted::word2vec {

namespace {

struct Kind {
    const char* male;
    const char* female;
    std::array<const char*, 2> places;
    std::array<const char*, 2> things;
};

constexpr std::array<Kind, 5> kKinds = {{
    {"konge", "dronning", {"slottet", "riget"}, {"kronen", "tronen"}},
    {"mand", "kvinde", {"byen", "huset"}, {"avisen", "bilen"}},
    {"dreng", "pige", {"skolen", "haven"}, {"bolden", "legetøjet"}},
    {"far", "mor", {"hjemmet", "køkkenet"}, {"familien", "aftensmaden"}},
    {"søn", "datter", {"gården", "landsbyen"}, {"arven", "barndommen"}},
}};

struct Animal {
    const char* singular;
    const char* plural;
    const char* sound;
    const char* food;
};

constexpr std::array<Animal, 5> kAnimals = {{
    {"hund", "hunde", "gør", "kødet"},
    {"kat", "katte", "miaver", "fisken"},
    {"ko", "køer", "brøler", "græsset"},
    {"hest", "heste", "vrinsker", "havren"},
    {"fugl", "fugle", "synger", "frøene"},
}};

struct Colour {
    const char* name;
    std::array<const char*, 2> things;
};

constexpr std::array<Colour, 5> kColours = {{
    {"gul", {"banan", "citron"}},
    {"rød", {"tomat", "jordbær"}},
    {"grøn", {"græs", "blad"}},
    {"blå", {"himmel", "hav"}},
    {"hvid", {"sne", "mælk"}},
}};

constexpr std::array<const char*, 3> kMany = {"to", "tre", "mange"};

template <typename T, std::size_t N>
const T& pick(Rng& rng, const std::array<T, N>& items) {
    return items[static_cast<std::size_t>(rng.below(N))];
}

}  // namespace

std::string SentenceGenerator::person() {
    const Kind& kind = pick(rng_, kKinds);
    const bool female = rng_.below(2) == 1;
    const std::string who = female ? kind.female : kind.male;
    const std::string pronoun = female ? "hun" : "han";
    const std::string possessive = female ? "hendes" : "hans";
    const std::string place = pick(rng_, kind.places);
    const std::string thing = pick(rng_, kind.things);
    switch (rng_.below(4)) {
        case 0: return who + " bor i " + place;
        case 1: return who + " siger at " + pronoun + " elsker " + thing;
        case 2: return "det er " + possessive + " " + thing + " siger " + who;
        default: return pronoun + " ser " + who + " ved " + place;
    }
}

std::string SentenceGenerator::animal() {
    const Animal& a = pick(rng_, kAnimals);
    switch (rng_.below(4)) {
        case 0: return std::string("en ") + a.singular + " " + a.sound;
        case 1: return std::string(pick(rng_, kMany)) + " " + a.plural + " " + a.sound;
        case 2: return std::string("den ") + a.singular + " spiser " + a.food;
        default: return std::string("alle ") + a.plural + " spiser " + a.food;
    }
}

std::string SentenceGenerator::colour() {
    const Colour& c = pick(rng_, kColours);
    const std::string thing = pick(rng_, c.things);
    return rng_.below(2) == 0 ? thing + " er " + c.name : "jeg ser en " + std::string(c.name) + " " + thing;
}

std::string SentenceGenerator::sentence() {
    const std::uint64_t group = rng_.below(4);
    return group < 2 ? person() : group == 2 ? animal() : colour();
}

std::string SentenceGenerator::text(int count) {
    std::string out;
    for (int i = 0; i < count; ++i) (out += sentence()) += '\n';
    return out;
}

}  // namespace vaerksted::word2vec
