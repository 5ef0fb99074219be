// The shared core cases (tests/cases/*.json): published numbers from the notes and Nielsen, and
// the independent Python reference. tests/node runs the very same files against the wasm module.
#include <cmath>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "neuron/trainer.hpp"

using namespace vaerksted::neuron;
using nlohmann::json;

namespace {

struct CoreCase {
    std::string file;
    json spec;
};

// gtest shows a failing parameter by its case name, not by its bytes.
void PrintTo(const CoreCase& c, std::ostream* os) { *os << c.file << ": " << c.spec["name"]; }

std::vector<CoreCase> loadCases() {
    std::vector<CoreCase> cases;
    for (const char* name : {"neuron_published_cases.json", "neuron_reference_cases.json"}) {
        std::ifstream in(std::string(VAERKSTED_CASES_DIR) + "/" + name);
        if (!in) continue;  // the test below then fails on the missing count
        const json file = json::parse(in);
        for (const json& spec : file["cases"]) cases.push_back({name, spec});
    }
    return cases;
}

NeuronConfig configFrom(const json& s) {
    NeuronConfig c;
    EXPECT_TRUE(parseActivation(s["activation"].get<std::string>(), c.activation));
    EXPECT_TRUE(parseLoss(s["loss"].get<std::string>(), c.loss));
    EXPECT_TRUE(parseGradientMode(s["gradient"].get<std::string>(), c.gradient));
    EXPECT_TRUE(parseStartKind(s["start"]["kind"].get<std::string>(), c.start.kind));
    c.eta = s["eta"];
    c.standardize = s["standardize"];
    c.seed = s["seed"];
    c.start.value = s["start"].value("value", 0.0);
    c.start.weights = s["start"].value("weights", std::vector<double>{});
    return c;
}

Dataset dataFrom(const json& d) {
    std::vector<double> x;
    const auto rows = d["x"].get<std::vector<std::vector<double>>>();
    for (const auto& row : rows) x.insert(x.end(), row.begin(), row.end());
    const auto t = d["t"].get<std::vector<double>>();
    Dataset data;
    const Problem p = makeDataset(x.data(), x.size(), static_cast<int>(rows.size()),
                                  static_cast<int>(rows.at(0).size()), t.data(), t.size(), data);
    EXPECT_TRUE(p.ok()) << statusName(p.status);
    return data;
}

void expectClose(const std::string& what, const std::vector<double>& actual, const json& expected,
                 double tolerance, bool relative) {
    const auto want = expected.get<std::vector<double>>();
    ASSERT_EQ(actual.size(), want.size()) << what;
    for (std::size_t i = 0; i < want.size(); ++i) {
        const double allowed = relative ? tolerance * (1.0 + std::abs(want[i])) : tolerance;
        EXPECT_NEAR(actual[i], want[i], allowed) << what << "[" << i << "]";
    }
}

std::vector<double> toStd(const Eigen::VectorXd& v) { return {v.data(), v.data() + v.size()}; }

class CoreCases : public testing::TestWithParam<CoreCase> {};

}  // namespace

TEST(CoreCasesFiles, AreThereAndHoldCases) { EXPECT_GE(loadCases().size(), 15u); }

TEST_P(CoreCases, ReproducesExpectedNumbers) {
    const json& spec = GetParam().spec;
    SCOPED_TRACE(spec["name"].get<std::string>());
    NeuronTrainer trainer;
    ASSERT_TRUE(trainer.configure(configFrom(spec["settings"])).ok());
    ASSERT_TRUE(trainer.setData(dataFrom(spec["data"])).ok());
    const double tolerance = spec["tolerance"];
    const bool relative = spec.value("relative", false);
    for (const json& check : spec["checks"]) {
        const int after = check["after"];
        TrainLog log;
        ASSERT_TRUE(trainer.train(after - trainer.iteration(), 1000000, log).ok());
        ASSERT_EQ(trainer.iteration(), after);
        const std::string at = " after " + std::to_string(after);
        if (check.contains("weights"))
            expectClose("weights" + at, toStd(trainer.rawWeights()), check["weights"], tolerance, relative);
        if (check.contains("gradient"))
            expectClose("gradient" + at, toStd(trainer.rawGradient()), check["gradient"], tolerance, relative);
        if (check.contains("outputs"))
            expectClose("outputs" + at, toStd(trainer.outputs().matrix()), check["outputs"], tolerance, relative);
        if (check.contains("loss"))
            expectClose("loss" + at, {trainer.loss()}, json::array({check["loss"]}), tolerance, relative);
        if (check.contains("predict")) {
            const auto rows = check["predict"]["x"].get<std::vector<std::vector<double>>>();
            Eigen::MatrixXd x(rows.size(), rows[0].size());
            for (std::size_t r = 0; r < rows.size(); ++r)
                for (std::size_t j = 0; j < rows[r].size(); ++j) x(r, j) = rows[r][j];
            expectClose("predict" + at, toStd(trainer.predict(x)), check["predict"]["o"], tolerance, relative);
        }
    }
}

INSTANTIATE_TEST_SUITE_P(Shared, CoreCases, testing::ValuesIn(loadCases()),
                         [](const testing::TestParamInfo<CoreCase>& info) {
                             return "case" + std::to_string(info.index);
                         });
