"""The name-lookup guard of tests/support/offline.py, installed for the session by conftest: a
remote name is refused before any packet leaves, while localhost and literal addresses still
resolve."""

from __future__ import annotations

import socket

import pytest

from support.offline import NameLookupBlockedError, local_lookups_only


def test_the_session_refuses_to_look_up_a_remote_name():
    with pytest.raises(NameLookupBlockedError, match="pypi.org"):
        socket.getaddrinfo("pypi.org", 443)


def test_the_guard_passes_local_names_and_literal_addresses_to_the_real_lookup():
    asked = []
    guard = local_lookups_only(lambda host, *args, **kwargs: asked.append(host) or [])
    for host in ("localhost", b"localhost", "127.0.0.1", "::1", "192.0.2.1", None):
        guard(host, 80)
    assert asked == ["localhost", b"localhost", "127.0.0.1", "::1", "192.0.2.1", None]
    with pytest.raises(NameLookupBlockedError):
        guard(b"example.org", 80)
    assert len(asked) == 6
