#include "render/map_renderer.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

#include "render/framebuffer.h"
#include "shaders_embedded.h"

namespace cm {
namespace {

void colourUniform(GLint loc, Rgba c) { glUniform4f(loc, c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f); }

// The shader source with `#define NAME VALUE` after its #version line.
std::string withDefine(const char* source, const char* define) {
  std::string s = source;
  const std::size_t line = s.find('\n') + 1;
  return s.insert(line, std::string("#define ") + define + "\n");
}

void clearTo(Rgba c) {
  glClearColor(c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f);
  glClear(GL_COLOR_BUFFER_BIT);
}

// A software rasteriser such as llvmpipe shades and bins triangles on the thread that draws, and fills
// pixels on threads of its own only once the commands are flushed. So it is given a pass in parts,
// each flushed as the next is binned, and a pass ends with a flush: pixels are filled while the
// triangles after them are binned (the national view at 1280x800 went from 14 to 11 ms a frame with a
// flush per pass, and to 8.5-9 ms in parts, on the reference machine). A GPU gets one draw per pass.
constexpr std::size_t kIndicesPerPart = 16000;
constexpr std::size_t kMostParts = 12;

// `counts` and `offsets` (bytes) as glMultiDrawElements takes them; both empty for every index.
void drawInParts(bool software, GLenum mode, GLsizei indexCount, std::span<const GLsizei> counts, std::span<const void* const> offsets) {
  const GLsizei all[] = {indexCount};
  const void* const fromTheStart[] = {nullptr};
  if (counts.empty()) {
    counts = all;
    offsets = fromTheStart;
  }
  std::size_t indices = 0;
  for (GLsizei c : counts) indices += std::size_t(c);
  const std::size_t parts = software ? std::clamp<std::size_t>(indices / kIndicesPerPart, 1, kMostParts) : 1;
  if (parts == 1) {
    glMultiDrawElements(mode, counts.data(), GL_UNSIGNED_INT, offsets.data(), GLsizei(counts.size()));
    return;
  }
  // Each part takes the next `per` indices, cutting a draw where a part ends: `per` is a multiple of 6
  // and every draw of whole lines or triangles, so each cut falls between two of them.
  const std::size_t per = (indices / parts + 5) / 6 * 6;
  std::vector<GLsizei> partCounts;
  std::vector<const void*> partOffsets;
  std::size_t inPart = 0;
  const auto drawPart = [&] {
    glMultiDrawElements(mode, partCounts.data(), GL_UNSIGNED_INT, partOffsets.data(), GLsizei(partCounts.size()));
    partCounts.clear();
    partOffsets.clear();
    inPart = 0;
  };
  for (std::size_t i = 0; i < counts.size(); ++i) {
    auto count = std::size_t(counts[i]);
    auto offset = reinterpret_cast<std::uintptr_t>(offsets[i]);
    while (count > 0) {
      const std::size_t take = std::min(count, per - inPart);
      partCounts.push_back(GLsizei(take));
      partOffsets.push_back(reinterpret_cast<const void*>(offset));
      offset += take * sizeof(GLuint);
      count -= take;
      inPart += take;
      if (inPart == per) {
        drawPart();
        glFlush();
      }
    }
  }
  if (!partCounts.empty()) drawPart();
}

void endPass(PassTimer& t, bool software) {
  t.end();
  if (software) glFlush();
}

}  // namespace

void MapRenderer::useProgram(const GlProgram& program, const Camera& camera) const {
  float scale[2], offset[2];
  camera.clipTransform(origin_, scale, offset);
  glUseProgram(program.id());
  glUniform2fv(program.uniform("uScale"), 1, scale);
  glUniform2fv(program.uniform("uOffset"), 1, offset);
  glUniform1i(program.uniform("uStyle"), 0);
  if (const GLint hatch = program.uniform("uHatchSpacing"); hatch >= 0) glUniform1f(hatch, look_.hatchSpacing);
  if (const GLint hairlines = program.uniform("uHairlines"); hairlines >= 0) glUniform1i(hairlines, 0);
}

MapRenderer::MapRenderer(const MapMesh& mesh, std::shared_ptr<MapPrograms> programs)
    // Hairlines: each border segment once, in the range of the first feature that has it (see
    // geo/border_segments.h). Found before the mesh is copied to GL (into system memory, on llvmpipe),
    // so that finding them and the copies are not held at once (bench_memory's peak, the 2013 wards: 12 MB less).
    : MapRenderer(mesh, buildBorderSegments(mesh), std::move(programs)) {}

MapRenderer::MapRenderer(const MapMesh& mesh, BorderSegments segments, std::shared_ptr<MapPrograms> programs)
    : origin_(mesh.origin),
      borderRanges_(mesh.borderRanges),
      fillRanges_(mesh.fillRanges),
      vertexCount_(static_cast<std::uint32_t>(mesh.vertices.size())),
      indexCount_(static_cast<std::uint32_t>(mesh.triangles.size())),
      programs_(programs ? std::move(programs) : std::make_shared<MapPrograms>()) {
  glGenBuffers(1, &vbo_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  glBufferData(GL_ARRAY_BUFFER, mesh.vertices.size() * sizeof(MeshVertex), mesh.vertices.data(), GL_STATIC_DRAW);

  glGenVertexArrays(1, &fillVao_);
  glBindVertexArray(fillVao_);
  glGenBuffers(1, &ebo_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, ebo_);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, mesh.triangles.size() * sizeof(std::uint32_t), mesh.triangles.data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(MeshVertex), reinterpret_cast<void*>(offsetof(MeshVertex, x)));
  glEnableVertexAttribArray(1);
  glVertexAttribIPointer(1, 1, GL_UNSIGNED_INT, sizeof(MeshVertex), reinterpret_cast<void*>(offsetof(MeshVertex, feature)));

  featureBoxes_.resize(mesh.borderRanges.size());
  for (std::size_t f = 0; f < mesh.borderRanges.size(); ++f)
    for (std::uint32_t i = mesh.borderRanges[f].first; i < mesh.borderRanges[f].first + mesh.borderRanges[f].count; ++i)
      featureBoxes_[f].add(Point2{mesh.vertices[i].x, mesh.vertices[i].y});
  std::vector<std::uint32_t> lines = std::move(segments.indices);
  lineRanges_ = segments.shared;
  lineRanges_.insert(lineRanges_.end(), segments.outer.begin(), segments.outer.end());
  lineRanges_.insert(lineRanges_.end(), segments.repeats.begin(), segments.repeats.end());
  segments_ = std::move(segments);
  lineIndexCount_ = static_cast<std::uint32_t>(lines.size());
  glGenVertexArrays(1, &lineVao_);
  glBindVertexArray(lineVao_);
  glGenBuffers(1, &lineEbo_);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, lineEbo_);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, lines.size() * sizeof(std::uint32_t), lines.data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(MeshVertex), reinterpret_cast<void*>(offsetof(MeshVertex, x)));
  glEnableVertexAttribArray(1);
  glVertexAttribIPointer(1, 1, GL_UNSIGNED_INT, sizeof(MeshVertex), reinterpret_cast<void*>(offsetof(MeshVertex, feature)));
  lines = {};

  glGenVertexArrays(1, &borderVao_);
  glBindVertexArray(borderVao_);
  for (GLuint a = 0; a < 3; ++a) {
    glEnableVertexAttribArray(a);
    glVertexAttribDivisor(a, 1);
  }
  glBindVertexArray(0);

  glGenBuffers(1, &styleBuffer_);
  glGenTextures(1, &styleTexture_);
  std::vector<FeatureStyle> defaults(mesh.featureCount());
  setStyles(defaults);
}

MapRenderer::~MapRenderer() {
  glDeleteTextures(1, &styleTexture_);
  glDeleteBuffers(1, &styleBuffer_);
  glDeleteVertexArrays(1, &fillVao_);
  glDeleteVertexArrays(1, &borderVao_);
  glDeleteVertexArrays(1, &lineVao_);
  glDeleteBuffers(1, &lineEbo_);
  glDeleteBuffers(1, &ebo_);
  glDeleteBuffers(1, &vbo_);
}

void MapRenderer::setStyles(std::span<const FeatureStyle> styles) {
  styleBytes_.resize(std::max<std::size_t>(styles.size(), 1) * 8);
  outlines_.clear();
  anyHatched_ = false;
  styledVisible_.assign(styles.size(), true);
  filledVisible_.assign(styles.size(), true);
  for (std::size_t i = 0; i < styles.size(); ++i) {
    styledVisible_[i] = styles[i].visible;
    filledVisible_[i] = styles[i].visible && styles[i].fill.a > 0;
    std::uint8_t* t = styleBytes_.data() + i * 8;
    const FeatureStyle& s = styles[i];
    t[0] = s.fill.r;
    t[1] = s.fill.g;
    t[2] = s.fill.b;
    t[3] = s.fill.a;
    t[4] = s.visible ? 255 : 0;
    t[5] = s.hatch ? 255 : 0;
    t[6] = 0;
    t[7] = 0;
    if (s.visible && s.outline.a) outlines_.emplace_back(std::uint32_t(i), s.outline);
    anyHatched_ |= s.visible && s.hatch;
  }
  // Hairline ranges: a shown feature's own segments, and its repeats where the neighbour owning
  // them is hidden. Over another layer, a feature's outer edges (the coast) are that layer's
  // borders already, so they are drawn only where the feature's fill would cover those.
  const std::size_t features = segments_.shared.size();
  std::vector<bool> shown = styledVisible_, filled = filledVisible_;
  shown.resize(features, true);
  filled.resize(features, true);
  const std::vector<bool> repeats = segments_.repeatsNeeded(styledVisible_);
  auto sections = [&](const std::vector<bool>& outer) {
    std::vector<bool> all = shown;
    all.insert(all.end(), outer.begin(), outer.end());
    all.insert(all.end(), repeats.begin(), repeats.end());
    return all;
  };
  linesShown_ = sections(shown);
  overlayLinesShown_ = sections(filled);
  glBindBuffer(GL_TEXTURE_BUFFER, styleBuffer_);
  glBufferData(GL_TEXTURE_BUFFER, styleBytes_.size(), styleBytes_.data(), GL_DYNAMIC_DRAW);
  glBindTexture(GL_TEXTURE_BUFFER, styleTexture_);
  glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA8, styleBuffer_);
}

MapPrograms::MapPrograms()
    : fill("fill", withDefine(shaders::fill_vert, "HATCH 0").c_str(), withDefine(shaders::fill_frag, "HATCH 0").c_str()),
      software(isSoftwareRasteriser()) {}

MapPrograms::~MapPrograms() {
  if (emptyVao_) glDeleteVertexArrays(1, &emptyVao_);
}

void MapPrograms::copyToWindow(const Framebuffer& image) {
  if (!copy_) {
    copy_.emplace("copy", shaders::copy_vert, shaders::copy_frag);
    glGenVertexArrays(1, &emptyVao_);
  }
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  glViewport(0, 0, image.width(), image.height());
  glDisable(GL_BLEND);
  glDisable(GL_SCISSOR_TEST);
  glUseProgram(copy_->id());
  glUniform1i(copy_->uniform("uImage"), 0);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, image.texture());
  glBindVertexArray(emptyVao_);
  glDrawArrays(GL_TRIANGLES, 0, 3);
  glBindVertexArray(0);
  glBindTexture(GL_TEXTURE_2D, 0);
  glUseProgram(0);
}

const GlProgram& MapPrograms::hatchedFill() {
  if (!hatchedFill_)
    hatchedFill_.emplace("hatched fill", withDefine(shaders::fill_vert, "HATCH 1").c_str(),
                         withDefine(shaders::fill_frag, "HATCH 1").c_str());
  return *hatchedFill_;
}

const GlProgram& MapPrograms::border() {
  if (!border_) border_.emplace("border", shaders::border_vert, shaders::border_frag);
  return *border_;
}

const GlProgram& MapRenderer::fillProgram() { return anyHatched_ ? programs_->hatchedFill() : programs_->fill; }

void MapRenderer::drawBorders(const Camera& camera, IndexRange range, float width, Rgba colour) {
  if (range.count < 2 || width <= 0) return;
  // Made on first use: a map of hairlines with nothing selected (most exports) never needs it.
  const GlProgram& border = programs_->border();
  useProgram(border, camera);
  glUniform2f(border.uniform("uViewport"), float(camera.width()), float(camera.height()));
  glUniform1f(border.uniform("uWidth"), width);
  colourUniform(border.uniform("uColour"), colour);
  // Segment k joins vertex k and k+1: the same buffer is bound twice, one vertex apart. GL 3.3
  // has no base-instance draw, so the range start goes into the attribute offsets instead.
  glBindVertexArray(borderVao_);
  glBindBuffer(GL_ARRAY_BUFFER, vbo_);
  const std::size_t from = std::size_t(range.first) * sizeof(MeshVertex);
  const std::size_t to = from + sizeof(MeshVertex);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(MeshVertex), reinterpret_cast<void*>(from + offsetof(MeshVertex, x)));
  glVertexAttribIPointer(1, 1, GL_UNSIGNED_INT, sizeof(MeshVertex), reinterpret_cast<void*>(from + offsetof(MeshVertex, feature)));
  glVertexAttribPointer(2, 2, GL_FLOAT, GL_FALSE, sizeof(MeshVertex), reinterpret_cast<void*>(to + offsetof(MeshVertex, x)));
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, range.count - 1);
}

bool MapRenderer::cull(const Camera& camera, const std::vector<IndexRange>& ranges, const std::vector<bool>& visible,
                       bool shaderHidesTheRest, std::vector<GLsizei>& counts, std::vector<const void*>& offsets) const {
  counts.clear();
  offsets.clear();
  const Box view = camera.visibleWorld();
  const Box local{view.minX - origin_.x, view.minY - origin_.y, view.maxX - origin_.x, view.maxY - origin_.y};
  std::size_t kept = 0, total = 0;
  std::uint32_t runFirst = 0, runEnd = 0;
  auto flush = [&] {
    if (runEnd > runFirst) {
      counts.push_back(GLsizei(runEnd - runFirst));
      offsets.push_back(reinterpret_cast<const void*>(std::size_t(runFirst) * sizeof(std::uint32_t)));
    }
  };
  for (std::size_t f = 0; f < ranges.size(); ++f) {
    const IndexRange r = ranges[f];
    total += r.count;
    const Box& b = featureBoxes_[f % featureBoxes_.size()];  // hairline ranges: own, then repeats
    const bool shown = (f >= visible.size() || visible[f]) && b.meets(local);
    if (!shown || !r.count) continue;
    kept += r.count;
    if (r.first != runEnd) {
      flush();
      runFirst = r.first;
    }
    runEnd = r.first + r.count;
  }
  flush();
  // Mostly in view: one plain draw beats many small ones, where the shader hides what was left out
  // (hidden features) rather than drawing it (hairline sections left out must stay out).
  if (shaderHidesTheRest && kept * 10 >= total * 9) {
    counts.clear();
    offsets.clear();
  }
  return kept > 0;
}

void MapRenderer::drawHairlines(const Camera& camera, Rgba colour, bool asOverlay) {
  const GlProgram& fill = programs_->fill;  // see shaders/fill.vert
  useProgram(fill, camera);
  glUniform1i(fill.uniform("uHairlines"), 1);
  colourUniform(fill.uniform("uHairlineColour"), colour);
  glBindVertexArray(lineVao_);
  std::vector<GLsizei> counts;
  std::vector<const void*> offsets;
  if (!cull(camera, lineRanges_, asOverlay ? overlayLinesShown_ : linesShown_, /*shaderHidesTheRest=*/false, counts, offsets)) return;
  drawInParts(programs_->software, GL_LINES, GLsizei(lineIndexCount_), counts, offsets);
}

void MapRenderer::draw(const Camera& camera, bool asOverlay, PassTimer* timer, const char* label) {
  PassTimer none;
  PassTimer& t = timer ? *timer : none;
  const std::string name(label);
  const std::string fillPass = name + " fill", borderPass = name + " borders", outlinePass = name + " outlines";
  glDisable(GL_DEPTH_TEST);
  glDisable(GL_CULL_FACE);
  glDisable(GL_SCISSOR_TEST);
  if (asOverlay) {
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
  } else {
    glDisable(GL_BLEND);
    clearTo(look_.background);
  }
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_BUFFER, styleTexture_);

  t.begin(fillPass.c_str());
  useProgram(fillProgram(), camera);
  glBindVertexArray(fillVao_);
  std::vector<GLsizei> counts;
  std::vector<const void*> offsets;
  const bool anyFill = cull(camera, fillRanges_, asOverlay ? filledVisible_ : styledVisible_, /*shaderHidesTheRest=*/true, counts, offsets);
  if (anyFill) drawInParts(programs_->software, GL_TRIANGLES, GLsizei(indexCount_), counts, offsets);
  endPass(t, programs_->software);

  // Up to about a pixel, GL lines are exact and several times cheaper than quads on llvmpipe.
  t.begin(borderPass.c_str());
  if (look_.borderWidth > 0 && look_.borderWidth <= 1.25f)
    drawHairlines(camera, look_.border, asOverlay);
  else
    drawBorders(camera, {0, vertexCount_}, look_.borderWidth, look_.border);
  endPass(t, programs_->software);
  // Outlines (the leading faction) are few, so one draw per council costs little.
  if (!outlines_.empty()) t.begin(outlinePass.c_str());
  for (const auto& [feature, colour] : outlines_)
    if (feature < borderRanges_.size()) drawBorders(camera, borderRanges_[feature], look_.outlineWidth, colour);
  t.end();
  glBindVertexArray(0);
  glUseProgram(0);
  glDisable(GL_BLEND);
}

void MapRenderer::drawHighlights(const Camera& camera) {
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_BUFFER, styleTexture_);
  if (hover_ && *hover_ < borderRanges_.size() && hover_ != selection_)
    drawBorders(camera, borderRanges_[*hover_], look_.hoverWidth, look_.hover);
  if (selection_ && *selection_ < borderRanges_.size()) {
    drawBorders(camera, borderRanges_[*selection_], look_.selectionWidth + 2, look_.selectionHalo);
    drawBorders(camera, borderRanges_[*selection_], look_.selectionWidth, look_.selection);
  }
  glBindVertexArray(0);
  glUseProgram(0);
}

void warmUpMapShaders(WarmUp which, const std::shared_ptr<MapPrograms>& programs) {
  const BoundarySet square = squareBoundarySet(10);
  MapRenderer renderer(buildMapMesh(square), programs);
  // Sides that are not powers of two, as a window's seldom are: llvmpipe compiles texture reads
  // (the image copy below) separately for the two kinds of texture.
  constexpr int kW = 18, kH = 14;
  Camera camera;
  camera.setViewport(kW, kH);
  camera.fit(square.extent);
  if (which == WarmUp::FirstFrame) {
    // The plain fill and the hairlines, into a corner of the window that its first frame covers:
    // that frame draws the map straight into the window (MapCanvas::drawToWindow), whose format
    // may not be the image's.
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, kW, kH);
    renderer.draw(camera);
  } else {
    Framebuffer target;  // the map image's format, and its copy to the window
    if (!target.resize(kW, kH, 1)) return;
    target.bind();
    renderer.setSelection(0);
    for (const bool hatch : {false, true}) {  // the plain fill and the hatched one
      FeatureStyle style;
      style.hatch = hatch;
      style.outline = {0, 0, 0, 255};
      renderer.setStyles(std::span(&style, 1));
      for (const bool overlay : {false, true}) {
        renderer.draw(camera, overlay);
        renderer.drawHighlights(camera);
      }
    }
    programs->copyToWindow(target);  // which the next frame covers
  }
  glFinish();
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

}  // namespace cm
