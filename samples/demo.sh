#!/usr/bin/env bash
# The demo: a throwaway Prosody on 127.0.0.1, the EchoBot sample logged in to it, and the SendMessage sample
# sending it a message and printing the echo. Run as root on Debian 12 (Prosody runs as its own user); installs
# what is missing with tests/install-deps.sh. Exits 0 when the echo came back, 1 otherwise.
# Everything it starts (Prosody, EchoBot) is stopped on exit, on failure and on Ctrl+C.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
body="Hello from Xmpp.Client $(date +%H:%M:%S)"
work="" bot_pid="" prosody_started=""

say() { printf 'demo: %s\n' "$*"; }
fail() { say "FAILED: $*" >&2; exit 1; }

cleanup() {
    local status=$?
    trap - EXIT INT TERM
    if [ -n "$bot_pid" ] && kill -0 "$bot_pid" 2>/dev/null; then
        kill -TERM "$bot_pid" 2>/dev/null || true
        wait "$bot_pid" 2>/dev/null || true
    fi
    if [ -n "$prosody_started" ]; then
        tests/servers/prosody.sh stop "$work" >/dev/null 2>&1 || say "could not stop Prosody (see $work)" >&2
    fi
    if [ -n "$work" ]; then
        if [ "$status" -eq 0 ]; then rm -rf "$work"; else say "logs kept in $work" >&2; fi
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'say "interrupted"; exit 130' INT TERM

[ "$(id -u)" -eq 0 ] || fail "run as root (Prosody is started as its own service user)"
bash tests/install-deps.sh
work=$(mktemp -d /tmp/xmpp-demo.XXXXXX)

say "building the samples (Release)"
for sample in EchoBot SendMessage; do
    dotnet build "samples/$sample/$sample.csproj" -c Release -nologo -v q >"$work/build-$sample.log" 2>&1 ||
        { cat "$work/build-$sample.log" >&2; fail "dotnet build samples/$sample"; }
done
bin() { echo "samples/$1/bin/Release/net10.0/$1.dll"; }

say "starting Prosody"
prosody_started=1
tests/servers/prosody.sh start "$work" >/dev/null 2>"$work/prosody-start.log" ||
    { cat "$work/prosody-start.log" >&2; fail "Prosody did not start"; }
# shellcheck disable=SC1091
. "$work/prosody/env"
say "Prosody $PROSODY_DOMAIN on 127.0.0.1:$PROSODY_PORT (PID $PROSODY_PID)"
connection=(--host 127.0.0.1 --port "$PROSODY_PORT" --trust-cert "$PROSODY_CA")

# The password goes through the environment, not the command line (which other users can read in ps).
XMPP_PASSWORD=bot-pass dotnet "$(bin EchoBot)" --jid "bot@$PROSODY_DOMAIN" "${connection[@]}" \
    >"$work/echobot.out" 2>"$work/echobot.err" &
bot_pid=$!
for _ in $(seq 1 300); do
    grep -q '^Online as ' "$work/echobot.out" && break
    kill -0 "$bot_pid" 2>/dev/null || { cat "$work/echobot.out" "$work/echobot.err" >&2; fail "EchoBot exited"; }
    sleep 0.1
done
grep -q '^Online as ' "$work/echobot.out" || { cat "$work/echobot.err" >&2; fail "EchoBot not online after 30 s"; }
say "EchoBot: $(grep -m1 '^Online as ' "$work/echobot.out")"

say "SendMessage to bot@$PROSODY_DOMAIN: $body"
sent=0
XMPP_PASSWORD=sender-pass dotnet "$(bin SendMessage)" --jid "sender@$PROSODY_DOMAIN" "${connection[@]}" \
    --to "bot@$PROSODY_DOMAIN" --body "$body" --wait-reply 10 >"$work/sendmessage.out" 2>"$work/sendmessage.err" || sent=$?
reply=$(sed -n 's/^Reply from [^:]*: //p' "$work/sendmessage.out")
if [ "$sent" -ne 0 ] || [ "$reply" != "$body" ]; then
    cat "$work/sendmessage.out" "$work/sendmessage.err" >&2
    fail "no echo (SendMessage exited with $sent)"
fi
say "echo received: $reply"

kill -TERM "$bot_pid"
bot_status=0
wait "$bot_pid" || bot_status=$?
bot_pid=""
[ "$bot_status" -eq 0 ] || { cat "$work/echobot.err" >&2; fail "EchoBot exited with $bot_status after SIGTERM"; }
say "EchoBot stopped (exit 0)"
tests/servers/prosody.sh stop "$work" >/dev/null
prosody_started=""
say "Prosody stopped. OK"
