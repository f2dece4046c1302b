#pragma once
#include <stdexcept>
#include <string>

#include <SDL.h>

namespace cm {

struct ContextError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// An SDL window with an OpenGL 3.3 core context. Hidden windows serve headless rendering: with
// SDL's offscreen driver (EGL underneath) no X server is needed.
class GlWindow {
 public:
  GlWindow(const std::string& title, int width, int height, bool visible);
  GlWindow(const GlWindow&) = delete;
  GlWindow& operator=(const GlWindow&) = delete;
  ~GlWindow();

  SDL_Window* window() const { return window_; }
  SDL_GLContext context() const { return context_; }
  void drawableSize(int& w, int& h) const;
  std::string rendererDescription() const;  // "llvmpipe (LLVM 15.0.6, 256 bits), OpenGL 4.5"
  bool isSoftwareRenderer() const;          // Mesa llvmpipe/softpipe, SwiftShader

  // Asks SDL for its offscreen video driver unless the user chose one.
  static void preferHeadless();

 private:
  SDL_Window* window_ = nullptr;
  SDL_GLContext context_ = nullptr;
};

}  // namespace cm
