/*
 * extract.c - the offline driver: the same decoder and coder as the
 * service, over JSON Lines files. Articles in another language than
 * English are skipped and counted, not rejected: they are valid records
 * that the English dictionaries cannot code (ne_language_coded).
 *
 * Lines are read in chunks, and a line longer than the record limit is
 * skipped to its end without being kept in memory, so memory stays bounded
 * whatever the input. With --threads N, N workers code the lines and the
 * output keeps the input's order.
 */
#include <errno.h>
#include <pthread.h>
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

/* One input line and what coding it gave. Jobs sit in a ring in input
 * order; with --threads N, N workers code them (the coder is read-only,
 * each worker has its own event buffer) and the reading thread writes the
 * results from the head of the ring, so the output is in input order and
 * the same whatever N. */
typedef struct xjob_s {
    line_t l; /* the line; its buffer is kept from one use of the slot to the next */
    long lineno;
    ne_reason_t r;
    int skipped;     /* a valid article in another language */
    int oom;         /* out of memory encoding an event */
    char err[512];   /* the reject's or the skip's message */
    char *id;        /* the skipped article's id */
    char *out;       /* the events' JSON lines */
    size_t outlen, outcap;
    long nev;
    int done;
} xjob_t;

typedef struct xring_s {
    const ne_conf_t *conf;
    const ne_coder_t *coder;
    ne_limits_t lim;
    xjob_t *jobs;
    size_t cap, head, count, next; /* next: the oldest job not yet taken by a worker */
    int stop;
    pthread_mutex_t lock;
    pthread_cond_t work, done;
} xring_t;

/* Decode and code one line into its job (any thread). */
static void code_line(xring_t *x, ne_events_t *ev, xjob_t *j)
{
    j->r = NE_OK;
    j->skipped = j->oom = 0;
    j->nev = 0;
    j->outlen = 0;
    free(j->id);
    j->id = NULL;
    if (j->l.too_long) {
        snprintf(j->err, sizeof(j->err), "line of %zu bytes is larger than the limit of %zu", j->l.len,
                 x->conf->max_record_bytes);
        j->r = NE_R_TOO_LARGE;
        return;
    }
    ne_article_t art;
    j->r = ne_article_decode(j->l.buf, j->l.len, &x->lim, &art, j->err, sizeof(j->err));
    if (j->r != NE_OK) return;
    if (!art.id) {
        char id[32];
        snprintf(id, sizeof(id), "line-%ld", j->lineno);
        art.id = strdup(id);
    }
    if (art.id && !ne_language_coded(art.language)) {
        j->skipped = 1;
        j->id = strdup(art.id);
        snprintf(j->err, sizeof(j->err), "article %s is in '%s'; only English is coded", art.id, art.language);
    } else if (!art.id || ne_coder_code(x->coder, &art, ev, j->err, sizeof(j->err)) < 0) {
        j->r = NE_R_CODER_ERROR;
    } else {
        /* each record straight into the job's buffer, which is kept from one
         * line to the next: no allocation or copy per event */
        for (size_t i = 0; i < ne_events_count(ev); i++) {
            if (ne_event_append_json(ne_events_get(ev, i), &art, 0, &j->out, &j->outlen, &j->outcap) != 0) {
                j->oom = 1; /* no size limit here: only memory can fail */
                break;
            }
            j->out[j->outlen++] = '\n'; /* over the NUL the call leaves room for */
            j->nev++;
        }
    }
    ne_article_clear(&art);
}

static void *worker(void *arg)
{
    xring_t *x = arg;
    ne_events_t *ev = ne_events_new();
    pthread_mutex_lock(&x->lock);
    while (!x->stop) {
        if (!ev || x->next == x->count) {
            pthread_cond_wait(&x->work, &x->lock);
            continue;
        }
        xjob_t *j = &x->jobs[(x->head + x->next) % x->cap];
        x->next++;
        pthread_mutex_unlock(&x->lock);
        code_line(x, ev, j);
        pthread_mutex_lock(&x->lock);
        j->done = 1;
        pthread_cond_broadcast(&x->done);
    }
    pthread_mutex_unlock(&x->lock);
    ne_events_destroy(ev);
    return NULL;
}

typedef struct xcounts_s {
    long articles, events, rejected, skipped;
} xcounts_t;

/* Write one coded line's results (the reading thread, in input order).
 * Returns -1 when extract must stop. */
static int emit(xjob_t *j, FILE *out, FILE *rj, xcounts_t *c)
{
    if (j->r == NE_OK && j->skipped) {
        c->skipped++;
        ne_log_rec(NE_LOG_INFO, &(ne_log_rec_t){.line = j->lineno, .id = j->id, .reason = "language"},
                   "line %ld: skipped: %s", j->lineno, j->err);
    } else if (j->r == NE_OK) {
        c->articles++;
        if (j->outlen) fwrite(j->out, 1, j->outlen, out);
        c->events += j->nev;
        if (j->oom) {
            ne_err("out of memory encoding an event");
            return -1;
        }
    } else {
        c->rejected++;
        ne_log_rec(NE_LOG_WARN, &(ne_log_rec_t){.line = j->lineno, .reason = ne_reason_name(j->r)},
                   "line %ld: %s: %s", j->lineno, ne_reason_name(j->r), j->err);
        if (rj) write_reject(rj, j->lineno, j->r, j->err, &j->l);
    }
    if (ferror(out)) {
        ne_err("writing output: %s", strerror(errno));
        return -1;
    }
    return 0;
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
    /* workers: none for --threads 1 (coded on this thread); a ring of a few
     * lines per worker keeps them busy while memory stays bounded (each
     * slot holds at most one line of max_record_bytes) */
    int nthreads = conf->threads > 1 ? conf->threads : 0;
    xring_t x = {.conf = conf, .coder = coder, .cap = nthreads ? (size_t)nthreads * 4 : 1};
    x.lim = (ne_limits_t){conf->max_record_bytes, (const char *const *)conf->map, conf->nmap / 2};
    pthread_mutex_init(&x.lock, NULL);
    pthread_cond_init(&x.work, NULL);
    pthread_cond_init(&x.done, NULL);
    x.jobs = calloc(x.cap, sizeof(*x.jobs));
    pthread_t *threads = nthreads ? calloc((size_t)nthreads, sizeof(*threads)) : NULL;
    ne_events_t *ev = nthreads ? NULL : ne_events_new();
    reader_t *rd = calloc(1, sizeof(*rd));
    int started = 0;
    long lineno = 0;
    xcounts_t c = {0};
    if (!x.jobs || !rd || (nthreads ? !threads : !ev)) {
        ne_err("out of memory");
        rc = 1;
        goto done;
    }
    rd->fp = in;
    for (; started < nthreads; started++)
        if (pthread_create(&threads[started], NULL, worker, &x) != 0) {
            ne_err("cannot start worker thread %d", started);
            rc = 1;
            goto done;
        }
    for (int eof = 0;;) {
        /* fill the ring (the slot after the last is not in use) */
        while (!eof && x.count < x.cap) {
            xjob_t *j = &x.jobs[(x.head + x.count) % x.cap];
            int got = read_line(rd, &j->l, conf->max_record_bytes);
            if (got < 0) {
                ne_err("reading input: %s", strerror(errno));
                rc = 1;
            }
            if (got <= 0) {
                eof = 1;
                break;
            }
            lineno++;
            if (!j->l.too_long && blank(j->l.buf ? j->l.buf : "", j->l.len)) continue;
            j->lineno = lineno;
            j->done = 0;
            if (!nthreads) {
                x.count++;
                x.next++;
                code_line(&x, ev, j);
                j->done = 1;
                continue;
            }
            pthread_mutex_lock(&x.lock);
            x.count++;
            pthread_cond_signal(&x.work);
            pthread_mutex_unlock(&x.lock);
        }
        if (!x.count) break;
        /* the oldest line, once coded */
        xjob_t *h = &x.jobs[x.head];
        pthread_mutex_lock(&x.lock);
        while (!h->done) pthread_cond_wait(&x.done, &x.lock);
        pthread_mutex_unlock(&x.lock);
        int stop = emit(h, out, rj, &c) < 0;
        pthread_mutex_lock(&x.lock);
        x.head = (x.head + 1) % x.cap;
        x.count--;
        x.next--;
        pthread_mutex_unlock(&x.lock);
        if (stop) {
            rc = 1;
            break;
        }
        if (rc && !x.count) break;
    }
    ne_info("extract: %ld lines, %ld articles coded, %ld events, %ld rejected, %ld skipped (not English)",
            lineno, c.articles, c.events, c.rejected, c.skipped);
done:
    pthread_mutex_lock(&x.lock);
    x.stop = 1;
    pthread_cond_broadcast(&x.work);
    pthread_mutex_unlock(&x.lock);
    for (int i = 0; i < started; i++) pthread_join(threads[i], NULL);
    free(threads);
    for (size_t i = 0; x.jobs && i < x.cap; i++) {
        free(x.jobs[i].l.buf);
        free(x.jobs[i].out);
        free(x.jobs[i].id);
    }
    free(x.jobs);
    pthread_mutex_destroy(&x.lock);
    pthread_cond_destroy(&x.work);
    pthread_cond_destroy(&x.done);
    free(rd);
    ne_events_destroy(ev);
    if (in != stdin) fclose(in);
    if (fflush(out) != 0 || (out != stdout && fclose(out) != 0)) {
        ne_err("writing output: %s", strerror(errno));
        rc = 1;
    }
    if (rj && fclose(rj) != 0) rc = 1;
    return rc;
}
