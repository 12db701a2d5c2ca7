#!/usr/bin/env python3
"""feed_server.py - NVD, KEV and MyJVN endpoints on loopback for tests/integration/vulndb_update.sh.

Serves the real fixtures the way the services answer: NVD CVE API 2.0 pages (lastModStartDate /
lastModEndDate filtering, startIndex, at most PAGE records a page whatever is asked, as the API
may), the KEV catalogue, MyJVN getVulnOverviewList (status:Status totalRes) and getVulnDetailInfo.
/fail/... answers 500. Every request is logged (time, path) to LOG. Binds 127.0.0.1 only; writes
its port to PORTFILE; stops after LIFETIME seconds.
Usage: feed_server.py FIXTURES PORTFILE LOG [LIFETIME]
"""
import http.server
import json
import os
import sys
import threading
import time
import urllib.parse

FX, PORTFILE, LOG = sys.argv[1], sys.argv[2], sys.argv[3]
LIFETIME = float(sys.argv[4]) if len(sys.argv) > 4 else 120
PAGE = 10
with open(os.path.join(FX, "nvd/nvd_api2_bundle.json")) as f:
    NVD = json.load(f)["vulnerabilities"]


def read(rel):
    with open(os.path.join(FX, rel), "rb") as f:
        return f.read()


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send(self, body, ctype, code=200):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        with open(LOG, "a") as log:
            log.write("%.3f %s %s\n" % (time.time(), self.path, self.headers.get("apiKey", "-")))
        url = urllib.parse.urlparse(self.path)
        q = dict(urllib.parse.parse_qsl(url.query))
        if url.path.startswith("/fail"):
            return self.send(b"no", "text/plain", 500)
        if url.path == "/nvd":
            recs = NVD
            if "lastModStartDate" in q:
                lo, hi = q["lastModStartDate"][:19], q["lastModEndDate"][:19]
                recs = [r for r in recs if lo <= r["cve"]["lastModified"][:19] <= hi]
            start = int(q.get("startIndex", 0))
            n = min(int(q.get("resultsPerPage", 2000)), PAGE)
            page = recs[start:start + n]
            body = {"resultsPerPage": len(page), "startIndex": start, "totalResults": len(recs),
                    "format": "NVD_CVE", "version": "2.0", "timestamp": "2026-11-23T00:00:00.000",
                    "vulnerabilities": page}
            return self.send(json.dumps(body).encode(), "application/json")
        if url.path == "/kev":
            return self.send(read("kev/known_exploited_vulnerabilities.json"), "application/json")
        if url.path == "/myjvn" and q.get("method") == "getVulnOverviewList":
            return self.send(read("jvn/getVulnOverviewList_hnd.xml"), "application/xml")
        if url.path == "/myjvn" and q.get("method") == "getVulnDetailInfo":
            return self.send(read("jvn/dataFeed_jvndb_detail_hnd.xml"), "application/xml")
        self.send(b"not found", "text/plain", 404)


srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(PORTFILE, "w") as f:
    f.write(str(srv.server_address[1]))
threading.Timer(LIFETIME, srv.shutdown).start()
srv.serve_forever()
