// The panels' font is rasterised on a thread of its own while the window's GL driver starts
// (app/viewer/viewer.cpp), before any ImGui context exists.
#include <filesystem>
#include <future>

#include <gtest/gtest.h>
#include <imgui.h>

#include "app/panels/ui_overlay.h"

TEST(UiFonts, BuiltOnAnotherThreadWithoutAContextThenHandedToIt) {
  ASSERT_EQ(ImGui::GetCurrentContext(), nullptr);
  cm::UiFonts fonts = std::async(std::launch::async, [] { return cm::buildFonts(1.0f, 2.0f); }).get();
  ASSERT_NE(fonts.atlas, nullptr);
  EXPECT_TRUE(fonts.atlas->IsBuilt());
  EXPECT_EQ(ImGui::GetCurrentContext(), nullptr) << "building made no context";
  ASSERT_FALSE(fonts.atlas->Fonts.empty());
  const ImFont* font = fonts.atlas->Fonts[0];
  for (const ImWchar c : {ImWchar('A'), ImWchar(0x00F4), ImWchar(0x0175), ImWchar(0x2013), ImWchar(0x25B6)})
    EXPECT_NE(font->FindGlyphNoFallback(c), nullptr) << "U+" << std::hex << c;  // ô, ŵ, en dash, play
  if (std::filesystem::exists("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")) {
    EXPECT_FLOAT_EQ(font->FontSize, 30.0f) << "rasterised at the pixel density";
    EXPECT_FLOAT_EQ(fonts.globalScale, 0.5f) << "and drawn at the window's scale";
  }

  const ImFontAtlas* atlas = fonts.atlas.get();
  cm::initImGui(1.0f, std::move(fonts));
  EXPECT_EQ(ImGui::GetIO().Fonts, atlas) << "the context draws with the atlas it was handed";
  cm::shutdownImGui();
  EXPECT_EQ(ImGui::GetCurrentContext(), nullptr);
}
