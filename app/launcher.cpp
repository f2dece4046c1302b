// The councilmap executable: loads the program itself (libcouncilmap.so, beside this file) with a
// symbol scope of its own and runs it. Why not one executable: the program's libraries would then
// all sit in the process's global scope, which the dynamic linker searches first for every symbol
// of every library loaded later. Mesa's driver and LLVM, loaded when the GL context starts, look up
// tens of thousands; behind a local scope they find them in a handful of libraries instead (about
// 10 ms less of every start on the reference machine, when the program still linked GDAL's 130 or
// so libraries; GDAL's part, libcouncilmap_gdal.so, is now loaded only when needed, with a scope of
// its own too: data/gdal_module.h).
#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include "data/library_preload.h"

// No C++ library here: the launcher starts twice (useHugePages), and libstdc++ would be loaded and
// initialised for the first start too, only to be thrown away (the program loads it as it needs it).

// Large buffers (a 3840x2160 image is 33 MB, and the GL driver holds another) are faulted in 4 KB at a
// time unless malloc asks the kernel for transparent huge pages, which glibc does only when a tunable
// read at process start says so. So the launcher sets it and starts itself again, once: a 3840x2160
// export went from 180 to 153 ms on the reference machine. A huge page is zeroed whole when first
// touched, so freed memory is kept too (up to 64 MB, growing the heap 16 MB at a time, blocks under
// 32 MB from the heap) rather than handed back to be zeroed again: LLVM, compiling the shaders at
// startup, frees and allocates a great deal (a third of the main thread's time went to zeroing).
// A user's own setting is left alone.
void useHugePages(char** argv) {
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  if (tunables && std::strstr(tunables, "glibc.malloc.hugetlb")) return;
  static const char ours[] =
      "glibc.malloc.hugetlb=1:glibc.malloc.trim_threshold=67108864:glibc.malloc.top_pad=16777216:glibc.malloc.mmap_threshold=33554432";
  char value[4096];
  const int n = tunables && *tunables ? std::snprintf(value, sizeof value, "%s:%s", tunables, ours) : std::snprintf(value, sizeof value, "%s", ours);
  if (n > 0 && std::size_t(n) < sizeof value && setenv("GLIBC_TUNABLES", value, 1) == 0) execv("/proc/self/exe", argv);
  // Only if that failed (or the user's own tunables are too long to add to): carry on with the pages as they are.
}

// For the start-up timeline that -v prints (app/startup_clock.h): when the launcher started, carried
// through its restart (useHugePages) in the environment, which the program then clears.
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
  useHugePages(argv);
  // The folder this file is in, from /proc (or argv[0] where there is none), with its last slash.
  char dir[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", dir, sizeof dir - 1);
  if (n <= 0) n = ssize_t(std::snprintf(dir, sizeof dir, "%s", argv[0]));
  if (n >= ssize_t(sizeof dir)) n = ssize_t(sizeof dir) - 1;
  dir[n] = '\0';
  if (char* slash = std::strrchr(dir, '/')) slash[1] = '\0';
  else dir[0] = '\0';
  char path[PATH_MAX + 32];
  std::snprintf(path, sizeof path, "%slibcouncilmap.deps", dir);
  cm::preloadLibraries(path);  // data/library_preload.h says why
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
