#!/usr/bin/env python3
"""A multi-user chat occupant (XEP-0045) written with another library (slixmpp 1.8), for the interoperability tests.

    slix_occupant.py --jid JID --host HOST --port PORT --ca CA_FILE [--timeout S] --room ROOM --nick NICK
                     [--no-create-instant] [--config VAR=VALUE ...] [--history N] [--verbose]

The password comes from --password or XMPP_PASSWORD. It connects to HOST:PORT exactly (no DNS), does STARTTLS with
the server certificate checked against CA_FILE and the JID's domain, logs in, sends presence and joins ROOM (a bare
room JID) as NICK, asking for at most N history messages (--history, default: the room's default). When the room is
new (status 201) it submits the room configuration form, which unlocks the room (Prosody keeps a new room locked
until then): an empty one (an instant room) unless --config gives fields such as
muc#roomconfig_persistentroom=1; --no-create-instant leaves the new room locked.

stdout carries one JSON object a line:
  {"event": "joined", "room", "nick", "codes": [...], "created": bool}  once in the room (within --timeout): after
                                                                       its presence, the history and the subject
  {"event": "presence", "nick", "type": "available"|"unavailable", "codes", "affiliation", "role", "jid",
   "occupant_id", "own": bool}                                         every occupant presence, its own too
  {"event": "groupchat", "nick", "body", "delayed": bool, "own": bool, "id", "stanza_id", "origin_id",
   "occupant_id"}                                                      every room message with a body
  {"event": "subject", "nick", "subject", "delayed": bool}
  {"event": "private", "nick", "body", "id"}                           a private message from an occupant
  {"event": "error", "kind": "message"|"presence"|"iq", "condition", "text"}  an error the room returned
  {"event": "left"}                                                    its own unavailable presence came back
Then it reads commands from stdin, one JSON object a line:
  {"say": TEXT[, "id": ID][, "origin_id": ID]}  a groupchat message to the room (with that id, XEP-0359 origin-id)
  {"private": NICK, "body": TEXT[, "id": ID][, "origin_id": ID]}  a private message to an occupant
  {"subject": TEXT}                         changes the room subject
  {"leave": true}                           leaves the room (waits briefly for the answer) and exits
Exit status: 0 after a leave or at the end of stdin, 1 on failure (the reason on stderr: the join failed or timed
out, the connection was lost), 2 on bad arguments.
"""
import argparse
import asyncio
import json
import sys
import xml.etree.ElementTree as ET

import slixmpp
from slixmpp.xmlstream.handler import Callback
from slixmpp.xmlstream.matcher import MatchXPath

from slix_common import connection_parser, emit, main, parse

MUC = "http://jabber.org/protocol/muc"
MUC_USER = MUC + "#user"
MUC_OWNER = MUC + "#owner"
DATA = "jabber:x:data"
DELAY = "{urn:xmpp:delay}delay"
STANZA_IDS = "urn:xmpp:sid:0"
OCCUPANT_ID = "{urn:xmpp:occupant-id:0}occupant-id"
STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas"


def status_codes(stanza):
    return sorted(int(s.get("code")) for s in stanza.xml.findall(f"{{{MUC_USER}}}x/{{{MUC_USER}}}status")
                  if (s.get("code") or "").isdigit())


def occupant_id(stanza):
    element = stanza.xml.find(OCCUPANT_ID)
    return None if element is None else element.get("id")


def error_of(stanza):
    error = stanza.xml.find("{jabber:client}error")
    if error is None:
        return None, None
    condition = next((child.tag.split("}")[1] for child in error if child.tag.startswith(f"{{{STANZAS}}}")
                      and not child.tag.endswith("}text")), None)
    text = error.find(f"{{{STANZAS}}}text")
    return condition, None if text is None else text.text


class Occupant(slixmpp.ClientXMPP):
    def __init__(self, arguments):
        super().__init__(arguments.jid, arguments.password)
        self.register_plugin("xep_0045")  # the muc stanza plugins; joining is done here, to see every status code
        self.ca_certs = arguments.ca
        self.address = (arguments.host, arguments.port)
        self.room = slixmpp.JID(arguments.room).bare
        self.nick = arguments.nick
        self.arguments = arguments
        self.joined = asyncio.get_event_loop().create_future()
        self.failed = asyncio.get_event_loop().create_future()
        self.left = asyncio.Event()
        self.self_presence = None  # the status codes of the room's answer to the join
        self.subject_seen = False
        self.add_event_handler("session_start", self.on_session_start)
        self.add_event_handler("presence", self.on_presence)
        # Every message: slixmpp's "message" event skips those without a body, such as a subject.
        self.register_handler(Callback("room message", MatchXPath("{jabber:client}message"), self.on_message))
        self.add_event_handler("failed_auth", lambda _: self.fail("authentication failed"))
        self.add_event_handler("ssl_invalid_chain", lambda e: self.fail(f"certificate not trusted: {e}"))
        self.add_event_handler("stream_error", lambda e: self.fail(f"stream error: {e['condition']} {e['text']}"))
        self.add_event_handler("connection_failed", lambda e: self.fail(f"connection failed: {e}"))
        self.add_event_handler("disconnected", lambda _: self.fail("disconnected"))

    async def get_dns_records(self, domain, port=None):
        # Connect to the given address only; the domain stays the TLS server name and the stream's 'to'.
        return [(domain, self.address[0], self.address[1])]

    def fail(self, reason):
        if not self.failed.done():
            self.failed.set_exception(RuntimeError(reason))

    def from_room(self, stanza):
        return stanza["from"].bare == self.room

    async def on_session_start(self, _):
        self.send_presence()
        join = self.make_presence(pto=f"{self.room}/{self.nick}")
        x = ET.SubElement(join.xml, f"{{{MUC}}}x")
        if self.arguments.history is not None:
            ET.SubElement(x, f"{{{MUC}}}history", maxstanzas=str(self.arguments.history))
        join.send()

    def on_presence(self, presence):
        if not self.from_room(presence):
            return
        nick = presence["from"].resource
        codes = status_codes(presence)
        if not nick and presence["type"] != "error":
            return  # the room's own presence (ejabberd sends one with its entity capabilities)
        if presence["type"] == "error":
            condition, text = error_of(presence)
            emit(event="error", kind="presence", condition=condition, text=text)
            if not self.joined.done():
                self.fail(f"join refused: {condition} {text or ''}".strip())
            return
        item = presence.xml.find(f"{{{MUC_USER}}}x/{{{MUC_USER}}}item")
        item = {} if item is None else item.attrib
        own = 110 in codes
        kind = "unavailable" if presence["type"] == "unavailable" else "available"
        emit(event="presence", nick=nick, type=kind, codes=codes, affiliation=item.get("affiliation"),
             role=item.get("role"), jid=item.get("jid"), occupant_id=occupant_id(presence), own=own)
        if not own:
            return
        if kind == "unavailable":
            self.left.set()
            emit(event="left")
            if not self.joined.done():
                self.fail("removed from the room while joining")
        elif not self.joined.done() and self.self_presence is None:
            self.nick = nick  # the room may have changed it (status 210)
            self.self_presence = codes
            if self.subject_seen:
                asyncio.ensure_future(self.finish_join(codes))

    async def finish_join(self, codes):
        created = 201 in codes
        try:
            if created and self.arguments.create_instant:
                iq = self.make_iq_set(ito=self.room)
                query = ET.SubElement(iq.xml, f"{{{MUC_OWNER}}}query")
                form = ET.SubElement(query, f"{{{DATA}}}x", type="submit")
                if self.arguments.config:
                    fields = [("FORM_TYPE", MUC + "#roomconfig")] + self.arguments.config
                    for var, value in fields:
                        field = ET.SubElement(form, f"{{{DATA}}}field", var=var)
                        ET.SubElement(field, f"{{{DATA}}}value").text = value
                await iq.send(timeout=self.arguments.timeout)
        except slixmpp.exceptions.IqError as error:
            condition, text = error_of(error.iq)
            emit(event="error", kind="iq", condition=condition, text=text)
            self.fail(f"room configuration refused: {condition} {text or ''}".strip())
            return
        except slixmpp.exceptions.IqTimeout:
            self.fail("no answer to the room configuration")
            return
        if not self.joined.done():
            self.joined.set_result(None)
            emit(event="joined", room=self.room, nick=self.nick, codes=codes, created=created)

    def on_message(self, message):
        if not self.from_room(message):
            return
        nick = message["from"].resource
        if message["type"] == "error":
            condition, text = error_of(message)
            emit(event="error", kind="message", condition=condition, text=text)
            return
        body = message.xml.find("{jabber:client}body")
        body = None if body is None else body.text or ""
        if message["type"] == "groupchat":
            delayed = message.xml.find(DELAY) is not None
            subject = message.xml.find("{jabber:client}subject")
            if body is None and subject is not None:
                emit(event="subject", nick=nick, subject=subject.text or "", delayed=delayed)
                # The subject ends the join (XEP-0045 §7.2.15), after the occupants and the history.
                if not self.subject_seen:
                    self.subject_seen = True
                    if self.self_presence is not None:
                        asyncio.ensure_future(self.finish_join(self.self_presence))
            elif body is not None:
                stanza_id = next((s.get("id") for s in message.xml.findall(f"{{{STANZA_IDS}}}stanza-id")
                                  if s.get("by") == self.room), None)
                origin = message.xml.find(f"{{{STANZA_IDS}}}origin-id")
                emit(event="groupchat", nick=nick, body=body, delayed=delayed, own=nick == self.nick,
                     id=message["id"] or None, stanza_id=stanza_id,
                     origin_id=None if origin is None else origin.get("id"), occupant_id=occupant_id(message))
        elif body is not None and nick:
            emit(event="private", nick=nick, body=body, id=message["id"] or None)

    def send_to_room(self, to, mtype, body, stanza_id=None, origin_id=None):
        message = self.make_message(mto=to, mbody=body, mtype=mtype)
        if stanza_id:
            message["id"] = stanza_id
        if origin_id:
            ET.SubElement(message.xml, f"{{{STANZA_IDS}}}origin-id", id=origin_id)
        if mtype == "chat":
            ET.SubElement(message.xml, f"{{{MUC_USER}}}x")  # XEP-0045 §7.5: marks a private message
        message.send()

    async def leave(self):
        self.make_presence(pto=f"{self.room}/{self.nick}", ptype="unavailable").send()
        try:
            await asyncio.wait_for(self.left.wait(), 5)
        except asyncio.TimeoutError:
            pass

    async def command(self, line):
        """Runs one command line; returns False after a leave."""
        try:
            command = json.loads(line)
        except json.JSONDecodeError as error:
            print(f"slix_occupant: ignored a line that is not JSON ({error}): {line}", file=sys.stderr)
            return True
        if "say" in command:
            self.send_to_room(self.room, "groupchat", command["say"], command.get("id"), command.get("origin_id"))
        elif "private" in command:
            self.send_to_room(f"{self.room}/{command['private']}", "chat", command["body"], command.get("id"),
                              command.get("origin_id"))
        elif "subject" in command:
            message = self.make_message(mto=self.room, mtype="groupchat", msubject=command["subject"])
            message.send()
        elif command.get("leave"):
            await self.leave()
            return False
        else:
            print(f"slix_occupant: unknown command: {line}", file=sys.stderr)
        return True


async def read_commands(occupant):
    """Runs the commands on stdin until a leave or the end of stdin; returns the exit status."""
    loop = asyncio.get_event_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    while True:
        next_line = asyncio.ensure_future(reader.readline())
        await asyncio.wait([next_line, occupant.failed], return_when=asyncio.FIRST_COMPLETED)
        if occupant.failed.done():
            next_line.cancel()
            occupant.failed.result()  # raises the reason
        line = next_line.result()
        if not line:  # end of stdin
            await occupant.leave()
            return 0
        line = line.decode("utf-8").strip()
        if line and not await occupant.command(line):
            return 0


def parse_config(value):
    var, equals, field_value = value.partition("=")
    if not equals or not var:
        raise argparse.ArgumentTypeError(f"expected VAR=VALUE, not {value!r}")
    return var, field_value


def parse_arguments():
    parser = connection_parser("slixmpp MUC occupant for the Xmpp.Client interoperability tests", 20.0,
                               "seconds to log in and join")
    parser.add_argument("--room", required=True, help="bare JID of the room, such as room@conference.example")
    parser.add_argument("--nick", required=True)
    parser.add_argument("--history", type=int, help="ask for at most this many history messages")
    parser.add_argument("--create-instant", action=argparse.BooleanOptionalAction, default=True,
                        help="configure a room this join created (default), which unlocks it")
    parser.add_argument("--config", action="append", type=parse_config, default=[], metavar="VAR=VALUE",
                        help="a field of the configuration form of a room this join creates")
    return parse(parser)


async def run(arguments):
    occupant = Occupant(arguments)
    occupant.connect(address=occupant.address, force_starttls=True)
    try:
        await asyncio.wait_for(asyncio.wait([occupant.joined, occupant.failed], return_when=asyncio.FIRST_COMPLETED),
                               arguments.timeout)
        if occupant.failed.done():
            occupant.failed.result()
        if not occupant.joined.done():
            raise RuntimeError(f"not in the room within {arguments.timeout:g} s")
        return await read_commands(occupant)
    except asyncio.TimeoutError:
        print(f"slix_occupant: not in the room within {arguments.timeout:g} s", file=sys.stderr)
        return 1
    except RuntimeError as failure:
        print(f"slix_occupant: {failure}", file=sys.stderr)
        return 1
    finally:
        if not occupant.failed.done():
            occupant.failed.cancel()  # the disconnect below is no failure
        await asyncio.wait([occupant.disconnect(wait=2)], timeout=5)


if __name__ == "__main__":
    main(parse_arguments, run)
