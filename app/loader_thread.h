#pragma once
#include <pthread.h>

#include <future>
#include <memory>

#include "store/boundary_loader.h"
#include "store/held_files.h"

namespace cm {

// Runs `load` on a thread of its own while the caller makes its GL window, and returns its future once
// that thread has done what takes the dynamic linker's lock (prepareThreadForLoading). Why wait: the
// window's GL driver holds that lock for 12 ms or more while it loads, and the loader thread used to
// wait 40 ms behind the window. `loadGdal`: the reads will not all come from the user's cache, so GDAL
// is loaded then too, before the window's driver (MapSession::readsFromCacheOnly).
template <class Load>
auto startLoader(Load load, bool loadGdal) {
  auto ready = std::make_shared<std::promise<void>>();  // shared: the thread may still hold it as we return
  auto readyNow = ready->get_future();
  auto loading = std::async(std::launch::async, [ready, loadGdal, load = std::move(load)]() mutable {
    pthread_setname_np(pthread_self(), "loader");  // as profilers and debuggers show it
    try {
      prepareThreadForLoading(loadGdal);
    } catch (...) {  // only a head start: the loading itself reports what goes wrong
    }
    ready->set_value();  // whatever happened, or the caller would wait for ever
    return load();
  });
  readyNow.wait();
  return loading;
}

}  // namespace cm
