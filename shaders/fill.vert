#version 330 core
// Per-feature style comes from a table, so recolouring never touches the geometry.
// Compiled twice: with HATCH 1 for maps that stripe disputed features, with HATCH 0 otherwise (on a
// software rasteriser every value handed to the fragments costs time for each triangle).
// The HATCH 0 program also draws the hairline borders (GL_LINES, uHairlines): one program less for a
// software rasteriser to compile before the first frame.
layout(location = 0) in vec2 aPos;
layout(location = 1) in uint aFeature;
uniform vec2 uScale;
uniform vec2 uOffset;
uniform samplerBuffer uStyle;  // two texels per feature: fill colour, then flags (r = visible, g = hatch)
uniform bool uHairlines;       // drawing borders: every one in uHairlineColour
uniform vec4 uHairlineColour;
flat out vec4 vColour;
#if HATCH
flat out float vHatch;
#endif

void main() {
  int f = int(aFeature & 0x7FFFFFFFu);
  vec4 flags = texelFetch(uStyle, f * 2 + 1);
#if HATCH
  vHatch = flags.g;
#endif
  if (flags.r < 0.5) {
    // Hidden features (another year's boundaries) collapse outside the clip volume.
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    vColour = vec4(0.0);
    return;
  }
  vColour = uHairlines ? uHairlineColour : texelFetch(uStyle, f * 2);
  gl_Position = vec4((aPos + uOffset) * uScale, 0.0, 1.0);
}
