#!/usr/bin/env python3
"""An XMPP peer written with another library (slixmpp 1.8), for the interoperability tests.

    slix_peer.py --jid JID --host HOST --port PORT --ca CA_FILE [--timeout S] receive [--from JID]
    slix_peer.py --jid JID --host HOST --port PORT --ca CA_FILE [--timeout S] send --to JID --body TEXT

The password comes from --password or XMPP_PASSWORD. It connects to HOST:PORT exactly (no DNS), does STARTTLS
with the server certificate checked against CA_FILE and the JID's domain, logs in and sends presence. Then:

- receive: waits for one message with a body (from JID's bare JID, with --from) and prints it;
- send: sends a chat message with TEXT to JID and waits for a message with a body from JID's bare JID.

stdout carries one JSON object a line: {"event": "online", "jid": ...} once logged in (so a caller knows when to
send), then {"event": "message", "from": ..., "to": ..., "type": ..., "body": ...}. Exit status: 0 when the
message came, 1 on failure or timeout (the reason on stderr), 2 on bad arguments.
"""
import asyncio

import slixmpp

from slix_common import connection_parser, emit, main, parse, run_until_outcome


class Peer(slixmpp.ClientXMPP):
    def __init__(self, jid, password, address, ca_file):
        super().__init__(jid, password)
        self.ca_certs = ca_file
        self.address = address
        self.outcome = asyncio.get_event_loop().create_future()
        self.wanted_from = None  # a bare JID, or None for anyone
        self.add_event_handler("session_start", self.on_session_start)
        self.add_event_handler("message", self.on_message)
        self.add_event_handler("failed_auth", lambda _: self.fail("authentication failed"))
        self.add_event_handler("ssl_invalid_chain", lambda e: self.fail(f"certificate not trusted: {e}"))
        self.add_event_handler("stream_error", lambda e: self.fail(f"stream error: {e['condition']} {e['text']}"))
        self.add_event_handler("connection_failed", lambda e: self.fail(f"connection failed: {e}"))
        self.add_event_handler("disconnected", lambda _: self.fail("disconnected"))

    async def get_dns_records(self, domain, port=None):
        # Connect to the given address only; the domain stays the TLS server name and the stream's 'to'.
        return [(domain, self.address[0], self.address[1])]

    def fail(self, reason):
        if not self.outcome.done():
            self.outcome.set_exception(RuntimeError(reason))

    async def on_session_start(self, _):
        self.send_presence()
        # Ask for the roster, as ordinary clients do before they count as "interested" in presence (RFC 6121).
        await self.get_roster()
        emit(event="online", jid=str(self.boundjid))
        self.on_online()

    def on_online(self):
        pass

    def on_message(self, msg):
        if msg["type"] not in ("chat", "normal") or not msg["body"]:
            return
        if self.wanted_from is not None and msg["from"].bare != self.wanted_from:
            return
        if not self.outcome.done():
            self.outcome.set_result(msg)


class Sender(Peer):
    def __init__(self, jid, password, address, ca_file, to, body):
        super().__init__(jid, password, address, ca_file)
        self.to = slixmpp.JID(to)
        self.body = body
        self.wanted_from = self.to.bare

    def on_online(self):
        self.send_message(mto=self.to, mbody=self.body, mtype="chat")


def parse_arguments():
    parser = connection_parser("slixmpp peer for the Xmpp.Client interoperability tests", 20.0)
    modes = parser.add_subparsers(dest="mode", required=True)
    receive = modes.add_parser("receive", help="wait for one message")
    receive.add_argument("--from", dest="sender", help="only a message from this bare JID counts")
    send = modes.add_parser("send", help="send a message and wait for the reply")
    send.add_argument("--to", required=True)
    send.add_argument("--body", required=True)
    return parse(parser)


async def run(arguments):
    address = (arguments.host, arguments.port)
    if arguments.mode == "send":
        peer = Sender(arguments.jid, arguments.password, address, arguments.ca, arguments.to, arguments.body)
    else:
        peer = Peer(arguments.jid, arguments.password, address, arguments.ca)
        if arguments.sender:
            peer.wanted_from = slixmpp.JID(arguments.sender).bare
    return await run_until_outcome(peer, address, arguments.timeout, "slix_peer", "no message", lambda message: emit(
        event="message", **{"from": str(message["from"]), "to": str(message["to"]), "type": message["type"],
                            "body": message["body"]}))


if __name__ == "__main__":
    main(parse_arguments, run)
