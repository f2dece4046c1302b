#include "app/viewer/input_script.h"

#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace cm {
namespace {

void pushMotion(SDL_Window* w, int x, int y, Uint32 state) {
  SDL_WarpMouseInWindow(w, x, y);  // keeps SDL_GetMouseState consistent for ImGui
  SDL_Event e{};
  e.type = SDL_MOUSEMOTION;
  e.motion.windowID = SDL_GetWindowID(w);
  e.motion.x = x;
  e.motion.y = y;
  e.motion.state = state;
  SDL_PushEvent(&e);
}

SDL_Event buttonEvent(SDL_Window* w, int x, int y, bool down, int clicks = 1) {
  SDL_Event e{};
  e.type = down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
  e.button.windowID = SDL_GetWindowID(w);
  e.button.button = SDL_BUTTON_LEFT;
  e.button.state = down ? SDL_PRESSED : SDL_RELEASED;
  e.button.clicks = Uint8(clicks);
  e.button.x = x;
  e.button.y = y;
  return e;
}

void pushButton(SDL_Window* w, int x, int y, bool down, int clicks = 1) {
  SDL_Event e = buttonEvent(w, x, y, down, clicks);
  SDL_PushEvent(&e);
}

}  // namespace

InputScript InputScript::fromFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read input script '" + path + "'");
  InputScript s;
  s.path_ = path;
  std::string text;
  for (int n = 1; std::getline(in, text); ++n) {
    if (const auto hash = text.find('#'); hash != std::string::npos) text.erase(hash);
    if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
    s.lines_.push_back({n, text});
  }
  return s;
}

std::variant<std::monostate, ScriptOutput> InputScript::step(SDL_Window* w, bool& quit) {
  if (!later_.empty()) {
    for (SDL_Event& e : later_.front()) SDL_PushEvent(&e);
    later_.pop_front();
    return {};
  }
  if (waitFrames_ > 0) {
    --waitFrames_;
    return {};
  }
  if (settleUntil_) {
    if (busy_ && busy_() && std::chrono::steady_clock::now() < *settleUntil_) return {};
    settleUntil_.reset();
  }
  if (lines_.empty()) return {};
  const Line line = lines_.front();
  lines_.pop_front();
  std::istringstream in(line.text);
  std::string cmd;
  in >> cmd;
  auto bad = [&] { return std::runtime_error(path_ + ":" + std::to_string(line.number) + ": cannot understand '" + line.text + "'"); };
  int x = 0, y = 0, x2 = 0, y2 = 0;
  if (cmd == "move") {
    if (!(in >> x >> y)) throw bad();
    pushMotion(w, x, y, 0);
  } else if (cmd == "click" || cmd == "doubleclick") {
    if (!(in >> x >> y)) throw bad();
    pushMotion(w, x, y, 0);
    const int clicks = cmd == "click" ? 1 : 2;
    std::vector<SDL_Event> buttons;
    for (int c = 1; c <= clicks; ++c) {
      buttons.push_back(buttonEvent(w, x, y, true, c));
      buttons.push_back(buttonEvent(w, x, y, false, c));
    }
    later_.push_back(std::move(buttons));
  } else if (cmd == "drag") {
    if (!(in >> x >> y >> x2 >> y2)) throw bad();
    pushMotion(w, x, y, 0);
    pushButton(w, x, y, true);
    constexpr int kSteps = 8;
    for (int i = 1; i <= kSteps; ++i) pushMotion(w, x + (x2 - x) * i / kSteps, y + (y2 - y) * i / kSteps, SDL_BUTTON_LMASK);
    pushButton(w, x2, y2, false);
  } else if (cmd == "wheel") {
    int clicks = 0;
    if (!(in >> x >> y >> clicks)) throw bad();
    pushMotion(w, x, y, 0);
    SDL_Event e{};
    e.type = SDL_MOUSEWHEEL;
    e.wheel.windowID = SDL_GetWindowID(w);
    e.wheel.y = clicks;
    SDL_PushEvent(&e);
  } else if (cmd == "key") {
    std::string name;
    if (!(in >> name)) throw bad();
    const SDL_Keycode key = SDL_GetKeyFromName(name.c_str());
    if (key == SDLK_UNKNOWN) throw std::runtime_error(path_ + ":" + std::to_string(line.number) + ": unknown key '" + name + "'");
    SDL_Event e{};
    e.type = SDL_KEYDOWN;
    e.key.windowID = SDL_GetWindowID(w);
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = key;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(key);
    SDL_PushEvent(&e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    later_.push_back({e});
  } else if (cmd == "type") {
    std::string text;
    std::getline(in >> std::ws, text);
    SDL_Event e{};
    e.type = SDL_TEXTINPUT;
    e.text.windowID = SDL_GetWindowID(w);
    std::snprintf(e.text.text, sizeof e.text.text, "%s", text.c_str());
    SDL_PushEvent(&e);
  } else if (cmd == "resize") {
    if (!(in >> x >> y) || x < 200 || y < 200) throw bad();
    SDL_SetWindowSize(w, x, y);  // SDL sends the size-change events a user's resize would
  } else if (cmd == "wait") {
    if (!(in >> waitFrames_)) throw bad();
  } else if (cmd == "settle") {
    settleUntil_ = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  } else if (cmd == "screenshot" || cmd == "state") {
    std::string path;
    if (!(in >> path)) throw bad();
    return ScriptOutput{cmd == "screenshot" ? ScriptOutput::Screenshot : ScriptOutput::State, path};
  } else if (cmd == "quit") {
    quit = true;
  } else {
    throw bad();
  }
  return {};
}

}  // namespace cm
