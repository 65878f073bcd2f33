#include "reportsite/plugin/process.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

namespace rs {

namespace {

constexpr size_t kErrorsKept = 16 << 10;

using Clock = std::chrono::steady_clock;

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

/// Blocks SIGPIPE in this thread while a child runs, so a write to a child that
/// stopped reading fails with EPIPE instead of killing the builder; any SIGPIPE
/// raised meanwhile is taken before the old mask returns.
class SigpipeBlock {
 public:
  SigpipeBlock() {
    sigemptyset(&pipe_);
    sigaddset(&pipe_, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_, &old_);
  }
  ~SigpipeBlock() {
    timespec zero{0, 0};
    while (sigtimedwait(&pipe_, nullptr, &zero) > 0) {
    }
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }

 private:
  sigset_t pipe_, old_;
};

/// Reads what is there; false at the end of the stream or on an error.
bool read_some(int fd, std::string& into) {
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0) {
      into.append(buf, static_cast<size_t>(n));
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
  }
}

int remaining_ms(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return left <= 0 ? 0 : left > 1000000 ? 1000000 : static_cast<int>(left);
}

}  // namespace

std::string signal_description(int sig) {
  const char* name = strsignal(sig);
  return "signal " + std::to_string(sig) + (name ? std::string(" (") + name + ")" : "");
}

std::string tail_lines(const std::string& text, size_t lines) {
  std::vector<std::string> kept;
  size_t end = text.size();
  while (end > 0 && kept.size() < lines) {
    size_t start = text.rfind('\n', end - 1);
    start = start == std::string::npos ? 0 : start + 1;
    std::string line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
    if (line.size() > 300) line = line.substr(0, 300) + "...";
    if (!line.empty()) kept.insert(kept.begin(), line);
    end = start == 0 ? 0 : start - 1;
  }
  std::string out;
  for (const auto& l : kept) out += (out.empty() ? "" : "\n") + l;
  return out;
}

ProcessResult run_process(const ProcessRequest& request) {
  ProcessResult result;
  SigpipeBlock no_sigpipe;

  // Everything the child needs is built before fork: after it, only
  // async-signal-safe calls (the builder has threads).
  std::string script = request.command + " \"$@\"";
  std::vector<std::string> argv_text = {"sh", "-c", script, "sh"};
  for (const auto& a : request.args) argv_text.push_back(a);
  std::vector<char*> argv;
  for (auto& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string cd_failed = "reportsite: cannot enter the folder " + request.cwd + "\n";

  int in[2], out[2], err[2];
  if (::pipe2(in, O_CLOEXEC) != 0) {
    result.why = std::strerror(errno);
    return result;
  }
  if (::pipe2(out, O_CLOEXEC) != 0) {
    result.why = std::strerror(errno);
    ::close(in[0]), ::close(in[1]);
    return result;
  }
  if (::pipe2(err, O_CLOEXEC) != 0) {
    result.why = std::strerror(errno);
    ::close(in[0]), ::close(in[1]), ::close(out[0]), ::close(out[1]);
    return result;
  }

  pid_t pid = ::fork();
  if (pid == 0) {
    ::setpgid(0, 0);
    ::dup2(in[0], 0);
    ::dup2(out[1], 1);
    ::dup2(err[1], 2);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::signal(SIGPIPE, SIG_DFL);
    if (::chdir(request.cwd.c_str()) != 0) {
      ssize_t ignored = ::write(2, cd_failed.data(), cd_failed.size());
      (void)ignored;
      ::_exit(127);
    }
    ::execv("/bin/sh", argv.data());
    ::_exit(127);
  }
  int to_child = in[1], from_child = out[0], errors_from_child = err[0];
  ::close(in[0]), ::close(out[1]), ::close(err[1]);
  if (pid < 0) {
    result.why = std::strerror(errno);
    close_fd(to_child), close_fd(from_child), close_fd(errors_from_child);
    return result;
  }
  ::setpgid(pid, pid);  // also here: the child may not have run yet when it is killed

  for (int fd : {to_child, from_child, errors_from_child}) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  const auto deadline = Clock::now() + std::chrono::milliseconds(request.timeout_ms);
  size_t written = 0;
  if (request.input.empty()) close_fd(to_child);
  bool stop = false;  // timed out or too much output: kill the group

  while (!stop && (to_child >= 0 || from_child >= 0 || errors_from_child >= 0)) {
    int wait = remaining_ms(deadline);
    if (wait == 0) {
      result.end = ProcessEnd::timed_out;
      stop = true;
      break;
    }
    pollfd fds[3];
    nfds_t n = 0;
    int* owner[3];
    if (to_child >= 0) fds[n] = {to_child, POLLOUT, 0}, owner[n++] = &to_child;
    if (from_child >= 0) fds[n] = {from_child, POLLIN, 0}, owner[n++] = &from_child;
    if (errors_from_child >= 0) fds[n] = {errors_from_child, POLLIN, 0}, owner[n++] = &errors_from_child;
    int ready = ::poll(fds, n, wait);
    if (ready < 0) {
      if (errno == EINTR) continue;
      result.why = std::string("poll: ") + std::strerror(errno);
      stop = true;
      break;
    }
    for (nfds_t k = 0; k < n; ++k) {
      if (!fds[k].revents) continue;
      int& fd = *owner[k];
      if (&fd == &to_child) {
        size_t chunk = std::min<size_t>(request.input.size() - written, 65536);
        ssize_t w = ::write(fd, request.input.data() + written, chunk);
        if (w > 0) written += static_cast<size_t>(w);
        // EPIPE: the child stopped reading, which it may. Its answer says whether that was right.
        else if (w < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) close_fd(fd);
        if (written == request.input.size()) close_fd(fd);
      } else if (&fd == &from_child) {
        if (!read_some(fd, result.output)) close_fd(fd);
        if (result.output.size() > request.max_output) {
          result.output.resize(request.max_output);
          result.end = ProcessEnd::output_too_large;
          stop = true;
          break;
        }
      } else {
        if (!read_some(fd, result.errors)) close_fd(fd);
        if (result.errors.size() > 2 * kErrorsKept) result.errors.erase(0, result.errors.size() - kErrorsKept);
      }
    }
  }

  // The pipes are closed; the child may still be running (it closed them, or a
  // child of its own holds nothing): wait for it until the deadline.
  int status = 0;
  bool reaped = false;
  while (!stop) {
    pid_t w = ::waitpid(pid, &status, WNOHANG);
    if (w == pid) {
      reaped = true;
      break;
    }
    if (w < 0 && errno != EINTR) break;
    int wait = remaining_ms(deadline);
    if (wait == 0) {
      result.end = ProcessEnd::timed_out;
      stop = true;
      break;
    }
    ::poll(nullptr, 0, std::min(wait, 10));
  }
  if (!reaped) {
    ::kill(-pid, SIGKILL);
    ::kill(pid, SIGKILL);
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  close_fd(to_child), close_fd(from_child), close_fd(errors_from_child);
  if (result.errors.size() > kErrorsKept) result.errors.erase(0, result.errors.size() - kErrorsKept);
  if (reaped) {
    if (WIFEXITED(status)) result.end = ProcessEnd::exited, result.status = WEXITSTATUS(status);
    else if (WIFSIGNALED(status)) result.end = ProcessEnd::signalled, result.status = WTERMSIG(status);
  } else if (result.end == ProcessEnd::not_started && result.why.empty()) {
    result.why = "it could not be waited for";
  }
  return result;
}

}  // namespace rs
