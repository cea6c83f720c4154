#!/usr/bin/env bash
# Renders the app icon from patch-explorer.svg into every size the app and the installers use.
# Needs rsvg-convert (Debian: librsvg2-bin), ImageMagick's convert (for the .ico) and, for the
# macOS .icns, png2icns (Debian: icnsutils) or, on a Mac, iconutil.
# Run from anywhere; rerun after editing the SVG and commit the results.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
svg="$here/patch-explorer.svg"
resources="$root/src/main/resources/dev/patchexplorer/icons"
mkdir -p "$resources" "$root/installer/linux" "$root/installer/windows" "$root/installer/macos"

for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" "$svg" -o "$here/patch-explorer-$size.png"
  cp "$here/patch-explorer-$size.png" "$resources/"
done

# Linux packages take one PNG; jpackage uses it for the menu entry and the window manager.
cp "$here/patch-explorer-256.png" "$root/installer/linux/patch-explorer.png"

# Windows: a multi-size .ico that jpackage --icon accepts for the .exe, .msi and shortcuts.
convert "$here"/patch-explorer-{16,24,32,48,64,128,256}.png "$root/installer/windows/patch-explorer.ico"

# macOS: an .icns holding 16-1024 px (1024 is the Retina 512); jpackage --icon takes it.
icns="$root/installer/macos/patch-explorer.icns"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
if command -v iconutil >/dev/null; then
  set_dir="$tmp/patch-explorer.iconset"; mkdir "$set_dir"
  for size in 16 32 128 256 512; do
    rsvg-convert -w "$size" -h "$size" "$svg" -o "$set_dir/icon_${size}x${size}.png"
    rsvg-convert -w $((size * 2)) -h $((size * 2)) "$svg" -o "$set_dir/icon_${size}x${size}@2x.png"
  done
  iconutil -c icns "$set_dir" -o "$icns"
elif command -v png2icns >/dev/null; then
  rsvg-convert -w 1024 -h 1024 "$svg" -o "$tmp/patch-explorer-1024.png"
  png2icns "$icns" "$tmp/patch-explorer-1024.png" "$here"/patch-explorer-{512,256,128,32,16}.png >/dev/null
else
  echo "no iconutil or png2icns: $icns not updated" >&2
fi
echo "icons written to $here, $resources and installer/"
