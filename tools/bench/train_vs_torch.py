#!/usr/bin/python3
"""Time per epoch of training the default network: ConvLens (`convlens train --json`) next to
PyTorch on the CPU, same network, data, batch size and optimiser, measured in the same session.

The network is ConvLens's default (conv 3x3 8 ch, pad 1, ReLU, max pool 2; conv 3x3 16 ch, pad 1,
ReLU, max pool 2; flatten; linear to 10 classes), trained on the shipped Fashion-MNIST subset
(src/main/resources/datasets/fashion: 10,000 training and 2,000 test images) with Adam, batch 64,
learning rate 0.002. An epoch is one shuffled pass over the training set in mini-batches plus one
pass over the test set, in both (ConvLens's "seconds" field counts the same).

The two run in turns (ConvLens, PyTorch, ConvLens, ...) ROUNDS times, so that the load of a shared
machine falls on both alike; each round trains EPOCHS epochs (default 8, the length of the default
`convlens train` run) and the first epoch of each round (JIT warm-up on the Java side, allocator
warm-up on the PyTorch side) is left out. Prints every epoch's time, then the medians and their
ratio (ConvLens / PyTorch), and next to them the same for epochs 2 to 4 only (the JIT is still
compiling then: ConvLens's epochs get shorter until about the sixth) and the whole run's time, the
first epoch included. PyTorch gets the same number of threads as ConvLens (--threads, default
every processor).

    mvn -B -q -o package -DskipTests
    /usr/bin/python3 tools/bench/train_vs_torch.py [--rounds 3] [--epochs 8] [--threads 2] [--no-vector]

ConvLens runs as the packaged app and its `convlens` command do, with the Vector API module
(`java --add-modules jdk.incubator.vector -jar ...`); --no-vector runs plain `java -jar` (the
scalar paths: the same convolutions bit for bit, other orders of the kernel gradients' and the
linear layer's sums).

--jar PATH (repeatable, default target/convlens.jar) times each jar in turn in every round, before
PyTorch: an earlier build and the current one measured under the same load, each with its median
and ratio.
"""

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DATA = os.path.join(ROOT, "src", "main", "resources", "datasets", "fashion")
JAR = os.path.join(ROOT, "target", "convlens.jar")


def idx(name):
    with gzip.open(os.path.join(DATA, name), "rb") as f:
        raw = f.read()
    nd = raw[3]
    dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(nd)]
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * nd).reshape(dims)


def load():
    xs = torch.from_numpy(idx("train-images-idx3-ubyte.gz").astype(np.float32) / 255.0)[:, None]
    ys = torch.from_numpy(idx("train-labels-idx1-ubyte.gz").astype(np.int64))
    xt = torch.from_numpy(idx("t10k-images-idx3-ubyte.gz").astype(np.float32) / 255.0)[:, None]
    yt = torch.from_numpy(idx("t10k-labels-idx1-ubyte.gz").astype(np.int64))
    return xs, ys, xt, yt


def network():
    return nn.Sequential(
        nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(16 * 7 * 7, 10))


def torch_epochs(data, epochs, batch, lr, seed):
    xs, ys, xt, yt = data
    torch.manual_seed(seed)
    net = network()
    for m in net:
        if isinstance(m, (nn.Conv2d, nn.Linear)):
            nn.init.kaiming_normal_(m.weight, nonlinearity="relu")
            nn.init.zeros_(m.bias)
    opt = torch.optim.Adam(net.parameters(), lr=lr)
    out = []
    for epoch in range(1, epochs + 1):
        t0 = time.perf_counter()
        net.train()
        perm = torch.randperm(len(xs))
        total, correct = 0.0, 0
        for i in range(0, len(xs), batch):
            idx_ = perm[i:i + batch]
            x, y = xs[idx_], ys[idx_]
            opt.zero_grad()
            z = net(x)
            loss = F.cross_entropy(z, y)
            loss.backward()
            opt.step()
            total += loss.item() * len(y)
            correct += int((z.argmax(1) == y).sum())
        net.eval()
        with torch.no_grad():
            test_correct = 0
            for i in range(0, len(xt), batch):
                test_correct += int((net(xt[i:i + batch]).argmax(1) == yt[i:i + batch]).sum())
        seconds = time.perf_counter() - t0
        out.append({"epoch": epoch, "loss": total / len(xs), "train_accuracy": correct / len(xs),
                    "test_accuracy": test_correct / len(xt), "seconds": seconds})
    return out


def convlens_epochs(jar, epochs, batch, lr, seed, threads, vector):
    # With the Vector API module, as the packaged app and its `convlens` command run; --no-vector
    # times plain `java -jar` (the scalar paths).
    cmd = ["java"] + (["--add-modules", "jdk.incubator.vector"] if vector else []) + ["-jar", jar, "train", "--json", "--epochs", str(epochs), "--batch", str(batch), "--lr", str(lr),
           "--optimizer", "adam", "--seed", str(seed), "--threads", str(threads)]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("convlens train failed: " + r.stderr)
    return [json.loads(line) for line in r.stdout.splitlines() if line.startswith("{")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=0.002)
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-vector", action="store_true", help="run plain java -jar, without the Vector API module")
    ap.add_argument("--jar", action="append", help="a convlens jar to time (repeatable; default %s)" % JAR)
    a = ap.parse_args()
    jars = a.jar or [JAR]
    torch.set_num_threads(a.threads)
    data = load()
    java, pt = [[] for _ in jars], []
    # Per run: every epoch's seconds, for the epochs 2-4 medians and the whole runs.
    java_runs, pt_runs = [[] for _ in jars], []
    for r in range(a.rounds):
        js = [convlens_epochs(jar, a.epochs, a.batch, a.lr, a.seed, a.threads, not a.no_vector) for jar in jars]
        p = torch_epochs(data, a.epochs, a.batch, a.lr, a.seed)
        for k, j in enumerate(js):
            name = "convlens" if len(jars) == 1 else "convlens[%d]" % k
            for e in j:
                print("round %d %s epoch %d: %.2f s, test accuracy %.3f" % (r + 1, name, e["epoch"], e["seconds"],
                                                                           e["test_accuracy"]))
            java[k] += [e["seconds"] for e in j[1:]]
            java_runs[k].append([e["seconds"] for e in j])
        for e in p:
            print("round %d pytorch  epoch %d: %.2f s, test accuracy %.3f" % (r + 1, e["epoch"], e["seconds"],
                                                                             e["test_accuracy"]))
        pt += [e["seconds"] for e in p[1:]]
        pt_runs.append([e["seconds"] for e in p])
    mp = statistics.median(pt)
    print("torch %s, %d threads, batch %d, %d rounds x %d epochs (first of each left out), convlens %s"
          % (torch.__version__, a.threads, a.batch, a.rounds, a.epochs,
             "java -jar (no vector module)" if a.no_vector else "with the vector module (as packaged)"))
    early_pt = statistics.median([t for run in pt_runs for t in run[1:4]])
    whole_pt = statistics.median([sum(run) for run in pt_runs])
    for k, jar in enumerate(jars):
        mj = statistics.median(java[k])
        name = "convlens" if len(jars) == 1 else "convlens[%d] %s" % (k, jar)
        print("median seconds per epoch: %s %.2f, pytorch %.2f, ratio %.2f" % (name, mj, mp, mj / mp))
        early = statistics.median([t for run in java_runs[k] for t in run[1:4]])
        whole = statistics.median([sum(run) for run in java_runs[k]])
        print("  epochs 2-4 only: %.2f, pytorch %.2f, ratio %.2f; whole run of %d epochs (first included): "
              "%.1f s, pytorch %.1f s, ratio %.2f" % (early, early_pt, early / early_pt, a.epochs, whole, whole_pt,
                                                      whole / whole_pt))

if __name__ == "__main__":
    main()
