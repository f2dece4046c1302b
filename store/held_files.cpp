#include "store/held_files.h"

#include <algorithm>
#include <vector>

#include "store/cache/cache_entry.h"
#include "store/gdal/gdal_readers.h"

namespace cm {
namespace {

// What holdOpen promised: the file, opened through GDAL once this thread first reads it that way.
struct HeldFile {
  std::string path;
  std::shared_ptr<void> dataset;
};
thread_local std::vector<std::weak_ptr<HeldFile>> tHeldFiles;

}  // namespace

void openHeldFile(const std::string& path) {
  for (const auto& weak : tHeldFiles)
    if (const auto held = weak.lock(); held && !held->dataset && held->path == path) held->dataset = holdOpenWithGdal(path);
}

std::shared_ptr<void> holdOpen(const std::string& path) {
  std::erase_if(tHeldFiles, [](const auto& weak) { return weak.expired(); });
  auto held = std::make_shared<HeldFile>(HeldFile{path, nullptr});
  tHeldFiles.push_back(held);
  return held;
}

void prepareThreadForLoading(bool loadGdal) {
  programFile();
  // This library's thread-local storage is made on a thread's first use, under the dynamic linker's lock.
  tHeldFiles.reserve(1);
  if (loadGdal) prepareThreadForGdal();
}

}  // namespace cm
