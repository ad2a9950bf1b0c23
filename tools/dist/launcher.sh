#!/bin/sh
# ConvLens, made by tools/dist/build.sh: starts the image's own Java runtime.
#   ConvLens                      the window (also with --lesson..., --presentation, --screenshots, --measure-fps)
#   ConvLens SUBCOMMAND ...       the command line, as bin/convlens
# Both run with the Vector API module (the engine's faster paths). The JVM warns about incubator
# modules in one line on stderr before main: the command line's stderr goes through a filter that
# drops exactly that line, so that it holds only the program's own one-line messages (stdout, stdin
# and the exit status are the program's own).
# Start-up archive (AppCDS): made in the user's cache when the first start exits
# (-XX:ArchiveClassesAtExit), used from the second start on (-XX:SharedArchiveFile). JDK 17 takes
# an archive only with the class path it was made with, so an archive made at package time would
# be dead weight once the image is installed or moved: none is shipped. The JVM writes it under a
# temporary name that is renamed when the JVM has exited, so a second window started meanwhile
# never reads half an archive. CONVLENS_CDS=off starts without an archive (to measure what it gives).
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
vector="--add-modules=jdk.incubator.vector"
# The window's JIT: the optimising compiler (C2) takes a method after ten times the default calls
# and loops. On two cores the compilers would otherwise take a core from the first frame, compiling
# start-up code that runs a few thousand times and never again (tools/bench/startup.sh: the lesson
# window in 0.8x the time). The engine's loops still reach C2 in their first call; a training run
# in the window takes about a second longer over its first epoch. The command line keeps the default.
jit="-XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000"
jit="$jit -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000"
opts="$vector $jit $fx"
case "${1:-}" in
  ""|--presentation|--screenshots|--measure-fps|--lesson*) ;;
  --cli) shift; mode=cli; main=org.convlens.cli.Cli; opts=$vector ;;
  *) mode=cli; main=org.convlens.cli.Cli; opts=$vector ;;
esac
cds=
dump=
if [ "${CONVLENS_CDS:-}" != off ]; then
  stamp=$(ls -l --time-style=+%s "$app"/*.jar | cksum | cut -d' ' -f1)
  cache="${XDG_CACHE_HOME:-$HOME/.cache}/convlens/@VERSION@-$stamp"
  if [ -s "$cache/$mode.jsa" ]; then
    cds="-XX:SharedArchiveFile=$cache/$mode.jsa"
  elif mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ]; then
    dump="$cache/$mode.jsa.$$.part"
    cds="-XX:ArchiveClassesAtExit=$dump"
  fi
fi
# The JVM's command line, in the positional parameters; its log lines (an archive that cannot be
# used, say) only for errors, and to stderr.
# shellcheck disable=SC2086
set -- "$root/lib/runtime/bin/java" -Xlog:disable -Xlog:all=error:stderr $cds $opts -cp "@CLASSPATH@" "$main" "$@"
# Drops the JVM's warning about the incubator module (it comes before anything the program
# writes), then passes the rest through as it comes: not line by line, so that a progress bar
# redrawn in place (a carriage return, no newline) shows at once.
drop_warning() {
  while IFS= read -r line; do
    [ "$line" = 'WARNING: Using incubator modules: jdk.incubator.vector' ] && exec cat
    printf '%s\n' "$line"
  done
  [ -z "$line" ] || printf '%s' "$line"
}
# The command line: the program's stdout to fd 3 (the launcher's stdout), its stderr through
# drop_warning to the launcher's stderr, its status out through fd 4.
run_cli() {
  { code=$( { { "$@" 3>&- 4>&-; echo $? >&4; } 2>&1 1>&3 | drop_warning >&2 3>&- 4>&-; } 4>&1 ); } 3>&1
  return "$code"
}
if [ -z "$dump" ] && [ "$mode" != cli ]; then
  exec "$@"
fi
# A part left by a launcher killed before its JVM had finished is removed a day later.
[ -z "$dump" ] || find "$cache" -name '*.part' -mmin +1440 -exec rm -f {} + 2>/dev/null || true
status=0
if [ "$mode" = cli ]; then
  run_cli "$@" || status=$?
else
  "$@" || status=$?
fi
if [ -n "$dump" ]; then
  if [ -s "$dump" ]; then mv -f "$dump" "$cache/$mode.jsa"; else rm -f "$dump"; fi
fi
exit "$status"
