/*
 * events.c - the article's event list: repeats dropped, ids assigned.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events.h"

void ne_events_reset(struct ne_events_s *ev)
{
    ev->ev.n = 0;
    ev->heads.n = 0;
    if (ev->seen) memset(ev->seen, 0, ev->seen_cap * sizeof(*ev->seen));
}

static uint64_t fmix(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

/* A date the text gave, not one inferred (the running date, the article's). */
static int text_dated(const ne_event_t *e)
{
    return e->date_source == NE_DATE_TEXT;
}

/* What makes two events the same event. An event dated by inference is not
 * taken for one the text dated: "The court dissolved the party on Wednesday.
 * The judges banned its leader." are two bans of the same day. */
static uint64_t event_key(const ne_event_t *e)
{
    uint64_t h = NE_FNV_OFFSET;
    int td = text_dated(e);
    h = ne_fnv1a(h, &td, sizeof(td));
    h = ne_fnv1a(h, e->actor.code, strlen(e->actor.code) + 1);
    h = ne_fnv1a(h, e->code, strlen(e->code) + 1);
    h = ne_fnv1a(h, e->counterpart.code, strlen(e->counterpart.code) + 1);
    h = ne_fnv1a(h, &e->date_ymd, sizeof(e->date_ymd));
    return fmix(h) | 1; /* 0 marks an empty slot */
}

static int same_event(const ne_event_t *a, const ne_event_t *b)
{
    return !strcmp(a->actor.code, b->actor.code) && !strcmp(a->code, b->code) &&
           !strcmp(a->counterpart.code, b->counterpart.code) && a->date_ymd == b->date_ymd &&
           text_dated(a) == text_dated(b);
}

static int seen_grow(struct ne_events_s *ev)
{
    size_t ncap = ev->seen_cap ? ev->seen_cap * 2 : 64;
    uint32_t *ns = calloc(ncap, sizeof(*ns));
    if (!ns) return -1;
    for (size_t i = 0; i < ev->ev.n; i++) {
        uint64_t k = event_key(&ev->ev.v[i]);
        size_t j = k & (ncap - 1);
        while (ns[j]) j = (j + 1) & (ncap - 1);
        ns[j] = (uint32_t)i + 1;
    }
    free(ev->seen);
    ev->seen = ns;
    ev->seen_cap = ncap;
    return 0;
}

int ne_events_push(struct ne_events_s *ev, const ne_event_t *e)
{
    if ((ev->ev.n + 1) * 2 > ev->seen_cap && seen_grow(ev) < 0) return -1;
    uint64_t k = event_key(e);
    size_t mask = ev->seen_cap - 1, j = k & mask;
    while (ev->seen[j]) {
        if (same_event(&ev->ev.v[ev->seen[j] - 1], e)) return 0;
        j = (j + 1) & mask;
    }
    if (NE_VEC_RESERVE(ev->ev) < 0) return -1;
    ev->ev.v[ev->ev.n] = *e;
    ev->seen[j] = (uint32_t)ev->ev.n + 1;
    ev->ev.n++;
    return 0;
}

int ne_events_headline(struct ne_events_s *ev, uint32_t b)
{
    if (NE_VEC_RESERVE(ev->heads) < 0) return -1;
    ev->heads.v[ev->heads.n++] = (struct ne_headline_s){b, (uint32_t)ev->ev.n};
    return 0;
}

/* The entity of a party, as the scorer and the reader take it: a state's
 * three letters whatever the role (RUSGOV is RUS), an organisation whole. */
static const char *party_entity(const ne_party_t *p)
{
    return p->country[0] ? p->country : p->code;
}

/* Does b tell again the event a tells, in other words ("US strikes Houthi
 * launchers" over "US forces destroyed four launchers")? */
static int retold(const ne_event_t *a, const ne_event_t *b)
{
    if (strncmp(a->code, b->code, 2) || strcmp(party_entity(&a->actor), party_entity(&b->actor)))
        return 0;
    if (a->has_counterpart != b->has_counterpart) return 0;
    return !a->has_counterpart ||
           !strcmp(party_entity(&a->counterpart), party_entity(&b->counterpart));
}

void ne_events_drop_headlines(struct ne_events_s *ev)
{
    if (!ev->heads.n) return;
    /* mark with an empty code, then compact; the seen set is not used again
     * for this article (ne_events_reset clears it) */
    for (size_t k = 0; k < ev->heads.n; k++) {
        const struct ne_headline_s *h = &ev->heads.v[k];
        size_t end = k + 1 < ev->heads.n ? ev->heads.v[k + 1].b : ev->ev.n;
        for (size_t i = h->b; i < h->e; i++)
            for (size_t j = h->e; j < end; j++)
                if (retold(&ev->ev.v[i], &ev->ev.v[j])) {
                    ev->ev.v[i].code[0] = '\0';
                    break;
                }
    }
    size_t n = 0;
    for (size_t i = 0; i < ev->ev.n; i++)
        if (ev->ev.v[i].code[0]) ev->ev.v[n++] = ev->ev.v[i];
    ev->ev.n = n;
    ev->heads.n = 0;
}

void ne_events_assign_ids(struct ne_events_s *ev, const char *article_id)
{
    size_t idlen = article_id ? strlen(article_id) : 0;
    for (size_t i = 0; i < ev->ev.n; i++) {
        ne_event_t *e = &ev->ev.v[i];
        /* content, not position in the output: the same article always
         * gives the same ids, whatever else it contains */
        uint64_t h1 = 0x6e65777365766e74ULL, h2 = 0x9ae16a3b2f90404fULL;
        uint32_t pos[2] = {e->trigger_start, e->sentence_start};
        h1 = ne_fnv1a(h1, article_id ? article_id : "", idlen + 1);
        h1 = ne_fnv1a(h1, pos, sizeof(pos));
        h1 = ne_fnv1a(h1, e->actor.code, strlen(e->actor.code) + 1);
        h1 = ne_fnv1a(h1, e->code, strlen(e->code) + 1);
        h1 = ne_fnv1a(h1, e->counterpart.code, strlen(e->counterpart.code) + 1);
        h2 = ne_fnv1a(h2 ^ h1, &e->date_ymd, sizeof(e->date_ymd));
        h2 = ne_fnv1a(h2, article_id ? article_id : "", idlen);
        uint64_t v[2] = {fmix(h1), fmix(h2 ^ (h1 >> 1))};
        static const char hex[] = "0123456789abcdef";
        /* each word from its low nibble back: no shift by a computed count */
        for (int w = 0; w < 2; w++) {
            uint64_t x = v[w];
            for (int k = 15; k >= 0; k--, x >>= 4) e->event_id[w * 16 + k] = hex[x & 15];
        }
        e->event_id[32] = '\0';
    }
}
