/*
 * extract.c - the offline driver: the same decoder and coder as the
 * service, over JSON Lines files. Articles in another language than
 * English are skipped and counted, not rejected: they are valid records
 * that the English dictionaries cannot code (ne_language_coded).
 *
 * Lines are read in chunks, and a line longer than the record limit is
 * skipped to its end without being kept in memory, so memory stays bounded
 * whatever the input.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "extract.h"
#include "log.h"

typedef struct line_s {
    char *buf;
    size_t len, cap;
    int too_long;
} line_t;

/* A buffered reader that finds line ends with memchr, so NUL bytes inside
 * a line are kept (and rejected by the decoder) rather than cutting it. */
typedef struct reader_s {
    FILE *fp;
    char chunk[65536];
    size_t pos, end;
    int eof;
} reader_t;

static int append(line_t *l, const char *s, size_t n, size_t max)
{
    if (l->too_long || l->len + n > max) {
        l->too_long = 1;
        l->len += n;
        return 0;
    }
    if (l->len + n + 1 > l->cap) {
        size_t ncap = (l->len + n + 1) * 2;
        if (ncap > max + 1) ncap = max + 1;
        char *nb = realloc(l->buf, ncap);
        if (!nb) return -1;
        l->buf = nb;
        l->cap = ncap;
    }
    memcpy(l->buf + l->len, s, n);
    l->len += n;
    l->buf[l->len] = '\0';
    return 0;
}

/* Read one line (without its newline) keeping at most max bytes.
 * Returns 1 when a line was read, 0 at the end, -1 on error. */
static int read_line(reader_t *r, line_t *l, size_t max)
{
    l->len = 0;
    l->too_long = 0;
    if (l->buf) l->buf[0] = '\0';
    int any = 0;
    for (;;) {
        if (r->pos == r->end) {
            if (r->eof) return any;
            r->end = fread(r->chunk, 1, sizeof(r->chunk), r->fp);
            r->pos = 0;
            if (r->end == 0) {
                if (ferror(r->fp)) return -1;
                r->eof = 1;
                return any;
            }
        }
        any = 1;
        char *nl = memchr(r->chunk + r->pos, '\n', r->end - r->pos);
        size_t n = nl ? (size_t)(nl - (r->chunk + r->pos)) : r->end - r->pos;
        if (append(l, r->chunk + r->pos, n, max) < 0) return -1;
        r->pos += n;
        if (nl) {
            r->pos++;
            return 1;
        }
    }
}

static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r') return 0;
    return 1;
}

static char *b64(const char *s, size_t n)
{
    static const char tb[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char *o = malloc((n + 2) / 3 * 4 + 1), *p = o;
    if (!o) return NULL;
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned char)s[i] << 16;
        if (i + 1 < n) v |= (unsigned char)s[i + 1] << 8;
        if (i + 2 < n) v |= (unsigned char)s[i + 2];
        *p++ = tb[v >> 18 & 63];
        *p++ = tb[v >> 12 & 63];
        *p++ = i + 1 < n ? tb[v >> 6 & 63] : '=';
        *p++ = i + 2 < n ? tb[v & 63] : '=';
    }
    *p = '\0';
    return o;
}

/* A reject record: {"line", "reason", "error", "bytes", "record_base64"}. */
static void write_reject(FILE *rj, long lineno, ne_reason_t r, const char *msg, const line_t *l)
{
    json_t *o = json_pack("{s:I, s:s, s:s, s:I}", "line", (json_int_t)lineno, "reason",
                          ne_reason_name(r), "error", msg, "bytes", (json_int_t)l->len);
    if (!o) return;
    if (!l->too_long) {
        char *enc = b64(l->buf, l->len);
        if (enc) {
            json_object_set_new(o, "record_base64", json_string(enc));
            free(enc);
        }
    }
    char *s = json_dumps(o, JSON_COMPACT);
    if (s) {
        fputs(s, rj);
        fputc('\n', rj);
        free(s);
    }
    json_decref(o);
}

int ne_extract_run(const ne_conf_t *conf, const ne_coder_t *coder)
{
    FILE *in = stdin, *out = stdout, *rj = NULL;
    int rc = 0;
    if (conf->in_file && strcmp(conf->in_file, "-") && !(in = fopen(conf->in_file, "rb"))) {
        ne_err("cannot open %s: %s", conf->in_file, strerror(errno));
        return 1;
    }
    if (conf->out_file && strcmp(conf->out_file, "-") && !(out = fopen(conf->out_file, "w"))) {
        ne_err("cannot create %s: %s", conf->out_file, strerror(errno));
        if (in != stdin) fclose(in);
        return 1;
    }
    if (conf->rejects_file && !(rj = fopen(conf->rejects_file, "w"))) {
        ne_err("cannot create %s: %s", conf->rejects_file, strerror(errno));
        if (in != stdin) fclose(in);
        if (out != stdout) fclose(out);
        return 1;
    }
    ne_events_t *ev = ne_events_new();
    line_t l = {0};
    reader_t *rd = calloc(1, sizeof(*rd));
    ne_limits_t lim = {conf->max_record_bytes, (const char *const *)conf->map, conf->nmap / 2};
    long lineno = 0, articles = 0, events = 0, rejected = 0, skipped = 0;
    char err[512];
    if (rd) rd->fp = in;
    if (!ev || !rd) {
        ne_err("out of memory");
        rc = 1;
        goto done;
    }
    for (;;) {
        int got = read_line(rd, &l, conf->max_record_bytes);
        if (got < 0) {
            ne_err("reading input: %s", strerror(errno));
            rc = 1;
            break;
        }
        if (got == 0) break;
        lineno++;
        if (!l.too_long && blank(l.buf ? l.buf : "", l.len)) continue;
        ne_article_t art;
        ne_reason_t r;
        if (l.too_long) {
            snprintf(err, sizeof(err), "line of %zu bytes is larger than the limit of %zu",
                     l.len, conf->max_record_bytes);
            r = NE_R_TOO_LARGE;
        } else {
            r = ne_article_decode(l.buf, l.len, &lim, &art, err, sizeof(err));
        }
        if (r == NE_OK) {
            if (!art.id) {
                char id[32];
                snprintf(id, sizeof(id), "line-%ld", lineno);
                art.id = strdup(id);
            }
            if (art.id && !ne_language_coded(art.language)) {
                skipped++;
                ne_log_rec(NE_LOG_INFO, &(ne_log_rec_t){.line = lineno, .id = art.id, .reason = "language"},
                           "line %ld: skipped: article %s is in '%s'; only English is coded", lineno,
                           art.id, art.language);
            } else if (!art.id || ne_coder_code(coder, &art, ev, err, sizeof(err)) < 0) {
                r = NE_R_CODER_ERROR;
            } else {
                articles++;
                for (size_t i = 0; i < ne_events_count(ev); i++) {
                    size_t n;
                    char *js = ne_event_to_json(ne_events_get(ev, i), &art, &n);
                    if (!js) {
                        ne_err("out of memory encoding an event");
                        rc = 1;
                        break;
                    }
                    fwrite(js, 1, n, out);
                    fputc('\n', out);
                    free(js);
                    events++;
                }
            }
            ne_article_clear(&art);
            if (rc) break;
        }
        if (r != NE_OK) {
            rejected++;
            ne_log_rec(NE_LOG_WARN, &(ne_log_rec_t){.line = lineno, .reason = ne_reason_name(r)},
                       "line %ld: %s: %s", lineno, ne_reason_name(r), err);
            if (rj) write_reject(rj, lineno, r, err, &l);
        }
        if (ferror(out)) {
            ne_err("writing output: %s", strerror(errno));
            rc = 1;
            break;
        }
    }
    ne_info("extract: %ld lines, %ld articles coded, %ld events, %ld rejected, %ld skipped (not English)",
            lineno, articles, events, rejected, skipped);
done:
    free(rd);
    free(l.buf);
    ne_events_destroy(ev);
    if (in != stdin) fclose(in);
    if (fflush(out) != 0 || (out != stdout && fclose(out) != 0)) {
        ne_err("writing output: %s", strerror(errno));
        rc = 1;
    }
    if (rj && fclose(rj) != 0) rc = 1;
    return rc;
}
