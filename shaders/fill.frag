#version 330 core
flat in vec4 vColour;
#if HATCH
flat in float vHatch;
uniform float uHatchSpacing;  // pixels
#endif
out vec4 fragColour;

void main() {
  fragColour = vColour;
#if HATCH
  // Disputed councils: dark diagonal stripes measured in pixels, so they stay crisp at any zoom
  // and never alias into the fill colour.
  if (vHatch > 0.5) {
    float phase = mod(gl_FragCoord.x + gl_FragCoord.y, uHatchSpacing);
    if (phase < uHatchSpacing * 0.3) fragColour.rgb = mix(fragColour.rgb, vec3(0.08, 0.08, 0.1), 0.6);
  }
#endif
}
