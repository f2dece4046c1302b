#version 330 core
// The map image, pixel for pixel: a texel fetch, no filtering.
uniform sampler2D uImage;
out vec4 fragColour;
void main() { fragColour = texelFetch(uImage, ivec2(gl_FragCoord.xy), 0); }
