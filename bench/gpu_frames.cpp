// Frame times of a saved map scene (bench/gpu_scene.h) on whatever EGL finds first: a GPU where
// there is one, else Mesa's llvmpipe. No window, no SDL, no GDAL, so it runs on a bare GPU machine
// (bench/gpu_frames.sh carries it there). For each size it draws the scene into an offscreen
// framebuffer as the viewer does, and prints the median and 95th percentile of
//   frame: wall time of the draw calls and glFinish (what a presenter waits for), and
//   gpu:   GL_TIME_ELAPSED of the same frame (the GPU's own work), and
//   submit: the draw calls alone, before glFinish (the CPU's share: culling, state, commands),
//   stream: frames drawn back to back, one glFinish at the end (a render loop's frame time, where
//           the CPU prepares the next frame while the GPU draws this one);
// then, per pass, the median wall time with each pass waited on (PassTimer, as --frame-stats).
// Usage: gpu_frames SCENE [--frames N] [--ppm OUT_PREFIX]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include <epoxy/egl.h>
#include <epoxy/gl.h>

#include "bench/gpu_scene.h"
#include "render/framebuffer.h"

using namespace cm;

namespace {

bool makeContext() {
  EGLDisplay display = EGL_NO_DISPLAY;
  EGLint major = 0, minor = 0;
  // A bare GPU machine has no X server: ask for the first device directly.
  if (epoxy_has_egl_extension(EGL_NO_DISPLAY, "EGL_EXT_device_enumeration") &&
      epoxy_has_egl_extension(EGL_NO_DISPLAY, "EGL_EXT_platform_device")) {
    EGLDeviceEXT devices[8];
    EGLint count = 0;
    eglQueryDevicesEXT(8, devices, &count);
    for (EGLint i = 0; i < count && display == EGL_NO_DISPLAY; ++i) {
      display = eglGetPlatformDisplayEXT(EGL_PLATFORM_DEVICE_EXT, devices[i], nullptr);
      if (display != EGL_NO_DISPLAY && !eglInitialize(display, &major, &minor)) display = EGL_NO_DISPLAY;
    }
  }
  if (display == EGL_NO_DISPLAY) {
    display = eglGetDisplay(EGL_DEFAULT_DISPLAY);
    if (display == EGL_NO_DISPLAY || !eglInitialize(display, &major, &minor)) return false;
  }
  std::printf("EGL %d.%d: %s\n", major, minor, eglQueryString(display, EGL_VENDOR));
  if (!eglBindAPI(EGL_OPENGL_API)) return false;
  const EGLint configAttribs[] = {EGL_SURFACE_TYPE, EGL_PBUFFER_BIT, EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
  EGLConfig config;
  EGLint configs = 0;
  if (!eglChooseConfig(display, configAttribs, &config, 1, &configs) || configs < 1) return false;
  const EGLint contextAttribs[] = {
      EGL_CONTEXT_MAJOR_VERSION,           3,       EGL_CONTEXT_MINOR_VERSION, 3, EGL_CONTEXT_OPENGL_PROFILE_MASK,
      EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT, EGL_NONE};
  EGLContext context = eglCreateContext(display, config, EGL_NO_CONTEXT, contextAttribs);
  if (context == EGL_NO_CONTEXT) return false;
  return eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context);  // drawing goes to our framebuffers
}

struct Stats {
  double median, p95;
};
Stats stats(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return {v[v.size() / 2], v[std::min(v.size() - 1, v.size() * 95 / 100)]};
}

void writePpm(const std::string& path, int w, int h) {
  std::vector<std::uint8_t> rgba(std::size_t(w) * h * 4);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
  std::FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return;
  std::fprintf(f, "P6\n%d %d\n255\n", w, h);
  for (int y = h - 1; y >= 0; --y)
    for (int x = 0; x < w; ++x) std::fwrite(&rgba[(std::size_t(y) * w + x) * 4], 1, 3, f);
  std::fclose(f);
}

}  // namespace

int main(int argc, char** argv) {
  std::string scenePath, ppmPrefix;
  int frames = 200;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--frames") && i + 1 < argc)
      frames = std::max(1, std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--ppm") && i + 1 < argc)
      ppmPrefix = argv[++i];
    else
      scenePath = argv[i];
  }
  if (scenePath.empty()) {
    std::fprintf(stderr, "usage: %s SCENE [--frames N] [--ppm OUT_PREFIX]\n", argv[0]);
    return 2;
  }
  auto scene = loadScene(scenePath);
  if (!scene) {
    std::fprintf(stderr, "gpu_frames: %s is missing or not a scene written by gpu_scene_dump\n", scenePath.c_str());
    return 1;
  }
  if (!makeContext()) {
    std::fprintf(stderr, "gpu_frames: no OpenGL 3.3 core context through EGL (error 0x%x)\n", eglGetError());
    return 1;
  }
  std::printf("renderer: %s, OpenGL %s\n", glGetString(GL_RENDERER), glGetString(GL_VERSION));

  const auto uploadStart = std::chrono::steady_clock::now();
  std::vector<std::unique_ptr<MapRenderer>> renderers;
  std::size_t vertices = 0, triangles = 0;
  for (const auto& layer : scene->layers) {
    auto& r = renderers.emplace_back(std::make_unique<MapRenderer>(layer.mesh));
    r->setStyles(layer.styles);
    r->look() = layer.look;
    vertices += layer.mesh.vertices.size();
    triangles += layer.mesh.triangles.size() / 3;
  }
  glFinish();
  std::printf("scene: %zu layers, %zu vertices, %zu triangles, uploaded in %.1f ms\n", scene->layers.size(), vertices, triangles,
              std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - uploadStart).count());

  GLuint query = 0;
  glGenQueries(1, &query);
  const int sizes[][2] = {{1280, 800}, {1920, 1080}, {3840, 2160}};
  std::printf("%-10s %7s %12s %12s %12s %12s %12s %12s\n", "size", "frames", "frame med", "frame p95", "gpu med", "gpu p95", "submit med",
              "stream");
  for (const auto& [w, h] : sizes) {
    Framebuffer target;
    if (!target.resize(w, h, 1)) continue;
    Camera camera;
    camera.setViewport(w, h);
    camera.fit(scene->extent);
    auto drawFrame = [&](PassTimer* timer = nullptr) {
      target.bind();
      for (std::size_t i = 0; i < renderers.size(); ++i)
        renderers[i]->draw(camera, scene->layers[i].overlay, timer, scene->layers[i].overlay ? "wards" : "councils");
    };
    // The clear alone (the base layer's first step, outside its timed passes), by the GPU's clock.
    std::vector<double> clears;
    for (int i = 0; i < std::min(frames, 50); ++i) {
      target.bind();
      glBeginQuery(GL_TIME_ELAPSED, query);
      glClearColor(0.75f, 0.85f, 0.92f, 1.0f);
      glClear(GL_COLOR_BUFFER_BIT);
      glEndQuery(GL_TIME_ELAPSED);
      GLuint64 ns = 0;
      glGetQueryObjectui64v(query, GL_QUERY_RESULT, &ns);
      clears.push_back(double(ns) / 1e6);
    }
    for (int i = 0; i < 10; ++i) drawFrame();  // first-use costs (shader variants, buffer residency)
    glFinish();
    std::vector<double> wall, gpu, submit;
    for (int i = 0; i < frames; ++i) {
      const auto start = std::chrono::steady_clock::now();
      glBeginQuery(GL_TIME_ELAPSED, query);
      drawFrame();
      glEndQuery(GL_TIME_ELAPSED);
      submit.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
      glFinish();
      wall.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
      GLuint64 ns = 0;
      glGetQueryObjectui64v(query, GL_QUERY_RESULT, &ns);
      gpu.push_back(double(ns) / 1e6);
    }
    const auto streamStart = std::chrono::steady_clock::now();
    for (int i = 0; i < frames; ++i) drawFrame();
    glFinish();
    const double stream = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - streamStart).count() / frames;
    const Stats f = stats(wall), g = stats(gpu), c = stats(submit);
    std::printf("%4dx%-5d %7d %9.3f ms %9.3f ms %9.3f ms %9.3f ms %9.3f ms %9.3f ms\n", w, h, frames, f.median, f.p95, g.median, g.p95,
                c.median, stream);
    PassTimer timer;
    timer.enable(true);
    for (int i = 0; i < std::min(frames, 50); ++i) drawFrame(&timer);
    std::printf("           clear alone (gpu) %.3f ms; passes, each waited on:", stats(clears).median);
    for (const auto& [pass, ms] : timer.samples()) std::printf("  %s %.3f ms", pass.c_str(), stats(ms).median);
    std::printf("\n");
    if (!ppmPrefix.empty()) {
      glBindFramebuffer(GL_READ_FRAMEBUFFER, target.id());
      writePpm(ppmPrefix + "-" + std::to_string(w) + "x" + std::to_string(h) + ".ppm", w, h);
    }
  }
  glDeleteQueries(1, &query);
  renderers.clear();
}
