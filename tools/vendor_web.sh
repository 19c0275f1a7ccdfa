#!/usr/bin/env bash
# Vendor the dashboard's JavaScript libraries from the npm registry at pinned versions,
# with their licence files, into src/tocsin/web/static/vendor/ (shipped as package data).
# Users never run this: the files are committed. Developers re-run it to change a version.
# Needs npm (Debian: apt-get install -y npm).
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=src/tocsin/web/static/vendor
# package@version  files to keep (paths inside the package)
PACKAGES=(
  "d3-array@3.2.4 dist/d3-array.min.js"
  "d3-geo@3.1.2 dist/d3-geo.min.js"
  "topojson-client@3.1.0 dist/topojson-client.min.js"
  "world-atlas@2.0.2 countries-110m.json"
  "uplot@1.6.32 dist/uPlot.iife.min.js dist/uPlot.min.css"
  "swagger-ui-dist@5.35.0 swagger-ui-bundle.js swagger-ui.css"
  "redoc@3.0.1 bundles/redoc.standalone.js"
)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$DEST"
mkdir -p "$DEST"
: > "$DEST/VERSIONS.txt"
for entry in "${PACKAGES[@]}"; do
  read -r spec files <<<"$entry"
  name=${spec%@*}
  echo "== $spec" >&2
  (cd "$work" && npm pack --silent "$spec" >/dev/null)
  tgz=$(ls "$work"/*.tgz)
  mkdir -p "$work/x" "$DEST/$name"
  tar xzf "$tgz" -C "$work/x"
  for f in $files LICENSE; do
    cp "$work/x/package/$f" "$DEST/$name/$(basename "$f")"
  done
  echo "$spec $(sha256sum "$tgz" | cut -d' ' -f1)" >> "$DEST/VERSIONS.txt"
  rm -rf "$work/x" "$tgz"
done
# ReDoc draws its "API docs by Redocly" logo from a CDN: point it at an empty data: URL
# (the image then fails to load and ReDoc hides it), so /redoc makes no outside request.
sed -i 's#https://cdn\.redoc\.ly/redoc/logo-mini[a-z-]*\.svg#data:,#g' "$DEST/redoc/redoc.standalone.js"
echo "patched: redoc/redoc.standalone.js CDN logo URLs -> data:, (offline)" >> "$DEST/VERSIONS.txt"
echo "vendored into $DEST:" >&2
du -sh "$DEST"/* >&2
