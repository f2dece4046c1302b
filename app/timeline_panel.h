#pragma once
#include <optional>
#include <vector>

#include "data/dates.h"
#include "data/events.h"

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
};

// The bar along the bottom of the window: the date written large, a slider over the data's whole
// range with year ticks and a strip of event markers (a density histogram where they crowd), and
// the playback controls. Returns the date the user chose, if they chose one this frame.
std::optional<Date> drawTimeline(TimelineState& state, Date current, Date first, Date last,
                                 const std::vector<Event>& events, float scale);

// Height of the bar in pixels, so overlays can sit above it.
float timelineHeight(float scale);

// Advances playback by `seconds` of real time; returns the new date when the day changed.
std::optional<Date> advancePlayback(TimelineState& state, double seconds, Date first, Date last);

// The nearest event strictly after (or before) a date, for stepping.
std::optional<Date> nextEventDate(const std::vector<Event>& events, Date from, bool forward);

}  // namespace cm
