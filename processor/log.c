/*
 * log.c - one line per message on stderr, under a lock so that threads
 * (librdkafka's callbacks, extraction workers) never interleave. As JSON,
 * a line about a record also carries its topic, partition, offset, input
 * line, article id and reason as fields (ne_log_rec).
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "log.h"

static int g_level = NE_LOG_INFO;
static int g_json = 0;
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

void ne_log_setup(int level, int json)
{
    g_level = level;
    g_json = json;
}

static const char *const LEVELS[] = {"error", "warn", "info", "debug"};

int ne_log_level_parse(const char *s)
{
    for (int i = 0; i < 4; i++)
        if (strcmp(s, LEVELS[i]) == 0) return i;
    return -1;
}

static void json_escape(FILE *fp, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') fprintf(fp, "\\%c", c);
        else if (c == '\n') fputs("\\n", fp);
        else if (c < 0x20) fprintf(fp, "\\u%04x", c);
        else fputc(c, fp);
    }
}

void ne_log_time_now(char buf[64])
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    gmtime_r(&ts.tv_sec, &tm);
    snprintf(buf, 64, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900, tm.tm_mon + 1,
             tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, (int)(ts.tv_nsec / 1000000));
}

static void json_field(FILE *fp, const char *key, const char *val)
{
    fprintf(fp, ",\"%s\":\"", key);
    json_escape(fp, val);
    fputc('"', fp);
}

static void vlog(int level, const ne_log_rec_t *rec, const char *fmt, va_list ap)
{
    if (level > g_level) return;
    char msg[2048];
    vsnprintf(msg, sizeof(msg), fmt, ap);
    char ts[64];
    ne_log_time_now(ts);
    pthread_mutex_lock(&g_lock);
    if (g_json) {
        fprintf(stderr, "{\"time\":\"%s\",\"level\":\"%s\"", ts, LEVELS[level]);
        json_field(stderr, "msg", msg);
        if (rec && rec->topic) {
            json_field(stderr, "topic", rec->topic);
            fprintf(stderr, ",\"partition\":%" PRId32 ",\"offset\":%" PRId64, rec->partition,
                    rec->offset);
        }
        if (rec && rec->line > 0) fprintf(stderr, ",\"line\":%ld", rec->line);
        if (rec && rec->id) json_field(stderr, "id", rec->id);
        if (rec && rec->reason) json_field(stderr, "reason", rec->reason);
        fputs("}\n", stderr);
    } else {
        fprintf(stderr, "%s %-5s %s\n", ts, LEVELS[level], msg);
    }
    fflush(stderr);
    pthread_mutex_unlock(&g_lock);
}

void ne_log(int level, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vlog(level, NULL, fmt, ap);
    va_end(ap);
}

void ne_log_rec(int level, const ne_log_rec_t *rec, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vlog(level, rec, fmt, ap);
    va_end(ap);
}
