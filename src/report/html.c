/*
 * html.c - the report as one HTML file that needs nothing else: styles inline,
 * no script, no image, no font or link fetched, so it opens the same on a
 * hospital PC with no internet and prints on A4 (tables keep their headers
 * on every page, chapters start on a new page).
 */
#include <stdio.h>
#include <string.h>

#include "report/report_int.h"

static const char style[] =
        "@page{size:A4;margin:15mm 12mm}"
        "body{font-family:'IPAexGothic','Noto Sans CJK JP','Yu Gothic','Meiryo',sans-serif;font-size:10.5pt;"
        "line-height:1.55;color:#222;max-width:1100px;margin:0 auto;padding:0 1em}"
        "h1.title{font-size:20pt;text-align:center;margin:2em 0 .3em}"
        "p.sub{font-size:13pt;margin:0}p.date{text-align:right;color:#333}"
        "h1{font-size:15pt;border-bottom:2px solid #2f5597;padding-bottom:.15em;margin-top:1.6em}"
        "h2{font-size:12.5pt;border-left:5px solid #2f5597;padding-left:.4em;margin-top:1.3em}"
        "h3{font-size:11pt}"
        "nav{border:1px solid #bbb;padding:.5em 1em;margin:1em 0}nav ol{margin:.2em 0;padding-left:1.2em}"
        "nav li.l2{margin-left:1.2em;list-style:circle}"
        "table{border-collapse:collapse;width:100%;margin:.5em 0 1em;font-size:9pt}"
        "th,td{border:1px solid #999;padding:3px 5px;vertical-align:top;white-space:pre-wrap;word-break:break-word}"
        "th{background:#dbe5f1}thead{display:table-header-group}tr{page-break-inside:avoid}"
        "tr.critical td{background:#f8d0d0}tr.high td{background:#fde3c8}tr.medium td{background:#fff5c2}"
        "tr.low td{background:#eef5e0}"
        "p.note{font-size:9pt;color:#444;border-left:3px solid #bbb;padding-left:.5em}"
        "div.diagram{margin:.6em 0 1em;page-break-inside:avoid}div.diagram p{margin:.1em 0;font-weight:bold}"
        "div.chain{display:flex;flex-wrap:wrap;align-items:center;gap:4px}"
        "div.node{border:1.5px solid #2f5597;border-radius:4px;padding:4px 8px;white-space:pre-line;"
        "text-align:center;background:#f4f7fb;font-size:9pt}span.arrow{color:#2f5597;font-size:14pt}"
        ".pb{page-break-before:always}"
        "@media print{nav{page-break-after:always}}";

/* Writes n bytes of s with HTML's five special characters escaped. */
static void esc_n(FILE *f, const char *s, size_t n)
{
	for (; n--; s++) {
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		default: fputc(*s, f);
		}
	}
}

/* The same for a whole string (NULL writes nothing). */
static void esc(FILE *f, const char *s)
{
	if (s)
		esc_n(f, s, strlen(s));
}

/* A table cell: escaped, each vulnerability number a link to its page (rdoc_next_ref). */
static void esc_linked(FILE *f, const char *s)
{
	size_t from = 0, at = 0, len;
	char url[160];

	while (s && rdoc_next_ref(s, &at, &len, url, sizeof(url))) {
		esc_n(f, s + from, at - from);
		fprintf(f, "<a href=\"%s\">", url);
		esc_n(f, s + at, len);
		fputs("</a>", f);
		from = at = at + len;
	}
	if (s)
		esc_n(f, s + from, strlen(s + from));
}

static void table(FILE *f, const struct rtable *t)
{
	double sum = 0;

	for (size_t i = 0; i < t->ncols; i++)
		sum += t->widths[i];
	fputs("<table><colgroup>", f);
	for (size_t i = 0; i < t->ncols; i++)
		fprintf(f, "<col style=\"width:%.1f%%\">", 100.0 * t->widths[i] / sum);
	fputs("</colgroup><thead><tr>", f);
	for (size_t i = 0; i < t->ncols; i++) {
		fputs("<th>", f);
		esc(f, t->head[i]);
		fputs("</th>", f);
	}
	fputs("</tr></thead><tbody>\n", f);
	for (size_t r = 0; r < t->nrows; r++) {
		if (t->row_class[r]) {
			fputs("<tr class=\"", f);
			esc(f, t->row_class[r]);
			fputs("\">", f);
		} else {
			fputs("<tr>", f);
		}
		for (size_t i = 0; i < t->ncols; i++) {
			fputs("<td>", f);
			esc_linked(f, t->cells[r * t->ncols + i]);
			fputs("</td>", f);
		}
		fputs("</tr>\n", f);
	}
	fputs("</tbody></table>\n", f);
}

static void diagram(FILE *f, const struct rdiagram *g)
{
	fputs("<div class=\"diagram\"><p>", f);
	esc(f, g->caption);
	fputs("</p><div class=\"chain\">", f);
	for (size_t i = 0; i < g->n; i++) {
		if (i)
			fputs("<span class=\"arrow\">&#8594;</span>", f);
		fputs("<div class=\"node\">", f);
		esc(f, g->nodes[i]);
		fputs("</div>", f);
	}
	fputs("</div></div>\n", f);
}

int report_html(const struct rdoc *d, FILE *f)
{
	int pending_break = 0;

	fputs("<!DOCTYPE html>\n<html lang=\"ja\"><head><meta charset=\"utf-8\">\n<title>", f);
	esc(f, d->title);
	fputs(" - ", f);
	esc(f, d->subtitle);
	fprintf(f, "</title>\n<style>%s</style></head><body>\n<p class=\"sub\">", style);
	esc(f, d->subtitle);
	fputs("</p><h1 class=\"title\">", f);
	esc(f, d->title);
	fputs("</h1><p class=\"date\">", f);
	esc(f, d->date);
	fputs("<br>", f);
	esc(f, d->issuer);
	fputs("</p>\n", f);
	/* A compact document (the early report) opens with what to do, not with contents. */
	if (!d->compact) {
		fputs("<nav><ol>", f);
		for (size_t i = 0; i < d->n; i++) {
			const struct rblock *b = &d->b[i];
			if (b->kind != RB_HEADING || b->level > 2)
				continue;
			fprintf(f, "<li class=\"l%d\"><a href=\"#%s\">", b->level, b->id);
			esc(f, b->text);
			fputs("</a></li>", f);
		}
		fputs("</ol></nav>\n", f);
	}
	for (size_t i = 0; i < d->n; i++) {
		const struct rblock *b = &d->b[i];
		switch (b->kind) {
		case RB_HEADING:
			fprintf(f, "<h%d id=\"%s\"%s>", b->level, b->id,
			        pending_break ? " class=\"pb\"" : "");
			esc(f, b->text);
			fprintf(f, "</h%d>\n", b->level);
			pending_break = 0;
			break;
		case RB_PARA:
		case RB_NOTE:
			fputs(b->kind == RB_NOTE ? "<p class=\"note\">" : "<p>", f);
			esc(f, b->text);
			fputs("</p>\n", f);
			break;
		case RB_TABLE: table(f, b->table); break;
		case RB_DIAGRAM: diagram(f, b->diagram); break;
		case RB_PAGEBREAK: pending_break = 1; break;
		}
	}
	fputs("</body></html>\n", f);
	return ferror(f) ? -1 : 0;
}
