#pragma once
// The C library's malloc settings the program runs with, set by the launcher (app/launch/launcher.cpp) and by
// bench_memory, so that the memory it reports is the program's. Only the C library here: the launcher
// links nothing else.
//
// Large buffers (a 3840x2160 image is 33 MB, and the GL driver holds another) are faulted in 4 KB at a
// time unless malloc asks the kernel for transparent huge pages, which glibc does only when a tunable
// read at process start says so. So the process sets it and starts itself again, once: a 3840x2160
// export went from 180 to 153 ms on the reference machine. A huge page is zeroed whole when first
// touched, so freed memory is kept too (up to 64 MB, blocks under 32 MB from the heap) rather than
// handed back to be zeroed again: LLVM, compiling the shaders at startup, frees and allocates a great
// deal (a third of the main thread's time went to zeroing). The heap grows 16 MB at a time: exports
// 3 ms faster (71 against 74 ms at 1920x1080, 103 against 106 at 3840x2160, 31 interleaved runs), for
// about 10 MB more at bench_memory's peak. A user's own setting is left alone.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace cm {

inline constexpr char kMallocTunables[] =
    "glibc.malloc.hugetlb=1:glibc.malloc.trim_threshold=67108864:glibc.malloc.top_pad=16777216:glibc.malloc.mmap_threshold=33554432";

// Starts this executable again with kMallocTunables added to GLIBC_TUNABLES, unless it already names
// glibc.malloc.hugetlb (the restart, or the user's own choice). Returns only where it did not restart.
inline void restartWithMallocSettings(char** argv) {
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  if (tunables && std::strstr(tunables, "glibc.malloc.hugetlb")) return;
  char value[4096];
  const int n = tunables && *tunables ? std::snprintf(value, sizeof value, "%s:%s", tunables, kMallocTunables)
                                      : std::snprintf(value, sizeof value, "%s", kMallocTunables);
  if (n > 0 && std::size_t(n) < sizeof value && setenv("GLIBC_TUNABLES", value, 1) == 0) execv("/proc/self/exe", argv);
  // Only if that failed (or the user's own tunables are too long to add to): carry on with malloc as it is.
}

}  // namespace cm
