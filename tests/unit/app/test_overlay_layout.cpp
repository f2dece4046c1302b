// Where the boxes over a map go (app/panels/overlay_layout.h), the timeline's year labels, and the words a
// person reads for an event type.
#include <gtest/gtest.h>
#include <imgui.h>

#include "app/panels/overlay_layout.h"
#include "app/panels/timeline_panel.h"
#include "app/panels/ui_overlay.h"
#include "politics/events.h"

using namespace cm;

namespace {

OverlayContent content(std::size_t rows) {
  OverlayContent c;
  c.title = "UK councils";
  c.subtitle = "2019-06-01  \xC2\xB7  382 areas";
  c.legendHeading = "Control";
  c.interactive = true;
  for (std::size_t i = 0; i < rows; ++i) c.legend.push_back({"Party number " + std::to_string(i), {0.5f, 0.5f, 0.5f, 1}, i});
  c.credit = std::string(300, 'x');
  for (std::size_t i = 20; i < c.credit.size(); i += 21) c.credit[i] = ' ';
  c.shortCredit = "Short credit.";
  c.notice = {"Wards: May 2023, 8441 wards", "Councillors by ward are known for May 2018 to May 2019 only"};
  return c;
}

class OverlayLayoutTest : public ::testing::Test {
 protected:
  void SetUp() override { initImGui(1.0f); }
  void TearDown() override { shutdownImGui(); }
};

}  // namespace

TEST_F(OverlayLayoutTest, NoBoxCoversAnotherAndAllStayOnTheMap) {
  for (auto [w, h] : {std::pair{640.0f, 384.0f}, std::pair{1280.0f, 704.0f}, std::pair{3840.0f, 2064.0f}}) {
    const OverlayLayout o = layOutOverlays(content(12), w, h, 1.0f);
    const auto boxes = o.boxes();
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      EXPECT_GE(boxes[i].left, 0) << w;
      EXPECT_GE(boxes[i].top, 0) << w;
      EXPECT_LE(boxes[i].right, w) << w;
      EXPECT_LE(boxes[i].bottom, h) << w;
      for (std::size_t k = i + 1; k < boxes.size(); ++k)
        EXPECT_FALSE(boxes[i].overlaps(boxes[k])) << w << "x" << h << ": " << i << ", " << k;
    }
    EXPECT_EQ(o.legend.rows.size(), 12u);
    EXPECT_TRUE(o.legend.more.empty());
  }
}

TEST_F(OverlayLayoutTest, ALegendShortOfHeightGoesIntoColumnsThenASmallerFont) {
  const OverlayLayout tall = layOutOverlays(content(12), 1280, 704, 1.0f);
  EXPECT_EQ(tall.legend.columns, 1);
  EXPECT_FLOAT_EQ(tall.legend.fontScale, 1.0f);
  const OverlayLayout low = layOutOverlays(content(12), 1280, 300, 1.0f);
  EXPECT_GT(low.legend.columns, 1);
  EXPECT_GE(low.legend.box.top, low.caption.bottom);
}

TEST_F(OverlayLayoutTest, ASmallMapTakesTheShortCredit) {
  EXPECT_EQ(layOutOverlays(content(3), 1920, 1000, 1.0f).creditText, content(3).credit);
  EXPECT_EQ(layOutOverlays(content(3), 480, 230, 1.0f).creditText, "Short credit.");
}

TEST_F(OverlayLayoutTest, TheNoticeGoesBesideTheCaptionOrUnderIt) {
  const OverlayLayout wide = layOutOverlays(content(3), 1280, 704, 1.0f);
  EXPECT_FALSE(wide.notice.overlaps(wide.caption));
  EXPECT_LT(wide.notice.top, wide.caption.bottom) << "beside it, at the top";
  const OverlayLayout narrow = layOutOverlays(content(3), 500, 704, 1.0f);
  EXPECT_FALSE(narrow.notice.overlaps(narrow.caption));
  EXPECT_GE(narrow.notice.top, narrow.caption.bottom) << "under it";
  EXPECT_LE(narrow.notice.right, 500);
}

TEST(Timeline, YearLabelsThinOutRatherThanTouch) {
  EXPECT_EQ(yearLabelStep(60, 40), 1);
  EXPECT_EQ(yearLabelStep(30, 40), 2);
  EXPECT_EQ(yearLabelStep(10, 40), 5);
  EXPECT_EQ(yearLabelStep(5, 40), 10);
}

TEST(Events, TypesReadAsWords) {
  EXPECT_EQ(eventTypeLabel("national_party_intervention"), "National party intervention");
  EXPECT_EQ(eventTypeLabel("deselection"), "Deselection");
  EXPECT_EQ(eventTypeLabel(""), "");
  for (auto type : kEventTypes) EXPECT_EQ(eventTypeLabel(type).find('_'), std::string::npos) << type;
}
