#include "app/png_writer.h"

#include <stb_image_write.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <unistd.h>

namespace cm {

std::string writePng(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba) {
  namespace fs = std::filesystem;
  const std::string tmp = path + ".tmp-" + std::to_string(::getpid());
  // Level 6 instead of stb's default 8: noticeably faster on 4K and 8K maps, little larger.
  stbi_write_png_compression_level = 6;
  if (!stbi_write_png(tmp.c_str(), width, height, 4, rgba.data(), width * 4)) {
    const std::string why = std::strerror(errno);
    std::error_code ec;
    fs::remove(tmp, ec);
    return "cannot write '" + path + "': " + why;
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return "cannot write '" + path + "': " + ec.message();
  }
  return {};
}

}  // namespace cm
