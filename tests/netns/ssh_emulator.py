#!/usr/bin/python3
"""ssh_emulator.py - an SSH server (paramiko) whose only account is admin:admin-test, for the
default-account check of tests/integration/probe_netns.sh (RFC 4252 password authentication).
Usage: ssh_emulator.py ADDRESS PORT [LIFETIME]   (Debian's python3 with python3-paramiko)
"""
import socket
import sys
import threading
import time

import paramiko

ADDR, PORT = sys.argv[1], int(sys.argv[2])
LIFETIME = float(sys.argv[3]) if len(sys.argv) > 3 else 600
KEY = paramiko.RSAKey.generate(2048)


class Server(paramiko.ServerInterface):
    def get_allowed_auths(self, username):
        return "password"

    def check_auth_password(self, username, password):
        ok = username == "admin" and password == "admin-test"
        return paramiko.AUTH_SUCCESSFUL if ok else paramiko.AUTH_FAILED

    def check_channel_request(self, kind, chanid):
        return paramiko.OPEN_FAILED_ADMINISTRATIVELY_PROHIBITED


def handle(c):
    t = paramiko.Transport(c)
    t.add_server_key(KEY)
    try:
        t.start_server(server=Server())
        t.accept(5)
        time.sleep(1)
    except (paramiko.SSHException, OSError, EOFError):
        pass
    finally:
        t.close()


def serve():
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((ADDR, PORT))
    s.listen(8)
    while True:
        c, _ = s.accept()
        threading.Thread(target=handle, args=(c,), daemon=True).start()


threading.Thread(target=serve, daemon=True).start()
time.sleep(LIFETIME)
