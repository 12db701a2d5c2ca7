/*
 * msg.h - the catalogue of user-facing messages, Japanese first.
 *
 * Every sentence a user can read has an id here and its texts in
 * messages.def; modules return ids, the front ends pick the language.
 */
#ifndef MEDSEC_MSG_H
#define MEDSEC_MSG_H

enum ms_lang { MS_LANG_JA, MS_LANG_EN };

enum msg_id {
#define MSG(id, ja, en) id,
#include "medsec/messages.def"
#undef MSG
	MSG__COUNT
};

/* Borrowed, static text of the message in lang; contains at most one %s. */
const char *msg_text(enum msg_id id, enum ms_lang lang);

/* Language from "ja"/"en" (or a locale like "en_US.UTF-8"); -1 if unknown. */
int msg_lang_parse(const char *s);

#endif
