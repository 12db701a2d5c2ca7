/* rdoc.c - building the plain report document (rdoc.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/rdoc.h"

struct rdoc *rdoc_new(const char *title, const char *subtitle, const char *date, const char *issuer)
{
	struct rdoc *d = ms_xcalloc(1, sizeof(*d));

	d->title = rdoc_str(d, title);
	d->subtitle = rdoc_str(d, subtitle);
	d->date = rdoc_str(d, date);
	d->issuer = rdoc_str(d, issuer);
	return d;
}

/* n decimal digits at s, at least min of them; their count, or 0. */
static size_t digits(const char *s, size_t min)
{
	size_t n = 0;

	while (s[n] >= '0' && s[n] <= '9')
		n++;
	return n >= min ? n : 0;
}

int rdoc_next_ref(const char *s, size_t *at, size_t *len, char *url, size_t size)
{
	for (size_t i = *at; s && s[i]; i++) {
		const char *p = s + i;
		size_t y, n;

		/* "CVE-" or "JVNDB-", not in the middle of a longer word. */
		if (i > 0 &&
		    ((s[i - 1] >= 'A' && s[i - 1] <= 'Z') || (s[i - 1] >= 'a' && s[i - 1] <= 'z')))
			continue;
		if (!strncmp(p, "CVE-", 4) && (y = digits(p + 4, 4)) == 4 && p[8] == '-' &&
		    (n = digits(p + 9, 4))) {
			*at = i;
			*len = 9 + n;
			snprintf(url, size, "https://nvd.nist.gov/vuln/detail/%.*s", (int)*len, p);
			return 1;
		}
		if (!strncmp(p, "JVNDB-", 6) && (y = digits(p + 6, 4)) == 4 && p[10] == '-' &&
		    (n = digits(p + 11, 6))) {
			*at = i;
			*len = 11 + n;
			snprintf(url, size, "https://jvndb.jvn.jp/ja/contents/%.4s/%.*s.html",
			         p + 6, (int)*len, p);
			return 1;
		}
	}
	return 0;
}

void rdoc_free(struct rdoc *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->n; i++) {
		struct rtable *t = d->b[i].table;
		struct rdiagram *g = d->b[i].diagram;
		if (t) {
			free(t->head);
			free(t->widths);
			free(t->cells);
			free(t->row_class);
			free(t);
		}
		if (g) {
			free(g->nodes);
			free(g);
		}
	}
	free(d->b);
	ms_arena_dispose(&d->arena);
	free(d);
}

const char *rdoc_str(struct rdoc *d, const char *s)
{
	return ms_arena_strdup(&d->arena, s ? s : "");
}

const char *rdoc_fmt(struct rdoc *d, const char *fmt, ...)
{
	va_list ap;
	char buf[2048];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return rdoc_str(d, buf);
}

static struct rblock *add(struct rdoc *d, enum rblock_kind kind)
{
	d->b = ms_xrealloc(d->b, (d->n + 1) * sizeof(*d->b));
	memset(&d->b[d->n], 0, sizeof(*d->b));
	d->b[d->n].kind = kind;
	return &d->b[d->n++];
}

void rdoc_heading(struct rdoc *d, int level, const char *text)
{
	struct rblock *b = add(d, RB_HEADING);

	b->level = level;
	b->text = rdoc_str(d, text);
	b->id = rdoc_fmt(d, "s%d", ++d->headings);
}

void rdoc_para(struct rdoc *d, const char *text)
{
	add(d, RB_PARA)->text = rdoc_str(d, text);
}

void rdoc_note(struct rdoc *d, const char *text)
{
	add(d, RB_NOTE)->text = rdoc_str(d, text);
}

void rdoc_pagebreak(struct rdoc *d)
{
	add(d, RB_PAGEBREAK);
}

struct rtable *rdoc_table(struct rdoc *d, const char *sheet, const char *const *head,
                          const double *widths)
{
	struct rtable *t = ms_xcalloc(1, sizeof(*t));

	while (head[t->ncols])
		t->ncols++;
	t->head = ms_xcalloc(t->ncols, sizeof(*t->head));
	t->widths = ms_xcalloc(t->ncols, sizeof(*t->widths));
	for (size_t i = 0; i < t->ncols; i++) {
		t->head[i] = rdoc_str(d, head[i]);
		t->widths[i] = widths ? widths[i] : 1.0;
	}
	t->sheet = sheet ? rdoc_str(d, sheet) : NULL;
	add(d, RB_TABLE)->table = t;
	return t;
}

void rdoc_row(struct rdoc *d, struct rtable *t, const char *cls, const char *const *cells)
{
	t->cells = ms_xrealloc(t->cells, (t->nrows + 1) * t->ncols * sizeof(*t->cells));
	t->row_class = ms_xrealloc(t->row_class, (t->nrows + 1) * sizeof(*t->row_class));
	for (size_t i = 0; i < t->ncols; i++)
		t->cells[t->nrows * t->ncols + i] = rdoc_str(d, cells[i]);
	t->row_class[t->nrows] = cls ? rdoc_str(d, cls) : NULL;
	t->nrows++;
}

struct rdiagram *rdoc_diagram(struct rdoc *d, const char *caption)
{
	struct rdiagram *g = ms_xcalloc(1, sizeof(*g));

	g->caption = rdoc_str(d, caption);
	add(d, RB_DIAGRAM)->diagram = g;
	return g;
}

void rdoc_node(struct rdoc *d, struct rdiagram *g, const char *text)
{
	g->nodes = ms_xrealloc(g->nodes, (g->n + 1) * sizeof(*g->nodes));
	g->nodes[g->n++] = rdoc_str(d, text);
}
