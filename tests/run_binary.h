#pragma once
// Runs a command line through the shell for the tests that drive the real binary: its exit code,
// its standard output, and its standard error (through a file, so the two never interleave).
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <sys/wait.h>

namespace cm::run {

struct Outcome {
  int code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// `errFile` is a scratch path for standard error, removed afterwards.
inline Outcome runCommand(const std::string& command, const std::filesystem::path& errFile) {
  Outcome r;
  FILE* p = popen((command + " 2>" + errFile.string()).c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  while (std::size_t n = fread(buf.data(), 1, buf.size(), p)) r.out.append(buf.data(), n);
  const int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.err = slurp(errFile);
  std::filesystem::remove(errFile);
  return r;
}

}  // namespace cm::run
