/*
 * extract.h - `newsevents extract`, the offline twin of the service:
 * article JSON Lines in, event JSON Lines out, bad lines reported.
 */
#ifndef NE_EXTRACT_H
#define NE_EXTRACT_H

#include "config.h"
#include "newsevents.h"

/**
 * @brief Code every line of the input. A bad line is reported (stderr, and
 * the rejects file when set) and skipped.
 * @returns 0 when the input was read to its end, 1 on an I/O error.
 */
int ne_extract_run(const ne_conf_t *conf, const ne_coder_t *coder);

#endif
