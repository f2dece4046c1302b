#pragma once
#include <stdexcept>
#include <string>

#include <epoxy/gl.h>

namespace cm {

struct GlError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A linked shader program; throws GlError with the driver's log if compiling or linking fails.
class GlProgram {
 public:
  GlProgram() = default;
  GlProgram(const char* name, const char* vertexSource, const char* fragmentSource);
  GlProgram(GlProgram&& o) noexcept : id_(o.id_) { o.id_ = 0; }
  GlProgram& operator=(GlProgram&& o) noexcept;
  ~GlProgram();
  GLuint id() const { return id_; }
  GLint uniform(const char* name) const { return glGetUniformLocation(id_, name); }

 private:
  GLuint id_ = 0;
};

// Whether the current context's renderer is a software rasteriser (Mesa's llvmpipe or softpipe,
// SwiftShader), from GL_RENDERER.
bool isSoftwareRasteriser();

}  // namespace cm
