#include "politics/parties.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace cm {
namespace {

// Northern Ireland's parties take Paul Tol's muted palette in the colour-blind-safe set: Okabe-Ito's
// eight colours are the British parties'.
constexpr std::array<Party, 17> kParties{{
    {"CON", "Conservative", {0x00, 0x87, 0xdc, 255}, {0x00, 0x72, 0xb2, 255}},
    {"LAB", "Labour", {0xe4, 0x00, 0x3b, 255}, {0xd5, 0x5e, 0x00, 255}},
    {"LD", "Liberal Democrat", {0xfa, 0xa6, 0x1a, 255}, {0xe6, 0x9f, 0x00, 255}},
    {"GRN", "Green", {0x02, 0xa9, 0x5b, 255}, {0x00, 0x9e, 0x73, 255}},
    {"UKIP", "UKIP", {0x6d, 0x31, 0x77, 255}, {0xcc, 0x79, 0xa7, 255}},
    {"REF", "Reform UK", {0x12, 0xb6, 0xcf, 255}, {0x56, 0xb4, 0xe9, 255}},
    {"PC", "Plaid Cymru", {0x00, 0x5b, 0x54, 255}, {0x11, 0x44, 0x33, 255}},
    {"SNP", "SNP", {0xfd, 0xf3, 0x8e, 255}, {0xf0, 0xe4, 0x42, 255}},
    {"SF", "Sinn F\xC3\xA9in", {0x32, 0x67, 0x60, 255}, {0x11, 0x77, 0x33, 255}},
    {"DUP", "Democratic Unionist", {0xd4, 0x6a, 0x4c, 255}, {0xcc, 0x66, 0x77, 255}},
    {"APNI", "Alliance", {0xf6, 0xcb, 0x2f, 255}, {0xdd, 0xcc, 0x77, 255}},
    {"SDLP", "SDLP", {0x2a, 0xa8, 0x2c, 255}, {0x44, 0xaa, 0x99, 255}},
    {"UUP", "Ulster Unionist", {0x48, 0xa5, 0xee, 255}, {0x88, 0xcc, 0xee, 255}},
    {"TUV", "Traditional Unionist Voice", {0x0c, 0x3a, 0x6a, 255}, {0x33, 0x22, 0x88, 255}},
    {"PBP", "People Before Profit", {0xe9, 0x1d, 0x50, 255}, {0x88, 0x22, 0x55, 255}},
    {"PUP", "Progressive Unionist", {0x2b, 0x2b, 0x8f, 255}, {0xaa, 0x44, 0x99, 255}},
    {"OTH", "Independents and others", {0x8d, 0x6e, 0x63, 255}, {0x66, 0x66, 0x66, 255}},
}};

std::string normalise(std::string_view s) {
  std::string out;
  for (unsigned char c : s) out += std::isalnum(c) ? char(std::tolower(c)) : ' ';
  return out;
}

bool startsWith(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

}  // namespace

std::span<const Party> parties() { return kParties; }

const Party* findParty(std::string_view code) {
  for (const auto& p : kParties)
    if (p.code == code) return &p;
  return nullptr;
}

ControlColours controlColours(bool cb) {
  // NOC is a pale neutral and unknown near-white, both far from every party colour and the sea.
  return cb ? ControlColours{{0xdd, 0xdd, 0xdd, 255}, {0xfa, 0xfa, 0xfa, 255}}
            : ControlColours{{0xd4, 0xce, 0xc4, 255}, {0xfa, 0xfa, 0xf7, 255}};
}

Rgba colourForControl(std::string_view control, bool cb) {
  if (const Party* p = findParty(control)) return cb ? p->colourBlindSafe : p->colour;
  return control == kNoOverallControl ? controlColours(cb).noc : controlColours(cb).unknown;
}

std::optional<std::string> partyCodeFor(std::string_view name) {
  const std::string n = normalise(name);
  std::string trimmed = n;
  trimmed.erase(0, trimmed.find_first_not_of(' '));
  if (trimmed.empty()) return std::nullopt;
  if (const Party* p = findParty(std::string_view(name))) return std::string(p->code);
  struct Alias {
    std::string_view prefix;
    std::string_view code;
  };
  // Prefixes of the normalised name; order matters where one prefix starts another.
  static constexpr Alias kAliases[] = {
      {"labour", "LAB"},
      {"lab", "LAB"},
      {"co operative", "LAB"},
      {"conservative", "CON"},
      {"con", "CON"},
      {"tory", "CON"},
      {"liberal democrat", "LD"},
      {"lib dem", "LD"},
      {"libdem", "LD"},
      {"ld", "LD"},
      {"green", "GRN"},
      {"grn", "GRN"},
      {"uk independence", "UKIP"},
      {"ukip", "UKIP"},
      {"reform", "REF"},
      {"ref", "REF"},
      {"plaid", "PC"},
      {"pc", "PC"},
      {"scottish national", "SNP"},
      {"snp", "SNP"},
      {"sinn f", "SF"},
      {"sf", "SF"},
      {"democratic unionist", "DUP"},
      {"dup", "DUP"},
      {"alliance", "APNI"},
      {"apni", "APNI"},
      {"social democratic and labour", "SDLP"},
      {"sdlp", "SDLP"},
      {"ulster unionist", "UUP"},
      {"uup", "UUP"},
      {"traditional unionist", "TUV"},
      {"tuv", "TUV"},
      {"people before profit", "PBP"},
      {"pbp", "PBP"},
      {"progressive unionist", "PUP"},
      {"pup", "PUP"},
  };
  for (const auto& a : kAliases) {
    if (!startsWith(trimmed, a.prefix)) continue;
    // Whole-word match, so "Conwy Independents" is not Conservative and "Reformed Party" not Reform.
    std::size_t end = a.prefix.size();
    if (end < trimmed.size() && trimmed[end] == 's') ++end;  // plurals: "Liberal Democrats", "Greens"
    if (end == trimmed.size() || trimmed[end] == ' ') return std::string(a.code);
  }
  return std::string("OTH");
}

}  // namespace cm
