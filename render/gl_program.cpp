#include "render/gl_program.h"

#include <string>
#include <utility>

namespace cm {
namespace {
template <class GetLog>
std::string infoLog(GLuint object, GetLog getLog) {
  char log[4096] = {};
  getLog(object, sizeof log, nullptr, log);
  return log;
}

GLuint compile(const char* name, GLenum type, const char* src) {
  GLuint s = glCreateShader(type);
  glShaderSource(s, 1, &src, nullptr);
  glCompileShader(s);
  GLint ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    const std::string log = infoLog(s, glGetShaderInfoLog);
    glDeleteShader(s);
    throw GlError(std::string("shader '") + name + "' failed to compile: " + log);
  }
  return s;
}
}  // namespace

GlProgram::GlProgram(const char* name, const char* vs, const char* fs) {
  GLuint v = compile(name, GL_VERTEX_SHADER, vs);
  GLuint f = compile(name, GL_FRAGMENT_SHADER, fs);
  id_ = glCreateProgram();
  glAttachShader(id_, v);
  glAttachShader(id_, f);
  glLinkProgram(id_);
  glDeleteShader(v);
  glDeleteShader(f);
  GLint ok = 0;
  glGetProgramiv(id_, GL_LINK_STATUS, &ok);
  if (!ok) {
    const std::string log = infoLog(id_, glGetProgramInfoLog);
    glDeleteProgram(id_);
    id_ = 0;
    throw GlError(std::string("shader program '") + name + "' failed to link: " + log);
  }
}

GlProgram& GlProgram::operator=(GlProgram&& o) noexcept {
  std::swap(id_, o.id_);
  return *this;
}

GlProgram::~GlProgram() {
  if (id_) glDeleteProgram(id_);
}

bool isSoftwareRasteriser() {
  const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  if (!renderer) return false;
  const std::string r = renderer;
  for (const char* soft : {"llvmpipe", "softpipe", "SwiftShader"})
    if (r.find(soft) != std::string::npos) return true;
  return false;
}

}  // namespace cm
