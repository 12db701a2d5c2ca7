/*
 * terminal_read.h - what the terminal analysis reads: the Windows lifecycle list
 * (data/windows-lifecycle.json) and, next, the collector's files.
 */
#ifndef MEDSEC_TERMINAL_READ_H
#define MEDSEC_TERMINAL_READ_H

#include "medsec/error.h"
#include "medsec/mem.h"
#include "medsec/terminal.h"

struct lifecycle_list {
	struct ms_arena arena;
	struct lifecycle_entry *entries;
	size_t n;
	struct lifecycle view; /* what terminal_os_support takes */
};

/* Loads and checks the list; *out is new (terminal_lifecycle_free). Problems go to d. */
int terminal_lifecycle_load(const char *path, struct lifecycle_list **out, struct ms_diags *d,
                            struct ms_error *err);
void terminal_lifecycle_free(struct lifecycle_list *l);

#endif
