/*
 * test_xlsx.c - the workbook reader on hand-written parts: what Excel and
 * LibreOffice really put in a file (phonetic runs, inline strings, dates by
 * style, the 1904 system, booleans, errors, cells without references) and
 * what a hostile file may try.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <zip.h>

#include "medsec/xlsx.h"

static const char rels[] =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
        "relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>";

static const char wb_rels[] =
        "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
        "relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
        "<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
        "relationships/worksheet\" Target=\"/xl/worksheets/other.xml\"/>"
        "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
        "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
        "relationships/styles\" Target=\"styles.xml\"/></Relationships>";

static const char styles[] =
        "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        "<numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"General\"/>"
        "<numFmt numFmtId=\"165\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
        "<numFmt numFmtId=\"166\" formatCode=\"#,##0&quot;床&quot;\"/></numFmts>"
        "<cellXfs count=\"5\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
        "<xf numFmtId=\"165\"/><xf numFmtId=\"166\"/></cellXfs></styleSheet>";

/* Excel stores furigana as <rPh> runs beside the text: they must not leak into the value. */
static const char sst[] =
        "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"3\">"
        "<si><t>電子カルテ</t><rPh sb=\"0\" eb=\"2\"><t>デンシ</t></rPh>"
        "<phoneticPr fontId=\"1\"/></si>"
        "<si><r><rPr><b/></rPr><t>インターネット</t></r><r><t xml:space=\"preserve\">VPN </t></r></si>"
        "<si><t>&lt;&amp;&gt;</t></si></sst>";

static const char sheet1[] =
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>1</v></c>"
        "<c r=\"C2\" t=\"s\"><v>2</v></c></row>"
        "<row r=\"3\"><c r=\"A3\" s=\"1\"><v>46280</v></c><c r=\"B3\" s=\"3\"><v>46280.5</v></c>"
        "<c r=\"C3\" s=\"2\"><v>7</v></c><c r=\"D3\" s=\"4\"><v>199</v></c>"
        "<c r=\"E3\"><v>15.25</v></c></row>"
        "<row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>インライン</t></is></c>"
        "<c r=\"B4\" t=\"b\"><v>1</v></c><c r=\"C4\" t=\"e\"><v>#N/A</v></c>"
        "<c r=\"D4\" t=\"str\"><f>A4&amp;\"!\"</f><v>インライン!</v></c>"
        "<c r=\"AB4\" t=\"d\"><v>2026-09-15T00:00:00</v></c></row>"
        /* No r attributes: positions follow on from the previous row and cell. */
        "<row><c t=\"inlineStr\"><is><t>x</t></is></c><c><v>2</v></c></row>"
        "<row r=\"9\"><c r=\"A9\" t=\"s\"><v>0</v></c><c r=\"B9\"/></row>"
        "</sheetData></worksheet>";

static const char workbook_fmt[] =
        "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        "<workbookPr%s/><sheets><sheet name=\"回線\" sheetId=\"1\" r:id=\"rId1\"/>"
        "<sheet name=\"other\" sheetId=\"2\" r:id=\"rId9\"/></sheets></workbook>";

struct part {
	const char *name, *data;
};

/* Builds a zip in memory from parts; returns a malloc'd buffer. */
static void *make_zip(const struct part *parts, size_t n, size_t *size)
{
	zip_error_t ze;
	zip_source_t *src;
	zip_t *z;
	void *buf;
	zip_stat_t st;

	zip_error_init(&ze);
	src = zip_source_buffer_create(NULL, 0, 0, &ze);
	assert_non_null(src);
	zip_source_keep(src);
	z = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	assert_non_null(z);
	for (size_t i = 0; i < n; i++) {
		zip_source_t *s = zip_source_buffer(z, parts[i].data, strlen(parts[i].data), 0);

		assert_true(zip_file_add(z, parts[i].name, s, 0) >= 0);
	}
	assert_int_equal(zip_close(z), 0);
	assert_int_equal(zip_source_stat(src, &st), 0);
	buf = malloc(st.size);
	assert_int_equal(zip_source_open(src), 0);
	assert_int_equal(zip_source_read(src, buf, st.size), (zip_int64_t)st.size);
	zip_source_close(src);
	zip_source_free(src);
	zip_error_fini(&ze);
	*size = st.size;
	return buf;
}

static void *book_bytes(const char *wbpr, const char *sheet, size_t *size)
{
	char workbook[2048];
	struct part parts[] = {
		{ "_rels/.rels", rels },
		{ "xl/workbook.xml", workbook },
		{ "xl/_rels/workbook.xml.rels", wb_rels },
		{ "xl/sharedStrings.xml", sst },
		{ "xl/styles.xml", styles },
		{ "xl/worksheets/sheet1.xml", sheet },
		{ "xl/worksheets/other.xml", "<worksheet><sheetData/></worksheet>" },
	};

	snprintf(workbook, sizeof(workbook), workbook_fmt, wbpr);
	return make_zip(parts, sizeof(parts) / sizeof(parts[0]), size);
}

static const char *text(const struct xlsx_sheet *sh, uint32_t row, uint32_t col)
{
	const struct xlsx_cell *c = xlsx_cell(sh, row, col);

	return c ? c->text : NULL;
}

static void cells_as_written(void **state)
{
	size_t size;
	void *bytes = book_bytes("", sheet1, &size);
	struct xlsx_book *b;
	const struct xlsx_sheet *sh, *other;
	struct ms_error err;

	assert_int_equal(xlsx_open_mem(&b, bytes, size, NULL, &err), MS_OK);
	assert_int_equal(xlsx_sheet_count(b), 2);
	assert_string_equal(xlsx_sheet_name(b, 0), "回線");
	assert_int_equal(xlsx_sheet(b, "回線", &sh, &err), MS_OK);
	assert_non_null(sh);
	assert_int_equal(xlsx_sheet(b, "other", &other, &err), MS_OK); /* absolute target */
	assert_non_null(other);
	assert_int_equal(other->n_cells, 0);

	assert_string_equal(text(sh, 2, 0), "電子カルテ");         /* no デンシ */
	assert_string_equal(text(sh, 2, 1), "インターネットVPN "); /* runs joined, space kept */
	assert_string_equal(text(sh, 2, 2), "<&>");
	assert_string_equal(text(sh, 3, 0), "2026-09-15"); /* built-in date format 14 */
	assert_int_equal(xlsx_cell(sh, 3, 0)->type, XLSX_DATE);
	assert_string_equal(text(sh, 3, 1), "2026-09-15 12:00:00"); /* custom 年月日 format */
	assert_string_equal(text(sh, 3, 2), "7");                   /* "General" is no date */
	assert_string_equal(text(sh, 3, 3), "199");                 /* #,##0"床" is no date */
	assert_int_equal(xlsx_cell(sh, 3, 3)->type, XLSX_NUMBER);
	assert_string_equal(text(sh, 3, 4), "15.25");
	assert_string_equal(text(sh, 4, 0), "インライン");
	assert_int_equal(xlsx_cell(sh, 4, 1)->type, XLSX_BOOL);
	assert_string_equal(text(sh, 4, 1), "TRUE");
	assert_int_equal(xlsx_cell(sh, 4, 2)->type, XLSX_ERROR);
	assert_string_equal(text(sh, 4, 2), "#N/A");
	assert_string_equal(text(sh, 4, 3), "インライン!");          /* cached formula result */
	assert_string_equal(text(sh, 4, 27), "2026-09-15T00:00:00"); /* AB4, t="d" */
	assert_string_equal(text(sh, 5, 0), "x");                    /* row 5 by position */
	assert_string_equal(text(sh, 5, 1), "2");
	assert_string_equal(text(sh, 9, 0), "電子カルテ");
	assert_null(xlsx_cell(sh, 9, 1)); /* empty <c/> */
	assert_null(xlsx_cell(sh, 1, 0));
	/* A date typed where the format does not say date: the caller knows the field is one. */
	assert_string_equal(xlsx_cell_date(b, xlsx_cell(sh, 3, 0)), "2026-09-15");
	assert_null(xlsx_cell_date(b, xlsx_cell(sh, 3, 2))); /* 7: no plausible date */
	assert_null(xlsx_cell_date(b, xlsx_cell(sh, 2, 0))); /* text */
	xlsx_free(b);
	free(bytes);
}

static void the_1904_date_system(void **state)
{
	size_t size;
	void *bytes = book_bytes(" date1904=\"1\"", sheet1, &size);
	struct xlsx_book *b;
	const struct xlsx_sheet *sh;
	struct ms_error err;

	assert_int_equal(xlsx_open_mem(&b, bytes, size, NULL, &err), MS_OK);
	assert_int_equal(xlsx_sheet(b, "回線", &sh, &err), MS_OK);
	assert_string_equal(text(sh, 3, 0), "2030-09-16"); /* 46280 days after 1904-01-01 */
	xlsx_free(b);
	free(bytes);
}

static void damaged_sheets_are_refused(void **state)
{
	static const char *const bad[] = {
		/* shared-string index out of range */
		"<worksheet><sheetData><row><c t=\"s\"><v>99</v></c></row></sheetData></worksheet>",
		/* bad reference */
		"<worksheet><sheetData><row><c r=\"1A\"><v>1</v></c></row></sheetData></worksheet>",
		/* past Excel's last column */
		"<worksheet><sheetData><row><c r=\"XFE1\"><v>1</v></c></row></sheetData></worksheet>",
		/* not a number */
		"<worksheet><sheetData><row><c><v>1e999</v></c></row></sheetData></worksheet>",
		/* unknown type */
		"<worksheet><sheetData><row><c t=\"q\"><v>1</v></c></row></sheetData></worksheet>",
		/* not XML */
		"<worksheet><sheetData><row>",
		/* an entity bomb: no DTD is accepted at all */
		"<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\">"
		"<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
		"<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>&c;</t></is></c></row>"
		"</sheetData></worksheet>",
	};

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		size_t size;
		void *bytes = book_bytes("", bad[i], &size);
		struct xlsx_book *b;
		const struct xlsx_sheet *sh = NULL;
		struct ms_error err;

		print_message("case %zu\n", i);
		assert_int_equal(xlsx_open_mem(&b, bytes, size, NULL, &err), MS_OK);
		assert_int_equal(xlsx_sheet(b, "回線", &sh, &err), MS_ERR_INPUT);
		assert_true(err.msg == MSG_XLSX_DAMAGED || err.msg == MSG_XLSX_BAD_XML);
		assert_null(sh);
		xlsx_free(b);
		free(bytes);
	}
}

static void a_zip_that_is_no_workbook(void **state)
{
	struct part parts[] = { { "readme.txt", "hello" } };
	size_t size;
	void *bytes = make_zip(parts, 1, &size);
	struct xlsx_book *b;
	struct ms_error err;

	assert_int_equal(xlsx_open_mem(&b, bytes, size, NULL, &err), MS_ERR_INPUT);
	assert_int_equal(err.msg, MSG_XLSX_MISSING_PART);
	assert_string_equal(err.arg, "_rels/.rels");
	free(bytes);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cells_as_written),
		cmocka_unit_test(the_1904_date_system),
		cmocka_unit_test(damaged_sheets_are_refused),
		cmocka_unit_test(a_zip_that_is_no_workbook),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
