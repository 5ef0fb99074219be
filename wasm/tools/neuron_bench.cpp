// Native side of `npm run bench`: trains the neuron on a Good Food CSV (as written by
// goodfood_generate: Alder,Forbrug,Kon,Aktiveret) and prints the iterations per second as JSON.
// Usage: neuron_bench <file.csv> <iterations> [repeats] [race]
//   default: one neuron, the notes' settings (squared error, η = 0.001, standardised, start 0);
//   race:    the race page's Good Food race — squared error and cross-entropy from all start
//            weights 10, trained step for step in chunks of 1000 iterations, as the page's worker does.
// The wasm side (scripts/bench.mjs) runs the same settings on the same file in one go with this.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "neuron/trainer.hpp"

using namespace vaerksted::neuron;

namespace {

// Age and spending as inputs, Aktiveret (Ja/Nej) as the target.
bool readGoodFood(const char* path, std::vector<double>& x, std::vector<double>& t) {
    std::ifstream in(path);
    std::string line;
    if (!std::getline(in, line)) return false;  // header
    while (std::getline(in, line)) {
        std::stringstream row(line);
        std::string age, spending, gender, activated;
        if (!std::getline(row, age, ',') || !std::getline(row, spending, ',') ||
            !std::getline(row, gender, ',') || !std::getline(row, activated, ','))
            return false;
        x.push_back(std::stod(age));
        x.push_back(std::stod(spending));
        t.push_back(activated.rfind("Ja", 0) == 0 ? 1.0 : 0.0);
    }
    return !t.empty();
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: neuron_bench <file.csv> <iterations> [repeats]\n");
        return 2;
    }
    std::vector<double> x, t;
    if (!readGoodFood(argv[1], x, t)) {
        std::fprintf(stderr, "cannot read %s\n", argv[1]);
        return 1;
    }
    const int iterations = std::atoi(argv[2]);
    const int repeats = argc > 3 ? std::atoi(argv[3]) : 5;
    const bool race = argc > 4 && std::string(argv[4]) == "race";
    const int rows = static_cast<int>(t.size());
    std::vector<double> seconds;
    double finalLoss = 0.0;
    for (int r = 0; r < repeats; ++r) {
        std::vector<NeuronTrainer> trainers(race ? 2 : 1);
        for (std::size_t k = 0; k < trainers.size(); ++k) {
            NeuronConfig config;
            if (race) {
                config.loss = k == 0 ? LossKind::SquaredError : LossKind::CrossEntropy;
                config.start.value = 10.0;
            }
            Dataset data;
            if (!makeDataset(x.data(), x.size(), rows, 2, t.data(), t.size(), data).ok() ||
                !trainers[k].setup(std::move(data), config).ok())
                return 1;
        }
        const int chunk = race ? 1000 : iterations;
        const auto began = std::chrono::steady_clock::now();
        for (int done = 0; done < iterations; done += chunk) {
            for (NeuronTrainer& trainer : trainers) {
                TrainLog log;
                if (!trainer.train(std::min(chunk, iterations - done), iterations, log).ok()) return 1;
            }
        }
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count());
        finalLoss = trainers.back().loss();
    }
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds[seconds.size() / 2];
    std::printf("{\"rows\": %d, \"iterations\": %d, \"medianSeconds\": %.6f, \"iterationsPerSecond\": %.1f, \"finalLoss\": %.17g}\n",
                rows, iterations, median, iterations / median, finalLoss);
    return 0;
}
