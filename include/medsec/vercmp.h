/*
 * vercmp.h - ordering firmware and software versions as vendors write them
 * (FortiOS 7.2.7, IOS XE 17.6.6a, ASA 9.6.4.42, NetScaler 13.1-49.15,
 * SonicOS 7.0.1-5035, Ivanti 22.7R2.3, Yamaha Rev.15.02.30, OpenSSH 9.2p1).
 */
#ifndef MEDSEC_VERCMP_H
#define MEDSEC_VERCMP_H

/*
 * <0, 0, >0 as a is older than, the same as, or newer than b. Versions are
 * compared part by part: numbers by value (15.02 = 15.2), letters
 * case-blind; a pre-release mark (alpha, beta, pre, rc) sorts before the
 * release, any other letter part after it (17.6.6a > 17.6.6); a "Rev." or
 * "v" prefix is ignored.
 */
int vercmp(const char *a, const char *b);

#endif
