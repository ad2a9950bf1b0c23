#!/bin/sh
# ConvLens, made by tools/dist/build.sh: starts the image's own Java runtime.
#   ConvLens                      the window (also with --lesson..., --presentation, --screenshots, --measure-fps)
#   ConvLens SUBCOMMAND ...       the command line, as bin/convlens
# The window runs with the Vector API module; the command line without it, so that its stderr
# holds only its own one-line messages (the JVM warns about incubator modules before main).
# Start-up archive (AppCDS): the one made at package time while the image is where it was built,
# else one this script makes in the user's cache on the first start (-XX:ArchiveClassesAtExit).
# CONVLENS_CDS=off starts without an archive (to measure what it gives).
app=$(cd "$(dirname "$(readlink -f "$0")")/../lib/app" && pwd)
root=$(dirname "$(dirname "$app")")
mode=window
main=org.convlens.app.Launcher
# JavaFX is made of named modules here (on the class path, with java -jar, nothing is
# encapsulated): ControlsFX reaches into their internals as its documentation lists, and
# --measure-fps reads the Prism pipeline's name.
fx="--add-exports=javafx.base/com.sun.javafx.event=ALL-UNNAMED"
fx="$fx --add-exports=javafx.controls/com.sun.javafx.scene.control=ALL-UNNAMED"
fx="$fx --add-exports=javafx.controls/com.sun.javafx.scene.control.behavior=ALL-UNNAMED"
fx="$fx --add-exports=javafx.controls/com.sun.javafx.scene.control.inputmap=ALL-UNNAMED"
fx="$fx --add-exports=javafx.graphics/com.sun.javafx.scene=ALL-UNNAMED"
fx="$fx --add-exports=javafx.graphics/com.sun.javafx.scene.traversal=ALL-UNNAMED"
fx="$fx --add-exports=javafx.graphics/com.sun.javafx.css=ALL-UNNAMED"
fx="$fx --add-exports=javafx.graphics/com.sun.prism=ALL-UNNAMED"
fx="$fx --add-opens=javafx.controls/javafx.scene.control.skin=ALL-UNNAMED"
fx="$fx --add-opens=javafx.graphics/javafx.scene=ALL-UNNAMED"
opts="--add-modules=jdk.incubator.vector $fx"
case "${1:-}" in
  ""|--presentation|--screenshots|--measure-fps|--lesson*) ;;
  --cli) shift; mode=cli; main=org.convlens.cli.Cli; opts= ;;
  *) mode=cli; main=org.convlens.cli.Cli; opts= ;;
esac
if [ "${CONVLENS_CDS:-}" = off ]; then
  cds=
elif [ -n "${CONVLENS_CDS_DUMP:-}" ]; then
  cds="-XX:ArchiveClassesAtExit=$app/$mode.jsa"
elif [ -s "$app/$mode.jsa" ] && [ "$(cat "$app/cds-root" 2>/dev/null)" = "$root" ]; then
  cds="-XX:SharedArchiveFile=$app/$mode.jsa"
else
  stamp=$(ls -l --time-style=+%s "$app"/*.jar | cksum | cut -d' ' -f1)
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/convlens/@VERSION@-$stamp"
  if [ -s "$cache/$mode.jsa" ]; then
    cds="-XX:SharedArchiveFile=$cache/$mode.jsa"
  elif mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ]; then
    cds="-XX:ArchiveClassesAtExit=$cache/$mode.jsa"
  else
    cds=
  fi
fi
# JVM log lines (an archive that cannot be used, say) only for errors, and to stderr.
# shellcheck disable=SC2086
exec "$root/lib/runtime/bin/java" -Xlog:disable -Xlog:all=error:stderr $cds $opts \
  -cp "@CLASSPATH@" "$main" "$@"
