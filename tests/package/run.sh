#!/usr/bin/env bash
# Package tests: `tests/package/run.sh <feed-dir> [results-dir]`. Given a folder holding Xmpp.Client.<version>.nupkg,
# builds the xunit project of this folder against that package (no ProjectReference) in a temp dir outside the
# repository, starts a throw-away Prosody (tests/servers/prosody.sh), runs the tests against it and writes
# <results-dir>/Xmpp.Client.PackageTests.trx. Prosody is always stopped, by its script, whatever happens.
set -euo pipefail
feed=$(cd "$1" && pwd)
results=${2:-artifacts/test-results}
mkdir -p "$results"; results=$(cd "$results" && pwd)
rm -f "$results/Xmpp.Client.PackageTests.trx" # a failed build must not leave an earlier run's results behind
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
pkg=$(ls "$feed"/Xmpp.Client.[0-9]*.nupkg | grep -v '\.snupkg$' | head -n 1)
version=$(basename "$pkg" .nupkg); version=${version#Xmpp.Client.}

# The build dir and the servers' dir are separate: prosody.sh needs every ancestor of its dir to be traversable by
# the prosody user, and mktemp makes private dirs.
work=$(mktemp -d /tmp/xmpp-package-tests.XXXXXX)
servers=$(mktemp -d /tmp/xmpp-package-servers.XXXXXX)
ok=0
cleanup() {
  bash "$root/tests/servers/prosody.sh" stop "$servers" >/dev/null 2>&1 ||
    echo "package tests: could not stop Prosody (see $servers/prosody/group.pid)" >&2
  rm -rf "$work"
  if [ "$ok" = 1 ]; then rm -rf "$servers"; else echo "package tests: Prosody's logs are kept in $servers/prosody"; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

dir="$work/PackageTests"; mkdir -p "$dir"
sed -e "s/@VERSION@/$version/" "$here/PackageTests.csproj.in" > "$dir/PackageTests.csproj"
cp "$here"/*.cs "$dir/"
cat > "$dir/nuget.config" <<CFG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$feed" />
  </packageSources>
</configuration>
CFG

echo "package tests: building against Xmpp.Client $version"
# A fresh package folder: NuGet caches by version, and a package packed again with the same version must be used.
dotnet build "$dir/PackageTests.csproj" -c Release --packages "$work/packages" -nologo -v q

echo "package tests: starting Prosody"
if ! bash "$root/tests/servers/prosody.sh" start "$servers" > "$work/prosody-start.log" 2>&1; then
  cat "$work/prosody-start.log" >&2
  exit 1
fi

export XMPP_PACKAGE_TESTS_ENV="$servers/prosody/env"
dotnet test "$dir/PackageTests.csproj" -c Release --no-build -nologo \
  --blame-hang-timeout 5m \
  --logger "trx;LogFileName=Xmpp.Client.PackageTests.trx" --results-directory "$results"
ok=1
