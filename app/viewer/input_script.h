#pragma once
#include <chrono>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include <SDL.h>

namespace cm {

// Replays user input into the real event loop, for tests and demos that drive the viewer without
// a person: one command per line,
//   move X Y | click X Y | doubleclick X Y | drag X1 Y1 X2 Y2 | wheel X Y CLICKS | key NAME | type TEXT
//   wait FRAMES | settle | screenshot FILE.png | state FILE.json | quit
// `settle` draws frames until the window has nothing on its way (wards read in the background), or
// for at most 30 seconds.
// Coordinates are window points. Events go through SDL's queue, so they take the same path as real input.
struct ScriptOutput {
  enum Kind { Screenshot, State } kind;
  std::string path;
};

class InputScript {
 public:
  static InputScript fromFile(const std::string& path);  // throws std::runtime_error naming the line
  bool done() const { return lines_.empty() && waitFrames_ == 0 && later_.empty() && !settleUntil_; }
  // Pushes the next command's events. Returns an output request if the command asks for one.
  std::variant<std::monostate, ScriptOutput> step(SDL_Window* window, bool& quit);
  // What `settle` asks: whether the window still has work on its way.
  void setBusy(std::function<bool()> busy) { busy_ = std::move(busy); }

 private:
  struct Line {
    int number;
    std::string text;
  };
  std::deque<Line> lines_;
  std::string path_;
  int waitFrames_ = 0;
  std::function<bool()> busy_;
  std::optional<std::chrono::steady_clock::time_point> settleUntil_;
  // Events for the following frames, one batch a frame, as a person's input arrives. A key is
  // released on the frame after it is pressed (Dear ImGui 1.86 reads key state once a frame, so a
  // press and release together never reach its text boxes), and a click lands the frame after the
  // pointer arrives (ImGui decides what is under the pointer from the frame before).
  std::deque<std::vector<SDL_Event>> later_;
};

}  // namespace cm
