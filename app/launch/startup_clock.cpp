#include "app/launch/startup_clock.h"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "store/gdal/gdal_module.h"

namespace cm {
namespace {

std::chrono::system_clock::time_point& launchTime() {
  static std::chrono::system_clock::time_point t = std::chrono::system_clock::now();
  return t;
}

}  // namespace

void takeLaunchTime() {
  auto& t = launchTime();
  if (const char* ns = std::getenv("COUNCILMAP_LAUNCH_NS")) {
    char* end = nullptr;
    const long long v = std::strtoll(ns, &end, 10);
    const auto launched =
        std::chrono::system_clock::time_point(std::chrono::duration_cast<std::chrono::system_clock::duration>(std::chrono::nanoseconds(v)));
    if (end && *end == '\0' && v > 0 && launched <= t) t = launched;  // never a launch in the future
    unsetenv("COUNCILMAP_LAUNCH_NS");
  }
}

double msSinceLaunch() { return msAfterLaunch(std::chrono::system_clock::now()); }

double msAfterLaunch(std::chrono::system_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(t - launchTime()).count();
}

void reportGdalLoad(std::ostream& out, const char* needs) {
  const GdalLoad gdal = gdalLoad();
  if (!gdal.loaded)
    out << "councilmap: GDAL not loaded: what " << needs << " needed came from the cache\n";
  else if (!gdal.linkedIn)
    out << "councilmap: GDAL loaded " << std::lround(msAfterLaunch(gdal.at)) << " ms after launch, first for " << gdal.firstNeededFor
        << '\n';
}

void StartupTimeline::note(const char* phase) {
  const double ms = msSinceLaunch();
  std::lock_guard lock(mutex_);
  phases_.emplace_back(phase, ms);
}

std::string StartupTimeline::describe() const {
  std::lock_guard lock(mutex_);
  std::ostringstream out;
  out.precision(0);
  out << std::fixed;
  for (std::size_t i = 0; i < phases_.size(); ++i) out << (i ? ", " : "") << phases_[i].first << ' ' << phases_[i].second;
  out << " ms after launch";
  return out.str();
}

}  // namespace cm
