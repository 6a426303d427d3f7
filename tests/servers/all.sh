#!/usr/bin/env bash
# All test servers: `all.sh start [workdir]` starts prosody, ejabberd and dnsmasq (in that order; dnsmasq needs
# their ports), writes the merged KEY=value lines to <workdir>/env and prints them.
# `all.sh stop <workdir>` stops all three; `all.sh restart prosody|ejabberd <workdir>` restarts one. See README.md.
set -euo pipefail
SCRIPT_NAME=all
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
# shellcheck source=lib.sh
. "$HERE/lib.sh"

SERVERS=(prosody ejabberd dnsmasq)

stop_all() {
    local dir=$1 rc=0 s
    for s in dnsmasq ejabberd prosody; do bash "$HERE/$s.sh" stop "$dir" || rc=1; done
    return $rc
}

# fail <dir> <server> <started...>: reports the failed server's output, stops the started ones, exits 1.
fail() {
    local dir=$1 s=$2 t; shift 2
    log "$s failed to start; its output:"
    cat "$dir/$s.start.out" "$dir/$s.start.err" >&2
    for t in "$@"; do bash "$HERE/$t.sh" stop "$dir" >&2 || true; done
    exit 1
}

# merge_env <dir>: writes the three servers' env lines and the shared ones to <dir>/env and prints them.
merge_env() {
    local dir=$1
    cat "$dir/prosody/env" "$dir/ejabberd/env" "$dir/dnsmasq/env" >"$dir/env"
    printf '%s\n' "SERVERS_CA=$dir/certs/ca.pem" "SERVERS_DIR=$dir" >>"$dir/env"
    cat "$dir/env"
}

# restart <server> <dir>: restarts prosody or ejabberd on its ports and data (dnsmasq's records stay valid),
# then rewrites <dir>/env (the server's PID changes) and prints it.
restart() {
    local server=$1 dir=$2
    case "$server" in prosody | ejabberd) ;; *) die "restart: prosody or ejabberd, not '$server'" ;; esac
    bash "$HERE/$server.sh" restart "$dir" >/dev/null
    merge_env "$dir"
}

start() {
    local dir s started=() failed=() started_at=$SECONDS
    # One `apt-get update` for all three, when anything is missing (CI runs on a fresh machine).
    require_root
    ensure_commands prosody=prosody ejabberdctl=ejabberd dnsmasq=dnsmasq-base openssl=openssl
    dir=$(abs_dir "${1:-}")
    for s in "${SERVERS[@]}"; do refuse_if_running "$dir/$s/group.pid"; done
    # One CA and server certificate for both servers, so tests trust a single file.
    export CERT_DIR="$dir/certs"
    ensure_certs "$CERT_DIR"

    # The two XMPP servers do not depend on each other: start them side by side.
    local -A pids=()
    for s in prosody ejabberd; do
        bash "$HERE/$s.sh" start "$dir" >"$dir/$s.start.out" 2>"$dir/$s.start.err" &
        pids[$s]=$!
    done
    for s in prosody ejabberd; do
        if wait "${pids[$s]}"; then started+=("$s"); else failed+=("$s"); fi
    done
    [ ${#failed[@]} -eq 0 ] || fail "$dir" "${failed[0]}" "${started[@]}"
    bash "$HERE/dnsmasq.sh" start "$dir" >"$dir/dnsmasq.start.out" 2>"$dir/dnsmasq.start.err" ||
        fail "$dir" dnsmasq "${started[@]}"

    merge_env "$dir"
    log "all servers up in $((SECONDS - started_at)) s; stop them with: $0 stop $dir"
}

case "${1:-}" in
    start) start "${2:-}" ;;
    stop) stop_all "${2:?usage: all.sh stop <workdir>}" ;;
    restart) restart "${2:?usage: all.sh restart prosody|ejabberd <workdir>}" "${3:?usage: all.sh restart prosody|ejabberd <workdir>}" ;;
    *) echo "usage: $0 start [workdir] | stop <workdir> | restart prosody|ejabberd <workdir>" >&2; exit 2 ;;
esac
