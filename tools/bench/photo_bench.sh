#!/usr/bin/env bash
# The photo benchmark: OpenCV's cv2.filter2D and ConvLens on the same 12-megapixel photo, in the
# same session, one after the other. Prints both sides' JSON lines, then a table with the ratios.
#   tools/bench/photo_bench.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs="${1:-7}"
photo=target/bench/photo12mp.png
mkdir -p target/bench
mvn -B -q -o test-compile 2>/dev/null || mvn -B -q test-compile
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench/cp.txt >/dev/null 2>&1 \
  || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench/cp.txt >/dev/null
/usr/bin/python3 tools/bench/photo_bench.py --photo "$photo" --make-only
/usr/bin/python3 tools/bench/photo_bench.py --photo "$photo" --runs "$runs" | tee target/bench/opencv.jsonl
java -Xmx6g -Djavafx.cachedir=target/openjfx-cache -Dprism.order=sw -Dglass.platform=Monocle -Dmonocle.platform=Headless \
  -cp "target/classes:target/test-classes:$(cat target/bench/cp.txt)" org.convlens.ui.photo.PhotoBench "$photo" "$runs" \
  | tee target/bench/convlens.jsonl
/usr/bin/python3 - <<'PY'
import json
cv = {j["case"]: j for j in map(json.loads, open("target/bench/opencv.jsonl"))}
rows = [json.loads(l) for l in open("target/bench/convlens.jsonl")]
eng = {j["case"]: j for j in rows if j["side"] == "engine"}
scr = {j["case"]: j for j in rows if j["side"] == "edit_to_screen"}
any_case = next(iter(eng.values()))
print()
print("photo %d x %d (%.1f MP), %d threads" % (any_case["width"], any_case["height"],
      any_case["width"] * any_case["height"] / 1e6, any_case["threads"]))
print("%-10s %10s %16s %16s %18s %16s" % ("case", "engine ms", "cv2.filter2D ms", "engine / OpenCV",
      "edit->preview ms", "edit->full ms"))
for case in sorted(eng, key=lambda c: (c.split("_k")[0] != "rgb", int(c.split("_k")[1]))):
    e = eng[case]["median_ms"]; c = cv[case]["median_ms"]
    s = scr.get(case, {}).get("median_ms")
    p = scr.get(case, {}).get("preview_ms")
    print("%-10s %10.1f %16.1f %15.2fx %18s %16s" % (case, e, c, e / c, "%.1f" % p if p is not None else "-",
          "%.1f" % s if s is not None else "-"))
PY
