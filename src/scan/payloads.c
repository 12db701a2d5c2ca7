/*
 * payloads.c - what a UDP probe says, per port: a request the service must
 * answer, built here from the protocol's own specification (the RFC or the
 * vendor's document named at each builder). A port without one gets an
 * empty datagram. Written for medsec; no other scanner's probe files.
 */
#include <stdio.h>
#include <string.h>

#include "medsec/scan.h"

struct out {
	uint8_t *p;
	size_t n, cap;
};

static void put(struct out *o, const void *data, size_t len)
{
	if (o->n + len <= o->cap)
		memcpy(o->p + o->n, data, len);
	o->n += len;
}

static void put8(struct out *o, unsigned v)
{
	uint8_t b = (uint8_t)v;

	put(o, &b, 1);
}

static void put16(struct out *o, unsigned v)
{
	put8(o, v >> 8);
	put8(o, v);
}

static void put32(struct out *o, uint32_t v)
{
	put16(o, v >> 16);
	put16(o, v & 0xffff);
}

static void put_str(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

/* Writes a 16-bit length at offset at (big-endian), for headers that count themselves. */
static void patch16(struct out *o, size_t at, size_t value)
{
	if (at + 2 <= o->cap) {
		o->p[at] = (uint8_t)(value >> 8);
		o->p[at + 1] = (uint8_t)value;
	}
}

/* DNS name from dotted text (RFC 1035 §3.1). */
static void put_name(struct out *o, const char *dotted)
{
	while (*dotted) {
		const char *dot = strchr(dotted, '.');
		size_t len = dot ? (size_t)(dot - dotted) : strlen(dotted);

		put8(o, (unsigned)len);
		put(o, dotted, len);
		dotted += len + (dot != NULL);
	}
	put8(o, 0);
}

/* DNS (RFC 1035): a recursive query for the root's NS records; any server answers it, if only REFUSED. */
static void dns(struct out *o, uint16_t id, int variant)
{
	put16(o, id);
	put16(o, 0x0100); /* RD */
	put16(o, 1);
	put16(o, 0);
	put16(o, 0);
	put16(o, 0);
	put_name(o, "");
	put16(o, 2); /* NS */
	put16(o, 1); /* IN */
}

/* mDNS (RFC 6762, RFC 6763 §9): the service enumeration query, asking for a unicast reply. */
static void mdns(struct out *o, uint16_t id, int variant)
{
	put16(o, 0);
	put16(o, 0);
	put16(o, 1);
	put16(o, 0);
	put16(o, 0);
	put16(o, 0);
	put_name(o, "_services._dns-sd._udp.local");
	put16(o, 12);     /* PTR */
	put16(o, 0x8001); /* QU bit, IN */
}

/* NTP (RFC 5905): a version 4 client request. */
static void ntp(struct out *o, uint16_t id, int variant)
{
	uint8_t pkt[48] = { 0xe3 }; /* LI 3 (unsynchronised), VN 4, mode 3 (client) */

	put(o, pkt, sizeof(pkt));
}

/* SNMP (RFC 3416, RFC 1157): get sysDescr.0 with community "public"; v2c first, then v1. */
static void snmp(struct out *o, uint16_t id, int variant)
{
	static const uint8_t sysdescr[] = { 0x30, 0x0e, 0x30, 0x0c, 0x06, 0x08, 0x2b, 0x06,
		                            0x01, 0x02, 0x01, 0x01, 0x01, 0x00, 0x05, 0x00 };

	put8(o, 0x30);
	put8(o, 41);
	put8(o, 0x02);
	put8(o, 1);
	put8(o, variant & 1 ? 0 : 1); /* version: 1 = v2c, 0 = v1 */
	put8(o, 0x04);
	put8(o, 6);
	put_str(o, "public");
	put8(o, 0xa0); /* GetRequest */
	put8(o, 28);
	put8(o, 0x02);
	put8(o, 4);
	put32(o, 0x4d530000u | id); /* request-id */
	put8(o, 0x02);
	put8(o, 1);
	put8(o, 0); /* error-status */
	put8(o, 0x02);
	put8(o, 1);
	put8(o, 0); /* error-index */
	put(o, sysdescr, sizeof(sysdescr));
}

/* NetBIOS name service (RFC 1002 §4.2.17): a node status request for "*". */
static void netbios(struct out *o, uint16_t id, int variant)
{
	put16(o, id);
	put16(o, 0);
	put16(o, 1);
	put16(o, 0);
	put16(o, 0);
	put16(o, 0);
	put8(o, 32);
	put_str(o, "CKAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"); /* '*' and 15 NULs, half-octet encoded */
	put8(o, 0);
	put16(o, 0x21); /* NBSTAT */
	put16(o, 1);
}

/* SSDP (UPnP Device Architecture 2.0 §1.3.2): a unicast M-SEARCH for everything. */
static void ssdp(struct out *o, uint16_t id, int variant)
{
	put_str(o, "M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\n"
	           "MAN: \"ssdp:discover\"\r\nMX: 1\r\nST: ssdp:all\r\n\r\n");
}

/* TFTP (RFC 1350): a read request for a file no one has; an ERROR packet still proves a server. */
static void tftp(struct out *o, uint16_t id, int variant)
{
	put16(o, 1); /* RRQ */
	put_str(o, "medsec-probe.txt");
	put8(o, 0);
	put_str(o, "octet");
	put8(o, 0);
}

/* memcached (protocol.txt, "UDP protocol"): the frame header, then "version". */
static void memcached(struct out *o, uint16_t id, int variant)
{
	put16(o, id);
	put16(o, 0);
	put16(o, 1);
	put16(o, 0);
	put_str(o, "version\r\n");
}

/* IPMI (DMTF ASF 2.0 §3.2.4.1): an RMCP presence ping. */
static void ipmi(struct out *o, uint16_t id, int variant)
{
	put8(o, 0x06); /* RMCP version 1.0 */
	put8(o, 0);
	put8(o, 0xff);  /* no ACK */
	put8(o, 0x06);  /* class: ASF */
	put32(o, 4542); /* IANA enterprise number of the ASF */
	put8(o, 0x80);  /* presence ping */
	put8(o, id & 0xff);
	put8(o, 0);
	put8(o, 0);
}

/* CoAP (RFC 7252, RFC 6690): a confirmable GET of /.well-known/core. */
static void coap(struct out *o, uint16_t id, int variant)
{
	put8(o, 0x40); /* version 1, CON, no token */
	put8(o, 0x01); /* GET */
	put16(o, id);
	put8(o, 0xbb); /* option 11 (Uri-Path), 11 bytes */
	put_str(o, ".well-known");
	put8(o, 0x04); /* Uri-Path again, 4 bytes */
	put_str(o, "core");
}

/* SIP (RFC 3261 §11): OPTIONS, which every SIP element must answer. */
static void sip(struct out *o, uint16_t id, int variant)
{
	char buf[512];
	int n = snprintf(buf, sizeof(buf),
	                 "OPTIONS sip:medsec@invalid SIP/2.0\r\n"
	                 "Via: SIP/2.0/UDP 0.0.0.0:5060;branch=z9hG4bK%04x;rport\r\n"
	                 "Max-Forwards: 70\r\nTo: <sip:medsec@invalid>\r\n"
	                 "From: <sip:medsec@invalid>;tag=%04x\r\nCall-ID: %04x@medsec\r\n"
	                 "CSeq: 1 OPTIONS\r\nContact: <sip:medsec@0.0.0.0>\r\n"
	                 "Accept: application/sdp\r\nContent-Length: 0\r\n\r\n",
	                 id, id, id);

	put(o, buf, n > 0 ? (size_t)n : 0);
}

/* OpenVPN (its protocol description, ssl.h): P_CONTROL_HARD_RESET_CLIENT_V2 with no tls-auth. */
static void openvpn(struct out *o, uint16_t id, int variant)
{
	put8(o, 7 << 3);       /* opcode 7, key id 0 */
	put32(o, 0x4d536563u); /* our session id, 8 bytes */
	put32(o, id);
	put8(o, 0);  /* no acknowledgements */
	put32(o, 0); /* message packet-id */
}

/* WS-Discovery (OASIS 1.1 §5.2): a Probe for any type. */
static void wsd(struct out *o, uint16_t id, int variant)
{
	char buf[768];
	int n = snprintf(
	        buf, sizeof(buf),
	        "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
	        "<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\" "
	        "xmlns:wsa=\"http://schemas.xmlsoap.org/ws/2004/08/addressing\" "
	        "xmlns:wsd=\"http://schemas.xmlsoap.org/ws/2005/04/discovery\"><soap:Header>"
	        "<wsa:To>urn:schemas-xmlsoap-org:ws:2005:04:discovery</wsa:To>"
	        "<wsa:Action>http://schemas.xmlsoap.org/ws/2005/04/discovery/Probe</wsa:Action>"
	        "<wsa:MessageID>urn:uuid:6d656473-6563-4000-8000-00000000%04x</wsa:MessageID>"
	        "</soap:Header><soap:Body><wsd:Probe/></soap:Body></soap:Envelope>",
	        id);

	put(o, buf, n > 0 ? (size_t)n : 0);
}

/* RADIUS (RFC 2865): an Access-Request for a user no one has; a server that knows us rejects it. */
static void radius(struct out *o, uint16_t id, int variant)
{
	size_t start = o->n;

	put8(o, 1); /* Access-Request */
	put8(o, id & 0xff);
	put16(o, 0); /* length, below */
	for (int i = 0; i < 4; i++)
		put32(o, 0x4d530000u + (uint32_t)id * 4u + (uint32_t)i); /* authenticator */
	put8(o, 1);                                                      /* User-Name */
	put8(o, 8);
	put_str(o, "medsec");
	patch16(o, start + 2, o->n - start);
}

/* L2TP (RFC 2661 §6.1): a Start-Control-Connection-Request. */
static void l2tp(struct out *o, uint16_t id, int variant)
{
	size_t start = o->n;

	put16(o, 0xc802); /* T, L, S bits; version 2 */
	put16(o, 0);      /* length, below */
	put16(o, 0);      /* tunnel id */
	put16(o, 0);      /* session id */
	put16(o, 0);      /* Ns */
	put16(o, 0);      /* Nr */
	put16(o, 0x8008); /* AVP: M bit, length 8: Message Type = SCCRQ */
	put16(o, 0);
	put16(o, 0);
	put16(o, 1);
	put16(o, 0x8008); /* Protocol Version 1.0 */
	put16(o, 0);
	put16(o, 2);
	put16(o, 0x0100);
	put16(o, 0x800a); /* Framing Capabilities: sync and async */
	put16(o, 0);
	put16(o, 3);
	put32(o, 3);
	put16(o, 0x800c); /* Host Name "medsec" */
	put16(o, 0);
	put16(o, 7);
	put_str(o, "medsec");
	put16(o, 0x8008); /* Assigned Tunnel ID */
	put16(o, 0);
	put16(o, 9);
	put16(o, id ? id : 1);
	patch16(o, start + 2, o->n - start);
}

/* IKE (RFC 2409, RFC 2408): a Main Mode SA proposal (3DES, SHA-1, PSK, group 2); NAT-T adds a marker. */
static void ike(struct out *o, uint16_t id, int nat_t)
{
	static const uint8_t attrs[] = {
		0x80, 0x01, 0x00, 0x05,                         /* encryption: 3DES-CBC */
		0x80, 0x02, 0x00, 0x02,                         /* hash: SHA */
		0x80, 0x03, 0x00, 0x01,                         /* authentication: pre-shared key */
		0x80, 0x04, 0x00, 0x02,                         /* group 2 */
		0x80, 0x0b, 0x00, 0x01,                         /* life type: seconds */
		0x00, 0x0c, 0x00, 0x04, 0x00, 0x00, 0x70, 0x80, /* life duration: 28800 */
	};
	if (nat_t)
		put32(o, 0);   /* non-ESP marker (RFC 3948 §2.2) */
	put32(o, 0x4d536563u); /* initiator cookie */
	put32(o, id);
	put32(o, 0); /* responder cookie */
	put32(o, 0);
	put8(o, 1);    /* next payload: SA */
	put8(o, 0x10); /* version 1.0 */
	put8(o, 2);    /* exchange: identity protection (Main Mode) */
	put8(o, 0);
	put32(o, 0); /* message id */
	put32(o, 28 + 12 + 8 + 8 + sizeof(attrs));
	put8(o, 0); /* SA payload */
	put8(o, 0);
	put16(o, 12 + 8 + 8 + sizeof(attrs));
	put32(o, 1); /* DOI: IPsec */
	put32(o, 1); /* situation: identity only */
	put8(o, 0);  /* proposal payload */
	put8(o, 0);
	put16(o, 8 + 8 + sizeof(attrs));
	put8(o, 1); /* proposal #1 */
	put8(o, 1); /* protocol: ISAKMP */
	put8(o, 0); /* SPI size */
	put8(o, 1); /* one transform */
	put8(o, 0); /* transform payload */
	put8(o, 0);
	put16(o, 8 + sizeof(attrs));
	put8(o, 1); /* transform #1 */
	put8(o, 1); /* KEY_IKE */
	put16(o, 0);
	put(o, attrs, sizeof(attrs));
}

/*
 * IKEv2 (RFC 7296 §1.2, §3): IKE_SA_INIT offering AES-CBC-128, HMAC-SHA1, MODP-2048; a
 * responder with no matching policy still answers (NO_PROPOSAL_CHOSEN). The KE data only
 * has to be of the group's length: no exchange is ever completed.
 */
static void ikev2(struct out *o, uint16_t id, int nat_t)
{
	static const uint8_t transforms[] = {
		3, 0, 0, 12, 1, 0, 0, 12, 0x80, 0x0e, 0x00, 0x80, /* ENCR AES-CBC, 128-bit key */
		3, 0, 0, 8,  2, 0, 0, 2,                          /* PRF HMAC-SHA1 */
		3, 0, 0, 8,  3, 0, 0, 2,                          /* INTEG HMAC-SHA1-96 */
		0, 0, 0, 8,  4, 0, 0, 14,                         /* D-H group 14 */
	};
	size_t sa = 4 + 8 + sizeof(transforms), ke = 8 + 256, nonce = 4 + 32;

	if (nat_t)
		put32(o, 0);   /* non-ESP marker */
	put32(o, 0x4d536563u); /* initiator SPI */
	put32(o, id);
	put32(o, 0); /* responder SPI */
	put32(o, 0);
	put8(o, 33);   /* next payload: SA */
	put8(o, 0x20); /* version 2.0 */
	put8(o, 34);   /* IKE_SA_INIT */
	put8(o, 0x08); /* initiator */
	put32(o, 0);   /* message id */
	put32(o, (uint32_t)(28 + sa + ke + nonce));
	put8(o, 34); /* SA, then KE */
	put8(o, 0);
	put16(o, (unsigned)sa);
	put8(o, 0); /* the last proposal */
	put8(o, 0);
	put16(o, (unsigned)(8 + sizeof(transforms)));
	put8(o, 1); /* proposal 1 */
	put8(o, 1); /* IKE */
	put8(o, 0); /* no SPI */
	put8(o, 4); /* transforms */
	put(o, transforms, sizeof(transforms));
	put8(o, 40); /* KE, then Nonce */
	put8(o, 0);
	put16(o, (unsigned)ke);
	put16(o, 14); /* D-H group */
	put16(o, 0);
	for (int i = 0; i < 256; i++)
		put8(o, (unsigned)(0x5a ^ i ^ id));
	put8(o, 0); /* Nonce, the last payload */
	put8(o, 0);
	put16(o, (unsigned)nonce);
	for (int i = 0; i < 32; i++)
		put8(o, (unsigned)(0xa5 ^ (i * 7) ^ (id >> 8)));
}

/* IKE: IKEv1 Main Mode on the first try, IKEv2 IKE_SA_INIT on the next. */
static void ike_nat_t(struct out *o, uint16_t id, int variant)
{
	if (variant & 1)
		ikev2(o, id, 1);
	else
		ike(o, id, 1);
}

static void ike_plain(struct out *o, uint16_t id, int variant)
{
	if (variant & 1)
		ikev2(o, id, 0);
	else
		ike(o, id, 0);
}

static const struct {
	uint16_t port;
	const char *name;
	void (*build)(struct out *o, uint16_t id, int variant);
} payloads[] = {
	{ 53, "dns", dns },
	{ 69, "tftp", tftp },
	{ 123, "ntp", ntp },
	{ 137, "netbios-ns", netbios },
	{ 161, "snmp", snmp },
	{ 500, "ike", ike_plain },
	{ 623, "ipmi", ipmi },
	{ 1194, "openvpn", openvpn },
	{ 1701, "l2tp", l2tp },
	{ 1812, "radius", radius },
	{ 1900, "ssdp", ssdp },
	{ 3702, "ws-discovery", wsd },
	{ 4500, "ike-nat-t", ike_nat_t },
	{ 5060, "sip", sip },
	{ 5353, "mdns", mdns },
	{ 5683, "coap", coap },
	{ 11211, "memcached", memcached },
};

size_t scan_udp_payload(uint16_t port, uint16_t id, int variant, uint8_t *buf, size_t cap,
                        const char **name)
{
	struct out o = { buf, 0, cap };

	*name = "empty";
	for (size_t i = 0; i < sizeof(payloads) / sizeof(payloads[0]); i++) {
		if (payloads[i].port != port)
			continue;
		*name = payloads[i].name;
		payloads[i].build(&o, id, variant);
		return o.n <= cap ? o.n : 0;
	}
	return 0;
}

const char *scan_udp_default_ports(void)
{
	return "53,69,123,137,161,500,623,1194,1604,1701,1812,1900,3702,4500,5060,5353,5683,11211";
}
