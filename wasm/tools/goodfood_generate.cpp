// Generates the default "Good Food" data set: 100 made-up members of a food shop's app, with age,
// last month's spending, gender and whether they activated the offer the app showed them.
// Usage: goodfood_generate [seed] [customers] > data/goodfood.csv   (defaults: 2026, 100)
// The activation is drawn from a logistic model with the slide example's weights, so a neuron
// trained on the data finds weights of the same size as in the notes. See data/README.md.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "common/rng.hpp"

namespace {

// The slide's weights draw the line between the classes; steepness 4 makes the classes overlap
// about as much as in the course's own goodfood.xlsx (a fitted neuron reaches ~75-80 %).
constexpr double kSteepness = 4.0;

struct Customer {
    int age;       // years
    int spending;  // kr last month
    int gender;    // 0 = mand, 1 = kvinde
    bool activated;
};

Customer drawCustomer(vaerksted::Rng& rng) {
    Customer c{};
    c.age = 18 + static_cast<int>(rng.below(63));  // 18 … 80 years, uniform
    const double kr = 2600.0 + 650.0 * rng.normal();  // roughly normal spending
    c.spending = static_cast<int>(std::lround(std::clamp(kr, 400.0, 5500.0)));
    c.gender = static_cast<int>(rng.below(2));
    // P(activated) = σ(4·(w0 + w1·age + w2·spending) + 0.3·gender), w0…w2 from the notes' slide.
    const double z = kSteepness * (-0.298 - 0.0375 * c.age + 0.000769 * c.spending) + 0.3 * c.gender;
    c.activated = rng.uniform() < 1.0 / (1.0 + std::exp(-z));
    return c;
}

}  // namespace

int main(int argc, char** argv) {
    const unsigned long long seed = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 2026;
    const int customers = argc > 2 ? std::atoi(argv[2]) : 100;
    if (customers <= 0) {
        std::fprintf(stderr, "customers must be a positive number\n");
        return 1;
    }
    vaerksted::Rng rng(seed);
    std::printf("Alder,Forbrug,Kon,Aktiveret\n");
    for (int i = 0; i < customers; ++i) {
        const Customer c = drawCustomer(rng);
        std::printf("%d,%d,%d,%s\n", c.age, c.spending, c.gender, c.activated ? "Ja" : "Nej");
    }
    return 0;
}
