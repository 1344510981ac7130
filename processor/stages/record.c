/*
 * record.c - article records in, event records out (jansson).
 *
 * The decoder is the first line of defence against whatever scrapers
 * emit: it checks the size before parsing, checks UTF-8 and NUL bytes
 * itself (so the reason is precise), lets jansson parse with duplicate keys
 * rejected and its nesting limit, and checks every known field's type.
 * Every rejection has a stable reason name and a message.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>

#include "newsevents.h"

#include "bytes.h"

const char *ne_reason_name(ne_reason_t r)
{
    static const char *const names[NE_R__COUNT] = {
        [NE_OK] = "ok",
        [NE_R_TOO_LARGE] = "too_large",
        [NE_R_INVALID_UTF8] = "invalid_utf8",
        [NE_R_NUL_BYTE] = "nul_byte",
        [NE_R_INVALID_JSON] = "invalid_json",
        [NE_R_TRUNCATED] = "truncated_json",
        [NE_R_TOO_DEEP] = "too_deep",
        [NE_R_DUPLICATE_KEY] = "duplicate_key",
        [NE_R_NUMBER_RANGE] = "number_out_of_range",
        [NE_R_NOT_OBJECT] = "not_object",
        [NE_R_MISSING_TEXT] = "missing_text",
        [NE_R_WRONG_TYPE] = "wrong_type",
        [NE_R_EMPTY_TEXT] = "empty_text",
        [NE_R_INVALID_DATE] = "invalid_date",
        [NE_R_CODER_ERROR] = "coder_error",
    };
    return (unsigned)r < NE_R__COUNT && names[r] ? names[r] : "unknown";
}

/* Strict UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
 * Returns the offset of the first bad byte, or len. */
static size_t utf8_check(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        /* eight ASCII bytes at a time: every record passes here whole, and
         * news text is mostly ASCII */
        while (i + 8 <= len) {
            uint64_t x;
            memcpy(&x, s + i, 8);
            if (x & 0x8080808080808080ull) break;
            i += 8;
        }
        if (i >= len) break;
        unsigned char c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        uint32_t cp, min;
        if (c >= 0xC2 && c <= 0xDF) n = 1, cp = c & 0x1F, min = 0x80;
        else if ((c & 0xF0) == 0xE0) n = 2, cp = c & 0x0F, min = 0x800;
        else if (c >= 0xF0 && c <= 0xF4) n = 3, cp = c & 0x07, min = 0x10000;
        else return i;
        for (size_t k = 1; k <= n; k++) {
            if (i + k >= len || (s[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
        i += n + 1;
    }
    return len;
}

static int digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') return 0;
    return 1;
}

int ne_parse_date(const char *s)
{
    if (!s || strlen(s) < 10 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) ||
        s[7] != '-' || !digits(s + 8, 2))
        return 0;
    int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
    static const int dm[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > dm[m - 1]) return 0;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 0;
    const char *t = s + 10;
    if (*t) {
        /* RFC 3339: T or space, HH:MM:SS, optional fraction, Z or +-HH:MM */
        if (*t != 'T' && *t != 't' && *t != ' ') return 0;
        t++;
        if (!digits(t, 2) || t[2] != ':' || !digits(t + 3, 2) || t[5] != ':' || !digits(t + 6, 2))
            return 0;
        if (atoi(t) > 23 || atoi(t + 3) > 59 || atoi(t + 6) > 60) return 0;
        t += 8;
        if (*t == '.') {
            t++;
            if (*t < '0' || *t > '9') return 0;
            while (*t >= '0' && *t <= '9') t++;
        }
        if (*t == 'Z' || *t == 'z') t++;
        else if (*t == '+' || *t == '-') {
            if (!digits(t + 1, 2) || t[3] != ':' || !digits(t + 4, 2)) return 0;
            t += 6;
        } else if (*t) {
            return 0;
        }
        if (*t) return 0;
    }
    return y * 10000 + m * 100 + d;
}

int ne_language_coded(const char *tag)
{
    if (!tag || !*tag) return 1;
    /* the primary subtag of a BCP 47 tag ("en", "en-GB", also "en_GB"), or
     * ISO 639-2's "eng", or the name */
    size_t n = strcspn(tag, "-_");
    return (n == 2 && !strncasecmp(tag, "en", 2)) || (n == 3 && !strncasecmp(tag, "eng", 3)) ||
           !strcasecmp(tag, "english");
}

void ne_article_clear(ne_article_t *a)
{
    if (!a) return;
    free(a->id);
    free(a->text);
    free(a->title);
    free(a->url);
    free(a->source);
    free(a->language);
    free(a->published);
    memset(a, 0, sizeof(*a));
}

static ne_reason_t fail(ne_reason_t r, char *err, size_t errsz, const char *fmt, const char *arg)
{
    snprintf(err, errsz, fmt, arg ? arg : "");
    return r;
}

/* The record's name for one of our fields. */
static const char *field(const ne_limits_t *lim, const char *ours)
{
    if (lim && lim->field_map)
        for (size_t i = 0; i < lim->field_map_pairs; i++)
            if (!strcmp(lim->field_map[2 * i], ours)) return lim->field_map[2 * i + 1];
    return ours;
}

/* An optional string field: absent or null is fine, anything else but a
 * string is wrong_type. */
static int opt_string(json_t *root, const char *key, char **out, int allow_number)
{
    json_t *v = json_object_get(root, key);
    if (!v || json_is_null(v)) return 0;
    if (json_is_string(v)) {
        *out = strdup(json_string_value(v));
        return *out ? 0 : -2;
    }
    if (allow_number && json_is_integer(v)) {
        char buf[32];
        snprintf(buf, sizeof(buf), "%lld", (long long)json_integer_value(v));
        *out = strdup(buf);
        return *out ? 0 : -2;
    }
    return -1;
}

/* ---- the fast path: a plain record without jansson -------------------------
 *
 * Building a jansson tree for each record (a getc-style lexer, a hash table,
 * an allocation per value) cost a third of `extract`. Most records are one
 * flat object of strings, so that shape is parsed here in one pass over the
 * bytes, straight into the article. The fast path only accepts what jansson
 * would accept with the same result; whenever it is not sure (any error, an
 * escaped NUL or a lone surrogate, a number jansson could find out of range,
 * a key written with escapes, deep nesting, a field of the wrong type) it
 * gives up and the record goes through jansson, which then says what is
 * wrong. So errors and their messages come from one place only. */

#define FJ_MAX_DEPTH 16 /* deeper records go to jansson (its limit is 2048) */
#define FJ_MAX_KEYS 32  /* keys per object checked for duplicates; more: jansson */

typedef struct fj_s {
    const char *p, *end;
} fj_t;

/* A value seen by the fast path: only strings and small integers are kept. */
typedef enum { FJ_STRING, FJ_INT, FJ_NULL, FJ_OTHER } fj_kind_t;

typedef struct fj_val_s {
    fj_kind_t kind;
    const char *s, *e; /* the raw bytes: a string's inside, an integer's digits */
    int esc;           /* the string has escapes */
} fj_val_t;

static void fj_ws(fj_t *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
        j->p++;
}

static int fj_hex4(const char *p, uint32_t *v)
{
    *v = 0;
    for (int k = 0; k < 4; k++) {
        char c = p[k];
        uint32_t d = c >= '0' && c <= '9' ? (uint32_t)(c - '0')
                   : c >= 'a' && c <= 'f' ? (uint32_t)(c - 'a' + 10)
                   : c >= 'A' && c <= 'F' ? (uint32_t)(c - 'A' + 10) : 16;
        if (d == 16) return -1;
        *v = *v << 4 | d;
    }
    return 0;
}

/* Eight bytes at a time for JSON strings: the high bit of each byte of the
 * result is set where x has a quote, a backslash or a byte below 0x20 (exact
 * tests for "some byte is ..."; others' high bits may be set too once one
 * is). Bytes from 0x80 are not flagged: a caller that wants them ORs x. */
static inline uint64_t json_special8(uint64_t x)
{
    uint64_t q = x ^ (NE_ONES8 * '"'), b = x ^ (NE_ONES8 * '\\');
    return ((x - NE_ONES8 * 0x20) & ~x) | ((q - NE_ONES8) & ~q) | ((b - NE_ONES8) & ~b);
}

/* The string at j->p (its opening quote): [*s, *e) is what is inside the
 * quotes. Returns -1 to give up (a control character, a bad escape, \u0000,
 * a lone surrogate, no closing quote). */
static int fj_string(fj_t *j, const char **s, const char **e, int *esc)
{
    const char *p = j->p + 1, *end = j->end;
    *s = p;
    *esc = 0;
    for (;;) {
        /* eight plain bytes at a time: no quote, no backslash, none below 0x20
         * (bytes from 0x80 are fine: the record is valid UTF-8 already) */
        while (end - p >= 8) {
            uint64_t x;
            memcpy(&x, p, 8);
            if (json_special8(x) & NE_HIGH8) break;
            p += 8;
        }
        if (p >= end) return -1;
        unsigned char c = (unsigned char)*p;
        if (c == '"') break;
        if (c < 0x20) return -1;
        if (c != '\\') {
            p++;
            continue;
        }
        *esc = 1;
        if (end - p < 2) return -1;
        char x = p[1];
        if (x == 'u') {
            uint32_t v, lo;
            if (end - p < 6 || fj_hex4(p + 2, &v) < 0 || v == 0 || (v >= 0xDC00 && v <= 0xDFFF))
                return -1;
            p += 6;
            if (v >= 0xD800 && v <= 0xDBFF) {
                if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || fj_hex4(p + 2, &lo) < 0 ||
                    lo < 0xDC00 || lo > 0xDFFF)
                    return -1;
                p += 6;
            }
            continue;
        }
        if (x != '"' && x != '\\' && x != '/' && x != 'b' && x != 'f' && x != 'n' && x != 'r' &&
            x != 't')
            return -1;
        p += 2;
    }
    *e = p;
    j->p = p + 1;
    return 0;
}

/* A copy of a string fj_string accepted, escapes decoded (never longer than
 * the raw bytes). The caller frees it. */
static char *fj_decode(const char *s, const char *e, int esc, size_t *len)
{
    char *o = malloc((size_t)(e - s) + 1), *w = o;
    if (!o) return NULL;
    if (!esc) {
        memcpy(o, s, (size_t)(e - s));
        w += e - s;
    }
    while (esc && s < e) {
        /* eight bytes at a time up to the next backslash (a text has one
         * every line or quote, and is decoded here whole) */
        while (e - s >= 8) {
            uint64_t x, b;
            memcpy(&x, s, 8);
            b = x ^ 0x5C5C5C5C5C5C5C5Cull; /* a zero byte where x has a backslash */
            if ((b - 0x0101010101010101ull) & ~b & NE_HIGH8) break;
            memcpy(w, &x, 8);
            w += 8;
            s += 8;
        }
        if (s >= e) break;
        if (*s != '\\') {
            *w++ = *s++;
            continue;
        }
        char x = s[1];
        if (x != 'u') {
            *w++ = x == 'b' ? '\b' : x == 'f' ? '\f' : x == 'n' ? '\n' : x == 'r' ? '\r'
                 : x == 't' ? '\t' : x;
            s += 2;
            continue;
        }
        uint32_t v, lo;
        fj_hex4(s + 2, &v);
        s += 6;
        if (v >= 0xD800 && v <= 0xDBFF) {
            fj_hex4(s + 2, &lo);
            s += 6;
            v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00);
        }
        if (v < 0x80) {
            *w++ = (char)v;
        } else if (v < 0x800) {
            *w++ = (char)(0xC0 | v >> 6);
            *w++ = (char)(0x80 | (v & 0x3F));
        } else if (v < 0x10000) {
            *w++ = (char)(0xE0 | v >> 12);
            *w++ = (char)(0x80 | (v >> 6 & 0x3F));
            *w++ = (char)(0x80 | (v & 0x3F));
        } else {
            *w++ = (char)(0xF0 | v >> 18);
            *w++ = (char)(0x80 | (v >> 12 & 0x3F));
            *w++ = (char)(0x80 | (v >> 6 & 0x3F));
            *w++ = (char)(0x80 | (v & 0x3F));
        }
    }
    *w = '\0';
    *len = (size_t)(w - o);
    return o;
}

/* A number as RFC 8259 writes it. An integer of up to 18 digits is FJ_INT
 * (it fits a json_int_t); a real is accepted only while strtod cannot
 * overflow on it (jansson rejects that); other numbers give up. */
static int fj_number(fj_t *j, fj_val_t *v)
{
    const char *p = j->p, *end = j->end;
    v->s = p;
    if (p < end && *p == '-') p++;
    const char *d0 = p;
    if (p < end && *p == '0') {
        p++;
    } else if (p < end && *p >= '1' && *p <= '9') {
        while (p < end && *p >= '0' && *p <= '9') p++;
    } else {
        return -1;
    }
    long intd = (long)(p - d0), ex = 0;
    int real = 0;
    if (p < end && *p == '.') {
        real = 1;
        const char *f = ++p;
        while (p < end && *p >= '0' && *p <= '9') p++;
        if (p == f) return -1;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        real = 1;
        p++;
        int neg = 0;
        if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
        const char *x = p;
        for (; p < end && *p >= '0' && *p <= '9'; p++)
            if (ex < 100000) ex = ex * 10 + (*p - '0');
        if (p == x) return -1;
        if (neg) ex = -ex;
    }
    if (real ? intd + ex > 300 : intd > 18) return -1;
    v->kind = real ? FJ_OTHER : FJ_INT;
    v->e = p;
    j->p = p;
    return 0;
}

static int fj_value(fj_t *j, int depth, fj_val_t *v);

/* An object at j->p (its '{'). With keys/vals, the top level: its members
 * are kept there (*n of them). Returns -1 to give up. */
static int fj_object(fj_t *j, int depth, const char **keys, const char **kends, fj_val_t *vals,
                     int *n)
{
    const char *ks[FJ_MAX_KEYS], *ke[FJ_MAX_KEYS];
    int nk = 0;
    if (depth > FJ_MAX_DEPTH) return -1;
    j->p++;
    fj_ws(j);
    if (j->p < j->end && *j->p == '}') {
        j->p++;
        if (n) *n = 0;
        return 0;
    }
    for (;;) {
        const char *s, *e;
        int esc;
        if (j->p >= j->end || *j->p != '"' || fj_string(j, &s, &e, &esc) < 0 || esc ||
            nk == FJ_MAX_KEYS)
            return -1;
        /* JSON_REJECT_DUPLICATES: a repeated key goes to jansson, which rejects it */
        for (int k = 0; k < nk; k++)
            if (ke[k] - ks[k] == e - s && !memcmp(ks[k], s, (size_t)(e - s))) return -1;
        ks[nk] = s;
        ke[nk] = e;
        fj_ws(j);
        if (j->p >= j->end || *j->p != ':') return -1;
        j->p++;
        fj_ws(j);
        fj_val_t v;
        if (fj_value(j, depth, &v) < 0) return -1;
        if (keys) {
            keys[nk] = s;
            kends[nk] = e;
            vals[nk] = v;
        }
        nk++;
        fj_ws(j);
        if (j->p >= j->end) return -1;
        if (*j->p == '}') break;
        if (*j->p != ',') return -1;
        j->p++;
        fj_ws(j);
    }
    j->p++;
    if (n) *n = nk;
    return 0;
}

static int fj_array(fj_t *j, int depth)
{
    if (depth > FJ_MAX_DEPTH) return -1;
    j->p++;
    fj_ws(j);
    if (j->p < j->end && *j->p == ']') {
        j->p++;
        return 0;
    }
    for (;;) {
        fj_val_t v;
        if (fj_value(j, depth, &v) < 0) return -1;
        fj_ws(j);
        if (j->p >= j->end) return -1;
        if (*j->p == ']') break;
        if (*j->p != ',') return -1;
        j->p++;
        fj_ws(j);
    }
    j->p++;
    return 0;
}

static int fj_literal(fj_t *j, const char *lit, size_t n)
{
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, lit, n)) return -1;
    j->p += n;
    return 0;
}

static int fj_value(fj_t *j, int depth, fj_val_t *v)
{
    v->kind = FJ_OTHER;
    v->esc = 0;
    if (j->p >= j->end) return -1;
    switch (*j->p) {
    case '"':
        v->kind = FJ_STRING;
        return fj_string(j, &v->s, &v->e, &v->esc);
    case '{': return fj_object(j, depth + 1, NULL, NULL, NULL, NULL);
    case '[': return fj_array(j, depth + 1);
    case 't': return fj_literal(j, "true", 4);
    case 'f': return fj_literal(j, "false", 5);
    case 'n':
        v->kind = FJ_NULL;
        return fj_literal(j, "null", 4);
    default: return fj_number(j, v);
    }
}

/* The member named key, or NULL. */
static const fj_val_t *fj_get(const char **keys, const char **kends, const fj_val_t *vals, int n,
                              const char *key)
{
    size_t kl = strlen(key);
    for (int i = 0; i < n; i++)
        if ((size_t)(kends[i] - keys[i]) == kl && !memcmp(keys[i], key, kl)) return &vals[i];
    return NULL;
}

/* The record buf[0..len) (valid UTF-8, no NUL byte) into out, as the jansson
 * path would decode it. Returns 1 when done, 0 to leave the record to the
 * jansson path (out is then empty). */
static int fast_decode(const char *buf, size_t len, const ne_limits_t *limits, ne_article_t *out)
{
    const char *keys[FJ_MAX_KEYS], *kends[FJ_MAX_KEYS];
    fj_val_t vals[FJ_MAX_KEYS];
    int n = 0;
    fj_t j = {buf, buf + len};
    fj_ws(&j);
    if (j.p >= j.end || *j.p != '{' || fj_object(&j, 1, keys, kends, vals, &n) < 0) return 0;
    fj_ws(&j);
    if (j.p != j.end) return 0;
    const fj_val_t *text = fj_get(keys, kends, vals, n, field(limits, "text"));
    if (!text || text->kind != FJ_STRING) return 0;
    static const char *const names[] = {"id", "title", "url", "source", "language", "published"};
    char **dst[] = {&out->id, &out->title, &out->url, &out->source, &out->language, &out->published};
    size_t l;
    for (int i = 0; i < 6; i++) {
        const fj_val_t *v = fj_get(keys, kends, vals, n, field(limits, names[i]));
        if (!v || v->kind == FJ_NULL) continue;
        if (v->kind == FJ_STRING) {
            *dst[i] = fj_decode(v->s, v->e, v->esc, &l);
        } else if (v->kind == FJ_INT && i == 0) {
            /* as "%lld" prints what jansson parsed: "-0" is "0" */
            char num[32];
            snprintf(num, sizeof(num), "%lld", strtoll(v->s, NULL, 10));
            *dst[i] = strdup(num);
        } else {
            goto give_up;
        }
        if (!*dst[i]) goto give_up;
    }
    if (out->published && !(out->published_ymd = ne_parse_date(out->published))) goto give_up;
    out->text = fj_decode(text->s, text->e, text->esc, &out->text_len);
    if (!out->text) goto give_up;
    size_t k = 0;
    while (k < out->text_len && (out->text[k] == ' ' || out->text[k] == '\t' ||
                                 out->text[k] == '\n' || out->text[k] == '\r'))
        k++;
    if (k == out->text_len) goto give_up;
    return 1;
give_up:
    ne_article_clear(out);
    return 0;
}

ne_reason_t ne_article_decode(const char *buf, size_t len, const ne_limits_t *limits,
                              ne_article_t *out, char *err, size_t errsz)
{
    memset(out, 0, sizeof(*out));
    size_t max = limits && limits->max_record_bytes ? limits->max_record_bytes
                                                    : NE_DEFAULT_MAX_RECORD_BYTES;
    char num[64];
    if (len > max) {
        snprintf(err, errsz, "record of %zu bytes is larger than the limit of %zu", len, max);
        return NE_R_TOO_LARGE;
    }
    const char *nul = memchr(buf, 0, len);
    if (nul) {
        snprintf(num, sizeof(num), "%zu", (size_t)(nul - buf));
        return fail(NE_R_NUL_BYTE, err, errsz, "NUL byte at offset %s", num);
    }
    size_t bad = utf8_check((const unsigned char *)buf, len);
    if (bad < len) {
        snprintf(num, sizeof(num), "%zu", bad);
        return fail(NE_R_INVALID_UTF8, err, errsz, "invalid UTF-8 at byte offset %s", num);
    }
    /* a UTF-8 byte order mark that some writers put first is not part of
     * the JSON value (RFC 8259 lets a parser ignore it): skipped */
    if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) buf += 3, len -= 3;
    size_t sp = 0;
    while (sp < len && (buf[sp] == ' ' || buf[sp] == '\t' || buf[sp] == '\n' || buf[sp] == '\r')) sp++;
    if (sp == len) return fail(NE_R_INVALID_JSON, err, errsz, "an empty record%s", NULL);
    if (fast_decode(buf, len, limits, out)) return NE_OK;
    json_error_t je;
    json_t *root = json_loadb(buf, len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &je);
    if (!root) {
        ne_reason_t r = NE_R_INVALID_JSON;
        switch (json_error_code(&je)) {
        case json_error_stack_overflow: r = NE_R_TOO_DEEP; break;
        case json_error_duplicate_key: r = NE_R_DUPLICATE_KEY; break;
        case json_error_numeric_overflow: r = NE_R_NUMBER_RANGE; break;
        case json_error_invalid_utf8: r = NE_R_INVALID_UTF8; break;
        case json_error_null_character:
        case json_error_null_byte_in_key: r = NE_R_NUL_BYTE; break;
        case json_error_premature_end_of_input: r = NE_R_TRUNCATED; break;
        case json_error_out_of_memory: r = NE_R_TOO_LARGE; break;
        default: break;
        }
        if (r == NE_R_NUL_BYTE) /* jansson's text names its own flag (JSON_ALLOW_NUL) */
            snprintf(err, errsz, "an escaped NUL (\\u0000) in a %s at line %d column %d",
                     json_error_code(&je) == json_error_null_byte_in_key ? "key" : "string",
                     je.line, je.column);
        else
            snprintf(err, errsz, "%s at line %d column %d", je.text, je.line, je.column);
        return r;
    }
    ne_reason_t r = NE_OK;
    if (!json_is_object(root)) {
        r = fail(NE_R_NOT_OBJECT, err, errsz, "the record is a JSON %s, not an object",
                 json_is_array(root) ? "array" : json_is_string(root) ? "string"
                 : json_is_number(root) ? "number" : json_is_boolean(root) ? "boolean" : "null");
        goto done;
    }
    json_t *text = json_object_get(root, field(limits, "text"));
    if (!text) {
        r = fail(NE_R_MISSING_TEXT, err, errsz, "no \"%s\" field", field(limits, "text"));
        goto done;
    }
    if (!json_is_string(text)) {
        r = fail(NE_R_WRONG_TYPE, err, errsz, "\"%s\" must be a string", field(limits, "text"));
        goto done;
    }
    const char *ts = json_string_value(text);
    size_t tl = json_string_length(text);
    size_t k = 0;
    while (k < tl && (ts[k] == ' ' || ts[k] == '\t' || ts[k] == '\n' || ts[k] == '\r')) k++;
    if (k == tl) {
        r = fail(NE_R_EMPTY_TEXT, err, errsz, "\"text\" is empty%s", NULL);
        goto done;
    }
    static const char *const keys[] = {"id", "title", "url", "source", "language", "published"};
    char **dst[] = {&out->id, &out->title, &out->url, &out->source, &out->language, &out->published};
    for (int i = 0; i < 6; i++) {
        int rc = opt_string(root, field(limits, keys[i]), dst[i], i == 0);
        if (rc == -1) {
            r = fail(NE_R_WRONG_TYPE, err, errsz, "\"%s\" has the wrong type", field(limits, keys[i]));
            goto done;
        }
        if (rc == -2) {
            r = fail(NE_R_TOO_LARGE, err, errsz, "out of memory%s", NULL);
            goto done;
        }
    }
    if (out->published) {
        out->published_ymd = ne_parse_date(out->published);
        if (!out->published_ymd) {
            r = fail(NE_R_INVALID_DATE, err, errsz,
                     "\"published\" is not a date (YYYY-MM-DD) or an RFC 3339 time: %s",
                     out->published);
            goto done;
        }
    }
    out->text = malloc(tl + 1);
    if (!out->text) {
        r = fail(NE_R_TOO_LARGE, err, errsz, "out of memory%s", NULL);
        goto done;
    }
    memcpy(out->text, ts, tl);
    out->text[tl] = '\0';
    out->text_len = tl;
done:
    json_decref(root);
    if (r != NE_OK) ne_article_clear(out);
    return r;
}

/* ---- events out ------------------------------------------------------------ */

/* Event records are written directly into a growing buffer: one record is
 * a few hundred bytes with a fixed shape, and building a jansson tree for
 * each (allocations, a generic dumper) cost more than coding the article.
 * Strings are escaped as JSON requires; bytes that are not UTF-8 (possible
 * only through the library API, the decoder rejects them) become U+FFFD. */

typedef struct out_s {
    char *b;
    size_t n, cap;
    int oom;
} out_t;

/* Growing is rare (the buffer doubles): kept out of line so that the check
 * every write makes stays a compare and a branch in the caller. -1 when out
 * of memory (then or before). */
static int __attribute__((noinline)) out_grow(out_t *o, size_t more)
{
    if (o->oom) return -1;
    size_t ncap = o->cap ? o->cap : 512;
    while (ncap < o->n + more + 1) ncap *= 2;
    char *nb = realloc(o->b, ncap);
    if (!nb) {
        o->oom = 1;
        return -1;
    }
    o->b = nb;
    o->cap = ncap;
    return 0;
}

/* Room for more bytes (and a NUL): 0, or -1 when out of memory. Writes that
 * fit the buffer go on after an out-of-memory (the record is thrown away
 * then): one test per write, not two. */
static inline int out_room(out_t *o, size_t more)
{
    if (__builtin_expect(o->n + more + 1 > o->cap, 0)) return out_grow(o, more);
    return 0;
}

static inline void out_raw(out_t *o, const char *s, size_t n)
{
    if (out_room(o, n) < 0) return;
    memcpy(o->b + o->n, s, n);
    o->n += n;
}

#define OUT_LIT(o, lit) out_raw(o, lit, sizeof(lit) - 1)

static void out_int(out_t *o, long long v)
{
    /* two digits a division, from a table of the hundred pairs */
    static const char pairs[] = "00010203040506070809101112131415161718192021222324"
                                "25262728293031323334353637383940414243444546474849"
                                "50515253545556575859606162636465666768697071727374"
                                "75767778798081828384858687888990919293949596979899";
    /* the digits end at buf[24] and 24 bytes are copied from the first: a
     * copy of constant size is a few moves, where one of the digits' length
     * was a call to memcpy; what follows the digits is written over next */
    char buf[48], *p = buf + 24;
    unsigned long long u = v < 0 ? (unsigned long long)(-(v + 1)) + 1 : (unsigned long long)v;
    for (; u >= 100; u /= 100) {
        p -= 2;
        memcpy(p, pairs + 2 * (u % 100), 2);
    }
    if (u >= 10) {
        p -= 2;
        memcpy(p, pairs + 2 * u, 2);
    } else {
        *--p = (char)('0' + u);
    }
    if (v < 0) *--p = '-';
    if (out_room(o, 24) < 0) return;
    memcpy(o->b + o->n, p, 24);
    o->n += (size_t)(buf + 24 - p);
}

/* 1 for the bytes a JSON string holds as they are: printable ASCII but the
 * quote and the backslash. One load a byte in the loop over a string's last
 * bytes, where five tests were. */
#define JP_(c) ((c) >= 0x20 && (c) < 0x80 && (c) != '"' && (c) != '\\')
static const unsigned char json_plain[256] = NE_BYTE_TABLE(JP_);
#undef JP_

/* The escaped bytes s[*ip..lim) of a string of n bytes, written at w, which
 * has room for (lim - *ip + 4) * 6 bytes: worst case every input byte
 * becomes a six-byte escape, and a UTF-8 sequence that starts before lim may
 * end 3 bytes after it (*ip is then past lim). Returns the end of what was
 * written. */
static inline char *str_body(char *w, const char *s, size_t *ip, size_t lim, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t i = *ip;
    while (i < lim) {
        /* eight plain bytes at a time (none from 0x80 either: those are
         * checked as UTF-8 below) */
        while (i + 8 <= lim) {
            uint64_t x;
            memcpy(&x, s + i, 8);
            if ((json_special8(x) | x) & NE_HIGH8) break;
            memcpy(w, &x, 8);
            w += 8;
            i += 8;
        }
        /* then four (most strings are short), tested as eight with four
         * plain 'a's above them */
        if (i + 4 <= lim) {
            uint32_t x;
            memcpy(&x, s + i, 4);
            uint64_t x8 = (uint64_t)x | 0x6161616100000000ull;
            if (!((json_special8(x8) | x8) & NE_HIGH8)) {
                memcpy(w, &x, 4);
                w += 4;
                i += 4;
            }
        }
        /* the plain bytes left, in a tight loop */
        while (i < lim && json_plain[(unsigned char)s[i]]) *w++ = s[i++];
        if (i >= lim) break;
        unsigned char c = (unsigned char)s[i];
        if (c == '"') { w[0] = '\\'; w[1] = '"'; w += 2; }
        else if (c == '\\') { w[0] = '\\'; w[1] = '\\'; w += 2; }
        else if (c == '\n') { w[0] = '\\'; w[1] = 'n'; w += 2; }
        else if (c == '\t') { w[0] = '\\'; w[1] = 't'; w += 2; }
        else if (c == '\r') { w[0] = '\\'; w[1] = 'r'; w += 2; }
        else if (c < 0x20) {
            const char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            memcpy(w, e, 6);
            w += 6;
        } else {
            size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
            size_t ok = len && i + len <= n && utf8_check((const unsigned char *)s + i, len) == len;
            if (ok) {
                memcpy(w, s + i, len);
                w += len;
                i += len;
                continue;
            }
            memcpy(w, "\\ufffd", 6);
            w += 6;
        }
        i++;
    }
    *ip = i;
    return w;
}

/* A JSON string. Room for the worst case is reserved once and the bytes are
 * written straight into the buffer: no bounds check per byte. A long string
 * (a whole evidence sentence) goes a slice at a time, keeping the
 * reservation small; a short one, nearly every string of a record, in one
 * piece with its quotes. */
#define OUT_STR_SLICE 1024

static void out_str(out_t *o, const char *s, size_t n)
{
    if (n <= OUT_STR_SLICE) {
        if (out_room(o, (n + 4) * 6 + 2) < 0) return;
        char *w = o->b + o->n;
        size_t i = 0;
        *w++ = '"';
        w = str_body(w, s, &i, n, n);
        *w++ = '"';
        o->n = (size_t)(w - o->b);
        return;
    }
    size_t i = 0;
    OUT_LIT(o, "\"");
    while (i < n) {
        size_t lim = n - i > OUT_STR_SLICE ? i + OUT_STR_SLICE : n;
        if (out_room(o, (lim - i + 4) * 6) < 0) return;
        o->n = (size_t)(str_body(o->b + o->n, s, &i, lim, n) - o->b);
    }
    OUT_LIT(o, "\"");
}

static void out_span(out_t *o, const ne_article_t *a, uint32_t s, uint32_t e)
{
    if (e <= s || e > a->text_len) OUT_LIT(o, "null");
    else out_str(o, a->text + s, e - s);
}

/* Copies the plain bytes of s from *i on into w (the room after the
 * opening quote, reserved by the caller), below limit. When s ends there,
 * writes both quotes and returns 1; else 0, with *i at the first byte that
 * is no plain one (the NUL is none: the loop stops there, or before). */
static int plain_run(out_t *o, const char *s, char *w, size_t *i, size_t limit)
{
    size_t k = *i;
    while (k < limit && json_plain[(unsigned char)s[k]]) {
        w[k] = s[k];
        k++;
    }
    *i = k;
    if (k >= limit || s[k] != '\0') return 0;
    w[-1] = '"';
    w[k] = '"';
    o->n += k + 2;
    return 1;
}

/* A C string: nearly all are short and plain (codes, countries, labels,
 * dates), and one pass copies them and finds their end, where strlen went
 * over them first and out_str's set-up cost more than the copy. The first
 * byte that needs escaping, or no end within OUT_CSTR_SHORT bytes, and the
 * string goes to out_str from its start (which writes over the copy). */
#define OUT_CSTR_SHORT 64

static void out_cstr(out_t *o, const char *s)
{
    if (out_room(o, OUT_CSTR_SHORT + 2) < 0) return;
    size_t i = 0;
    if (!plain_run(o, s, o->b + o->n + 1, &i, OUT_CSTR_SHORT)) out_str(o, s, i + strlen(s + i));
}

/* A string in a char array that ends within it (the event id: 32 hex
 * digits): eight bytes at a time, and no read leaves the array, so no
 * strlen first. As out_cstr otherwise. For short strings (a party's code)
 * out_cstr's byte loop costs less. */
static void out_arr(out_t *o, const char *s, size_t size)
{
    if (out_room(o, size + 2) < 0) return;
    char *w = o->b + o->n + 1;
    size_t i = 0;
    for (; i + 8 <= size; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        if ((json_special8(x) | x) & NE_HIGH8) break; /* the NUL among them, or an escape */
        memcpy(w + i, &x, 8);
    }
    if (!plain_run(o, s, w, &i, size)) out_str(o, s, strnlen(s, size));
}
#define OUT_ARR(o, field) out_arr(o, field, sizeof(field))

/* Code points in text[from..to): the bytes that are not UTF-8 continuation
 * bytes (10xxxxxx), eight at a time; text is mostly ASCII. */
static size_t cp_count(const char *t, size_t from, size_t to)
{
    size_t n = 0, i = from;
    for (; i + 8 <= to; i += 8) {
        uint64_t x;
        memcpy(&x, t + i, 8);
        if (!(x & NE_HIGH8)) n += 8;
        else n += 8 - (size_t)__builtin_popcountll(x & ~(x << 1) & NE_HIGH8);
    }
    for (; i < to; i++) n += ((unsigned char)t[i] & 0xC0) != 0x80;
    return n;
}

static void out_party(out_t *o, const ne_article_t *a, const ne_party_t *p)
{
    OUT_LIT(o, "{\"text\":");
    out_span(o, a, p->start, p->end);
    /* where the code came from: the mention's code points, or none (a
     * counterpart the grammar implies) */
    if (p->end > p->start && p->end <= a->text_len) {
        OUT_LIT(o, ",\"start\":");
        out_int(o, (long long)p->start_cp);
        OUT_LIT(o, ",\"end\":");
        out_int(o, (long long)p->end_cp);
    } else {
        OUT_LIT(o, ",\"start\":null,\"end\":null");
    }
    OUT_LIT(o, ",\"code\":");
    out_cstr(o, p->code);
    OUT_LIT(o, ",\"country\":");
    if (p->country[0]) out_cstr(o, p->country);
    else OUT_LIT(o, "null");
    OUT_LIT(o, ",\"role\":");
    if (p->country[0] && strlen(p->code) > 3) out_cstr(o, p->code + 3);
    else OUT_LIT(o, "null");
    OUT_LIT(o, "}");
}

/* A coordinate with five decimals (about a metre), as the gazetteer has
 * it: integer formatting, since printf's %f costs more than the rest of a
 * record. */
static size_t fixed5(double v, char *buf)
{
    long long u = (long long)(v * 100000.0 + (v < 0 ? -0.5 : 0.5));
    size_t n = 0;
    if (u < 0) {
        buf[n++] = '-';
        u = -u;
    }
    /* the whole degrees (at least "0"), then the five decimals with their
     * leading zeros: a division each by constants, where a loop divided
     * by ten for every digit */
    unsigned long long ip = (unsigned long long)u / 100000;
    unsigned f = (unsigned)((unsigned long long)u % 100000);
    char tmp[24];
    int k = 0;
    do tmp[k++] = (char)('0' + ip % 10);
    while ((ip /= 10));
    while (k > 0) buf[n++] = tmp[--k];
    buf[n++] = '.';
    buf[n++] = (char)('0' + f / 10000);
    buf[n++] = (char)('0' + f / 1000 % 10);
    buf[n++] = (char)('0' + f / 100 % 10);
    buf[n++] = (char)('0' + f / 10 % 10);
    buf[n++] = (char)('0' + f % 10);
    return n;
}

/* Where the event happened (places.c): a GeoNames place, present only when
 * the coder found one. */
static void out_location(out_t *o, const ne_article_t *a, const ne_location_t *l)
{
    static const char *const how[] = {"none", "text", "article", "country"};
    char num[64];
    OUT_LIT(o, ",\"location\":{\"text\":");
    out_span(o, a, l->start, l->end);
    OUT_LIT(o, ",\"start\":");
    out_int(o, (long long)l->start_cp);
    OUT_LIT(o, ",\"end\":");
    out_int(o, (long long)l->end_cp);
    OUT_LIT(o, ",\"geonameid\":");
    out_int(o, l->geonameid);
    OUT_LIT(o, ",\"name\":");
    out_cstr(o, l->name ? l->name : "");
    OUT_LIT(o, ",\"feature\":");
    out_cstr(o, l->feature ? l->feature : "city");
    OUT_LIT(o, ",\"country\":");
    out_cstr(o, l->country);
    OUT_LIT(o, ",\"adm1\":");
    if (l->adm1[0]) out_cstr(o, l->adm1);
    else OUT_LIT(o, "null");
    OUT_LIT(o, ",\"lat\":");
    out_raw(o, num, fixed5(l->lat, num));
    OUT_LIT(o, ",\"lon\":");
    out_raw(o, num, fixed5(l->lon, num));
    OUT_LIT(o, ",\"how\":");
    out_cstr(o, how[l->how]);
    OUT_LIT(o, "}");
}

/* The Goldstein score as printf's "%.1f" writes it. Scale values have one
 * decimal, so the common case is an integer number of tenths, written
 * without printf (which cost as much as the rest of the record); anything
 * else (and -0.0) still goes through snprintf. */
static void out_goldstein(out_t *o, double v)
{
    char g[32];
    double t = v * 10.0;
    if (t > -1e6 && t < 1e6) {
        long long k = (long long)(t < 0 ? t - 0.5 : t + 0.5);
        if (t - (double)k < 1e-6 && t - (double)k > -1e-6 && !(k == 0 && signbit(v))) {
            unsigned long long u = k < 0 ? (unsigned long long)-k : (unsigned long long)k;
            int n = 0;
            char tmp[24];
            tmp[n++] = (char)('0' + u % 10);
            tmp[n++] = '.';
            u /= 10;
            do tmp[n++] = (char)('0' + u % 10);
            while ((u /= 10));
            if (k < 0) tmp[n++] = '-';
            for (int j = 0; j < n; j++) g[j] = tmp[n - 1 - j];
            out_raw(o, g, (size_t)n);
            return;
        }
    }
    int gn = snprintf(g, sizeof(g), "%.1f", v);
    out_raw(o, g, (size_t)gn);
}

/* One event record with the evidence text a->text[ws..we): the whole
 * sentence, or a window of it around the trigger (cut: evidence.truncated). */
static void encode_event(out_t *o_, const ne_event_t *e, const ne_article_t *a, uint32_t ws,
                         uint32_t we, int cut)
{
    static const char *const prec[] = {"day", "month", "year"};
    static const char *const src[] = {"text", "context", "published"};
    out_t o = *o_;
    (void)out_room(&o, 1024); /* most records fit: one growth at most */
    /* character offsets: the sentence's as the coder counted it, the rest from it */
    size_t sc = e->sentence_start_cp + cp_count(a->text, e->sentence_start, ws);
    size_t ts, te, se;
    if (ws <= e->trigger_start && e->trigger_start <= e->trigger_end && e->trigger_end <= we) {
        /* the window in three parts, each byte counted once */
        ts = sc + cp_count(a->text, ws, e->trigger_start);
        te = ts + cp_count(a->text, e->trigger_start, e->trigger_end);
        se = te + cp_count(a->text, e->trigger_end, we);
    } else {
        se = sc + cp_count(a->text, ws, we);
        ts = sc + cp_count(a->text, ws, e->trigger_start);
        te = ts + cp_count(a->text, e->trigger_start, e->trigger_end);
    }
    OUT_LIT(&o, "{\"schema_version\":\"" NE_EVENT_SCHEMA_VERSION "\",\"event_id\":");
    OUT_ARR(&o, e->event_id);
    OUT_LIT(&o, ",\"article_id\":");
    out_cstr(&o, a->id ? a->id : "");
    /* the publisher, when the article names one: aggregates count distinct sources */
    if (a->source && *a->source) {
        OUT_LIT(&o, ",\"source\":");
        out_cstr(&o, a->source);
    }
    OUT_LIT(&o, ",\"actor\":");
    out_party(&o, a, &e->actor);
    OUT_LIT(&o, ",\"action\":{\"text\":");
    out_span(&o, a, e->trigger_start, e->trigger_end);
    OUT_LIT(&o, ",\"code\":");
    out_cstr(&o, e->code);
    OUT_LIT(&o, ",\"root\":");
    out_str(&o, e->code, 2);
    OUT_LIT(&o, ",\"label\":");
    out_cstr(&o, e->label ? e->label : "");
    OUT_LIT(&o, ",\"quad_class\":");
    out_int(&o, e->quad_class);
    OUT_LIT(&o, ",\"goldstein\":");
    out_goldstein(&o, e->goldstein);
    OUT_LIT(&o, "},\"counterpart\":");
    if (e->has_counterpart) out_party(&o, a, &e->counterpart);
    else OUT_LIT(&o, "null");
    OUT_LIT(&o, ",\"date\":");
    if (e->date_ymd) {
        char date[16];
        ne_format_date(e->date_ymd, e->date_precision, date);
        OUT_LIT(&o, "{\"value\":");
        out_cstr(&o, date);
        OUT_LIT(&o, ",\"precision\":");
        out_cstr(&o, prec[e->date_precision]);
        OUT_LIT(&o, ",\"text\":");
        if (e->date_end > e->date_start) out_span(&o, a, e->date_start, e->date_end);
        else OUT_LIT(&o, "null");
        OUT_LIT(&o, ",\"source\":");
        out_cstr(&o, src[e->date_source]);
        OUT_LIT(&o, "}");
    } else {
        OUT_LIT(&o, "{\"value\":null,\"precision\":null,\"text\":null,\"source\":\"unknown\"}");
    }
    if (e->location.how != NE_LOC_NONE) out_location(&o, a, &e->location);
    OUT_LIT(&o, ",\"evidence\":{\"sentence\":");
    out_span(&o, a, ws, we);
    if (cut) OUT_LIT(&o, ",\"truncated\":true");
    OUT_LIT(&o, ",\"start\":");
    out_int(&o, (long long)sc);
    OUT_LIT(&o, ",\"end\":");
    out_int(&o, (long long)se);
    OUT_LIT(&o, ",\"trigger\":{\"start\":");
    out_int(&o, (long long)ts);
    OUT_LIT(&o, ",\"end\":");
    out_int(&o, (long long)te);
    OUT_LIT(&o, "}},\"rule\":");
    out_cstr(&o, e->rule ? e->rule : "");
    OUT_LIT(&o, "}");
    *o_ = o;
}

/* Move a byte offset back to the start of its UTF-8 character. */
static uint32_t char_start(const char *t, uint32_t i, uint32_t lo)
{
    while (i > lo && ((unsigned char)t[i] & 0xC0) == 0x80) i--;
    return i;
}

/* One record appended to o (from o->n), in at most max bytes (0: no limit).
 * Returns 0; -1 out of memory; -2 when even the trigger alone does not fit
 * (*seen the smallest size tried). On failure o->n is back where it was. */
static int append_event(out_t *o, const ne_event_t *e, const ne_article_t *a, size_t max,
                        size_t *seen)
{
    size_t base = o->n;
    uint32_t ws = e->sentence_start, we = e->sentence_end;
    encode_event(o, e, a, ws, we, 0);
    /* too big: a window of the sentence around the trigger, smaller by the
     * excess each round (a byte cut is at least a byte less of JSON; the
     * margin covers moving the ends to character starts) */
    size_t tlen = e->trigger_end - e->trigger_start, win = we - ws;
    while (!o->oom && max && o->n - base > max) {
        size_t over = o->n - base - max + 8;
        win = win > over ? win - over : 0;
        if (win < tlen || win == 0) {
            *seen = o->n - base;
            o->n = base;
            return -2;
        }
        /* centred on the trigger; what one side cannot use goes to the other */
        size_t side = (win - tlen) / 2;
        size_t lo = e->trigger_start - e->sentence_start > side ? e->trigger_start - side : e->sentence_start;
        size_t hi = lo + win < e->sentence_end ? lo + win : e->sentence_end;
        if (hi - lo < win) lo = hi - e->sentence_start > win ? hi - win : e->sentence_start;
        ws = char_start(a->text, (uint32_t)lo, e->sentence_start);
        we = hi < e->sentence_end ? char_start(a->text, (uint32_t)hi, e->trigger_end) : e->sentence_end;
        o->n = base;
        encode_event(o, e, a, ws, we, 1);
    }
    if (o->oom) {
        o->n = base;
        return -1;
    }
    o->b[o->n] = '\0'; /* out_room always leaves room for it */
    return 0;
}

char *ne_event_to_json(const ne_event_t *e, const ne_article_t *a, size_t *len)
{
    return ne_event_to_json_max(e, a, 0, len);
}

char *ne_event_to_json_max(const ne_event_t *e, const ne_article_t *a, size_t max, size_t *len)
{
    out_t o = {NULL, 0, 0, 0};
    size_t seen = 0;
    int r = append_event(&o, e, a, max, &seen);
    if (r < 0) {
        free(o.b);
        if (len) *len = r == -2 ? seen : 0;
        return NULL;
    }
    if (len) *len = o.n;
    return o.b;
}

/* The caller's buffer is used as it is, so a driver that collects an
 * article's records (extract) writes each one once, straight into place,
 * instead of a malloc, a copy and a free per event. */
int ne_event_append_json(const ne_event_t *e, const ne_article_t *a, size_t max, char **buf,
                         size_t *len, size_t *cap)
{
    out_t o = {*buf, *len, *cap, 0};
    size_t seen = 0;
    int r = append_event(&o, e, a, max, &seen);
    /* the buffer may have grown, even when the record was not kept */
    *buf = o.b;
    *cap = o.cap;
    *len = o.n;
    return r == 0 ? 0 : r == -1 ? -1 : 1;
}
