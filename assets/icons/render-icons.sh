#!/usr/bin/env bash
# Renders the app icon from patch-explorer.svg into every size the app and the installers use.
# Needs rsvg-convert (Debian: librsvg2-bin) and ImageMagick's convert (for the .ico).
# Run from anywhere; rerun after editing the SVG and commit the results.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
svg="$here/patch-explorer.svg"
resources="$root/src/main/resources/dev/patchexplorer/icons"
mkdir -p "$resources" "$root/installer/linux" "$root/installer/windows"

for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" "$svg" -o "$here/patch-explorer-$size.png"
  cp "$here/patch-explorer-$size.png" "$resources/"
done

# Linux packages take one PNG; jpackage uses it for the menu entry and the window manager.
cp "$here/patch-explorer-256.png" "$root/installer/linux/patch-explorer.png"

# Windows: a multi-size .ico that jpackage --icon accepts for the .exe, .msi and shortcuts.
convert "$here"/patch-explorer-{16,24,32,48,64,128,256}.png "$root/installer/windows/patch-explorer.ico"

# macOS wants an .icns; it can only be made well on a Mac (see installer/README.md).
echo "icons written to $here, $resources and installer/"
