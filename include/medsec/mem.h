/*
 * mem.h - allocation that cannot return NULL, and a string arena.
 *
 * Out of memory is not a condition medsec recovers from: ms_x* abort with a
 * message, so callers never carry NULL checks for small allocations.
 */
#ifndef MEDSEC_MEM_H
#define MEDSEC_MEM_H

#include <stddef.h>

void *ms_xmalloc(size_t n);
void *ms_xcalloc(size_t n, size_t size);
void *ms_xrealloc(void *p, size_t n);
/* Grows the array *v of *n elements of size bytes by one zeroed element; returns it. */
void *ms_xgrow(void **v, size_t *n, size_t size);
char *ms_xstrdup(const char *s);
char *ms_xstrndup(const char *s, size_t n);
/* Returns a new string built like printf; free() it. */
char *ms_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * An arena owns many small strings that die together (one parsed document).
 * Zero-initialise, allocate with ms_arena_*, release all with ms_arena_dispose.
 */
struct ms_arena {
	struct ms_arena_block *head;
};

char *ms_arena_strdup(struct ms_arena *a, const char *s); /* NULL stays NULL */
char *ms_arena_strndup(struct ms_arena *a, const char *s, size_t n);
void ms_arena_dispose(struct ms_arena *a);

#endif
