"""The offline guard (pytest-socket plus conftest's name-lookup guard): local connections work,
connections to other hosts and lookups of other names fail before any packet."""

from __future__ import annotations

import socket
import threading

import pytest
from pytest_socket import SocketConnectBlockedError

from conftest import NameLookupBlockedError


def test_connecting_to_another_host_is_refused():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        with pytest.raises(SocketConnectBlockedError, match="192.0.2.1"):  # TEST-NET-1: never routed
            sock.connect(("192.0.2.1", 80))
    with pytest.raises(SocketConnectBlockedError):
        socket.create_connection(("192.0.2.1", 443), timeout=1)


def test_looking_up_a_remote_name_is_refused():
    with pytest.raises(NameLookupBlockedError, match="pypi.org"):
        socket.getaddrinfo("pypi.org", 443)


def test_loopback_and_unix_sockets_still_work(tmp_path):
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        accepted = threading.Thread(target=lambda: server.accept()[0].close())
        accepted.start()
        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass
        accepted.join(5)
    a, b = socket.socketpair()
    a.sendall(b"x")
    assert b.recv(1) == b"x"
    a.close(), b.close()
