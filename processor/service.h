/*
 * service.h - `newsevents run`: consumer -> coder -> producer, in a loop,
 * until SIGINT or SIGTERM.
 */
#ifndef NE_SERVICE_H
#define NE_SERVICE_H

#include <stdint.h>

#include "config.h"
#include "producer.h"
#include "newsevents.h"

/** @brief Check and complete the service settings (defaults for the
 * dead-letter topic and client id). @returns 0, or -1 with err. */
int ne_service_check_conf(ne_conf_t *conf, char *err, size_t errsz);

/**
 * @brief What `run` and `replay` do first: start the shutdown watchdog, log
 * the effective settings, create the output topics (--create-topics), and
 * check that they exist, reading their record size limits into lim.
 * @returns 0, or -1 (logged).
 */
int ne_service_start(const ne_conf_t *conf, ne_topic_limits_t *lim);

/** @brief Run until a signal (the caller installs the handlers with
 * ne_service_signals) or a fatal error. @returns the exit code (0 clean). */
int ne_service_run(const ne_conf_t *conf, const ne_coder_t *coder);

/** @brief Install the SIGINT/SIGTERM handlers that stop the loops. */
void ne_service_signals(void);
/** @brief Has no stop been asked for? */
int ne_service_running(void);
/** @brief Stop with a failure: the exit code will be 1 (authentication errors). */
void ne_service_fail(void);
/** @brief Did anything call ne_service_fail()? */
int ne_service_failed(void);

/** @brief Begin stopping (as a signal does): the shutdown deadline starts now. */
void ne_service_stop(void);
/** @brief When every wait of the shutdown must end (ne_now_ms() time;
 * INT64_MAX while running): --flush-timeout-ms after the stop began. */
int64_t ne_service_deadline(void);
/** @brief Has the shutdown deadline passed? */
int ne_service_past_deadline(void);
/** @brief Start the watchdog that ends the process 5 s after the shutdown
 * deadline, whatever is still waiting. */
void ne_service_watchdog(int flush_timeout_ms);

/** @brief librdkafka's version string. */
const char *ne_service_rdkafka_version(void);

#endif
