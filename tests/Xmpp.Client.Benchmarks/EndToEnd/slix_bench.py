#!/usr/bin/python3
"""The slixmpp side of the end-to-end benchmarks (see ../README.md, "End-to-end against local Prosody").

Runs one scenario against a running server and prints one JSON object on stdout; the .NET runner
(EndToEndRunner.cs) starts Prosody, calls this script once per scenario and puts the figures next to its own.

    /usr/bin/python3 slix_bench.py --host 127.0.0.1 --port 5222 --ca ca.pem --domain prosody.test \
        --scenario login|messages|iq|mam|idle|echo-bot|echo-flood [--count N] [--warmup N] [--page N]

What is done to keep the comparison fair (the same as the .NET side does):
- No DNS: connect() gets the host and port, and get_dns_records is overridden so slixmpp does not first ask DNS
  for the A/AAAA records of the XMPP domain (the .NET client with Options.Host connects straight to the host).
- SASL SCRAM-SHA-256 (feature_mechanisms use_mech), STARTTLS with the test CA, certificate checked against the
  domain (default_domain set, see BenchClient).
- Nagle: asyncio sets TCP_NODELAY on every TCP transport (selector_events.py); the script reads it back and reports it.
- slixmpp 1.8 has no send throttling: XMLStream.send() queues, run_filters() writes each stanza to the transport as
  soon as it is taken from the queue (the old SleekXMPP-era rate limiting does not exist in this version).
- Logging stays at WARNING, so slixmpp's per-stanza log.debug calls format nothing.
- messages: the sender yields to the event loop every 100 send_message() calls (--yield-every), so stanzas leave
  while later ones are built instead of all 20,000 being queued first; it was as fast or faster than not yielding
  and than yielding after each one.
"""

import argparse
import asyncio
import json
import logging
import math
import os
import signal
import socket
import ssl
import statistics
import sys
import time

import slixmpp

BODY_LENGTH = 100


class BenchClient(slixmpp.ClientXMPP):
    """A ClientXMPP that connects to the given address without any DNS lookup and checks the certificate's name."""

    def __init__(self, jid, password, host, port, ca, mechanism="SCRAM-SHA-256"):
        super().__init__(jid, password, plugin_config={"feature_mechanisms": {"use_mech": mechanism}})
        self.ca_certs = ca
        # With an IP address in connect(), slixmpp 1.8.3 leaves default_domain empty and then starts TLS without a
        # server name (no SNI, no name check). Connecting by domain, its normal use, sets it to the domain; so here.
        self.default_domain = self.boundjid.domain
        self._bench_address = (host, port)
        self.started = asyncio.get_event_loop().create_future()
        self.add_event_handler("session_start", self._on_started)
        self.add_event_handler("failed_auth", self._on_failed)
        self.add_event_handler("connection_failed", self._on_failed)
        self.add_event_handler("stream_error", self._on_failed)
        self.add_event_handler("ssl_invalid_chain", self._on_failed)

    async def get_dns_records(self, domain, port=None):
        host, port = self._bench_address
        return [(domain, host, port)]

    def _on_started(self, _):
        if not self.started.done():
            self.started.set_result(None)

    def _on_failed(self, error):
        if not self.started.done():
            self.started.set_exception(RuntimeError(f"login failed: {error!r}"))

    def start(self):
        self.connect(self._bench_address)
        return self.started

    def mechanism(self):
        return self["feature_mechanisms"].mech.name

    def tls_version(self):
        obj = self.transport.get_extra_info("ssl_object") if self.transport else None
        return obj.version() if obj else None

    def tls_server_name(self):
        obj = self.transport.get_extra_info("ssl_object") if self.transport else None
        return obj.server_hostname if obj else None

    def nodelay(self):
        sock = self.transport.get_extra_info("socket") if self.transport else None
        return bool(sock and sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))


def server_cpu():
    """CPU seconds the server process has used (user + system), from /proc/<pid>/stat, as ProsodyServer.Cpu()."""
    with open(f"/proc/{ARGS.server_pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def account(name):
    return f"{name}@{ARGS.domain}", f"{name}-pass"


async def connected(name, plugins=()):
    jid, password = account(name)
    client = BenchClient(jid, password, ARGS.host, ARGS.port, ARGS.ca)
    for plugin in plugins:
        client.register_plugin(plugin)
    await asyncio.wait_for(client.start(), 30)
    return client


async def close(client):
    await asyncio.wait_for(client.disconnect(), 10)


def percentile(values, fraction):
    """Nearest rank, as Stats.Percentile in LibraryResults.cs."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(fraction * len(ordered)) - 1))]


async def login():
    """connect + STARTTLS + SASL + bind (session_start), then close; a new client each time, warm-ups first."""
    login_ms, total_ms, cpu_ms, server_ms, info = [], [], [], [], {}
    for i in range(ARGS.warmup + ARGS.count):
        jid, password = account("alice")
        client = BenchClient(jid, password, ARGS.host, ARGS.port, ARGS.ca, ARGS.mechanism)
        cpu, server = time.process_time(), server_cpu()
        begin = time.perf_counter()
        await asyncio.wait_for(client.start(), 30)
        bound = time.perf_counter()
        cpu, server = time.process_time() - cpu, server_cpu() - server
        info = {"mechanism": client.mechanism(), "tls": client.tls_version(), "tls_server_name": client.tls_server_name(),
                "nodelay": client.nodelay()}
        await close(client)
        end = time.perf_counter()
        if i >= ARGS.warmup:
            login_ms.append((bound - begin) * 1000)
            total_ms.append((end - begin) * 1000)
            cpu_ms.append(cpu * 1000)
            server_ms.append(server * 1000)
    return {
        "login_median_ms": statistics.median(login_ms),
        "login_p90_ms": percentile(login_ms, 0.9),
        "login_close_median_ms": statistics.median(total_ms),
        "login_cpu_ms": statistics.mean(cpu_ms),
        "login_server_cpu_ms": statistics.mean(server_ms),
        **info,
    }


async def messages():
    """alice sends count chat messages to bob's full JID; time from the first send to bob's last receipt."""
    sender = await connected("alice")
    receiver = await connected("bob")
    receiver.send_presence()
    sender_bare = sender.boundjid.bare
    state = {"expected": 0, "seen": 0, "done": None}

    def on_message(message):
        if message["from"].bare == sender_bare and message["body"]:
            state["seen"] += 1
            if state["seen"] == state["expected"]:
                state["done"].set_result(time.perf_counter())

    receiver.add_event_handler("message", on_message)
    bodies = [f"{i:08d}" + "x" * (BODY_LENGTH - 8) for i in range(max(ARGS.count, ARGS.warmup))]

    async def burst(count):
        state["seen"], state["expected"] = 0, count
        state["done"] = asyncio.get_running_loop().create_future()
        cpu, server = time.process_time(), server_cpu()
        begin = time.perf_counter()
        for i in range(count):
            sender.send_message(mto=receiver.boundjid, mbody=bodies[i], mtype="chat")
            if ARGS.yield_every and (i + 1) % ARGS.yield_every == 0:
                await asyncio.sleep(0)
        end = await asyncio.wait_for(state["done"], 300)
        return end - begin, time.process_time() - cpu, server_cpu() - server

    if ARGS.warmup:
        await burst(ARGS.warmup)
    seconds, cpu, server = await burst(ARGS.count)
    result = {"msgs_per_s": ARGS.count / seconds, "cpu_us_per_msg": cpu / ARGS.count * 1e6,
              "server_cpu_us_per_msg": server / ARGS.count * 1e6, "seconds": seconds, "nodelay": sender.nodelay()}
    await close(sender)
    await close(receiver)
    return result


async def iq():
    """count XEP-0199 pings to the server, each awaited before the next."""
    client = await connected("alice", plugins=["xep_0199"])
    ping = client["xep_0199"]
    for _ in range(ARGS.warmup):
        await ping.send_ping(ARGS.domain, timeout=10)
    rtts = []
    cpu, server = time.process_time(), server_cpu()
    begin = time.perf_counter()
    for _ in range(ARGS.count):
        start = time.perf_counter()
        await ping.send_ping(ARGS.domain, timeout=10)
        rtts.append(time.perf_counter() - start)
    seconds = time.perf_counter() - begin
    cpu, server = time.process_time() - cpu, server_cpu() - server
    nodelay = client.nodelay()
    await close(client)
    return {
        "rtt_per_s": ARGS.count / seconds,
        "rtt_median_us": statistics.median(rtts) * 1e6,
        "cpu_us_per_rtt": cpu / ARGS.count * 1e6,
        "server_cpu_us_per_rtt": server / ARGS.count * 1e6,
        "seconds": seconds,
        "nodelay": nodelay,
    }


async def mam():
    """bob reads his archive with xep_0313 iterate() (RSM pages of --page), count messages after warmup ones."""
    client = await connected("bob", plugins=["xep_0313"])
    archive = client["xep_0313"]

    async def read(total):
        seen = 0
        async for message in archive.iterate(rsm={"max": ARGS.page}, total=total):
            if message["mam_result"]["forwarded"]["stanza"]["body"]:
                seen += 1
        return seen

    if ARGS.warmup:
        await read(ARGS.warmup)
    cpu, server = time.process_time(), server_cpu()
    begin = time.perf_counter()
    seen = await read(ARGS.count)
    seconds = time.perf_counter() - begin
    cpu, server = time.process_time() - cpu, server_cpu() - server
    await close(client)
    return {"msgs_per_s": ARGS.count / seconds, "cpu_us_per_msg": cpu / ARGS.count * 1e6,
            "server_cpu_us_per_msg": server / ARGS.count * 1e6, "seconds": seconds, "with_body": seen}


def proc_cpu(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


# What EchoBot does on every message by default, with slixmpp's own plugins: stream management (an ack request
# every 10 stanzas, as AckRequestThreshold), receipts requested (xep_0184 auto_request) and acknowledged, <active/>
# and an origin-id on every reply, disco and caps answered.
FEATURES = {"xep_0030": {}, "xep_0115": {}, "xep_0198": {"window": 10}, "xep_0184": {"auto_request": True},
            "xep_0085": {}, "xep_0359": {}}


async def echo_bot():
    """The EchoBot sample's behaviour with slixmpp: bob, initial presence, every chat message with a body echoed
    back and printed as EchoBot prints it. Prints 'Online as <jid>' once ready; on SIGTERM, closes its stream and exits.
    With --features, also what EchoBot does by default on every message (FEATURES)."""
    jid, password = account("bob")
    bot = BenchClient(jid, password, ARGS.host, ARGS.port, ARGS.ca)
    wanted = FEATURES if ARGS.features == "all" else (ARGS.features or "").split(",") if ARGS.features else ()
    for plugin in wanted:
        bot.register_plugin(plugin, pconfig=FEATURES[plugin])
    await asyncio.wait_for(bot.start(), 30)
    bot.send_presence()

    def on_message(message):
        if message["type"] in ("chat", "normal") and message["body"]:
            print(f"{message['from']}: {message['body']}", flush=True)
            reply = message.reply(message["body"])
            if "xep_0085" in wanted:
                reply["chat_state"] = "active"
            if "xep_0359" in wanted:
                reply["origin_id"]["id"] = reply["id"] or bot.new_id()
            reply.send()

    bot.add_event_handler("message", on_message)
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    print(f"Online as {bot.boundjid}", flush=True)
    await stop.wait()
    # xep_0198 may still try to send an ack once the stream is closing; that is not an error of the run.
    logging.getLogger("slixmpp.xmlstream.xmlstream").setLevel(logging.CRITICAL)
    await close(bot)
    return {}


async def echo_flood():
    """alice sends --warmup, then --count pipelined chat messages to bob and waits for every echo; the bot's CPU
    (--bot-pid) and the server's during the measured burst, per message."""
    sender = await connected("alice")
    bot = f"bob@{ARGS.domain}"
    state = {"expected": 0, "seen": 0, "done": None}

    def on_message(message):
        if message["from"].bare == bot and message["body"]:
            state["seen"] += 1
            if state["seen"] == state["expected"]:
                state["done"].set_result(time.perf_counter())

    sender.add_event_handler("message", on_message)
    bodies = [f"{i:08d}" + "x" * (BODY_LENGTH - 8) for i in range(max(ARGS.count, ARGS.warmup))]

    async def burst(count):
        state["seen"], state["expected"] = 0, count
        state["done"] = asyncio.get_running_loop().create_future()
        bot_cpu, server = proc_cpu(ARGS.bot_pid), server_cpu()
        begin = time.perf_counter()
        for i in range(count):
            sender.send_message(mto=bot, mbody=bodies[i], mtype="chat")
            if ARGS.yield_every and (i + 1) % ARGS.yield_every == 0:
                await asyncio.sleep(0)
        end = await asyncio.wait_for(state["done"], 300)
        return end - begin, proc_cpu(ARGS.bot_pid) - bot_cpu, server_cpu() - server

    if ARGS.warmup:
        await burst(ARGS.warmup)
    seconds, bot_cpu, server = await burst(ARGS.count)
    await close(sender)
    return {"echoes_per_s": ARGS.count / seconds, "bot_cpu_us_per_msg": bot_cpu / ARGS.count * 1e6,
            "server_cpu_us_per_msg": server / ARGS.count * 1e6}


def rss_kb():
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


async def idle():
    """--count clients of alice (resources of their own) logged in, at most --concurrency at a time, then idle."""
    clients, cpu, server, rss = [], time.process_time(), server_cpu(), rss_kb()
    begin = time.perf_counter()
    gate = asyncio.Semaphore(ARGS.concurrency)

    async def one(i):
        async with gate:
            jid, password = account("alice")
            client = BenchClient(f"{jid}/idle{i}", password, ARGS.host, ARGS.port, ARGS.ca)
            await asyncio.wait_for(client.start(), 120)
            clients.append(client)

    await asyncio.gather(*(one(i) for i in range(ARGS.count)))
    elapsed, cpu, server = time.perf_counter() - begin, time.process_time() - cpu, server_cpu() - server
    await asyncio.sleep(5)  # idle: whatever the connections keep once nothing happens
    grown = rss_kb() - rss
    for client in clients:
        client.abort()
    return {"connections": len(clients), "login_all_s": elapsed, "cpu_ms_per_login": cpu * 1000 / len(clients),
            "server_cpu_ms_per_login": server * 1000 / len(clients), "rss_kb_per_connection": grown / len(clients)}


SCENARIOS = {"login": login, "messages": messages, "iq": iq, "mam": mam, "idle": idle, "echo-bot": echo_bot,
             "echo-flood": echo_flood}


def main():
    global ARGS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--ca", required=True)
    parser.add_argument("--domain", required=True)
    parser.add_argument("--server-pid", type=int, required=True, help="the server's PID, for its CPU time")
    parser.add_argument("--scenario", choices=SCENARIOS, required=True)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--warmup", type=int, default=0)
    parser.add_argument("--page", type=int, default=50, help="mam: RSM max per page")
    parser.add_argument("--concurrency", type=int, default=16, help="idle: logins at a time")
    parser.add_argument("--bot-pid", type=int, default=0, help="echo-flood: the bot's PID, for its CPU time")
    parser.add_argument("--features", nargs="?", const="all", default=None,
                        help="echo-bot: stream management, receipts, chat states, origin-ids, disco and caps as EchoBot "
                             "(all of FEATURES, or the comma-separated plugins named)")
    parser.add_argument("--mechanism", default="SCRAM-SHA-256", help="login: the SASL mechanism to use")
    parser.add_argument("--yield-every", type=int, default=100,
                        help="messages: yield to the event loop after this many sends (0: queue all, then yield)")
    ARGS = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    result = asyncio.run(SCENARIOS[ARGS.scenario]())
    result.update({"library": f"slixmpp {slixmpp.__version__}", "python": sys.version.split()[0],
                   "openssl": ssl.OPENSSL_VERSION})
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
