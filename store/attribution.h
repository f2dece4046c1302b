#pragma once
#include <string>

namespace cm {

// Credit lines every map made from the default data must carry (licence terms of the sources;
// see the README's Data section).
inline constexpr const char* kOnsBoundaryAttribution =
    "Source: Office for National Statistics licensed under the Open Government Licence v.3.0. "
    "Contains OS data \xC2\xA9 Crown copyright and database right 2016. "
    "Contains LPS Intellectual Property \xC2\xA9 Crown copyright and database right 2016 (NI). "
    "Processed by ONSvisual/uk-topojson.";

inline constexpr const char* kControlAttribution = "Council control: Open Council Data UK (opencouncildata.co.uk), CC BY-SA 4.0.";

// The same terms in fewer words, for a map too small for the full lines (the README gives them whole).
inline constexpr const char* kOnsBoundaryAttributionShort =
    "ONS, Open Government Licence v3.0. Contains OS data \xC2\xA9 Crown copyright and database right 2016; "
    "LPS \xC2\xA9 Crown copyright 2016 (NI).";
inline constexpr const char* kControlAttributionShort = "Control: Open Council Data UK, CC BY-SA 4.0.";

}  // namespace cm
