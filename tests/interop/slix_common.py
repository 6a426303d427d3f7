"""What the slixmpp peers of the interoperability tests share: their connection arguments, the JSON lines they print,
and the run that connects, waits for the outcome and disconnects."""
import argparse
import asyncio
import json
import logging
import os
import sys


def emit(**fields):
    """Prints one JSON object on a line (the peers' only output on stdout)."""
    print(json.dumps(fields, ensure_ascii=False), flush=True)


def connection_parser(description, timeout, timeout_help="seconds for the whole run"):
    """An argument parser with the connection arguments every peer takes."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--jid", required=True)
    parser.add_argument("--password", default=os.environ.get("XMPP_PASSWORD"))
    parser.add_argument("--host", required=True)
    parser.add_argument("--port", required=True, type=int)
    parser.add_argument("--ca", required=True, help="PEM file of the CA that signed the server certificate")
    parser.add_argument("--timeout", type=float, default=timeout, help=timeout_help)
    parser.add_argument("--verbose", action="store_true", help="slixmpp debug log on stderr")
    return parser


def parse(parser):
    """Parses the command line; the password comes from --password or XMPP_PASSWORD."""
    arguments = parser.parse_args()
    if arguments.password is None:
        parser.error("--password (or XMPP_PASSWORD) is required")
    return arguments


async def run_until_outcome(client, address, timeout, name, what, report):
    """Connects (STARTTLS), waits for client.outcome and reports it; 0 when it came, 1 on failure or timeout."""
    client.connect(address=address, force_starttls=True)
    try:
        report(await asyncio.wait_for(asyncio.shield(client.outcome), timeout))
        return 0
    except asyncio.TimeoutError:
        print(f"{name}: {what} within {timeout:g} s", file=sys.stderr)
        return 1
    except RuntimeError as failure:
        print(f"{name}: {failure}", file=sys.stderr)
        return 1
    finally:
        client.outcome.cancel()
        await asyncio.wait([client.disconnect(wait=2)], timeout=5)


def main(parse_arguments, run):
    """Parses the arguments, sets up logging and runs the peer; the exit status is run's."""
    arguments = parse_arguments()
    logging.basicConfig(level=logging.DEBUG if arguments.verbose else logging.CRITICAL, stream=sys.stderr)
    sys.exit(asyncio.run(run(arguments)))
