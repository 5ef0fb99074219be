#include "word2vec/sentence_generator.hpp"

#include <algorithm>
#include <array>

#include "common/seed.hpp"

namespace vaerksted::word2vec {

namespace {

// A place with the preposition Danish uses for it: "på slottet", "i byen".
struct Place {
    const char* preposition;
    const char* name;
};

struct Kind {
    const char* male;
    const char* female;
    std::array<Place, 2> places;
    std::array<const char*, 2> things;
};

constexpr std::array<Kind, 5> kKinds = {{
    {"konge", "dronning", {{{"på", "slottet"}, {"i", "riget"}}}, {"kronen", "tronen"}},
    {"mand", "kvinde", {{{"i", "byen"}, {"i", "huset"}}}, {"avisen", "bilen"}},
    {"dreng", "pige", {{{"på", "skolen"}, {"i", "haven"}}}, {"bolden", "legetøjet"}},
    {"far", "mor", {{{"i", "hjemmet"}, {"i", "køkkenet"}}}, {"familien", "aftensmaden"}},
    {"søn", "datter", {{{"på", "gården"}, {"i", "landsbyen"}}}, {"arven", "barndommen"}},
}};

struct Animal {
    const char* singular;
    const char* plural;
    const char* sound;
    const char* food;
};

constexpr std::array<Animal, 5> kAnimals = {{
    {"hund", "hunde", "gør", "kød"},
    {"kat", "katte", "miaver", "fisk"},
    {"ko", "køer", "brøler", "græs"},
    {"hest", "heste", "vrinsker", "havre"},
    {"fugl", "fugle", "synger", "frø"},
}};

// Things of common gender only, so that the colour word keeps one form ("en gul banan", "bananen
// er gul"; a neuter thing would need "gult").
struct Thing {
    const char* indefinite;
    const char* definite;
};

struct Colour {
    const char* name;
    std::array<Thing, 2> things;
};

constexpr std::array<Colour, 5> kColours = {{
    {"gul", {{{"banan", "bananen"}, {"citron", "citronen"}}}},
    {"rød", {{{"tomat", "tomaten"}, {"rose", "rosen"}}}},
    {"grøn", {{{"agurk", "agurken"}, {"ært", "ærten"}}}},
    {"blå", {{{"himmel", "himlen"}, {"kornblomst", "kornblomsten"}}}},
    {"hvid", {{{"svane", "svanen"}, {"sky", "skyen"}}}},
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
    const std::string who = std::string("en ") + (female ? kind.female : kind.male);
    const std::string pronoun = female ? "hun" : "han";
    const std::string possessive = female ? "hendes" : "hans";
    const Place& place = pick(rng_, kind.places);
    const std::string where = std::string(place.preposition) + " " + place.name;
    const std::string thing = pick(rng_, kind.things);
    switch (rng_.below(4)) {
        case 0: return who + " er " + where;
        case 1: return who + " siger at " + pronoun + " elsker " + thing;
        case 2: return who + " siger at " + thing + " er " + possessive;
        default: return pronoun + " ser " + who + " " + where;
    }
}

std::string SentenceGenerator::animal() {
    const Animal& a = pick(rng_, kAnimals);
    switch (rng_.below(4)) {
        case 0: return std::string("en ") + a.singular + " " + a.sound;
        case 1: return std::string(pick(rng_, kMany)) + " " + a.plural + " " + a.sound;
        case 2: return std::string("en ") + a.singular + " spiser " + a.food;
        default: return std::string("alle ") + a.plural + " spiser " + a.food;
    }
}

std::string SentenceGenerator::colour() {
    const Colour& c = pick(rng_, kColours);
    const Thing& thing = pick(rng_, c.things);
    return rng_.below(2) == 0 ? std::string(thing.definite) + " er " + c.name
                              : std::string("jeg ser en ") + c.name + " " + thing.indefinite;
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

std::string practiceSentences(double seed, int count) {
    std::uint64_t checked = 0;
    if (!seedFromNumber(seed, checked)) return {};
    return SentenceGenerator(checked).text(std::max(0, std::min(count, kMaxPracticeSentences)));
}

}  // namespace vaerksted::word2vec
