#pragma once
// Files that appear whole or not at all. The content is written to a temporary file beside the
// target (same folder, so the rename never crosses file systems), flushed to the disk, and renamed
// over the target. A run killed at any moment leaves the old file or the new one, never a mix; at
// worst a stray "NAME.tmp-PID" beside it.
#include <filesystem>
#include <string>
#include <string_view>

namespace cm {

class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();  // removes the temporary file unless committed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Write the content here, with any API (stdio, GDAL, stb). It does not exist yet.
  const std::filesystem::path& tempPath() const { return temp_; }
  const std::filesystem::path& target() const { return target_; }
  // Flushes the temporary file to the disk and renames it over the target. Returns an error message
  // naming the target, empty on success; on failure the target is untouched.
  std::string commit();

 private:
  std::filesystem::path target_, temp_;
  bool committed_ = false;
};

// The whole content at once, e.g. a settings file. Returns an error message, empty on success.
std::string writeFileAtomically(const std::filesystem::path& target, std::string_view content);

}  // namespace cm
