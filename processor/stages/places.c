/*
 * places.c - event locations from the GeoNames gazetteer (see places.h).
 *
 * The gazetteer is held compactly: one record a place, and its names as
 * 64-bit hashes of their folded letters in one sorted array (a bit filter,
 * then a binary search per look-up), pointing into a list of places per
 * name. Names are folded as the coder's tokenizer folds the text, so a name
 * matches the text when the text's tokens fold to the same letters:
 * "Port-au-Prince", "Sana'a" and "SANAA" all reach their place. Only
 * capitalised words within reach of a locative word are looked up, in the
 * sentences that gave an event (and in the first ones, until the article
 * has a place), so the cost is a few searches per such sentence.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "lexicon.h"
#include "places.h"
#include "text.h"

enum { K_CITY = 0, K_CAPITAL, K_ADM1, K_COUNTRY };

typedef struct place_s {
    int32_t gid;
    float lat, lon;
    uint32_t pop;
    uint32_t name;    /* offset of the GeoNames name in pool */
    uint64_t key;     /* the key of that name: a text that spells it names this place first */
    int32_t capital;  /* a state's capital (place index), -1 */
    char iso3[4];
    char adm1[8];
    uint8_t kind;
} place_t;

/* Words of place-words.tsv, as folded-letter hashes. */
enum {
    W_AT = 1,
    W_CAPITAL = 2,
    W_NOT = 3,
    W_STOP = 4,
    W_ATNP = 5,
    W_TO = 6,
    W_FEATURE = 7,
    W_STATE = 8,
    W_SITE = 9,
    W_DIVISION = 10
};

/* How a name is introduced: not at all, by a locative word, or by a word of
 * direction ("sent aid to Ukraine": a place unless it is the counterpart). */
enum { INTRO_NONE = 0, INTRO_AT, INTRO_TO };
typedef struct word_s {
    uint64_t h;
    int kind;
    int32_t id; /* its lexicon word id (tokens carry theirs), -1 when the lexicon lacks it */
} word_t;

struct ne_places_s {
    place_t *pl;
    size_t npl;
    char *pool;
    size_t pool_n, pool_cap;
    uint64_t *nh;     /* sorted unique name hashes */
    uint32_t *nfirst; /* nfirst[i]..nfirst[i+1]: postings of nh[i] */
    uint32_t *nbucket; /* nbucket[b]..nbucket[b+1]: the names whose hash has top bits b */
    uint32_t *post;   /* place indices */
    size_t nnames;
    uint64_t *bloom;  /* NAME_BLOOM_BITS bits: two per name; most text spans miss it */
    word_t *words;
    size_t nwords;
    uint32_t wfirst[NE_MAX_FOLD + 1]; /* by length: the first letters of the words, a quick no */
    const ne_lexicon_t *lx; /* the coder's, for the grammar flags of words (may be NULL) */
    uint8_t *wkind;   /* kind by lexicon word id, when every word has an id: a token's
                         kind is then one load, without hashing it */
    size_t nwkind;    /* ids 0 .. nwkind-1 */
    size_t words_without_id; /* place words the lexicon lacks: looked up by key */
    /* a state's place index by ISO alpha-3, for "the capital" and qualifiers */
    struct {
        char iso3[4];
        int32_t place;
    } * states;
    size_t nstates;
};

/* Two bits of a 2^20-bit filter per name (128 KB for 132,000 names): a
 * span of capitalised words that is no name is almost always turned away
 * without a search of the sorted hashes. */
#define NAME_BLOOM_BITS (1u << 20)

static int bloom_has(const uint64_t *b, uint64_t h)
{
    uint32_t x = (uint32_t)h & (NAME_BLOOM_BITS - 1);
    uint32_t y = (uint32_t)(h >> 40) & (NAME_BLOOM_BITS - 1);
    return (b[x >> 6] >> (x & 63) & 1) && (b[y >> 6] >> (y & 63) & 1);
}

static void bloom_add(uint64_t *b, uint64_t h)
{
    uint32_t x = (uint32_t)h & (NAME_BLOOM_BITS - 1);
    uint32_t y = (uint32_t)(h >> 40) & (NAME_BLOOM_BITS - 1);
    b[x >> 6] |= 1ULL << (x & 63);
    b[y >> 6] |= 1ULL << (y & 63);
}

/* The sorted hashes are cut into 2^14 buckets by their top bits (64 KB of
 * bucket starts for about eight names a bucket): a look-up that passes the
 * filter searches its bucket, one or two cache lines, where a binary search
 * of the whole megabyte of hashes waited on a dozen reads from memory. */
#define NAME_BUCKET_BITS 14

static size_t name_bucket(uint64_t h)
{
    return (size_t)(h >> (64 - NAME_BUCKET_BITS));
}

/* ---- folding: a name's key is the letters and digits of its folded tokens */

/* 1 for the bytes a key takes from a fold (a-z, 0-9 and every byte from
 * 0x80): one load a byte, where three range tests were, in key_add, which
 * runs over the words after each capitalised token */
#define KB_(c) (((c) >= 'a' && (c) <= 'z') || ((c) >= '0' && (c) <= '9') || (c) >= 0x80)
static const unsigned char key_byte[256] = NE_BYTE_TABLE(KB_);
#undef KB_

/* For key_of's pass over a plain ASCII name: the byte a key takes from
 * each (letters lower-cased, digits), 0 for the bytes it skips, and 0xFF
 * where the pass stops: the NUL and every byte from 0x80 */
#define KL_(c) ((c) >= 'A' && (c) <= 'Z' ? (c) + 32 : (c))
#define KK_(c) (((c) >= 'a' && (c) <= 'z') || ((c) >= '0' && (c) <= '9') ? (c) : 0)
#define KA_(c) ((c) == 0 || (c) >= 0x80 ? 0xFF : KK_(KL_(c)))
static const unsigned char key_ascii[256] = NE_BYTE_TABLE(KA_);
#undef KL_
#undef KK_
#undef KA_

static uint64_t key_add(uint64_t h, const char *f, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)f[k];
        if (key_byte[c]) {
            h ^= c;
            h *= NE_FNV_PRIME;
        }
    }
    return h;
}

/* The key of a whole string, folded by the text stage's tokenizer. */
static int key_of(ne_doc_t *tmp, const char *s, uint64_t *h)
{
    /* plain ASCII, the usual name: its letters and digits, lower-cased, are
     * what the tokenizer's folds would give */
    const unsigned char *u = (const unsigned char *)s;
    size_t k = 0;
    uint64_t hh = NE_FNV_OFFSET;
    for (;; k++) { /* one pass: stops at the end or the first non-ASCII byte */
        unsigned v = key_ascii[u[k]];
        if (v == 0xFF) break;
        if (v) hh = (hh ^ v) * NE_FNV_PRIME;
    }
    if (!u[k]) {
        *h = hh;
        return hh == NE_FNV_OFFSET ? 1 : 0;
    }
    tmp->text = s;
    tmp->len = strlen(s);
    if (ne_text_tokenize(tmp, s, tmp->len, NULL) < 0) return -1;
    *h = NE_FNV_OFFSET;
    for (size_t i = 0; i < tmp->tok.n; i++)
        *h = key_add(*h, ne_tok_fold(tmp, &tmp->tok.v[i]), tmp->tok.v[i].fold_len);
    return *h == NE_FNV_OFFSET ? 1 : 0; /* 1: no letters */
}

/* ---- loading ----------------------------------------------------------- */

/* (hash, place) order: a name's places stay in file order (the places were
 * added in it), and a repeated (hash, place) pair is adjacent */
static int name_before(uint64_t h1, uint32_t p1, uint64_t h2, uint32_t p2)
{
    return h1 < h2 || (h1 == h2 && p1 < p2);
}

/* Sorts the names (hash h[i] of place p[i]) in place: each is swapped
 * straight into the look-up bucket of its top bits (an American flag sort),
 * then each bucket of about eight is put in order by insertion. In place,
 * because the loader's arrays are most of extract's peak memory (a radix
 * sort's second copy was 2.2 MB); qsort took most of the coder's start-up. */
static int sort_names(uint64_t *h, uint32_t *p, size_t n)
{
    const size_t nb = (size_t)1 << NAME_BUCKET_BITS;
    size_t *start = calloc(nb + 1, sizeof(*start)), *next = malloc(nb * sizeof(*next));
    if (!start || !next) {
        free(start);
        free(next);
        return -1;
    }
    for (size_t i = 0; i < n; i++) start[name_bucket(h[i]) + 1]++;
    for (size_t b = 0; b < nb; b++) start[b + 1] += start[b];
    memcpy(next, start, nb * sizeof(*next));
    for (size_t b = 0; b < nb; b++) {
        /* carry the name in bucket b's next unsorted slot to its own bucket,
         * taking the one found there along, until one belongs in b */
        while (next[b] < start[b + 1]) {
            uint64_t xh = h[next[b]];
            uint32_t xp = p[next[b]];
            for (size_t xb = name_bucket(xh); xb != b; xb = name_bucket(xh)) {
                size_t k = next[xb]++;
                uint64_t th = h[k];
                uint32_t tp = p[k];
                h[k] = xh, p[k] = xp;
                xh = th, xp = tp;
            }
            h[next[b]] = xh, p[next[b]] = xp;
            next[b]++;
        }
    }
    for (size_t b = 0; b < nb; b++)
        for (size_t i = start[b] + 1; i < start[b + 1]; i++) {
            uint64_t xh = h[i];
            uint32_t xp = p[i];
            size_t k = i;
            for (; k > start[b] && name_before(xh, xp, h[k - 1], p[k - 1]); k--)
                h[k] = h[k - 1], p[k] = p[k - 1];
            h[k] = xh, p[k] = xp;
        }
    free(start);
    free(next);
    return 0;
}

static int cmp_word(const void *a, const void *b)
{
    uint64_t x = ((const word_t *)a)->h, y = ((const word_t *)b)->h;
    return x < y ? -1 : x > y;
}

static int split(char *line, char **f, int max)
{
    int n = 0;
    f[n++] = line;
    /* strchr finds the tabs a word at a time: lines of alternative names are long */
    for (char *p = line; n < max && (p = strchr(p, '\t'));) {
        *p++ = '\0';
        f[n++] = p;
    }
    return n;
}

static FILE *open_in(const char *const *dirs, size_t ndirs, const char *file, char *path,
                     size_t pathsz)
{
    for (size_t i = ndirs; i-- > 0;) {
        snprintf(path, pathsz, "%s/gazetteer/%s", dirs[i], file);
        FILE *f = fopen(path, "r");
        if (f) return f;
    }
    return NULL;
}

static void chomp(char *line)
{
    size_t l = strlen(line);
    while (l && (line[l - 1] == '\n' || line[l - 1] == '\r')) line[--l] = '\0';
}

static int load_words(ne_places_t *pl, const char *const *dirs, size_t ndirs, ne_doc_t *tmp,
                      const ne_lexicon_t *lx, char *err, size_t errsz)
{
    char path[4096], line[512];
    FILE *f = open_in(dirs, ndirs, "place-words.tsv", path, sizeof(path));
    if (!f) {
        snprintf(err, errsz, "no gazetteer/place-words.tsv in the dictionary folders");
        return -1;
    }
    size_t cap = 0, lineno = 0;
    while (fgets(line, sizeof(line), f)) {
        lineno++;
        chomp(line);
        if (!line[0] || line[0] == '#') continue;
        char *fl[3];
        if (split(line, fl, 3) < 2) goto bad;
        int kind = !strcmp(fl[1], "at") ? W_AT : !strcmp(fl[1], "capital") ? W_CAPITAL
                 : !strcmp(fl[1], "not") ? W_NOT : !strcmp(fl[1], "stop") ? W_STOP
                 : !strcmp(fl[1], "at-phrase") ? W_ATNP
                 : !strcmp(fl[1], "direction") ? W_TO
                 : !strcmp(fl[1], "feature") ? W_FEATURE
                 : !strcmp(fl[1], "state") ? W_STATE
                 : !strcmp(fl[1], "division") ? W_DIVISION
                 : !strcmp(fl[1], "site") ? W_SITE : 0;
        if (!kind) goto bad;
        if (pl->nwords == cap) {
            cap = cap ? cap * 2 : 32;
            word_t *nw = realloc(pl->words, cap * sizeof(*nw));
            if (!nw) goto oom;
            pl->words = nw;
        }
        uint64_t h;
        if (key_of(tmp, fl[0], &h) < 0) goto oom;
        int32_t id = lx ? ne_lex_word_find(lx, fl[0], strlen(fl[0])) : -1;
        pl->words[pl->nwords++] = (word_t){h, kind, id};
        size_t wl = strlen(fl[0]);
        if (wl <= NE_MAX_FOLD && fl[0][0] >= 'a' && fl[0][0] <= 'z')
            pl->wfirst[wl] |= 1u << (fl[0][0] - 'a');
        else
            goto bad; /* a word is written folded: lower-case ASCII */
    }
    fclose(f);
    qsort(pl->words, pl->nwords, sizeof(*pl->words), cmp_word);
    /* tokens carry their lexicon word id: a token with one is found by its
     * id, without hashing it. A word the lexicon lacks ("shoal") has no id,
     * and no token with an id is that word: only tokens without one (of
     * about one in ten) are looked up by their key (word_kind). */
    int32_t maxid = -1;
    for (size_t i = 0; i < pl->nwords; i++)
        if (pl->words[i].id > maxid) maxid = pl->words[i].id;
    if (lx && maxid >= 0) {
        pl->wkind = calloc((size_t)maxid + 1, 1);
        if (!pl->wkind) {
            snprintf(err, errsz, "out of memory loading %s", path);
            return -1;
        }
        for (size_t i = 0; i < pl->nwords; i++)
            if (pl->words[i].id >= 0) pl->wkind[pl->words[i].id] = (uint8_t)pl->words[i].kind;
        pl->nwkind = (size_t)maxid + 1;
        for (size_t i = 0; i < pl->nwords; i++)
            pl->words_without_id += pl->words[i].id < 0;
    }
    return 0;
bad:
    snprintf(err, errsz, "%s:%zu: expected: word (lower case) <TAB> "
             "at|at-phrase|direction|capital|state|site|stop|feature|not",
             path, lineno);
    fclose(f);
    return -1;
oom:
    snprintf(err, errsz, "out of memory loading %s", path);
    fclose(f);
    return -1;
}

static int pool_add(ne_places_t *pl, const char *s, uint32_t *off)
{
    size_t n = strlen(s) + 1;
    while (pl->pool_n + n > pl->pool_cap) {
        size_t nc = pl->pool_cap ? pl->pool_cap * 2 : 1 << 16;
        char *np = realloc(pl->pool, nc);
        if (!np) return -1;
        pl->pool = np;
        pl->pool_cap = nc;
    }
    memcpy(pl->pool + pl->pool_n, s, n);
    *off = (uint32_t)pl->pool_n;
    pl->pool_n += n;
    return 0;
}

static int32_t state_find(const ne_places_t *pl, const char *iso3)
{
    if (!iso3 || !iso3[0]) return -1;
    size_t lo = 0, hi = pl->nstates;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(pl->states[mid].iso3, iso3);
        if (!c) return pl->states[mid].place;
        if (c < 0) lo = mid + 1;
        else hi = mid;
    }
    return -1;
}

static int cmp_state(const void *a, const void *b)
{
    return strcmp((const char *)a, (const char *)b); /* iso3 is the first member */
}

/* The capitals of the states: for each country i with capital_gid[i], the
 * first place with that GeoNames id (or -1) in pl[i].capital. One pass over
 * the places with a small open-addressing table of the wanted ids, where a
 * scan of all places per country cost more than the rest of the loading. */
static int link_capitals(ne_places_t *pl, const int32_t *capital_gid)
{
    size_t want = 0, cap = 16;
    for (size_t i = 0; i < pl->npl; i++) want += pl->pl[i].kind == K_COUNTRY && capital_gid[i];
    while (cap < want * 2) cap *= 2;
    struct {
        int32_t gid, place;
    } *t = calloc(cap, sizeof(*t)); /* gid 0: an empty slot (0 is no capital) */
    if (!t) return -1;
    size_t mask = cap - 1;
    for (size_t i = 0; i < pl->npl; i++)
        if (pl->pl[i].kind == K_COUNTRY && capital_gid[i]) {
            size_t h = (uint32_t)capital_gid[i] * 2654435761u & mask;
            while (t[h].gid && t[h].gid != capital_gid[i]) h = (h + 1) & mask;
            t[h].gid = capital_gid[i];
            t[h].place = -1;
        }
    for (size_t i = 0; i < pl->npl; i++) {
        int32_t gid = pl->pl[i].gid;
        if (!gid) continue;
        size_t h = (uint32_t)gid * 2654435761u & mask;
        while (t[h].gid && t[h].gid != gid) h = (h + 1) & mask;
        if (t[h].gid == gid && t[h].place < 0) t[h].place = (int32_t)i;
    }
    for (size_t i = 0; i < pl->npl; i++)
        if (pl->pl[i].kind == K_COUNTRY && capital_gid[i]) {
            size_t h = (uint32_t)capital_gid[i] * 2654435761u & mask;
            while (t[h].gid != capital_gid[i]) h = (h + 1) & mask;
            pl->pl[i].capital = t[h].place;
        }
    free(t);
    return 0;
}

/* The gazetteer's numbers, parsed without strtof/strtol: those cost more
 * than the rest of a line's loading. parse_float takes "[-]digits[.digits]"
 * with at most 24 bits of digits and 10 decimals; then one float division
 * of two exact floats is correctly rounded, the same value strtof gives
 * (Clinger's fast path). Anything else goes to strtof. */
static float parse_float(const char *s)
{
    static const float pow10f[] = {1e0f, 1e1f, 1e2f, 1e3f, 1e4f, 1e5f,
                                   1e6f, 1e7f, 1e8f, 1e9f, 1e10f};
    const char *p = s;
    int neg = *p == '-';
    p += neg;
    uint32_t m = 0;
    int digits = 0, decimals = -1;
    /* the integer part, then the decimals: a loop each, with one test a digit */
    for (; (unsigned)(*p - '0') < 10u; p++, digits++) {
        if (m >= (1u << 24) / 10) return strtof(s, NULL); /* m * 10 may pass 2^24 */
        m = m * 10 + (uint32_t)(*p - '0');
    }
    if (*p == '.') {
        const char *d0 = ++p;
        for (; (unsigned)(*p - '0') < 10u; p++) {
            if (m >= (1u << 24) / 10) return strtof(s, NULL);
            m = m * 10 + (uint32_t)(*p - '0');
        }
        decimals = (int)(p - d0);
        digits += decimals;
    }
    if (*p || !digits || decimals == 0 || decimals > 10) return strtof(s, NULL);
    float v = decimals > 0 ? (float)m / pow10f[decimals] : (float)m;
    return neg ? -v : v;
}

/* A non-negative decimal integer that fills s, or -1 (then strtol decides). */
static long parse_uint(const char *s)
{
    long v = 0;
    const char *p = s;
    for (; *p >= '0' && *p <= '9' && p - s < 18; p++) v = v * 10 + (*p - '0');
    return p > s && !*p ? v : -1;
}

/* What the loader gathers before the index is built: every name of every
 * place (hash hs[i] names place ps[i]) and each place's capital's id. */
typedef struct names_s {
    uint64_t *hs;
    uint32_t *ps;
    size_t nn, ncap, placecap;
    int32_t *capital_gid;
    ne_doc_t tmp; /* the tokens of a name, for its key */
} names_t;

static int add_name(names_t *nm, uint64_t h, uint32_t place)
{
    if (nm->nn == nm->ncap) {
        nm->ncap = nm->ncap ? nm->ncap * 2 : 1 << 16;
        uint64_t *hs = realloc(nm->hs, nm->ncap * sizeof(*hs));
        if (hs) nm->hs = hs;
        uint32_t *ps = realloc(nm->ps, nm->ncap * sizeof(*ps));
        if (ps) nm->ps = ps;
        if (!hs || !ps) return -1;
    }
    nm->hs[nm->nn] = h;
    nm->ps[nm->nn++] = place;
    return 0;
}

/* Room for one more place (and its capital's id). */
static int grow_places(ne_places_t *pl, names_t *nm)
{
    if (pl->npl < nm->placecap) return 0;
    nm->placecap = nm->placecap ? nm->placecap * 2 : 1 << 15;
    place_t *np = realloc(pl->pl, nm->placecap * sizeof(*np));
    if (np) pl->pl = np;
    int32_t *nc = realloc(nm->capital_gid, nm->placecap * sizeof(*nc));
    if (nc) nm->capital_gid = nc;
    return np && nc ? 0 : -1;
}

/* One line of geonames.tsv (its fields split): the place, then its name and
 * other names into the name list. -1 with err set: a bad line; -2: out of
 * memory. */
static int read_place(ne_places_t *pl, names_t *nm, char **fl, int nf, const char *path,
                      size_t lineno, char *err, size_t errsz)
{
    if (nf < 9) {
        snprintf(err, errsz, "%s:%zu: expected 9 or 10 fields", path, lineno);
        return -1;
    }
    if (grow_places(pl, nm) < 0) return -2;
    place_t *p = &pl->pl[pl->npl];
    memset(p, 0, sizeof(*p));
    char *end;
    errno = 0;
    long gid = parse_uint(fl[0]);
    if (gid < 0) gid = strtol(fl[0], &end, 10);
    else end = fl[0] + strlen(fl[0]);
    p->gid = (int32_t)gid;
    /* cities first: nearly every line is one */
    p->kind = !strcmp(fl[1], "city") ? K_CITY : !strcmp(fl[1], "country") ? K_COUNTRY
            : !strcmp(fl[1], "adm1") ? K_ADM1 : !strcmp(fl[1], "capital") ? K_CAPITAL : 9;
    if (*end || gid <= 0 || p->kind == 9 || strlen(fl[2]) != 3) {
        snprintf(err, errsz, "%s:%zu: bad id, kind or state", path, lineno);
        return -1;
    }
    memcpy(p->iso3, fl[2], 4);
    if (strcmp(fl[3], "-")) ne_strlcpy(p->adm1, fl[3], sizeof(p->adm1));
    p->lat = parse_float(fl[4]);
    p->lon = parse_float(fl[5]);
    long pop = parse_uint(fl[6]);
    p->pop = (uint32_t)(pop >= 0 ? (unsigned long)pop : strtoul(fl[6], NULL, 10));
    p->capital = -1;
    nm->capital_gid[pl->npl] = nf > 9 && strcmp(fl[9], "-") ? (int32_t)strtol(fl[9], NULL, 10) : 0;
    if (pool_add(pl, fl[7], &p->name) < 0) return -2;
    /* the name, then the other names */
    char *s = fl[7], *alts = fl[8];
    for (;;) {
        uint64_t h;
        int r = key_of(&nm->tmp, s, &h);
        if (r < 0) return -2;
        if (r == 0) {
            if (add_name(nm, h, (uint32_t)pl->npl) < 0) return -2;
            if (s == fl[7]) p->key = h;
        }
        if (!alts || !*alts) break;
        s = alts;
        char *bar = strchr(alts, '|');
        if (bar) {
            *bar = '\0';
            alts = bar + 1;
        } else {
            alts = NULL;
        }
    }
    pl->npl++;
    return 0;
}

/* The states, by ISO code, with their capitals. */
static int index_states(ne_places_t *pl, const int32_t *capital_gid)
{
    for (size_t i = 0; i < pl->npl; i++)
        if (pl->pl[i].kind == K_COUNTRY) pl->nstates++;
    pl->states = calloc(pl->nstates ? pl->nstates : 1, sizeof(*pl->states));
    if (!pl->states) return -1;
    pl->nstates = 0;
    for (size_t i = 0; i < pl->npl; i++)
        if (pl->pl[i].kind == K_COUNTRY) {
            memcpy(pl->states[pl->nstates].iso3, pl->pl[i].iso3, 4);
            pl->states[pl->nstates++].place = (int32_t)i;
        }
    if (link_capitals(pl, capital_gid) < 0) return -1;
    qsort(pl->states, pl->nstates, sizeof(*pl->states), cmp_state);
    return 0;
}

/* The look-up by name: the hashes sorted, each once (nh) with its run of
 * places (post from nfirst), a Bloom filter and buckets over them. The name
 * list's arrays become nh and post (sorted and compacted in place: a write
 * never passes the read position), so pl owns them from here on. */
static int index_names(ne_places_t *pl, names_t *nm)
{
    uint64_t *hs = nm->hs;
    uint32_t *ps = nm->ps;
    size_t nn = nm->nn;
    if (sort_names(hs, ps, nn) < 0) return -1;
    pl->nfirst = malloc((nn + 1) * sizeof(*pl->nfirst));
    if (!pl->nfirst) return -1;
    size_t np = 0;
    for (size_t i = 0; i < nn; i++) {
        uint64_t h = hs[i];
        uint32_t place = ps[i];
        if (np && pl->nnames && hs[pl->nnames - 1] == h && ps[np - 1] == place) continue;
        if (!pl->nnames || hs[pl->nnames - 1] != h) {
            hs[pl->nnames] = h;
            pl->nfirst[pl->nnames++] = (uint32_t)np;
        }
        ps[np++] = place;
    }
    pl->nfirst[pl->nnames] = (uint32_t)np;
    /* keep what is used, not the growth slack */
    uint64_t *hs2 = realloc(hs, (pl->nnames ? pl->nnames : 1) * sizeof(*hs));
    if (hs2) hs = hs2;
    uint32_t *ps2 = realloc(ps, (np ? np : 1) * sizeof(*ps));
    if (ps2) ps = ps2;
    pl->nh = hs;
    pl->post = ps;
    nm->hs = NULL;
    nm->ps = NULL;
    uint32_t *nf = realloc(pl->nfirst, (pl->nnames + 1) * sizeof(*nf));
    if (nf) pl->nfirst = nf;
    pl->bloom = calloc(NAME_BLOOM_BITS / 64, sizeof(uint64_t));
    if (!pl->bloom) return -1;
    for (size_t i = 0; i < pl->nnames; i++) bloom_add(pl->bloom, pl->nh[i]);
    pl->nbucket = malloc(((1u << NAME_BUCKET_BITS) + 1) * sizeof(*pl->nbucket));
    if (!pl->nbucket) return -1;
    for (size_t b = 0, i = 0; b <= (1u << NAME_BUCKET_BITS); b++) {
        while (i < pl->nnames && name_bucket(pl->nh[i]) < b) i++;
        pl->nbucket[b] = (uint32_t)i;
    }
    return 0;
}

ne_places_t *ne_places_load(const char *const *dirs, size_t ndirs, const ne_lexicon_t *lx,
                            char *err, size_t errsz)
{
    char path[4096];
    names_t nm = {0};
    size_t lineno = 0;
    char *line = NULL;
    size_t linecap = 0;
    ne_places_t *pl = calloc(1, sizeof(*pl));
    if (!pl) {
        snprintf(err, errsz, "out of memory");
        return NULL;
    }
    FILE *f = open_in(dirs, ndirs, "geonames.tsv", path, sizeof(path));
    if (!f) {
        snprintf(err, errsz, "no gazetteer/geonames.tsv in the dictionary folders "
                             "(locations can be turned off: --no-locations)");
        goto fail;
    }
    while (getline(&line, &linecap, f) >= 0) {
        lineno++;
        chomp(line);
        if (!line[0] || line[0] == '#') continue;
        char *fl[10];
        int nf = split(line, fl, 10);
        /* the place of a line is formatted only for an error: a snprintf
         * per line cost a seventh of the gazetteer's loading */
        int r = read_place(pl, &nm, fl, nf, path, lineno, err, errsz);
        if (r == -2) goto oom;
        if (r < 0) goto fail;
    }
    fclose(f);
    f = NULL;
    if (index_states(pl, nm.capital_gid) < 0 || index_names(pl, &nm) < 0) goto oom;
    free(nm.capital_gid);
    nm.capital_gid = NULL;
    pl->lx = lx;
    if (load_words(pl, dirs, ndirs, &nm.tmp, lx, err, errsz) < 0) goto fail;
    free(line);
    ne_doc_free(&nm.tmp);
    return pl;
oom:
    snprintf(err, errsz, "out of memory loading %s", path);
fail:
    if (f) fclose(f);
    free(line);
    free(nm.hs);
    free(nm.ps);
    free(nm.capital_gid);
    ne_doc_free(&nm.tmp);
    ne_places_destroy(pl);
    return NULL;
}

void ne_places_destroy(ne_places_t *pl)
{
    if (!pl) return;
    free(pl->pl);
    free(pl->pool);
    free(pl->nh);
    free(pl->nfirst);
    free(pl->nbucket);
    free(pl->post);
    free(pl->words);
    free(pl->wkind);
    free(pl->bloom);
    free(pl->states);
    free(pl);
}

size_t ne_places_count(const ne_places_t *pl)
{
    return pl ? pl->npl : 0;
}

/* ---- look-up ----------------------------------------------------------- */

/* The postings of a name hash: *first and the count, 0 when unknown. */
static uint32_t name_find(const ne_places_t *pl, uint64_t h, uint32_t *first)
{
    if (!bloom_has(pl->bloom, h)) return 0;
    size_t lo = pl->nbucket[name_bucket(h)], hi = pl->nbucket[name_bucket(h) + 1];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (pl->nh[mid] == h) {
            *first = pl->nfirst[mid];
            return pl->nfirst[mid + 1] - pl->nfirst[mid];
        }
        if (pl->nh[mid] < h) lo = mid + 1;
        else hi = mid;
    }
    return 0;
}

static int word_kind(const ne_places_t *pl, const ne_doc_t *d, const ne_token_t *t)
{
    if (pl->wkind && t->word >= 0) return (size_t)t->word < pl->nwkind ? pl->wkind[t->word] : 0;
    if (pl->wkind && !pl->words_without_id) return 0;
    unsigned c = (unsigned char)ne_tok_fold(d, t)[0] - 'a';
    if (t->fold_len == 0 || c > 25 || !(pl->wfirst[t->fold_len] >> c & 1)) return 0;
    uint64_t h = key_add(NE_FNV_OFFSET, ne_tok_fold(d, t), t->fold_len);
    size_t lo = 0, hi = pl->nwords;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (pl->words[mid].h == h) return pl->words[mid].kind;
        if (pl->words[mid].h < h) lo = mid + 1;
        else hi = mid;
    }
    return 0;
}

/* log10 of w >= 1, near enough for ranking (linear between powers of ten,
 * and monotonic): the library does not link libm. */
static double lg10(double w)
{
    int e = 0;
    while (w >= 10) {
        w /= 10;
        e++;
    }
    return e + (w - 1) / 9;
}

/* How much a place weighs among places of the same name: its population,
 * with states and capitals counted ten times (a name that is a state's or a
 * capital's is that state or capital unless the context says otherwise:
 * "Georgia", "Tripoli") and a division's counted half (its population is its
 * cities'). On a log scale, so that a context bonus can outweigh a factor of
 * a hundred in population, not more: "Paris" with American actors is still
 * Paris, France. */
static double weight(const place_t *p)
{
    double w = (double)p->pop + 1;
    if (p->kind == K_COUNTRY || p->kind == K_CAPITAL) w *= 10;
    else if (p->kind == K_ADM1) w *= 0.5;
    return lg10(w);
}

/* Context of a resolution: the states of the actor and counterpart, the
 * state the text gives with the name, the article's state. */
typedef struct ctx_s {
    const char *actor, *counterpart, *article;
    int32_t state; /* a place index, -1 */
} ctx_t;

static int32_t resolve_name(const ne_places_t *pl, const ne_place_ref_t *r, const ctx_t *c)
{
    if (r->n == 0) { /* "the capital", "the country" */
        int32_t st = r->state >= 0 ? r->state : state_find(pl, c->actor);
        if (st < 0) st = state_find(pl, c->counterpart);
        if (st < 0) st = state_find(pl, c->article);
        return st < 0 ? -1 : r->whole ? st : pl->pl[st].capital;
    }
    const char *qual = r->state >= 0 ? pl->pl[r->state].iso3 : NULL;
    int32_t best = -1;
    double bs = -1e9;
    for (uint32_t k = 0; k < r->n; k++) {
        uint32_t i = pl->post[r->first + k];
        const place_t *p = &pl->pl[i];
        double s = weight(p);
        /* a place's own name before another's other name: "New Delhi" is
         * New Delhi, not Delhi, which GeoNames also calls so */
        if (p->key == r->key) s += 3;
        if (qual && !strcmp(p->iso3, qual)) s += 10;
        if ((c->actor && !strcmp(p->iso3, c->actor)) ||
            (c->counterpart && !strcmp(p->iso3, c->counterpart)))
            s += 2;
        else if (c->article && !strcmp(p->iso3, c->article))
            s += 1;
        if (s > bs) {
            bs = s;
            best = (int32_t)i;
        }
    }
    return best;
}

/* A name that is both a first-level division's and a city's in it is the
 * city ("in Sao Paulo", "Sagaing", "Zaporizhzhia"), unless a word of kind
 * division follows it ("the Donetsk region", "Sao Paulo state"): then it is
 * the division. */
static int32_t city_or_division(const ne_places_t *pl, const ne_place_ref_t *r, int32_t best)
{
    const place_t *b = &pl->pl[best];
    int want = r->division ? K_ADM1 : -1;
    if (!r->division && b->kind != K_ADM1) return best;
    if (r->division && b->kind != K_CITY && b->kind != K_CAPITAL) return best;
    int32_t pick = -1;
    double ps = -1e9;
    for (uint32_t k = 0; k < r->n; k++) {
        uint32_t i = pl->post[r->first + k];
        const place_t *p = &pl->pl[i];
        int fits = want == K_ADM1 ? p->kind == K_ADM1 : p->kind == K_CITY || p->kind == K_CAPITAL;
        if (!fits || strcmp(p->iso3, b->iso3) || strcmp(p->adm1, b->adm1)) continue;
        double s = weight(p) + (p->key == r->key ? 3 : 0);
        if (s > ps) {
            ps = s;
            pick = (int32_t)i;
        }
    }
    return pick >= 0 ? pick : best;
}

static int32_t resolve(const ne_places_t *pl, const ne_place_ref_t *r, const ctx_t *c)
{
    if (r->unknown) return -1;
    int32_t best = resolve_name(pl, r, c);
    if (best >= 0 && r->n) best = city_or_division(pl, r, best);
    /* a city-state's name is its city: "in Hong Kong", "in Singapore" */
    if (best >= 0 && pl->pl[best].kind == K_COUNTRY && pl->pl[best].capital >= 0 &&
        !strcmp(pl->pool + pl->pl[best].name, pl->pool + pl->pl[pl->pl[best].capital].name))
        best = pl->pl[best].capital;
    return best;
}

static const char *feature_name(int kind)
{
    return kind == K_COUNTRY ? "country" : kind == K_ADM1 ? "adm1" : "city";
}

static void set_location(const ne_places_t *pl, ne_event_t *e, const ne_place_ref_t *r,
                         int32_t i, ne_loc_how_t how)
{
    const place_t *p = &pl->pl[i];
    ne_location_t *l = &e->location;
    l->how = p->kind == K_COUNTRY ? NE_LOC_COUNTRY : how;
    l->start = r->start;
    l->end = r->end;
    l->geonameid = p->gid;
    l->name = pl->pool + p->name;
    l->feature = feature_name(p->kind);
    memcpy(l->country, p->iso3, 4);
    ne_strlcpy(l->adm1, p->adm1, sizeof(l->adm1));
    l->lat = p->lat;
    l->lon = p->lon;
}

/* ---- the places of a sentence ----------------------------------------- */

#define MAX_NAME_TOKENS 6

static int cap_word(const ne_token_t *t)
{
    return t->kind == NE_TK_WORD && (t->flags & (NE_TF_CAP | NE_TF_ALLCAP)) && t->fold_len;
}

static int in_timex(const ne_doc_t *d, uint32_t i)
{
    for (size_t k = 0; k < d->tx.n; k++)
        if (i >= d->tx.v[k].tb && i < d->tx.v[k].te) return 1;
    return 0;
}

/* A punctuation mark that ends a name: anything but a hyphen or an apostrophe. */
static int name_break(const ne_doc_t *d, const ne_token_t *t)
{
    if (t->kind != NE_TK_PUNCT) return 0;
    char c = d->text[t->start];
    return c != '-' && c != '\'';
}

/* The longest gazetteer name starting at token i: its end token, 0 none;
 * its postings in *first, *n and its key in *key. */
static uint32_t match_at(const ne_places_t *pl, const ne_doc_t *d, uint32_t i, uint32_t te,
                         uint32_t *first, uint32_t *n, uint64_t *key)
{
    const ne_token_t *t = &d->tok.v[i];
    if (!cap_word(t)) return 0;
    uint64_t h[MAX_NAME_TOKENS];
    uint32_t len = 0, k;
    uint64_t acc = NE_FNV_OFFSET;
    for (k = i; k < te && len < MAX_NAME_TOKENS; k++) {
        const ne_token_t *tk = &d->tok.v[k];
        if (name_break(d, tk) || tk->kind == NE_TK_URL) break;
        /* "Mali's capital": the possessive ends the name */
        if (k > i && tk->fold_len == 2 && !memcmp(ne_tok_fold(d, tk), "'s", 2)) break;
        /* inside a name, only short linking words are in lower case ("Rio de
         * Janeiro", "Bosnia and Herzegovina", "Port-au-Prince"): a longer one
         * ends it, and most spans are one word long */
        if (k > i && tk->kind == NE_TK_WORD && !(tk->flags & (NE_TF_CAP | NE_TF_ALLCAP)) &&
            tk->fold_len > 3)
            break;
        acc = key_add(acc, ne_tok_fold(d, tk), tk->fold_len);
        h[len++] = acc;
    }
    for (; len > 0; len--) {
        const ne_token_t *last = &d->tok.v[i + len - 1];
        if (!cap_word(last)) continue; /* a name ends with a capitalised word */
        if ((*n = name_find(pl, h[len - 1], first)) > 0) {
            if (in_timex(d, i) || word_kind(pl, d, t) == W_NOT) return 0;
            *key = h[len - 1];
            return i + len;
        }
    }
    return 0;
}

static int is_punct(const ne_doc_t *d, uint32_t i, uint32_t te, char c)
{
    return i < te && d->tok.v[i].kind == NE_TK_PUNCT && d->text[d->tok.v[i].start] == c;
}

static int is_word(const ne_doc_t *d, uint32_t i, uint32_t te, const char *w)
{
    size_t n = strlen(w);
    return i < te && d->tok.v[i].fold_len == n && !memcmp(ne_tok_fold(d, &d->tok.v[i]), w, n);
}

/* The state a name at [i, te) spells, as a place index, -1. */
static int32_t state_at(const ne_places_t *pl, const ne_doc_t *d, uint32_t i, uint32_t te,
                        uint32_t *end)
{
    uint32_t first, n;
    uint64_t key;
    uint32_t e = match_at(pl, d, i, te, &first, &n, &key);
    if (!e) return -1;
    for (uint32_t k = 0; k < n; k++)
        if (pl->pl[pl->post[first + k]].kind == K_COUNTRY) {
            *end = e;
            return (int32_t)pl->post[first + k];
        }
    return -1;
}

/* Is the name at token i introduced by a locative word? Looks back over the
 * words of a noun phrase ("near the border town of", "in the southern city
 * of", "outside the parliament in", "in Mali's capital", "in the capital,")
 * as far as a locative word, and stops at other punctuation or at a
 * capitalised word of another name. */
static int introduced(const ne_places_t *pl, const ne_doc_t *d, uint32_t tb, uint32_t i)
{
    for (uint32_t k = i, steps = 0; k > tb && steps < 6; steps++) {
        const ne_token_t *t = &d->tok.v[--k];
        if (t->kind == NE_TK_PUNCT) {
            if (!name_break(d, t)) continue;
            /* "in the capital, Port-au-Prince" */
            if (d->text[t->start] == ',' && k > tb &&
                word_kind(pl, d, &d->tok.v[k - 1]) == W_CAPITAL && k == i - 1)
                continue;
            return INTRO_NONE;
        }
        if (t->kind != NE_TK_WORD) return INTRO_NONE;
        int w = word_kind(pl, d, t);
        if (w == W_AT || (w == W_ATNP && k + 1 < i)) return INTRO_AT;
        /* "a visit to Abuja" is the visit's place whatever it names */
        if (w == W_TO) {
            if (k > tb && word_kind(pl, d, &d->tok.v[k - 1]) == W_AT) return INTRO_AT;
            /* only a bare name ("to Ukraine", "to the United States") may be
             * whom; "to flood-hit areas of Myanmar" is where */
            for (uint32_t j = k + 1; j < i; j++)
                if (!is_word(d, j, i, "the")) return INTRO_AT;
            return INTRO_TO;
        }
        if (w == W_ATNP) return INTRO_NONE; /* "influence on Russia": not a place's */
        if (w == W_STOP) return INTRO_NONE;
        if (t->fold_len == 2 && !memcmp(ne_tok_fold(d, t), "'s", 2)) {
            /* "Mali's capital Bamako": the possessor is passed over */
            while (k > tb && (d->tok.v[k - 1].flags & NE_TF_CAP) && steps++ < 6) k--;
            continue;
        }
        if ((t->flags & NE_TF_CAP) && k > tb) return INTRO_NONE; /* "in Kharkiv, Russia" */
        /* a participle heads another phrase: "in a statement blaming Russia" */
        if (pl->lx && t->word >= 0 && t->fold_len > 4 &&
            !memcmp(ne_tok_fold(d, t) + t->fold_len - 3, "ing", 3) &&
            ne_lex_vforms(pl->lx, t->word) != NE_LEX_NONE)
            return INTRO_NONE;
        /* another preposition heads the name's phrase: "to spy for London" */
        if (pl->lx && t->word >= 0 && (ne_lex_word_flags(pl->lx, t->word) & NE_W_PREP) &&
            !(t->fold_len == 2 && !memcmp(ne_tok_fold(d, t), "of", 2)))
            return INTRO_NONE;
    }
    return INTRO_NONE;
}

static int push_ref(ne_places_mem_t *m, const ne_place_ref_t *r)
{
    if (NE_VEC_RESERVE(m->refs) < 0) return -1;
    m->refs.v[m->refs.n++] = *r;
    return 0;
}

/* "the capital" after a locative word; "the capital, Kabul" and "the capital
 * Kabul" are left to the name. The state: "capital of X", "X's capital". */
static int capital_ref(const ne_places_t *pl, const ne_doc_t *d, uint32_t tb, uint32_t te,
                       uint32_t i, ne_place_ref_t *r)
{
    int wk = word_kind(pl, d, &d->tok.v[i]);
    /* "across the country", "in the north of the country": the state itself;
     * not after a word of direction ("to leave the country") */
    if (wk == W_STATE) {
        if (!is_word(d, i - 1, te, "the") || i <= tb ||
            introduced(pl, d, tb, i) != INTRO_AT)
            return 0;
        memset(r, 0, sizeof(*r));
        r->state = -1;
        r->whole = 1;
        r->tb = i - 1;
        r->te = i + 1;
        r->start = d->tok.v[i - 1].start;
        r->end = d->tok.v[i].end;
        r->at = 1;
        return 1;
    }
    if (wk != W_CAPITAL || !introduced(pl, d, tb, i)) return 0;
    uint32_t j = i + 1, e, f, n;
    uint64_t key;
    if (is_punct(d, j, te, ',')) j++;
    if (j < te && match_at(pl, d, j, te, &f, &n, &key)) return 0;
    memset(r, 0, sizeof(*r));
    r->state = -1;
    if (is_word(d, i + 1, te, "of")) r->state = state_at(pl, d, i + 2, te, &e);
    if (r->state < 0 && i >= tb + 2 && is_word(d, i - 1, te, "'s")) {
        /* "Yemen's capital": the name that ends before the 's */
        for (uint32_t s = i - 1; s-- > tb && i - 1 - s <= MAX_NAME_TOKENS;) {
            int32_t st = state_at(pl, d, s, i - 1, &e);
            if (st >= 0 && e == i - 1) {
                r->state = st;
                break;
            }
        }
    }
    uint32_t from = i > tb && is_word(d, i - 1, te, "the") ? i - 1 : i;
    r->tb = from;
    r->te = i + 1;
    r->start = d->tok.v[from].start;
    r->end = d->tok.v[i].end;
    r->at = 1;
    return 1;
}

/* Is token i inside the name of a person ("Vladimir Putin")? */
static int in_person(const ne_doc_t *d, uint32_t tb, uint32_t i)
{
    if (i - tb >= d->tok_ment.n) return 0;
    int32_t m = d->tok_ment.v[i - tb];
    return m >= 0 && (size_t)m < d->ment.n && (d->ment.v[m].flags & NE_MF_PERSON);
}

/* Does a site of the place named before token i follow ("a Paris court",
 * "Hong Kong's Legislative Council", "Nepal's parliament building")? Token
 * i is the name's end (or, before the name is matched, its first word): then
 * within a few words, with no other place word between, a word of kind site. */
static int before_site(const ne_places_t *pl, const ne_doc_t *d, uint32_t i, uint32_t te)
{
    uint32_t j = i;
    for (uint32_t k = 0; k < MAX_NAME_TOKENS + 3 && j < te; k++, j++) {
        const ne_token_t *t = &d->tok.v[j];
        if (t->kind != NE_TK_WORD) return 0;
        int w = word_kind(pl, d, t);
        if (w == W_SITE) return 1;
        if (w) return 0;
    }
    return 0;
}

/* How far after a locative word a name may start: "near the border town
 * of Kupiansk", "in Mali's capital Bamako" (introduced() looks back as far). */
#define LOOK_AHEAD 8

/* Does state st qualify the name of r ("Tripoli, Lebanon"), rather than
 * follow it in a list ("France, Serbia and Hungary")? Only when the name is
 * no state itself and has a place in st. */
static int qualifies(const ne_places_t *pl, const ne_place_ref_t *r, int32_t st)
{
    int in = 0;
    for (uint32_t k = 0; k < r->n; k++) {
        const place_t *p = &pl->pl[pl->post[r->first + k]];
        if (p->kind == K_COUNTRY) return 0;
        if (!strcmp(p->iso3, pl->pl[st].iso3)) in = 1;
    }
    return in;
}

/* The names of sentence [tb, te), in order. */
/* A named natural feature at token i, the token after it, or 0: a run of
 * capitalised words that ends in a feature word ("the Black Sea", "Second
 * Thomas Shoal", "the Dnipro River"), or a feature word, "of" and a name
 * ("the Strait of Hormuz", "the Gulf of Aden"). The gazetteer holds none of
 * them (no registry package ships GeoNames' seas, rivers and islands), but
 * the event happened there, not at the article's dateline. */
static uint32_t feature_at(const ne_places_t *pl, const ne_doc_t *d, uint32_t i, uint32_t te)
{
    for (uint32_t k = i; k < te && k - i < MAX_NAME_TOKENS && cap_word(&d->tok.v[k]); k++) {
        if (word_kind(pl, d, &d->tok.v[k]) != W_FEATURE) continue;
        if (k > i) return k + 1;
        if (!is_word(d, k + 1, te, "of") || k + 2 >= te || !cap_word(&d->tok.v[k + 2])) return 0;
        uint32_t j = k + 2;
        while (j < te && j - k < MAX_NAME_TOKENS && cap_word(&d->tok.v[j])) j++;
        return j;
    }
    return 0;
}

/* The feature [i, fe) as a place the gazetteer does not hold, when a
 * locative word introduces it ("in the Black Sea", not "the Black Sea
 * Fleet said"). */
static int push_feature(const ne_places_t *pl, const ne_doc_t *d, uint32_t tb, uint32_t i,
                        uint32_t fe, uint8_t stop, ne_places_mem_t *m)
{
    int intro = introduced(pl, d, tb, i);
    if (intro == INTRO_NONE || in_person(d, tb, i)) return 0;
    ne_place_ref_t r;
    memset(&r, 0, sizeof(r));
    r.tb = i;
    r.te = fe;
    r.start = d->tok.v[i].start;
    r.end = d->tok.v[fe - 1].end;
    r.state = -1;
    r.stop = stop;
    r.at = 1;
    r.dir = intro == INTRO_TO;
    r.unknown = 1;
    r.list = (uint16_t)(m->refs.n < 65535 ? m->refs.n : 65535);
    return push_ref(m, &r);
}

static int find_refs(const ne_places_t *pl, const ne_doc_t *d, uint32_t tb, uint32_t te,
                     ne_places_mem_t *m)
{
    m->refs.n = 0;
    m->stops.n = 0;
    /* room for a mark per token and one past the end, reserved once */
    while (m->stops.cap < (size_t)(te - tb) + 1)
        if (ne_vec_grow((void **)&m->stops.v, &m->stops.cap, 1) < 0) return -1;
    uint8_t stop = 0;
    /* names are looked up only where a locative word may introduce them
     * (up to LOOK_AHEAD tokens after one, or right after another name, for
     * lists), and at the sentence's start (a dateline): most capitalised
     * words of a sentence are never looked up */
    uint32_t window = tb + 1;
    for (uint32_t i = tb; i < te;) {
        ne_place_ref_t r;
        /* the words of other clauses before each token */
        while (m->stops.n <= i - tb) m->stops.v[m->stops.n++] = stop;
        int wk = d->tok.v[i].kind == NE_TK_WORD ? word_kind(pl, d, &d->tok.v[i]) : 0;
        if (wk == W_AT || wk == W_ATNP || wk == W_TO) window = i + 1 + LOOK_AHEAD;
        uint32_t first, n;
        uint64_t key;
        uint32_t e = 0;
        int site = 0;
        /* outside a locative word's reach, a name before a site, from the
         * first word of its capitalised run ("Hong Kong's", not "Kong's";
         * a sentence's first word is capitalised anyway: "A Paris court") */
        if (i >= window && cap_word(&d->tok.v[i]) &&
            (i <= tb + 1 || !cap_word(&d->tok.v[i - 1])))
            site = before_site(pl, d, i, te);
        if ((i < window || site) && cap_word(&d->tok.v[i]))
            e = match_at(pl, d, i, te, &first, &n, &key);
        /* "in the Black Sea": a place all the same, unless the gazetteer's
         * name spans it ("Palm Bay" is a town) */
        uint32_t fe = i < window && (i == tb || !cap_word(&d->tok.v[i - 1]))
                          ? feature_at(pl, d, i, te) : 0;
        if (fe > e) {
            if (push_feature(pl, d, tb, i, fe, stop, m) < 0) return -1;
            i = fe;
            continue;
        }
        if (!e || in_person(d, tb, i)) {
            if ((wk == W_CAPITAL || wk == W_STATE) && i < window &&
                capital_ref(pl, d, tb, te, i, &r)) {
                r.stop = stop;
                if (push_ref(m, &r) < 0) return -1;
            }
            if (wk == W_STOP && stop < 255) stop++;
            i = e > i ? e : i + 1;
            continue;
        }
        memset(&r, 0, sizeof(r));
        r.tb = i;
        r.te = e;
        r.start = d->tok.v[i].start;
        r.end = d->tok.v[e - 1].end;
        r.first = first;
        r.n = n;
        r.key = key;
        r.state = -1;
        r.stop = stop;
        r.division = e < te && d->tok.v[e].kind == NE_TK_WORD &&
                     word_kind(pl, d, &d->tok.v[e]) == W_DIVISION;
        /* "the Dnipro River", "Snake Island": another feature, not the town */
        if (e < te && d->tok.v[e].kind == NE_TK_WORD &&
            word_kind(pl, d, &d->tok.v[e]) == W_FEATURE) {
            i = e + 1;
            continue;
        }
        r.list = (uint16_t)(m->refs.n < 65535 ? m->refs.n : 65535);
        int intro = introduced(pl, d, tb, i);
        /* "a Paris court", "Hong Kong's Legislative Council": where it stands */
        if (intro == INTRO_NONE && before_site(pl, d, e, te)) intro = INTRO_AT;
        r.at = intro != INTRO_NONE;
        r.dir = intro == INTRO_TO;
        r.poss = is_word(d, e, te, "'s");
        /* "France, Serbia and Hungary": a list shares its first place's word */
        if (!r.at && m->refs.n) {
            const ne_place_ref_t *p = &m->refs.v[m->refs.n - 1];
            uint32_t j = p->te;
            if (is_punct(d, j, te, ',')) j++;
            if (is_word(d, j, te, "and") || is_word(d, j, te, "or")) j++;
            if (j == i && j > p->te) r.at = p->at, r.dir = p->dir, r.list = p->list;
        }
        /* "Tripoli, Lebanon": the state that follows names the place's */
        uint32_t se;
        if (is_punct(d, e, te, ',')) {
            int32_t st = state_at(pl, d, e + 1, te, &se);
            if (st >= 0 && qualifies(pl, &r, st)) {
                r.state = st;
                e = se;
            }
        }
        if (push_ref(m, &r) < 0) return -1;
        if (window < e + 3) window = e + 3; /* ", Serbia and Hungary" */
        i = e;
    }
    while (m->stops.n <= te - tb) m->stops.v[m->stops.n++] = stop;
    return 0;
}

/* A dateline: the article opens with a place and a mark ("TAIZ, Yemen -",
 * "KYIV (Reuters) -", "Kabul —"). */
static int dateline(const ne_doc_t *d, const ne_place_ref_t *r, uint32_t tb, uint32_t te)
{
    if (r->tb != tb || r->te >= te) return 0;
    uint32_t j = r->te;
    /* after "TAIZ, Yemen" the state was taken into the name's qualifier */
    if (r->state >= 0) {
        if (is_punct(d, j, te, ',')) j++;
        while (j < te && d->tok.v[j].kind == NE_TK_WORD && (d->tok.v[j].flags & NE_TF_CAP)) j++;
    }
    if (j >= te || d->tok.v[j].kind != NE_TK_PUNCT) return 0;
    const char *c = d->text + d->tok.v[j].start;
    int allcap = (d->tok.v[r->tb].flags & NE_TF_ALLCAP) != 0;
    return *c == '(' || *c == '-' || !strncmp(c, "\xe2\x80\x94", 3) ||
           !strncmp(c, "\xe2\x80\x93", 3) || (*c == ',' && allcap) || (*c == ':' && allcap);
}

void ne_places_reset(ne_places_mem_t *m)
{
    m->refs.n = 0;
    m->has_article = 0;
    m->article_place = -1;
    m->first_sentence_done = 0;
}

void ne_places_mem_free(ne_places_mem_t *m)
{
    free(m->refs.v);
    free(m->stops.v);
    memset(m, 0, sizeof(*m));
}

/* The token at a byte offset of the sentence (a binary search). */
static uint32_t token_at_byte(const ne_doc_t *d, uint32_t tb, uint32_t te, uint32_t byte)
{
    uint32_t lo = tb, hi = te; /* the last token starting at or before byte */
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (d->tok.v[mid].start <= byte) lo = mid;
        else hi = mid;
    }
    return lo;
}

/* "sent aid to Ukraine", "apologised to Indonesia": a state after a word of
 * direction that is the event's counterpart is whom, not where. */
static int names_counterpart(const ne_places_mem_t *m, const ne_place_ref_t *r,
                             const ne_event_t *e)
{
    if (!r->dir || !e->has_counterpart || e->counterpart.end <= e->counterpart.start) return 0;
    /* a list is whom as a whole: "dropped its objections to Finland and Sweden" */
    for (size_t k = 0; k < m->refs.n; k++) {
        const ne_place_ref_t *q = &m->refs.v[k];
        if (q->list == r->list && q->n &&
            q->start < e->counterpart.end && q->end > e->counterpart.start)
            return 1;
    }
    return 0;
}

/* Is place p (named by r) a finer place in the state or first-level
 * division bp (named by best), in the same phrase (no comma between): "to
 * Nigeria during a visit to Abuja", "in Mali's capital Bamako", "in
 * Kashmir's Poonch sector", but not "to areas of Myanmar, the Japanese
 * embassy in Yangon said". */
static int finer(const ne_places_t *pl, const ne_doc_t *d, const ne_place_ref_t *best,
                 int32_t bp, const ne_place_ref_t *r, int32_t p)
{
    const place_t *b = &pl->pl[bp], *q = &pl->pl[p];
    if (strcmp(q->iso3, b->iso3)) return 0;
    if (b->kind == K_ADM1) {
        if ((q->kind != K_CITY && q->kind != K_CAPITAL) || strcmp(q->adm1, b->adm1)) return 0;
    } else if (b->kind != K_COUNTRY || q->kind == K_COUNTRY) {
        return 0;
    }
    for (uint32_t i = best->te; i < r->tb; i++)
        if (d->tok.v[i].kind == NE_TK_PUNCT && d->text[d->tok.v[i].start] == ',') return 0;
    return 1;
}

/* The place of one event among the sentence's introduced places: the first
 * after its trigger (and before another event's trigger and any word of
 * another clause), else the last before it. Then two refinements among the
 * places after it: a list of states gives each event the one that is its
 * counterpart ("visits to France, Serbia and Hungary"), and a finer place
 * in the same state wins ("to Nigeria during a visit to Abuja", "in Mali's
 * capital Bamako"). */
static void place_event(const ne_places_t *pl, const ne_doc_t *d, uint32_t tb, uint32_t te,
                        ne_places_mem_t *m, ne_event_t *ev, size_t n, size_t x)
{
    ne_event_t *e = &ev[x];
    uint32_t trig = token_at_byte(d, tb, te, e->trigger_start);
    uint32_t next = te;
    for (size_t y = 0; y < n; y++)
        if (ev[y].trigger_start > e->trigger_start) {
            uint32_t t2 = token_at_byte(d, tb, te, ev[y].trigger_start);
            if (t2 > trig && t2 < next) next = t2;
        }
    uint8_t stop_at_trigger = m->stops.v[trig - tb];
    const char *art = m->article_place >= 0 ? pl->pl[m->article_place].iso3 : NULL;
    ctx_t c = {e->actor.country, e->has_counterpart ? e->counterpart.country : NULL, art, -1};
    int32_t bp = -1;
    const ne_place_ref_t *best = NULL;
    size_t after = m->refs.n;
    for (size_t k = 0; k < m->refs.n; k++) {
        const ne_place_ref_t *r = &m->refs.v[k];
        if (!r->at || names_counterpart(m, r, e)) continue;
        if (r->tb > trig && r->tb < next && r->stop == stop_at_trigger) {
            after = k;
            break;
        }
        if (r->tb < trig) best = r;
    }
    if (after < m->refs.n) {
        best = &m->refs.v[after];
        bp = resolve(pl, best, &c);
        for (size_t k = after + 1; bp >= 0 && k < m->refs.n; k++) {
            const ne_place_ref_t *r = &m->refs.v[k];
            if (!r->at || r->tb >= next || r->stop != stop_at_trigger) break;
            if (names_counterpart(m, r, e)) continue;
            int32_t p = resolve(pl, r, &c);
            if (p < 0) continue;
            if (pl->pl[bp].kind == K_COUNTRY && pl->pl[p].kind == K_COUNTRY &&
                e->has_counterpart && r->start == e->counterpart.start &&
                best->start != e->counterpart.start) {
                best = r, bp = p;
            } else if (finer(pl, d, best, bp, r, p)) {
                best = r, bp = p;
                break;
            }
        }
    } else if (best) {
        bp = resolve(pl, best, &c);
    }
    if (bp >= 0) {
        set_location(pl, e, best, bp, NE_LOC_TEXT);
    } else if (best && best->unknown) {
        /* placed where the gazetteer cannot say: not at the article's place */
        e->location.geonameid = -1;
        e->location.start = best->start;
        e->location.end = best->end;
    }
}

int ne_places_sentence(const ne_places_t *pl, const ne_doc_t *d, uint32_t tb, uint32_t te,
                       ne_places_mem_t *m, ne_event_t *ev, size_t n)
{
    int first_sentence = !m->first_sentence_done;
    m->first_sentence_done = 1;
    if (!pl || (n == 0 && m->has_article)) return 0;
    if (find_refs(pl, d, tb, te, m) < 0) return -1;
    if (!m->has_article) {
        for (size_t k = 0; k < m->refs.n; k++) {
            const ne_place_ref_t *r = &m->refs.v[k];
            /* "the capital" is some state's: the first event's actor's, if any */
            ctx_t c = {n ? ev[0].actor.country : NULL,
                       n && ev[0].has_counterpart ? ev[0].counterpart.country : NULL, NULL, -1};
            if (!(r->at || (first_sentence && k == 0 && dateline(d, r, tb, te)))) continue;
            int whom = 0; /* no article's place: the counterpart "to" some event names */
            for (size_t x = 0; x < n && !whom; x++) whom = names_counterpart(m, r, &ev[x]);
            if (whom) continue;
            int32_t p = resolve(pl, r, &c);
            if (p < 0) continue;
            /* "in Mali's capital Bamako": the finer place of the phrase */
            for (size_t j = k + 1; j < m->refs.n; j++) {
                const ne_place_ref_t *r2 = &m->refs.v[j];
                int32_t p2 = r2->at ? resolve(pl, r2, &c) : -1;
                if (p2 >= 0 && finer(pl, d, r, p, r2, p2)) {
                    r = r2, p = p2;
                    break;
                }
            }
            m->article = *r;
            m->has_article = 1;
            m->article_place = p;
            break;
        }
    }
    for (size_t x = 0; x < n; x++) place_event(pl, d, tb, te, m, ev, n, x);
    return 0;
}

void ne_places_article(const ne_places_t *pl, ne_places_mem_t *m, ne_event_t *ev, size_t n)
{
    if (!pl || !m->has_article) return;
    for (size_t x = 0; x < n; x++) {
        ne_event_t *e = &ev[x];
        if (e->location.how != NE_LOC_NONE || e->location.geonameid < 0) continue;
        ctx_t c = {e->actor.country, e->has_counterpart ? e->counterpart.country : NULL, NULL, -1};
        /* a name is resolved again for each event's states ("Tripoli" for
         * Lebanese actors); "the capital" stays the state's it was */
        int32_t p = m->article.n ? resolve(pl, &m->article, &c) : m->article_place;
        if (p >= 0) set_location(pl, e, &m->article, p, NE_LOC_ARTICLE);
    }
}

int32_t ne_places_resolve_name(const ne_places_t *pl, const char *name, const char *actor,
                               const char *counterpart)
{
    ne_doc_t tmp = {0};
    uint64_t h;
    int32_t gid = 0;
    if (key_of(&tmp, name, &h) == 0) {
        ne_place_ref_t r = {0};
        r.state = -1;
        r.key = h;
        if ((r.n = name_find(pl, h, &r.first)) > 0) {
            ctx_t c = {actor, counterpart, NULL, -1};
            int32_t p = resolve(pl, &r, &c);
            if (p >= 0) gid = pl->pl[p].gid;
        }
    }
    ne_doc_free(&tmp);
    return gid;
}
