// Every status has its own name: the JS API keys its messages on them, and the .d.ts lists them.
#include <set>
#include <string>

#include <gtest/gtest.h>

#include "neuron/problem.hpp"
#include "word2vec/trainer.hpp"
#include "word2vec/training_session.hpp"
#include "word2vec/vector_io.hpp"

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

// The same for word2vec: training, vector files, and the choice of a pair to work out.
template <typename Status, typename Name>
void expectDistinctNames(Status last, Name name) {
    std::set<std::string> names;
    for (int s = 0; s <= static_cast<int>(last); ++s) {
        const std::string text = name(static_cast<Status>(s));
        EXPECT_FALSE(text.empty() || text == "unknown") << "status " << s;
        EXPECT_TRUE(names.insert(text).second) << text << " twice";
    }
}

TEST(StatusNames, Word2VecStatusesHaveDistinctNames) {
    using namespace vaerksted::word2vec;
    expectDistinctNames(kLastTrainStatus, trainStatusName);
    expectDistinctNames(kLastVectorStatus, vectorStatusName);
    expectDistinctNames(kLastPairChoice, pairChoiceName);
    EXPECT_EQ(std::string(trainStatusName(TrainStatus::UnknownArchitecture)), "unknown_architecture");
}
