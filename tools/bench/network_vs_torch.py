#!/usr/bin/python3
"""The bench subcommand's network cases, next to PyTorch on the CPU, in the same session.

Cases (as `java -jar target/convlens.jar bench --case ...` runs them):
  lenet5_x256  LeNet-5 (conv 6@5x5 padding 2, ReLU, max pool 2; conv 16@5x5, ReLU, max pool 2;
               flatten; linear 400-120, ReLU; 120-84, ReLU; 84-10) on a batch of 256 images 1 x 28 x 28
  vgg64_56     two conv 64@3x3 padding 1 + ReLU on 1 x 64 x 56 x 56

PyTorch runs under torch.no_grad(), modules in eval mode, float32, torch.set_num_threads(T) for the
same thread counts ConvLens uses (1 and the number of processors). The two take turns, case by case
and round by round (ConvLens through its own bench command, one JVM per turn, warmed up for half a
second as the bench does), so both see the same load; each turn reports the median of N runs, and
the table gives the median of the rounds' medians and the ratio PyTorch / ConvLens (above 1: ConvLens
is faster).

At one thread both sides also report the CPU time of the thread that does all the work (Python's
time.thread_time, Java's ThreadMXBean): on a machine other work keeps busy, wall-clock medians
mostly measure the waits (PyTorch's two OpenMP threads spin at every barrier), the CPU time
measures the work; a second table gives it.

Run from the repository root after `mvn -B package`:
    /usr/bin/python3 tools/bench/network_vs_torch.py [--rounds R] [--runs N] [--jar target/convlens.jar]
Prints one JSON line per turn ({"case", "threads", "median_ms", "cpu_ms", "peer"}), then the tables.
"""
import argparse
import json
import os
import statistics
import subprocess
import time

import torch
import torch.nn as nn

CASES = ["lenet5_x256", "vgg64_56"]


def torch_case(name):
    torch.manual_seed(5)
    if name == "lenet5_x256":
        net = nn.Sequential(
            nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
            nn.Linear(400, 120), nn.ReLU(), nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))
        x = torch.rand(256, 1, 28, 28) * 2 - 1
    else:
        net = nn.Sequential(nn.Conv2d(64, 64, 3, padding=1), nn.ReLU(), nn.Conv2d(64, 64, 3, padding=1), nn.ReLU())
        x = torch.rand(1, 64, 56, 56) * 2 - 1
    return net.eval(), x


def median(v):
    v = sorted(v)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


def time_torch(name, threads, runs):
    """(median wall ms, median CPU ms of this thread)."""
    torch.set_num_threads(threads)
    net, x = torch_case(name)
    with torch.no_grad():
        end = time.perf_counter() + 1.0
        while time.perf_counter() < end:
            net(x)
        ms = []
        cpu = []
        for _ in range(runs):
            c0 = time.thread_time()
            t0 = time.perf_counter()
            net(x)
            ms.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.thread_time() - c0) * 1000)
    return median(ms), median(cpu)


def time_convlens(jar, name, threads, runs):
    out = subprocess.run(["java", "-jar", jar, "bench", "--json", "--case", name, "--threads", str(threads),
                          "--runs", str(runs)], check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        o = json.loads(line)
        if o["case"] == name and o["threads"] == threads:
            return o["median_ms"], o.get("cpu_ms")
    raise RuntimeError("no result for %s in: %s" % (name, out))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--jar", default="target/convlens.jar")
    a = ap.parse_args()
    counts = sorted({1, os.cpu_count()})
    results = {}
    for r in range(a.rounds):
        for name in CASES:
            for t in counts:
                tm, tcpu = time_torch(name, t, a.runs)
                cl, ccpu = time_convlens(a.jar, name, t, a.runs)
                results.setdefault((name, t), ([], [], [], []))
                for lst, v in zip(results[(name, t)], (tm, cl, tcpu, ccpu)):
                    lst.append(v)
                print(json.dumps({"round": r, "case": name, "threads": t, "median_ms": round(tm, 3),
                                  "cpu_ms": round(tcpu, 3), "peer": "torch %s" % torch.__version__}), flush=True)
                print(json.dumps({"round": r, "case": name, "threads": t, "median_ms": cl, "cpu_ms": ccpu,
                                  "peer": "convlens"}), flush=True)
    print()
    print("| case | threads | PyTorch %s | ConvLens | PyTorch / ConvLens |" % torch.__version__)
    print("| --- | --- | --- | --- | --- |")
    for (name, t), (tm, cl, _, _) in results.items():
        mt = statistics.median(tm)
        mc = statistics.median(cl)
        print("| %s | %d | %.2f ms | %.2f ms | %.2fx |" % (name, t, mt, mc, mt / mc))
    print()
    print("One thread, CPU time of the working thread:")
    print("| case | PyTorch %s | ConvLens | PyTorch / ConvLens |" % torch.__version__)
    print("| --- | --- | --- | --- |")
    for (name, t), (_, _, tc, cc) in results.items():
        if t == 1:
            mt = statistics.median(tc)
            mc = statistics.median(cc)
            print("| %s | %.2f ms | %.2f ms | %.2fx |" % (name, mt, mc, mt / mc))
    print("load average at the end: %s" % " ".join(open("/proc/loadavg").read().split()[:3]))


if __name__ == "__main__":
    main()
