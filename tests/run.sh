#!/usr/bin/env bash
# The one command that tests everything from a clean clone on a fresh Debian machine:
# installs what is missing, builds with warnings as errors, runs every test project (the integration tests start
# their own Prosody, ejabberd and dnsmasq on 127.0.0.1), packs the NuGet packages (Xmpp.Client, .Hosting, .Testing) and runs the consumer test and the
# package tests (tests/package: an extension built against the package, on its own Prosody). tests/Xmpp.Client.Readme.Tests
# compiles every C# block of README.md, one test case per block.
# Ends with one line of totals over all test projects: "N passed, N failed, N skipped".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="$root/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"
passed=0; failed=0; skipped=0; status=0

bash tests/install-deps.sh || exit 1

echo "== build (Release; TreatWarningsAsErrors in Directory.Build.props makes compiler, analyzer and NuGet warnings errors)"
if ! dotnet build Xmpp.Client.sln -c Release -nologo -v q; then
  echo "0 passed, 1 failed"; exit 1
fi

# count_trx <name>: adds the counters of $results/<name>.trx to the totals (no trx: one failure).
count_trx() {
  local name=$1 trx="$results/$1.trx" counters p f t e
  if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
    p=$(get passed); f=$(get failed); t=$(get total); e=$(get executed)
    passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
  else
    echo "no results for $name: counted as one failure"; failed=$((failed + 1))
  fi
}

# run_tests <project> [framework]: one test run, its own trx, counted.
run_tests() {
  local project=$1 framework=${2:-} name
  name=$(basename "$project")${2:+.$2}
  echo "== test $name"
  dotnet test "$project" -c Release --no-build -nologo ${framework:+-f "$framework"} \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
  count_trx "$name"
}

# The unit tests run on each target of the library (tests/UnitTestTargets.props: net8.0 self-contained).
for project in tests/Xmpp.Client.Tests tests/Xmpp.Client.Hosting.Tests tests/Xmpp.Client.Testing.Tests; do
  for framework in net10.0 net8.0; do run_tests "$project" "$framework"; done
done
for project in tests/Xmpp.Client.Samples.Tests tests/Xmpp.Client.Readme.Tests tests/Xmpp.Client.IntegrationTests; do
  run_tests "$project"
done

echo "== pack"
rm -rf artifacts/packages
if dotnet pack src/Xmpp.Client -c Release --no-build -nologo -o artifacts/packages \
  && dotnet pack src/Xmpp.Client.Hosting -c Release --no-build -nologo -o artifacts/packages \
  && dotnet pack src/Xmpp.Client.Testing -c Release --no-build -nologo -o artifacts/packages; then
  ls artifacts/packages
  echo "== consumer test (the package from a local feed)"
  if bash tests/consumer/run.sh artifacts/packages; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  echo "== package tests (an extension written against the package, on a real Prosody)"
  bash tests/package/run.sh artifacts/packages "$results" || status=1
  count_trx Xmpp.Client.PackageTests
else
  failed=$((failed + 1))
fi

[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit $status
