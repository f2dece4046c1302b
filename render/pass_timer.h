#pragma once
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "render/gl_frame.h"

namespace cm {

// Where a frame's time goes, pass by pass. When enabled, each pass ends waiting for GL (finishGl) so its time
// is the GPU's (or llvmpipe's) work and not queueing; that serialises the frame, so it is for
// measuring (--frame-stats) and costs nothing when off.
class PassTimer {
 public:
  void enable(bool on) { on_ = on; }
  bool enabled() const { return on_; }
  void begin(const char* pass) {
    if (!on_) return;
    finishGl();
    pass_ = pass;
    start_ = std::chrono::steady_clock::now();
  }
  void end() {
    if (!on_ || !pass_) return;
    finishGl();
    samples_[pass_].push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start_).count());
    pass_ = nullptr;
  }
  // Milliseconds per pass, one entry per time the pass ran.
  const std::map<std::string, std::vector<double>>& samples() const { return samples_; }

 private:
  bool on_ = false;
  const char* pass_ = nullptr;
  std::chrono::steady_clock::time_point start_;
  std::map<std::string, std::vector<double>> samples_;
};

}  // namespace cm
