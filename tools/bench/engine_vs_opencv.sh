#!/usr/bin/env bash
# ConvLens `bench` next to OpenCV (tools/bench/engine_vs_opencv.py) in the same session, rounds
# taking turns: each round runs the engine with the vector path (--add-modules
# jdk.incubator.vector), the engine without it (the path `java -jar` takes), then OpenCV, each at
# 1 and 2 threads. Prints every JSON line, then the medians over the rounds and the ratios
# ConvLens / OpenCV (below 1: ConvLens is faster). Where a C compiler is (Debian's gcc), each round
# also measures the FMA bound (tools/bench/fma_bound.c: the machine's fused multiply-adds a second
# with AVX2 and with AVX-512, one and two threads), and the 11 x 11 cases are set against it; and
# the memory floor of 2 x 2 pooling (tools/bench/memory_floor.c: a C loop reading the 64 MB input
# once and writing the 16 MB output once), which the pooling cases are set against.
#   tools/bench/engine_vs_opencv.sh [ROUNDS] [CASE-SUBSTRING] [RUNS]
# Needs target/convlens.jar (mvn -B package) and python3-opencv. Lines land in target/bench/.
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds="${1:-3}"
filter="${2:-}"
runs="${3:-7}"
jar=target/convlens.jar
out=target/bench/engine_vs_opencv.jsonl
mkdir -p target/bench
: > "$out"
fma=
if command -v cc >/dev/null && cc -O3 -funroll-all-loops -mavx512f -mfma -pthread tools/bench/fma_bound.c \
    -o target/bench/fma_bound 2>/dev/null && grep -qw avx512f /proc/cpuinfo; then
  fma=target/bench/fma_bound
fi
floor=
if [[ "pool" == *"$filter"* || "$filter" == *pool* ]] && command -v cc >/dev/null \
    && cc -O3 -mavx512f -pthread tools/bench/memory_floor.c -o target/bench/memory_floor 2>/dev/null \
    && grep -qw avx512f /proc/cpuinfo; then
  floor=target/bench/memory_floor
fi
for r in $(seq 1 "$rounds"); do
  echo "round $r of $rounds (load average $(cut -d' ' -f1 /proc/loadavg))" >&2
  java --add-modules jdk.incubator.vector -jar "$jar" bench --json --case "$filter" --runs "$runs" 2>/dev/null \
    | sed 's/^{/{"side": "vector", "round": '"$r"', /' | tee -a "$out"
  java -jar "$jar" bench --json --case "$filter" --runs "$runs" \
    | sed 's/^{/{"side": "scalar", "round": '"$r"', /' | tee -a "$out"
  /usr/bin/python3 tools/bench/engine_vs_opencv.py --case "$filter" --runs "$runs" \
    | sed 's/^{/{"side": "opencv", "round": '"$r"', /' | tee -a "$out"
  if [ -n "$fma" ]; then
    "$fma" | sed 's/^{/{"side": "fma", "round": '"$r"', /' | tee -a "$out"
  fi
  if [ -n "$floor" ]; then
    "$floor" | sed 's/^{/{"side": "floor", "round": '"$r"', /' | tee -a "$out"
  fi
done
/usr/bin/python3 - "$out" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
bounds = {}
for j in rows:
    if j["side"] == "fma":
        bounds.setdefault((j["case"], j["threads"]), []).append(j["conv4096_k11_bound_ms"])
floors = {}
for j in rows:
    if j["side"] == "floor":
        floors.setdefault(j["threads"], []).append(j["pool4096_floor_ms"])
rows = [j for j in rows if j["side"] not in ("fma", "floor")]
med = {}
for j in rows:
    key = (j["side"], j["case"], j["threads"], j.get("peer", ""))
    med.setdefault(key, []).append(j["median_ms"])
med = {k: statistics.median(v) for k, v in med.items()}
cpu = {}
for j in rows:
    if "cpu_ms" in j:
        cpu.setdefault((j["side"], j["case"], j.get("peer", "")), []).append(j["cpu_ms"])
cpu = {k: statistics.median(v) for k, v in cpu.items()}
cases = list(dict.fromkeys(j["case"] for j in rows))
def get(side, case, t):
    vals = [v for (s, c, th, p), v in med.items() if s == side and c == case and th == t]
    return min(vals) if vals else None
def peers(case):
    return sorted({p for (s, c, th, p) in med if s == "opencv" and c == case})
def f(v):
    return "-" if v is None else ("%.2f ms" % v if v < 100 else "%.1f ms" % v)
def cpu_of(side, case):
    vals = [x for (s, c, p), x in cpu.items() if s == side and c == case]
    return min(vals) if vals else None
def ratio(a, b):
    return "-" if a is None or b is None else "%.2fx" % (a / b)
print()
print("| case | vector 1 thread | vector 2 threads | without vector 1 thread | without vector 2 threads"
      " | OpenCV 1 thread | OpenCV 2 threads | vector 1t / OpenCV 1t | vector 2t / OpenCV best |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for case in cases:
    for peer in peers(case) or [""]:
        def cv(t):
            v = med.get(("opencv", case, t, peer))
            return v
        v1, v2 = get("vector", case, 1), get("vector", case, 2)
        s1, s2 = get("scalar", case, 1), get("scalar", case, 2)
        c1, c2 = cv(1), cv(2)
        best = min(x for x in (c1, c2) if x is not None) if (c1 or c2) else None
        name = case if len(peers(case)) < 2 else "%s (%s)" % (case, peer)
        print("| %s | %s | %s | %s | %s | %s | %s | %s | %s |" % (name, f(v1), f(v2), f(s1), f(s2), f(c1), f(c2),
              ratio(v1, c1), ratio(v2, best)))
print()
print("One thread, CPU time of the working thread (what an idle core would take; robust to a loaded machine):")
print()
print("| case | vector | without vector | OpenCV | vector / OpenCV | without vector / OpenCV |")
print("| --- | --- | --- | --- | --- | --- |")
for case in cases:
    for peer in peers(case) or [""]:
        v = cpu_of("vector", case)
        sc = cpu_of("scalar", case)
        c1 = cpu.get(("opencv", case, peer))
        name = case if len(peers(case)) < 2 else "%s (%s)" % (case, peer)
        print("| %s | %s | %s | %s | %s | %s |" % (name, f(v), f(sc), f(c1), ratio(v, c1), ratio(sc, c1)))
if bounds and "conv4096_k11_s1" in cases:
    b = {k: statistics.median(v) for k, v in bounds.items()}
    print()
    print("The FMA bound (tools/bench/fma_bound.c, medians over the rounds): the 2.03 G multiply-adds of")
    print("4096 x 4096 11 x 11 at the machine's measured rate, and the vector path's time over it:")
    print()
    print("| case | vector | AVX2 bound | AVX-512 bound | vector / AVX2 bound | vector / AVX-512 bound |")
    print("| --- | --- | --- | --- | --- | --- |")
    case = "conv4096_k11_s1"
    v1 = cpu_of("vector", case)
    v2 = get("vector", case, 2)
    for t, v, what in ((1, v1, "1 thread (CPU)"), (2, v2, "2 threads")):
        a2, a5 = b.get(("fma_avx2", t)), b.get(("fma_avx512", t))
        print("| %s, %s | %s | %s | %s | %s | %s |" % (case, what, f(v), f(a2), f(a5), ratio(v, a2), ratio(v, a5)))
if floors:
    fl = {t: statistics.median(v) for t, v in floors.items()}
    print()
    print("The memory floor of 2 x 2 pooling (tools/bench/memory_floor.c, medians over the rounds): a C loop")
    print("reading the 64 MB input once and writing the 16 MB output once, and each side's time over it:")
    print()
    print("| case | threads | vector | OpenCV | memory floor | vector / floor | OpenCV / floor |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for case in [c for c in cases if c.endswith("pool4096")]:
        for t in (1, 2):
            v = get("vector", case, t)
            c = get("opencv", case, t)
            print("| %s | %d | %s | %s | %s | %s | %s |" % (case, t, f(v), f(c), f(fl.get(t)), ratio(v, fl.get(t)),
                  ratio(c, fl.get(t))))
PY
