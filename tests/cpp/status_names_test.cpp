// Every status has its own name: the JS API keys its messages on them, and the .d.ts lists them.
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "neuron/problem.hpp"

TEST(StatusNames, NeuronStatusesHaveDistinctNames) {
    using vaerksted::neuron::Status;
    std::set<std::string> names;
    for (int s = 0; s <= static_cast<int>(vaerksted::neuron::kLastStatus); ++s) {
        const std::string name = vaerksted::neuron::statusName(static_cast<Status>(s));
        EXPECT_NE(name, "unknown") << "status " << s;
        EXPECT_TRUE(names.insert(name).second) << name << " twice";
    }
    EXPECT_EQ(std::string(vaerksted::neuron::statusName(Status::InvalidSeed)), "invalid_seed");
}
