/*
 * rdoc.h - the report as a plain document: headings, paragraphs, tables and
 * line diagrams, composed once (compose.c) and drawn by each format (html.c,
 * pdf.c, xlsx.c). Every string is owned by the document's arena.
 */
#ifndef MEDSEC_REPORT_RDOC_H
#define MEDSEC_REPORT_RDOC_H

#include <stddef.h>

#include "medsec/mem.h"

enum rblock_kind { RB_HEADING, RB_PARA, RB_NOTE, RB_TABLE, RB_DIAGRAM, RB_PAGEBREAK };

struct rtable {
	size_t ncols, nrows;
	const char **head;      /* ncols */
	double *widths;         /* relative column widths, ncols */
	const char **cells;     /* nrows * ncols, "" for empty */
	const char **row_class; /* nrows: "critical" "high" "medium" "low" or NULL (a tint) */
	const char *sheet;      /* the XLSX sheet this table also goes to, or NULL */
};

/* A line from the outside in: termination → router/UTM → the EHR network. */
struct rdiagram {
	const char *caption;
	size_t n;
	const char **nodes; /* "ONU", "Fortinet FortiGate 60F\n(UTM)", … */
};

struct rblock {
	enum rblock_kind kind;
	int level; /* headings: 1 chapter, 2 section, 3 subsection */
	const char *text;
	const char *id; /* headings: anchor for the table of contents */
	struct rtable *table;
	struct rdiagram *diagram;
};

struct rdoc {
	struct ms_arena arena;
	const char *title;
	const char *subtitle; /* the cover's addressee: "〇〇病院 御中" */
	const char *date;     /* as a reader writes it: 2026年12月1日 */
	const char *issuer;   /* who issues it; "" when not set */
	const char *contents; /* the contents page's title, in the document's language */
	int compact;          /* no cover page or contents: the heading block opens page 1 */
	struct rblock *b;
	size_t n;
	int headings; /* for anchors */
};

struct rdoc *rdoc_new(const char *title, const char *subtitle, const char *date,
                      const char *issuer);
void rdoc_free(struct rdoc *d);

const char *rdoc_str(struct rdoc *d, const char *s); /* a copy in the arena; NULL → "" */
const char *rdoc_fmt(struct rdoc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/*
 * The next vulnerability reference in s at or after *at: a JVN iPedia number (JVNDB-2024-001234)
 * or a CVE id. 1 with its offset, length and the page to link to (JVN iPedia's own page for a
 * JVNDB number; NVD's for a CVE, as JVN's records link them), or 0. The HTML and the PDF link
 * the same words.
 */
int rdoc_next_ref(const char *s, size_t *at, size_t *len, char *url, size_t size);

void rdoc_heading(struct rdoc *d, int level, const char *text);
void rdoc_para(struct rdoc *d, const char *text);
void rdoc_note(struct rdoc *d, const char *text);
void rdoc_pagebreak(struct rdoc *d);

/* A table with these headers (NULL-terminated) and relative widths; fill with rdoc_row. */
struct rtable *rdoc_table(struct rdoc *d, const char *sheet, const char *const *head,
                          const double *widths);
/* Adds a row of t->ncols strings (copied), tinted by cls (may be NULL). */
void rdoc_row(struct rdoc *d, struct rtable *t, const char *cls, const char *const *cells);

struct rdiagram *rdoc_diagram(struct rdoc *d, const char *caption);
void rdoc_node(struct rdoc *d, struct rdiagram *g, const char *text);

#endif
