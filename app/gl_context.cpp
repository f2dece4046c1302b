#include "app/gl_context.h"

#include <cstdlib>

#include "render/gl_frame.h"
#include "render/gl_program.h"

namespace cm {

void GlWindow::preferHeadless() { setenv("SDL_VIDEODRIVER", "offscreen", /*overwrite=*/0); }

GlWindow::GlWindow(const std::string& title, int width, int height, bool visible) {
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) throw ContextError(std::string("cannot start SDL video: ") + SDL_GetError());
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
  Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI | (visible ? SDL_WINDOW_RESIZABLE | SDL_WINDOW_SHOWN : SDL_WINDOW_HIDDEN);
  window_ = SDL_CreateWindow(title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height, flags);
  if (!window_) {
    std::string why = SDL_GetError();
    SDL_Quit();
    throw ContextError("cannot open a window (video driver '" +
                       std::string(SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "none") + "'): " + why);
  }
  context_ = SDL_GL_CreateContext(window_);
  if (!context_) {
    std::string why = SDL_GetError();
    SDL_DestroyWindow(window_);
    SDL_Quit();
    throw ContextError("cannot create an OpenGL 3.3 core context: " + why + " (is Mesa's libgl1-mesa-dri installed?)");
  }
  SDL_GL_MakeCurrent(window_, context_);
  SDL_GL_SetSwapInterval(1);
}

GlWindow::~GlWindow() {
  if (context_) SDL_GL_DeleteContext(context_);
  if (window_) SDL_DestroyWindow(window_);
  SDL_Quit();
}

void GlWindow::drawableSize(int& w, int& h) const { SDL_GL_GetDrawableSize(window_, &w, &h); }

std::string GlWindow::rendererDescription() const { return glDescription(); }

bool GlWindow::isSoftwareRenderer() const { return isSoftwareRasteriser(); }

}  // namespace cm
