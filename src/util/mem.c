/* mem.c - aborting allocators and the string arena (mem.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "medsec/mem.h"

static void oom(size_t n)
{
	fprintf(stderr, "medsec: out of memory (%zu bytes)\n", n);
	abort();
}

void *ms_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		oom(n);
	return p;
}

void *ms_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		oom(n * size);
	return p;
}

void *ms_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		oom(n);
	return q;
}

void *ms_xgrow(void **v, size_t *n, size_t size)
{
	*v = ms_xrealloc(*v, (*n + 1) * size);
	return memset((char *)*v + (*n)++ * size, 0, size);
}

char *ms_xstrndup(const char *s, size_t n)
{
	char *p = ms_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *ms_xstrdup(const char *s)
{
	return ms_xstrndup(s, strlen(s));
}

char *ms_xasprintf(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		abort();
	p = ms_xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

struct ms_arena_block {
	struct ms_arena_block *next;
	char data[];
};

char *ms_arena_strndup(struct ms_arena *a, const char *s, size_t n)
{
	struct ms_arena_block *b = ms_xmalloc(sizeof(*b) + n + 1);

	memcpy(b->data, s, n);
	b->data[n] = '\0';
	b->next = a->head;
	a->head = b;
	return b->data;
}

char *ms_arena_strdup(struct ms_arena *a, const char *s)
{
	return s ? ms_arena_strndup(a, s, strlen(s)) : NULL;
}

void ms_arena_dispose(struct ms_arena *a)
{
	struct ms_arena_block *b = a->head;

	while (b) {
		struct ms_arena_block *next = b->next;

		free(b);
		b = next;
	}
	a->head = NULL;
}
