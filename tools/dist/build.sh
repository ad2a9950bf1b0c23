#!/usr/bin/env bash
# Builds the installable app from a packaged build: `mvn -B -Pdist package` runs this after the jar
# and the dependency copies are made (see the dist profile in pom.xml).
#   tools/dist/build.sh TARGET_DIR VERSION [skip-deb]
# Makes, under TARGET_DIR/dist:
#   ConvLens/            the app image with its own runtime (jlink: only the modules used, stripped)
#     bin/ConvLens       no argument or a window option: the window; a subcommand: the command line
#     bin/convlens       the command line
#   convlens_VERSION-1_amd64.deb   the image under /opt/convlens, a menu entry, a `convlens` command
set -euo pipefail
target="$(cd "$1" && pwd)"
version="${2%%-*}"
skip_deb="${3:-}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
work="$target/dist-work"
dist="$target/dist"
image="$dist/ConvLens"
rm -rf "$work" "$dist"
mkdir -p "$work/fx" "$work/app" "$dist"

# The JavaFX platform jars (modular, with their native libraries) go on jlink's module path; the
# other libraries and the thin application jar (not the shaded one) on the class path.
for j in "$target"/dist-deps/*.jar; do
  case "$(basename "$j")" in
    javafx-*-linux.jar) cp "$j" "$work/fx/" ;;
    javafx-*) ;;
    *) cp "$j" "$work/app/" ;;
  esac
done
# The thin jar, from the compiled classes (the shaded jar holds JavaFX and the libraries again).
"$jdk/bin/jar" --create --file "$work/app/convlens.jar" -C "$target/classes" .

# jdk.localedata with en and zh only: the window speaks English and Chinese. jdk.zipfs: the
# shipped lessons are listed from inside the jar (a zip file system), without it there are none.
modules=java.base,java.desktop,java.logging,java.management,java.scripting,java.sql,java.xml,jdk.unsupported,jdk.unsupported.desktop
modules=$modules,jdk.localedata,jdk.zipfs,jdk.incubator.vector,javafx.controls,javafx.fxml,javafx.swing
echo "jlink: $modules"
# The JavaFX native libraries are left out of the modules: they go into the runtime's lib below.
"$jdk/bin/jlink" --module-path "$jdk/jmods:$work/fx" --add-modules "$modules" --include-locales=en,zh \
  --strip-debug --no-header-files --no-man-pages --compress=2 --generate-cds-archive \
  --exclude-resources='glob:/javafx.*/*.so' \
  --output "$work/runtime" 2>&1 | grep -v 'incubator modules' || true
test -x "$work/runtime/bin/java"
# The base archive for heaps over 32 GB (no compressed pointers): not for this app.
rm -f "$work/runtime/lib/server/classes_nocoops.jsa"
# --strip-debug leaves the symbol table of libjvm.so (24 MB -> 20 MB without it).
if command -v strip >/dev/null 2>&1; then
  chmod u+w "$work/runtime/lib/server/libjvm.so"
  strip --strip-unneeded "$work/runtime/lib/server/libjvm.so"
  chmod a-w "$work/runtime/lib/server/libjvm.so"
fi
# JavaFX's native libraries where System.loadLibrary finds them (the runtime's lib), so nothing is
# unpacked into the user's home at first start.
for j in "$work"/fx/*.jar; do
  unzip -o -q -j "$j" '*.so' -d "$work/runtime/lib" 2>/dev/null || true
done

# The launchers are scripts that start the image's own runtime with the Vector API
# (--add-modules jdk.incubator.vector): the JVM prints "WARNING: Using incubator modules" on stderr
# before main, which would break the command line's one-line error contract, so the script passes
# the command line's stderr through a filter that drops that line. jpackage's native launcher has
# one fixed set of options and no such filter.
echo "jpackage: app image"
"$jdk/bin/jpackage" --type app-image --name ConvLens --app-version "$version" --dest "$dist" \
  --runtime-image "$work/runtime" --input "$work/app" --main-jar convlens.jar \
  --main-class org.convlens.app.Launcher \
  --description "See convolution: a kernel that slides, every multiply-sum shown, exact to PyTorch."
rm -f "$image/lib/app/ConvLens.cfg" "$image/lib/libapplauncher.so"
cp "$root/tools/dist/launcher.sh" "$image/bin/ConvLens"
classpath=$(cd "$image/lib/app" && ls *.jar | sed 's#^#$app/#' | paste -sd: -)
sed -i "s#@CLASSPATH@#$classpath#; s#@VERSION@#$version#" "$image/bin/ConvLens"
printf '#!/bin/sh\n# The command line (see ConvLens beside this file).\nexec "$(dirname "$(readlink -f "$0")")/ConvLens" --cli "$@"\n' \
  > "$image/bin/convlens"
chmod 755 "$image/bin/ConvLens" "$image/bin/convlens"

# The packaged window's smoke test, which also tries the start-up archive (AppCDS) as a user's
# first start makes it: the launcher runs the window with -XX:ArchiveClassesAtExit into the
# user's cache (here a scratch home) and renames it into place when the window has closed. No
# archive is shipped: JDK 17 takes one only with the class path it was made with, so it would be
# dead weight (31 MB) in an installed or moved copy.
if command -v xvfb-run >/dev/null 2>&1; then
  home="$(mktemp -d)"
  HOME="$home" XDG_CACHE_HOME="$home/cache" timeout 300 xvfb-run -a -s "-screen 0 1600x1000x24" \
    "$image/bin/ConvLens" --measure-fps 1 > "$work/window-smoke.log" 2>&1 || true
  archive=$(find "$home/cache" -name window.jsa 2>/dev/null | head -1)
  if grep -E 'Exception|Error' "$work/window-smoke.log" >&2; then
    rm -rf "$home"
    echo "the packaged window failed (log: $work/window-smoke.log)" >&2
    exit 1
  fi
  if [ -z "$archive" ]; then
    rm -rf "$home"
    echo "the packaged window made no start-up archive in the user's cache" >&2
    exit 1
  fi
  echo "AppCDS: a first start makes $(du -h "$archive" | cut -f1) in the user's cache"
  rm -rf "$home"
else
  echo "no smoke test of the packaged window (xvfb-run is needed: apt-get install xvfb)"
fi
echo "app image: $image ($(du -sh "$image" | cut -f1))"

if [ "$skip_deb" = "skip-deb" ]; then
  exit 0
fi
# The .deb: a menu entry for the window only, and /usr/bin/convlens for the command line.
mkdir -p "$work/deb-resources"
cat > "$work/deb-resources/postinst" <<'SH'
#!/bin/sh
set -e
if [ "$1" = configure ]; then
  # The menu entry; where xdg-utils finds no menu directory (a minimal system), the standard place.
  if ! xdg-desktop-menu install /opt/convlens/lib/convlens-ConvLens.desktop 2>/dev/null; then
    mkdir -p /usr/share/applications
    cp /opt/convlens/lib/convlens-ConvLens.desktop /usr/share/applications/
  fi
  ln -sf /opt/convlens/bin/convlens /usr/bin/convlens
fi
exit 0
SH
cat > "$work/deb-resources/prerm" <<'SH'
#!/bin/sh
set -e
case "$1" in
  remove|upgrade|deconfigure)
    xdg-desktop-menu uninstall /opt/convlens/lib/convlens-ConvLens.desktop 2>/dev/null || true
    rm -f /usr/share/applications/convlens-ConvLens.desktop /usr/bin/convlens
    ;;
esac
exit 0
SH
echo "jpackage: .deb"
"$jdk/bin/jpackage" --type deb --app-image "$image" --name ConvLens --app-version "$version" --dest "$dist" \
  --linux-package-name convlens --linux-shortcut --linux-menu-group Education --linux-app-category education \
  --description "See convolution: a kernel that slides, every multiply-sum shown, exact to PyTorch." \
  --resource-dir "$work/deb-resources"
ls -l "$dist"/*.deb
