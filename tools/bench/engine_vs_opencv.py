#!/usr/bin/env python3
"""The bench subcommand's cases run with OpenCV (and NumPy for pooling), for comparison.

Prints one JSON line per case and thread count, in the same form as
`java -jar target/convlens.jar bench --json`:
  {"case": "conv4096_k3_s1", "threads": 2, "median_ms": ..., "mpix_s": ..., "peer": "cv2.filter2D"}

Cases: conv{1024,4096}_k{3,5,7,11}_s{1,2} (one float32 channel, zero padding "same", dense random
kernel; OpenCV has no stride, so stride 2 is filter2D then [::2, ::2], which is what a user of
OpenCV would write), maxpool4096 / avgpool4096 (2x2 stride 2: NumPy reshape-max / cv2.resize
INTER_AREA), rgb2048 (3 -> 8 channels 3x3: eight filter2D calls per input channel, summed).

Run: /usr/bin/python3 tools/bench/engine_vs_opencv.py [--case SUBSTRING] [--runs N] [--threads N]
(Debian python3-opencv; each case after warm-up, the median of N runs.)
"""
import argparse
import json
import os
import time

import cv2
import numpy as np


def cases():
    rng = np.random.RandomState(42)
    out = []
    for size in (1024, 4096):
        for k in (3, 5, 7, 11):
            for s in (1, 2):
                out.append(("conv%d_k%d_s%d" % (size, k, s), size, ("conv", rng.randn(k, k).astype(np.float32), s)))
    out.append(("maxpool4096", 4096, ("maxpool",)))
    out.append(("avgpool4096", 4096, ("avgpool",)))
    out.append(("rgb2048", 2048, ("rgb", rng.randn(8, 3, 3, 3).astype(np.float32))))
    g = cv2.getGaussianKernel(15, 3.0).astype(np.float32)
    out.append(("conv4096_gauss15_s1", 4096, ("conv", (g @ g.T).astype(np.float32), 1)))
    out.append(("conv4096_gauss15_s1", 4096, ("sep", g[:, 0], 1)))
    return out


def conv(img, kernel, stride):
    k = kernel.shape[0]
    # filter2D is cross-correlation, like the engine; anchor at the centre and zero border
    # gives PyTorch's "same" for odd kernels.
    out = cv2.filter2D(img, -1, kernel, anchor=(k // 2, k // 2), borderType=cv2.BORDER_CONSTANT)
    return out[::stride, ::stride] if stride > 1 else out


def run_case(spec, inputs):
    kind = spec[0]
    if kind == "conv":
        return conv(inputs, spec[1], spec[2])
    if kind == "sep":
        return cv2.sepFilter2D(inputs, -1, spec[1], spec[1], anchor=(7, 7), borderType=cv2.BORDER_CONSTANT)
    if kind == "maxpool":
        h, w = inputs.shape
        return inputs.reshape(h // 2, 2, w // 2, 2).max(axis=(1, 3))
    if kind == "avgpool":
        h, w = inputs.shape
        return cv2.resize(inputs, (w // 2, h // 2), interpolation=cv2.INTER_AREA)
    weights = spec[1]
    outs = []
    for co in range(weights.shape[0]):
        acc = None
        for ci in range(3):
            r = cv2.filter2D(inputs[ci], -1, weights[co, ci], anchor=(1, 1), borderType=cv2.BORDER_CONSTANT)
            acc = r if acc is None else acc + r
        outs.append(acc)
    return outs


def median(v):
    v = sorted(v)
    return v[len(v) // 2] if len(v) % 2 else (v[len(v) // 2 - 1] + v[len(v) // 2]) / 2


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--case", default="")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--threads", type=int, default=0, help="0: 1 and all")
    a = ap.parse_args()
    counts = [a.threads] if a.threads else sorted({1, os.cpu_count()})
    rng = np.random.RandomState(7)
    for name, size, spec in cases():
        if a.case not in name:
            continue
        ch = 3 if spec[0] == "rgb" else 1
        img = rng.rand(ch, size, size).astype(np.float32)
        inputs = img if ch == 3 else img[0]
        peer = {"conv": "cv2.filter2D", "maxpool": "numpy reshape max", "avgpool": "cv2.resize INTER_AREA",
                "rgb": "cv2.filter2D x 24 + sum", "sep": "cv2.sepFilter2D"}[spec[0]]
        for t in counts:
            cv2.setNumThreads(t)
            end = time.perf_counter() + 0.5
            while True:
                run_case(spec, inputs)
                if time.perf_counter() > end:
                    break
            ms = []
            cpu = []
            for _ in range(a.runs):
                c0 = time.thread_time()
                t0 = time.perf_counter()
                run_case(spec, inputs)
                ms.append((time.perf_counter() - t0) * 1000)
                cpu.append((time.thread_time() - c0) * 1000)
            line = {"case": name, "threads": t, "median_ms": round(median(ms), 3),
                    "mpix_s": round(size * size / (median(ms) / 1000) / 1e6, 1), "peer": peer}
            if t == 1:
                # One thread: this thread's CPU time, the time an idle core would take.
                line["cpu_ms"] = round(median(cpu), 3)
            print(json.dumps(line), flush=True)


if __name__ == "__main__":
    main()
