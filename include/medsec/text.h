/* text.h - terminal columns taken by UTF-8 text (Japanese characters take two). */
#ifndef MEDSEC_TEXT_H
#define MEDSEC_TEXT_H

#include <stddef.h>

size_t ms_display_width(const char *s);

#endif
