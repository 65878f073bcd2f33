#pragma once
// The command line: a thin layer that parses arguments and calls the library.
#include <string>
#include <vector>

namespace rs {

/// Run `reportsite ARGS...`; returns the exit code (0 clean, 1 errors found, 2 usage or I/O).
int run_command_line(const std::vector<std::string>& args);

}  // namespace rs
