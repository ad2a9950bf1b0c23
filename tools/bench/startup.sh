#!/usr/bin/env bash
# Start-up, side by side, rounds taking turns (medians; a shared machine is noisy: read the ratios).
#  1. Under Xvfb, the time from launching a window until the screen shows its first content
#     (a region of the screen holding more than a handful of colours: text, controls), for
#     - bare:     a JavaFX window with one Label (org.convlens.app.BareWindow) from the same jar
#     - convlens: java -jar target/convlens.jar (the window, no lesson: --lesson=none)
#     and, when target/dist/ConvLens exists (mvn -B -Pdist package), the packaged window with the
#     start-up archive (AppCDS) its first start made and without it; then the time until the lesson window is painted
#     with lesson 1 in its panel (`--lesson 1`: the panel's blue Next button is on the screen), and
#     until the settings column, which the window fills after that first frame, shows its first
#     section's title too.
#  2. Wall time of the command line `compute examples/one-to-nine.json` next to `java -version`,
#     from the jar and from the packaged image (its archive made on the first run).
#   tools/bench/startup.sh [ROUNDS]
# Needs xvfb (Xvfb), python3, GTK 3 (libgtk-3-0) and target/convlens.jar. Prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-5}"
jar=target/convlens.jar
image=target/dist/ConvLens
out=target/bench/startup.txt
mkdir -p target/bench
: > "$out"
home=$(mktemp -d)
export HOME="$home" XDG_CACHE_HOME="$home/cache"
# Java takes user.home from the password file, not $HOME: without this every run would read and
# write the user's own ~/.convlens (a saved zoom or lesson would change what is timed).
export JAVA_TOOL_OPTIONS="-Duser.home=$home"
display=":$((90 + RANDOM % 100))"
Xvfb "$display" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null; rm -rf "$home"' EXIT
sleep 1

# Polls the top-left 800 x 300 of the screen (where both windows show text) through Xlib until it
# holds at least 6 colours, and prints the seconds since START_NS.
cat > "$home/firstpaint.py" <<'PY'
import ctypes, ctypes.util, os, sys, time
start = int(sys.argv[1]) / 1e9
deadline = time.time() + float(sys.argv[2])
x11 = ctypes.cdll.LoadLibrary(ctypes.util.find_library("X11"))
x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XDefaultRootWindow.restype = ctypes.c_ulong
x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x11.XGetImage.restype = ctypes.c_void_p
x11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint,
                          ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
class XImage(ctypes.Structure):
    _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                ("format", ctypes.c_int), ("data", ctypes.c_void_p), ("byte_order", ctypes.c_int),
                ("bitmap_unit", ctypes.c_int), ("bitmap_bit_order", ctypes.c_int), ("bitmap_pad", ctypes.c_int),
                ("depth", ctypes.c_int), ("bytes_per_line", ctypes.c_int), ("bits_per_pixel", ctypes.c_int)]
libc = ctypes.CDLL(None)
d = x11.XOpenDisplay(os.environ["DISPLAY"].encode())
root = x11.XDefaultRootWindow(d)
mode = sys.argv[3] if len(sys.argv) > 3 else "first"
# lesson: the lesson panel's Next button, bottom right of the 1440 x 900 window centred on
# 1600 x 1000; settings: the title of the settings column's first section ("Input"), top left.
X, Y, W, H = {"lesson": (1430, 860, 100, 40), "settings": (90, 150, 300, 25)}.get(mode, (0, 0, 800, 300))
def blue(v):
    r, g, b = (v >> 16) & 255, (v >> 8) & 255, v & 255
    return r < 40 and 90 < g < 140 and b > 150
def dark(v):
    return max((v >> 16) & 255, (v >> 8) & 255, v & 255) < 90
def shown(px):
    if mode == "lesson":
        return sum(1 for v in px if blue(v)) >= 40
    if mode == "settings":
        # dark text on a light header (the screen around the window is black)
        return sum(1 for v in px if dark(v)) >= 20 and sum(1 for v in px if not dark(v)) >= len(px) // 2
    return len(set(px)) >= 6
while time.time() < deadline:
    p = x11.XGetImage(d, root, X, Y, W, H, 0xFFFFFFFF, 2)
    img = ctypes.cast(p, ctypes.POINTER(XImage)).contents
    buf = ctypes.string_at(img.data, img.bytes_per_line * H)
    libc.free(ctypes.c_void_p(img.data)); libc.free(ctypes.c_void_p(p))
    px = memoryview(buf).cast("I")
    if shown(px):
        print("%.3f" % (time.time() - start))
        sys.exit(0)
    time.sleep(0.02)
print("timeout")
sys.exit(1)
PY

window() { # name [lesson] command...
  local name="$1"
  shift
  local mode=first
  if [ "$1" = lesson ] || [ "$1" = settings ]; then
    mode=$1
    shift
  fi
  local t0
  t0=$(date +%s%N)
  DISPLAY="$display" "$@" >/dev/null 2>&1 &
  local pid=$!
  local s
  s=$(DISPLAY="$display" python3 "$home/firstpaint.py" "$t0" 120 "$mode" || true)
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  sleep 0.5
  echo "window $name $s" | tee -a "$out"
}
cli() { # name command...
  local name="$1"
  shift
  local t0 t1
  t0=$(date +%s%N)
  "$@" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  echo "cli $name $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')" | tee -a "$out"
}

if [ -x "$image/bin/ConvLens" ]; then
  # The start-up archives are made in the user's cache when a first start exits (as on a user's
  # machine; none is shipped): make them before timing.
  "$image/bin/convlens" compute examples/one-to-nine.json >/dev/null
  DISPLAY="$display" "$image/bin/ConvLens" --measure-fps 1 >/dev/null 2>&1 || true
fi
for r in $(seq 1 "$rounds"); do
  echo "round $r of $rounds (load average $(cut -d' ' -f1 /proc/loadavg))" >&2
  window bare java -cp "$jar" org.convlens.app.BareWindow
  window convlens java -jar "$jar" --lesson=none
  if [ -x "$image/bin/ConvLens" ]; then
    window packaged-cds "$image/bin/ConvLens" --lesson=none
    window packaged-nocds env CONVLENS_CDS=off "$image/bin/ConvLens" --lesson=none
  fi
  rm -rf "$home/.convlens"
  window convlens-lesson lesson java -jar "$jar" --lesson 1
  if [ -x "$image/bin/ConvLens" ]; then
    rm -rf "$home/.convlens"
    window packaged-cds-lesson lesson "$image/bin/ConvLens" --lesson 1
    rm -rf "$home/.convlens"
    window packaged-cds-settings settings "$image/bin/ConvLens" --lesson 1
  fi
  cli java-version java -version
  cli compute java -jar "$jar" compute examples/one-to-nine.json
  if [ -x "$image/bin/ConvLens" ]; then
    cli packaged-java-version "$image/lib/runtime/bin/java" -version
    cli packaged-compute-cds "$image/bin/convlens" compute examples/one-to-nine.json
    cli packaged-compute-nocds env CONVLENS_CDS=off "$image/bin/convlens" compute examples/one-to-nine.json
  fi
done
python3 - "$out" <<'PY'
import statistics, sys
med = {}
for line in open(sys.argv[1]):
    kind, name, value = line.split()
    if value != "timeout":
        med.setdefault((kind, name), []).append(float(value))
med = {k: statistics.median(v) for k, v in med.items()}
def row(label, kind, name, base):
    if (kind, name) in med:
        v = med[(kind, name)]
        b = med.get((kind, base))
        print("| %s | %.2f s | %s |" % (label, v, "%.2fx" % (v / b) if b else "-"))
print()
print("| window: first content on screen | median | vs bare JavaFX |")
print("| --- | --- | --- |")
row("bare JavaFX window, one Label (same jar)", "window", "bare", "bare")
row("ConvLens, java -jar", "window", "convlens", "bare")
row("ConvLens, packaged image, with AppCDS", "window", "packaged-cds", "bare")
row("ConvLens, packaged image, without AppCDS", "window", "packaged-nocds", "bare")
row("lesson window (lesson 1 in its panel), java -jar", "window", "convlens-lesson", "bare")
row("lesson window, packaged image, with AppCDS", "window", "packaged-cds-lesson", "bare")
row("the same, its settings column filled too", "window", "packaged-cds-settings", "bare")
print()
print("| command line, wall time | median | vs java -version |")
print("| --- | --- | --- |")
row("java -version", "cli", "java-version", "java-version")
row("java -jar convlens.jar compute examples/one-to-nine.json", "cli", "compute", "java-version")
row("image's runtime: java -version", "cli", "packaged-java-version", "packaged-java-version")
row("bin/convlens compute (AppCDS)", "cli", "packaged-compute-cds", "packaged-java-version")
row("the same without AppCDS", "cli", "packaged-compute-nocds", "packaged-java-version")
PY
