// Native side of `npm run bench`: trains the neuron on a Good Food CSV (as written by
// goodfood_generate: Alder,Forbrug,Kon,Aktiveret) and prints the iterations per second as JSON.
// Usage: neuron_bench <file.csv> <iterations> [repeats]
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
    const int rows = static_cast<int>(t.size());
    std::vector<double> seconds;
    double finalLoss = 0.0;
    for (int r = 0; r < repeats; ++r) {
        Dataset data;
        NeuronTrainer trainer;
        if (!makeDataset(x.data(), x.size(), rows, 2, t.data(), t.size(), data).ok() ||
            !trainer.setup(std::move(data), NeuronConfig{}).ok())
            return 1;
        TrainLog log;
        const auto began = std::chrono::steady_clock::now();
        if (!trainer.train(iterations, iterations, log).ok()) return 1;
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count());
        finalLoss = trainer.loss();
    }
    std::sort(seconds.begin(), seconds.end());
    const double median = seconds[seconds.size() / 2];
    std::printf("{\"rows\": %d, \"iterations\": %d, \"medianSeconds\": %.6f, \"iterationsPerSecond\": %.1f, \"finalLoss\": %.17g}\n",
                rows, iterations, median, iterations / median, finalLoss);
    return 0;
}
