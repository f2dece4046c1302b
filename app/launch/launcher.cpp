// The councilmap executable: loads the program itself (libcouncilmap.so, beside this file) with a
// symbol scope of its own and runs it. Why not one executable: the program's libraries would then
// all sit in the process's global scope, which the dynamic linker searches first for every symbol
// of every library loaded later. Mesa's driver and LLVM, loaded when the GL context starts, look up
// tens of thousands; behind a local scope they find them in a handful of libraries instead (about
// 10 ms less of every start on the reference machine, when the program still linked GDAL's 130 or
// so libraries; GDAL's part, libcouncilmap_gdal.so, is now loaded only when needed, with a scope of
// its own too: store/gdal/gdal_module.h).
#include <dlfcn.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include <climits>

#include "app/launch/malloc_settings.h"
#include "base/library_preload.h"

// No C++ library here: the launcher starts twice (app/launch/malloc_settings.h), and libstdc++ would be loaded
// and initialised for the first start too, only to be thrown away (the program loads it as it needs it).

// For the start-up timeline that -v prints (app/launch/startup_clock.h): when the launcher started, carried
// through its restart (cm::restartWithMallocSettings) in the environment, which the program then clears.
void noteLaunchTime() {
  if (std::getenv("COUNCILMAP_LAUNCH_NS")) return;  // the restart: the first start already noted it
  timespec now{};
  clock_gettime(CLOCK_REALTIME, &now);
  char ns[32];
  std::snprintf(ns, sizeof ns, "%lld", static_cast<long long>(now.tv_sec) * 1000000000LL + now.tv_nsec);
  setenv("COUNCILMAP_LAUNCH_NS", ns, 1);
}

int main(int argc, char** argv) {
  noteLaunchTime();
  cm::restartWithMallocSettings(argv);
  // The folder this file is in, from /proc (or argv[0] where there is none), with its last slash.
  char dir[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
  if (n <= 0) n = ssize_t(std::snprintf(dir, sizeof dir, "%s", argv[0]));
  if (n >= ssize_t(sizeof dir)) n = ssize_t(sizeof dir) - 1;
  dir[n] = '\0';
  if (char* slash = std::strrchr(dir, '/'))
    slash[1] = '\0';
  else
    dir[0] = '\0';
  char path[PATH_MAX + 32];
  std::snprintf(path, sizeof path, "%slibcouncilmap.deps", dir);
  cm::preloadLibraries(path);  // base/library_preload.h says why
  std::snprintf(path, sizeof path, "%slibcouncilmap.so", dir);
  void* lib = dlopen(path, RTLD_LAZY | RTLD_LOCAL);
  if (!lib) {
    std::fprintf(stderr, "councilmap: error: cannot load the program: %s\n", dlerror());
    return 5;
  }
  using Main = int (*)(int, char**);
  const auto run = reinterpret_cast<Main>(dlsym(lib, "councilmap_main"));
  if (!run) {
    std::fprintf(stderr, "councilmap: error: %s has no councilmap_main: %s\n", path, dlerror());
    return 5;
  }
  return run(argc, argv);
}
