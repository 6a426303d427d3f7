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
  # net8.0 runs on a .NET 8 runtime: the installed one, or else (this machine and CI have only .NET 10) its own,
  # self-contained from the runtime pack on NuGet, as the unit tests do (tests/UnitTestTargets.props).
  own_runtime=()
  if [ "$tfm" = net8.0 ] && ! dotnet --list-runtimes | grep -q 'Microsoft.NETCore.App 8\.'; then
    own_runtime=(-r linux-x64 --self-contained -p:RuntimeFrameworkVersion=8.0.34)
  fi
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
  dotnet build "$dir/Consumer.csproj" -c Release --packages "$work/packages" -nologo -v q "${own_runtime[@]}"
  if [ ${#own_runtime[@]} -gt 0 ]; then
    "$dir/bin/Release/$tfm/linux-x64/Consumer"
  else
    dotnet "$dir/bin/Release/$tfm/Consumer.dll"
  fi
done
