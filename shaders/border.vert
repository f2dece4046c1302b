#version 330 core
// One instance per border segment (vertex i to vertex i+1 of the shared vertex buffer), expanded
// into a screen-aligned quad so borders have an exact pixel width, which core-profile lines cannot.
layout(location = 0) in vec2 aFrom;
layout(location = 1) in uint aFeature;
layout(location = 2) in vec2 aTo;
uniform vec2 uScale;
uniform vec2 uOffset;
uniform vec2 uViewport;     // pixels
uniform float uWidth;       // pixels
uniform samplerBuffer uStyle;

void main() {
  int f = int(aFeature & 0x7FFFFFFFu);
  bool ringEnd = (aFeature & 0x80000000u) != 0u;
  if (ringEnd || texelFetch(uStyle, f * 2 + 1).r < 0.5) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    return;
  }
  vec2 half_vp = uViewport * 0.5;
  vec2 a = (aFrom + uOffset) * uScale * half_vp;
  vec2 b = (aTo + uOffset) * uScale * half_vp;
  vec2 d = b - a;
  float len = length(d);
  vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
  vec2 normal = vec2(-dir.y, dir.x);
  // Corners 0..3 of a triangle strip: (start,-) (end,-) (start,+) (end,+). Extending the ends by
  // half the width closes the joins between consecutive segments.
  float along = float(gl_VertexID & 1);
  float side = (gl_VertexID & 2) != 0 ? 1.0 : -1.0;
  vec2 p = mix(a, b, along) + dir * (along * 2.0 - 1.0) * uWidth * 0.5 + normal * side * uWidth * 0.5;
  gl_Position = vec4(p / half_vp, 0.0, 1.0);
}
