/*
 * aggregate.c - the aggregation stage over an LMDB store (see aggregate.h
 * for the store's layout and what is emitted).
 *
 * Everything a count depends on is kept as store entries, not inside the
 * aggregate record: the event ids already counted (so a repeat never counts
 * twice), the distinct articles and sources. They go to the changelog like
 * the record itself, so a restored partition dedups exactly as the old one
 * did. The samples are the smallest ids seen, not the first ones, so that
 * the stream (where events of one key arrive in any interleaving of the
 * input partitions) and the offline twin give the same record.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <jansson.h>
#include <lmdb.h>

#include "aggregate.h"

#define SEP '\x1f'
#define WM_KEY "~wm"
/* LMDB's key limit is 511 bytes: longer ids are kept by their hash */
#define MAX_MEMBER 400
#define MAX_PARTS 4096

void ne_agg_opts_init(ne_agg_opts_t *o)
{
    o->code_root = 0;
    o->actor_country = 0;
    o->precision = NE_AGG_DAY;
    o->retention_days = 30;
    o->grace_days = -1;
    o->samples = 5;
}

/* ---- the CAMEO table --------------------------------------------------------- */

typedef struct cameo_row_s {
    char code[8];
    double goldstein;
    int quad;
    char *label;
} cameo_row_t;

struct ne_cameo_s {
    cameo_row_t *rows;
    size_t n;
};

void ne_cameo_free(ne_cameo_t *t)
{
    if (!t) return;
    for (size_t i = 0; i < t->n; i++) free(t->rows[i].label);
    free(t->rows);
    free(t);
}

ne_cameo_t *ne_cameo_load(const char *dir, char *err, size_t errsz)
{
    char path[4096], line[1024];
    snprintf(path, sizeof(path), "%s/cameo.tsv", dir);
    FILE *fp = fopen(path, "r");
    if (!fp) {
        snprintf(err, errsz, "cannot open %s: %s", path, strerror(errno));
        return NULL;
    }
    ne_cameo_t *t = calloc(1, sizeof(*t));
    size_t cap = 0;
    if (!t) goto fail;
    while (fgets(line, sizeof(line), fp)) {
        if (line[0] == '#' || line[0] == '\n') continue;
        line[strcspn(line, "\r\n")] = '\0';
        char *code = strtok(line, "\t"), *g = strtok(NULL, "\t"), *q = strtok(NULL, "\t"),
             *label = strtok(NULL, "\t");
        if (!code || !g || !q || !label || strlen(code) >= 8) continue;
        if (t->n == cap) {
            cap = cap ? cap * 2 : 512;
            cameo_row_t *nr = realloc(t->rows, cap * sizeof(*nr));
            if (!nr) goto fail;
            t->rows = nr;
        }
        cameo_row_t *r = &t->rows[t->n];
        snprintf(r->code, sizeof(r->code), "%s", code);
        r->goldstein = strtod(g, NULL);
        r->quad = atoi(q);
        if (!(r->label = strdup(label))) goto fail;
        t->n++;
    }
    fclose(fp);
    if (!t->n) {
        snprintf(err, errsz, "%s has no codes", path);
        ne_cameo_free(t);
        return NULL;
    }
    return t;
fail:
    fclose(fp);
    ne_cameo_free(t);
    snprintf(err, errsz, "out of memory reading %s", path);
    return NULL;
}

static const cameo_row_t *cameo_find(const ne_cameo_t *t, const char *code)
{
    for (size_t i = 0; t && i < t->n; i++)
        if (!strcmp(t->rows[i].code, code)) return &t->rows[i];
    return NULL;
}

/* ---- dates ---------------------------------------------------------------------- */

/* Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm). */
static int32_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int32_t z, char out[24])
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp + (mp < 10 ? 3 : -9);
    snprintf(out, 24, "%04d-%02d-%02d", (y + (m <= 2)) % 10000, m % 100, d % 100);
}

/* The number of n digits at s, or -1 (s need not be NUL-terminated: store keys are not). */
static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

/* Parse YYYY, YYYY-MM or YYYY-MM-DD (n bytes): its precision, first and last day.
 * Returns the precision or -1. */
static int period_parse(const char *s, size_t n, int32_t *first, int32_t *last)
{
    int y, m = 1, d = 1, p;
    if (n < 4 || (y = digits(s, 4)) < 0) return -1;
    if (n == 4) p = NE_AGG_YEAR;
    else if (n == 7 && s[4] == '-' && (m = digits(s + 5, 2)) >= 0) p = NE_AGG_MONTH;
    else if (n == 10 && s[4] == '-' && s[7] == '-' && (m = digits(s + 5, 2)) >= 0 && (d = digits(s + 8, 2)) >= 0)
        p = NE_AGG_DAY;
    else return -1;
    if (m < 1 || m > 12 || d < 1 || d > 31) return -1;
    *first = days_from_civil(y, m, d);
    if (p == NE_AGG_DAY) *last = *first;
    else if (p == NE_AGG_MONTH) *last = (m == 12 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, m + 1, 1)) - 1;
    else *last = days_from_civil(y + 1, 1, 1) - 1;
    return p;
}

int32_t ne_agg_day(const char *ymd)
{
    int32_t f, l;
    return ymd && period_parse(ymd, strlen(ymd), &f, &l) == NE_AGG_DAY ? f : INT32_MIN;
}

static void rfc3339_ms(int64_t ms, char out[32])
{
    time_t s = (time_t)(ms / 1000);
    struct tm tm;
    gmtime_r(&s, &tm);
    size_t n = strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(out + n, 32 - n, ".%03dZ", (int)(ms % 1000));
}

/* ---- the store ------------------------------------------------------------------ */

struct ne_agg_store_s {
    MDB_env *env;
    MDB_dbi dbi[MAX_PARTS];
    unsigned char open[MAX_PARTS];
    ne_agg_stats_t st;
};

ne_agg_store_t *ne_agg_store_open(const char *dir, size_t map_bytes, char *err, size_t errsz)
{
    ne_agg_store_t *s = calloc(1, sizeof(*s));
    if (!s) {
        snprintf(err, errsz, "out of memory");
        return NULL;
    }
    if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
        snprintf(err, errsz, "state folder %s: %s", dir, strerror(errno));
        free(s);
        return NULL;
    }
    int rc = mdb_env_create(&s->env);
    if (!rc) rc = mdb_env_set_maxdbs(s->env, MAX_PARTS);
    if (!rc) rc = mdb_env_set_mapsize(s->env, map_bytes ? map_bytes : (size_t)64 << 30);
    /* no fsync: after a crash the partition is restored from its changelog */
    if (!rc) rc = mdb_env_open(s->env, dir, MDB_NOSYNC | MDB_NOTLS, 0600);
    if (rc) {
        snprintf(err, errsz, "state store %s: %s", dir, mdb_strerror(rc));
        if (s->env) mdb_env_close(s->env);
        free(s);
        return NULL;
    }
    return s;
}

void ne_agg_store_close(ne_agg_store_t *s)
{
    if (!s) return;
    mdb_env_close(s->env);
    free(s);
}

void ne_agg_stats(const ne_agg_store_t *s, ne_agg_stats_t *st)
{
    *st = s->st;
}

/* The partition's database in txn; created (write txns) when it does not exist.
 * Returns 0, or an LMDB error (MDB_NOTFOUND in a read txn: no such partition). */
static int part_dbi(ne_agg_store_t *s, MDB_txn *txn, int32_t part, int create, MDB_dbi *dbi)
{
    if (part < 0 || part >= MAX_PARTS) return EINVAL;
    if (s->open[part]) {
        *dbi = s->dbi[part];
        return 0;
    }
    char name[16];
    snprintf(name, sizeof(name), "p%d", (int)part);
    int rc = mdb_dbi_open(txn, name, create ? MDB_CREATE : 0, dbi);
    if (rc) return rc;
    /* kept once its transaction commits (ne_agg_commit): a handle opened in
     * a transaction that aborts is closed by LMDB */
    if (!create) {
        s->dbi[part] = *dbi;
        s->open[part] = 1;
    }
    return 0;
}

long ne_agg_store_entries(ne_agg_store_t *s, int32_t part)
{
    MDB_txn *txn;
    MDB_dbi dbi;
    MDB_stat stat;
    if (mdb_txn_begin(s->env, NULL, MDB_RDONLY, &txn)) return -1;
    long n = -1;
    int rc = part_dbi(s, txn, part, 0, &dbi);
    if (rc == MDB_NOTFOUND) n = 0;
    else if (!rc && !mdb_stat(txn, dbi, &stat)) n = (long)stat.ms_entries;
    /* committed, not aborted: a handle opened here is kept only then */
    mdb_txn_commit(txn);
    return n;
}

/* ---- transactions ----------------------------------------------------------------- */

typedef struct partwm_s {
    int32_t part;
    int32_t wm, wm0; /* the watermark now, and at the start of the transaction */
} partwm_t;

struct ne_agg_txn_s {
    ne_agg_store_t *s;
    MDB_txn *txn;
    const ne_agg_opts_t *o;
    const ne_cameo_t *cameo;
    ne_agg_emit_fn emit;
    void *arg;
    int32_t created[64]; /* partitions whose database this transaction created */
    int ncreated;
    partwm_t *wms;
    int nwms;
    ne_agg_stats_t st; /* this transaction's counts, added on commit */
};

ne_agg_txn_t *ne_agg_begin(ne_agg_store_t *s, const ne_agg_opts_t *o, const ne_cameo_t *cameo,
                           ne_agg_emit_fn emit, void *arg, char *err, size_t errsz)
{
    ne_agg_txn_t *t = calloc(1, sizeof(*t));
    if (!t) {
        snprintf(err, errsz, "out of memory");
        return NULL;
    }
    int rc = mdb_txn_begin(s->env, NULL, 0, &t->txn);
    if (rc) {
        snprintf(err, errsz, "state store: %s", mdb_strerror(rc));
        free(t);
        return NULL;
    }
    t->s = s;
    t->o = o;
    t->cameo = cameo;
    t->emit = emit;
    t->arg = arg;
    return t;
}

static int txn_dbi(ne_agg_txn_t *t, int32_t part, MDB_dbi *dbi)
{
    if (part >= 0 && part < MAX_PARTS && t->s->open[part]) {
        *dbi = t->s->dbi[part];
        return 0;
    }
    for (int i = 0; i < t->ncreated; i++)
        if (t->created[i] == part) {
            *dbi = t->s->dbi[part];
            return 0;
        }
    if (t->ncreated == 64) return ENOMEM;
    int rc = part_dbi(t->s, t->txn, part, 1, dbi);
    if (rc) return rc;
    t->s->dbi[part] = *dbi;
    t->created[t->ncreated++] = part;
    return 0;
}

static void add_stats(ne_agg_stats_t *a, const ne_agg_stats_t *b)
{
    a->events += b->events, a->counted += b->counted, a->duplicates += b->duplicates;
    a->late += b->late, a->undated += b->undated, a->invalid += b->invalid;
    a->emitted += b->emitted, a->purged += b->purged, a->finals += b->finals;
}

int ne_agg_commit(ne_agg_txn_t *t, char *err, size_t errsz)
{
    int rc = mdb_txn_commit(t->txn);
    if (!rc) {
        for (int i = 0; i < t->ncreated; i++) t->s->open[t->created[i]] = 1;
        add_stats(&t->s->st, &t->st);
    } else {
        snprintf(err, errsz, "state store commit: %s", mdb_strerror(rc));
    }
    free(t->wms);
    free(t);
    return rc ? -1 : 0;
}

void ne_agg_abort(ne_agg_txn_t *t)
{
    if (!t) return;
    mdb_txn_abort(t->txn);
    free(t->wms);
    free(t);
}

/* ---- keys ------------------------------------------------------------------------ */

static const char *obj_str(json_t *o, const char *k)
{
    json_t *v = json_object_get(o, k);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

/* A party's key part: its code, or its country (when asked and known). */
static const char *party_key(const ne_agg_opts_t *o, json_t *p)
{
    if (!json_is_object(p)) return NULL;
    const char *country = obj_str(p, "country");
    if (o->actor_country && country && *country) return country;
    return obj_str(p, "code");
}

/* What an event record is made of, borrowed from its JSON. */
typedef struct ev_s {
    json_t *root;
    const char *event_id, *article_id, *source, *date, *code;
    char key[160], period[11];
    int precision;
    int32_t first, last, date_day; /* the period's days; the date's own first day */
    int day_dated;
} ev_t;

static int ev_parse(const ne_agg_opts_t *o, const char *json, size_t len, ev_t *e, char *err, size_t errsz)
{
    json_error_t je;
    memset(e, 0, sizeof(*e));
    e->root = json_loadb(json, len, 0, &je);
    if (!json_is_object(e->root)) {
        snprintf(err, errsz, "not a JSON object%s%s", e->root ? "" : ": ", e->root ? "" : je.text);
        return NE_AGG_INVALID;
    }
    json_t *action = json_object_get(e->root, "action"), *actor = json_object_get(e->root, "actor");
    json_t *cp = json_object_get(e->root, "counterpart"), *date = json_object_get(e->root, "date");
    e->event_id = obj_str(e->root, "event_id");
    e->article_id = obj_str(e->root, "article_id");
    e->source = obj_str(e->root, "source");
    const char *code = json_is_object(action) ? obj_str(action, "code") : NULL;
    const char *akey = party_key(o, actor);
    const char *ckey = json_is_null(cp) || !cp ? "-" : party_key(o, cp);
    if (!e->event_id || !*e->event_id || !e->article_id || !code || strlen(code) < 2 ||
        strlen(code) > 4 || !akey || !ckey || !json_is_object(date)) {
        snprintf(err, errsz, "not an event record: event_id, article_id, actor.code, action.code, "
                             "counterpart and date are required");
        return NE_AGG_INVALID;
    }
    if (strchr(akey, '|') || strchr(ckey, '|')) {
        snprintf(err, errsz, "a party code holds '|'");
        return NE_AGG_INVALID;
    }
    e->code = code;
    e->date = obj_str(date, "value");
    if (!e->date) return NE_AGG_UNDATED;
    int32_t f, l;
    int p = period_parse(e->date, strlen(e->date), &f, &l);
    if (p < 0) {
        snprintf(err, errsz, "date.value '%s' is not YYYY, YYYY-MM or YYYY-MM-DD", e->date);
        return NE_AGG_INVALID;
    }
    e->date_day = f;
    e->day_dated = p == NE_AGG_DAY;
    /* the coarser of the option and the event's own precision */
    e->precision = p > o->precision ? p : o->precision;
    size_t plen = e->precision == NE_AGG_DAY ? 10 : e->precision == NE_AGG_MONTH ? 7 : 4;
    memcpy(e->period, e->date, plen);
    e->period[plen] = '\0';
    period_parse(e->period, plen, &e->first, &e->last);
    char c[8];
    snprintf(c, sizeof(c), "%.*s", o->code_root ? 2 : 4, code);
    int n = snprintf(e->key, sizeof(e->key), "%s|%s|%s|%s", e->period, akey, c, ckey);
    if (n < 0 || (size_t)n >= sizeof(e->key)) {
        snprintf(err, errsz, "aggregate key too long");
        return NE_AGG_INVALID;
    }
    return NE_AGG_COUNTED;
}

int ne_agg_route(const ne_agg_opts_t *o, const char *json, size_t len, char *key, size_t keysz, int32_t *day,
                 char *err, size_t errsz)
{
    ev_t e;
    int rc = ev_parse(o, json, len, &e, err, errsz);
    if (rc == NE_AGG_COUNTED) snprintf(key, keysz, "%s", e.key);
    *day = rc == NE_AGG_COUNTED && e.day_dated ? e.date_day : INT32_MIN;
    json_decref(e.root);
    return rc;
}

int ne_agg_key(const ne_agg_opts_t *o, const char *json, size_t len, char *key, size_t keysz,
               char *err, size_t errsz)
{
    int32_t day;
    return ne_agg_route(o, json, len, key, keysz, &day, err, errsz);
}

/* A store key: KEY \x1f TYPE MEMBER (a long member by its FNV-1a hash). */
static size_t store_key(char *buf, size_t bufsz, const char *key, char type, const char *member)
{
    char h[24];
    if (member && strlen(member) > MAX_MEMBER) {
        uint64_t x = 1469598103934665603ULL;
        for (const unsigned char *p = (const unsigned char *)member; *p; p++) x = (x ^ *p) * 1099511628211ULL;
        snprintf(h, sizeof(h), "#%016" PRIx64, x);
        member = h;
    }
    int n = snprintf(buf, bufsz, "%s%c%c%s", key, SEP, type, member ? member : "");
    return n > 0 && (size_t)n < bufsz ? (size_t)n : 0;
}

/* ---- the store's operations, each with its changelog record --------------------------- */

static int kv_get(ne_agg_txn_t *t, MDB_dbi dbi, const char *k, size_t kl, MDB_val *v)
{
    MDB_val key = {kl, (void *)k};
    return mdb_get(t->txn, dbi, &key, v);
}

/* Put (val != NULL) or delete, and emit the changelog record. */
static int kv_write(ne_agg_txn_t *t, MDB_dbi dbi, int32_t part, const char *k, size_t kl, const char *val,
                    size_t vl, char *err, size_t errsz)
{
    MDB_val key = {kl, (void *)k}, v = {vl, (void *)val};
    int rc = val ? mdb_put(t->txn, dbi, &key, &v, 0) : mdb_del(t->txn, dbi, &key, NULL);
    if (rc && !(rc == MDB_NOTFOUND && !val)) {
        snprintf(err, errsz, "state store: %s", mdb_strerror(rc));
        return -1;
    }
    if (t->emit && t->emit(t->arg, NE_AGG_CHANGELOG, part, k, kl, val, vl) < 0) {
        snprintf(err, errsz, "writing the changelog failed");
        return -1;
    }
    return 0;
}

/* Is KEY \x1f TYPE MEMBER in the store? Returns 1, 0, or -1 (err). */
static int has_member(ne_agg_txn_t *t, MDB_dbi dbi, const char *key, char type, const char *member,
                      char *err, size_t errsz)
{
    char k[512];
    MDB_val v;
    size_t kl = store_key(k, sizeof(k), key, type, member);
    int rc = kv_get(t, dbi, k, kl, &v);
    if (rc == MDB_NOTFOUND) return 0;
    if (rc) {
        snprintf(err, errsz, "state store: %s", mdb_strerror(rc));
        return -1;
    }
    return 1;
}

static int put_member(ne_agg_txn_t *t, MDB_dbi dbi, int32_t part, const char *key, char type,
                      const char *member, char *err, size_t errsz)
{
    char k[512];
    size_t kl = store_key(k, sizeof(k), key, type, member);
    return kv_write(t, dbi, part, k, kl, "1", 1, err, errsz);
}

static partwm_t *wm_of(ne_agg_txn_t *t, MDB_dbi dbi, int32_t part)
{
    for (int i = 0; i < t->nwms; i++)
        if (t->wms[i].part == part) return &t->wms[i];
    partwm_t *n = realloc(t->wms, (size_t)(t->nwms + 1) * sizeof(*n));
    if (!n) return NULL;
    t->wms = n;
    partwm_t *w = &t->wms[t->nwms++];
    w->part = part;
    w->wm = INT32_MIN;
    MDB_val v;
    if (!kv_get(t, dbi, WM_KEY, strlen(WM_KEY), &v) && v.mv_size < 16) {
        char b[16];
        memcpy(b, v.mv_data, v.mv_size);
        b[v.mv_size] = '\0';
        w->wm = (int32_t)atol(b);
    }
    w->wm0 = w->wm;
    return w;
}

/* Insert id into a sorted array of at most max strings (the smallest kept). */
static void sample_add(json_t *arr, const char *id, int max)
{
    size_t n = json_array_size(arr), i = 0;
    for (; i < n; i++) {
        int c = strcmp(id, json_string_value(json_array_get(arr, i)));
        if (c == 0) return;
        if (c < 0) break;
    }
    if ((int)i >= max) return;
    json_array_insert_new(arr, i, json_string(id));
    while ((int)json_array_size(arr) > max) json_array_remove(arr, json_array_size(arr) - 1);
}

static json_t *new_aggregate(ne_agg_txn_t *t, const ev_t *e)
{
    static const char *const prec[] = {"day", "month", "year"};
    char c[8];
    snprintf(c, sizeof(c), "%.*s", t->o->code_root ? 2 : 4, e->code);
    const cameo_row_t *row = cameo_find(t->cameo, c);
    json_t *action = json_object_get(e->root, "action");
    json_t *a = json_object();
    char actor[64], cp[64];
    /* the key's parts: PERIOD|ACTOR|CODE|COUNTERPART */
    sscanf(e->key, "%*[^|]|%63[^|]|%*[^|]|%63s", actor, cp);
    json_object_set_new(a, "schema_version", json_string(NE_AGG_SCHEMA_VERSION));
    json_object_set_new(a, "key", json_string(e->key));
    json_object_set_new(a, "period", json_string(e->period));
    json_object_set_new(a, "precision", json_string(prec[e->precision]));
    json_object_set_new(a, "actor", json_string(actor));
    json_object_set_new(a, "code", json_string(c));
    json_object_set_new(a, "counterpart", strcmp(cp, "-") ? json_string(cp) : json_null());
    /* the code's own label and values (a root's with --code root); the
     * event's when the table does not know the code */
    if (row) {
        json_object_set_new(a, "label", json_string(row->label));
        json_object_set_new(a, "quad_class", json_integer(row->quad));
        json_object_set_new(a, "goldstein", json_real(row->goldstein));
    } else {
        json_t *l = json_object_get(action, "label"), *q = json_object_get(action, "quad_class"),
               *g = json_object_get(action, "goldstein");
        json_object_set_new(a, "label", json_is_string(l) ? json_copy(l) : json_null());
        json_object_set_new(a, "quad_class", json_is_integer(q) ? json_copy(q) : json_null());
        json_object_set_new(a, "goldstein", json_is_number(g) ? json_real(json_number_value(g)) : json_null());
    }
    json_object_set_new(a, "num_events", json_integer(0));
    json_object_set_new(a, "num_articles", json_integer(0));
    json_object_set_new(a, "num_sources", json_integer(0));
    json_object_set_new(a, "first_event_date", json_string(e->date));
    json_object_set_new(a, "last_event_date", json_string(e->date));
    json_object_set_new(a, "first_seen", json_null());
    json_object_set_new(a, "last_seen", json_null());
    json_object_set_new(a, "sample_article_ids", json_array());
    json_object_set_new(a, "sample_event_ids", json_array());
    return a;
}

static void incr(json_t *a, const char *k)
{
    json_object_set_new(a, k, json_integer(json_integer_value(json_object_get(a, k)) + 1));
}

/* Compare event dates of mixed precision as their first days, then by text. */
static int date_cmp(const char *x, const char *y)
{
    int32_t fx, fy, l;
    period_parse(x, strlen(x), &fx, &l);
    period_parse(y, strlen(y), &fy, &l);
    return fx != fy ? (fx < fy ? -1 : 1) : strcmp(x, y);
}

int ne_agg_apply(ne_agg_txn_t *t, int32_t part, const char *json, size_t len, int64_t now_ms,
                 char *err, size_t errsz)
{
    ev_t e;
    MDB_dbi dbi;
    int rc = ev_parse(t->o, json, len, &e, err, errsz);
    t->st.events++;
    if (rc != NE_AGG_COUNTED) {
        if (rc == NE_AGG_UNDATED) t->st.undated++;
        else t->st.invalid++;
        json_decref(e.root);
        return rc;
    }
    json_t *a = NULL;
    char *out = NULL;
    int res = -2;
    if ((rc = txn_dbi(t, part, &dbi))) {
        snprintf(err, errsz, "state store: %s", mdb_strerror(rc));
        goto done;
    }
    partwm_t *w = wm_of(t, dbi, part);
    if (!w) {
        snprintf(err, errsz, "out of memory");
        goto done;
    }
    /* late: the period is past the retention, or closed by a final record */
    int late = t->o->retention_days > 0 && w->wm != INT32_MIN && e.last < w->wm - t->o->retention_days;
    if (!late && t->o->grace_days >= 0) {
        int f = has_member(t, dbi, e.key, 'F', NULL, err, errsz);
        if (f < 0) goto done;
        late = f;
    }
    if (late) {
        t->st.late++;
        res = NE_AGG_LATE;
        goto done;
    }
    int dup = has_member(t, dbi, e.key, 'E', e.event_id, err, errsz);
    if (dup < 0) goto done;
    if (dup) {
        t->st.duplicates++;
        res = NE_AGG_DUPLICATE;
        goto done;
    }
    int new_article = !has_member(t, dbi, e.key, 'R', e.article_id, err, errsz);
    int new_source = e.source && *e.source && !has_member(t, dbi, e.key, 'S', e.source, err, errsz);
    char ak[512];
    size_t akl = store_key(ak, sizeof(ak), e.key, 'A', NULL);
    MDB_val v;
    rc = kv_get(t, dbi, ak, akl, &v);
    if (rc == 0) a = json_loadb(v.mv_data, v.mv_size, 0, NULL);
    else if (rc == MDB_NOTFOUND) a = new_aggregate(t, &e);
    if (!a) {
        snprintf(err, errsz, "state store: %s", rc ? mdb_strerror(rc) : "a stored aggregate is not JSON");
        goto done;
    }
    char now[32];
    rfc3339_ms(now_ms, now);
    incr(a, "num_events");
    if (new_article) incr(a, "num_articles");
    if (new_source) incr(a, "num_sources");
    if (date_cmp(e.date, json_string_value(json_object_get(a, "first_event_date"))) < 0)
        json_object_set_new(a, "first_event_date", json_string(e.date));
    if (date_cmp(e.date, json_string_value(json_object_get(a, "last_event_date"))) > 0)
        json_object_set_new(a, "last_event_date", json_string(e.date));
    if (json_is_null(json_object_get(a, "first_seen"))) json_object_set_new(a, "first_seen", json_string(now));
    json_object_set_new(a, "last_seen", json_string(now));
    sample_add(json_object_get(a, "sample_article_ids"), e.article_id, t->o->samples);
    sample_add(json_object_get(a, "sample_event_ids"), e.event_id, t->o->samples);
    out = json_dumps(a, JSON_COMPACT);
    if (!out) {
        snprintf(err, errsz, "out of memory");
        goto done;
    }
    /* the aggregate before the ids that it counts: see aggregate.h */
    size_t outl = strlen(out);
    if (kv_write(t, dbi, part, ak, akl, out, outl, err, errsz) < 0 ||
        put_member(t, dbi, part, e.key, 'E', e.event_id, err, errsz) < 0 ||
        (new_article && put_member(t, dbi, part, e.key, 'R', e.article_id, err, errsz) < 0) ||
        (new_source && put_member(t, dbi, part, e.key, 'S', e.source, err, errsz) < 0))
        goto done;
    if (t->emit && t->emit(t->arg, NE_AGG_OUTPUT, part, e.key, strlen(e.key), out, outl) < 0) {
        snprintf(err, errsz, "writing the output failed");
        goto done;
    }
    t->st.emitted++;
    if (e.day_dated && e.date_day > w->wm) {
        char b[16];
        int n = snprintf(b, sizeof(b), "%d", (int)e.date_day);
        if (kv_write(t, dbi, part, WM_KEY, strlen(WM_KEY), b, (size_t)n, err, errsz) < 0) goto done;
        w->wm = e.date_day;
    }
    t->st.counted++;
    res = NE_AGG_COUNTED;
done:
    free(out);
    json_decref(a);
    json_decref(e.root);
    return res;
}

/* ---- retention and closing --------------------------------------------------------- */

/* The period of a store key (the text before the first '|'): its last day, or INT32_MAX. */
static int32_t key_last_day(const char *k, size_t kl)
{
    const char *bar = memchr(k, '|', kl);
    int32_t f, l;
    if (!bar || period_parse(k, (size_t)(bar - k), &f, &l) < 0) return INT32_MAX;
    return l;
}

/* Delete every entry of aggregates whose period ended before the day
 * `cutoff`. Keys sort by period text; the scan ends at the first period
 * text past the cutoff's (a month's "2026-12" sorts before its days). */
static long purge(ne_agg_txn_t *t, MDB_dbi dbi, int32_t part, int32_t cutoff, char *err, size_t errsz)
{
    char cut[24];
    civil_from_days(cutoff, cut);
    MDB_cursor *c;
    MDB_val k, v;
    long purged = 0;
    if (mdb_cursor_open(t->txn, dbi, &c)) return -1;
    int rc = mdb_cursor_get(c, &k, &v, MDB_FIRST);
    while (!rc) {
        const char *ks = k.mv_data;
        if (k.mv_size && ks[0] == '~') break;
        const char *bar = memchr(ks, '|', k.mv_size);
        size_t plen = bar ? (size_t)(bar - ks) : k.mv_size;
        if (strncmp(ks, cut, plen < 10 ? plen : 10) > 0) break;
        if (key_last_day(ks, k.mv_size) < cutoff) {
            if (k.mv_size >= 2 && ks[k.mv_size - 2] == SEP && ks[k.mv_size - 1] == 'A') purged++;
            if (t->emit && t->emit(t->arg, NE_AGG_CHANGELOG, part, ks, k.mv_size, NULL, 0) < 0) {
                snprintf(err, errsz, "writing the changelog failed");
                mdb_cursor_close(c);
                return -1;
            }
            /* after a delete, MDB_NEXT gives the entry that followed */
            if ((rc = mdb_cursor_del(c, 0))) break;
        }
        rc = mdb_cursor_get(c, &k, &v, MDB_NEXT);
    }
    mdb_cursor_close(c);
    if (rc && rc != MDB_NOTFOUND) {
        snprintf(err, errsz, "state store purge: %s", mdb_strerror(rc));
        return -1;
    }
    return purged;
}

/* Emit the final record of each aggregate whose period ended before `cutoff`
 * and has none yet. Visits only the aggregate entries (seeking past ids). */
static long close_periods(ne_agg_txn_t *t, MDB_dbi dbi, int32_t part, int32_t cutoff, char *err, size_t errsz)
{
    char cut[24], seek[512];
    civil_from_days(cutoff, cut);
    MDB_cursor *c;
    MDB_val k, v;
    long finals = 0;
    if (mdb_cursor_open(t->txn, dbi, &c)) return -1;
    int rc = mdb_cursor_get(c, &k, &v, MDB_FIRST);
    while (!rc) {
        const char *ks = k.mv_data;
        if (k.mv_size && ks[0] == '~') break;
        const char *bar = memchr(ks, '|', k.mv_size);
        const char *sep = memchr(ks, SEP, k.mv_size);
        size_t plen = bar ? (size_t)(bar - ks) : k.mv_size;
        if (strncmp(ks, cut, plen < 10 ? plen : 10) > 0 || !sep) break;
        size_t keylen = (size_t)(sep - ks);
        char key[256];
        if (keylen >= sizeof(key)) break;
        memcpy(key, ks, keylen);
        key[keylen] = '\0';
        if (key_last_day(ks, k.mv_size) < cutoff && sep[1] == 'A') {
            int f = has_member(t, dbi, key, 'F', NULL, err, errsz);
            if (f < 0) {
                mdb_cursor_close(c);
                return -1;
            }
            if (!f) {
                json_t *a = json_loadb(v.mv_data, v.mv_size, 0, NULL);
                char *out = NULL;
                if (a) {
                    json_object_set_new(a, "final", json_true());
                    out = json_dumps(a, JSON_COMPACT);
                    json_decref(a);
                }
                int bad = !out || (t->emit && t->emit(t->arg, NE_AGG_OUTPUT, part, key, keylen, out,
                                                      strlen(out)) < 0);
                free(out);
                /* the F entry goes in after the cursor is done with this key */
                if (bad || put_member(t, dbi, part, key, 'F', NULL, err, errsz) < 0) {
                    if (bad) snprintf(err, errsz, "writing a final record failed");
                    mdb_cursor_close(c);
                    return -1;
                }
                finals++;
            }
        }
        /* the next aggregate: past every entry of this key */
        size_t sl = (size_t)snprintf(seek, sizeof(seek), "%s%c\x7f", key, SEP);
        k.mv_size = sl;
        k.mv_data = seek;
        rc = mdb_cursor_get(c, &k, &v, MDB_SET_RANGE);
    }
    mdb_cursor_close(c);
    if (rc && rc != MDB_NOTFOUND) {
        snprintf(err, errsz, "state store close: %s", mdb_strerror(rc));
        return -1;
    }
    return finals;
}

long ne_agg_advance(ne_agg_txn_t *t, int32_t part, int64_t now_ms, char *err, size_t errsz)
{
    (void)now_ms;
    MDB_dbi dbi;
    int rc = txn_dbi(t, part, &dbi);
    if (rc) {
        snprintf(err, errsz, "state store: %s", mdb_strerror(rc));
        return -1;
    }
    partwm_t *w = wm_of(t, dbi, part);
    if (!w) return -1;
    /* only when event time moved on: nothing new can have expired otherwise */
    if (w->wm == INT32_MIN || w->wm == w->wm0) return 0;
    long finals = 0, purged = 0;
    if (t->o->grace_days >= 0 &&
        (finals = close_periods(t, dbi, part, w->wm - t->o->grace_days, err, errsz)) < 0)
        return -1;
    if (t->o->retention_days > 0 && (purged = purge(t, dbi, part, w->wm - t->o->retention_days, err, errsz)) < 0)
        return -1;
    t->st.finals += finals;
    t->st.purged += purged;
    w->wm0 = w->wm;
    return purged;
}

/* ---- restore and reading ----------------------------------------------------------- */

int ne_agg_restore_clear(ne_agg_txn_t *t, int32_t part, char *err, size_t errsz)
{
    MDB_dbi dbi;
    int rc = txn_dbi(t, part, &dbi);
    if (!rc) rc = mdb_drop(t->txn, dbi, 0);
    if (rc) snprintf(err, errsz, "state store: %s", mdb_strerror(rc));
    return rc ? -1 : 0;
}

int ne_agg_restore_put(ne_agg_txn_t *t, int32_t part, const char *key, size_t klen, const char *val,
                       size_t vlen, char *err, size_t errsz)
{
    MDB_dbi dbi;
    int rc = txn_dbi(t, part, &dbi);
    if (rc || klen == 0 || klen > 511) {
        snprintf(err, errsz, "state store: %s", rc ? mdb_strerror(rc) : "a changelog key of a bad size");
        return -1;
    }
    MDB_val k = {klen, (void *)key}, v = {vlen, (void *)val};
    rc = val ? mdb_put(t->txn, dbi, &k, &v, 0) : mdb_del(t->txn, dbi, &k, NULL);
    if (rc && !(rc == MDB_NOTFOUND && !val)) {
        snprintf(err, errsz, "state store: %s", mdb_strerror(rc));
        return -1;
    }
    return 0;
}

long ne_agg_each(ne_agg_store_t *s, int32_t part, void (*fn)(void *arg, const char *json, size_t len),
                 void *arg)
{
    MDB_txn *txn;
    MDB_dbi dbi;
    MDB_cursor *c;
    MDB_val k, v;
    if (mdb_txn_begin(s->env, NULL, MDB_RDONLY, &txn)) return -1;
    int rc = part_dbi(s, txn, part, 0, &dbi);
    long n = 0;
    if (rc == MDB_NOTFOUND) {
        mdb_txn_abort(txn);
        return 0;
    }
    if (rc || mdb_cursor_open(txn, dbi, &c)) {
        mdb_txn_abort(txn);
        return -1;
    }
    for (rc = mdb_cursor_get(c, &k, &v, MDB_FIRST); !rc; rc = mdb_cursor_get(c, &k, &v, MDB_NEXT)) {
        const char *ks = k.mv_data;
        if (k.mv_size >= 2 && ks[k.mv_size - 2] == SEP && ks[k.mv_size - 1] == 'A') {
            fn(arg, v.mv_data, v.mv_size);
            n++;
        }
    }
    mdb_cursor_close(c);
    mdb_txn_commit(txn);
    return n;
}
