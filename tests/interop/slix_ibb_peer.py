#!/usr/bin/env python3
"""An in-band bytestream (XEP-0047) peer written with slixmpp 1.8's xep_0047 plugin, for the interoperability tests.

    slix_ibb_peer.py --jid JID --host HOST --port PORT --ca CA_FILE [--timeout S] receive
    slix_ibb_peer.py --jid JID --host HOST --port PORT --ca CA_FILE [--timeout S] send --to FULL_JID --size N [--messages]

The password comes from --password or XMPP_PASSWORD. It connects to HOST:PORT exactly (no DNS), does STARTTLS with
the server certificate checked against CA_FILE, logs in and sends presence. Then:

- receive: accepts the first stream anyone opens, reads it to its close;
- send: opens a stream to FULL_JID (data in IQs, or in messages with --messages), sends N random bytes, closes it.

stdout carries one JSON object a line: {"event": "online", "jid": <bound full JID>} once logged in, then
{"event": "received" | "sent", "size": N, "sha256": <hex>, "peer": <JID>}. Exit status: 0 when done, 1 on failure or
timeout (the reason on stderr), 2 on bad arguments.
"""
import asyncio
import hashlib
import os

import slixmpp

from slix_common import connection_parser, emit, main, parse, run_until_outcome


class Peer(slixmpp.ClientXMPP):
    def __init__(self, arguments):
        super().__init__(arguments.jid, arguments.password)
        self.arguments = arguments
        self.ca_certs = arguments.ca
        self.address = (arguments.host, arguments.port)
        self.outcome = asyncio.get_event_loop().create_future()
        self.register_plugin("xep_0030")
        self.register_plugin("xep_0047", {"auto_accept": arguments.mode == "receive"})
        self.add_event_handler("session_start", self.on_session_start)
        self.add_event_handler("ibb_stream_start", self.on_stream_start)
        self.add_event_handler("failed_auth", lambda _: self.fail("authentication failed"))
        self.add_event_handler("ssl_invalid_chain", lambda e: self.fail(f"certificate not trusted: {e}"))
        self.add_event_handler("connection_failed", lambda e: self.fail(f"connection failed: {e}"))
        self.add_event_handler("disconnected", lambda _: self.fail("disconnected"))

    async def get_dns_records(self, domain, port=None):
        return [(domain, self.address[0], self.address[1])]

    def fail(self, reason):
        if not self.outcome.done():
            self.outcome.set_exception(RuntimeError(reason))

    def succeed(self, **fields):
        if not self.outcome.done():
            self.outcome.set_result(fields)

    async def on_session_start(self, _):
        self.send_presence()
        emit(event="online", jid=str(self.boundjid))
        if self.arguments.mode == "send":
            asyncio.ensure_future(self.send_stream())

    async def send_stream(self):
        try:
            data = os.urandom(self.arguments.size)
            stream = await self["xep_0047"].open_stream(slixmpp.JID(self.arguments.to), block_size=4096,
                                                        use_messages=self.arguments.messages)
            await stream.sendall(data, timeout=30)
            await stream.close(timeout=30)
            self.succeed(event="sent", size=len(data), sha256=hashlib.sha256(data).hexdigest(), peer=str(stream.peer_jid))
        except Exception as failure:  # noqa: BLE001 - any failure ends the run with its reason
            self.fail(f"sending failed: {failure!r}")

    def on_stream_start(self, stream):
        if self.arguments.mode == "receive":
            asyncio.ensure_future(self.receive_stream(stream))

    async def receive_stream(self, stream):
        try:
            data = await stream.gather(max_data=64 * 1024 * 1024, timeout=60)
            self.succeed(event="received", size=len(data), sha256=hashlib.sha256(data).hexdigest(), peer=str(stream.peer_jid))
        except Exception as failure:  # noqa: BLE001
            self.fail(f"receiving failed: {failure!r}")


def parse_arguments():
    parser = connection_parser("slixmpp XEP-0047 peer for the Xmpp.Client interoperability tests", 60.0)
    modes = parser.add_subparsers(dest="mode", required=True)
    modes.add_parser("receive", help="accept one stream and read it to its end")
    send = modes.add_parser("send", help="open a stream and send random bytes")
    send.add_argument("--to", required=True)
    send.add_argument("--size", required=True, type=int)
    send.add_argument("--messages", action="store_true", help="carry the data in messages (XEP-0047 §2.2)")
    return parse(parser)


async def run(arguments):
    peer = Peer(arguments)
    return await run_until_outcome(peer, peer.address, arguments.timeout, "slix_ibb_peer", "not done",
                                   lambda result: emit(**result))


if __name__ == "__main__":
    main(parse_arguments, run)
