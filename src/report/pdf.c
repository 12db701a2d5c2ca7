/*
 * pdf.c - the report on A4 with cairo and pango: a cover, a table of contents
 * with page numbers, chapters from a new page, running header and page
 * numbers, tables that continue across pages with their header row repeated,
 * and the line diagrams drawn as boxes and arrows. IPAex Gothic (Debian's
 * fonts-ipaexfont-gothic) is embedded by cairo, subset to the glyphs used.
 *
 * Laid out twice: a dry pass finds on which page every heading falls and how
 * many pages there are, the second draws with those numbers.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "report/report_int.h"

#define PAGE_W 595.28
#define PAGE_H 841.89
#define MARGIN_X 42.0
#define MARGIN_TOP 56.0
#define MARGIN_BOTTOM 56.0
#define CONTENT_W (PAGE_W - 2 * MARGIN_X)
#define FONT "IPAexGothic"
#define CELL_PAD 3.0
#define TOC_PER_PAGE 38

struct pdf {
	cairo_t *cr;
	int dry;   /* measuring only */
	int page;  /* 1-based, the cover is page 1 */
	int pages; /* total, known after the dry pass */
	double y;
	const struct rdoc *d;
	int *heading_page; /* per block index */
	PangoContext *
	        pango; /* one context and a few fonts for every layout: making them per cell is slow */
	struct {
		int key; /* size * 10, bold */
		PangoFontDescription *fd;
	} fonts[16];
	int n_fonts;
};

static PangoFontDescription *font(struct pdf *p, double size, int bold)
{
	int key = (int)(size * 10) * 2 + !!bold;

	for (int i = 0; i < p->n_fonts; i++)
		if (p->fonts[i].key == key)
			return p->fonts[i].fd;
	PangoFontDescription *fd = pango_font_description_from_string(FONT);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	if (p->n_fonts == 16) /* layouts copy their font: the last slot can be reused */
		pango_font_description_free(p->fonts[--p->n_fonts].fd);
	p->fonts[p->n_fonts].key = key;
	p->fonts[p->n_fonts++].fd = fd;
	return fd;
}

static PangoLayout *layout(struct pdf *p, const char *text, double size, int bold, double width)
{
	PangoLayout *l = pango_layout_new(p->pango);

	pango_layout_set_font_description(l, font(p, size, bold));
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_text(l, text, -1);
	return l;
}

static double layout_height(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

static double layout_width(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)w / PANGO_SCALE;
}

static void show(struct pdf *p, PangoLayout *l, double x, double y)
{
	if (p->dry)
		return;
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, l);
}

static void text_at(struct pdf *p, const char *s, double size, int bold, double x, double y,
                    double width, int align)
{
	PangoLayout *l = layout(p, s, size, bold, width);

	if (align)
		pango_layout_set_alignment(l, align > 0 ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER);
	show(p, l, x, y);
	g_object_unref(l);
}

/* Header and footer of the current page (not on the cover). */
static void furniture(struct pdf *p)
{
	char num[32];

	if (p->dry || p->page == 1)
		return;
	cairo_set_source_rgb(p->cr, 0.4, 0.4, 0.4);
	text_at(p, p->d->title, 7.5, 0, MARGIN_X, 24, CONTENT_W / 2, 0);
	text_at(p, p->d->subtitle, 7.5, 0, PAGE_W / 2, 24, CONTENT_W / 2 - 0.0, 1);
	cairo_move_to(p->cr, MARGIN_X, 36);
	cairo_line_to(p->cr, PAGE_W - MARGIN_X, 36);
	cairo_set_line_width(p->cr, 0.4);
	cairo_stroke(p->cr);
	snprintf(num, sizeof(num), "- %d / %d -", p->page, p->pages);
	text_at(p, num, 8, 0, MARGIN_X, PAGE_H - 36, CONTENT_W, -1);
	cairo_set_source_rgb(p->cr, 0, 0, 0);
}

static void new_page(struct pdf *p)
{
	if (!p->dry)
		cairo_show_page(p->cr);
	p->page++;
	p->y = MARGIN_TOP;
	furniture(p);
}

static void need(struct pdf *p, double h)
{
	if (p->y + h > PAGE_H - MARGIN_BOTTOM && p->y > MARGIN_TOP + 1)
		new_page(p);
}

/* A paragraph, line by line, so a long one continues on the next page. */
static void paragraph(struct pdf *p, const char *text, double size, int bold, double indent,
                      double after)
{
	PangoLayout *l = layout(p, text, size, bold, CONTENT_W - indent);
	PangoLayoutIter *it = pango_layout_get_iter(l);

	do {
		PangoRectangle logical;
		int baseline = pango_layout_iter_get_baseline(it);
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		double h = (double)logical.height / PANGO_SCALE;
		need(p, h);
		if (!p->dry) {
			cairo_move_to(p->cr, MARGIN_X + indent,
			              p->y + (double)(baseline - logical.y) / PANGO_SCALE);
			pango_cairo_show_layout_line(p->cr,
			                             pango_layout_iter_get_line_readonly(it));
		}
		p->y += h;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	g_object_unref(l);
	p->y += after;
}

static void set_tint(struct pdf *p, const char *cls)
{
	double r = 1, g = 1, b = 1;

	if (!cls)
		return;
	if (!strcmp(cls, "critical"))
		r = 0.97, g = 0.82, b = 0.82;
	else if (!strcmp(cls, "high"))
		r = 0.99, g = 0.89, b = 0.78;
	else if (!strcmp(cls, "medium"))
		r = 1.0, g = 0.96, b = 0.76;
	else if (!strcmp(cls, "low"))
		r = 0.93, g = 0.96, b = 0.88;
	cairo_set_source_rgb(p->cr, r, g, b);
}

/*
 * One row of cells, laid out once: returns its height. With a header (hh > 0),
 * a row that does not fit starts a new page that repeats the header first.
 */
/* Link annotations over the vulnerability numbers of a cell drawn at x, y (rdoc_next_ref). */
static void link_refs(struct pdf *p, PangoLayout *l, const char *text, double x, double y)
{
	size_t at = 0, len;
	char url[160], attrs[320];

	while (rdoc_next_ref(text, &at, &len, url, sizeof(url))) {
		PangoRectangle a, b;

		pango_layout_index_to_pos(l, (int)at, &a);
		pango_layout_index_to_pos(l, (int)(at + len - 1), &b);
		/* A number the cell wrapped over two lines links its first line's part. */
		if (b.y != a.y) {
			b.x = pango_layout_get_width(l);
			b.width = 0;
		}
		snprintf(attrs, sizeof(attrs), "rect=[%.2f %.2f %.2f %.2f] uri='%s'",
		         x + (double)a.x / PANGO_SCALE, y + (double)a.y / PANGO_SCALE,
		         (double)(b.x + b.width - a.x) / PANGO_SCALE,
		         (double)a.height / PANGO_SCALE, url);
		cairo_tag_begin(p->cr, CAIRO_TAG_LINK, attrs);
		cairo_tag_end(p->cr, CAIRO_TAG_LINK);
		at += len;
	}
}

static double row(struct pdf *p, const struct rtable *t, const double *xw, const char *const *cells,
                  const char *cls, int header, int draw, double hh)
{
	double h = 0, x = MARGIN_X;
	PangoLayout *ls[32];
	size_t n = t->ncols < 32 ? t->ncols : 32;

	for (size_t c = 0; c < n; c++) {
		ls[c] = layout(p, cells[c], 7.5, header, xw[c] - 2 * CELL_PAD);
		if (layout_height(ls[c]) > h)
			h = layout_height(ls[c]);
	}
	h += 2 * CELL_PAD;
	if (draw && hh > 0 && p->y + h > PAGE_H - MARGIN_BOTTOM) {
		new_page(p);
		row(p, t, xw, t->head, NULL, 1, 1, 0); /* the header again on the new page */
		p->y += hh;
	}
	if (draw && !p->dry) {
		for (size_t c = 0; c < n; c++) {
			cairo_rectangle(p->cr, x, p->y, xw[c], h);
			if (header || cls) {
				if (header)
					cairo_set_source_rgb(p->cr, 0.86, 0.90, 0.95);
				else
					set_tint(p, cls);
				cairo_fill_preserve(p->cr);
			}
			cairo_set_source_rgb(p->cr, 0.55, 0.55, 0.55);
			cairo_set_line_width(p->cr, 0.5);
			cairo_stroke(p->cr);
			cairo_set_source_rgb(p->cr, 0, 0, 0);
			show(p, ls[c], x + CELL_PAD, p->y + CELL_PAD);
			if (!header)
				link_refs(p, ls[c], cells[c], x + CELL_PAD, p->y + CELL_PAD);
			x += xw[c];
		}
	}
	for (size_t c = 0; c < n; c++)
		g_object_unref(ls[c]);
	return h;
}

static void table(struct pdf *p, const struct rtable *t)
{
	double xw[32], sum = 0, hh;
	size_t n = t->ncols < 32 ? t->ncols : 32;

	for (size_t c = 0; c < n; c++)
		sum += t->widths[c];
	for (size_t c = 0; c < n; c++)
		xw[c] = CONTENT_W * t->widths[c] / sum;
	hh = row(p, t, xw, t->head, NULL, 1, 0, 0);
	need(p, hh + 20);
	row(p, t, xw, t->head, NULL, 1, 1, 0);
	p->y += hh;
	for (size_t r = 0; r < t->nrows; r++)
		p->y += row(p, t, xw, &t->cells[r * t->ncols], t->row_class[r], 0, 1, hh);
	p->y += 8;
}

static void diagram(struct pdf *p, const struct rdiagram *g)
{
	const double gap = 22, box_h_min = 30;
	double x = MARGIN_X, rowh = 0;

	need(p, 70);
	paragraph(p, g->caption, 9, 1, 0, 3);
	for (size_t i = 0; i < g->n; i++) {
		PangoLayout *l = layout(p, g->nodes[i], 8, 0, -1);
		double w = layout_width(l) + 14, h = layout_height(l) + 10;

		pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
		if (h < box_h_min)
			h = box_h_min;
		if (w > CONTENT_W / 2)
			w = CONTENT_W / 2;
		if (x + w > PAGE_W - MARGIN_X) { /* wrap the chain */
			x = MARGIN_X;
			p->y += rowh + 8;
			rowh = 0;
		}
		need(p, h);
		if (!p->dry) {
			cairo_set_source_rgb(p->cr, 0.96, 0.97, 0.98);
			cairo_rectangle(p->cr, x, p->y, w, h);
			cairo_fill_preserve(p->cr);
			cairo_set_source_rgb(p->cr, 0.18, 0.33, 0.59);
			cairo_set_line_width(p->cr, 1);
			cairo_stroke(p->cr);
			cairo_set_source_rgb(p->cr, 0, 0, 0);
			pango_layout_set_width(l, (int)((w - 14) * PANGO_SCALE));
			show(p, l, x + 7, p->y + (h - layout_height(l)) / 2);
		}
		g_object_unref(l);
		if (h > rowh)
			rowh = h;
		x += w;
		if (i + 1 < g->n) {
			if (!p->dry) {
				double ym = p->y + h / 2;
				cairo_set_source_rgb(p->cr, 0.18, 0.33, 0.59);
				cairo_move_to(p->cr, x + 3, ym);
				cairo_line_to(p->cr, x + gap - 4, ym);
				cairo_stroke(p->cr);
				cairo_move_to(p->cr, x + gap - 3, ym);
				cairo_line_to(p->cr, x + gap - 9, ym - 4);
				cairo_line_to(p->cr, x + gap - 9, ym + 4);
				cairo_close_path(p->cr);
				cairo_fill(p->cr);
				cairo_set_source_rgb(p->cr, 0, 0, 0);
			}
			x += gap;
		}
	}
	p->y += rowh + 12;
}

static void cover(struct pdf *p)
{
	/* As a Japanese report's cover is laid out: the addressee top left, the title in the
	 * middle, the date of issue and the issuer bottom right. */
	p->page = 1;
	text_at(p, p->d->subtitle, 15, 0, MARGIN_X, 110, CONTENT_W, 0);
	p->y = 300;
	text_at(p, p->d->title, 22, 1, MARGIN_X, p->y, CONTENT_W, 2);
	text_at(p, p->d->date, 12, 0, MARGIN_X, 600, CONTENT_W, 1);
	text_at(p, p->d->issuer, 12, 0, MARGIN_X, 622, CONTENT_W, 1);
}

static void toc(struct pdf *p)
{
	int shown = 0;

	new_page(p);
	if (p->d->contents)
		paragraph(p, p->d->contents, 15, 1, 0, 10);
	for (size_t i = 0; i < p->d->n; i++) {
		const struct rblock *b = &p->d->b[i];
		char num[16];
		if (b->kind != RB_HEADING || b->level > 2)
			continue;
		if (shown && shown % TOC_PER_PAGE == 0)
			new_page(p);
		shown++;
		snprintf(num, sizeof(num), "%d", p->heading_page[i]);
		text_at(p, b->text, 9.5, b->level == 1, MARGIN_X + (b->level - 1) * 16, p->y,
		        CONTENT_W - 60, 0);
		text_at(p, num, 9.5, 0, MARGIN_X, p->y, CONTENT_W, -1);
		p->y += 16;
	}
}

/* A compact document's first page: addressee, date and issuer, then the body at once. */
static void head_block(struct pdf *p)
{
	p->page = 1;
	furniture(p);
	text_at(p, p->d->subtitle, 12, 0, MARGIN_X, MARGIN_TOP, CONTENT_W, 0);
	text_at(p, p->d->date, 10, 0, MARGIN_X, MARGIN_TOP, CONTENT_W, 1);
	text_at(p, p->d->issuer, 10, 0, MARGIN_X, MARGIN_TOP + 16, CONTENT_W, 1);
	p->y = MARGIN_TOP + 40;
}

static void body(struct pdf *p)
{
	int pending_break = !p->d->compact; /* the body starts on a page of its own */

	for (size_t i = 0; i < p->d->n; i++) {
		const struct rblock *b = &p->d->b[i];
		switch (b->kind) {
		case RB_PAGEBREAK: pending_break = 1; break;
		case RB_HEADING:
			if (pending_break)
				new_page(p);
			else
				need(p, 80);
			pending_break = 0;
			p->heading_page[i] = p->page;
			p->y += b->level == 1 ? 4 : 6;
			paragraph(p, b->text,
			          b->level == 1   ? 15
			          : b->level == 2 ? 12
			                          : 10.5,
			          1, 0, 6);
			if (b->level == 1 && !p->dry) {
				cairo_set_source_rgb(p->cr, 0.18, 0.33, 0.59);
				cairo_set_line_width(p->cr, 1.5);
				cairo_move_to(p->cr, MARGIN_X, p->y - 4);
				cairo_line_to(p->cr, PAGE_W - MARGIN_X, p->y - 4);
				cairo_stroke(p->cr);
				cairo_set_source_rgb(p->cr, 0, 0, 0);
			}
			break;
		case RB_PARA:
			if (pending_break) {
				new_page(p);
				pending_break = 0;
			}
			paragraph(p, b->text, 9.5, 0, 0, 6);
			break;
		case RB_NOTE:
			if (!p->dry)
				cairo_set_source_rgb(p->cr, 0.3, 0.3, 0.3);
			paragraph(p, b->text, 8, 0, 8, 5);
			if (!p->dry)
				cairo_set_source_rgb(p->cr, 0, 0, 0);
			break;
		case RB_TABLE: table(p, b->table); break;
		case RB_DIAGRAM: diagram(p, b->diagram); break;
		}
	}
}

static void pass(struct pdf *p)
{
	p->pango = pango_cairo_create_context(p->cr);
	if (p->d->compact) {
		head_block(p);
	} else {
		cover(p);
		toc(p);
	}
	body(p);
	g_object_unref(p->pango);
}

static cairo_status_t discard(void *closure, const unsigned char *data, unsigned int length)
{
	(void)closure;
	(void)data;
	(void)length;
	return CAIRO_STATUS_SUCCESS;
}

/* Writes to our own FILE: a short write (a full disk) fails the surface, which we check. */
static cairo_status_t to_file(void *closure, const unsigned char *data, unsigned int length)
{
	return fwrite(data, 1, length, closure) == length ? CAIRO_STATUS_SUCCESS
	                                                  : CAIRO_STATUS_WRITE_ERROR;
}

int report_pdf(const struct rdoc *d, const char *path, struct ms_error *err)
{
	struct pdf p = { .d = d };
	cairo_surface_t *s;
	cairo_status_t st;
	FILE *f = fopen(path, "wb");
	int bad;

	if (!f)
		return ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, path, strerror(errno));
	p.heading_page = g_new0(int, d->n + 1);
	/* Dry pass on a surface that writes nowhere: page numbers and the page count. */
	s = cairo_pdf_surface_create_for_stream(discard, NULL, PAGE_W, PAGE_H);
	p.cr = cairo_create(s);
	p.dry = 1;
	pass(&p);
	p.pages = p.page;
	cairo_destroy(p.cr);
	cairo_surface_destroy(s);

	s = cairo_pdf_surface_create_for_stream(to_file, f, PAGE_W, PAGE_H);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, d->title);
	cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "medsec " MEDSEC_VERSION);
	p.cr = cairo_create(s);
	p.dry = 0;
	pass(&p);
	cairo_show_page(p.cr);
	cairo_destroy(p.cr);
	cairo_surface_finish(s);
	st = cairo_surface_status(s);
	cairo_surface_destroy(s);
	g_free(p.heading_page);
	for (int i = 0; i < p.n_fonts; i++)
		pango_font_description_free(p.fonts[i].fd);
	/*
	 * pango's font map and cairo's font caches stay for the process: resetting them here
	 * (cairo_debug_reset_static_data) raced pango's font-loading thread and aborted in
	 * _cairo_hash_table_destroy on a second PDF in one run (3 of 6 runs). They stay
	 * reachable, so LeakSanitizer does not count them.
	 */
	bad = fflush(f) != 0 || fsync(fileno(f)) != 0;
	bad |= fclose(f) != 0;
	if (st != CAIRO_STATUS_SUCCESS)
		return ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, path,
		               cairo_status_to_string(st));
	if (bad)
		return ms_fail(err, MS_ERR_SYSTEM, MSG_CANNOT_WRITE, path, strerror(errno));
	return MS_OK;
}
