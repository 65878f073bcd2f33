// Running a plugin's command: input and output together, limits, and a builder
// that survives whatever the child does.
#include "reportsite/plugin/process.h"

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>

#include <cerrno>
#include <chrono>

namespace rs {
namespace {

ProcessResult run(const std::string& command, std::string input = {}, int timeout_ms = 10000) {
  ProcessRequest r;
  r.command = command;
  r.input = std::move(input);
  r.timeout_ms = timeout_ms;
  return run_process(r);
}

/// No child of this process is left unreaped.
bool no_zombies() {
  int status = 0;
  return ::waitpid(-1, &status, WNOHANG) < 0 && errno == ECHILD;
}

TEST_CASE("process: standard input reaches the command and its output comes back") {
  auto r = run("cat", "hello\n");
  CHECK(r.end == ProcessEnd::exited);
  CHECK(r.status == 0);
  CHECK(r.output == "hello\n");
  CHECK(no_zombies());
}

TEST_CASE("process: arguments are appended to the command, and it runs in the folder given") {
  ProcessRequest q;
  q.command = "printf '%s|' \"$(pwd)\"";
  q.args = {"supports", "1 2"};
  q.cwd = "/tmp";
  auto r = run_process(q);
  CHECK(r.output == "/tmp|supports|1 2|");
  q.cwd = "/no/such/folder";
  r = run_process(q);
  CHECK(r.end == ProcessEnd::exited);
  CHECK(r.status == 127);
  CHECK(r.errors.find("cannot enter the folder /no/such/folder") != std::string::npos);
}

TEST_CASE("process: a large input and a large output do not deadlock") {
  std::string big(8 << 20, 'x');
  for (size_t i = 0; i < big.size(); i += 100) big[i] = '\n';
  auto r = run("cat; head -c 3000000 /dev/zero >&2", big);
  CHECK(r.end == ProcessEnd::exited);
  CHECK(r.output == big);
  CHECK(r.errors.size() == 16384);  // only the tail of standard error is kept
}

TEST_CASE("process: a command that exits without reading its input is no danger to the builder") {
  auto r = run("echo early; exit 0", std::string(4 << 20, 'x'));
  CHECK(r.end == ProcessEnd::exited);
  CHECK(r.status == 0);
  CHECK(r.output == "early\n");
  sigset_t pending;
  sigpending(&pending);
  CHECK(!sigismember(&pending, SIGPIPE));  // taken, not left to strike later
}

TEST_CASE("process: exit statuses and signals are told apart") {
  auto r = run("echo 'Traceback: boom' >&2; exit 3");
  CHECK(r.end == ProcessEnd::exited);
  CHECK(r.status == 3);
  CHECK(r.errors == "Traceback: boom\n");
  r = run("kill -SEGV $$");
  CHECK(r.end == ProcessEnd::signalled);
  CHECK(r.status == SIGSEGV);
  CHECK(signal_description(SIGKILL) == "signal 9 (Killed)");
  r = run("/no/such/command");
  CHECK(r.status == 127);
  CHECK(no_zombies());
}

TEST_CASE("process: a command past its time limit is killed with everything it started") {
  auto start = std::chrono::steady_clock::now();
  auto r = run("sleep 1000", "", 300);
  CHECK(r.end == ProcessEnd::timed_out);
  // A child holding the output open in the background is stopped too.
  auto r2 = run("sleep 1000 & echo started", "", 300);
  CHECK(r2.end == ProcessEnd::timed_out);
  CHECK(r2.output == "started\n");
  // One that closed its output and went on running.
  auto r3 = run("exec >/dev/null 2>&1; sleep 1000", "", 300);
  CHECK(r3.end == ProcessEnd::timed_out);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  CHECK(no_zombies());
}

TEST_CASE("process: output past the limit stops the command") {
  ProcessRequest q;
  q.command = "yes";
  q.max_output = 1 << 20;
  auto r = run_process(q);
  CHECK(r.end == ProcessEnd::output_too_large);
  CHECK(r.output.size() == q.max_output);
  CHECK(no_zombies());
}

TEST_CASE("process: the tail of standard error, line by line") {
  CHECK(tail_lines("a\nb\n\nc\nd\n", 2) == "c\nd");
  CHECK(tail_lines("one line", 5) == "one line");
  CHECK(tail_lines("", 5) == "");
  CHECK(tail_lines(std::string(400, 'x'), 1) == std::string(300, 'x') + "...");
}

}  // namespace
}  // namespace rs
