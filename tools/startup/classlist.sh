#!/usr/bin/env bash
# Records the classes the window loads from the jar while it starts with lesson 1 (its own code,
# JavaFX, ControlsFX, Jackson...), in the order it loads them, into the list ClassPreload loads
# on a second thread at start (src/main/resources/org/convlens/app/startup-classes.txt).
# Run after changes to what the window builds at start, then commit the list:
#   mvn -B -q package -DskipTests && tools/startup/classlist.sh [SECONDS]
# Needs xvfb (xvfb-run). The preload itself is off while recording, so the list is what the
# window asks for, not what an older list loaded.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds="${1:-30}"
out=src/main/resources/org/convlens/app/startup-classes.txt
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
HOME="$home" timeout "$seconds" xvfb-run -a -s "-screen 0 1600x1000x24" \
  java -Dconvlens.preload=off -Xlog:class+load:file="$home/cl.txt" -jar target/convlens.jar --lesson 1 \
  >/dev/null 2>&1 || true
{
  echo "# Classes the window loads from the jar as it starts with lesson 1, in order."
  echo "# Made by tools/startup/classlist.sh; read by org.convlens.app.ClassPreload."
  # lambdas and other hidden classes are made at run time, not loaded by name
  grep 'source: file:' "$home/cl.txt" | awk '{print $2}' | grep -v -e '\$\$Lambda' -e '/0x' | awk '!seen[$0]++'
} > "$out"
echo "$out: $(grep -vc '^#' "$out") classes"
