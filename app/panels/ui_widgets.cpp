#include "app/panels/ui_widgets.h"

namespace cm {

void colourSwatch(Rgba colour, float size) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float y = p.y + (ImGui::GetTextLineHeight() - size) / 2;
  ImGui::GetWindowDrawList()->AddRectFilled({p.x, y}, {p.x + size, y + size}, toImU32(colour), 2);
  ImGui::GetWindowDrawList()->AddRect({p.x, y}, {p.x + size, y + size}, IM_COL32(0, 0, 0, 90), 2);
  ImGui::Dummy({size, ImGui::GetTextLineHeight()});
}

void labelledBar(Rgba colour, float fraction, const std::string& label, float height) {
  const float avail = ImGui::GetContentRegionAvail().x;
  const float labelWidth = ImGui::CalcTextSize(label.c_str()).x + ImGui::GetStyle().ItemSpacing.x;
  const float width = std::max(1.0f, (avail - labelWidth) * std::clamp(fraction, 0.0f, 1.0f));
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float y = p.y + (ImGui::GetTextLineHeight() - height) / 2;
  ImGui::GetWindowDrawList()->AddRectFilled({p.x, y}, {p.x + width, y + height}, toImU32(colour));
  ImGui::Dummy({width, ImGui::GetTextLineHeight()});
  ImGui::SameLine();
  ImGui::TextUnformatted(label.c_str());
}

bool swatchCheckbox(const std::string& label, bool checked, Rgba colour, float scale) {
  bool value = checked;
  const bool clicked = ImGui::Checkbox(("##" + label).c_str(), &value);
  ImGui::SameLine();
  colourSwatch(colour, 12 * scale);
  ImGui::SameLine();
  ImGui::TextUnformatted(label.c_str());
  return clicked;
}

void sectionHeading(const char* text) {
  ImGui::Spacing();
  ImGui::TextUnformatted(text);
  ImGui::Separator();
}

std::string shortDate(const std::string& iso, const std::string& precision) {
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (iso.size() < 10) return iso;
  const std::string year = iso.substr(0, 4);
  const int month = std::stoi(iso.substr(5, 2));
  if (precision == "year" || month < 1 || month > 12) return year;
  if (precision == "month") return std::string(kMonths[month - 1]) + " " + year;
  return std::to_string(std::stoi(iso.substr(8, 2))) + " " + kMonths[month - 1] + " " + year;
}

}  // namespace cm
