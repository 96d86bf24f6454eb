#!/usr/bin/env bash
# Refreshes the console's vendored SignalR client from npm: bash tools/vendor-signalr.sh VERSION
set -euo pipefail
version="${1:?usage: tools/vendor-signalr.sh VERSION}"
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@microsoft/signalr@$version" >/dev/null && tar xzf ./*.tgz)
cp "$work/package/dist/browser/signalr.min.js" Hub/wwwroot/vendor/signalr/signalr.min.js
sed -i "1s/.*/# @microsoft\/signalr $version/" Hub/wwwroot/vendor/signalr/README.md
echo "Vendored @microsoft/signalr $version"
