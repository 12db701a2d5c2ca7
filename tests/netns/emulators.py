#!/usr/bin/env python3
"""emulators.py - devices the test bed cannot run, answering as their documents say they do.

Listens on ADDRESS and serves, one thread per connection, for LIFETIME seconds:
  3389  RDP that requires NLA      ([MS-RDPBCGR] 2.2.1.2.2 RDP_NEG_FAILURE HYBRID_REQUIRED_BY_SERVER)
  3390  RDP that does not          (2.2.1.2.1 RDP_NEG_RSP selecting TLS, with the DYNVC_GFX flag
        only a Windows server sets; xrdp runs for real on the bed)
  5900  VNC, RFB 3.8, security type None (RFC 6143 7.1.1, 7.1.2)
  2222  an old OpenSSH banner      (RFC 4253 4.2)
  2324  a Cisco IOS telnet login (IAC WILL ECHO, WILL SGA, DO TTYPE, DO NAWS, then 'User Access
        Verification' and a Username: prompt, as IOS shows with login configured on its vty lines)
  2323  a Yamaha RT telnet login   (a bare "Password:" prompt; factory state: an empty password
        gives the ">" prompt)
  8081  a web UI behind HTTP Basic authentication that accepts admin:password (RFC 7617)
  10443 a FortiGate SSL-VPN portal over TLS (302 to /remote/login, as the FortiOS guide describes)
  31337 a bind shell (a dash prompt; request lines read as commands)
  4443  a GlobalProtect portal over TLS (302 to /global-protect/login.esp, PAN-OS guide)
  9443  a Citrix Gateway over TLS (302 to /logon/LogonPoint/tmindex.html, Citrix documentation)
  8444  a SonicWall SMA over TLS ('Server: SonicWALL SSL-VPN Web Server', as deployed appliances answer)
  8083  SonicOS web management ('Server: SonicWALL')
  8082  a Cisco IOS XE web UI with the CVE-2023-20198 implant: its root sends the browser to /webui
        (as Fox-IT recorded), and POST /webui/logoutconfirm.html?logon_hash=1 answers a hexadecimal
        string (the check Cisco Talos published)
  4433  an old embedded web server over TLS 1.0-1.2 that accepts every suite this OpenSSL has,
        anonymous ones included (Boa's Server header)
  1433  Microsoft SQL Server 2019 (15.0.2000.5) answering a PRELOGIN ([MS-TDS] 2.2.6.5)
  5060  an Asterisk PBX 16.28.0 answering SIP OPTIONS, over UDP and TCP (RFC 3261 §11, the
        'Asterisk PBX <version>' user agent Asterisk sends by default; rport as in RFC 3581)
Usage: emulators.py ADDRESS CERT KEY [LIFETIME]
"""
import socket
import ssl
import sys
import threading
import time

ADDR, CERT, KEY = sys.argv[1], sys.argv[2], sys.argv[3]
LIFETIME = float(sys.argv[4]) if len(sys.argv) > 4 else 600


def rdp(selected_or_failure):
    def serve(c):
        c.recv(64)
        c.sendall(bytes.fromhex("030000130ed00000123400") + selected_or_failure)
    return serve


def vnc(c):
    c.sendall(b"RFB 003.008\n")
    if c.recv(12):
        c.sendall(bytes([1, 1]))	# one security type: None


def banner(text):
    def serve(c):
        c.sendall(text)
        c.recv(64)
    return serve


def yamaha_telnet(c):
    c.sendall(b"\r\nPassword: ")
    line = c.recv(64)
    if line.strip(b"\r\n") == b"":
        c.sendall(b"\r\n\r\nRTX1210 Rev.14.01.38 (Wed Jun  1 10:00:00 2022)\r\n> ")
    else:
        c.sendall(b"\r\nPassword: ")
    c.recv(64)


def cisco_telnet(c):
    c.sendall(bytes.fromhex("fffb01fffb03fffd18fffd1f") + b"\r\n\r\nUser Access Verification\r\n\r\nUsername: ")
    c.recv(4096)


def basic_web(c):
    req = c.recv(4096)
    if b"Authorization: Basic YWRtaW46cGFzc3dvcmQ=" in req:
        c.sendall(b"HTTP/1.1 200 OK\r\nServer: httpd\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
    else:
        c.sendall(b"HTTP/1.1 401 Unauthorized\r\nServer: httpd\r\nWWW-Authenticate: Basic realm=\"router\"\r\n"
                  b"Content-Length: 0\r\nConnection: close\r\n\r\n")


def fortigate(c):
    c.recv(4096)
    c.sendall(b"HTTP/1.1 302 Found\r\nServer: xxxxxxxx-xxxxx\r\nLocation: /remote/login?lang=en\r\n"
              b"Content-Length: 0\r\nConnection: close\r\n\r\n")


def mssql(c):
    req = c.recv(4096)
    if not req.startswith(b"\x12"):		# not a PRELOGIN: close, as SQL Server does
        return
    # [MS-TDS] 2.2.6.5: option table (VERSION, ENCRYPTION, INSTOPT, THREADID, MARS, 0xFF), then data:
    # VERSION = 15.0 build 2000 sub-build 5, ENCRYPT_OFF, INSTOPT "", no thread id, MARS off.
    c.sendall(bytes.fromhex("0401002b0000010000001a00060100200001020021000103002200000400220001ff"
                            "0f0007d00005000000"))


def sip_answer(request):
    """RFC 3261 §8.2.6: copy Via, From, To (with a tag), Call-ID and CSeq; 200 to OPTIONS."""
    lines = request.decode("latin-1").split("\r\n")
    if not lines or not lines[0].startswith("OPTIONS "):
        return None
    keep = [l for l in lines[1:] if l.split(":")[0].strip().lower() in ("via", "from", "to", "call-id", "cseq")]
    keep = [l + ";tag=as1234" if l.lower().startswith("to:") else l for l in keep]
    return ("SIP/2.0 200 OK\r\n" + "\r\n".join(keep) + "\r\nServer: Asterisk PBX 16.28.0\r\n"
            "Allow: INVITE, ACK, CANCEL, OPTIONS, BYE, REFER, SUBSCRIBE, NOTIFY, INFO, PUBLISH, MESSAGE\r\n"
            "Accept: application/sdp\r\nContent-Length: 0\r\n\r\n").encode()


def sip_tcp(c):
    answer = sip_answer(c.recv(4096))
    if answer:
        c.sendall(answer)


def sip_udp():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((ADDR, 5060))
    while True:
        data, peer = s.recvfrom(4096)
        answer = sip_answer(data)
        if answer:
            s.sendto(answer, peer)


def bind_shell(c):
    c.sendall(b"sh-5.2# ")
    data = c.recv(4096)
    for n, line in enumerate(data.split(b"\r\n")[:2], 1):
        c.sendall(b"sh: %d: %s: not found\n" % (n, line.split(b" ")[0]))


def old_web(c):
    c.recv(4096)
    c.sendall(b"HTTP/1.0 200 OK\r\nServer: Boa/0.94.14rc21\r\nContent-Length: 0\r\n\r\n")


def iosxe_implanted(c):
    req = c.recv(4096)
    if req.startswith(b"POST /webui/logoutconfirm.html?logon_hash=1 "):
        body = b"0ff2ecd3c8e2d5b3b3"
    elif req.startswith(b"GET / "):
        body = b"<script>window.onload=function(){ url ='/webui';window.location.href=url;}</script>"
    else:
        c.sendall(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        return
    c.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\nConnection: close\r\n\r\n"
              % len(body) + body)


def server_header(status, server):
    def serve(c):
        c.recv(4096)
        c.sendall(b"HTTP/1.1 " + status + b"\r\nServer: " + server + b"\r\nContent-Length: 0\r\n"
                  b"Connection: close\r\n\r\n")
    return serve


def redirect(where, title):
    def serve(c):
        c.recv(4096)
        c.sendall(b"HTTP/1.1 302 Found\r\nLocation: " + where + b"\r\nContent-Type: text/html\r\n"
                  b"Connection: close\r\n\r\n<html><head><title>" + title + b"</title></head></html>")
    return serve


SERVICES = {
    3389: rdp(bytes.fromhex("0300080005000000")),
    3390: rdp(bytes.fromhex("0203080001000000")),	# a Windows server: DYNVC_GFX set, TLS
    5900: vnc,
    2222: banner(b"SSH-2.0-OpenSSH_7.4\r\n"),
    2323: yamaha_telnet,
    2324: cisco_telnet,
    8081: basic_web,
    10443: fortigate,
    4433: old_web,
    1433: mssql,
    5060: sip_tcp,
    31337: bind_shell,
    4443: redirect(b"/global-protect/login.esp", b"GlobalProtect Portal"),
    9443: redirect(b"/logon/LogonPoint/tmindex.html", b"NetScaler Gateway"),
    8444: server_header(b"302 Found\r\nLocation: /cgi-bin/welcome", b"SonicWALL SSL-VPN Web Server"),
    8083: server_header(b"200 OK", b"SonicWALL"),
    8082: iosxe_implanted,
}


def handle(port, c):
    try:
        c.settimeout(5)
        if port == 10443:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(CERT, KEY)
            c = ctx.wrap_socket(c, server_side=True)
        elif port in (4443, 9443, 8444):
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(CERT, KEY)
            c = ctx.wrap_socket(c, server_side=True)
        elif port == 4433:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.minimum_version = ssl.TLSVersion.TLSv1
            ctx.maximum_version = ssl.TLSVersion.TLSv1_2
            ctx.set_ciphers("ALL:@SECLEVEL=0")
            ctx.load_cert_chain(CERT, KEY)
            c = ctx.wrap_socket(c, server_side=True)
        SERVICES[port](c)
    except (OSError, ssl.SSLError):
        pass
    finally:
        c.close()


def listen(port):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((ADDR, port))
    s.listen(16)
    while True:
        c, _ = s.accept()
        threading.Thread(target=handle, args=(port, c), daemon=True).start()


for p in SERVICES:
    threading.Thread(target=listen, args=(p,), daemon=True).start()
threading.Thread(target=sip_udp, daemon=True).start()
time.sleep(LIFETIME)
