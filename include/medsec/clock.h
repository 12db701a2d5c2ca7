/*
 * clock.h - the time medsec records. MEDSEC_NOW (ISO 8601, UTC) fixes it,
 * so tests and the demo produce the same documents on every run.
 */
#ifndef MEDSEC_CLOCK_H
#define MEDSEC_CLOCK_H

/* Writes "YYYY-MM-DDTHH:MM:SSZ" into buf (at least 21 bytes). */
void ms_now_iso(char buf[32]);

#endif
