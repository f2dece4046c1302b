#pragma once
#include <optional>
#include <vector>

#include "base/dates.h"
#include "politics/events.h"

namespace cm {

// Playback speeds: simulated days per second of real time.
struct PlaybackSpeed {
  const char* label;
  double daysPerSecond;
};
inline constexpr PlaybackSpeed kPlaybackSpeeds[] = {{"a day / s", 1}, {"a week / s", 7}, {"a month / s", 30.44}, {"a year / s", 365.25}};

struct TimelineState {
  bool playing = false;
  int speed = 2;  // index into kPlaybackSpeeds
  bool loop = true;
  double position = 0;  // days since the epoch, fractional while playing
  char typed[16] = "";
  bool editing = false;
  float trackLeft = 0, trackRight = 0, trackY = 0;  // where the slider was drawn, in window points
  struct Label {
    int year;
    float left, right, top, bottom;
  };
  std::vector<Label> yearLabels;  // the year labels drawn under the track (window points), for tests
};

// How the bar is arranged at a window's width: the controls beside the track, or above it where the
// track would be too short beside them; the speed and loop behind a "..." button where even the
// controls' row is too wide. Measured with the panels' font, before a frame.
struct TimelineLayout {
  float height = 0;
  bool stacked = false, compact = false;
};
TimelineLayout layOutTimeline(float width, float scale);

// Which years get a label when a year is `yearWidth` points along the track and a label needs
// `labelWidth`: every year, or every 2nd, 5th or 10th, so that no two labels touch.
int yearLabelStep(float yearWidth, float labelWidth);

// The bar along the bottom of the window: the date written large, a slider over the data's whole
// range with year ticks and a strip of event markers (a density histogram where they crowd), and
// the playback controls. Returns the date the user chose, if they chose one this frame.
std::optional<Date> drawTimeline(TimelineState& state, Date current, Date first, Date last, const std::vector<Event>& events,
                                 const TimelineLayout& layout, float scale);

// Advances playback by `seconds` of real time; returns the new date when the day changed.
std::optional<Date> advancePlayback(TimelineState& state, double seconds, Date first, Date last);

// The nearest event strictly after (or before) a date, for stepping.
std::optional<Date> nextEventDate(const std::vector<Event>& events, Date from, bool forward);

}  // namespace cm
