#version 330 core
// Hairline borders as GL_LINES: one pixel wide by definition, and far cheaper than expanded quads
// on a software rasteriser.
layout(location = 0) in vec2 aPos;
layout(location = 1) in uint aFeature;
uniform vec2 uScale;
uniform vec2 uOffset;
uniform samplerBuffer uStyle;

void main() {
  int f = int(aFeature & 0x7FFFFFFFu);
  if (texelFetch(uStyle, f * 2 + 1).r < 0.5) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    return;
  }
  gl_Position = vec4((aPos + uOffset) * uScale, 0.0, 1.0);
}
