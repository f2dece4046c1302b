#pragma once
#include <memory>
#include <optional>
#include <span>

#include <epoxy/gl.h>

#include "geo/border_segments.h"
#include "geo/map_mesh.h"
#include "politics/palette.h"
#include "render/camera.h"
#include "render/framebuffer.h"
#include "render/gl_program.h"
#include "render/pass_timer.h"
#include "view/feature_style.h"

namespace cm {

struct MapLook {
  Rgba background{0xbf, 0xd9, 0xea, 255};  // sea
  Rgba border{0x4a, 0x4f, 0x57, 255};
  float borderWidth = 1.0f;  // pixels
  Rgba hover{0x1f, 0x2a, 0x44, 255};
  float hoverWidth = 2.0f;
  Rgba selection{0xff, 0xc4, 0x00, 255};
  Rgba selectionHalo{0x10, 0x10, 0x10, 255};
  float selectionWidth = 3.0f;
  float outlineWidth = 2.5f;
  float hatchSpacing = 7.0f;  // pixels between stripes (scaled up for large exports)
};

// The shader programs map renderers draw with, made once and shared by every renderer given them (each
// level of detail, each ward layer, the warm-up). A software rasteriser compiles machine code for each
// program it draws with: with programs of their own, renderers compile again what the last one did.
// They belong to the GL context current when they are made, and must not outlive it.
class MapPrograms {
 public:
  MapPrograms();
  MapPrograms(const MapPrograms&) = delete;
  MapPrograms& operator=(const MapPrograms&) = delete;
  ~MapPrograms();
  GlProgram fill;  // the fill without hatching, and the hairline borders
  // The context's renderer is a software rasteriser (isSoftwareRasteriser): long passes are drawn in
  // parts, each flushed (see map_renderer.cpp).
  bool software;
  const GlProgram& hatchedFill();  // made the first time a style hatches (see shaders/fill.vert)
  const GlProgram& border();       // wide borders and highlights (screen-space quads), made on first use
  // Draws a single-sampled image into the window (framebuffer 0), pixel for pixel from its corner.
  // Not glBlitFramebuffer: llvmpipe copies to the window with a shader of its own, and compiling
  // that took 25 ms of every start; this one is a texel fetch.
  void copyToWindow(const Framebuffer& image);

 private:
  std::optional<GlProgram> hatchedFill_, border_, copy_;
  GLuint emptyVao_ = 0;  // the copy's triangle comes from the vertex index alone
};

// Draws passes of a map once, tiny, with `programs`, into a framebuffer of the map's format, so that a
// software rasteriser compiles their shader variants then rather than when they are first needed.
// FirstFrame: what the window's first frame draws (the plain fill and hairlines, straight into the
// window), while data loads on another thread. Rest: the others (into the map image: the hatched fill,
// overlays, wide borders and highlights, and the image's copy to the window), once the first frame is
// shown. The map's renderers must draw with the same programs (MapCanvas takes them).
enum class WarmUp { FirstFrame, Rest };
void warmUpMapShaders(WarmUp which, const std::shared_ptr<MapPrograms>& programs);

// Draws a MapMesh uploaded once to the GPU. Needs a current OpenGL 3.3 core context.
class MapRenderer {
 public:
  // `programs`: those it shares with other renderers; null for programs of its own.
  explicit MapRenderer(const MapMesh& mesh, std::shared_ptr<MapPrograms> programs = nullptr);
  // With the mesh's border segments found beforehand (buildBorderSegments), on another thread say.
  MapRenderer(const MapMesh& mesh, BorderSegments segments, std::shared_ptr<MapPrograms> programs);
  MapRenderer(const MapRenderer&) = delete;
  MapRenderer& operator=(const MapRenderer&) = delete;
  ~MapRenderer();

  void setStyles(std::span<const FeatureStyle> styles);
  void setHover(std::optional<std::uint32_t> feature) { hover_ = feature; }
  void setSelection(std::optional<std::uint32_t> feature) { selection_ = feature; }
  MapLook& look() { return look_; }

  // Draws into the currently bound framebuffer, whose size is the camera's viewport. An overlay
  // (wards over councils) keeps what is there and blends its fills by their alpha.
  // `timer` (optional) records the fill, border and outline passes under `label`.
  void draw(const Camera& camera, bool asOverlay = false, PassTimer* timer = nullptr, const char* label = "map");
  // Hover and selection outlines, drawn last so no overlay covers them.
  void drawHighlights(const Camera& camera);

 private:
  void drawBorders(const Camera& camera, IndexRange range, float width, Rgba colour);
  void drawHairlines(const Camera& camera, Rgba colour, bool asOverlay);
  // The index ranges of features shown (per `visible`) that overlap the view, adjacent ones merged,
  // so a city view skips the rest of the country's vertices. Empty when nearly everything is in
  // view and `shaderHidesTheRest` (the shader discards the features left out): then one plain draw
  // of the whole list is cheaper. False when nothing is in view: then there is nothing to draw.
  bool cull(const Camera& camera, const std::vector<IndexRange>& ranges, const std::vector<bool>& visible, bool shaderHidesTheRest,
            std::vector<GLsizei>& counts, std::vector<const void*>& offsets) const;
  // Binds a program and sets what every map shader shares: the view transform and the style table.
  void useProgram(const GlProgram& program, const Camera& camera) const;
  Point2 origin_;
  std::vector<IndexRange> borderRanges_;
  std::vector<IndexRange> fillRanges_;  // per feature, into the fill index list
  // Into the hairline index list: BorderSegments' shared, outer and repeats ranges, one after another.
  std::vector<IndexRange> lineRanges_;
  BorderSegments segments_;                           // without its indices, which live on the GPU
  std::vector<bool> linesShown_, overlayLinesShown_;  // per entry of lineRanges_, drawn as a base layer or over one
  std::vector<Box> featureBoxes_;                     // per feature, relative to origin_
  std::vector<bool> styledVisible_;
  // Visible with a fill that shows when blended: an overlay's transparent fills (wards outside the
  // councillor data's period) are not drawn at all, which halves a national frame of every ward.
  std::vector<bool> filledVisible_;
  std::uint32_t vertexCount_ = 0, indexCount_ = 0, lineIndexCount_ = 0;
  GLuint vbo_ = 0, ebo_ = 0, lineEbo_ = 0, fillVao_ = 0, lineVao_ = 0, borderVao_ = 0, styleBuffer_ = 0, styleTexture_ = 0;
  // The fill without hatching, or with it once any style hatches.
  const GlProgram& fillProgram();
  std::shared_ptr<MapPrograms> programs_;
  bool anyHatched_ = false;
  std::vector<std::uint8_t> styleBytes_;
  std::vector<std::pair<std::uint32_t, Rgba>> outlines_;  // features drawn with an outline
  std::optional<std::uint32_t> hover_, selection_;
  MapLook look_;
};

}  // namespace cm
