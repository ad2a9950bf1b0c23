#!/usr/bin/python3
"""The peer for the Photos tab's edit-to-screen benchmark: OpenCV's cv2.filter2D on the same photos.

    /usr/bin/python3 tools/bench/photo_screen_bench.py [--runs N] [--make-only] DIR

Makes DIR/photo05mp.png (816 x 612), DIR/photo2mp.png (1632 x 1224) and DIR/photo12mp.png
(4000 x 3000) if missing: the Hubble deep-field sample resized with cubic interpolation, 3 channels.
Then for each, times cv2.filter2D with the dense 3 x 3 kernel w[i] = sin(i + 1) (as PhotoSpeed)
on the colour photo as float32 in [0, 1], zero border, "same" size: the median of N runs after
two warm-up runs. Prints one JSON line per photo.
"""
import argparse
import json
import os
import time

import cv2
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SIZES = (("photo05mp.png", 816, 612), ("photo2mp.png", 1632, 1224), ("photo12mp.png", 4000, 3000))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--make-only", action="store_true")
    a = ap.parse_args()
    os.makedirs(a.dir, exist_ok=True)
    src = None
    for name, w, h in SIZES:
        path = os.path.join(a.dir, name)
        if not os.path.exists(path):
            if src is None:
                src = cv2.imread(os.path.join(ROOT, "src", "main", "resources", "samples", "hubble_deep_field.jpg"))
            cv2.imwrite(path, cv2.resize(src, (w, h), interpolation=cv2.INTER_CUBIC))
    if a.make_only:
        return
    k = np.sin(np.arange(9, dtype=np.float64) + 1).reshape(3, 3).astype(np.float32)
    for name, w, h in SIZES:
        rgb = cv2.cvtColor(cv2.imread(os.path.join(a.dir, name)), cv2.COLOR_BGR2RGB).astype(np.float32) / np.float32(255)

        def run():
            cv2.filter2D(rgb, -1, k, anchor=(1, 1), borderType=cv2.BORDER_CONSTANT)
        run()
        run()
        ms = []
        for _ in range(a.runs):
            t0 = time.perf_counter()
            run()
            ms.append((time.perf_counter() - t0) * 1000)
        ms.sort()
        print(json.dumps({"peer": "cv2.filter2D", "photo": name, "width": w, "height": h,
                          "threads": cv2.getNumThreads(), "median_ms": round(ms[len(ms) // 2], 2)}))


if __name__ == "__main__":
    main()
