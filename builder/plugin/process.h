#pragma once
// Running one command with bytes on its standard input and its output
// collected, under a time limit: what an external plugin needs from POSIX.
#include <cstddef>
#include <string>
#include <vector>

namespace rs {

struct ProcessRequest {
  std::string command;            // run as /bin/sh -c 'command "$@"' sh args...
  std::vector<std::string> args;  // appended to the command as its arguments
  std::string cwd = ".";
  std::string input;              // written to standard input, which is then closed
  int timeout_ms = 30000;
  size_t max_output = size_t{64} << 20;  // standard output beyond this stops the command
};

enum class ProcessEnd { exited, signalled, timed_out, output_too_large, not_started };

struct ProcessResult {
  ProcessEnd end = ProcessEnd::not_started;
  int status = 0;       // the exit status, or the signal's number
  std::string output;   // standard output (cut at max_output)
  std::string errors;   // the last 16 KiB of standard error
  std::string why;      // why it could not start
};

/// Runs the command in a process group of its own. Standard input, output and
/// error are served together (a large input and a large output never
/// deadlock); past the time limit, or once the output is too large, the whole
/// group is killed. The child is always reaped. A child that exits without
/// reading its input is not an error, and SIGPIPE never reaches the builder.
ProcessResult run_process(const ProcessRequest& request);

/// The last `lines` non-empty lines of `text`, each cut to 300 bytes, joined by "\n".
std::string tail_lines(const std::string& text, size_t lines);

/// "signal 9 (Killed)".
std::string signal_description(int sig);

}  // namespace rs
