#pragma once
// Loads, one at a time and in the order listed (deepest first), the libraries a library needs, from
// the list the build writes beside it (cmake/list_program_libraries.cmake). The dynamic linker looks
// up each library's symbols in the scope of the dlopen that brought it in, in load order. Loaded as
// a dependency, a library such as xerces or GDAL sits dozens of places down that list, and each of
// its thousands of lookups walks past every library before it; loaded first and alone, it finds most
// of them in itself (the program's start went from 42 to 31 ms on the reference machine). Each is
// named by soname, so the usual search (LD_LIBRARY_PATH, the cache) finds the file the library would
// get; one not found is skipped, and comes in with the library as before. The handles stay open.
// Only the C library here: the launcher, which links nothing else, uses it too.
#include <dlfcn.h>

#include <cstdio>
#include <cstring>

namespace cm {

inline void preloadLibraries(const char* list) {
  FILE* f = std::fopen(list, "r");
  if (!f) return;
  char name[512];
  while (std::fgets(name, sizeof name, f)) {
    name[std::strcspn(name, "\n")] = '\0';
    if (*name) dlopen(name, RTLD_LAZY | RTLD_LOCAL);
  }
  std::fclose(f);
}

}  // namespace cm
