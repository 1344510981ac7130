/*
 * frames.c - actor, counterpart and date of each coded verb group.
 *
 * The rules are positional and local, in the spirit of a shallow parser:
 * the subject is the nearest actor mention to the left of the verb group
 * that is not the object of a preposition; a relative pronoun stands for
 * the mention before it; a participle clause (", accusing them of") and a
 * coordinated verb ("accused X ... and hailed Y") take the subject of the
 * verb before them. Reported speech needs no rule of its own: in "A said B
 * did C" the nearest subject of "did" is B, never A.
 */
#include <string.h>

#include "actions.h"
#include "events.h"
#include "frames.h"
#include "sentence.h"

typedef struct ctx_s {
    ne_sent_t s;
    ne_memory_t *mem;
} ctx_t;

#define tok(c, i) ne_s_tok(&(c)->s, i)
#define wf(c, i) ne_s_wf(&(c)->s, i)
#define is_w(c, i, w) NE_S_IS_W(&(c)->s, i, w)
#define ment_at(c, i) ne_s_ment(&(c)->s, i)
#define is_punct(c, i, chars) ne_s_punct(&(c)->s, i, chars)
#define in_timex(c, i) ne_s_timex(&(c)->s, i, NULL)
#define is_adverb_like(c, i) ne_s_adverb(&(c)->s, i)

/* ---- codes ------------------------------------------------------------------ */

static void set_code(char out[5], const char *c)
{
    ne_strlcpy(out, c, 5);
}

void ne_frames_intent_code(const char *code, char out[5])
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    switch (root) {
    case 4: set_code(out, "036"); return;
    case 5: set_code(out, "030"); return;
    case 6:
        if (!strncmp(code, "061", 3)) set_code(out, "0311");
        else if (!strncmp(code, "062", 3)) set_code(out, "0312");
        else if (!strncmp(code, "063", 3)) set_code(out, "0313");
        else if (!strncmp(code, "064", 3)) set_code(out, "0314");
        else set_code(out, "031");
        return;
    case 7:
        if (!strncmp(code, "071", 3)) set_code(out, "0331");
        else if (!strncmp(code, "072", 3)) set_code(out, "0332");
        else if (!strncmp(code, "073", 3)) set_code(out, "0333");
        else if (!strncmp(code, "074", 3)) set_code(out, "0334");
        else set_code(out, "033");
        return;
    case 8:
        if (!strncmp(code, "081", 3)) set_code(out, "0351");
        else if (!strncmp(code, "082", 3)) set_code(out, "0352");
        else if (!strncmp(code, "084", 3)) set_code(out, "0353");
        else if (!strncmp(code, "085", 3)) set_code(out, "0354");
        else if (!strncmp(code, "086", 3)) set_code(out, "0355");
        else if (!strncmp(code, "087", 3)) set_code(out, "0356");
        else set_code(out, "035");
        return;
    case 14: set_code(out, "133"); return;
    case 15: case 18: case 19: case 20: set_code(out, "138"); return;
    case 16:
        if (!strncmp(code, "163", 3)) set_code(out, "1312");
        else set_code(out, "131");
        return;
    case 17: set_code(out, "137"); return;
    default: set_code(out, code); return; /* statements, demands, criticism: as said */
    }
}

void ne_frames_threat_code(const char *code, char out[5])
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (root == 13) set_code(out, code);
    else if (root >= 14) ne_frames_intent_code(code, out);
    else set_code(out, "130");
}

void ne_frames_refuse_code(const char *code, char out[5])
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (root == 4) set_code(out, "125");
    else if (root == 5) set_code(out, "127");
    else if (root == 6) set_code(out, "121");
    else if (root == 7) set_code(out, "122");
    else if (root == 8) {
        if (!strncmp(code, "081", 3)) set_code(out, "1241");
        else if (!strncmp(code, "084", 3)) set_code(out, "1243");
        else if (!strncmp(code, "085", 3)) set_code(out, "1244");
        else if (!strncmp(code, "086", 3)) set_code(out, "1245");
        else if (!strncmp(code, "087", 3)) set_code(out, "1246");
        else set_code(out, "124");
    } else if (root == 12) set_code(out, code);
    else set_code(out, "120");
}

/* ---- subjects ------------------------------------------------------------------ */

static int coded_group(const ne_vgroup_t *g)
{
    return !(g->flags & (NE_VG_NOUN | NE_VG_REDUCED | NE_VG_INFINITIVE | NE_VG_CONSUMED));
}

/* A group that coded something or reports speech: it is preferred for
 * dates, and lends its date to a participle. Valid once match_groups has
 * run (a group's flags change only before its own turn there). */
static inline int strong_group(const ne_vgroup_t *g)
{
    return coded_group(g) && (g->pat || (g->flags & NE_VG_SAY));
}

/* If position p is the comma closing a relative clause (", who visited
 * Washington last month,"), the comma that opens it; else p. */
static uint32_t skip_relative(const ctx_t *c, uint32_t p)
{
    if (!is_punct(c, p, ",")) return p;
    for (uint32_t q = p; q > c->s.tb && p - q < 30; q--) {
        uint32_t r = q - 1;
        if (is_punct(c, r, ".;:")) return p;
        if (is_punct(c, r, ",")) {
            if (is_w(c, r + 1, "who") || is_w(c, r + 1, "which") || is_w(c, r + 1, "whose"))
                return r;
            return p;
        }
    }
    return p;
}

/* The nearest mention before position i that can be a subject. */
static int32_t subject_left(const ctx_t *c, uint32_t i, int passive)
{
    uint32_t k = i;
    int32_t of_object = -1; /* "A convoy of the United Nations was attacked" */
    for (int steps = 0; steps < 60 && k > c->s.tb; steps++) {
        uint32_t p = k - 1;
        if (is_punct(c, p, ".;:")) return of_object;
        uint32_t r = skip_relative(c, p);
        if (r != p) {
            k = r;
            continue;
        }
        int32_t m = ment_at(c, p);
        if (m < 0) {
            k = p;
            continue;
        }
        const ne_mention_t *mm = &c->s.d->ment.v[m];
        k = mm->tb;
        if (mm->flags & NE_MF_REL) {
            /* "a statement, which accused": the mention before the pronoun */
            uint32_t q = mm->tb;
            while (q > c->s.tb && is_punct(c, q - 1, ",")) q--;
            if (q > c->s.tb) {
                int32_t a = ment_at(c, q - 1);
                if (a >= 0 && !(c->s.d->ment.v[a].flags & NE_MF_LOC)) return a;
                /* "a recent State Department statement, which", "a Japanese
                 * employee of drug maker Astellas Pharma who": a few nouns back */
                for (uint32_t r2 = q - 1, s = 0; r2 > c->s.tb && s < 7; r2--, s++) {
                    a = ment_at(c, r2 - 1);
                    if (a >= 0 && !(c->s.d->ment.v[a].flags & NE_MF_LOC)) return a;
                    if (tok(c, r2 - 1)->kind != NE_TK_WORD) break;
                }
            }
            return -1;
        }
        if (mm->flags & (NE_MF_LOC | NE_MF_RECIP)) continue;
        if (!mm->n && !(mm->flags & NE_MF_SPEAKER)) continue;
        if ((mm->flags & NE_MF_NAME) && !passive) continue;
        /* the object of a preposition is not a subject ("of Chinese naval
         * movements", "in Pakistan's Balochistan province") */
        /* ... unless a clause starts there: "since Israel began striking" */
        if (mm->tb > c->s.tb && (is_w(c, mm->tb - 1, "since") || is_w(c, mm->tb - 1, "after") ||
                               is_w(c, mm->tb - 1, "before") || is_w(c, mm->tb - 1, "until") ||
                               is_w(c, mm->tb - 1, "as") || is_w(c, mm->tb - 1, "once"))) {
            uint32_t q = mm->te;
            while (q < i && (is_adverb_like(c, q) || in_timex(c, q))) q++;
            if (q == i) return m;
        }
        if (mm->tb > c->s.tb && (wf(c, mm->tb - 1) & NE_W_PREP) && !is_w(c, mm->tb - 1, "than")) {
            if (of_object < 0 && is_w(c, mm->tb - 1, "of")) of_object = m;
            continue;
        }
        return m;
    }
    return k <= c->s.tb ? of_object : -1;
}

/* Is the group the second of two coordinated verbs ("... and hailed")? */
static int conjoined(const ctx_t *c, const ne_vgroup_t *g)
{
    uint32_t p = g->first;
    while (p > c->s.tb && (is_adverb_like(c, p - 1) || in_timex(c, p - 1))) p--;
    return p > c->s.tb && (is_w(c, p - 1, "and") || is_w(c, p - 1, "but") || is_w(c, p - 1, "then"));
}

static int32_t find_subject(ctx_t *c, size_t gi);

/* A group's subject, found on first use: most verb forms of a sentence
 * code nothing and never need one. */
static int32_t group_subject(ctx_t *c, size_t gi)
{
    ne_vgroup_t *g = &c->s.d->vg.v[gi];
    if (g->subj == -2) g->subj = coded_group(g) ? find_subject(c, gi) : -1;
    return g->subj;
}

static int32_t find_subject(ctx_t *c, size_t gi)
{
    ne_vgroup_t *g = &c->s.d->vg.v[gi];
    /* the previous finite verb, whose subject a participle or a coordinated
     * verb shares ("an earthquake struck ..., killing": not the subject of
     * a verb before that) */
    int32_t prev_subj = -1;
    for (size_t k = gi; k > 0; k--) {
        ne_vgroup_t *pg = &c->s.d->vg.v[k - 1];
        if (coded_group(pg)) {
            prev_subj = group_subject(c, k - 1);
            break;
        }
    }
    if (g->flags & NE_VG_PARTICIPLE) return prev_subj;
    {
        uint32_t p = g->first;
        while (p > c->s.tb && (is_adverb_like(c, p - 1) || in_timex(c, p - 1))) p--;
        if (p >= c->s.tb + 2 && is_w(c, p - 1, "that")) {
            uint32_t q = p - 2;
            while (q > c->s.tb && in_timex(c, q)) q--;
            const ne_token_t *t = tok(c, q);
            /* "said that", "warned Ankara that" are complements, not relatives */
            if (ment_at(c, q) < 0 && t->kind == NE_TK_WORD && !(wf(c, q) & (NE_W_PREP | NE_W_CONJ)) &&
                ne_lex_vforms(c->s.lx, t->word) == NE_LEX_NONE)
                return -1;
        }
    }
    /* "accused X ... and hailed Y": coordinated verbs share the subject */
    if (conjoined(c, g) && prev_subj >= 0) return prev_subj;
    return subject_left(c, g->first, (g->flags & NE_VG_PASSIVE) != 0);
}

/* ---- members ------------------------------------------------------------------- */

/* A member with no state yet (a bare role, "GOV"): resolve_member places
 * it from context, and an event needs it placed. */
static int unplaced(const ne_member_t *m)
{
    return !m->country[0] && !ne_code_stateless(m->code);
}

/* ---- placing a bare role (resolve_member and its steps) -------------------- */

/* Is there a coordinated verb ("and sent") strictly between tokens a and
 * b? Then b is in another clause of the sentence. */
static int verb_between(const ctx_t *c, uint32_t a, uint32_t b)
{
    uint32_t lo = a < b ? a : b, hi = a < b ? b : a;
    for (size_t k = 0; k < c->s.d->vg.n; k++) {
        const ne_vgroup_t *g = &c->s.d->vg.v[k];
        if (!(g->flags & NE_VG_NOUN) && g->first > lo && g->head < hi && conjoined(c, g))
            return 1;
    }
    return 0;
}

/* The state of the place where the event at `near` happens: a place or
 * state named after "in", "at" or "near" (a word or two between: "in
 * southern Israel", "in Western Cambodia") in the verb's own clause, the
 * nearest to the verb.
 * "people" placed by their own "in" phrase are no place. */
static const char *event_place(const ctx_t *c, uint32_t near)
{
    const char *best = NULL;
    uint32_t bestd = UINT32_MAX;
    for (size_t k = 0; k < c->s.d->ment.n; k++) {
        const ne_mention_t *mm = &c->s.d->ment.v[k];
        if (mm->n != 1 || !mm->m[0].country[0] || mm->m[0].role[0]) continue;
        uint32_t b = mm->tb;
        while (b > c->s.tb && mm->tb - b < 2 && ment_at(c, b - 1) < 0 &&
               tok(c, b - 1)->kind == NE_TK_WORD && !wf(c, b - 1))
            b--;
        if (!(b > c->s.tb &&
              (is_w(c, b - 1, "in") || is_w(c, b - 1, "at") || is_w(c, b - 1, "near"))))
            continue;
        if (verb_between(c, near, mm->tb))
            continue; /* "freed X and sent him to exile in Rome" */
        uint32_t dist = mm->tb > near ? mm->tb - near : near - mm->tb;
        if (dist < bestd) {
            bestd = dist;
            best = mm->m[0].country;
        }
    }
    return best;
}

/* The nearest state actor of the sentence to `near`, other than `except`;
 * a place only when there is none. */
static const char *nearest_state(const ctx_t *c, uint32_t near, const char *except)
{
    int32_t best = -1;
    uint32_t bestd = UINT32_MAX;
    for (int pass = 0; pass < 2 && best < 0; pass++)
        for (size_t k = 0; k < c->s.d->ment.n; k++) {
            const ne_mention_t *mm = &c->s.d->ment.v[k];
            if (!mm->n || !mm->m[0].country[0]) continue;
            if (except && !strcmp(mm->m[0].country, except)) continue;
            if (pass == 0 && (mm->flags & NE_MF_LOC)) continue;
            uint32_t dist = mm->tb > near ? mm->tb - near : near - mm->tb;
            if (dist < bestd) {
                bestd = dist;
                best = (int32_t)k;
            }
        }
    return best >= 0 ? c->s.d->ment.v[best].m[0].country : NULL;
}

/* Is the verb at `near` one whose patients cross a border ("released",
 * "seized", "deported": class crossborder of mention-words.tsv)? */
static int crossborder_verb(const ctx_t *c, uint32_t near)
{
    return near < c->s.te &&
           ne_lex_verb_class(c->s.lx, tok(c, near)->word, NE_MC_CROSSBORDER);
}

/* Roles that belong to the place where they act: crowds, opposition,
 * police, rebels (not an army or a government, which act abroad). */
static int local_role(const char *role)
{
    return !strcmp(role, "CVL") || !strcmp(role, "OPP") || !strcmp(role, "COP") ||
           !strcmp(role, "REB");
}

/* Place a member that has only a role ("GOV", "protesters"), by a fixed
 * precedence:
 *   1. a counterpart (target): the place where the event happens ("killed
 *      six people in Kharkiv"); for a local actor too ("protesters stormed
 *      the Saudi embassy in Tehran": Iranians);
 *   2. a patient of a verb that crosses borders (seized, deported): the
 *      nearest state other than the actor's ("gunmen killed 600 people in
 *      southern Israel and seized dozens of hostages": Israelis);
 *   3. the other side's state, for a counterpart; for an actor only when
 *      the other side is an actor of a state (police, a ministry) or the
 *      state where it happens, not a state as a whole: "Defence Minister
 *      Sadio Camara thanked Russia" is no Russian;
 *   4. the nearest state of the sentence, then the article's last one.
 * `other` is the other side of the event (NULL when unknown), `near` the
 * verb, `target` says m is the counterpart. */
static void resolve_member(const ctx_t *c, ne_member_t *m, const ne_member_t *other,
                           uint32_t near, int target)
{
    if (!unplaced(m)) return;
    char role[4];
    memcpy(role, m->role, sizeof(role));
    const char *st = NULL;
    if (target || local_role(role)) st = event_place(c, near);
    if (!st && target && other && other->country[0] && crossborder_verb(c, near)) {
        st = nearest_state(c, near, other->country);
        if (!st && c->mem->country[0] && strcmp(c->mem->country, other->country))
            st = c->mem->country;
    }
    /* the other side when it is an actor of a state, or the state where
     * the event happens ("declared a state of siege in Haiti") */
    if (!st && other && other->country[0]) {
        const char *place = event_place(c, near);
        if (target || other->role[0] || (place && !strcmp(place, other->country)))
            st = other->country;
    }
    if (!st) st = nearest_state(c, near, target ? NULL : (other ? other->country : NULL));
    if (!st && c->mem->country[0]) st = c->mem->country;
    if (st) ne_member_set(m, st, role);
}

static uint32_t tok_start(const ctx_t *c, uint32_t i)
{
    return tok(c, i)->start;
}

static uint32_t tok_end(const ctx_t *c, uint32_t i)
{
    return tok(c, i)->end;
}

/* ---- dates -------------------------------------------------------------------- */

/* A verb group that is surely a verb: it has an auxiliary, or follows a
 * conjunction ("but reversed course a day later"). Such groups take their
 * dates even when they code nothing; other verb forms ("a currency swap
 * agreement", "the building") may be nouns and yield to coding verbs. */
static int sure_verb(const ctx_t *c, const ne_vgroup_t *g)
{
    if (g->first != g->head) return 1;
    return g->head > c->s.tb && (is_w(c, g->head - 1, "and") || is_w(c, g->head - 1, "but"));
}

/* Give each time expression to the nearest verb group on its left (else
 * on its right): "X did Y on Monday, Z said on Tuesday" dates Y Monday.
 * Groups that coded something or report speech are preferred over other
 * verb forms ("a currency swap agreement on Thursday" dates "signed"). */
static void attach_dates(ctx_t *c)
{
    ne_doc_t *d = c->s.d;
    for (size_t x = 0; x < d->tx.n; x++) {
        int32_t best = -1;
        for (int pass = 0; pass < 2 && best < 0; pass++) {
            /* the last eligible group on the left, else the first on the right */
            int32_t left = -1, right = -1;
            for (size_t k = 0; k < d->vg.n; k++) {
                const ne_vgroup_t *g = &d->vg.v[k];
                if ((g->flags & (NE_VG_NOUN | NE_VG_CONSUMED)) ||
                    (pass == 0 && !strong_group(g) && !sure_verb(c, g)))
                    continue;
                if (g->head < d->tx.v[x].tb) left = (int32_t)k;
                else if (g->head >= d->tx.v[x].te && right < 0) right = (int32_t)k;
            }
            best = left >= 0 ? left : right;
        }
        if (best >= 0 && d->vg.v[best].date < 0) d->vg.v[best].date = (int32_t)x;
    }
}

static void event_date(const ctx_t *c, const ne_vgroup_t *g, int intent, ne_event_t *e)
{
    const ne_doc_t *d = c->s.d;
    const ne_timex_t *x = NULL;
    int src = NE_DATE_TEXT;
    if (g->date >= 0) {
        x = &d->tx.v[g->date];
        if (intent && (x->flags & NE_TX_FUTURE)) x = NULL;
    }
    if (!x) {
        /* the reporting verb's date: "..., the ministry announced on Monday" */
        for (size_t k = 0; k < d->vg.n && !x; k++) {
            const ne_vgroup_t *s = &d->vg.v[k];
            if ((s->flags & NE_VG_SAY) && s->date >= 0 && !(d->tx.v[s->date].flags & NE_TX_FUTURE))
                x = &d->tx.v[s->date];
        }
        src = NE_DATE_CONTEXT;
    }
    if (x) {
        e->date_ymd = x->ymd;
        e->date_precision = (ne_precision_t)x->prec;
        e->date_source = (x->flags & NE_TX_RELATIVE) ? NE_DATE_CONTEXT : (ne_date_source_t)src;
        e->date_start = tok_start(c, x->tb);
        e->date_end = tok_end(c, x->te - 1);
    } else {
        e->date_ymd = d->published;
        e->date_precision = NE_PREC_DAY;
        e->date_source = NE_DATE_PUBLISHED;
        e->date_start = e->date_end = 0;
    }
}

/* ---- events ----------------------------------------------------------------------- */

/* Give e the CAMEO code and what the table says of it; 0 when the table
 * lacks the code (e is left as it was). */
static int set_cameo(const ctx_t *c, ne_event_t *e, const char *code)
{
    const ne_cameo_t *cm = ne_lex_cameo(c->s.lx, code);
    if (!cm) return 0;
    set_code(e->code, cm->code);
    e->label = cm->label;
    e->goldstein = cm->goldstein;
    e->quad_class = cm->quad;
    return 1;
}

/* The state of the place named with "in" in the sentence ("in Geneva"). */
static const char *location_country(const ctx_t *c)
{
    for (size_t k = 0; k < c->s.d->ment.n; k++) {
        const ne_mention_t *mm = &c->s.d->ment.v[k];
        if (mm->n != 1 || !mm->m[0].country[0] || mm->m[0].role[0]) continue;
        if (mm->tb > c->s.tb && is_w(c, mm->tb - 1, "in")) return mm->m[0].country;
    }
    return NULL;
}

static int emit(ctx_t *c, struct ne_events_s *ev, const ne_event_t *proto, const ne_member_t *a,
                const ne_member_t *b)
{
    if (!a->code[0] || !b->code[0]) return 0;
    if (unplaced(a) || unplaced(b)) return 0;
    if (strcmp(a->code, b->code) == 0) return 0;
    ne_event_t e = *proto;
    int root = (e.code[0] - '0') * 10 + (e.code[1] - '0');
    /* a state consulting or cooperating with itself ("Beijing was ready to
     * work with the new administration" read as China's own) is a misread:
     * only other actors of the same state (opposition, rebels, people) count */
    if (root >= 3 && root <= 6 && a->country[0] && !strcmp(a->country, b->country) &&
        (!a->role[0] || !strcmp(a->role, "GOV")) && (!b->role[0] || !strcmp(b->role, "GOV")))
        return 0;
    if (!strcmp(e.code, "040")) {
        /* a meeting in a third state ("met his counterparts in Geneva") */
        const char *place = location_country(c);
        if (place && a->country[0] && b->country[0] && strcmp(place, a->country) &&
            strcmp(place, b->country))
            set_cameo(c, &e, "044");
    }
    if (root == 18 || root == 19 || !strncmp(e.code, "171", 3)) {
        /* civilians attacking or wrecking their own state's organs: a riot (145) */
        if ((!strcmp(a->role, "CVL") || !strcmp(a->role, "OPP")) && !strcmp(a->country, b->country) &&
            (!strcmp(b->role, "GOV") || !strcmp(b->role, "COP") || !strcmp(b->role, "MIL"))) {
            set_cameo(c, &e, "145");
        }
    }
    ne_strlcpy(e.actor.code, a->code, sizeof(e.actor.code));
    ne_strlcpy(e.actor.country, a->country, sizeof(e.actor.country));
    e.actor.start = a->start;
    e.actor.end = a->end;
    ne_strlcpy(e.counterpart.code, b->code, sizeof(e.counterpart.code));
    ne_strlcpy(e.counterpart.country, b->country, sizeof(e.counterpart.country));
    e.counterpart.start = b->start;
    e.counterpart.end = b->end;
    e.has_counterpart = 1;
    return ne_events_push(ev, &e);
}

/* Members of mention m with byte spans filled in (the mention's span when
 * a member has none of its own). */
static int members(const ctx_t *c, int32_t m, ne_member_t *out)
{
    const ne_mention_t *mm = &c->s.d->ment.v[m];
    for (int k = 0; k < mm->n; k++) {
        out[k] = mm->m[k];
        if (!out[k].end) {
            out[k].start = tok_start(c, mm->tb);
            out[k].end = tok_end(c, mm->te - 1);
        }
    }
    return mm->n;
}

/* "Minsk denied the charge": a reply is addressed to whoever last acted on
 * the replying state in this article. */
static int reply_target(const struct ne_events_s *ev, const ne_member_t *actor, ne_member_t *out)
{
    for (size_t i = ev->ev.n; i > 0; i--) {
        const ne_event_t *e = &ev->ev.v[i - 1];
        int same = actor->country[0] ? !strcmp(e->counterpart.country, actor->country)
                                     : !strcmp(e->counterpart.code, actor->code);
        if (!same) continue;
        memset(out, 0, sizeof(*out));
        ne_strlcpy(out->code, e->actor.code, sizeof(out->code));
        ne_strlcpy(out->country, e->actor.country, sizeof(out->country));
        if (e->actor.country[0] && strlen(e->actor.code) > 3)
            ne_strlcpy(out->role, e->actor.code + 3, sizeof(out->role));
        out->start = e->actor.start;
        out->end = e->actor.end;
        return 1;
    }
    return 0;
}

/* The agent of a passive verb: "by X" after the match, else a state named
 * as the place ("was detained in Beijing"). */
static int32_t passive_agent(const ctx_t *c, uint32_t from)
{
    for (uint32_t k = from; k < c->s.te && k < from + 10; k++) {
        if (is_punct(c, k, ".;:")) break;
        if (is_w(c, k, "by")) {
            int32_t m = ment_at(c, k + 1);
            if (m < 0 && k + 2 < c->s.te && (wf(c, k + 1) & NE_W_DET)) m = ment_at(c, k + 2);
            return m >= 0 && !(c->s.d->ment.v[m].flags & (NE_MF_REL)) ? m : -1;
        }
    }
    for (uint32_t k = from; k < c->s.te && k < from + 10; k++) {
        if (is_punct(c, k, ".;:,")) break;
        if (is_w(c, k, "in")) {
            int32_t m = ment_at(c, k + 1);
            if (m >= 0 && c->s.d->ment.v[m].n == 1 && !(c->s.d->ment.v[m].flags & NE_MF_GENERIC)) {
                const ne_member_t *mm = &c->s.d->ment.v[m].m[0];
                if (mm->country[0] && !mm->role[0]) return m;
            }
            return -1;
        }
    }
    return -1;
}

/* "“We demand ...,” Pashinyan told parliament": the subject of the
 * sentence's reporting verb. */
static int32_t speaker(ctx_t *c)
{
    for (size_t k = 0; k < c->s.d->vg.n; k++) {
        const ne_vgroup_t *s = &c->s.d->vg.v[k];
        if (!(s->flags & NE_VG_SAY)) continue;
        int32_t sj = group_subject(c, k);
        if (sj >= 0 && !(c->s.d->ment.v[sj].flags & NE_MF_SPEAKER)) return sj;
    }
    /* "..., said Zakharova": the mention right after the verb */
    for (size_t k = 0; k < c->s.d->vg.n; k++) {
        const ne_vgroup_t *s = &c->s.d->vg.v[k];
        if (!(s->flags & NE_VG_SAY)) continue;
        int32_t m = ment_at(c, s->head + 1);
        if (m >= 0 && c->s.d->ment.v[m].n) return m;
    }
    return -1;
}

static int code_group(ctx_t *c, size_t gi, struct ne_events_s *ev)
{
    ne_doc_t *d = c->s.d;
    ne_vgroup_t *g = &d->vg.v[gi];
    if (!g->pat || (g->flags & (NE_VG_MODAL | NE_VG_NEGATED))) return 0;
    ne_match_t mt = {g->pat, g->target, g->mend};

    ne_event_t proto;
    memset(&proto, 0, sizeof(proto));
    const char *code = mt.pat->code;
    char mapped[5];
    int intent = 0;
    if (g->flags & NE_VG_REFUSE) ne_frames_refuse_code(code, mapped);
    else if (g->flags & NE_VG_THREAT) ne_frames_threat_code(code, mapped);
    else if (g->flags & NE_VG_FUTURE) ne_frames_intent_code(code, mapped), intent = 1;
    else set_code(mapped, code);
    /* a mapped code that the table lacks falls back to its parent */
    while (strlen(mapped) > 3 && !ne_lex_cameo(c->s.lx, mapped)) mapped[strlen(mapped) - 1] = '\0';
    if (!set_cameo(c, &proto, mapped)) return 0;
    proto.rule = mt.pat->text;
    proto.trigger_start = tok_start(c, g->first);
    proto.trigger_end = tok_end(c, (mt.end > g->head ? mt.end : g->head + 1) - 1);
    proto.sentence_start = tok_start(c, c->s.tb);
    proto.sentence_end = tok_end(c, c->s.te - 1);
    event_date(c, g, intent, &proto);
    if (proto.date_source == NE_DATE_TEXT && proto.date_precision == NE_PREC_DAY)
        c->mem->anchor = proto.date_ymd;

    ne_member_t act[NE_MAX_MEMBERS], cp[NE_MAX_MEMBERS];
    int na = 0, ncp = 0;
    int32_t subj = group_subject(c, gi);
    if (subj >= 0 && (d->ment.v[subj].flags & NE_MF_SPEAKER)) subj = speaker(c);
    int recip = 0;
    if (g->flags & NE_VG_PASSIVE) {
        int32_t agent = passive_agent(c, mt.end);
        if (agent < 0 || subj < 0) return 0;
        na = members(c, agent, act);
        ncp = members(c, subj, cp);
    } else {
        if (subj < 0) return 0;
        na = members(c, subj, act);
        if (mt.target >= 0) {
            if (d->ment.v[mt.target].flags & NE_MF_RECIP) recip = 1;
            else ncp = members(c, mt.target, cp);
        } else if (mt.pat->opts & NE_PO_RECIP) {
            recip = 1;
        } else if (mt.pat->opts & (NE_PO_GOV | NE_PO_SELF)) {
            /* "activists staged a protest in Beijing": a protest abroad is
             * addressed to the state where it is held */
            const char *place = (mt.pat->opts & NE_PO_GOV) ? location_country(c) : NULL;
            for (int k = 0; k < na && ncp < NE_MAX_MEMBERS; k++) {
                ne_member_t m = act[k];
                resolve_member(c, &m, NULL, g->head, 0);
                if (!m.country[0]) continue;
                if (place && strcmp(place, m.country)) {
                    ne_member_set(&cp[ncp], place, "");
                    cp[ncp].start = cp[ncp].end = 0;
                    ncp++;
                    continue;
                }
                ne_member_set(&cp[ncp], m.country, (mt.pat->opts & NE_PO_GOV) ? "GOV" : "");
                cp[ncp].start = cp[ncp].end = 0;
                ncp++;
            }
        } else if (mt.pat->opts & (NE_PO_OBJ | NE_PO_REPLY)) {
            for (uint32_t k = g->head + 1; k < c->s.te; k++) {
                /* the object is in the clause: ", its foreign ministry said" is not */
                if (is_punct(c, k, ".;:,")) break;
                int32_t m = ment_at(c, k);
                if (m >= 0 && !(d->ment.v[m].flags & NE_MF_REL)) {
                    ncp = members(c, m, cp);
                    break;
                }
            }
            if (!ncp && (mt.pat->opts & NE_PO_REPLY) && na)
                ncp = reply_target(ev, &act[0], cp);
        }
    }
    if (recip) {
        if (na < 2) return 0;
        for (int i = 0; i < na; i++) resolve_member(c, &act[i], NULL, g->head, 0);
        for (int i = 0; i < na; i++)
            for (int j = 0; j < na; j++)
                if (i != j && emit(c, ev, &proto, &act[i], &act[j]) < 0) return -1;
        return 0;
    }
    for (int i = 0; i < na; i++)
        for (int j = 0; j < ncp; j++) {
            ne_member_t a = act[i], b = cp[j];
            resolve_member(c, &a, b.country[0] ? &b : NULL, g->head, 0);
            resolve_member(c, &b, a.country[0] ? &a : NULL, g->head, 1);
            if (emit(c, ev, &proto, &a, &b) < 0) return -1;
        }
    return 0;
}

/* Subjects and pattern matches of every group, left to right: a match
 * claims the verbs inside its words ("demanded that China release ..."). */
static void match_groups(ctx_t *c)
{
    ne_doc_t *d = c->s.d;
    for (size_t gi = 0; gi < d->vg.n; gi++) {
        ne_vgroup_t *g = &d->vg.v[gi];
        g->subj = -2;
        g->pat = NULL;
        g->target = -1;
        if (!coded_group(g)) continue;
        ne_match_t mt;
        if (ne_actions_match(c->s.lx, d, c->s.tb, c->s.te, g, &mt)) {
            g->pat = mt.pat;
            g->target = mt.target;
            g->mend = mt.end;
            for (size_t k = gi + 1; k < d->vg.n; k++)
                if (d->vg.v[k].head < mt.end) d->vg.v[k].flags |= NE_VG_CONSUMED;
        }
    }
}

int ne_frames_sentence(const ne_lexicon_t *lx, ne_doc_t *d, uint32_t tb, uint32_t te,
                       ne_memory_t *mem, struct ne_events_s *ev)
{
    ctx_t c = {{lx, d, tb, te}, mem};
    match_groups(&c);
    attach_dates(&c);
    /* "beat and detained several journalists on Monday": coordinated verbs
     * share a date found after the second */
    for (size_t gi = 1; gi < d->vg.n; gi++) {
        ne_vgroup_t *g = &d->vg.v[gi], *pg = &d->vg.v[gi - 1];
        if (g->date >= 0 && pg->date < 0 && conjoined(&c, g) && !(pg->flags & NE_VG_NOUN))
            pg->date = g->date;
    }
    /* a participle or a coordinated verb without a date of its own shares
     * the date of the verb it hangs on */
    for (size_t gi = 1; gi < d->vg.n; gi++) {
        ne_vgroup_t *g = &d->vg.v[gi];
        if (g->date >= 0 || !((g->flags & NE_VG_PARTICIPLE) || conjoined(&c, g))) continue;
        for (size_t k = gi; k > 0; k--)
            if (strong_group(&d->vg.v[k - 1]) && !(d->vg.v[k - 1].flags & NE_VG_SAY)) {
                g->date = d->vg.v[k - 1].date;
                break;
            }
    }
    int rc = 0;
    for (size_t gi = 0; gi < d->vg.n && rc == 0; gi++) rc = code_group(&c, gi, ev);
    return rc;
}
