#!/usr/bin/env bash
# Adds every new public symbol of each library (src/Xmpp.Client, src/Xmpp.Client.Hosting, src/Xmpp.Client.Testing) to
# its PublicAPI.Unshipped.txt (fixes RS0016), then sorts the file so merges stay simple. Review the diff: it is the
# change to the public surface.
set -euo pipefail
cd "$(dirname "$0")/.."
for project in src/Xmpp.Client src/Xmpp.Client.Hosting src/Xmpp.Client.Testing; do
  f=$project/PublicAPI.Unshipped.txt
  dotnet format analyzers "$project/$(basename "$project").csproj" --diagnostics RS0016 --severity warn >/dev/null 2>&1 || true
  { echo '#nullable enable'; grep -v '^#nullable enable$' "$f" | LC_ALL=C sort -u; } > "$f.tmp" && mv "$f.tmp" "$f"
done
