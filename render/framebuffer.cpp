#include "render/framebuffer.h"

#include <algorithm>
#include <cstring>

namespace cm {

Framebuffer::~Framebuffer() { release(); }

void Framebuffer::release() {
  if (fbo_) glDeleteFramebuffers(1, &fbo_);
  if (colour_) glDeleteRenderbuffers(1, &colour_);
  if (texture_) glDeleteTextures(1, &texture_);
  fbo_ = colour_ = texture_ = 0;
  width_ = height_ = samples_ = 0;
}

int Framebuffer::maxSize() {
  GLint rb = 0;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &rb);
  GLint vp[2] = {0, 0};
  glGetIntegerv(GL_MAX_VIEWPORT_DIMS, vp);
  return std::min<int>(rb, std::min(vp[0], vp[1]));
}

int Framebuffer::maxSamples() {
  GLint s = 0;
  glGetIntegerv(GL_MAX_SAMPLES, &s);
  return s;
}

bool Framebuffer::resize(int width, int height, int samples) {
  samples = std::clamp(samples, 1, std::max(1, maxSamples()));
  if (fbo_ && width == width_ && height == height_ && samples == samples_) return true;
  release();
  glGenFramebuffers(1, &fbo_);
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  if (samples > 1) {
    glGenRenderbuffers(1, &colour_);
    glBindRenderbuffer(GL_RENDERBUFFER, colour_);
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, width, height);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour_);
  } else {  // a texture, so that copyToWindow can draw with it
    glGenTextures(1, &texture_);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
  }
  const bool ok = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  width_ = width;
  height_ = height;
  samples_ = samples;
  if (!ok) release();
  return ok;
}

void Framebuffer::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
  glViewport(0, 0, width_, height_);
}

void Framebuffer::blitTo(GLuint target, int tw, int th) const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target);
  glBlitFramebuffer(0, 0, width_, height_, 0, 0, tw, th, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, target);
}

std::vector<std::uint8_t> readPixelsTopDown(int width, int height) {
  std::vector<std::uint8_t> px(std::size_t(width) * height * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
  // GL rows run bottom-up; images run top-down.
  const std::size_t row = std::size_t(width) * 4;
  std::vector<std::uint8_t> tmp(row);
  for (int y = 0; y < height / 2; ++y) {
    std::uint8_t* a = px.data() + std::size_t(y) * row;
    std::uint8_t* b = px.data() + std::size_t(height - 1 - y) * row;
    std::memcpy(tmp.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, tmp.data(), row);
  }
  return px;
}

}  // namespace cm
