#pragma once
#include <cstdint>
#include <vector>

#include <epoxy/gl.h>

namespace cm {

// An offscreen colour target. With samples > 1 it is multisampled and must be resolved
// (blitTo) into a single-sampled one before reading or sampling.
class Framebuffer {
 public:
  Framebuffer() = default;
  Framebuffer(const Framebuffer&) = delete;
  Framebuffer& operator=(const Framebuffer&) = delete;
  ~Framebuffer();

  // Recreates storage when the size or sample count changed; returns false if the driver refuses.
  bool resize(int width, int height, int samples);
  void bind() const;
  // Copies (and resolves) this framebuffer into another (0 = the window).
  void blitTo(GLuint target, int targetWidth, int targetHeight) const;
  GLuint id() const { return fbo_; }
  GLuint texture() const { return texture_; }  // the colour, when single-sampled (0 otherwise)
  int width() const { return width_; }
  int height() const { return height_; }

  static int maxSize();
  static int maxSamples();

 private:
  void release();
  GLuint fbo_ = 0, colour_ = 0, texture_ = 0;
  int width_ = 0, height_ = 0, samples_ = 0;
};

// Reads the bound read framebuffer as top-down RGBA rows.
std::vector<std::uint8_t> readPixelsTopDown(int width, int height);

}  // namespace cm
