// Linked into councilmap in sanitizer builds only (COUNCILMAP_SANITIZE). Mesa unloads its GL driver
// (swrast_dri.so, with LLVM) at exit, before LeakSanitizer looks at the heap: memory the driver
// still held is then reported as leaked "from an unknown module", with nothing to suppress it by.
// With dlclose doing nothing, that memory stays reachable and the check sees it as it is. The
// process is exiting anyway; nothing is unloaded before then in councilmap's normal work.
extern "C" __attribute__((visibility("default"))) int dlclose(void*) { return 0; }
