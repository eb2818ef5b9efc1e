"""The tests run offline. pytest-socket (options in pyproject.toml: --disable-socket
--allow-hosts=127.0.0.1,::1,localhost --allow-unix-socket) refuses connect() to any other host; with
--allow-hosts it leaves name lookups alone, and a DNS query is a request too, so this guard refuses
lookups of names other than localhost (conftest installs it for the whole session)."""

from __future__ import annotations

import ipaddress
from collections.abc import Callable

LOCAL_NAMES = {"localhost", "127.0.0.1", "::1"}


class NameLookupBlockedError(RuntimeError):
    """Raised when a test (or anything it calls in-process) asks DNS for another host."""


def local_lookups_only(real_getaddrinfo: Callable) -> Callable:
    """`socket.getaddrinfo` that refuses any name but localhost; a literal address needs no lookup,
    so it passes (pytest-socket's connect guard decides about it)."""

    def getaddrinfo(host, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else host
        if name not in (None, "") and name not in LOCAL_NAMES:
            try:
                ipaddress.ip_address(name)
            except ValueError:
                raise NameLookupBlockedError(
                    f"lookup of {name!r} refused (tests run offline)"
                ) from None
        return real_getaddrinfo(host, *args, **kwargs)

    return getaddrinfo
