/*
 * coder.c - the library's entry points: build a coder from dictionaries,
 * and run the stages over an article, sentence by sentence:
 *
 *   text (tokens, sentences) -> actors (mentions) -> dates (time
 *   expressions) -> actions (verb groups) -> frames (who, whom, when)
 *   -> places (where each event happened) -> events (repeats dropped, ids)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actions.h"
#include "actors.h"
#include "dates.h"
#include "events.h"
#include "frames.h"
#include "lexicon.h"
#include "newsevents.h"
#include "places.h"
#include "text.h"
#include "trace.h"

struct ne_coder_s {
    ne_lexicon_t *lx;
    ne_places_t *places; /* NULL: no locations */
};

ne_coder_t *ne_coder_new(const ne_coder_conf_t *conf, char *errstr, size_t errstr_size)
{
    if (!conf || !conf->dict_dir_cnt) {
        snprintf(errstr, errstr_size, "no dictionary folder given");
        return NULL;
    }
    ne_coder_t *c = calloc(1, sizeof(*c));
    if (!c) {
        snprintf(errstr, errstr_size, "out of memory");
        return NULL;
    }
    c->lx = ne_lex_load(conf->dict_dirs, conf->dict_dir_cnt, errstr, errstr_size);
    if (!c->lx) {
        free(c);
        return NULL;
    }
    if (!conf->no_locations) {
        c->places = ne_places_load(conf->dict_dirs, conf->dict_dir_cnt, c->lx, errstr, errstr_size);
        if (!c->places) {
            ne_coder_destroy(c);
            return NULL;
        }
    }
    return c;
}

void ne_coder_destroy(ne_coder_t *c)
{
    if (!c) return;
    ne_lex_destroy(c->lx);
    ne_places_destroy(c->places);
    free(c);
}

size_t ne_coder_entry_count(const ne_coder_t *c)
{
    return ne_lex_entry_count(c->lx);
}

ne_events_t *ne_events_new(void)
{
    return calloc(1, sizeof(ne_events_t));
}

void ne_events_destroy(ne_events_t *ev)
{
    if (!ev) return;
    free(ev->ev.v);
    free(ev->seen);
    free(ev->heads.v);
    ne_doc_free(&ev->doc);
    ne_places_mem_free(&ev->places);
    free(ev);
}

size_t ne_events_count(const ne_events_t *ev)
{
    return ev->ev.n;
}

const ne_event_t *ne_events_get(const ne_events_t *ev, size_t i)
{
    return i < ev->ev.n ? &ev->ev.v[i] : NULL;
}

/* Tokens are made a window at a time, so that memory does not grow with
 * the length of an article: a window of at most this many tokens, plus the
 * unfinished sentence carried over (sentences are cut at
 * NE_MAX_SENTENCE_TOKENS, so every window ends at least one). */
#define WINDOW_TOKENS 4096

/* Drop the tokens before `keep` (and their folded forms), keeping the rest. */
static void compact(ne_doc_t *d, uint32_t keep)
{
    if (keep == 0) return;
    size_t n = d->tok.n - keep;
    uint32_t fold0 = keep < d->tok.n ? d->tok.v[keep].fold : (uint32_t)d->fold.n;
    memmove(d->tok.v, d->tok.v + keep, n * sizeof(ne_token_t));
    memmove(d->fold.v, d->fold.v + fold0, d->fold.n - fold0);
    d->fold.n -= fold0;
    for (size_t k = 0; k < n; k++) d->tok.v[k].fold -= fold0;
    d->tok.n = n;
}

static int code_sentence(const ne_coder_t *coder, ne_events_t *ev, uint32_t tb, uint32_t te)
{
    ne_doc_t *d = &ev->doc;
    /* a headline starts an entry of its own (a live blog's "10:40 - ..."):
     * the day an earlier entry named does not run on into it */
    int headline = ne_text_is_headline(d, tb, te);
    if (headline) ev->mem.anchor = 0;
    if (ne_actors_sentence(coder->lx, d, tb, te, &ev->mem) < 0 ||
        ne_dates_sentence(coder->lx, d, tb, te, ev->mem.anchor) < 0)
        return -1;
    /* no actor, no event: most of the work is skipped for such sentences */
    d->vg.n = 0;
    size_t n0 = ev->ev.n;
    if (d->ment.n && (ne_actions_sentence(coder->lx, d, tb, te) < 0 ||
                      ne_frames_sentence(coder->lx, d, tb, te, &ev->mem, ev) < 0))
        return -1;
    /* where the sentence's new events happened (places.c) */
    if (coder->places && ne_places_sentence(coder->places, d, tb, te, &ev->places,
                                            ev->ev.v + n0, ev->ev.n - n0) < 0)
        return -1;
    if (headline && ne_events_headline(ev, (uint32_t)n0) < 0) return -1;
    if (ne_trace_enabled()) ne_trace_sentence(coder->lx, d, tb, te);
    /* a date the text gave anchors "the following day" of later sentences;
     * a relative date earlier than one the sentence already named looks
     * back ("suspended it on Saturday, three days after soldiers seized
     * power"): the story's time stays the later one */
    int sent_day = 0;
    for (size_t x = 0; x < d->tx.n; x++) {
        const ne_timex_t *t = &d->tx.v[x];
        if (t->prec != NE_PREC_DAY) continue;
        if (sent_day && (t->flags & NE_TX_RELATIVE) && t->ymd < sent_day) continue;
        sent_day = t->ymd;
        ev->mem.anchor = t->ymd;
    }
    return 0;
}

/* JSON offsets count code points. Counting from the start of the text for
 * each offset would cost article length x events, so every byte offset the
 * events need (sentence starts, the actors' and counterparts' mentions,
 * which a pronoun may place in an earlier sentence) is sorted and counted
 * in one pass. */
typedef struct cp_slot_s {
    uint32_t byte;
    uint32_t *cp;
} cp_slot_t;

/* Sort s[0..n) by byte offset with tmp[0..n) as scratch: a radix sort, 8
 * bits a pass, skipping the passes where every offset has the same byte
 * (the high ones, for all but huge texts). Linear; qsort's call to a
 * comparison per step cost more than counting the code points. Equal
 * offsets get equal counts, so the order among them does not matter. */
static void sort_slots(cp_slot_t *s, cp_slot_t *tmp, size_t n)
{
    cp_slot_t *a = s, *b = tmp;
    /* the bytes above the largest offset's order nothing: no pass for them
     * (two passes, not four, for texts under 64 KB) */
    uint32_t all = 0;
    for (size_t i = 0; i < n; i++) all |= a[i].byte;
    for (int shift = 0; shift < 32 && (all >> shift); shift += 8) {
        size_t count[257] = {0};
        for (size_t i = 0; i < n; i++) count[((a[i].byte >> shift) & 255) + 1]++;
        /* all in one bucket (then a[0]'s): this byte does not order them */
        if (count[((a[0].byte >> shift) & 255) + 1] == n) continue;
        for (int k = 0; k < 256; k++) count[k + 1] += count[k];
        for (size_t i = 0; i < n; i++) b[count[(a[i].byte >> shift) & 255]++] = a[i];
        cp_slot_t *t = a;
        a = b;
        b = t;
    }
    if (a != s) memcpy(s, a, n * sizeof(*s));
}

static int count_code_points(const ne_article_t *a, ne_events_t *ev)
{
    size_t n = ev->ev.n * 7;
    if (!n) return 0;
    cp_slot_t *s = malloc(2 * n * sizeof(*s)); /* the slots, then the sort's scratch */
    if (!s) return -1;
    size_t k = 0;
    for (size_t i = 0; i < ev->ev.n; i++) {
        ne_event_t *e = &ev->ev.v[i];
        s[k++] = (cp_slot_t){e->sentence_start, &e->sentence_start_cp};
        s[k++] = (cp_slot_t){e->actor.start, &e->actor.start_cp};
        s[k++] = (cp_slot_t){e->actor.end, &e->actor.end_cp};
        s[k++] = (cp_slot_t){e->counterpart.start, &e->counterpart.start_cp};
        s[k++] = (cp_slot_t){e->counterpart.end, &e->counterpart.end_cp};
        s[k++] = (cp_slot_t){e->location.start, &e->location.start_cp};
        s[k++] = (cp_slot_t){e->location.end, &e->location.end_cp};
    }
    sort_slots(s, s + n, n);
    size_t byte = 0, cps = 0;
    for (k = 0; k < n; k++) {
        size_t to = s[k].byte < a->text_len ? s[k].byte : a->text_len;
        /* eight bytes at a time: a code point starts at each byte that is
         * not a continuation byte (10xxxxxx); their top bits summed by a
         * multiply */
        const uint64_t high = 0x8080808080808080ull;
        for (; byte + 8 <= to; byte += 8) {
            uint64_t x;
            memcpy(&x, a->text + byte, 8);
            uint64_t cont = (x & ~(x << 1) & high) >> 7;
            cps += 8 - ((cont * 0x0101010101010101ull) >> 56);
        }
        for (; byte < to; byte++)
            cps += ((unsigned char)a->text[byte] & 0xC0) != 0x80;
        *s[k].cp = (uint32_t)cps;
    }
    free(s);
    return 0;
}

int ne_coder_code(const ne_coder_t *coder, const ne_article_t *a, ne_events_t *ev,
                  char *errstr, size_t errstr_size)
{
    ne_doc_t *d = &ev->doc;
    ne_events_reset(ev);
    ne_memory_reset(&ev->mem);
    ne_places_reset(&ev->places);
    d->published = a->published_ymd;
    d->text = a->text;
    d->len = a->text_len;
    d->tok.n = 0;
    d->fold.n = 0;
    size_t pos = 0;
    for (;;) {
        size_t next;
        if (ne_text_tokenize_more(d, coder->lx, pos, WINDOW_TOKENS, &next) < 0 ||
            ne_text_sentences(d) < 0)
            goto oom;
        int at_end = next >= d->len;
        pos = next;
        /* the last sentence may go on in the next window */
        size_t done = at_end || d->sent.n < 2 ? d->sent.n : d->sent.n - 1;
        for (size_t s = 0; s < done; s++)
            if (code_sentence(coder, ev, d->sent.v[s].tb, d->sent.v[s].te) < 0) goto oom;
        if (at_end) break;
        compact(d, done < d->sent.n ? d->sent.v[done].tb : (uint32_t)d->tok.n);
    }
    ne_events_drop_headlines(ev);
    ne_places_article(coder->places, &ev->places, ev->ev.v, ev->ev.n);
    ne_events_assign_ids(ev, a->id);
    if (count_code_points(a, ev) < 0) {
        snprintf(errstr, errstr_size, "out of memory");
        return -1;
    }
    return 0;
oom:
    snprintf(errstr, errstr_size, "out of memory coding article");
    ev->ev.n = 0;
    return -1;
}

/* Fixed-width digits by hand: this runs for every event, and snprintf's
 * format parsing cost more than the rest of the date. */
static char *put2(char *p, unsigned v)
{
    p[0] = (char)('0' + v / 10 % 10);
    p[1] = (char)('0' + v % 10);
    return p + 2;
}

void ne_format_date(int ymd, ne_precision_t prec, char *buf)
{
    unsigned y = (unsigned)ymd / 10000 % 10000, m = (unsigned)ymd / 100 % 100,
             d = (unsigned)ymd % 100;
    /* y < 10000, so "%04u" is exactly four digits */
    char *p = put2(put2(buf, y / 100), y % 100);
    if (!(prec == NE_PREC_YEAR || m == 0)) {
        *p++ = '-';
        p = put2(p, m % 13);
        if (!(prec == NE_PREC_MONTH || d == 0)) {
            *p++ = '-';
            p = put2(p, d % 32);
        }
    }
    *p = '\0';
}
