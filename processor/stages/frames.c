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
        else if (!strncmp(code, "083", 3)) {
            /* acceding to reform (0831 resign) mirrors the intent to reform (0341) */
            set_code(out, "034");
            if (code[3]) out[3] = code[3], out[4] = '\0';
        } else set_code(out, "035");
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
        if (!strncmp(code, "083", 3)) {
            set_code(out, "123"); /* 0831 -> 1231: reject a change of leadership */
            if (code[3]) out[3] = code[3], out[4] = '\0';
        } else if (!strncmp(code, "081", 3)) set_code(out, "1241");
        else if (!strncmp(code, "084", 3)) set_code(out, "1243");
        else if (!strncmp(code, "085", 3)) set_code(out, "1244");
        else if (!strncmp(code, "086", 3)) set_code(out, "1245");
        else if (!strncmp(code, "087", 3)) set_code(out, "1246");
        else set_code(out, "124");
    } else if (root == 12) set_code(out, code);
    else set_code(out, "120");
}

/* The code of an event presented by a support verb ("ordered / offered /
 * called for / asked for / refused the release of X": 0841, 0353, 1053,
 * 0253, 1243). A demand, an appeal or a refusal is made of cooperative
 * events only (roots 01-08); 0 when there is no such code. */
int ne_frames_modal_code(int modality, const char *code, char out[5])
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    switch (modality) {
    case NE_MOD_ACT: set_code(out, code); return 1;
    case NE_MOD_INTENT: ne_frames_intent_code(code, out); return 1;
    case NE_MOD_REJECT:
        if (root > 8) return 0;
        ne_frames_refuse_code(code, out);
        return 1;
    case NE_MOD_DEMAND:
    case NE_MOD_APPEAL:
        if (root > 8) return 0;
        ne_frames_intent_code(code, out);
        if (strncmp(out, "03", 2)) set_code(out, "030");
        /* the demand and appeal families mirror the intent family: 0353 -> 1053, 0253 */
        out[0] = modality == NE_MOD_DEMAND ? '1' : '0';
        out[1] = modality == NE_MOD_DEMAND ? '0' : '2';
        return 1;
    default: set_code(out, code); return 1;
    }
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

/* Country for a member that has only a role: the other side's, else the
 * nearest state named in the sentence, else the article's last one. */
static void resolve_member(const ctx_t *c, ne_member_t *m, const ne_member_t *other,
                           uint32_t near, int target)
{
    if (!unplaced(m)) return;
    char role[4];
    memcpy(role, m->role, sizeof(role));
    if (target) {
        /* victims, prisoners, people: of the place where it happened
         * ("killing six people" after "shelled a block in Kharkiv") */
        for (size_t k = 0; k < c->s.d->ment.n; k++) {
            const ne_mention_t *mm = &c->s.d->ment.v[k];
            if (mm->n != 1 || !mm->m[0].country[0] || mm->m[0].role[0]) continue;
            if (!(mm->flags & NE_MF_LOC) && !(mm->tb > c->s.tb && is_w(c, mm->tb - 1, "in")))
                continue;
            ne_member_set(m, mm->m[0].country, role);
            return;
        }
    }
    if (other && other->country[0]) {
        ne_member_set(m, other->country, role);
        return;
    }
    /* the nearest state actor of the sentence; a place only when there is none */
    int32_t best = -1;
    uint32_t bestd = UINT32_MAX;
    for (int pass = 0; pass < 2 && best < 0; pass++)
        for (size_t k = 0; k < c->s.d->ment.n; k++) {
            const ne_mention_t *mm = &c->s.d->ment.v[k];
            if (!mm->n || !mm->m[0].country[0]) continue;
            if (pass == 0 && (mm->flags & NE_MF_LOC)) continue;
            uint32_t dist = mm->tb > near ? mm->tb - near : near - mm->tb;
            if (dist < bestd) {
                bestd = dist;
                best = (int32_t)k;
            }
        }
    if (best >= 0) {
        ne_member_set(m, c->s.d->ment.v[best].m[0].country, role);
        return;
    }
    if (c->mem->country[0]) ne_member_set(m, c->mem->country, role);
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
        /* a reply goes to another party: not the actor's own state */
        int own = actor->country[0] ? !strcmp(e->actor.country, actor->country)
                                    : !strcmp(e->actor.code, actor->code);
        if (!same || own) continue;
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

/* ---- the article's events ------------------------------------------------------- */

/* The back-th most recent remembered event (1 the last), NULL past the
 * oldest one kept. */
static const struct ne_memevent_s *mem_event(const ne_memory_t *mem, size_t back)
{
    if (back > mem->nevents || back > NE_MEM_EVENTS) return NULL;
    return &mem->events[(mem->nevents - back) % NE_MEM_EVENTS];
}

/* Keep a coded event (in a ring): its code, word, sentence, and placed
 * agents and targets. */
static void remember_event(ne_memory_t *mem, const char *code, int32_t word, uint32_t sent,
                           const ne_member_t *agent, int na, const ne_member_t *target, int nt)
{
    struct ne_memevent_s *e = &mem->events[mem->nevents % NE_MEM_EVENTS];
    ne_strlcpy(e->code, code, sizeof(e->code));
    e->word = word;
    e->sent = sent;
    e->nagent = e->ntarget = 0;
    for (int i = 0; i < na && e->nagent < NE_MEM_EVMEMBERS; i++)
        if (agent[i].code[0] && !unplaced(&agent[i])) e->agent[e->nagent++] = agent[i];
    for (int i = 0; i < nt && e->ntarget < NE_MEM_EVMEMBERS; i++)
        if (target[i].code[0] && !unplaced(&target[i])) e->target[e->ntarget++] = target[i];
    if (e->nagent) mem->nevents++;
}

/* The word an event was coded by: the event noun under a support verb,
 * else the verb's base form. */
static int32_t trigger_word(const ctx_t *c, const ne_vgroup_t *g)
{
    if (g->modality) {
        for (uint32_t k = g->head + 1; k < g->mend; k++) {
            uint32_t noun = ne_lex_noun(c->s.lx, tok(c, k)->word);
            if (noun != NE_LEX_NONE) return ne_lex_noun_word(c->s.lx, noun);
        }
    }
    const char *name = ne_lex_lemma_name(c->s.lx, g->lemma);
    return ne_lex_word_find(c->s.lx, name, strlen(name));
}

static int add_member(ne_member_t *out, int n, int max, const ne_member_t *m)
{
    for (int k = 0; k < n; k++)
        if (!strcmp(out[k].code, m->code)) return n;
    if (n < max) out[n++] = *m;
    return n;
}

/* The most recent remembered event whose root is in roots, preferring one
 * coded by the same word ("the strikes": "struck" before "attacked"). */
static const struct ne_memevent_s *recall_event(const ne_memory_t *mem, uint32_t roots,
                                                int32_t word)
{
    const struct ne_memevent_s *e;
    for (int pass = word >= 0 ? 0 : 1; pass < 2; pass++)
        for (size_t b = 1; (e = mem_event(mem, b)); b++) {
            int root = (e->code[0] - '0') * 10 + (e->code[1] - '0');
            if (root < 1 || root > 20 || !(roots & (1u << root))) continue;
            if (pass == 0 && e->word != word) continue;
            return e;
        }
    return NULL;
}

int ne_frames_recall(const ne_memory_t *mem, uint32_t roots, int32_t word, int participants,
                     ne_member_t *out, int max)
{
    const struct ne_memevent_s *e = recall_event(mem, roots, word);
    if (e) {
        int n = 0;
        for (int k = 0; k < e->nagent; k++) n = add_member(out, n, max, &e->agent[k]);
        for (int k = 0; participants && k < e->ntarget; k++)
            n = add_member(out, n, max, &e->target[k]);
        /* a reference to the event, not to where it is now */
        for (int k = 0; k < n; k++) out[k].start = out[k].end = 0;
        return n;
    }
    return 0;
}

int ne_frames_event_noun_agents(const ne_lexicon_t *lx, const ne_memory_t *mem, int32_t word,
                                ne_member_t *out, int max)
{
    uint32_t noun = ne_lex_noun(lx, word);
    if (noun == NE_LEX_NONE || !ne_lex_noun_roots(lx, noun)) return 0;
    return ne_frames_recall(mem, ne_lex_noun_roots(lx, noun), ne_lex_noun_word(lx, noun),
                            ne_lex_noun_participants(lx, noun) == NE_REF_PARTICIPANTS, out, max);
}

/* ---- counterparts ----------------------------------------------------------------- */

/* The agent of the event that a noun phrase names, from the phrase itself:
 * a mention among its modifiers ("the Russian missile attack") or after
 * "by" ("the attack by Houthi rebels"). */
static int event_agent_in_phrase(const ctx_t *c, uint32_t head, ne_member_t *out)
{
    const ne_doc_t *d = c->s.d;
    for (uint32_t k = head; k > c->s.tb; k--) {
        uint32_t p = k - 1;
        int32_t m = ment_at(c, p);
        if (m >= 0) {
            const ne_mention_t *mm = &d->ment.v[m];
            if (!(mm->flags & (NE_MF_LOC | NE_MF_REL)) && mm->n) return members(c, m, out);
            k = mm->tb + 1;
            continue;
        }
        /* the phrase opens at its determiner; a verb or a preposition is outside it */
        if (wf(c, p) & (NE_W_DET | NE_W_POSS)) break;
        if (tok(c, p)->kind != NE_TK_WORD || (wf(c, p) & NE_W_PREP) ||
            ne_lex_vforms(c->s.lx, tok(c, p)->word) != NE_LEX_NONE)
            break;
    }
    if (is_w(c, head + 1, "by")) {
        int32_t m = ment_at(c, head + 2);
        if (m < 0 && (wf(c, head + 2) & NE_W_DET)) m = ment_at(c, head + 3);
        if (m >= 0 && c->s.d->ment.v[m].n && !(c->s.d->ment.v[m].flags & NE_MF_REL))
            return members(c, m, out);
    }
    return 0;
}

/* Does the noun phrase headed at head refer to a known event: "the raid",
 * "this attack", "its drills", "Tuesday's attack"? An indefinite one ("an
 * attack", "backed ceasefire") names a kind of event, not one before. */
static int definite_phrase(const ctx_t *c, uint32_t head)
{
    for (uint32_t k = head, steps = 0; k > c->s.tb && steps < 8; k--, steps++) {
        uint32_t p = k - 1;
        if (is_w(c, p, "the") || is_w(c, p, "this") || is_w(c, p, "that") || is_w(c, p, "these") ||
            is_w(c, p, "those") || is_w(c, p, "'s") || (wf(c, p) & NE_W_POSS))
            return 1;
        if (wf(c, p) & (NE_W_DET | NE_W_PREP)) return 0;
        if (tok(c, p)->kind != NE_TK_WORD && !is_punct(c, p, "-")) return 0;
    }
    return 0;
}

/* "the counter-sanctions", "the retaliatory strikes", "the countermeasures":
 * an act in response (class RESPONSE: a modifier, or the first part of the
 * head word), by whoever the actor's side acted on. */
static int counter_act(const ctx_t *c, uint32_t head)
{
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_RESPONSE);
    for (uint32_t k = head, n = 0; k > c->s.tb && n < 3; k--, n++) {
        uint32_t p = k - 1;
        if (is_punct(c, p, "-")) continue;
        if (ne_lex_in_class(c->s.lx, cls, tok(c, p)->word)) return 1;
        if (tok(c, p)->kind != NE_TK_WORD) break;
    }
    const ne_token_t *t = tok(c, head);
    const char *f = ne_tok_fold(c->s.d, t);
    for (uint16_t len = 4; len + 3 < t->fold_len; len++) {
        int32_t id = ne_lex_word_find(c->s.lx, f, len);
        if (id >= 0 && ne_lex_in_class(c->s.lx, cls, id)) return 1;
    }
    return 0;
}

/* The agents of the last event of the roots of the noun at head that was
 * aimed at the actor ("called the counter-sanctions unacceptable"). */
static int response_agents(const ctx_t *c, uint32_t head, const ne_member_t *actor, ne_member_t *cp)
{
    uint32_t noun = ne_lex_noun(c->s.lx, tok(c, head)->word);
    if (noun == NE_LEX_NONE) return 0;
    uint32_t roots = ne_lex_noun_roots(c->s.lx, noun);
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++) {
        int root = (e->code[0] - '0') * 10 + (e->code[1] - '0');
        if (root < 1 || root > 20 || !(roots & (1u << root))) continue;
        int on_actor = 0;
        for (int k = 0; k < e->ntarget && !on_actor; k++)
            on_actor = actor->country[0] ? !strcmp(e->target[k].country, actor->country)
                                         : !strcmp(e->target[k].code, actor->code);
        if (!on_actor) continue;
        int n = 0;
        for (int k = 0; k < e->nagent; k++) n = add_member(cp, n, NE_MAX_MEMBERS, &e->agent[k]);
        for (int k = 0; k < n; k++) cp[k].start = cp[k].end = 0;
        return n;
    }
    return 0;
}

/* "condemned the raid": the counterpart is the raid's agent, named in the
 * phrase, or, for a definite phrase, the agents of the last event of the
 * article that the noun can name (its participants for a meeting noun:
 * "hosted the summit"; for a counter-act, the last such act on the actor). */
static int event_counterpart(const ctx_t *c, uint32_t head, const ne_member_t *act, int na,
                             ne_member_t *cp)
{
    uint32_t noun = ne_lex_noun(c->s.lx, tok(c, head)->word);
    int agents = noun != NE_LEX_NONE && ne_lex_noun_participants(c->s.lx, noun) == NE_REF_AGENTS;
    int n = agents ? 0 : event_agent_in_phrase(c, head, cp);
    /* "arrested 20 suspects" names the attackers, definite or not */
    if (n || (!agents && !definite_phrase(c, head))) return n;
    if (counter_act(c, head)) return na ? response_agents(c, head, &act[0], cp) : 0;
    return ne_frames_event_noun_agents(c->s.lx, c->mem, tok(c, head)->word, cp, NE_MAX_MEMBERS);
}

/* gov / self: the actor's own state or government, or the state where it
 * acts ("activists staged a protest in Beijing": a protest abroad is
 * addressed to the state where it is held). */
static int own_state(const ctx_t *c, const ne_vgroup_t *g, const ne_member_t *act, int na,
                     ne_member_t *cp)
{
    int gov = (g->pat->opts & NE_PO_GOV) != 0, n = 0;
    const char *place = gov ? location_country(c) : NULL;
    for (int k = 0; k < na && n < NE_MAX_MEMBERS; k++) {
        ne_member_t m = act[k];
        resolve_member(c, &m, NULL, g->head, 0);
        if (!m.country[0]) continue;
        if (place && strcmp(place, m.country)) ne_member_set(&cp[n], place, "");
        else ne_member_set(&cp[n], m.country, gov ? "GOV" : "");
        cp[n].start = cp[n].end = 0;
        n++;
    }
    return n;
}

/* "announced similar sanctions", "launched a similar probe": an act like
 * the last one of its kind in the article (same root, another agent) has
 * that act's targets. */
static int similar_targets(const ctx_t *c, const ne_vgroup_t *g, const ne_member_t *act, int na,
                           ne_member_t *cp)
{
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_SIMILAR);
    int similar = 0;
    for (uint32_t k = g->head + 1; k < g->mend && !similar; k++)
        similar = ne_lex_in_class(c->s.lx, cls, tok(c, k)->word);
    if (!similar || !na) return 0;
    const char *code = g->pat->code;
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++) {
        if (strncmp(e->code, code, 2)) continue;
        int mine = 0;
        for (int k = 0; k < e->nagent && !mine; k++) mine = !strcmp(e->agent[k].code, act[0].code);
        if (mine) continue;
        int n = 0;
        for (int k = 0; k < e->ntarget; k++) n = add_member(cp, n, NE_MAX_MEMBERS, &e->target[k]);
        for (int k = 0; k < n; k++) cp[k].start = cp[k].end = 0;
        return n;
    }
    return 0;
}

/* Is mention m the first part of a hyphenated modifier ("a U.S.-drafted
 * resolution": the resolution is not the United States')? */
static int modifier_mention(const ctx_t *c, int32_t m)
{
    uint32_t e = c->s.d->ment.v[m].te;
    return e + 1 < c->s.te && is_punct(c, e, "-") && tok(c, e + 1)->kind == NE_TK_WORD &&
           !(tok(c, e + 1)->flags & NE_TF_CAP);
}

/* Is token k the head of a verb group that is not a noun nor part of a
 * pattern's words? */
static int other_verb_at(const ctx_t *c, uint32_t k)
{
    for (size_t v = 0; v < c->s.d->vg.n; v++)
        if (c->s.d->vg.v[v].head == k) return !(c->s.d->vg.v[v].flags & (NE_VG_NOUN | NE_VG_CONSUMED));
    return 0;
}

/* Whom the act opposes, named after the verb in its clause: "in defiance
 * of Chinese authorities", "unless Israel rescinded" (class AGAINST). */
static int opposed_party(const ctx_t *c, const ne_vgroup_t *g, const ne_member_t *act, int na,
                         ne_member_t *cp)
{
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_AGAINST);
    for (uint32_t k = g->head + 1; k < c->s.te; k++) {
        /* in the verb's clause: up to a comma, a relative pronoun or another verb */
        if (is_punct(c, k, ".;:,") || (wf(c, k) & NE_W_REL) || other_verb_at(c, k)) break;
        uint32_t q = ne_actions_class_at(c->s.lx, c->s.d, c->s.tb, c->s.te, cls, k);
        if (!q) continue;
        if (ment_at(c, q) < 0 && (wf(c, q) & NE_W_DET)) q++;
        int32_t m = ment_at(c, q);
        if (m < 0) continue;
        const ne_mention_t *mm = &c->s.d->ment.v[m];
        if (mm->tb != q || !mm->n || (mm->flags & (NE_MF_REL | NE_MF_RECIP))) continue;
        if (na && !strcmp(mm->m[0].code, act[0].code)) continue;
        return members(c, m, cp);
    }
    return 0;
}

/* "Qatar suspended its mediation", "Beijing denied the charge": a
 * definite event noun as the object of a frame that names no one stands
 * for the last such event of the article: an act of the actor's own (its
 * mediation) is aimed at that act's targets, another's act at its agents
 * (the accuser). */
static int object_event(const ctx_t *c, const ne_vgroup_t *g, const ne_member_t *act, int na,
                        ne_member_t *cp)
{
    if (!na) return 0;
    for (uint32_t k = g->head + 1; k < g->mend && k < c->s.te; k++) {
        uint32_t noun = ne_lex_noun(c->s.lx, tok(c, k)->word);
        if (noun == NE_LEX_NONE || !ne_lex_noun_roots(c->s.lx, noun) ||
            ne_lex_noun(c->s.lx, tok(c, k + 1)->word) != NE_LEX_NONE)
            continue;
        if (!definite_phrase(c, k)) return 0;
        const struct ne_memevent_s *e =
            recall_event(c->mem, ne_lex_noun_roots(c->s.lx, noun), ne_lex_noun_word(c->s.lx, noun));
        if (!e) return 0;
        int own = 0, n = 0;
        for (int i = 0; i < e->nagent && !own; i++) own = !strcmp(e->agent[i].code, act[0].code);
        if (own)
            for (int i = 0; i < e->ntarget; i++) n = add_member(cp, n, NE_MAX_MEMBERS, &e->target[i]);
        else
            for (int i = 0; i < e->nagent; i++) n = add_member(cp, n, NE_MAX_MEMBERS, &e->agent[i]);
        for (int i = 0; i < n; i++) cp[i].start = cp[i].end = 0;
        return n;
    }
    return 0;
}

/* obj / reply: the first actor mention after the verb in its clause (",
 * its foreign ministry said" is not; a mention that modifies a noun or is
 * the actor itself is no object); else the targets of a similar act
 * before; else the event a definite object noun stands for; for reply,
 * else whoever last acted on the actor ("Minsk denied the charge"). */
static int object_or_reply(const ctx_t *c, const ne_vgroup_t *g, const ne_member_t *act, int na,
                           ne_member_t *cp, const struct ne_events_s *ev)
{
    /* "denied that Tehran had ...": a frame that ends with its complement's
     * "that" has no object in the complement, */
    uint32_t end = c->s.te;
    if (g->mend > g->head + 1 && is_w(c, g->mend - 1, "that")) end = g->mend - 1;
    /* "denies backing the rebels": nor has a bare verb before a clause of its own */
    for (size_t k = 0; k < c->s.d->vg.n && g->mend == g->head + 1; k++)
        if (c->s.d->vg.v[k].head == g->mend && !(c->s.d->vg.v[k].flags & NE_VG_NOUN)) end = g->mend;
    for (uint32_t k = g->head + 1; k < end; k++) {
        if (is_punct(c, k, ".;:,")) break;
        int32_t m = ment_at(c, k);
        if (m < 0 || (c->s.d->ment.v[m].flags & NE_MF_REL)) continue;
        k = c->s.d->ment.v[m].te - 1;
        if (modifier_mention(c, m)) continue;
        if (na && c->s.d->ment.v[m].n && !strcmp(c->s.d->ment.v[m].m[0].code, act[0].code)) continue;
        return members(c, m, cp);
    }
    int n = similar_targets(c, g, act, na, cp);
    if (n) return n;
    n = object_event(c, g, act, na, cp);
    if (n) return n;
    if ((g->pat->opts & NE_PO_REPLY) && na) return reply_target(ev, &act[0], cp);
    return 0;
}

/* "NATO condemned it", "Germany described it as a devastating signal": an
 * "it" that a reaction (codes 01, 05, 11, 12) takes as object stands for
 * the last act of the article (not itself a reaction) by another actor. */
static int pronoun_event(const ctx_t *c, const ne_vgroup_t *g, int32_t m, const ne_member_t *act, int na,
                         ne_member_t *cp)
{
    const ne_mention_t *mm = &c->s.d->ment.v[m];
    int root = (g->pat->code[0] - '0') * 10 + (g->pat->code[1] - '0');
    if (!(mm->flags & NE_MF_PRON) || !is_w(c, mm->tb, "it") ||
        !(root == 1 || root == 5 || root == 11 || root == 12))
        return 0;
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++) {
        /* a comment, an appeal, a demand, a criticism or a rejection is a
         * reaction, not the act reacted to */
        int eroot = (e->code[0] - '0') * 10 + (e->code[1] - '0');
        if (eroot == 1 || eroot == 2 || eroot == 10 || eroot == 11 || eroot == 12) continue;
        int mine = 0;
        for (int k = 0; k < e->nagent && na && !mine; k++) mine = !strcmp(e->agent[k].code, act[0].code);
        if (mine) continue;
        int n = 0;
        for (int k = 0; k < e->nagent; k++) n = add_member(cp, n, NE_MAX_MEMBERS, &e->agent[k]);
        for (int k = 0; k < n; k++) cp[k].start = cp[k].end = 0;
        return n;
    }
    return 0;
}

/* The counterpart of a group in the active voice, by precedence: the
 * mention in the pattern's '+' (an "it" that stands for an event: its
 * agent); the agent of an event that fills it; a
 * reciprocal; for gov and self, a party the clause names as opposed ("in
 * defiance of X", "unless X"), else the actor's own state; for obj and
 * reply, the object or the memory. Returns the members written to cp;
 * *recip when the actors act on each other. */
static int counterpart(const ctx_t *c, const ne_vgroup_t *g, const ne_member_t *act, int na,
                       ne_member_t *cp, const struct ne_events_s *ev, int *recip)
{
    const ne_pattern_t *p = g->pat;
    if (g->target >= 0) {
        if (c->s.d->ment.v[g->target].flags & NE_MF_RECIP) {
            *recip = 1;
            return 0;
        }
        int n = pronoun_event(c, g, g->target, act, na, cp);
        return n ? n : members(c, g->target, cp);
    }
    if (g->evnoun >= 0) return event_counterpart(c, (uint32_t)g->evnoun, act, na, cp);
    if (p->opts & NE_PO_RECIP) {
        *recip = 1;
        return 0;
    }
    if (p->opts & (NE_PO_GOV | NE_PO_SELF)) {
        /* a protest, a strike, a mobilization aimed at another party */
        int n = opposed_party(c, g, act, na, cp);
        return n ? n : own_state(c, g, act, na, cp);
    }
    if (p->opts & (NE_PO_OBJ | NE_PO_REPLY)) return object_or_reply(c, g, act, na, cp, ev);
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

/* Does pattern p take its counterpart after a preposition of place only
 * (`strike * in|near|across +`)? */
static int locative_pattern(const ne_lexicon_t *lx, const ne_pattern_t *p)
{
    const ne_pelem_t *el = ne_lex_pelems(lx) + p->elem;
    uint32_t cls = ne_lex_gclass(lx, NE_GC_LOCATIVE);
    for (uint16_t k = 1; k < p->nelem; k++) {
        if (el[k].type != NE_PE_TARGET) continue;
        if (el[k - 1].type != NE_PE_WORD) return 0;
        for (uint16_t a = 0; a < el[k - 1].nalt; a++)
            if (!ne_lex_in_class(lx, cls, ne_lex_alts(lx)[el[k - 1].alt + a])) return 0;
        return 1;
    }
    return 0;
}

/* "U.S. forces struck targets in Iraq and Syria, hitting Iran's
 * Revolutionary Guards": the place of an attack is no target when the
 * same actor's attack in the sentence names whom it hit. */
static int place_only(ctx_t *c, size_t gi)
{
    const ne_vgroup_t *g = &c->s.d->vg.v[gi];
    if (!locative_pattern(c->s.lx, g->pat)) return 0;
    int32_t subj = group_subject(c, gi);
    for (size_t k = 0; k < c->s.d->vg.n; k++) {
        const ne_vgroup_t *o = &c->s.d->vg.v[k];
        if (k == gi || !o->pat || o->target < 0 || !coded_group(o) || locative_pattern(c->s.lx, o->pat))
            continue;
        int root = (o->pat->code[0] - '0') * 10 + (o->pat->code[1] - '0');
        if (root < 18 || root > 20 || (c->s.d->ment.v[o->target].flags & NE_MF_LOC)) continue;
        if (group_subject(c, k) == subj) return 1;
    }
    return 0;
}

/* "More than 800 people were killed by the RSF": in the passive the
 * subject is the object, so a pattern that describes the object (its
 * number and class: `kill # &VICTIMS`, 202) codes it before the plain
 * passive reading (`kill +`, 190). */
static void passive_object(ctx_t *c, size_t gi, ne_match_t *mt)
{
    ne_vgroup_t *g = &c->s.d->vg.v[gi];
    if (!(g->flags & NE_VG_PASSIVE)) return;
    int32_t subj = group_subject(c, gi);
    if (subj < 0) return;
    const ne_mention_t *m = &c->s.d->ment.v[subj];
    ne_match_t om;
    if (ne_actions_match_object(c->s.lx, c->s.d, c->s.tb, c->s.te, g, m->tb, m->te, &om) &&
        om.pat->score > mt->pat->score)
        mt->pat = om.pat;
}

static int code_group(ctx_t *c, size_t gi, struct ne_events_s *ev)
{
    ne_doc_t *d = c->s.d;
    ne_vgroup_t *g = &d->vg.v[gi];
    if (!g->pat || (g->flags & (NE_VG_MODAL | NE_VG_NEGATED))) return 0;
    if (!strcmp(g->pat->code, NE_CODE_NONE)) return 0;
    /* a place-only attack is remembered ("condemned the strikes") but not coded */
    int quiet = place_only(c, gi);
    ne_match_t mt = {g->pat, g->target, g->mend, g->modality, g->evnoun};
    passive_object(c, gi, &mt);

    ne_event_t proto;
    memset(&proto, 0, sizeof(proto));
    const char *code = mt.pat->code;
    char mapped[5];
    int intent = 0;
    char presented[5];
    if (g->modality) {
        /* "called for the release of": the support verb's reading first */
        if (!ne_frames_modal_code(g->modality, code, presented)) return 0;
        code = presented;
    }
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
        ncp = counterpart(c, g, act, na, cp, ev, &recip);
    }
    if (recip) {
        if (na < 2) return 0;
        for (int i = 0; i < na; i++) resolve_member(c, &act[i], NULL, g->head, 0);
        for (int i = 0; i < na; i++)
            for (int j = 0; j < na; j++)
                if (i != j && emit(c, ev, &proto, &act[i], &act[j]) < 0) return -1;
        remember_event(c->mem, proto.code, trigger_word(c, g), c->s.tb, act, na, act, na);
        return 0;
    }
    /* the members as placed for the memory: each actor as placed against
     * the first counterpart, each counterpart against the first actor */
    ne_member_t placed_a[NE_MAX_MEMBERS], placed_b[NE_MAX_MEMBERS];
    for (int i = 0; i < na; i++)
        for (int j = 0; j < ncp; j++) {
            ne_member_t a = act[i], b = cp[j];
            resolve_member(c, &a, b.country[0] ? &b : NULL, g->head, 0);
            resolve_member(c, &b, a.country[0] ? &a : NULL, g->head, 1);
            if (j == 0) placed_a[i] = a;
            if (i == 0) placed_b[j] = b;
            if (!quiet && emit(c, ev, &proto, &a, &b) < 0) return -1;
        }
    if (na && ncp) remember_event(c->mem, proto.code, trigger_word(c, g), c->s.tb, placed_a, na, placed_b, ncp);
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
        g->modality = 0;
        g->evnoun = -1;
        if (!coded_group(g)) continue;
        ne_match_t mt;
        if (ne_actions_match(c->s.lx, d, c->s.tb, c->s.te, g, &mt)) {
            g->pat = mt.pat;
            g->target = mt.target;
            g->mend = mt.end;
            g->modality = mt.modality;
            g->evnoun = mt.evnoun;
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
