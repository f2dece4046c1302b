#pragma once
// Files that appear whole or not at all. The content is written to a temporary file beside the
// target (same folder, so the rename never crosses file systems), flushed to the disk, and renamed
// over the target. A run killed at any moment leaves the old file or the new one, never a mix; at
// worst a stray "NAME.tmp-PID" beside it.
//
// A symbolic link is followed, and the file it names is replaced (the link stays a link). A target
// that is not a regular file (a device such as /dev/null, a FIFO, /dev/stdout) is never replaced:
// it is written through, in place, as a shell's redirection would.
#include <filesystem>
#include <string>
#include <string_view>

namespace cm {

// Where writing `target` really goes: the file its symbolic links lead to, and whether that is a
// special file (device, FIFO, socket, anything under /dev or /proc) to be written through.
struct WriteTarget {
  std::filesystem::path path;
  bool writeThrough = false;
};
WriteTarget resolveWriteTarget(const std::filesystem::path& target);

class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path target);
  ~AtomicFile();  // removes the temporary file unless committed
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Write the content here, with any API (stdio, GDAL, stb). It does not exist yet, unless the
  // target is written through (writesThrough()), when it is the target itself.
  const std::filesystem::path& tempPath() const { return temp_; }
  const std::filesystem::path& target() const { return target_; }
  // True when the target is a special file written in place (see above): a writer that needs a
  // regular file (a GeoPackage, say) should refuse it.
  bool writesThrough() const { return writeThrough_; }
  // Flushes the temporary file to the disk and renames it over the target. Returns an error message
  // naming the target, empty on success; on failure the target is untouched.
  std::string commit();

 private:
  std::filesystem::path target_, temp_;
  bool writeThrough_ = false;
  bool committed_ = false;
};

// The whole content at once, e.g. a settings file. Returns an error message, empty on success.
std::string writeFileAtomically(const std::filesystem::path& target, std::string_view content);

}  // namespace cm
