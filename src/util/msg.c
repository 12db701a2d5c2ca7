/* msg.c - message texts by id and language (msg.h). */
#include <string.h>

#include "medsec/msg.h"

static const char *const texts[MSG__COUNT][2] = {
#define MSG(id, ja, en) [id] = { ja, en },
#include "medsec/messages.def"
#undef MSG
};

const char *msg_text(enum msg_id id, enum ms_lang lang)
{
	if ((unsigned)id >= MSG__COUNT)
		return "?";
	return texts[id][lang == MS_LANG_EN];
}

int msg_lang_parse(const char *s)
{
	if (!s || !*s)
		return -1;
	if (strncmp(s, "ja", 2) == 0)
		return MS_LANG_JA;
	if (strncmp(s, "en", 2) == 0 || strcmp(s, "C") == 0 || strcmp(s, "POSIX") == 0)
		return MS_LANG_EN;
	return -1;
}
