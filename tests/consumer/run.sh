#!/usr/bin/env bash
# Consumer test: packs nothing itself. Given a folder holding Xmpp.Client.<version>.nupkg, Xmpp.Client.Testing and Xmpp.Client.Hosting,
# builds and runs a throwaway console program that references the packages from that folder as a local feed, for each target
# framework the package supports, in a temp dir outside the repository (so no Directory.Build.props applies).
set -euo pipefail
feed=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
pkg=$(ls "$feed"/Xmpp.Client.[0-9]*.nupkg | grep -v '\.snupkg$' | head -n 1)
version=$(basename "$pkg" .nupkg); version=${version#Xmpp.Client.}
work=$(mktemp -d /tmp/xmpp-consumer.XXXXXX)
trap 'rm -rf "$work"' EXIT
for tfm in net8.0 net10.0; do
  # net8.0 is only run when a .NET 8 runtime is installed; it is always built.
  dir="$work/$tfm"; mkdir -p "$dir"
  sed -e "s/@TFM@/$tfm/" -e "s/@VERSION@/$version/" "$here/Consumer.csproj.in" > "$dir/Consumer.csproj"
  cp "$here/Program.cs" "$dir/"
  cat > "$dir/nuget.config" <<CFG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$feed" />
  </packageSources>
</configuration>
CFG
  echo "consumer: building against Xmpp.Client $version ($tfm)"
  dotnet build "$dir/Consumer.csproj" -c Release --packages "$work/packages" -nologo -v q
  if [ "$tfm" = net10.0 ] || dotnet --list-runtimes | grep -q 'Microsoft.NETCore.App 8\.'; then
    dotnet "$dir/bin/Release/$tfm/Consumer.dll"
  fi
done
