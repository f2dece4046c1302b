"""Renders the same boundaries with QGIS, Mapnik and `councilmap export` and compares them.

Run through bench/peers, which installs the tools. Each render is a fresh process, timed whole
(wall clock, peak RSS from /usr/bin/time -v) and by its own render call. Every tool reads the same
GeoPackage: a copy of the shared file (never written into the repository) with one added integer
field, `cat`, the fill category councilmap itself uses (FNV-1a of the code, modulo its 10 colours),
so the three images are coloured alike. The copy is made once, outside the timings.

councilmap runs three ways. "cold" is a file it has never seen: every run gets an empty cache
folder, so it reads and reprojects the file, makes the levels of detail, draws the one its scale
needs and keeps them for next time. "warm" is the same file again: its cache (the layer reprojected, its levels) was
filled by the untimed warm-up pass. "warm 4x" is warm with --samples 4, the anti-aliasing QGIS and
Mapnik do and councilmap leaves off on a software renderer by default.
"""
import argparse
import json
import os
import re
import statistics
import shutil
import subprocess
import sys
import tempfile
import time

# councilmap's neutral palette (politics/palette.cpp), sea and border (render/map_renderer.h).
PALETTE = ["#c9d6df", "#e3d5c3", "#d2e0c8", "#e6cfd5", "#d6d0e6", "#f0e3b8", "#c4ddd8", "#ddc9b9", "#cfd8b6", "#d9dbe8"]
SEA, BORDER = "#bfd9ea", "#4a4f57"
BNG = ("+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy "
       "+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs")
WGS84 = "+proj=longlat +datum=WGS84 +no_defs"
DATASETS = {  # name: (file under the data folder, layer, code field)
    "wards": ("wards/wards_2013_gb_bgc_martinjc.gpkg", "wards_2013_gb", "WD13CD"),
    "councils": ("boundaries/lad_2013_gb_lgd_2012_ni_martinjc.gpkg", "lad_2013_gb", "LAD13CD"),
}


def category(code):
    h = 2166136261
    for c in code.encode():
        h = ((h ^ c) * 16777619) & 0xFFFFFFFF
    return h % len(PALETTE)


def report(**values):
    print("PEERS " + json.dumps(values), flush=True)


def render_qgis(path, layer, width, height, out):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsCoordinateReferenceSystem,
                           QgsCoordinateTransform, QgsFillSymbol, QgsMapRendererParallelJob, QgsMapSettings,
                           QgsProject, QgsRendererCategory, QgsVectorLayer)
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
    app = QgsApplication([], False)
    app.initQgis()
    lyr = QgsVectorLayer(f"{path}|layername={layer}", layer, "ogr")
    assert lyr.isValid(), path
    cats = [QgsRendererCategory(k, QgsFillSymbol.createSimple({
        "color": c, "outline_color": BORDER, "outline_width": "1", "outline_width_unit": "Pixel"}), str(k))
        for k, c in enumerate(PALETTE)]
    lyr.setRenderer(QgsCategorizedSymbolRenderer("cat", cats))
    settings = QgsMapSettings()
    settings.setLayers([lyr])
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:27700"))
    settings.setOutputSize(QSize(width, height))
    settings.setBackgroundColor(QColor(SEA))
    settings.setExtent(QgsCoordinateTransform(lyr.crs(), settings.destinationCrs(), QgsProject.instance())
                       .transformBoundingBox(lyr.extent()))
    t0 = time.perf_counter()
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    t1 = time.perf_counter()
    image.save(out, "PNG")
    report(render_ms=(t1 - t0) * 1e3, png_ms=(time.perf_counter() - t1) * 1e3)
    os._exit(0)  # QGIS 3.22 can crash tearing down in a script; the image is saved and reported


def render_mapnik(path, layer, width, height, out):
    import mapnik
    m = mapnik.Map(width, height, BNG)
    m.background = mapnik.Color(SEA)
    style = mapnik.Style()
    for k, c in enumerate(PALETTE):
        rule = mapnik.Rule()
        rule.filter = mapnik.Expression(f"[cat] = {k}")
        fill = mapnik.PolygonSymbolizer()
        fill.fill = mapnik.Color(c)
        line = mapnik.LineSymbolizer()
        line.stroke = mapnik.Color(BORDER)
        line.stroke_width = 1.0
        rule.symbols.append(fill)
        rule.symbols.append(line)
        style.rules.append(rule)
    m.append_style("boundaries", style)
    lyr = mapnik.Layer(layer, WGS84)
    lyr.datasource = mapnik.Ogr(file=path, layer=layer)
    lyr.styles.append("boundaries")
    m.layers.append(lyr)
    m.zoom_all()
    image = mapnik.Image(width, height)
    t0 = time.perf_counter()
    mapnik.render(m, image)
    t1 = time.perf_counter()
    image.save(out, "png")
    report(render_ms=(t1 - t0) * 1e3, png_ms=(time.perf_counter() - t1) * 1e3)


def prepare(data, work, name):
    """The shared file copied with its fill category; made once, reused while the source is older."""
    from osgeo import gdal, ogr
    gdal.UseExceptions()
    rel, layer, code = DATASETS[name]
    src, dst = os.path.join(data, rel), os.path.join(work, f"{name}.gpkg")
    if os.path.exists(dst) and os.path.getmtime(dst) > os.path.getmtime(src):
        return dst, layer
    tmp = dst[:-5] + ".tmp.gpkg"
    gdal.VectorTranslate(tmp, src, format="GPKG", layers=[layer])
    ds = ogr.Open(tmp, 1)
    lyr = ds.GetLayerByName(layer)
    lyr.CreateField(ogr.FieldDefn("cat", ogr.OFTInteger))
    ds.StartTransaction()
    for f in lyr:
        f.SetField("cat", category(f.GetField(code)))
        lyr.SetFeature(f)
    ds.CommitTransaction()
    ds = None
    os.replace(tmp, dst)
    return dst, layer


COUNCILMAP_TOOLS = {  # tool: (cache, extra arguments)
    "councilmap-cold": ("fresh", []),
    "councilmap-warm": ("kept", []),
    "councilmap-warm-4x": ("kept", ["--samples", "4"]),
}
LABELS = {"councilmap-cold": "councilmap, cold", "councilmap-warm": "councilmap, warm",
          "councilmap-warm-4x": "councilmap, warm, 4x AA", "qgis": "QGIS", "mapnik": "Mapnik"}


def run_once(cmd, env=None):
    """Whole-process wall time and peak RSS of one fresh process, and what it reported."""
    t0 = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True, env=env)
    wall = (time.perf_counter() - t0) * 1e3
    if p.returncode != 0:
        sys.exit(f"peers: failed ({p.returncode}): {' '.join(cmd)}\n{p.stdout[-2000:]}\n{p.stderr[-2000:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", p.stderr).group(1)) / 1024
    out = {"wall_ms": wall, "rss_mb": rss}
    for line in (p.stdout + p.stderr).splitlines():
        if line.startswith("PEERS "):
            out.update(json.loads(line[6:]))
        elif "timings ms:" in line:  # councilmap export --timings
            parts = line.split("timings ms:")[1].split()
            t = {parts[i]: float(parts[i + 1]) for i in range(0, len(parts) - 1, 2)}
            out.update({f"{k}_ms": v for k, v in t.items()})
            # The peers' render calls turn features into pixels in memory; councilmap's equivalent
            # is drawing the prepared mesh, the text overlay and reading the pixels back.
            out["render_ms"] = t["draw"] + t["overlay"] + t["readback"]
    return out


def command(tool, args, path, layer, size, png):
    w, h = size.split("x")
    if tool in COUNCILMAP_TOOLS:
        return [args.councilmap, "export", "--boundaries", path, "--layer", layer, "--out", png, "--size", size,
                "--no-caption", "--timings"] + COUNCILMAP_TOOLS[tool][1]
    return ["/usr/bin/python3", os.path.abspath(__file__), "render", tool, path, layer, w, h, png]


def environment(tool, args):
    """councilmap's cache folder: a new empty one for every cold run, one kept for the warm runs."""
    if tool not in COUNCILMAP_TOOLS:
        return None
    env = dict(os.environ)
    if COUNCILMAP_TOOLS[tool][0] == "fresh":
        folder = tempfile.mkdtemp(prefix="cold-", dir=args.cache)
    else:
        folder = os.path.join(args.cache, "warm")
    env["COUNCILMAP_CACHE_DIR"] = folder
    return env


def machine():
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    return f"{os.cpu_count()} cores, {cpu}; load average {os.getloadavg()[0]:.2f} at start"


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "render":
        tool, path, layer, w, h, out = sys.argv[2:8]
        (render_qgis if tool == "qgis" else render_mapnik)(path, layer, int(w), int(h), out)
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--root", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--councilmap")
    ap.add_argument("--data")
    ap.add_argument("--out")
    ap.add_argument("--sizes", default="1920x1080,3840x2160")
    ap.add_argument("--tools", default="councilmap-cold,councilmap-warm,councilmap-warm-4x,qgis,mapnik")
    ap.add_argument("--datasets", default="wards,councils")
    ap.add_argument("--docs", action="store_true", help="write the largest ward images to docs/peers/")
    args = ap.parse_args()
    args.councilmap = args.councilmap or os.path.join(args.root, "build", "councilmap")
    args.data = args.data or os.path.join(args.root, "..", "shared", "data")
    args.out = args.out or os.path.join(args.root, "out", "peers")
    os.makedirs(args.out, exist_ok=True)
    args.cache = os.path.join(args.out, "cache")
    shutil.rmtree(args.cache, ignore_errors=True)  # warm means warmed by this run's warm-up pass
    os.makedirs(args.cache)
    tools, sizes, datasets = args.tools.split(","), args.sizes.split(","), args.datasets.split(",")
    print(f"peers: {machine()}; {time.strftime('%Y-%m-%d %H:%M')}; median of {args.runs} runs", flush=True)
    inputs = {d: prepare(args.data, args.out, d) for d in datasets}
    results = {}
    # One untimed pass warms the file cache; then the runs interleave tools so load noise is shared.
    for run in range(-1, args.runs):
        for d in datasets:
            for size in sizes:
                for tool in tools:
                    png = os.path.join(args.out, f"{d}-{size}-{tool}.png")
                    env = environment(tool, args)
                    r = run_once(command(tool, args, *inputs[d], size, png), env)
                    if env and COUNCILMAP_TOOLS[tool][0] == "fresh":
                        shutil.rmtree(env["COUNCILMAP_CACHE_DIR"], ignore_errors=True)
                    if run >= 0:
                        results.setdefault((d, size, tool), []).append(r)
        print(f"peers: run {run + 1} of {args.runs} done" if run >= 0 else "peers: warm-up done", flush=True)
    print_table(results, datasets, sizes, tools, args)
    if args.docs:
        write_docs(args, sizes[-1])


def med(rs, key):
    vals = [r[key] for r in rs if key in r]
    return statistics.median(vals) if vals else float("nan")


def print_table(results, datasets, sizes, tools, args):
    """Whole-process and render-call medians, and how many times longer the peers take than
    councilmap cold and warm."""
    bases = [t for t in ("councilmap-cold", "councilmap-warm") if t in tools]
    head = "| data | size | tool | whole process | " + " | ".join(f"÷ {LABELS[b]}" for b in bases) + \
           " | render call | peak memory |"
    lines = [head, "|---|---|---|---:|" + "---:|" * len(bases) + "---:|---:|"]
    for d in datasets:
        for size in sizes:
            for tool in tools:
                rs = results[(d, size, tool)]
                wall, render = med(rs, "wall_ms"), med(rs, "render_ms")
                ratios = " | ".join("" if tool in COUNCILMAP_TOOLS else f"{wall / med(results[(d, size, b)], 'wall_ms'):.1f}x"
                                    for b in bases)
                lines.append(f"| {d} | {size} | {LABELS.get(tool, tool)} | {wall / 1e3:.2f} s | {ratios} | "
                             f"{render / 1e3:.2f} s | {med(rs, 'rss_mb'):.0f} MB |")
    print("\n".join(lines))
    ours = [t for t in tools if t in COUNCILMAP_TOOLS]
    if ours:
        print("\ncouncilmap, median ms: load (read + reproject, or the cache), gl (context), prepare (making the levels "
              "of detail, cold only), mesh (read levels or tessellate, upload), draw, overlay (text), readback, png, total (to the PNG "
              "written), cache (then waiting for new levels to be written to the cache, cold only)")
        for d in datasets:
            for size in sizes:
                for tool in ours:
                    rs = results[(d, size, tool)]
                    parts = " ".join(f"{k} {med(rs, k + '_ms'):.0f}" for k in
                                     ("load", "gl", "prepare", "mesh", "draw", "overlay", "readback", "png", "total", "cache"))
                    print(f"  {d} {size} {LABELS[tool]}: {parts}")
    print(f"\npeers: load average {os.getloadavg()[0]:.2f} at the end; images and results in {args.out}")
    with open(os.path.join(args.out, "results.json"), "w") as f:
        json.dump({f"{d}|{s}|{t}": v for (d, s, t), v in results.items()}, f, indent=1)


def write_docs(args, size):
    """The three ward images at the largest size, cropped to the land and scaled to 720 pixels high."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import numpy as np
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QImage
    docs = os.path.join(args.root, "docs", "peers")
    os.makedirs(docs, exist_ok=True)
    sea = np.array([int(SEA[i:i + 2], 16) for i in (1, 3, 5)])
    for tool, name in (("councilmap-warm", "councilmap"), ("qgis", "qgis"), ("mapnik", "mapnik")):
        image = QImage(os.path.join(args.out, f"wards-{size}-{tool}.png")).convertToFormat(QImage.Format_RGB888)
        w, h = image.width(), image.height()
        bits = image.constBits()
        bits.setsize(image.sizeInBytes())
        rgb = np.frombuffer(bits, np.uint8).reshape(h, image.bytesPerLine())[:, :w * 3].reshape(h, w, 3)
        land = np.any(np.abs(rgb.astype(int) - sea) > 16, axis=2)
        if name == "councilmap":
            land[int(h * 0.96):, :] = False  # its credit line
        ys, xs = np.nonzero(land)
        pad = h // 50
        x0, y0 = max(0, xs.min() - pad), max(0, ys.min() - pad)
        crop = image.copy(x0, y0, min(w, xs.max() + pad) - x0, min(h, ys.max() + pad) - y0)
        crop.scaledToHeight(720, Qt.SmoothTransformation).save(os.path.join(docs, f"wards-{name}.jpg"), "JPG", 85)
    print(f"peers: images written to {docs}")


if __name__ == "__main__":
    main()
