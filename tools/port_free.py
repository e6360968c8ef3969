"""Say clearly when `make serve` cannot have its port, instead of mkdocs' traceback.

Usage: python tools/port_free.py HOST PORT  (exit 0 when the port is free, 1 with advice when not)
"""

from __future__ import annotations

import errno
import socket
import sys
from collections.abc import Sequence


def port_problem(host: str, port: int) -> str | None:
    """Why ``host:port`` cannot be served on, or None when it can."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        return f"cannot resolve the host {host!r}: {exc.strerror}. Try HOST=127.0.0.1."
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as sock:
        try:
            sock.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return (
                    f"port {port} on {host} is already in use (another `make serve` or "
                    f"`mkdocs serve`?). Stop it, or pick another port: make serve PORT={port + 1}"
                )
            return f"cannot listen on {host}:{port}: {exc.strerror}. Try HOST=127.0.0.1 PORT=8001."
    return None


def main(argv: Sequence[str]) -> int:
    """Check the port named on the command line."""
    if len(argv) != 2 or not argv[1].isdigit() or not 0 < int(argv[1]) < 65536:
        print("usage: port_free.py HOST PORT (PORT a number from 1 to 65535)", file=sys.stderr)
        return 2
    problem = port_problem(argv[0], int(argv[1]))
    if problem:
        print(f"make serve: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
