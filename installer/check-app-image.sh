#!/usr/bin/env bash
# Builds the jpackage app-image and checks that its launcher starts and reports this
# build's version, with no display. CI runs it; so can anyone with a JDK 17+.
#   installer/check-app-image.sh            app-image only (no fakeroot/WiX/Xcode needed)
#   installer/check-app-image.sh --installer also builds this OS's installer (.deb/.msi/.dmg)
set -euo pipefail
cd "$(dirname "$0")/.."

skip_installer=true
[[ "${1:-}" == "--installer" ]] && skip_installer=false

expected="$(sed -n 's:^  <version>\(.*\)</version>$:\1:p' pom.xml | head -n 1)"
[[ -n "$expected" ]] || { echo "check-app-image: no project version found in pom.xml" >&2; exit 1; }

start=$(date +%s)
./mvnw -B -q -Pjpackage package -DskipTests -Djpackage.installer.skip="$skip_installer"
seconds=$(( $(date +%s) - start ))

image_dir=target/jpackage/image
case "$(uname -s)" in
  Darwin) launcher="$(find "$image_dir" -maxdepth 4 -path '*.app/Contents/MacOS/*' -type f | head -n 1)" ;;
  MINGW*|MSYS*|CYGWIN*) launcher="$(find "$image_dir" -maxdepth 2 -name '*.exe' | head -n 1)" ;;
  *) launcher="$(find "$image_dir" -maxdepth 3 -path '*/bin/*' -type f -perm -u+x | head -n 1)" ;;
esac
[[ -n "$launcher" ]] || { echo "check-app-image: no launcher found under $image_dir" >&2; exit 1; }

# no display on purpose: --version must answer before any toolkit starts
output="$(env -u DISPLAY -u WAYLAND_DISPLAY "$launcher" --version 2>&1)" || {
  echo "check-app-image: '$launcher --version' failed:" >&2; echo "$output" >&2; exit 1; }

if [[ "$output" != *"Patch Explorer $expected"* ]]; then
  echo "check-app-image: expected 'Patch Explorer $expected', got:" >&2
  echo "$output" >&2
  exit 1
fi

size="$(du -sh "$image_dir" | cut -f1)"
echo "check-app-image: OK '$output' (app-image $size, built in ${seconds}s)"
