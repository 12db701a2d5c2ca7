/*
 * text.h - terminal columns taken by UTF-8 text (Japanese characters take two),
 * and reading numbers out of outside text without sscanf (whose %d overflows
 * into undefined behaviour on long digit runs).
 */
#ifndef MEDSEC_TEXT_H
#define MEDSEC_TEXT_H

#include <stddef.h>

size_t ms_display_width(const char *s);

/* Reads min..max (<= 9) decimal digits at s into *out; returns what follows them, or NULL. */
const char *ms_read_digits(const char *s, int min, int max, int *out);
/* The value of a hexadecimal digit, or -1. */
int ms_hex_value(int c);

#endif
