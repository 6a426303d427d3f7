#!/usr/bin/env bash
# Adds every new public symbol of the library to src/Xmpp.Client/PublicAPI.Unshipped.txt (fixes RS0016),
# then sorts the file so merges stay simple. Review the diff: it is the change to the public surface.
set -euo pipefail
cd "$(dirname "$0")/.."
f=src/Xmpp.Client/PublicAPI.Unshipped.txt
dotnet format analyzers src/Xmpp.Client/Xmpp.Client.csproj --diagnostics RS0016 --severity warn >/dev/null 2>&1 || true
{ echo '#nullable enable'; grep -v '^#nullable enable$' "$f" | LC_ALL=C sort -u; } > "$f.tmp" && mv "$f.tmp" "$f"
