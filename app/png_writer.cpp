#include "app/png_writer.h"

#include <png.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "data/atomic_file.h"

namespace cm {
namespace {

// Maps are flat colours with hairlines: deflate at level 3 without row filters finds the runs
// and writes a 3840x2160 map in about 40 ms, 0.6 MB; stb_image_write took 420 ms for 1.3 MB, and
// filters or higher levels cost more time than they save bytes here (bench_core BM_WritePng).
constexpr int kDeflateLevel = 3;

bool opaque(const std::vector<std::uint8_t>& rgba) {
  for (std::size_t i = 3; i < rgba.size(); i += 4)
    if (rgba[i] != 255) return false;
  return true;
}

// libpng reports errors by longjmp, so nothing here may need a destructor; returns libpng's
// message, or empty on success.
const char* encode(std::FILE* out, int width, int height, const std::uint8_t* rgba, bool dropAlpha, bool bottomUp, char (&message)[256]) {
  message[0] = 0;
  png_structp png = png_create_write_struct(
      PNG_LIBPNG_VER_STRING, message,
      [](png_structp p, png_const_charp msg) {
        std::snprintf(static_cast<char*>(png_get_error_ptr(p)), 256, "%s", msg);
        png_longjmp(p, 1);
      },
      nullptr);
  if (!png) return "out of memory";
  png_infop info = png_create_info_struct(png);
  if (!info || setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return message[0] ? message : "out of memory";
  }
  png_init_io(png, out);
  png_set_IHDR(png, info, png_uint_32(width), png_uint_32(height), 8, dropAlpha ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGBA,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_set_compression_level(png, kDeflateLevel);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_write_info(png, info);
  if (dropAlpha) png_set_filler(png, 0, PNG_FILLER_AFTER);  // rows stay RGBA in memory; the alpha is skipped
  for (int y = 0; y < height; ++y) png_write_row(png, rgba + std::size_t(bottomUp ? height - 1 - y : y) * std::size_t(width) * 4);
  png_write_end(png, info);
  png_destroy_write_struct(&png, &info);
  return "";
}

}  // namespace

std::string writePng(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba, bool bottomUp) {
  if (width <= 0 || height <= 0 || rgba.size() != std::size_t(width) * std::size_t(height) * 4)
    return "cannot write '" + path + "': the image is not " + std::to_string(width) + "x" + std::to_string(height) + " RGBA";
  AtomicFile file(path);
  std::FILE* out = std::fopen(file.tempPath().c_str(), "wb");
  if (!out) return "cannot write '" + path + "': " + std::strerror(errno);
  char message[256];
  const std::string failed = encode(out, width, height, rgba.data(), opaque(rgba), bottomUp, message);
  const bool written = std::ferror(out) == 0;
  const int savedErrno = errno;
  if (std::fclose(out) != 0 || !written || !failed.empty())
    return "cannot write '" + path + "': " + (failed.empty() ? std::strerror(written ? errno : savedErrno) : failed);
  return file.commit();
}

}  // namespace cm
