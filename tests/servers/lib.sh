# shellcheck shell=bash
# Shared helpers for the integration-test server scripts. Source it; do not run it.
# Everything here uses only what a fresh Debian 12 has (bash, coreutils, util-linux, perl-base)
# plus the packages ensure_commands installs.

log() { printf '%s: %s\n' "${SCRIPT_NAME:-servers}" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# require_root: the servers run as their own users (prosody, ejabberd, nobody), which takes root.
require_root() {
    [ "$(id -u)" -eq 0 ] || die "run as root: the servers are started as their own service users"
}

# ensure_commands <command>=<package> ...: installs the packages whose command is missing.
# `apt-get update` runs at most once per process tree (APT_UPDATED is exported).
ensure_commands() {
    local missing=() pair
    for pair in "$@"; do
        command -v "${pair%%=*}" >/dev/null 2>&1 || missing+=("${pair#*=}")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    log "installing ${missing[*]}"
    if [ -z "${APT_UPDATED:-}" ]; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
        export APT_UPDATED=1
    fi
    # The packages' maintainer scripts must not start the system services (5222 would be taken):
    # a temporary policy-rc.d tells invoke-rc.d / deb-systemd-invoke to leave them alone.
    local policy=/usr/sbin/policy-rc.d own_policy=""
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod 755 "$policy" && own_policy=1
    fi
    local rc=0
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2 || rc=$?
    [ -n "$own_policy" ] && rm -f "$policy"
    [ $rc -eq 0 ] || die "apt-get install ${missing[*]} failed ($rc)"
}

# free_port: prints a port that is free on 127.0.0.1 for both TCP and UDP right now.
free_port() {
    perl -MIO::Socket::INET -e '
        for (1..50) {
            my $t = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => 0, Proto => "tcp", Listen => 1) or die "$!";
            my $p = $t->sockport;
            my $u = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => $p, Proto => "udp");
            if ($u) { print "$p\n"; exit 0 }
        }
        die "no free port\n";'
}

# port_is_free <port>: true when 127.0.0.1:<port> can be bound (TCP).
port_is_free() {
    perl -MIO::Socket::INET -e '
        IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => $ARGV[0], Proto => "tcp",
                                                    Listen => 1, ReuseAddr => 1) or exit 1;' "$1"
}

# xmpp_answers <port> <domain>: true when 127.0.0.1:<port> answers a client stream header with one.
xmpp_answers() {
    perl -MIO::Socket::INET -e '
        my ($port, $domain) = @ARGV;
        my $s = IO::Socket::INET->new(PeerAddr => "127.0.0.1", PeerPort => $port, Proto => "tcp", Timeout => 2) or exit 1;
        print $s "<?xml version=\x271.0\x27?><stream:stream to=\x27$domain\x27 xmlns=\x27jabber:client\x27 " .
                          "xmlns:stream=\x27http://etherx.jabber.org/streams\x27 version=\x271.0\x27>";
        my $buf = "";
        my $rin = ""; vec($rin, fileno($s), 1) = 1;
        my $deadline = time + 3;
        while (time < $deadline && $buf !~ /<stream:stream\b/) {
            my $r = $rin;
            last unless select($r, undef, undef, 0.5) >= 0;
            next unless vec($r, fileno($s), 1);
            my $n = sysread($s, my $chunk, 4096);
            last unless $n;
            $buf .= $chunk;
        }
        print $s "</stream:stream>";
        exit($buf =~ /<stream:stream\b/ ? 0 : 1);' "$1" "$2"
}

# wait_for_xmpp <port> <domain> <pgid> <seconds>: waits until the server answers, fails early if it died.
wait_for_xmpp() {
    local port=$1 domain=$2 pgid=$3 deadline=$((SECONDS + $4))
    while [ $SECONDS -lt $deadline ]; do
        xmpp_answers "$port" "$domain" && return 0
        group_alive "$pgid" || { log "server process group $pgid exited"; return 1; }
        sleep 0.2
    done
    log "no XMPP stream header on 127.0.0.1:$port after $4 s"
    return 1
}

# start_group <pidfile> <logfile> <command...>: starts the command in its own session (process group),
# detached from our stdio, and records the group leader's PID (= PGID) in <pidfile>.
# The new session's first process writes its own PID before it execs the command: `$!` would name the wrong
# process when setsid has to fork (it does when the caller's job control made the child a group leader), and
# reading it before setsid has run would find no group at all. Waits (bounded) until the PID is recorded.
start_group() {
    local pidfile=$1 logfile=$2 deadline=$((SECONDS + 10)); shift 2
    rm -f "$pidfile" "$pidfile.new"
    # shellcheck disable=SC2016 # $$ and $0 belong to the inner shell
    setsid sh -c 'echo $$ >"$0.new" && mv "$0.new" "$0" && exec "$@"' "$pidfile" "$@" </dev/null >>"$logfile" 2>&1 &
    until [ -s "$pidfile" ]; do
        [ $SECONDS -lt $deadline ] || die "the process started for $pidfile did not record its PID"
        sleep 0.05
    done
}

# group_alive <pgid>: true while a process of the group runs. Zombies do not count: an orphaned server is
# reaped by init, which may take a while in containers, and `kill -0` succeeds on a zombie.
group_alive() {
    local stat rest fields
    for stat in /proc/[0-9]*/stat; do
        { read -r rest <"$stat"; } 2>/dev/null || continue
        read -r -a fields <<<"${rest##*) }" # state ppid pgrp ...
        [ "${fields[2]}" = "$1" ] && [ "${fields[0]}" != Z ] && return 0
    done
    return 1
}

# refuse_if_running <pidfile>: a second start in the same work dir would orphan the first server.
refuse_if_running() {
    if [ -f "$1" ] && group_alive "$(cat "$1")"; then
        die "already running (process group $(cat "$1")); stop it first"
    fi
    return 0
}

# stop_group <pidfile> [seconds]: TERM the process group, KILL it after the bounded wait.
stop_group() {
    local pidfile=$1 wait=${2:-10} pgid
    [ -f "$pidfile" ] || return 0
    pgid=$(cat "$pidfile")
    if group_alive "$pgid"; then
        kill -TERM -- "-$pgid" 2>/dev/null || true
        local deadline=$((SECONDS + wait))
        while group_alive "$pgid" && [ $SECONDS -lt $deadline ]; do sleep 0.1; done
        if group_alive "$pgid"; then
            log "process group $pgid still alive after ${wait}s: KILL"
            kill -KILL -- "-$pgid" 2>/dev/null || true
            sleep 0.2
        fi
    fi
    rm -f "$pidfile"
}

# user_prefix <user> [home]: prints, one word a line, the command prefix that runs a command as <user>:
# setpriv execs (no watching parent process, unlike runuser/su), so the PID recorded for a server is the
# server's own and TERM reaches it directly. Read it with mapfile.
user_prefix() {
    printf '%s\n' setpriv --reuid="$1" --regid="$(id -g "$1")" --init-groups -- env HOME="${2:-/nonexistent}"
}

# as_user <user> <home> <command...>: runs a one-shot command as <user> with HOME=<home>.
as_user() {
    local prefix
    mapfile -t prefix < <(user_prefix "$1" "$2")
    shift 2
    "${prefix[@]}" "$@"
}

# make_reachable <dir> <user>: the service user must traverse every ancestor of <dir>.
make_reachable() {
    local dir=$1 user=$2
    chmod o+x "$(dirname "$dir")"
    as_user "$user" /nonexistent test -x "$dir" ||
        die "user $user cannot reach $dir (an ancestor directory is not world-traversable); use a directory under /tmp"
}

# ensure_certs <dir>: one self-signed CA and one server certificate for every test domain (idempotent).
# The key is world-readable on purpose: the servers run as their own users, and it is a throw-away test key.
TEST_DOMAINS=(prosody.test '*.prosody.test' anon.prosody.test srv-client.test xmpp.srv-client.test
    srv-fallback.test xmpp.srv-fallback.test srv-jabber.test xmpp.srv-jabber.test nosrv.test dot.test ejabberd.test '*.ejabberd.test' localhost)
ensure_certs() {
    local dir=$1
    [ -f "$dir/server.crt" ] && [ -f "$dir/server.key" ] && [ -f "$dir/ca.pem" ] && return 0
    mkdir -p "$dir"
    local san="" d
    for d in "${TEST_DOMAINS[@]}"; do san+="DNS:$d,"; done
    san+="IP:127.0.0.1"
    openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 -subj "/CN=Xmpp.Client integration test CA" \
        -keyout "$dir/ca.key" -out "$dir/ca.pem" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    openssl req -new -newkey rsa:2048 -nodes -sha256 -subj "/CN=prosody.test" \
        -keyout "$dir/server.key" -out "$dir/server.csr" 2>/dev/null
    printf '%s\n' "basicConstraints=critical,CA:FALSE" "keyUsage=critical,digitalSignature,keyEncipherment" \
        "extendedKeyUsage=serverAuth" "subjectAltName=$san" >"$dir/server.ext"
    openssl x509 -req -sha256 -days 825 -in "$dir/server.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" \
        -CAcreateserial -extfile "$dir/server.ext" -out "$dir/server.crt" 2>/dev/null
    rm -f "$dir/server.csr" "$dir/ca.srl"
    chmod 755 "$dir"
    chmod 644 "$dir"/*
}

# emit <envfile> KEY=value...: prints the lines on stdout and writes them to <envfile>.
emit() {
    local file=$1; shift
    printf '%s\n' "$@" >"$file"
    printf '%s\n' "$@"
}

# env_value <key> <file...>: the value of KEY=value in the first file that has it.
env_value() {
    local key=$1 file line; shift
    for file in "$@"; do
        while IFS= read -r line; do
            [ "${line%%=*}" = "$key" ] && { printf '%s\n' "${line#*=}"; return 0; }
        done <"$file"
    done
    return 1
}

# env_set <file> <key> <value>: replaces the KEY=value line of <file> (the other lines are kept).
env_set() {
    local file=$1 key=$2 value=$3 line lines=()
    while IFS= read -r line; do
        if [ "${line%%=*}" = "$key" ]; then lines+=("$key=$value"); else lines+=("$line"); fi
    done <"$file"
    printf '%s\n' "${lines[@]}" >"$file"
}

# abs_dir <dir>: creates <dir> (or a fresh temp dir when empty) and prints its absolute path.
abs_dir() {
    local dir=${1:-}
    if [ -z "$dir" ]; then dir=$(mktemp -d /tmp/xmpp-servers.XXXXXX); fi
    mkdir -p "$dir"
    (cd "$dir" && pwd -P)
}
