#!/bin/bash
# Packs Lesesaal.app into a compressed disk image with a link to /Applications (drag to install).
#   make_dmg.sh path/to/Lesesaal.app path/to/Lesesaal-VERSION-macos-ARCH.dmg
set -euo pipefail
app="$1"
dmg="$2"
[ -d "$app" ] || { echo "make_dmg.sh: no app at $app" >&2; exit 1; }
staging="$(mktemp -d)"
trap 'rm -rf "$staging"' EXIT
# ditto keeps the bundle's symbolic links, extended attributes and signatures as they are.
ditto "$app" "$staging/$(basename "$app")"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "Lesesaal" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"
echo "$dmg"
