#!/usr/bin/python3
"""OpenCV's cv2.filter2D on a 12-megapixel photo, the peer for the photo benchmark.

    /usr/bin/python3 tools/bench/photo_bench.py [--photo PATH] [--runs N] [--make-only]

Makes the photo if it is missing (target/bench/photo12mp.png: the Hubble deep-field sample
resized to 4000 x 3000 with cubic interpolation, 3 channels), then for 3x3, 7x7 and 15x15
kernels times cv2.filter2D on it as float32 in [0, 1] (what ConvLens computes on): the colour
image (filter2D applies the kernel to each channel, which is ConvLens's depthwise rule) and its
gray version, zero border, "same" size. The kernel is dense and not separable,
w[i] = sin(i + 1) for i = 0 .. k*k - 1 in row order, the same as PhotoBench uses. Each figure is
the median of N runs after two warm-up runs. Prints one JSON line per case.
"""
import argparse
import json
import os
import time

import cv2
import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT = os.path.join(ROOT, "target", "bench", "photo12mp.png")


def make(path):
    src = cv2.imread(os.path.join(ROOT, "src", "main", "resources", "samples", "hubble_deep_field.jpg"))
    big = cv2.resize(src, (4000, 3000), interpolation=cv2.INTER_CUBIC)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    cv2.imwrite(path, big)


def kernel(k):
    return np.sin(np.arange(k * k, dtype=np.float64) + 1).reshape(k, k).astype(np.float32)


def median_ms(fn, runs):
    fn()
    fn()
    ms = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        ms.append((time.perf_counter() - t0) * 1000)
    ms.sort()
    return ms[len(ms) // 2]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--photo", default=DEFAULT)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--make-only", action="store_true")
    a = ap.parse_args()
    if not os.path.exists(a.photo):
        make(a.photo)
    if a.make_only:
        return
    bgr = cv2.imread(a.photo)
    rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB).astype(np.float32) / np.float32(255)
    gray = (np.float32(0.299) * rgb[..., 0] + np.float32(0.587) * rgb[..., 1] + np.float32(0.114) * rgb[..., 2])
    h, w = gray.shape
    for k in (3, 7, 15):
        kk = kernel(k)
        for name, img in (("rgb", rgb), ("gray", gray)):
            ms = median_ms(lambda: cv2.filter2D(img, -1, kk, anchor=(k // 2, k // 2), borderType=cv2.BORDER_CONSTANT),
                           a.runs)
            print(json.dumps({"peer": "cv2.filter2D", "case": "%s_k%d" % (name, k), "width": w, "height": h,
                              "threads": cv2.getNumThreads(), "median_ms": round(ms, 2)}))


if __name__ == "__main__":
    main()
