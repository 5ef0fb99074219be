// The w2v tool's sub-commands; each returns the process exit code.
#pragma once

#include "options.hpp"

namespace w2v {

int trainCommand(const Options& options);
int exportCommand(const Options& options);
int evalCommand(const Options& options);
int neighboursCommand(const Options& options);
int analogyCommand(const Options& options);
int generateCommand(const Options& options);

}  // namespace w2v
