/*
 * replay.h - `newsevents replay`: a bounded run over input topics for
 * backfills, from a starting point to the end offsets recorded when it
 * starts (or to a time), then exit 0.
 */
#ifndef NE_REPLAY_H
#define NE_REPLAY_H

#include "config.h"
#include "newsevents.h"

/** @brief Check the replay settings (--from, --until). @returns 0 or -1 with err. */
int ne_replay_check_conf(ne_conf_t *conf, char *err, size_t errsz);

/** @brief Run the replay (the caller installs the signal handlers with
 * ne_service_signals). @returns the exit code (0: every partition reached its end). */
int ne_replay_run(const ne_conf_t *conf, const ne_coder_t *coder);

/** @brief Parse an RFC 3339 time into ms since the epoch. @returns 0, or -1 if invalid. */
int ne_parse_rfc3339_ms(const char *s, int64_t *ms);

#endif
