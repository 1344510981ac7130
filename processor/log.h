/*
 * log.h - levelled log lines on stderr, as text or as JSON lines.
 */
#ifndef NE_LOG_H
#define NE_LOG_H

#include <stdint.h>

enum { NE_LOG_ERROR = 0, NE_LOG_WARN, NE_LOG_INFO, NE_LOG_DEBUG };

/** @brief Set the threshold and the format (json != 0: one JSON object a line). */
void ne_log_setup(int level, int json);
/** @brief Parse "error", "warn", "info", "debug". @returns the level or -1. */
int ne_log_level_parse(const char *s);
/** @brief The time now, UTC, as RFC 3339 with milliseconds (2026-11-28T15:09:45.176Z). */
void ne_log_time_now(char buf[64]);
/** @brief Log a line if level passes the threshold. Never logs secrets: callers pass none. */
void ne_log(int level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/**
 * What a log line is about, for --log-format json: each field that is set
 * becomes a field of the JSON object beside time, level and msg. Text lines
 * show the message only, so the message should say the same in words.
 */
typedef struct ne_log_rec_s {
    const char *topic;  /**< a Kafka record's topic; with it, partition and offset are fields */
    int32_t partition;
    int64_t offset;
    long line;          /**< an input line (extract), 0: none */
    const char *id;     /**< an article id, NULL: none */
    const char *reason; /**< a reason code (reject, dead letter, skip), NULL: none */
} ne_log_rec_t;

/** @brief Log a line about a record (rec may be NULL), if level passes the threshold. */
void ne_log_rec(int level, const ne_log_rec_t *rec, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#define ne_err(...) ne_log(NE_LOG_ERROR, __VA_ARGS__)
#define ne_warn(...) ne_log(NE_LOG_WARN, __VA_ARGS__)
#define ne_info(...) ne_log(NE_LOG_INFO, __VA_ARGS__)
#define ne_debug(...) ne_log(NE_LOG_DEBUG, __VA_ARGS__)

#endif
