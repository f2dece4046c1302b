#pragma once
#include <string>
#include <string_view>

namespace cm {

// True if `text` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF)
// and holds no NUL byte, which would cut the text short in C APIs such as GDAL's.
bool isValidUtf8(std::string_view text);

// Replaces every byte that is not part of well-formed UTF-8 (and every NUL) with U+FFFD, so a name
// from a file in Latin-1 or Windows-1252 still shows, recognisably, instead of breaking JSON output
// or the user interface. Returns true if anything was replaced.
bool repairUtf8(std::string& text);

}  // namespace cm
