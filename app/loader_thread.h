#pragma once
#include <future>
#include <memory>

#include "data/boundary_loader.h"

namespace cm {

// Runs `load` on a thread of its own while the caller makes its GL window, and returns its future once
// GDAL is ready on that thread (prepareGdalForThisThread, about 2 ms). Why wait: the window's GL
// driver holds the dynamic linker's lock for 12 ms or more while it loads, and GDAL's first call on a
// thread takes that lock; the loader thread used to wait 40 ms behind the window.
template <class Load>
auto startLoader(Load load) {
  auto ready = std::make_shared<std::promise<void>>();  // shared: the thread may still hold it as we return
  auto readyNow = ready->get_future();
  auto loading = std::async(std::launch::async, [ready, load = std::move(load)]() mutable {
    prepareGdalForThisThread();
    ready->set_value();
    return load();
  });
  readyNow.wait();
  return loading;
}

}  // namespace cm
