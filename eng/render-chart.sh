#!/usr/bin/env bash
# Renders the seed's timeline chart: the sample writes it as SVG (docs/seed-chart.svg, through the library's
# TimelineChart), and headless Chromium (Debian's chromium package; `apt-get install chromium` as root) takes a
# screenshot of it at its own size (docs/seed-chart.png), the picture the README shows. Look at the PNG before
# committing it; no test needs a browser.
set -euo pipefail
cd "$(dirname "$0")/.."

svg="$PWD/docs/seed-chart.svg"
png="$PWD/docs/seed-chart.png"
browser=$(command -v chromium || command -v chromium-browser || true)
[ -n "$browser" ] || { echo "render-chart: no chromium; install Debian's chromium package" >&2; exit 1; }

dotnet run --project samples/Negotiations.SampleHost -c Release -- --export svg "$svg"
width=$(sed -n 's/^<svg [^>]* width="\([0-9]*\)".*/\1/p' "$svg" | head -n 1)
height=$(sed -n 's/^<svg [^>]* height="\([0-9]*\)".*/\1/p' "$svg" | head -n 1)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
  --window-size="$width,$height" --screenshot="$png" "file://$svg" >/dev/null 2>&1
echo "render-chart: $png (${width}x${height}) from $svg"
