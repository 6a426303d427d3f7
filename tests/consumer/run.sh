#!/usr/bin/env bash
# Consumer test: packs nothing itself. Given a folder holding Xmpp.Client.<version>.nupkg, Xmpp.Client.Testing and Xmpp.Client.Hosting,
# builds and runs a throwaway console program that references the packages from that folder as a local feed, for each target
# framework the package supports, in a temp dir outside the repository (so no Directory.Build.props applies).
# Then copies every folder of samples/ there, as a user would, and builds each against the packages of the feed, and
# runs it without arguments (a bad command line: exit code 2 and the usage).
set -euo pipefail
feed=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
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

# The samples, each folder copied alone: no samples/ beside it, no src/, no Directory.*.props. Their csproj files fall
# back to the packages (Xmpp.Client, Xmpp.Client.Hosting) and to the versions they pin themselves.
samples="$work/samples"; mkdir -p "$samples"
cat > "$samples/nuget.config" <<CFG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="local" value="$feed" />
  </packageSources>
</configuration>
CFG
dotnet new sln -n Samples -o "$samples" --format sln >/dev/null
for project in "$root"/samples/*/*.csproj; do
  name=$(basename "$(dirname "$project")")
  cp -r "$(dirname "$project")" "$samples/$name"
  rm -rf "$samples/$name/bin" "$samples/$name/obj"
  dotnet sln "$samples/Samples.sln" add "$samples/$name/$(basename "$project")" >/dev/null
done
echo "samples: building copies of $(ls "$root"/samples/*/*.csproj | wc -l) sample folders against the packages $version"
dotnet build "$samples/Samples.sln" -c Release --packages "$work/packages" -nologo -v q -warnaserror
for project in "$samples"/*/*.csproj; do
  name=$(basename "$project" .csproj)
  set +e
  dotnet "$samples/$name/bin/Release/net10.0/$name.dll" </dev/null >/dev/null 2>"$samples/$name.stderr"
  code=$?
  set -e
  if [ "$code" != 2 ]; then
    echo "samples: $name without arguments exited $code, not 2 (a bad command line):" >&2
    cat "$samples/$name.stderr" >&2
    exit 1
  fi
done
echo "samples: every copy built on its own and runs"
