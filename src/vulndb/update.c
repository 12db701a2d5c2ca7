/*
 * update.c - `medsec vulndb update`: the same feeds as `import`, downloaded
 * with libcurl on a machine that has the internet (proxy from the usual
 * environment variables), incremental where the source allows it:
 *
 *   NVD CVE API 2.0  lastModStartDate/lastModEndDate from the index's newest
 *                    change, windows of at most 120 days (the API's limit),
 *                    2,000 records a page, one request per 6 s without an API
 *                    key (5 in 30 s allowed) or per 0.6 s with one (50 in 30 s);
 *   CISA KEV         the catalogue, one request;
 *   MyJVN            getVulnOverviewList from the index's newest JVN change
 *                    (datePublished*), 50 a page, then getVulnDetailInfo for the
 *                    affected versions, 10 ids a request, 2 requests a second
 *                    (the MyJVN FAQ asks for 2-3 a second at most).
 *
 * Every response is read into the builder as `import` would; nothing is
 * written unless all of it arrived and parsed (the caller writes the index).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "medsec/text.h"
#include "medsec/clock.h"
#include "medsec/mem.h"
#include "vulndb/vdb_int.h"

#define NVD_PAGE 2000
#define NVD_WINDOW_DAYS 120
#define JVN_PAGE 50
#define JVN_DETAIL_IDS 10
#define MAX_RESPONSE (512u << 20)

struct buf {
	char *p;
	size_t len, cap;
	int too_large;
};

static size_t on_data(char *data, size_t size, size_t n, void *ctx)
{
	struct buf *b = ctx;
	size_t k = size * n;

	if (b->len + k > MAX_RESPONSE) {
		b->too_large = 1;
		return 0;
	}
	if (b->len + k + 1 > b->cap) {
		while (b->len + k + 1 > b->cap)
			b->cap = b->cap ? b->cap * 2 : 1 << 16;
		b->p = ms_xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->len, data, k);
	b->len += k;
	b->p[b->len] = '\0';
	return k;
}

struct fetcher {
	CURL *curl;
	const struct vdb_update_opts *o;
	struct timespec last; /* when the last request of this source left */
	int delay_ms;
	int requests;
};

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (ms > 0 && nanosleep(&ts, &ts) != 0)
		;
}

/* GET url into out (new buffer); keeps the source's pace. */
static int fetch(struct fetcher *f, const char *url, const char *api_key, struct buf *out,
                 struct ms_error *err)
{
	struct curl_slist *hdr = NULL;
	struct timespec now;
	long status = 0;
	CURLcode rc;
	char what[600];

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (f->requests++) {
		long gone = (now.tv_sec - f->last.tv_sec) * 1000 +
		            (now.tv_nsec - f->last.tv_nsec) / 1000000;
		if (gone < f->delay_ms)
			sleep_ms(f->delay_ms - gone);
	}
	clock_gettime(CLOCK_MONOTONIC, &f->last);
	memset(out, 0, sizeof(*out));
	curl_easy_reset(f->curl);
	curl_easy_setopt(f->curl, CURLOPT_URL, url);
	curl_easy_setopt(f->curl, CURLOPT_WRITEFUNCTION, on_data);
	curl_easy_setopt(f->curl, CURLOPT_WRITEDATA, out);
	curl_easy_setopt(f->curl, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(f->curl, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(f->curl, CURLOPT_CONNECTTIMEOUT, 30L);
	curl_easy_setopt(f->curl, CURLOPT_LOW_SPEED_LIMIT, 100L); /* stalled 60 s: give up */
	curl_easy_setopt(f->curl, CURLOPT_LOW_SPEED_TIME, 60L);
	curl_easy_setopt(f->curl, CURLOPT_ACCEPT_ENCODING, ""); /* gzip when offered */
	curl_easy_setopt(f->curl, CURLOPT_USERAGENT, "medsec/" MEDSEC_VERSION);
	curl_easy_setopt(f->curl, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(f->curl, CURLOPT_NOSIGNAL, 1L);
	if (api_key) {
		char *h = ms_xasprintf("apiKey: %s", api_key);
		hdr = curl_slist_append(hdr, h);
		free(h);
		curl_easy_setopt(f->curl, CURLOPT_HTTPHEADER, hdr);
	}
	rc = curl_easy_perform(f->curl);
	curl_easy_getinfo(f->curl, CURLINFO_RESPONSE_CODE, &status);
	curl_slist_free_all(hdr);
	if (rc != CURLE_OK || status != 200) {
		if (out->too_large)
			snprintf(what, sizeof(what), "response over %u MiB", MAX_RESPONSE >> 20);
		else if (rc != CURLE_OK)
			snprintf(what, sizeof(what), "%s", curl_easy_strerror(rc));
		else
			snprintf(what, sizeof(what), "HTTP %ld", status);
		free(out->p);
		memset(out, 0, sizeof(*out));
		return ms_fail(err, MS_ERR_SYSTEM, MSG_VDB_DOWNLOAD, url, what);
	}
	if (!out->p) {
		out->p = ms_xstrdup("");
	}
	return 0;
}

/* ---- dates ---- */

static void civil_from_days(long z, int *y, unsigned *m, unsigned *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long yy = (long)yoe + era * 400;
	unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	unsigned mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yy + (*m <= 2));
}

/* Seconds since the epoch of "YYYY-MM-DDTHH:MM:SS…" (UTC; an offset is ignored); -1 if not a date. */
static long long iso_seconds(const char *s)
{
	int y, mo, d, h = 0, mi = 0, se = 0;
	const char *p = s;

	/* YYYY-MM-DD, then optionally THH:MM:SS (and whatever follows: fractions, a zone). */
	if (!(p = ms_read_digits(p, 4, 4, &y)) || *p++ != '-' ||
	    !(p = ms_read_digits(p, 2, 2, &mo)) || *p++ != '-' ||
	    !(p = ms_read_digits(p, 2, 2, &d)) || mo < 1 || mo > 12 || d < 1 || d > 31)
		return -1;
	if (*p == 'T' && (p = ms_read_digits(p + 1, 2, 2, &h)) && *p == ':' &&
	    (p = ms_read_digits(p + 1, 2, 2, &mi)) && *p == ':')
		ms_read_digits(p + 1, 2, 2, &se);
	return ms_days_from_civil(y, mo, d) * 86400LL + h * 3600 + mi * 60 + se;
}

static void iso_format(long long t, char *buf, size_t size)
{
	int y;
	unsigned m, d;
	long long day = t >= 0 ? t / 86400 : (t - 86399) / 86400;
	unsigned sec = (unsigned)(t - day * 86400); /* 0 .. 86399 */

	civil_from_days((long)day, &y, &m, &d);
	snprintf(buf, size, "%04d-%02u-%02uT%02u:%02u:%02u.000Z", y % 10000, m % 13, d % 32,
	         sec / 3600 % 24, sec / 60 % 60, sec % 60);
}

/* A number member ("totalResults", "resultsPerPage") near the start of an NVD page; -1 if absent. */
static long nvd_number(const char *p, size_t len, const char *key)
{
	const char *k;
	size_t scan = len < 4096 ? len : 4096;
	char head[4097], quoted[64];

	memcpy(head, p, scan);
	head[scan] = '\0';
	snprintf(quoted, sizeof(quoted), "\"%s\"", key);
	k = strstr(head, quoted);
	if (!k || !(k = strchr(k, ':')))
		return -1;
	return strtol(k + 1, NULL, 10);
}

static void progress(const struct vdb_update_opts *o, const char *source, size_t done, size_t total)
{
	if (o->progress)
		o->progress(o->ctx, source, done, total);
}

static int import_response(struct vdb_builder *b, const struct buf *r, const char *url,
                           struct ms_diags *d)
{
	return vdb_import_buffer(b, r->p, r->len, url, d);
}

static int update_nvd(struct vdb_builder *b, struct fetcher *f, const char *newest, long long now,
                      struct ms_diags *d, struct ms_error *err)
{
	const char *base = f->o->nvd_url;
	long long from = newest && *newest ? iso_seconds(newest) : -1;
	size_t fetched = 0;
	int rc = 0;

	/* Incremental: windows of 120 days from the newest change we hold; else everything. */
	do {
		long long to = from >= 0 ? from + NVD_WINDOW_DAYS * 86400LL : now;
		char w_from[40], w_to[40];
		long total = 0;
		if (to > now)
			to = now;
		if (from >= 0) {
			iso_format(from, w_from, sizeof(w_from));
			iso_format(to, w_to, sizeof(w_to));
		}
		for (long start = 0, got = 0; !rc && start <= total; start += got) {
			struct buf r;
			char *url = from >= 0 ? ms_xasprintf(
			                                "%s?lastModStartDate=%s&lastModEndDate=%s"
			                                "&resultsPerPage=%d&startIndex=%ld",
			                                base, w_from, w_to, NVD_PAGE, start)
			                      : ms_xasprintf("%s?resultsPerPage=%d&startIndex=%ld",
			                                     base, NVD_PAGE, start);
			rc = fetch(f, url, f->o->nvd_api_key, &r, err);
			if (!rc) {
				/* The API may send fewer than asked: page by what came. */
				total = nvd_number(r.p, r.len, "totalResults");
				got = nvd_number(r.p, r.len, "resultsPerPage");
				if (total < 0 || got < 0 || (got == 0 && start < total)) {
					ms_diags_add(d, MS_DIAG_ERROR, MSG_VDB_BAD_FEED, url, NULL,
					             "NVD CVE API 2.0 (totalResults)");
					rc = MS_ERR_INPUT;
				} else {
					rc = import_response(b, &r, url, d);
					fetched += (size_t)got;
					progress(f->o, "NVD", fetched, (size_t)total);
				}
				free(r.p);
			}
			free(url);
			if (rc || total <= start + got)
				break;
		}
		from = to;
	} while (!rc && from >= 0 && from < now);
	return rc;
}

/* JVNDB ids of an overview page, and the total the status node announces. */
static int jvn_overview(const struct buf *r, char ***ids, size_t *n, long *total)
{
	xmlDoc *doc = xmlReadMemory(r->p, (int)(r->len > INT32_MAX ? INT32_MAX : r->len), NULL,
	                            NULL,
	                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;

	*total = -1;
	if (!root || doc->intSubset) {
		xmlFreeDoc(doc);
		return -1;
	}
	for (xmlNode *c = root->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)c->name, "Status") == 0) {
			xmlChar *t = xmlGetProp(c, (const xmlChar *)"totalRes");
			*total = t ? strtol((const char *)t, NULL, 10) : -1;
			xmlFree(t);
		} else if (strcmp((const char *)c->name, "item") == 0) {
			for (xmlNode *k = c->children; k; k = k->next) {
				if (k->type != XML_ELEMENT_NODE ||
				    strcmp((const char *)k->name, "identifier"))
					continue;
				xmlChar *id = xmlNodeGetContent(k);
				*ids = ms_xrealloc(*ids, (*n + 1) * sizeof(**ids));
				(*ids)[(*n)++] = ms_xstrdup(id ? (const char *)id : "");
				xmlFree(id);
			}
		}
	}
	xmlFreeDoc(doc);
	return 0;
}

static int update_jvn(struct vdb_builder *b, struct fetcher *f, const char *newest,
                      struct ms_diags *d, struct ms_error *err)
{
	const char *base = f->o->jvn_url;
	char **ids = NULL, range[160] = "";
	const char *p;
	size_t n = 0;
	long total = 0;
	int y, m, dd;
	int rc = 0;

	/* Incremental by 更新日 (datePublished*); without a date, MyJVN's own default is a week. */
	if (newest && (p = ms_read_digits(newest, 4, 4, &y)) && *p == '-' &&
	    (p = ms_read_digits(p + 1, 2, 2, &m)) && *p == '-' && ms_read_digits(p + 1, 2, 2, &dd))
		snprintf(range, sizeof(range),
		         "&rangeDatePublic=n&rangeDatePublished=n&rangeDateFirstPublished=n"
		         "&datePublishedStartY=%d&datePublishedStartM=%d&datePublishedStartD=%d",
		         y, m, dd);
	else
		snprintf(range, sizeof(range),
		         "&rangeDatePublic=n&rangeDatePublished=n"
		         "&rangeDateFirstPublished=n");
	for (long start = 1; !rc && (start == 1 || start <= total); start += JVN_PAGE) {
		struct buf r;
		char *url = ms_xasprintf(
		        "%s?method=getVulnOverviewList&feed=hnd&lang=ja%s&startItem=%ld"
		        "&maxCountItem=%d",
		        base, range, start, JVN_PAGE);
		rc = fetch(f, url, NULL, &r, err);
		if (!rc) {
			if (jvn_overview(&r, &ids, &n, &total) != 0 || total < 0) {
				ms_diags_add(d, MS_DIAG_ERROR, MSG_VDB_BAD_FEED, url, NULL,
				             "MyJVN getVulnOverviewList (status:Status totalRes)");
				rc = MS_ERR_INPUT;
			} else {
				rc = import_response(b, &r, url, d);
				progress(f->o, "JVN", n, (size_t)total);
			}
			free(r.p);
		}
		free(url);
	}
	/* The affected versions are only in the detail. */
	for (size_t i = 0; !rc && i < n; i += JVN_DETAIL_IDS) {
		struct buf r;
		char list[JVN_DETAIL_IDS * 20 + 1] = "";
		size_t len = 0;
		for (size_t k = i; k < n && k < i + JVN_DETAIL_IDS; k++)
			len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%.18s",
			                        k > i ? "+" : "", ids[k]);
		char *url = ms_xasprintf("%s?method=getVulnDetailInfo&feed=hnd&lang=ja&vulnId=%s",
		                         base, list);
		rc = fetch(f, url, NULL, &r, err);
		if (!rc) {
			rc = import_response(b, &r, url, d);
			progress(f->o, "JVN detail",
			         i + JVN_DETAIL_IDS < n ? i + JVN_DETAIL_IDS : n, n);
			free(r.p);
		}
		free(url);
	}
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	return rc;
}

int vdb_update(struct vdb_builder *b, const struct vdb_status *have,
               const struct vdb_update_opts *o, struct ms_diags *d, struct ms_error *err)
{
	struct fetcher f = { .o = o };
	char now_iso[32];
	int rc = 0;

	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0 || !(f.curl = curl_easy_init()))
		return ms_fail(err, MS_ERR_SYSTEM, MSG_VDB_DOWNLOAD, "", "libcurl");
	ms_now_iso(now_iso);
	if (o->sources & (1u << VDB_SRC_KEV)) {
		struct buf r;
		f.delay_ms = o->delay_ms >= 0 ? o->delay_ms : 0;
		if (!(rc = fetch(&f, o->kev_url, NULL, &r, err))) {
			rc = import_response(b, &r, o->kev_url, d);
			progress(o, "KEV", 1, 1);
			free(r.p);
		}
	}
	if (!rc && (o->sources & (1u << VDB_SRC_NVD))) {
		f.requests = 0;
		f.delay_ms = o->delay_ms >= 0 ? o->delay_ms : o->nvd_api_key ? 600 : 6000;
		rc = update_nvd(b, &f, have ? have->src[VDB_SRC_NVD].newest : NULL,
		                iso_seconds(now_iso), d, err);
	}
	if (!rc && (o->sources & (1u << VDB_SRC_JVN))) {
		f.requests = 0;
		f.delay_ms = o->delay_ms >= 0 ? o->delay_ms : 500;
		rc = update_jvn(b, &f, have ? have->src[VDB_SRC_JVN].newest : NULL, d, err);
	}
	curl_easy_cleanup(f.curl);
	curl_global_cleanup();
	if (!rc && d->errors)
		rc = MS_ERR_INPUT;
	return rc;
}
