/*
 * fields.h - the intake form, field by field.
 *
 * One table drives the JSON reader, the workbook reader, the blank
 * template and the generic checks, so a new column is one line here.
 */
#ifndef MEDSEC_INTAKE_FIELDS_H
#define MEDSEC_INTAKE_FIELDS_H

#include <stddef.h>

#include "medsec/model.h"

enum intake_rec {
	REC_HOSPITAL,
	REC_CONTACT,
	REC_LINE,
	REC_DEVICE,
	REC_TERMINAL,
	REC_LOCATION,
	REC__COUNT
};

enum field_type {
	FT_TEXT,
	FT_INT,  /* "回線3", "No.3", "３" and 3 all read as 3 */
	FT_BOOL, /* JSON true/false; workbook labels from the set (TRI_YES/TRI_NO) */
	FT_ENUM, /* JSON key; workbook Japanese label */
	FT_DATE, /* YYYY-MM-DD; a date cell in the workbook */
};

#define F_REQUIRED 1u /* always required: marked (*) in the workbook */
#define F_PREFIX 2u   /* an address or prefix, checked by validate.c */
#define F_MARKED 4u   /* marked (*) as in the seed, but required only when validate.c says */

struct intake_field {
	enum intake_rec rec;
	const char *json; /* JSON member name */
	const char *ja;   /* workbook header or label, without (*) */
	const char *en;
	enum field_type type;
	const struct model_enum *set;
	unsigned flags;
	size_t offset;        /* of the char * / int member in the record struct */
	unsigned short width; /* template column width */
	const char *example;  /* the example row of the template */
	const char *hint_ja;  /* the template's input message */
};

extern const struct intake_field intake_fields[];
extern const size_t intake_n_fields;

/* Index of the field of rec with this JSON name, or -1. */
int intake_field_find(enum intake_rec rec, const char *json);

/* The sheet a record kind lives on, and the JSON path of its array. */
/* struct terminal's system: the member of its closed set that seed 001's choice of PCs needs. */
enum { TERMINAL_SYSTEM_EHR = 1 };

const char *intake_sheet_name(enum intake_rec rec);
const char *intake_json_array(enum intake_rec rec); /* "lines", "hospital/contacts" ... */

/* Sheet names of the workbook (seed 001, 5. ご提出資料について). */
#define SHEET_BASIC "基本情報記入シート"
#define SHEET_LINES "回線・機器情報記入シート"
#define SHEET_TERMINALS "調査端末情報記入シート"
#define SHEET_LOCATIONS "設置場所記入シート"
#define SHEET_ACCOUNTS "アカウント・パスワードリスト"
#define EXAMPLE_MARK "記入例"
#define CONSENT_TEXT "同意する"
#define UNKNOWN_FIRMWARE "不明"

/* Field accessors by offset. */
static inline char **field_text(void *rec, const struct intake_field *f)
{
	return (char **)((char *)rec + f->offset);
}

static inline int *field_int(void *rec, const struct intake_field *f)
{
	return (int *)((char *)rec + f->offset);
}

/* The record struct of kind rec at index i of doc (i ignored for REC_HOSPITAL). */
void *intake_record(struct intake_doc *doc, enum intake_rec rec, size_t i);
size_t intake_record_count(const struct intake_doc *doc, enum intake_rec rec);
void *intake_record_add(struct intake_doc *doc, enum intake_rec rec);

/* Fills buf with "FILE:SHEET:ROW:COL" or "FILE:/json/pointer" for one field (field < 0: the record). */
void intake_where(const struct intake_doc *doc, enum intake_rec rec, const void *record, int field,
                  char *buf, size_t size);

#endif
