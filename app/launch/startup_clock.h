#pragma once
#include <chrono>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

namespace cm {

// When the process was launched, for the start-up timeline that -v prints. The launcher puts its own
// start time in COUNCILMAP_LAUNCH_NS before it restarts itself (app/launch/launcher.cpp), so the timeline
// counts the restart and the loading of the libraries too; takeLaunchTime() reads it and removes it
// from the environment, so no child process inherits it. Without it, the program's start is used.
void takeLaunchTime();
double msSinceLaunch();
double msAfterLaunch(std::chrono::system_clock::time_point t);

// For -v: whether this run loaded GDAL (store/gdal/gdal_module.h), when and for what. A run whose reads the
// user's cache served does not; `needs` names what those reads were for ("the first frame").
void reportGdalLoad(std::ostream& out, const char* needs);

// Phases of the start-up, each noted when it ends, from any thread.
class StartupTimeline {
 public:
  void note(const char* phase);
  std::string describe() const;  // "program 29, window 51, ... first frame 80 ms after launch"

 private:
  mutable std::mutex mutex_;  // the loader thread notes its phase too
  std::vector<std::pair<const char*, double>> phases_;
};

}  // namespace cm
