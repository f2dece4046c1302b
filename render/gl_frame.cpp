#include "render/gl_frame.h"

#include <epoxy/gl.h>

#include "render/framebuffer.h"

namespace cm {

void drawToWindow(int width, int height) {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, width, height);
}

void submitGl() { glFlush(); }

void finishGl() { glFinish(); }

std::vector<std::uint8_t> readWindowPixels(int width, int height) {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  glReadBuffer(GL_BACK);
  return readPixelsTopDown(width, height);
}

void readPixelsBottomUp(const Framebuffer& from, int width, int height, std::vector<std::uint8_t>& pixels) {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, from.id());
  pixels.resize(std::size_t(width) * height * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
}

std::string glDescription() {
  const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  const auto* version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
  return std::string(renderer ? renderer : "?") + ", OpenGL " + (version ? version : "?");
}

}  // namespace cm
