#include "store/png_writer.h"

#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <future>
#include <memory>
#include <thread>

#include <libdeflate.h>
#include <png.h>

#include "base/atomic_file.h"

namespace cm {
namespace {

// Maps are flat colours with hairlines: deflate at level 3 without row filters finds the runs
// and writes a 3840x2160 map in about 40 ms on one core, 0.6 MB; stb_image_write took 420 ms for
// 1.3 MB, and filters or higher levels cost more time than they save bytes here (BM_WritePng).
constexpr int kDeflateLevel = 3;
constexpr int kRowsPerBandAtLeast = 256;

bool opaque(const std::vector<std::uint8_t>& rgba) {
  // Two pixels at a time, with no branch per pixel: a 3840x2160 image in about a millisecond.
  constexpr std::uint64_t kAlpha = 0xff000000ff000000ull;
  std::uint64_t all = kAlpha;
  std::size_t i = 0;
  for (; i + 8 <= rgba.size(); i += 8) {
    std::uint64_t two;
    std::memcpy(&two, &rgba[i], 8);
    all &= two;
  }
  for (i += 3; i < rgba.size(); i += 4) all &= rgba[i] == 255 ? kAlpha : 0;
  return (all & kAlpha) == kAlpha;
}

struct Image {
  int width, height;
  const std::uint8_t* rgba;
  bool dropAlpha, bottomUp;
  const std::uint8_t* row(int y) const { return rgba + std::size_t(bottomUp ? height - 1 - y : y) * std::size_t(width) * 4; }
};

// One band of rows as PNG stores them (filter byte 0, then RGB or RGBA), deflated as a raw stream
// that ends on a byte boundary (a sync flush), or with the final block for the last band.
struct Band {
  // Sized for the worst case, which a map never comes near: left uninitialised, only the pages
  // deflate writes are ever touched (zeroing 25 MB at 3840x2160 cost more than the compression).
  std::unique_ptr<std::uint8_t[]> deflated;
  std::size_t size = 0;
  uLong adler = 1;
  std::size_t bytes = 0;  // before deflating
  bool ok = false;
};

Band deflateBand(const Image& im, int y0, int y1, bool last) {
  Band b;
  z_stream z{};
  if (deflateInit2(&z, kDeflateLevel, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return b;
  const std::size_t channels = im.dropAlpha ? 3 : 4, rowBytes = 1 + std::size_t(im.width) * channels;
  std::vector<std::uint8_t> row(rowBytes + 1);  // + 1: the RGB copy below writes a byte past each pixel
  const std::size_t capacity = deflateBound(&z, uLong(rowBytes) * uLong(y1 - y0)) + 64;
  b.deflated.reset(new std::uint8_t[capacity]);
  z.next_out = b.deflated.get();
  z.avail_out = uInt(capacity);
  int status = Z_OK;
  for (int y = y0; y < y1 && status == Z_OK; ++y) {
    const std::uint8_t* src = im.row(y);
    row[0] = 0;        // no filter
    if (im.dropAlpha)  // four bytes a pixel, each overwriting the last one's alpha: one store, not two
      for (int x = 0; x < im.width; ++x) std::memcpy(&row[1 + std::size_t(x) * 3], src + std::size_t(x) * 4, 4);
    else
      std::memcpy(&row[1], src, rowBytes - 1);
    b.adler = libdeflate_adler32(std::uint32_t(b.adler), row.data(), rowBytes);  // SIMD; zlib's is bytewise
    b.bytes += rowBytes;
    z.next_in = row.data();
    z.avail_in = uInt(rowBytes);
    const bool end = y + 1 == y1;
    status = deflate(&z, end ? (last ? Z_FINISH : Z_SYNC_FLUSH) : Z_NO_FLUSH);
    if (z.avail_in != 0) status = Z_BUF_ERROR;  // the bound was not enough: cannot happen
  }
  b.ok = status == (last ? Z_STREAM_END : Z_OK);
  b.size = capacity - z.avail_out;
  deflateEnd(&z);
  return b;
}

// The whole image as one zlib stream, its bands deflated on every core, as pigz does: raw deflate
// streams that each end on a byte boundary can follow one another, and the Adler-32 of the whole
// is combined from the bands'. Empty if zlib failed.
std::vector<std::uint8_t> deflateImage(const Image& im) {
  const int cores = int(std::clamp(std::thread::hardware_concurrency(), 1u, 8u));
  const int bands = std::clamp(im.height / kRowsPerBandAtLeast, 1, cores);
  auto rows = [&im, bands](int k) {
    return std::pair(int(std::int64_t(im.height) * k / bands), int(std::int64_t(im.height) * (k + 1) / bands));
  };
  std::vector<std::future<Band>> others;
  for (int k = 0; k + 1 < bands; ++k)
    others.push_back(std::async(std::launch::async, [&im, r = rows(k)] { return deflateBand(im, r.first, r.second, false); }));
  const Band last = deflateBand(im, rows(bands - 1).first, im.height, true);  // this thread takes a band too
  std::vector<std::uint8_t> out = {0x78, 0x5e};                               // zlib header: deflate, 32 KB window, fast level
  uLong adler = 1;
  auto append = [&](const Band& b) {
    if (b.deflated) out.insert(out.end(), b.deflated.get(), b.deflated.get() + b.size);
    adler = adler32_combine(adler, b.adler, z_off_t(b.bytes));
    return b.ok;
  };
  bool ok = true;
  for (auto& w : others) ok &= append(w.get());
  if (!(ok && append(last))) return {};
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(std::uint8_t(adler >> shift));
  return out;
}

// libpng frames the file (signature, header, the deflated data as IDAT chunks, end); it reports
// errors by longjmp, so nothing here may need a destructor. Returns libpng's message, or empty; a
// failed write is told by the system's reason ("No space left on device"), not libpng's "Write Error".
struct PngFailure {
  char message[256] = "";
  int systemError = 0;  // errno when libpng gave up, if a write failed
};

const char* writeChunks(std::FILE* out, const Image& im, const std::vector<std::uint8_t>& idat, PngFailure& failure) {
  png_structp png = png_create_write_struct(
      PNG_LIBPNG_VER_STRING, &failure,
      [](png_structp p, png_const_charp msg) {
        auto* f = static_cast<PngFailure*>(png_get_error_ptr(p));
        f->systemError = errno;
        std::snprintf(f->message, sizeof f->message, "%s", msg);
        png_longjmp(p, 1);
      },
      nullptr);
  if (!png) return "out of memory";
  png_infop info = png_create_info_struct(png);
  if (!info || setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    return failure.message[0] ? failure.message : "out of memory";
  }
  png_init_io(png, out);
  png_set_IHDR(png, info, png_uint_32(im.width), png_uint_32(im.height), 8, im.dropAlpha ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGBA,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info(png, info);
  constexpr std::size_t kChunk = std::size_t(1) << 20;
  for (std::size_t at = 0; at < idat.size(); at += kChunk)
    png_write_chunk(png, reinterpret_cast<png_const_bytep>("IDAT"), idat.data() + at, std::min(kChunk, idat.size() - at));
  png_write_chunk(png, reinterpret_cast<png_const_bytep>("IEND"), nullptr, 0);
  png_destroy_write_struct(&png, &info);
  return "";
}

// Writes the PNG to an open stream; returns an error message (without the file's name), or empty.
std::string writeStream(std::FILE* out, const Image& image, const std::vector<std::uint8_t>& idat) {
  PngFailure failure;
  errno = 0;
  const std::string error = writeChunks(out, image, idat, failure);
  if (!error.empty()) return failure.systemError ? std::strerror(failure.systemError) : error;
  if (std::fflush(out) != 0 || std::ferror(out)) return std::strerror(errno ? errno : EIO);  // a full disk often shows only here
  return {};
}

}  // namespace

std::string writePng(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgba, bool bottomUp) {
  const bool toStdout = path == "-";
  const std::string failed = "cannot write '" + (toStdout ? std::string("standard output") : path) + "': ";
  if (width <= 0 || height <= 0 || rgba.size() != std::size_t(width) * std::size_t(height) * 4)
    return failed + "the image is not " + std::to_string(width) + "x" + std::to_string(height) + " RGBA";
  const Image image{width, height, rgba.data(), opaque(rgba), bottomUp};
  const auto idat = deflateImage(image);
  if (idat.empty()) return failed + "compression failed";
  if (toStdout) {
    const std::string error = writeStream(stdout, image, idat);
    return error.empty() ? error : failed + error;
  }
  AtomicFile file(path);
  std::FILE* out = std::fopen(file.tempPath().c_str(), "wb");
  if (!out) return failed + std::strerror(errno);
  std::string error = writeStream(out, image, idat);
  if (std::fclose(out) != 0 && error.empty()) error = std::strerror(errno);
  if (!error.empty()) return failed + error;
  return file.commit();
}

}  // namespace cm
