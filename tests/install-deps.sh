#!/usr/bin/env bash
# Installs, only when missing, what the tests and the demo need from Debian: the XMPP servers, dnsmasq, openssl,
# slixmpp (the other-library peer of the interoperability tests and benchmarks) and a C toolchain with zlib for the
# native AOT test. Runs `apt-get update` once.
set -euo pipefail
need=()
command -v prosody >/dev/null 2>&1 || need+=(prosody)
command -v ejabberdctl >/dev/null 2>&1 || [ -x /usr/sbin/ejabberdctl ] || need+=(ejabberd)
command -v dnsmasq >/dev/null 2>&1 || [ -x /usr/sbin/dnsmasq ] || need+=(dnsmasq-base)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
# Debian's python3-slixmpp installs into the system interpreter: ask that one (a pyenv/venv python3 on PATH lacks it).
py=/usr/bin/python3; [ -x "$py" ] || py=python3
"$py" -c 'import slixmpp' >/dev/null 2>&1 || need+=(python3-slixmpp)
# Native AOT (the NativeAotTests publish EchoBot with PublishAot) links with a C toolchain and zlib.
command -v clang >/dev/null 2>&1 || command -v gcc >/dev/null 2>&1 || need+=(clang)
[ -e /usr/include/zlib.h ] || need+=(zlib1g-dev)
if [ ${#need[@]} -gt 0 ]; then
  echo "install-deps: installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Debian's packages start their services on install; keep them stopped (tests start their own instances).
  if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; added_policy=1; fi
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  [ -n "${added_policy:-}" ] && rm -f /usr/sbin/policy-rc.d
fi
command -v dotnet >/dev/null 2>&1 || { echo "install-deps: the .NET SDK (dotnet) is required" >&2; exit 1; }
