#!/usr/bin/env bash
# The Photos tab's edit-to-screen benchmark: in the real window under Xvfb, the time from typing a
# kernel value to the JavaFX pulse that shows the result (the tab's own "on screen" figure), on
# 0.5, 2 and 12 megapixel photos with a dense 3 x 3 kernel; beside it, measured in the same
# session, the engine alone on the same photo (in the same JVM) and OpenCV's cv2.filter2D on it.
# Medians; the machine is shared, so read the ratios. Figures only.
#   tools/bench/photo_screen_bench.sh [EDITS]
# JAR=other.jar measures another build (e.g. main's, copied aside) with the same photos: run the
# two in turn for a comparison on this shared machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
edits="${1:-9}"
jar="${JAR:-target/convlens.jar}"
dir=target/bench/screen
mkdir -p "$dir"
[ -f target/convlens.jar ] || mvn -B -q -o package -DskipTests 2>/dev/null || mvn -B -q package -DskipTests
/usr/bin/python3 tools/bench/photo_screen_bench.py --make-only "$dir"
/usr/bin/python3 tools/bench/photo_screen_bench.py --runs "$edits" "$dir" | tee "$dir/opencv.jsonl"
xvfb-run -a -s "-screen 0 1600x1000x24" java -Xmx6g --add-modules jdk.incubator.vector \
  -Djavafx.cachedir=target/openjfx-cache -jar "$jar" --measure-photo "$edits" \
  "$dir/photo05mp.png" "$dir/photo2mp.png" "$dir/photo12mp.png" 2>&1 \
  | grep -E '^(\{|measure-photo)' | tee "$dir/convlens.txt"
/usr/bin/python3 - "$dir" <<'PY'
import json, sys
d = sys.argv[1]
cv = {j["photo"]: j for j in map(json.loads, open(d + "/opencv.jsonl"))}
rows = [json.loads(l) for l in open(d + "/convlens.txt") if l.startswith("{")]
print()
print("%-14s %6s %16s %16s %14s %16s %14s %16s" % ("photo", "MP", "edit->screen ms", "edit->preview ms",
      "engine in tab", "engine alone ms", "cv2 3x3 ms", "screen / engine"))
for r in rows:
    c = cv.get(r["photo"], {}).get("median_ms", float("nan"))
    print("%-14s %6.1f %16.1f %16s %14.1f %16.1f %14.1f %15.1fx" % (r["photo"], r["width"] * r["height"] / 1e6,
          r["on_screen_ms"], "-" if r["preview_on_screen_ms"] != r["preview_on_screen_ms"] else "%.1f" % r["preview_on_screen_ms"],
          r["engine_in_tab_ms"], r["engine_alone_ms"], c, r["on_screen_ms"] / r["engine_alone_ms"]))
PY
