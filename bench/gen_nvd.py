#!/usr/bin/env python3
"""gen_nvd.py - a full-size synthetic NVD corpus for bench/vulndb.sh.

Writes yearly NVD CVE API 2.0 feed files (nvdcve-2.0-YYYY.json, the structure NVD publishes:
{"resultsPerPage", "startIndex", "totalResults", "format": "NVD_CVE", "version": "2.0",
"timestamp", "vulnerabilities": [{"cve": {...}}]}) with the shape and distributions of real
records: about a quarter not yet analysed (no configurations), cpeMatch counts with a long tail
(median 3, a few hundred at most), version ranges and exact versions, AND configurations pairing
firmware with hardware, CVSS v3.1 with NVD's full cvssData, v2 on older years, references and
weaknesses. Vendors and products follow a Zipf-like popularity, as in NVD (a few vendors own
most records). The 23 real records of tests/fixtures are added as they are.

Also writes queries.tsv: vendor, product, version triples to look up (products that exist,
versions drawn like the ranges), for the lookup benchmark.

Usage: gen_nvd.py OUTDIR [RECORDS] [SEED]
"""
import json
import os
import random
import sys

OUT = sys.argv[1]
N = int(sys.argv[2]) if len(sys.argv) > 2 else 300000
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 2026)
SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

SYLL = ["ka", "ri", "to", "net", "sys", "soft", "tec", "ware", "data", "link", "core", "web", "sec",
        "med", "cloud", "tron", "io", "lab", "byte", "gate", "micro", "nova", "ion", "max"]


def word(k):
    return "".join(rng.choice(SYLL) for _ in range(k))


VENDORS = [word(rng.randint(2, 3)) + str(i) for i in range(20000)]
PRODUCTS = {}


CUM = []
_acc = 0.0
for _i in range(len(VENDORS)):
    _acc += 1.0 / (_i + 1) ** 1.07	# Zipf-like: index 0 is the most popular vendor
    CUM.append(_acc)


def zipf_vendor():
    return rng.choices(VENDORS, cum_weights=CUM)[0]


RANK = {v: i for i, v in enumerate(VENDORS)}


def vendor_products(v):
    # Popular vendors have many products (Microsoft, Cisco: hundreds), the tail a few.
    p = PRODUCTS.get(v)
    if p is None:
        n = max(1, int(400 / (RANK[v] + 1) ** 0.8)) + rng.randint(0, 3)
        p = [word(rng.randint(1, 3)) + rng.choice(["", "_server", "_firmware", "_client", "_os"]) + str(k)
             for k in range(n)]
        PRODUCTS[v] = (p, list(__import__("itertools").accumulate(1.0 / (k + 1) for k in range(n))))
    return PRODUCTS[v][0]


def pick_product(v):
    prods = vendor_products(v)
    return rng.choices(prods, cum_weights=PRODUCTS[v][1])[0]


def version():
    k = rng.choice([2, 3, 3, 3, 4])
    parts = [str(rng.randint(0, 20))] + [str(rng.randint(0, 30)) for _ in range(k - 1)]
    return ".".join(parts)


AV = ["N", "N", "N", "A", "L", "P"]
LVL = ["H", "L", "N"]


def roundup(x):
    n = round(x * 100000)
    return n / 100000.0 if n % 10000 == 0 else (n // 10000 + 1) / 10.0


def base_score(m):
    # FIRST CVSS v3.1 specification, section 7.
    av = {"N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2}[m["AV"]]
    ac = {"L": 0.77, "H": 0.44}[m["AC"]]
    changed = m["S"] == "C"
    pr = {"N": 0.85, "L": 0.68 if changed else 0.62, "H": 0.5 if changed else 0.27}[m["PR"]]
    ui = {"N": 0.85, "R": 0.62}[m["UI"]]
    cia = {"H": 0.56, "L": 0.22, "N": 0.0}
    iss = 1 - (1 - cia[m["C"]]) * (1 - cia[m["I"]]) * (1 - cia[m["A"]])
    impact = 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15 if changed else 6.42 * iss
    expl = 8.22 * av * ac * pr * ui
    if impact <= 0:
        return 0.0
    return roundup(min(1.08 * (impact + expl), 10)) if changed else roundup(min(impact + expl, 10))


def cvss31(source="nvd@nist.gov", kind="Primary"):
    m = dict(AV=rng.choice(AV), AC=rng.choice("LLLH"), PR=rng.choice("NNLH"), UI=rng.choice("NNR"),
             S=rng.choice("UUUC"), C=rng.choice(LVL), I=rng.choice(LVL), A=rng.choice(LVL))
    vec = "CVSS:3.1/" + "/".join(f"{k}:{v}" for k, v in m.items())
    score = base_score(m)
    names = {"N": "NETWORK", "A": "ADJACENT_NETWORK", "L": "LOCAL", "P": "PHYSICAL"}
    return {"source": source, "type": kind, "cvssData": {
        "version": "3.1", "vectorString": vec, "baseScore": score,
        "baseSeverity": "CRITICAL" if score >= 9 else "HIGH" if score >= 7 else "MEDIUM",
        "attackVector": names[m["AV"]], "attackComplexity": "LOW" if m["AC"] == "L" else "HIGH",
        "privilegesRequired": {"N": "NONE", "L": "LOW", "H": "HIGH"}[m["PR"]],
        "userInteraction": "NONE" if m["UI"] == "N" else "REQUIRED",
        "scope": "UNCHANGED" if m["S"] == "U" else "CHANGED",
        "confidentialityImpact": {"N": "NONE", "L": "LOW", "H": "HIGH"}[m["C"]],
        "integrityImpact": {"N": "NONE", "L": "LOW", "H": "HIGH"}[m["I"]],
        "availabilityImpact": {"N": "NONE", "L": "LOW", "H": "HIGH"}[m["A"]]},
        "exploitabilityScore": 3.9, "impactScore": 5.9}


def cpe(part, v, p, ver="*"):
    return f"cpe:2.3:{part}:{v}:{p}:{ver}:*:*:*:*:*:*:*"


def matches(v):
    # cpeMatch count: median 3, long tail.
    n = max(1, min(600, int(rng.paretovariate(0.9))))
    out = []
    base = pick_product(v)
    for _ in range(n):
        p = base if rng.random() < 0.7 else pick_product(v)	# most records name one product
        m = {"vulnerable": True, "matchCriteriaId": "%08X-0000-4000-8000-%012X" % (rng.getrandbits(32), rng.getrandbits(48))}
        r = rng.random()
        if r < 0.45:
            m["criteria"] = cpe("a" if not p.endswith("_firmware") else "o", v, p, version())
        else:
            m["criteria"] = cpe("a" if not p.endswith("_firmware") else "o", v, p)
            a = version()
            b = a.split(".")
            b[-1] = str(int(b[-1]) + rng.randint(1, 9))
            if r < 0.8:
                m["versionStartIncluding"] = a
            m["versionEndExcluding" if rng.random() < 0.7 else "versionEndIncluding"] = ".".join(b)
        out.append(m)
    return out


def record(i, year):
    v = zipf_vendor()
    rec = {
        "id": f"CVE-{year}-9{i:05d}",	# 9xxxxx: never one of the real fixture ids
        "sourceIdentifier": "cve@mitre.org",
        "published": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T10:15:{rng.randint(10, 59)}.000",
        "lastModified": f"{min(2026, year + rng.randint(0, 3))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T12:00:00.000",
        "vulnStatus": "Analyzed",
        "cveTags": [],
        "descriptions": [{"lang": "en", "value": ("A vulnerability in %s %s allows a remote attacker to "
                                                  % (v, pick_product(v)))
                          + " ".join(word(2) for _ in range(rng.randint(20, 90))) + "."}]
        + ([{"lang": "es", "value": "Una vulnerabilidad en %s permite " % v
             + " ".join(word(2) for _ in range(rng.randint(25, 100))) + "."}] if rng.random() < 0.6 else []),
        "metrics": {},
        "weaknesses": [{"source": "nvd@nist.gov", "type": "Primary",
                        "description": [{"lang": "en", "value": "CWE-%d" % rng.choice([79, 89, 787, 22, 20, 125, 352, 416, 78, 287])}]}],
        "references": [{"url": "https://%s.example/advisory/%d/%s" % (v, year, word(3)), "source": "cve@mitre.org",
                        "tags": rng.choice([["Vendor Advisory"], ["Third Party Advisory"], ["Patch", "Vendor Advisory"], []])}
                       for _ in range(max(1, min(60, int(rng.expovariate(1 / 9)))))],
    }
    if rng.random() < 0.92:
        rec["metrics"]["cvssMetricV31"] = [cvss31()] + (
            [cvss31("psirt@%s.example" % v, "Secondary")] if rng.random() < 0.6 else [])
    if year < 2016 or rng.random() < 0.1:
        rec["metrics"]["cvssMetricV2"] = [{"source": "nvd@nist.gov", "type": "Primary", "cvssData": {
            "version": "2.0", "vectorString": "AV:N/AC:L/Au:N/C:P/I:P/A:P", "baseScore": 7.5},
            "baseSeverity": "HIGH", "exploitabilityScore": 10.0, "impactScore": 6.4}]
    if rng.random() < 0.25:
        rec["vulnStatus"] = rng.choice(["Awaiting Analysis", "Received", "Undergoing Analysis"])
        return rec
    nodes = [{"operator": "OR", "negate": False, "cpeMatch": matches(v)}]
    if rng.random() < 0.1:
        hw = [{"vulnerable": False, "criteria": cpe("h", v, word(2) + "-" + str(rng.randint(10, 999)), "-"),
               "matchCriteriaId": "%08X-0000-4000-8000-%012X" % (rng.getrandbits(32), rng.getrandbits(48))}
              for _ in range(rng.randint(1, 20))]
        rec["configurations"] = [{"operator": "AND", "nodes": nodes + [{"operator": "OR", "negate": False, "cpeMatch": hw}]}]
    else:
        rec["configurations"] = [{"nodes": nodes}]
    return rec


def main():
    os.makedirs(OUT, exist_ok=True)
    years = list(range(2002, 2027))
    # NVD's yearly sizes grow: recent years hold most records.
    weights = [1 + (y - 2002) ** 1.6 for y in years]
    total = sum(weights)
    counts = [int(N * w / total) for w in weights]
    counts[-1] += N - sum(counts)
    queries = []
    size = 0
    for year, n in zip(years, counts):
        vulns = []
        for i in range(n):
            r = record(i + 1, year)
            vulns.append({"cve": r})
            if len(queries) < 20000 and rng.random() < 0.2 and "configurations" in r:
                m = rng.choice(r["configurations"][0]["nodes"][0]["cpeMatch"])
                parts = m["criteria"].split(":")
                ver = parts[5] if parts[5] != "*" else m.get("versionStartIncluding", version())
                queries.append((parts[3], parts[4], ver))
        if year == 2026:
            with open(os.path.join(SRC, "tests/fixtures/nvd/nvd_api2_bundle.json")) as f:
                vulns += json.load(f)["vulnerabilities"]
        page = {"resultsPerPage": len(vulns), "startIndex": 0, "totalResults": len(vulns),
                "format": "NVD_CVE", "version": "2.0", "timestamp": "2026-11-23T00:00:00.000",
                "vulnerabilities": vulns}
        path = os.path.join(OUT, f"nvdcve-2.0-{year}.json")
        with open(path, "w") as f:
            json.dump(page, f, separators=(",", ":"))
        size += os.path.getsize(path)
    queries += [("fortinet", "fortios", "7.2.6"), ("openbsd", "openssh", "9.2p1"), ("cisco", "ios_xe", "17.6.6")] * 100
    rng.shuffle(queries)
    with open(os.path.join(OUT, "queries.tsv"), "w") as f:
        for q in queries[:10000]:
            f.write("\t".join(q) + "\n")
    print(f"{N + 23} records, {size / 1048576:.0f} MiB of JSON in {len(years)} yearly files")


main()
