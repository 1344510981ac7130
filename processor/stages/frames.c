/*
 * frames.c - actor, counterpart and date of each coded verb group.
 *
 * The rules are positional and local, in the spirit of a shallow parser:
 * the subject is the nearest actor mention to the left of the verb group
 * that is not the object of a preposition (past relative clauses and
 * appositions); a relative pronoun stands for the mention before it; a
 * participle clause (", accusing them of") and a coordinated verb ("accused
 * X ... and hailed Y") take the subject of the verb before them at the same
 * depth. In "A said B did C" the subject of "did" is B: reported speech
 * keeps its own subject, and only its modality makes A the actor.
 *
 * Constructions, each in its own section below, settle a group before its
 * verb's own frame is matched: object control and purpose ("urged China to
 * free", "sent inspectors to investigate"), reported obligations ("said
 * Sudan must return"), denials, what a bidding asks for ("demanded that
 * Israel ease": not asserted), the toll of an attack, object-gap relatives
 * ("which Kinshasa accuses of"; on a thing, "the restrictions that it had
 * imposed on Seoul", and on a clause, ", a move that X denounced"), reduced
 * passives (on an event noun, "talks brokered by X", matched object-first),
 * threat formulas and statement participles. The code of an event passes through the code
 * families of grammar.tsv: whose bidding (appeal, demand, permission), then
 * the mood (intention, threat, refusal, agreement, failure).
 */
#include <string.h>

#include "actions.h"
#include "dates.h"
#include "events.h"
#include "frames.h"
#include "sentence.h"

typedef struct ctx_s {
    ne_sent_t s;
    ne_memory_t *mem;
    int bidding;   /* the sentence has a "that" after a bidding word (match_bidden) */
    uint32_t tail; /* where a trailing attribution starts (speech_tail), else te */
    const ne_vgroup_t *coding; /* the group whose events are being emitted, NULL none */
    /* actors of no state named that an event of the sentence placed (same_placement) */
    struct {
        uint32_t start, end;
        char country[4];
    } placed[4];
    int nplaced;
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

/* The CAMEO root of a code: its first two digits as a number ("1831": 18). */
static inline int code_root(const char *code)
{
    return (code[0] - '0') * 10 + (code[1] - '0');
}

/* The root by which an event noun's class (event-nouns.tsv) takes an act:
 * its code's root, but a cyber attack (176) is told as an attack, as the
 * acts of force of roots 18-20 are ("hackers broke into its systems ...
 * called the attack reckless"), and a lawsuit or a conviction (115, 116)
 * is a court's act like the arrests and sentences of root 17, no reaction:
 * "sentenced X ... The verdict was denounced by the opposition ... The
 * ruling was also criticised by Germany" is the court's verdict both times,
 * not the opposition's denunciation (root 11). */
static int class_root(const char *code)
{
    if (!strncmp(code, "176", 3)) return 18;
    if (!strncmp(code, "115", 3) || !strncmp(code, "116", 3)) return 17;
    return code_root(code);
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

/* Is there a verb group (other than a noun or a participle modifier) with
 * its head in tokens [a, b)? */
static int verb_between(const ctx_t *c, uint32_t a, uint32_t b)
{
    for (size_t k = 0; k < c->s.d->vg.n; k++) {
        const ne_vgroup_t *g = &c->s.d->vg.v[k];
        if (g->head >= a && g->head < b && !(g->flags & (NE_VG_NOUN | NE_VG_REDUCED))) return 1;
    }
    return 0;
}

/* If position p is the comma closing an apposition after a usable subject
 * ("Pakistan, a key U.S. ally in the war against terrorism, has refused"),
 * the comma that opens it; else p. An apposition is a noun phrase (it
 * starts with a determiner, a possessive, a number or a mention, and has
 * no verb) right after a mention that can be a subject. */
/* If position p is a comma, the nearest comma before it within max tokens
 * with no stronger mark between (the one that opens the aside p closes);
 * else p. A bracketed acronym inside the aside is part of it ("Mali's
 * partners in the Alliance of Sahel States (AES),"): a ")" is passed back
 * to its "(" when the brackets hold at most two tokens. */
static uint32_t opening_comma(const ctx_t *c, uint32_t p, uint32_t max)
{
    if (!is_punct(c, p, ",")) return p;
    for (uint32_t q = p; q > c->s.tb && p - q < max; q--) {
        uint32_t r = q - 1;
        if (is_punct(c, r, ")") && r >= c->s.tb + 2 && !is_punct(c, r - 1, "()") &&
            (is_punct(c, r - 2, "(") || (r >= c->s.tb + 3 && is_punct(c, r - 3, "(") &&
                                         !is_punct(c, r - 2, "()")))) {
            q = is_punct(c, r - 2, "(") ? r - 1 : r - 2; /* next step looks before "(" */
            continue;
        }
        if (is_punct(c, r, ".;:()\"")) return p;
        if (is_punct(c, r, ",")) return r;
    }
    return p;
}

static uint32_t skip_apposition(const ctx_t *c, uint32_t p)
{
    uint32_t r = opening_comma(c, p, 16);
    if (r == p || r == c->s.tb || r + 1 >= p || verb_between(c, r + 1, p)) return p;
    if (!(wf(c, r + 1) & (NE_W_DET | NE_W_POSS | NE_W_NUM)) && ment_at(c, r + 1) < 0) return p;
    int32_t h = ment_at(c, r - 1);
    if (h < 0) return p;
    const ne_mention_t *hm = &c->s.d->ment.v[h];
    if (!hm->n || (hm->flags & (NE_MF_LOC | NE_MF_REL | NE_MF_NAME | NE_MF_PRON)) ||
        (hm->tb > c->s.tb && (wf(c, hm->tb - 1) & NE_W_PREP)))
        return p;
    return r;
}

/* If position p is the comma closing a participle clause between commas
 * after a mention ("Ethiopia, accusing Egypt of interference, recalled"),
 * the comma that opens it; else p. The clause opens with an -ing
 * participle and has no other verb. */
static uint32_t skip_participle_clause(const ctx_t *c, uint32_t p)
{
    uint32_t r = opening_comma(c, p, 20);
    if (r == p || r == c->s.tb || r + 1 >= p || ment_at(c, r - 1) < 0) return p;
    for (size_t k = 0; k < c->s.d->vg.n; k++) {
        const ne_vgroup_t *g = &c->s.d->vg.v[k];
        if (g->head == r + 1)
            return (g->flags & NE_VG_PARTICIPLE) && !verb_between(c, r + 2, p) ? r : p;
    }
    return p;
}

/* Does a verb group (a gerund read as a noun too) have its head at token k? */
static int any_group_at(const ctx_t *c, uint32_t k)
{
    for (size_t v = 0; v < c->s.d->vg.n; v++)
        if (c->s.d->vg.v[v].head == k) return 1;
    return 0;
}

/* "a US drone strike that killed", "the Afghan attack, which killed": the
 * party named right before the event noun at token `noun`, as its
 * modifier, is the agent of the event and of a relative clause about it.
 * -1 when there is none ("a drone attack that killed": no actor). */
static int32_t noun_agent(const ctx_t *c, uint32_t noun)
{
    int32_t ag = noun > c->s.tb ? ment_at(c, noun - 1) : -1;
    if (ag < 0) return -1;
    const ne_mention_t *m = &c->s.d->ment.v[ag];
    if (m->te != noun || !m->n || (m->flags & (NE_MF_LOC | NE_MF_REL | NE_MF_PRON)) ||
        (m->tb > c->s.tb && (wf(c, m->tb - 1) & NE_W_PREP) && !is_w(c, m->tb - 1, "by") &&
         !(wf(c, m->tb) & NE_W_DET)))
        return -1;
    return ag;
}

static int verb_head_at(const ctx_t *c, uint32_t k);
/* "after an Israeli strike that killed", "a US drone strike that killed":
 * a relative "that" right after an event noun has the noun's agent as
 * subject: the state of an adjective mention that ends with the noun
 * ("an Israeli strike", flag WEAK), or a party named right before it. -1
 * when the group follows no such "that". */
static int32_t event_before_that(const ctx_t *c, const ne_vgroup_t *g)
{
    uint32_t p = g->first;
    while (p > c->s.tb && (is_adverb_like(c, p - 1) || in_timex(c, p - 1))) p--;
    if (p < c->s.tb + 2 || !is_w(c, p - 1, "that")) return -1;
    uint32_t q = p - 2;
    uint32_t noun = ne_lex_noun(c->s.lx, tok(c, q)->word);
    if (noun == NE_LEX_NONE || !ne_lex_noun_roots(c->s.lx, noun) || verb_head_at(c, q)) return -1;
    /* "a UN resolution that seeks to impose an embargo", "a package that
     * would freeze assets": what a text or an act is meant to do is its
     * content, no act of its authors (the relative keeps no subject) */
    if ((g->flags & (NE_VG_FUTURE | NE_VG_MODAL | NE_VG_THREAT)) ||
        (ne_lex_lemma_flags(c->s.lx, g->lemma) & (NE_L_INTENT | NE_L_PROMISE)))
        return -1;
    int32_t m = ment_at(c, q);
    if (m < 0) return noun_agent(c, q);
    const ne_mention_t *mm = &c->s.d->ment.v[m];
    return mm->te == q + 1 && (mm->flags & NE_MF_WEAK) && mm->n ? m : -1;
}

/* "a statement, which accused": the antecedent of the relative pronoun
 * mention rel, the mention before it, or a few nouns back ("a recent State
 * Department statement, which", "a Japanese employee of drug maker Astellas
 * Pharma who"). */
static int32_t relative_antecedent(const ctx_t *c, const ne_mention_t *rel)
{
    uint32_t q = rel->tb;
    while (q > c->s.tb && is_punct(c, q - 1, ",")) q--;
    if (q <= c->s.tb) return -1;
    /* "a drone attack that killed three soldiers": an event is the
     * antecedent, and no actor mention before it is the subject */
    uint32_t noun = ment_at(c, q - 1) < 0 ? ne_lex_noun(c->s.lx, tok(c, q - 1)->word) : NE_LEX_NONE;
    if (noun != NE_LEX_NONE && ne_lex_noun_roots(c->s.lx, noun)) return noun_agent(c, q - 1);
    int32_t a = ment_at(c, q - 1);
    if (a >= 0 && !(c->s.d->ment.v[a].flags & NE_MF_LOC)) {
        /* "a Japanese employee of drug maker Astellas Pharma who": the head
         * of the noun phrase, not the name inside its "of" phrase */
        uint32_t p = c->s.d->ment.v[a].tb;
        /* (a verb form ends the phrase: "accused Pakistan of sheltering
         * militants who": the militants, not Pakistan) */
        for (int n = 0; n < 3 && p > c->s.tb + 1 && !is_w(c, p - 1, "of") && ment_at(c, p - 1) < 0 &&
                        tok(c, p - 1)->kind == NE_TK_WORD && !(tok(c, p - 1)->flags & NE_TF_CAP) &&
                        !wf(c, p - 1) && !any_group_at(c, p - 1);
             n++)
            p--;
        int32_t head = p > c->s.tb + 1 && is_w(c, p - 1, "of") ? ment_at(c, p - 2) : -1;
        /* ("accused Afghanistan of harbouring militants who": a state's bare
         * name heads no "of" phrase; the "of" is the verb's, and the
         * militants are the antecedent) */
        if (head >= 0 && c->s.d->ment.v[head].n == 1 && c->s.d->ment.v[head].m[0].country[0] &&
            !c->s.d->ment.v[head].m[0].role[0])
            head = -1;
        if (head >= 0 && c->s.d->ment.v[head].n && !(c->s.d->ment.v[head].flags & (NE_MF_LOC | NE_MF_REL)))
            return head;
        return a;
    }
    for (uint32_t r2 = q - 1, s = 0; r2 > c->s.tb && s < 7; r2--, s++) {
        a = ment_at(c, r2 - 1);
        /* "a mosque in Pakistan's Khyber Pakhtunkhwa province, which
         * killed": a possessor is no head; the thing it owns is the
         * antecedent, no party */
        if (a >= 0 && (is_w(c, c->s.d->ment.v[a].te - 1, "'s") || is_w(c, c->s.d->ment.v[a].te, "'s")))
            return -1;
        if (a >= 0 && !(c->s.d->ment.v[a].flags & NE_MF_LOC)) return a;
        if (tok(c, r2 - 1)->kind != NE_TK_WORD) break;
        /* "police seized a tanker which had damaged a cable": a thing that
         * is a verb's object is the antecedent itself, not the verb's subject */
        if (r2 - 1 < q - 1 && verb_head_at(c, r2 - 1)) return -1;
        /* "responsible for the collapse, which killed": a thing in a
         * prepositional phrase is the antecedent itself, no party's (an
         * "of", "by" or "from" phrase names its owner or author) */
        if (r2 - 1 < q - 1 && (wf(c, r2 - 1) & NE_W_PREP) && !in_timex(c, r2 - 1) &&
            !is_w(c, r2 - 1, "of") && !is_w(c, r2 - 1, "by") && !is_w(c, r2 - 1, "from"))
            return -1;
    }
    return -1;
}

/* "since Israel began striking": a mention after a word that may open a
 * clause, right before the verb (past adverbs and dates), is its subject
 * even though the word is also a preposition; so is the agent of a noun
 * ("An air strike by the army killed"). */
static int opens_clause(const ctx_t *c, const ne_mention_t *mm, uint32_t verb)
{
    if (mm->tb <= c->s.tb) return 0;
    uint32_t p = mm->tb - 1;
    /* "An air strike by the army killed": the agent of the noun before */
    int agent = is_w(c, p, "by") && p > c->s.tb && ment_at(c, p - 1) < 0 &&
                tok(c, p - 1)->kind == NE_TK_WORD && !(wf(c, p - 1) & ~NE_W_TIMESTART);
    for (size_t k = 0; agent && k < c->s.d->vg.n; k++)
        if (c->s.d->vg.v[k].head == p - 1 && !(c->s.d->vg.v[k].flags & NE_VG_NOUN)) agent = 0;
    if (!agent && !(is_w(c, p, "since") || is_w(c, p, "after") || is_w(c, p, "before") ||
                    is_w(c, p, "until") || is_w(c, p, "as") || is_w(c, p, "once")))
        return 0;
    /* past adverbs, dates, "of/for + mention" and an apposition between
     * commas: "after Pakistan's special envoy for Afghanistan, Mohammad
     * Sadiq, held talks" */
    uint32_t q = mm->te;
    for (int n = 0; q < verb && n < 8; n++) {
        if (is_adverb_like(c, q) || in_timex(c, q)) q++;
        else if ((is_w(c, q, "of") || is_w(c, q, "for")) && ment_at(c, q + 1) >= 0)
            q = c->s.d->ment.v[ment_at(c, q + 1)].te;
        else if (is_punct(c, q, ",") && q + 1 < verb && (wf(c, q + 1) & NE_W_REL)) {
            /* "after M23 rebels, which Kinshasa says are backed by Kigali,
             * seized Goma": a relative clause between commas, verbs and all */
            uint32_t e = q + 1;
            while (e < verb && !is_punct(c, e, ",.;:")) e++;
            if (e >= verb || !is_punct(c, e, ",")) break;
            q = e + 1;
        } else if (is_punct(c, q, ",") && (ment_at(c, q + 1) >= 0 || (wf(c, q + 1) & NE_W_DET) ||
                                         (tok(c, q + 1)->flags & NE_TF_CAP))) {
            uint32_t e = q + 1;
            while (e < verb && !is_punct(c, e, ",.;:")) e++;
            if (e >= verb || !is_punct(c, e, ",") || verb_between(c, q + 1, e)) break;
            q = e + 1;
        } else
            break;
    }
    return q == verb;
}

/* Does a preposition come before token tb, past up to three plain lower-case
 * modifiers, one of them possibly a participle the verb reader took for an
 * infinitive after "to" ("gunmen loyal to ousted Libyan leader X")? */
static int object_after_modifiers(const ctx_t *c, uint32_t tb)
{
    uint32_t q = tb;
    for (int n = 0; n < 3 && q > c->s.tb + 1; n++) {
        const ne_token_t *t = tok(c, q - 1);
        if (t->kind != NE_TK_WORD || (t->flags & NE_TF_CAP) || wf(c, q - 1) || ment_at(c, q - 1) >= 0)
            return 0;
        for (size_t k = 0; k < c->s.d->vg.n; k++) {
            const ne_vgroup_t *v = &c->s.d->vg.v[k];
            if (v->head == q - 1 && !(v->flags & NE_VG_NOUN) &&
                !((v->flags & NE_VG_INFINITIVE) && v->first == v->head && is_w(c, q - 2, "to")))
                return 0;
        }
        q--;
        /* "and in return Washington would pause": "in" and a noun of
         * class ADVERBIAL_IN make an adverb, not a phrase with an object */
        if (is_w(c, q - 1, "in") && ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_ADVERBIAL_IN), tok(c, q)->word))
            return 0;
        if ((wf(c, q - 1) & NE_W_PREP) && !is_w(c, q - 1, "than")) return 1;
    }
    return 0;
}

/* The nearest mention before position i that can be a subject. */
/* "southern", "north-eastern", "northwestern": a lowercase word of the
 * compass ("-ern"), found by its shape. */
static int compass_adjective(const ctx_t *c, uint32_t k)
{
    const ne_token_t *t = tok(c, k);
    if (t->kind != NE_TK_WORD || (t->flags & NE_TF_CAP) || t->fold_len < 7) return 0;
    const char *w = ne_tok_fold(c->s.d, t);
    return !memcmp(w + t->fold_len - 3, "ern", 3) &&
           (!memcmp(w, "north", 5) || !memcmp(w, "south", 5) || !memcmp(w, "east", 4) || !memcmp(w, "west", 4));
}

/* "after a powerful earthquake struck the Atlas Mountains": right before
 * the verb (past adverbs and dates) a noun phrase of plain words that opens
 * with a determiner names a thing, the verb's subject. "A Russian missile
 * strike killed" has an actor in its phrase. Returns the determiner's
 * token + 1, or 0. */
static int other_verb_at(const ctx_t *c, uint32_t k);
static int thing_subject(const ctx_t *c, uint32_t verb)
{
    uint32_t p = verb;
    while (p > c->s.tb && (is_adverb_like(c, p - 1) || in_timex(c, p - 1))) p--;
    int words = 0;
    for (; p > c->s.tb && words < 4; p--, words++) {
        uint32_t q = p - 1;
        if (ment_at(c, q) >= 0 || tok(c, q)->kind != NE_TK_WORD || (tok(c, q)->flags & NE_TF_CAP))
            return 0;
        if (wf(c, q) & NE_W_DET)
            return words > 0 && !(wf(c, q) & (NE_W_NUM | NE_W_PREP)) ? (int)q + 1 : 0;
        if (wf(c, q) || other_verb_at(c, q)) return 0;
    }
    return 0;
}

/* "Kharkiv was hit by Russian air strikes": a place right before a passive
 * verb (past adverbs and dates), not the object of a preposition, is what
 * the act was done to; a place is never the subject of an active verb. */
static int place_patient(const ctx_t *c, const ne_mention_t *mm, uint32_t verb)
{
    if (!(mm->flags & NE_MF_LOC) || (mm->flags & NE_MF_RECIP) || mm->n != 1 ||
        !mm->m[0].country[0])
        return 0;
    uint32_t p = mm->te;
    while (p < verb && (is_adverb_like(c, p) || in_timex(c, p))) p++;
    if (p != verb) return 0;
    return mm->tb == c->s.tb || !(wf(c, mm->tb - 1) & NE_W_PREP);
}

/* Is token k the head of a verb group that reports speech ("said")? */
static int say_head_at(const ctx_t *c, uint32_t k)
{
    for (size_t g = 0; g < c->s.d->vg.n; g++)
        if (c->s.d->vg.v[g].head == k) return (c->s.d->vg.v[g].flags & NE_VG_SAY) != 0;
    return 0;
}

#define MAX_BARE_SUBJECT 4 /* plain words of a subject with no determiner */

/* "Police said unknown assailants had attacked a bus": a reported clause
 * whose subject is a noun phrase with no determiner and no party (plain
 * lower-case words right after the verb of speech or its "that") has no
 * actor, as one with a determiner has none (thing_subject): not the
 * speaker. ("Vietnam said Chinese survey ships had intruded" names China.) */
static int bare_reported_thing(const ctx_t *c, uint32_t verb)
{
    uint32_t p = verb;
    while (p > c->s.tb && (is_adverb_like(c, p - 1) || in_timex(c, p - 1))) p--;
    uint32_t words = 0;
    for (; p > c->s.tb && words < MAX_BARE_SUBJECT; p--, words++) {
        uint32_t q = p - 1;
        if (ment_at(c, q) >= 0 || tok(c, q)->kind != NE_TK_WORD || (tok(c, q)->flags & NE_TF_CAP) ||
            wf(c, q) || other_verb_at(c, q))
            break;
    }
    if (!words || p <= c->s.tb + 1) return 0;
    uint32_t q = p - 1;
    if (is_w(c, q, "that") && q > c->s.tb) q--;
    return say_head_at(c, q);
}

/* "after a Chinese helicopter that took off from a ship violated
 * Japanese airspace": a relative pronoun at p, right after a party, whose
 * clause has its own verb before the verb at i, closes a relative on the
 * subject of i: the party is that subject. -1 otherwise. */
static int32_t relative_subject(const ctx_t *c, uint32_t p, uint32_t i)
{
    if (p + 1 >= i || p <= c->s.tb || !(wf(c, p) & NE_W_REL) || ment_at(c, p) >= 0 ||
        !verb_between(c, p + 1, i))
        return -1;
    int32_t a = ment_at(c, p - 1);
    if (a < 0) return -1;
    const ne_mention_t *mm = &c->s.d->ment.v[a];
    if (!mm->n || (mm->flags & (NE_MF_LOC | NE_MF_REL | NE_MF_RECIP))) return -1;
    /* (the antecedent opens the clause: no preposition or verb before it,
     * but a word that opens a clause may be one: "after", "before") */
    uint32_t b = mm->tb > c->s.tb ? mm->tb - 1 : mm->tb;
    if (b < mm->tb && !(wf(c, b) & NE_W_SUBORD) &&
        !ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_CLAUSE_TIME), tok(c, b)->word) &&
        ((wf(c, b) & NE_W_PREP) || verb_head_at(c, b)))
        return -1;
    return a;
}

/* "A joint statement by France and Germany condemned", "a letter from
 * the two ministers urged": a statement (word class speech-noun) that
 * opens its clause speaks for its authors, the party after "by" or "from"
 * (the preposition at p), and what it says is their act. The statement's
 * noun phrase opens the sentence or follows "that" or a comma. */
static int statement_by(const ctx_t *c, uint32_t p)
{
    if (p < c->s.tb + 2 || !(is_w(c, p, "by") || is_w(c, p, "from")) || !(wf(c, p - 1) & NE_W_SPEECH_NOUN) ||
        ment_at(c, p - 1) >= 0)
        return 0;
    uint32_t q = p - 1; /* back over a few modifiers ("joint", "new") to the determiner */
    while (q > c->s.tb && p - q < 4 && !(wf(c, q - 1) & (NE_W_DET | NE_W_POSS)) && ment_at(c, q - 1) < 0 &&
           tok(c, q - 1)->kind == NE_TK_WORD && !wf(c, q - 1) && !verb_head_at(c, q - 1))
        q--;
    if (q > c->s.tb && (wf(c, q - 1) & (NE_W_DET | NE_W_POSS))) q--;
    return q == c->s.tb || is_punct(c, q - 1, ",") || is_w(c, q - 1, "that");
}

static int32_t subject_left(const ctx_t *c, uint32_t i, int passive)
{
    /* "after a powerful storm hit the city": a clause opened by a
     * subordinator whose subject is a thing has no actor */
    int det = thing_subject(c, i);
    if (det > 1 && (uint32_t)det - 1 > c->s.tb &&
        ((wf(c, (uint32_t)det - 2) & NE_W_SUBORD) ||
         ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_CLAUSE_TIME), tok(c, (uint32_t)det - 2)->word)))
        return -1;
    /* "the ministry said (that) the boats had entered": a reported clause
     * whose subject is a thing has no actor either, not the speaker */
    if (det > 1 && (uint32_t)det - 1 > c->s.tb) {
        uint32_t q = (uint32_t)det - 2;
        if (is_w(c, q, "that") && q > c->s.tb) q--;
        if (say_head_at(c, q)) return -1;
        /* "told Reuters (that) the boat had entered", "said on Monday the
         * boat": past an addressee or a date, a few plain words */
        for (uint32_t b = q, n = 0; b > c->s.tb && n < 3; n++) {
            int32_t am = ment_at(c, b);
            if (am >= 0) b = c->s.d->ment.v[am].tb;
            else if (tok(c, b)->kind != NE_TK_WORD || any_group_at(c, b)) break;
            if (b <= c->s.tb) break;
            if (say_head_at(c, --b)) return -1;
        }
    }
    if (bare_reported_thing(c, i)) return -1;
    uint32_t k = i;
    int32_t of_object = -1; /* "A convoy of the United Nations was attacked" */
    int32_t by_agent = -1;  /* "the arrest of X by Y": Y */
    uint32_t time_cls = ne_lex_gclass(c->s.lx, NE_GC_CLAUSE_TIME);
    for (int steps = 0; steps < 60 && k > c->s.tb; steps++) {
        uint32_t p = k - 1;
        int32_t ante = relative_subject(c, p, i);
        if (ante >= 0) return ante;
        /* "a day after an attack on a defence company near Ankara killed":
         * the verb's clause opens at "after" (or "because", "while", ...) and
         * no party in it is the subject: a thing is, none left of it ("once
         * again", "so far", "where" and "whether" open no such clause) */
        if (p + 1 < i && ment_at(c, p) < 0 && tok(c, p)->kind == NE_TK_WORD &&
            (((wf(c, p) & NE_W_SUBORD) && !is_w(c, p, "once") && !is_w(c, p, "so") &&
              !is_w(c, p, "where") && !is_w(c, p, "whether")) ||
             ne_lex_in_class(c->s.lx, time_cls, tok(c, p)->word)))
            return of_object; /* ("after tens of thousands of students blocked") */
        /* "Lawmakers voted ..., and thousands of protesters gathered": a
         * clause coordinated after a comma has its own subject; an "of"
         * object in it is that subject, not a party before the comma */
        if (of_object >= 0 && p > c->s.tb && (is_w(c, p, "and") || is_w(c, p, "but")) && is_punct(c, p - 1, ","))
            return of_object;
        /* the period of "Marcos Jr." is inside the name, not the sentence's end */
        if (is_punct(c, p, ".;:") && ment_at(c, p) < 0 &&
            !(is_punct(c, p, ".") && p > c->s.tb && (wf(c, p - 1) & NE_W_NAME_SUFFIX)))
            return of_object;
        uint32_t r = skip_relative(c, p);
        if (r == p) r = skip_apposition(c, p);
        if (r == p) r = skip_participle_clause(c, p);
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
        if (mm->flags & NE_MF_REL) return relative_antecedent(c, mm);
        if (passive && place_patient(c, mm, i)) return m;
        if (mm->flags & (NE_MF_LOC | NE_MF_RECIP)) continue;
        if (!mm->n && !(mm->flags & NE_MF_SPEAKER)) continue;
        if ((mm->flags & NE_MF_NAME) && !passive) continue;
        if (opens_clause(c, mm, i)) return m;
        /* the object of a preposition is not a subject ("of Chinese naval
         * movements", "in Pakistan's Balochistan province", "in southern
         * Lebanon": past a compass adjective) */
        uint32_t pp = mm->tb > c->s.tb ? mm->tb - 1 : mm->tb;
        if (pp > c->s.tb && compass_adjective(c, pp)) pp--;
        /* "Up to 100 ethnic Albanians demonstrated": "up to" is a quantity */
        int up_to = pp > c->s.tb && is_w(c, pp, "to") && is_w(c, pp - 1, "up");
        if (pp < mm->tb && (wf(c, pp) & NE_W_PREP) && !is_w(c, pp, "than") && !up_to) {
            if (!passive && statement_by(c, pp)) return m;
            /* "The arrest of a journalist by Burkinabe police drew
             * criticism": an event noun's by-agent after its of-phrase
             * stands for the phrase, not the party it acted on */
            if (!passive && by_agent < 0 && of_object < 0 && is_w(c, pp, "by")) by_agent = m;
            if (of_object < 0 && is_w(c, pp, "of")) of_object = by_agent >= 0 ? by_agent : m;
            continue;
        }
        /* nor is one after a few modifiers ("loyal to ousted leader X") */
        if (object_after_modifiers(c, mm->tb)) continue;
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
static int32_t control_object(const ctx_t *c, const ne_vgroup_t *h);
/* Members of the co-authors of a statement participle (the object of
 * "join X in"), appended to act[na..max); returns the new count. */
static int co_authors(ctx_t *c, size_t gi, ne_member_t *act, int na, int max);

/* A group's subject, found on first use: most verb forms of a sentence
 * code nothing and never need one. */
static int32_t group_subject(ctx_t *c, size_t gi)
{
    ne_vgroup_t *g = &c->s.d->vg.v[gi];
    if (g->subj == -2)
        g->subj = coded_group(g) || (g->flags & NE_VG_CONTROLLED) ? find_subject(c, gi) : -1;
    return g->subj;
}

/* The subject of the previous finite verb, which a participle or a
 * coordinated verb shares ("an earthquake struck ..., killing": not the
 * subject of a verb before that). */
static int thing_subject(const ctx_t *c, uint32_t verb);
static int closed_relative(const ctx_t *c, size_t k, uint32_t until);
static int32_t previous_subject(ctx_t *c, size_t gi)
{
    for (size_t k = gi; k > 0; k--) {
        const ne_vgroup_t *p = &c->s.d->vg.v[k - 1];
        if (!coded_group(p)) continue;
        /* "vetoed a resolution that demanded a ceasefire, drawing criticism":
         * a participle hangs on the main clause, not on a closed relative */
        if ((c->s.d->vg.v[gi].flags & NE_VG_PARTICIPLE) && closed_relative(c, k - 1, c->s.d->vg.v[gi].first))
            continue;
        /* ", killing 2,000 people" after "a powerful earthquake struck": a
         * thing did it, no actor */
        if ((c->s.d->vg.v[gi].flags & NE_VG_PARTICIPLE) && thing_subject(c, p->first)) return -1;
        return group_subject(c, k - 1);
    }
    return -1;
}

static int32_t complement_governor(const ctx_t *c, size_t gi, uint32_t p);

/* Where the clause of a group starts: at its subject when that is right
 * before it (past adverbs and dates), else at its first token. */
static uint32_t clause_start(const ctx_t *c, const ne_vgroup_t *g)
{
    uint32_t p = g->first;
    while (p > c->s.tb && (is_adverb_like(c, p - 1) || in_timex(c, p - 1))) p--;
    if (p > c->s.tb && ment_at(c, p - 1) >= 0) p = c->s.d->ment.v[ment_at(c, p - 1)].tb;
    return p;
}

/* Has the relative clause of group k ended before token `until` ("what it
 * called protectionist practices and said", "a statement, which accused
 * Russia, and hailed")? A clause after "which", "who" or "that" ends at a
 * comma; one after "what" is a noun phrase, and ends with it. A verb in
 * the clause itself ("which accused Russia and hailed") shares its subject. */
static int relative_ended(const ctx_t *c, size_t k, uint32_t until)
{
    uint32_t p = clause_start(c, &c->s.d->vg.v[k]);
    int32_t m = ment_at(c, p);
    int rel = m >= 0 && (c->s.d->ment.v[m].flags & NE_MF_REL);
    if (!rel && p > c->s.tb && is_w(c, p - 1, "what")) return 1;
    if (!rel && !(p > c->s.tb && (wf(c, p - 1) & NE_W_REL))) return 0;
    for (uint32_t q = c->s.d->vg.v[k].head + 1; q < until; q++)
        if (is_punct(c, q, ",")) return 1;
    return 0;
}

/* clause_start, past a subject that is a plain noun phrase of no party
 * opening with a determiner ("said the strikes had killed civilians"). */
static uint32_t thing_clause_start(const ctx_t *c, const ne_vgroup_t *g)
{
    uint32_t p = clause_start(c, g);
    if (p != g->first) return p;
    for (uint32_t k = p; k > c->s.tb && p - k < 4; k--) {
        uint32_t w = k - 1;
        const ne_token_t *t = tok(c, w);
        if (t->kind != NE_TK_WORD || ment_at(c, w) >= 0) return p;
        if (wf(c, w) & (NE_W_DET | NE_W_POSS)) return w;
        if (wf(c, w) || verb_head_at(c, w)) return p;
    }
    return p;
}

static uint8_t lemma_forms(const ctx_t *c, uint32_t i, uint32_t lemma);
static uint32_t subjunctive_that(const ctx_t *c, const ne_vgroup_t *h);

/* "Turkey demanded that Sweden expel the militants and accused it of
 * harbouring them": a verb with auxiliaries or in the past cannot be
 * coordinated with a mandative subjunctive (a bare base form in a "that"
 * clause, asked for and not done), so it is not that clause's: it shares
 * the subject of the verb that bids. Is group v such a subjunctive and g
 * no bare base form? */
static int past_subjunctive(const ctx_t *c, const ne_vgroup_t *v, const ne_vgroup_t *g)
{
    ne_vgroup_t bare = *v;
    bare.flags &= ~NE_VG_CONTROLLED; /* (set once match_bidden has read it) */
    if (!subjunctive_that(c, &bare)) return 0;
    if (g->first != g->head) return 1;
    uint8_t forms = lemma_forms(c, g->head, g->lemma);
    return (forms & NE_F_PAST) && !(forms & NE_F_BASE);
}

/* The group whose subject a coordinated verb shares ("urged Brussels to
 * correct what it called protectionist practices and said ..."): the
 * nearest coded verb before it at the same depth, past relative clauses,
 * and for a verb that reports (said, warned, urged) past the clauses that
 * verbs report too ("told lawmakers that martial law would ... and
 * accused"); -1 none. */
static int32_t conjunct_group(ctx_t *c, size_t gi)
{
    /* "said Chinese vessels had rammed and blocked one of its ships": a bare
     * verb right after "and" right after the head of a verb with no object
     * of its own shares that verb's auxiliaries, subject and object */
    if (gi > 0) {
        const ne_vgroup_t *v = &c->s.d->vg.v[gi - 1], *g = &c->s.d->vg.v[gi];
        if (g->first == g->head && g->first == v->head + 2 && is_w(c, v->head + 1, "and") &&
            !(v->flags & (NE_VG_NOUN | NE_VG_CONSUMED | NE_VG_INFINITIVE | NE_VG_PARTICIPLE | NE_VG_REDUCED)) &&
            !(g->flags & (NE_VG_NOUN | NE_VG_PARTICIPLE)))
            return (int32_t)(gi - 1);
    }
    uint32_t lf = ne_lex_lemma_flags(c->s.lx, c->s.d->vg.v[gi].lemma);
    int reports = (c->s.d->vg.v[gi].flags & NE_VG_SAY) ||
                  (lf & (NE_L_REPORT | NE_L_APPEAL | NE_L_DEMAND | NE_L_ORDER | NE_L_DENY));
    for (size_t k = gi; k > 0; k--) {
        if (!coded_group(&c->s.d->vg.v[k - 1]) ||
            relative_ended(c, k - 1, c->s.d->vg.v[gi].first))
            continue;
        if (reports && complement_governor(c, k - 1, clause_start(c, &c->s.d->vg.v[k - 1])) >= 0)
            continue;
        if (past_subjunctive(c, &c->s.d->vg.v[k - 1], &c->s.d->vg.v[gi])) continue;
        /* "said Cambodian troops had opened fire first, and accused Phnom
         * Penh of": a bare finite verb does not coordinate with a reported
         * verb that has auxiliaries, but with the verb that reports it */
        const ne_vgroup_t *v = &c->s.d->vg.v[k - 1], *g = &c->s.d->vg.v[gi];
        if (g->first == g->head && v->first != v->head && !(g->flags & NE_VG_PARTICIPLE) &&
            complement_governor(c, k - 1, thing_clause_start(c, v)) >= 0)
            continue;
        return (int32_t)(k - 1);
    }
    return -1;
}

/* Is token k the head of a verb group that is no noun (a verb of its own)? */
static int verb_head_at(const ctx_t *c, uint32_t k)
{
    /* only a verb form heads a group: one look-up rules most tokens out */
    if (k < c->s.tb || k >= c->s.te || tok(c, k)->word < 0 ||
        ne_lex_vforms(c->s.lx, tok(c, k)->word) == NE_LEX_NONE)
        return 0;
    for (size_t v = 0; v < c->s.d->vg.n; v++)
        if (c->s.d->vg.v[v].head == k) return !(c->s.d->vg.v[v].flags & NE_VG_NOUN);
    return 0;
}

/* "a statement that accused": the group follows a relative "that" after a
 * plain noun ("said that", "warned Ankara that" are complements, not
 * relatives), whose antecedent is no actor. */
static int after_relative_that(const ctx_t *c, const ne_vgroup_t *g)
{
    uint32_t p = g->first;
    while (p > c->s.tb && (is_adverb_like(c, p - 1) || in_timex(c, p - 1))) p--;
    if (p < c->s.tb + 2 || !is_w(c, p - 1, "that")) return 0;
    uint32_t q = p - 2;
    while (q > c->s.tb && in_timex(c, q)) q--;
    const ne_token_t *t = tok(c, q);
    if (ment_at(c, q) >= 0 || t->kind != NE_TK_WORD || (wf(c, q) & (NE_W_PREP | NE_W_CONJ))) return 0;
    if (ne_lex_vforms(c->s.lx, t->word) == NE_LEX_NONE) return 1;
    /* "a drone attack that killed": an event noun read as a noun */
    uint32_t noun = ne_lex_noun(c->s.lx, t->word);
    return noun != NE_LEX_NONE && ne_lex_noun_roots(c->s.lx, noun) && !verb_head_at(c, q);
}

static int32_t event_noun_before(const ctx_t *c, uint32_t p);

/* Is the antecedent of the group's relative "that" a noun of speech that
 * the verb before it issues ("adopted a resolution that", "issued a
 * statement that"; lemma class author: not "vetoed a resolution that")? */
static int after_speech_noun(const ctx_t *c, size_t gi)
{
    const ne_vgroup_t *g = &c->s.d->vg.v[gi];
    int issued = 0;
    for (size_t k = gi; k > 0 && !issued; k--) {
        const ne_vgroup_t *v = &c->s.d->vg.v[k - 1];
        if (!coded_group(v)) continue;
        if (!(ne_lex_lemma_flags(c->s.lx, v->lemma) & NE_L_AUTHOR)) return 0;
        issued = 1;
    }
    if (!issued) return 0;
    /* what the statement says, not what it aims or plans to do ("a
     * resolution that aims to tighten sanctions") */
    if (ne_lex_lemma_flags(c->s.lx, g->lemma) & (NE_L_INTENT | NE_L_PROMISE | NE_L_ACT | NE_L_ASPECT |
                                                  NE_L_THREAT | NE_L_REFUSE | NE_L_FAIL | NE_L_AGREE))
        return 0;
    uint32_t p = g->first;
    while (p > c->s.tb && (is_adverb_like(c, p - 1) || in_timex(c, p - 1))) p--;
    if (p < c->s.tb + 2 || !is_w(c, p - 1, "that")) return 0;
    uint32_t q = p - 2; /* "a resolution on Monday that" */
    while (q > c->s.tb && in_timex(c, q)) q--;
    return (wf(c, q) & NE_W_SPEECH_NOUN) != 0;
}

/* Is the relative word at k a mention that stands for an actor (its
 * antecedent one: "Hamas, which was praised")? */
static int actor_relative(const ctx_t *c, uint32_t k)
{
    int32_t m = ment_at(c, k);
    return m >= 0 && c->s.d->ment.v[m].n > 0;
}

/* "a ceremony hosted by X", "talks in Pretoria brokered by X", "The
 * meeting at the palace, hosted by X,", "Talks between A and B were
 * mediated by X": the token of the event noun (event-nouns.tsv) that a
 * passive verb after it is done to, past the phrases after prepositions
 * that follow the noun (and one comma before a reduced participle); -1
 * when the patient is no event noun. A mention with no preposition before
 * it is the verb's own subject. */
/* "The suspension of the dialogue, announced by X on social media, was
 * criticised by Y": a reduced passive participle clause between commas right
 * before the verb group at p is an aside on the subject, as a list's aside
 * is (", among them X,"); the subject ends before its opening comma. That
 * comma's token, else p. */
static uint32_t skip_participle_aside(const ctx_t *c, uint32_t p)
{
    if (!is_punct(c, p - 1, ",")) return p;
    uint32_t r = opening_comma(c, p - 1, 16);
    if (r == p - 1 || r <= c->s.tb) return p;
    /* ", among them the drug lord X,", ", including its leader,": a list's
     * aside (class INCLUDING) with no verb of its own */
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_INCLUDING);
    if (cls != NE_LEX_NONE && ne_actions_class_at(c->s.lx, c->s.d, c->s.tb, c->s.te, cls, r + 1) &&
        !verb_between(c, r + 1, p - 1))
        return r;
    for (size_t k = 0; k < c->s.d->vg.n; k++) {
        const ne_vgroup_t *v = &c->s.d->vg.v[k];
        if (v->first == r + 1)
            return (v->flags & NE_VG_PASSIVE) && v->first == v->head && !verb_between(c, v->head + 1, p - 1) ? r
                                                                                                              : p;
    }
    return p;
}

static int32_t event_patient(const ctx_t *c, const ne_vgroup_t *g)
{
    if (!(g->flags & NE_VG_PASSIVE) || (g->flags & NE_VG_CONTROLLED)) return -1;
    uint32_t p = g->first;
    while (p > c->s.tb && (is_adverb_like(c, p - 1) || in_timex(c, p - 1))) p--;
    if (g->first == g->head && p > c->s.tb + 1 && is_punct(c, p - 1, ",")) p--;
    else if (p > c->s.tb + 1) p = skip_participle_aside(c, p);
    /* "The swap took place at Ankara airport and was coordinated by X": the
     * subject of the first conjunct ("was welcomed by Chile but criticised
     * by Washington" too) */
    if (p > c->s.tb + 1 && (is_w(c, p - 1, "and") || is_w(c, p - 1, "but"))) {
        for (size_t k = c->s.d->vg.n; k > 0; k--) {
            const ne_vgroup_t *v = &c->s.d->vg.v[k - 1];
            if (v->head >= p - 1 || (v->flags & (NE_VG_NOUN | NE_VG_INFINITIVE))) continue;
            return (v->flags & (NE_VG_REDUCED | NE_VG_PARTICIPLE)) ? -1 : event_noun_before(c, v->first);
        }
        return -1;
    }
    /* "a decision that was condemned by X", "the raid, which was carried
     * out by X": the subject is a relative word, whose antecedent is the
     * noun before it */
    if (p > c->s.tb + 1 && (is_w(c, p - 1, "that") || is_w(c, p - 1, "which")) && !actor_relative(c, p - 1)) {
        uint32_t q = p - 1;
        if (is_w(c, q, "which") && is_punct(c, q - 1, ",")) q--;
        return event_noun_before(c, q);
    }
    return event_noun_before(c, p);
}

/* "The suspension of the dialogue was criticised", "the release of the
 * talks' hostages": an event noun at q inside the of-phrase of another event
 * noun is no head; the noun before "of" (with a determiner and plain words
 * at most between) heads the phrase. That noun's token, else q. Bounded to
 * four words. */
static uint32_t of_phrase_head(const ctx_t *c, uint32_t q)
{
    uint32_t k = q;
    for (int n = 0; n < 4 && k > c->s.tb + 1; n++) {
        uint32_t p = k - 1;
        if (is_w(c, p, "of")) {
            uint32_t h = p - 1;
            uint32_t noun = ment_at(c, h) < 0 && tok(c, h)->kind == NE_TK_WORD ? ne_lex_noun(c->s.lx, tok(c, h)->word)
                                                                              : NE_LEX_NONE;
            return noun != NE_LEX_NONE && ne_lex_noun_roots(c->s.lx, noun) ? h : q;
        }
        if (tok(c, p)->kind != NE_TK_WORD || ment_at(c, p) >= 0 || verb_head_at(c, p) ||
            (wf(c, p) && !(wf(c, p) & (NE_W_DET | NE_W_POSS))))
            return q;
        k = p;
    }
    return q;
}

/* Is token q the head of a bare infinitive group right after "to" ("a
 * decision to suspend")? */
static int noun_infinitive(const ctx_t *c, uint32_t q)
{
    if (q <= c->s.tb + 1 || !is_w(c, q - 1, "to")) return 0;
    for (size_t v = 0; v < c->s.d->vg.n; v++) {
        const ne_vgroup_t *g = &c->s.d->vg.v[v];
        if (g->head == q) return (g->flags & NE_VG_INFINITIVE) && g->first == g->head;
    }
    return 0;
}

/* The event noun whose phrase ends right before token p (event_patient). */
static int noun_infinitive(const ctx_t *c, uint32_t q);
/* Is token k the head of a verb group with no auxiliary (a bare
 * participle: "imposed", "staged") that is no noun? */
static int bare_participle_at(const ctx_t *c, uint32_t k)
{
    for (size_t v = 0; v < c->s.d->vg.n; v++) {
        const ne_vgroup_t *g = &c->s.d->vg.v[v];
        if (g->head == k) return g->first == g->head && !(g->flags & (NE_VG_NOUN | NE_VG_INFINITIVE));
    }
    return 0;
}

static int32_t event_noun_before(const ctx_t *c, uint32_t p)
{
    while (p > c->s.tb && (is_adverb_like(c, p - 1) || in_timex(c, p - 1))) p--;
    /* walking left: a head noun is due right before the verb and after
     * each preposition; in between lie the words of a phrase */
    int head_due = 1;
    for (int steps = 0; steps < 12 && p > c->s.tb; steps++) {
        uint32_t q = p - 1;
        int32_t m = ment_at(c, q);
        if (m >= 0) {
            const ne_mention_t *mm = &c->s.d->ment.v[m];
            q = mm->tb;
            /* "Sudan was praised": a mention with nothing before it that
             * makes it part of a phrase is the subject */
            if ((mm->flags & NE_MF_REL) || q <= c->s.tb || is_punct(c, q - 1, ",;:.") ||
                (verb_head_at(c, q - 1) && !noun_infinitive(c, q - 1)) || (wf(c, q - 1) & (NE_W_REL | NE_W_SUBORD)))
                return -1;
            head_due = 0;
            p = q;
            continue;
        }
        if (tok(c, q)->kind != NE_TK_WORD)
            return -1;
        /* "The sanctions imposed by Washington on Monday were condemned": a
         * bare participle with its "by" agent is a reduced relative inside
         * the subject's phrase; the noun before it heads the phrase */
        if (!head_due && is_w(c, q, "by") && q > c->s.tb + 1 && bare_participle_at(c, q - 1)) {
            p = q - 1;
            head_due = 1;
            continue;
        }
        uint32_t noun = ne_lex_noun(c->s.lx, tok(c, q)->word);
        /* "Talks between A and B were": a head noun before its phrase, even
         * where the verb reader took it for a verb */
        if (head_due && noun != NE_LEX_NONE && ne_lex_noun_roots(c->s.lx, noun) &&
            (q + 1 == p || (wf(c, q + 1) & NE_W_PREP) || !verb_head_at(c, q)))
            return (int32_t)of_phrase_head(c, q);
        /* "The decision by Caracas to suspend relations with Lima was
         * rejected": an infinitive that complements the noun is inside
         * its phrase */
        if (noun_infinitive(c, q)) {
            p = q - 1;
            head_due = 0;
            continue;
        }
        if (verb_head_at(c, q) ||
            (wf(c, q) & (NE_W_REL | NE_W_SUBORD | NE_W_PRON | NE_W_BE | NE_W_HAVE | NE_W_MODAL |
                         NE_W_FUTURE | NE_W_NEG)))
            return -1;
        if (head_due) {
            if (wf(c, q) & (NE_W_PREP | NE_W_CONJ)) return -1;
            head_due = 0; /* another noun heads the phrase: "the venue" */
        } else if (wf(c, q) & NE_W_PREP) {
            head_due = 1;
        }
        p = q;
    }
    return -1;
}

/* Is the participle group g a clause between commas right before the
 * verb of its subject ("Ethiopia, accusing Egypt of ..., recalled")? */
static int parenthetical_participle(const ctx_t *c, const ne_vgroup_t *g)
{
    uint32_t e = g->head + 1;
    while (e < c->s.te && e - g->head < 20 && !is_punct(c, e, ",.;:()\"")) e++;
    if (e + 1 >= c->s.te || !is_punct(c, e, ",")) return 0;
    uint32_t v = e + 1;
    while (v < c->s.te && (is_adverb_like(c, v) || in_timex(c, v))) v++;
    return verb_head_at(c, v) && skip_participle_clause(c, e) == g->head - 1;
}

/* "Accusing Kyiv of terrorism, Moscow vowed to retaliate": a participle
 * clause that opens the sentence belongs to the subject of the main clause:
 * the mention right after the comma that ends it, when a verb group starts
 * after that mention. Returns the mention, or -1. (Not after "after" or
 * "while": "After meeting X, Y praised Z" added an unmatched event to a
 * held-out set, a meeting its coders leave to the main verb.) */
static int32_t fronted_participle_subject(const ctx_t *c, const ne_vgroup_t *g)
{
    if (!(g->flags & NE_VG_PARTICIPLE) || g->first != g->head || g->first != c->s.tb) return -1;
    uint32_t e = g->head + 1;
    while (e < c->s.te && e - g->head < 20 && !is_punct(c, e, ",.;:()\"")) e++;
    if (e + 1 >= c->s.te || !is_punct(c, e, ",")) return -1;
    int32_t m = ment_at(c, e + 1);
    if (m < 0 || c->s.d->ment.v[m].tb != e + 1 || !c->s.d->ment.v[m].n ||
        (c->s.d->ment.v[m].flags & (NE_MF_REL | NE_MF_LOC)))
        return -1;
    uint32_t v = c->s.d->ment.v[m].te;
    while (v < c->s.te && (is_adverb_like(c, v) || in_timex(c, v))) v++;
    for (size_t k = 0; k < c->s.d->vg.n; k++) {
        const ne_vgroup_t *h = &c->s.d->vg.v[k];
        if (h->first == v && !(h->flags & (NE_VG_NOUN | NE_VG_PARTICIPLE | NE_VG_REDUCED))) return m;
    }
    return -1;
}

/* Is there a coded verb group before group gi? */
static int coded_before(const ctx_t *c, size_t gi)
{
    for (size_t k = 0; k < gi; k++)
        if (coded_group(&c->s.d->vg.v[k])) return 1;
    return 0;
}

/* The antecedent of "which/who MENTION said V", "which, MENTION says, V"
 * or "fighters that MENTION says V" right before group g (V's first token):
 * the subject of the reported V, not the reporter. -2 when g is no such
 * verb; -1 when it is and the antecedent is an event or no actor. */
static int32_t reported_relative(const ctx_t *c, const ne_vgroup_t *g)
{
    uint32_t p = g->first;
    if (p < c->s.tb + 3) return -2;
    if (is_punct(c, p - 1, ",")) p--; /* "which, the government says, killed" */
    const ne_vgroup_t *say = NULL;
    for (size_t k = 0; k < c->s.d->vg.n; k++)
        if (c->s.d->vg.v[k].head == p - 1 && (c->s.d->vg.v[k].flags & NE_VG_SAY)) say = &c->s.d->vg.v[k];
    if (!say) return -2;
    uint32_t q = say->first;
    int32_t m = q > c->s.tb ? ment_at(c, q - 1) : -1;
    if (m < 0 || c->s.d->ment.v[m].te != q || c->s.d->ment.v[m].tb <= c->s.tb) return -2;
    uint32_t w = c->s.d->ment.v[m].tb - 1; /* the relative word */
    if (w > c->s.tb && p < g->first && is_punct(c, w, ",")) w--;
    else if (p < g->first) return -2; /* the comma after the reporter opens a parenthetical only */
    int32_t r = ment_at(c, w);
    if (r >= 0 && (c->s.d->ment.v[r].flags & NE_MF_REL)) return relative_antecedent(c, &c->s.d->ment.v[r]);
    /* "al-Shabaab fighters that the government says killed": a "that"
     * right after an actor mention */
    if (r < 0 && is_w(c, w, "that") && w > c->s.tb) {
        int32_t a = ment_at(c, w - 1);
        if (a >= 0 && c->s.d->ment.v[a].n && !(c->s.d->ment.v[a].flags & (NE_MF_LOC | NE_MF_REL))) return a;
        /* "a new constitution that critics say will allow": after a plain
         * noun the antecedent is a thing, no actor (not the reporters) */
        if (a < 0 && tok(c, w - 1)->kind == NE_TK_WORD && !wf(c, w - 1)) return -1;
    }
    return -2;
}

/* Does the statement of participle group gi ("a statement condemning X")
 * belong to the subject of the verb it hangs on: one that issues, sends or
 * signs it (grammar.tsv author), joins in it, or speaks in it ("said in a
 * statement")? Not one that blocks, vetoes or welcomes it: that statement
 * is nobody's act here (a vetoed one was never made). */
static int32_t statement_verb(const ctx_t *c, size_t gi);
static int own_statement(const ctx_t *c, size_t gi)
{
    int32_t k = statement_verb(c, gi);
    if (k < 0) return 1;
    const ne_vgroup_t *v = &c->s.d->vg.v[k];
    return (v->flags & NE_VG_SAY) || (ne_lex_lemma_flags(c->s.lx, v->lemma) & (NE_L_AUTHOR | NE_L_JOIN));
}

/* Is the group the object of a verb of causing right before it ("prompting
 * protests", "sparked riots"), not its own clause ("prompting X to V")? */
static int caused_noun(const ctx_t *c, const ne_vgroup_t *g)
{
    if (g->first <= c->s.tb || (g->flags & NE_VG_CAUSED)) return 0;
    const ne_token_t *t = tok(c, g->first - 1);
    return t->kind == NE_TK_WORD && verb_head_at(c, g->first - 1) &&
           (ne_lex_verb_flags(c->s.lx, t->word) & NE_L_CAUSE);
}

/* "triggering protests across Jordan": a protest (a pattern with option
 * gov) that is the object of a verb of causing has no subject of its own
 * (find_subject); its actor is the crowd of the place where it happens.
 * Fills act[0] and returns 1, or 0. The subjects of the groups before are
 * found first: the causer is one of them (caused_by). */
static const char *event_place(const ctx_t *c, uint32_t near);
static int caused_crowd(ctx_t *c, size_t gi, ne_member_t *act)
{
    const ne_vgroup_t *g = &c->s.d->vg.v[gi];
    if (!caused_noun(c, g) || !(g->pat->opts & NE_PO_GOV)) return 0;
    const char *st = event_place(c, g->head);
    if (!st) return 0;
    memset(&act[0], 0, sizeof(act[0]));
    ne_member_set(&act[0], st, "CVL");
    for (size_t k = 0; k < gi; k++) (void)group_subject(c, k);
    return 1;
}

/* "held talks in Muscat, with Oman's foreign minister shuttling between
 * the delegations": an -ing form right after a mention that "with" opens
 * (an absolute clause) has that mention as its own subject, not the main
 * clause's. -1 when the group is no such participle. */
static int32_t with_absolute_subject(const ctx_t *c, const ne_vgroup_t *g)
{
    if (!(g->flags & NE_VG_PARTICIPLE) || g->first != g->head || g->head <= c->s.tb + 1) return -1;
    int32_t m = ment_at(c, g->head - 1);
    if (m < 0) return -1;
    const ne_mention_t *mm = &c->s.d->ment.v[m];
    if (mm->te != g->head || mm->tb <= c->s.tb || !mm->n || (mm->flags & (NE_MF_REL | NE_MF_PRON))) return -1;
    if (is_w(c, mm->tb - 1, "with")) return m;
    /* "with mediators from Egypt and Qatar shuttling between the two
     * sides": a plain noun of people and "from" or "of" before the mention */
    uint32_t p = mm->tb - 1;
    if (p <= c->s.tb + 1 || !(is_w(c, p, "from") || is_w(c, p, "of"))) return -1;
    for (uint32_t k = p - 1, n = 0; k > c->s.tb && n < 2; k--, n++) {
        if (tok(c, k)->kind != NE_TK_WORD || (tok(c, k)->flags & NE_TF_CAP) || wf(c, k) || ment_at(c, k) >= 0)
            return -1;
        if (is_w(c, k - 1, "with")) return m;
    }
    return -1;
}

/* "With Egypt and Qatar mediating, Israel and Hamas agreed to a truce": an
 * absolute clause that opens the sentence tells the circumstance of the
 * main clause's act, and is coded after it (a mediation that names no one
 * is between the sides of the deal the main clause tells). */
static int fronted_circumstance(const ctx_t *c, size_t gi)
{
    const ne_vgroup_t *g = &c->s.d->vg.v[gi];
    int32_t m = with_absolute_subject(c, g);
    if (m >= 0 && c->s.d->ment.v[m].tb == c->s.tb + 1) return 1;
    /* "At talks hosted by Qatar in Doha, Congo and the M23 rebels agreed
     * to a ceasefire": so is a passive participle on an event noun inside
     * a prepositional phrase that opens the sentence (its noun's parties
     * are the main clause's) */
    if (!(g->flags & NE_VG_PASSIVE) || g->first != g->head ||
        !(wf(c, c->s.tb) & NE_W_PREP) || (wf(c, c->s.tb) & NE_W_SUBORD))
        return 0;
    for (uint32_t k = c->s.tb; k < g->head; k++)
        if (tok(c, k)->kind == NE_TK_PUNCT && !is_punct(c, k, "-")) return 0;
    for (uint32_t k = g->head + 1; k < c->s.te; k++)
        if (is_punct(c, k, ",")) return 1;
        else if (is_punct(c, k, ".;:")) return 0;
    return 0;
}

static int32_t find_subject(ctx_t *c, size_t gi)
{
    ne_vgroup_t *g = &c->s.d->vg.v[gi];
    /* "urged China to free ...": the act is the one who urged */
    if (g->flags & NE_VG_CONTROLLED) return group_subject(c, (size_t)g->gov);
    /* "opened the bridge to allow the delivery of grain": the opener's */
    if (g->flags & NE_VG_PERMIT_PURPOSE) return group_subject(c, (size_t)g->gov);
    /* "prompting South Korea to scramble jets": the act is the one prompted */
    if (g->flags & NE_VG_CAUSED) {
        (void)group_subject(c, (size_t)g->gov); /* the causer, for counterpart() */
        return control_object(c, g);
    }
    /* "closed the compound, triggering protests across Jordan": the
     * object of a verb of causing does not share its subject (emit_group
     * takes the crowd of the place) */
    if (caused_noun(c, g)) return -1;
    int32_t absolute = with_absolute_subject(c, g);
    if (absolute >= 0) return absolute;
    int32_t prev_subj = previous_subject(c, gi);
    /* "Ethiopia, accusing Egypt of ..., recalled": a participle clause
     * before any finite verb belongs to the mention before its comma */
    if ((g->flags & NE_VG_PARTICIPLE) && prev_subj < 0 && !coded_before(c, gi) &&
        g->first == g->head && g->head > c->s.tb + 1 && is_punct(c, g->head - 1, ",") &&
        parenthetical_participle(c, g))
        return subject_left(c, g->head - 1, 0);
    if ((g->flags & NE_VG_STATEMENT) && !own_statement(c, gi)) return -1;
    if ((g->flags & NE_VG_PARTICIPLE) && prev_subj < 0) {
        int32_t front = fronted_participle_subject(c, g);
        if (front >= 0) return front;
    }
    if (g->flags & NE_VG_PARTICIPLE) return prev_subj;
    /* "adopted a resolution that condemned": a statement's authors say
     * what it says, as in "issued a statement condemning" */
    int32_t ag = event_before_that(c, g);
    if (ag >= 0) return ag;
    if (after_relative_that(c, g)) return after_speech_noun(c, gi) ? prev_subj : -1;
    /* "the ceremony was hosted by X": an event, not a mention, is the patient */
    if (event_patient(c, g) >= 0) return -1;
    /* "the Iranian strikes, which it said killed four civilians", "Hamas,
     * which Israel says fired the rockets": a relative whose verb a
     * reporting clause introduces has the relative's antecedent as subject,
     * not the reporter */
    int32_t rel = reported_relative(c, g);
    if (rel != -2) return rel;
    /* "accused X ... and hailed Y": coordinated verbs share the subject;
     * "a resolution that aims to tighten sanctions and impose a blockade":
     * so do they when the first has none (a thing is its subject) */
    int32_t k = conjoined(c, g) ? conjunct_group(c, gi) : -1;
    if (k >= 0) {
        int32_t shared = group_subject(c, (size_t)k);
        if (shared >= 0) return shared;
        if (after_relative_that(c, &c->s.d->vg.v[k])) return -1;
        /* "Investigators have arrested the former minister and raided his
         * office": what lies between the verbs is the first one's object,
         * never the second's subject; look left of the first verb (past a
         * name the dictionary does not code: "Amnesty International accused
         * the authorities of ... and urged them" has no party as subject) */
        return subject_left(c, c->s.d->vg.v[k].first, (g->flags & NE_VG_PASSIVE) != 0);
    }
    /* '"...," said the French foreign minister': a reporting verb right
     * after the closing quote of what it reports has its subject after it
     * (not after a comma: "A Houthi official, X, said America ...") */
    if ((g->flags & NE_VG_SAY) && g->first == g->head && g->first > c->s.tb &&
        is_punct(c, g->first - 1, "\"")) {
        int32_t after = ment_at(c, g->head + 1);
        if (after >= 0 && c->s.d->ment.v[after].tb == g->head + 1 && c->s.d->ment.v[after].n &&
            !(c->s.d->ment.v[after].flags & (NE_MF_LOC | NE_MF_REL)))
            return after;
    }
    return subject_left(c, g->first, (g->flags & NE_VG_PASSIVE) != 0);
}

/* ---- members ------------------------------------------------------------------- */

/* A member with no state yet (a bare role, "GOV"): resolve_member places
 * it from context, and an event needs it placed. */
static int unplaced(const ne_member_t *m)
{
    return !m->country[0] && !ne_code_stateless(m->code);
}

static int acting_party(const ne_member_t *m, const ne_member_t *actor);

/* ---- placing a bare role (resolve_member and its steps) -------------------- */

/* Is there a coordinated verb ("and sent") strictly between tokens a and
 * b? Then b is in another clause of the sentence. */
static int conjunct_between(const ctx_t *c, uint32_t a, uint32_t b)
{
    uint32_t lo = a < b ? a : b, hi = a < b ? b : a;
    for (size_t k = 0; k < c->s.d->vg.n; k++) {
        const ne_vgroup_t *g = &c->s.d->vg.v[k];
        if (!(g->flags & NE_VG_NOUN) && g->first > lo && g->head < hi && conjoined(c, g))
            return 1;
    }
    return 0;
}

/* Is token k a noun of an attack (an event noun of roots 18-20: "attack",
 * "strikes")? What follows it with "on" is where the attack fell. */
static int attack_noun(const ctx_t *c, uint32_t k)
{
    if (tok(c, k)->kind != NE_TK_WORD) return 0;
    uint32_t noun = ne_lex_noun(c->s.lx, tok(c, k)->word);
    return noun != NE_LEX_NONE && (ne_lex_noun_roots(c->s.lx, noun) & (7u << 18));
}

/* The state of the place where the event at `near` happens: a place or
 * state named after "in", "at", "near", "across", "throughout" or "off" (at
 * sea: "off the Somali coast"; a word or two between: "in
 * southern Israel", "in Western Cambodia"; "in the city of Sumy"), or after
 * an attack's "on" or "of" ("a drone attack on Sumy killed 11 people",
 * "died in the shelling of Kherson"), in the
 * verb's own clause, the nearest to the verb.
 * "people" placed by their own "in" phrase are no place. */
/* Does mention mm name places (or states) of one state, with no role:
 * "Kharkiv", "Jenin and Nablus"? */
static int one_state_places(const ne_mention_t *mm)
{
    if (!mm->n || !mm->m[0].country[0]) return 0;
    for (int q = 0; q < mm->n; q++)
        if (mm->m[q].role[0] || strcmp(mm->m[q].country, mm->m[0].country)) return 0;
    return 1;
}

static const char *event_place(const ctx_t *c, uint32_t near)
{
    uint32_t territory = ne_lex_gclass(c->s.lx, NE_GC_TERRITORY);
    const char *best = NULL;
    uint32_t bestd = UINT32_MAX;
    for (size_t k = 0; k < c->s.d->ment.n; k++) {
        const ne_mention_t *mm = &c->s.d->ment.v[k];
        if (!one_state_places(mm)) continue;
        /* "killed in an Israeli strike in southern Lebanon": an attack is
         * no place, its adjective names its agent */
        if ((mm->flags & NE_MF_WEAK) && attack_noun(c, mm->te - 1)) continue;
        uint32_t b = mm->tb;
        while (b > c->s.tb && mm->tb - b < 2 && ment_at(c, b - 1) < 0 &&
               tok(c, b - 1)->kind == NE_TK_WORD && !wf(c, b - 1))
            b--;
        /* "the city of Sumy" */
        if (b > c->s.tb + 2 && is_w(c, b - 1, "of") && territory != NE_LEX_NONE &&
            tok(c, b - 2)->kind == NE_TK_WORD && ne_lex_in_class(c->s.lx, territory, tok(c, b - 2)->word))
            b -= 2;
        if (b > c->s.tb + 1 && is_w(c, b - 1, "the")) b--; /* "in the occupied West Bank" */
        if (!(b > c->s.tb &&
              (is_w(c, b - 1, "in") || is_w(c, b - 1, "at") || is_w(c, b - 1, "near") ||
               is_w(c, b - 1, "across") || is_w(c, b - 1, "throughout") || is_w(c, b - 1, "off") ||
               (b > c->s.tb + 1 && (is_w(c, b - 1, "on") || is_w(c, b - 1, "against") || is_w(c, b - 1, "of")) &&
                attack_noun(c, b - 2)))))
            continue;
        if (conjunct_between(c, near, mm->tb))
            continue; /* "freed X and sent him to exile in Rome" */
        uint32_t dist = mm->tb > near ? mm->tb - near : near - mm->tb;
        if (dist < bestd) {
            bestd = dist;
            best = mm->m[0].country;
        }
    }
    return best;
}

/* Where a trailing attribution starts (", a spokeswoman for the U.S.
 * embassy said.", ", said X."): the last comma of the sentence when the
 * only verb after it reports speech; the sentence end when there is none.
 * Its speaker is no party of the events it reports. */
static uint32_t speech_tail(const ctx_t *c)
{
    /* the last verb reports, and the one before it ends before a comma */
    const ne_vgroup_t *last = NULL, *before = NULL;
    for (size_t k = 0; k < c->s.d->vg.n; k++) {
        const ne_vgroup_t *g = &c->s.d->vg.v[k];
        if (g->flags & NE_VG_NOUN) continue;
        before = last;
        last = g;
    }
    if (!last || !(last->flags & NE_VG_SAY)) return c->s.te;
    uint32_t stop = before ? before->head : c->s.tb;
    for (uint32_t p = last->first; p > stop + 1; p--)
        if (is_punct(c, p - 1, ",")) return p - 1;
    return c->s.te;
}

/* The nearest state actor of the sentence to `near`, other than `except`
 * and the speaker of a trailing attribution; a place only when there is
 * none. */
static const char *nearest_state(const ctx_t *c, uint32_t near, const char *except)
{
    int32_t best = -1;
    uint32_t bestd = UINT32_MAX, tail = c->tail;
    for (int pass = 0; pass < 2 && best < 0; pass++)
        for (size_t k = 0; k < c->s.d->ment.n; k++) {
            const ne_mention_t *mm = &c->s.d->ment.v[k];
            if (!mm->n || !mm->m[0].country[0] || (near < tail && mm->tb > tail)) continue;
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

/* Is the verb at `near` one whose patients cross a border ("seized",
 * "deported": lemma class crossborder of grammar.tsv)? */
static int crossborder_verb(const ctx_t *c, uint32_t near)
{
    return near < c->s.te && (ne_lex_verb_flags(c->s.lx, tok(c, near)->word) & NE_L_CROSSBORDER);
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
 *   3. for an actor, or a counterpart that is a definite role noun alone
 *      ("gave the junta one week"), the last body of its role the article
 *      placed in an earlier sentence ("Niger's junta ... The junta also
 *      ordered French troops out"); then the other side's state, for a counterpart; for an actor only when
 *      the other side is an actor of a state (police, a ministry) or the
 *      state where it happens, not a state as a whole: "Defence Minister
 *      Sadio Camara thanked Russia" is no Russian;
 *   4. the nearest state of the sentence; for a local role the state of
 *      the last place the article named; then the article's last state.
 * `other` is the other side of the event (NULL when unknown), `near` the
 * verb, `target` says m is the counterpart. */
/* The state of the last mention of the article's earlier sentences with a
 * member of role `role` and a state ("Niger's military junta"; a body, not
 * a person: "the French ambassador" is no junta), NULL none. */
static const char *last_of_role(const ctx_t *c, const char *role)
{
    const ne_memory_t *mem = c->mem;
    size_t n = mem->nrecent < NE_MEM_RECENT ? mem->nrecent : NE_MEM_RECENT;
    for (size_t k = 0; k < n; k++) {
        const ne_mention_t *m = &mem->recent[(mem->nrecent - 1 - k) % NE_MEM_RECENT];
        if (m->tb >= c->s.tb || (m->flags & (NE_MF_LOC | NE_MF_WEAK | NE_MF_PERSON))) continue;
        for (int i = 0; i < m->n; i++)
            if (m->m[i].country[0] && !strcmp(m->m[i].role, role)) return m->m[i].country;
    }
    return NULL;
}

/* Is member m a definite role noun alone ("the junta", "the army"), the
 * whole of its mention? "leaders of the parties" and "police" are not. */
/* The token of the sentence where member m's text starts, or UINT32_MAX. */
static uint32_t member_first_tok(const ctx_t *c, const ne_member_t *m)
{
    for (uint32_t k = c->s.tb; k < c->s.te; k++)
        if (tok(c, k)->start == m->start) return k;
    return UINT32_MAX;
}

/* The sentence's mention that member m opens, NULL when none. */
static const ne_mention_t *member_mention(const ctx_t *c, const ne_member_t *m)
{
    uint32_t k = member_first_tok(c, m);
    int32_t mi = k < c->s.te ? ment_at(c, k) : -1;
    return mi >= 0 ? &c->s.d->ment.v[mi] : NULL;
}

/* Is member m one person named with a title ("Vice Foreign Minister
 * Takehiro Funakoshi"), not a body or a plural ("several leaders")? */
static int titled_person(const ctx_t *c, const ne_member_t *m)
{
    const ne_mention_t *mm = member_mention(c, m);
    return mm && ne_mention_persons(mm) && mm->n == 1;
}

/* Is member m of a plural mention ("several leaders", "officials")? A body
 * of many is not placed by the sentence's other state as one organ is. */
static int plural_member(const ctx_t *c, const ne_member_t *m)
{
    const ne_mention_t *mm = member_mention(c, m);
    return mm && (mm->flags & NE_MF_PLURAL);
}

/* Is member m a diplomat ("the Chinese ambassador", "Russia's envoys"):
 * its mention ends in a noun of the class DIPLOMATS? */
static int diplomat_member(const ctx_t *c, const ne_member_t *m)
{
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_DIPLOMATS);
    const ne_mention_t *mm = member_mention(c, m);
    if (cls == NE_LEX_NONE || !mm || mm->n != 1) return 0;
    const ne_token_t *h = tok(c, mm->te - 1);
    return h->kind == NE_TK_WORD && ne_lex_in_class(c->s.lx, cls, h->word);
}

static int definite_role(const ctx_t *c, const ne_member_t *m)
{
    uint32_t k = member_first_tok(c, m);
    return k + 1 < c->s.te && is_w(c, k, "the") && tok(c, k + 1)->end == m->end;
}

/* The state of the agent of the article's last remembered event that is
 * not the state of `other`, looking `back` events at most: a titled person
 * answering the other side's act may act for the state of the act before
 * ("Japan protested ... after a Chinese helicopter violated its airspace.
 * Vice Foreign Minister X summoned China's ambassador" is Japan's); NULL
 * when there is none. */
static const struct ne_memevent_s *mem_event(const ne_memory_t *mem, size_t back);
static const char *last_agent_state(const ctx_t *c, const ne_member_t *other, size_t back)
{
    const struct ne_memevent_s *e;
    for (size_t b = 1; b <= back && (e = mem_event(c->mem, b)); b++) {
        if (!e->nagent || !e->agent[0].country[0]) return NULL;
        if (other && other->country[0] && !strcmp(other->country, e->agent[0].country)) continue;
        return e->agent[0].country;
    }
    return NULL;
}

/* An armed force or police: MIL, COP, SEC. */
static int force_role(const char *role)
{
    return !strcmp(role, "MIL") || !strcmp(role, "COP") || !strcmp(role, "SEC");
}

/* A state or one of its organs, not a private party or an armed group. */
static int state_side(const ne_member_t *m)
{
    return !m->role[0] || !strcmp(m->role, "GOV") || force_role(m->role);
}

/* Roots 18-20: assault, fight, mass violence. */
static int violent_code(const char *code)
{
    int root = code_root(code);
    return root >= 18 && root <= 20;
}

/* "the gunmen who attacked its police", "an Israeli strike that killed one
 * of its commanders": a counterpart of an act of force (roots 18-20) owned
 * through a possessive pronoun is not the actor's own: when "its" was
 * resolved to the actor's state, it stands for the nearest other state. */
static void not_own_victims(const ctx_t *c, const char *code, const ne_member_t *a, ne_member_t *b,
                            uint32_t near)
{
    if (!violent_code(code) || !a->country[0] || strcmp(a->country, b->country)) return;
    /* a mention after the verb that opens with the possessive, or has it
     * after "of" ("one of its commanders"), and stands for this member (its
     * referent's offsets are the member's) */
    int poss = 0;
    for (size_t k = 0; k < c->s.d->ment.n && !poss; k++) {
        const ne_mention_t *mm = &c->s.d->ment.v[k];
        if (mm->tb <= near || !mm->n || strcmp(mm->m[0].code, b->code)) continue;
        uint32_t p = mm->tb;
        if (p > c->s.tb + 1 && is_w(c, p - 1, "of") && !is_w(c, p, "its") && !is_w(c, p, "their")) continue;
        poss = is_w(c, p, "its") || is_w(c, p, "their");
    }
    if (!poss) return;
    const char *st = nearest_state(c, near, a->country);
    if (!st) return;
    char role[4];
    memcpy(role, b->role, sizeof(role));
    ne_member_set(b, st, role);
}

/* The state of the party that reports the clause of the verb at `near`:
 * "Israel's army said troops killed two gunmen", "Iran's judiciary said a
 * court had sentenced a French tourist". The subject of the last verb of
 * speech before `near`, when it is a state or an organ of one (not a
 * private party: "Palestinian officials" are, "Palestinian residents" are
 * not) and no other verb stands between. NULL when there is none. */
static const char *reporter_state(const ctx_t *c, uint32_t near)
{
    const ne_doc_t *d = c->s.d;
    const ne_vgroup_t *say = NULL;
    for (size_t k = 0; k < d->vg.n; k++) {
        const ne_vgroup_t *g = &d->vg.v[k];
        if (g->flags & NE_VG_NOUN) continue;
        if (g->head >= near) break;
        say = (g->flags & NE_VG_SAY) ? g : NULL;
    }
    if (!say || say->first == c->s.tb) return NULL;
    for (size_t k = 0; k < d->ment.n; k++) {
        const ne_mention_t *mm = &d->ment.v[k];
        if (mm->te != say->first) continue;
        if (mm->n != 1 || !mm->m[0].country[0] || (mm->flags & (NE_MF_LOC | NE_MF_PRON | NE_MF_REL)) ||
            local_role(mm->m[0].role) || !strcmp(mm->m[0].role, "MED") || !strcmp(mm->m[0].role, "BUS"))
            return NULL;
        return mm->m[0].country;
    }
    return NULL;
}

/* Is the clause of g the complement of the verb of speech before it: "said
 * (on Monday) (that) Russia had launched ...", the subject of g right after
 * the verb of speech and its time, or a "that" between with no
 * subordinator ("after", "when") after it; not "announced a suspension of
 * air links ... after a Serbian jet shot down a helicopter". */
static int reported_complement(const ctx_t *c, const ne_vgroup_t *g)
{
    const ne_doc_t *d = c->s.d;
    const ne_vgroup_t *say = NULL;
    for (size_t k = 0; k < d->vg.n; k++) {
        const ne_vgroup_t *v = &d->vg.v[k];
        if (v->flags & NE_VG_NOUN) continue;
        if (v->head >= g->head) break;
        say = (v->flags & NE_VG_SAY) ? v : NULL;
    }
    if (!say || g->subj < 0) return 0;
    uint32_t sb = d->ment.v[g->subj].tb, q = say->head + 1;
    if (sb <= say->head) return 0;
    while (q < sb && (is_adverb_like(c, q) || in_timex(c, q))) q++;
    if (q < sb && is_w(c, q, "that")) q++;
    return q == sb;
}

/* Is token k "government", "authorities" or "regime"? */
static int government_noun(const ctx_t *c, uint32_t k)
{
    return is_w(c, k, "government") || is_w(c, k, "authorities") || is_w(c, k, "regime");
}

/* Does member m's text begin with "the government" (or "the
 * authorities", "the regime"), alone or first of a compound? */
static int the_government(const ctx_t *c, const ne_member_t *m)
{
    uint32_t k = member_first_tok(c, m);
    if (k + 1 >= c->s.te || !is_w(c, k, "the")) return 0;
    /* "the electoral authorities", "the interim government": up to two
     * plain lower-case modifiers */
    uint32_t q = k + 1;
    while (q + 1 < c->s.te && q - k <= 2 && tok(c, q)->kind == NE_TK_WORD && !(tok(c, q)->flags & NE_TF_CAP) &&
           !wf(c, q) && !government_noun(c, q))
        q++;
    return government_noun(c, q) && (tok(c, q)->end == m->end || is_w(c, q + 1, "and") || is_punct(c, q + 1, ","));
}

/* The state that the article's last remembered act of force (roots 18-20)
 * by `agent`'s state struck, other than its own; NULL when none. */
static const char *struck_state(const ctx_t *c, const ne_member_t *agent)
{
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++) {
        int root = code_root(e->code);
        if (root < 18 || root > 20 || !e->nagent || strcmp(e->agent[0].country, agent->country)) continue;
        for (int t = 0; t < e->ntarget; t++)
            if (e->target[t].country[0] && strcmp(e->target[t].country, agent->country))
                return e->target[t].country;
    }
    return NULL;
}

/* "Brazil's leaders tried to mediate between the government and the
 * opposition": a state's organ does not act on "the" organ of its own
 * role (that event would be the state on itself), which is another
 * state's: the other state the article's earlier sentences named most
 * often (bounded by the ring of recent mentions). NULL none. */
static const char *role_mate_state(const ctx_t *c, const ne_member_t *other)
{
    const ne_memory_t *mem = c->mem;
    size_t n = mem->nrecent < NE_MEM_RECENT ? mem->nrecent : NE_MEM_RECENT;
    const char *best = NULL;
    int bestn = 0;
    /* the state named most often (the story's own), the latest of a tie */
    for (size_t k = 0; k < n; k++) {
        const ne_mention_t *m = &mem->recent[(mem->nrecent - 1 - k) % NE_MEM_RECENT];
        if (m->tb >= c->s.tb || !m->n || !m->m[0].country[0] || !strcmp(m->m[0].country, other->country))
            continue;
        int cnt = 0;
        for (size_t j = 0; j < n; j++) {
            const ne_mention_t *o = &mem->recent[j];
            cnt += o->tb < c->s.tb && o->n && !strcmp(o->m[0].country, m->m[0].country);
        }
        if (cnt > bestn) best = m->m[0].country, bestn = cnt;
    }
    return best;
}

/* The member's head noun: the word of the sentence that ends where member
 * m ends; UINT32_MAX when there is none. resolve_member finds it once. */
static uint32_t member_head(const ctx_t *c, const ne_member_t *m)
{
    for (uint32_t k = c->s.tb; k < c->s.te; k++)
        if (tok(c, k)->end == m->end) return tok(c, k)->kind == NE_TK_WORD ? k : UINT32_MAX;
    return UINT32_MAX;
}

/* Is head h (member_head) a word of grammar class gc? */
static int head_in(const ctx_t *c, uint32_t h, int gc)
{
    return h != UINT32_MAX && ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, gc), tok(c, h)->word);
}

/* "Burkina Faso's military government expelled two French diplomats ...
 * The junta has already ordered French troops out": "the junta" (head h)
 * is the government the article named as military-ruled (a mention of
 * role GOV with a word of class JUNTA: "military government", "the junta
 * in Niamey"), not the last government of any kind (the diplomats'). */
static const char *junta_state(const ctx_t *c, uint32_t h)
{
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_JUNTA);
    /* the head itself ("the junta") or a word of the class right before it
     * ("the new military rulers", "the military authorities") */
    if (!head_in(c, h, NE_GC_JUNTA) &&
        !(h != UINT32_MAX && h > c->s.tb && ne_lex_in_class(c->s.lx, cls, tok(c, h - 1)->word)))
        return NULL;
    const ne_memory_t *mem = c->mem;
    size_t n = mem->nrecent < NE_MEM_RECENT ? mem->nrecent : NE_MEM_RECENT;
    for (size_t q = 0; q < n; q++) {
        const ne_mention_t *r = &mem->recent[(mem->nrecent - 1 - q) % NE_MEM_RECENT];
        if (r->tb >= c->s.tb || r->n != 1 || !r->m[0].country[0] || strcmp(r->m[0].role, "GOV")) continue;
        for (uint32_t t = r->tb; t < r->te; t++)
            if (ne_lex_in_class(c->s.lx, cls, tok(c, t)->word)) return r->m[0].country;
    }
    /* "soldiers detained President Embalo in Bissau ... sanctions on members
     * of the junta": with no military government named, the junta is the
     * military that acted last in the article (not the state of the place where
     * others act on it: "Meeting in Abuja, the bloc ...") */
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(mem, b)); b++)
        if (e->nagent && e->agent[0].country[0] && !strcmp(e->agent[0].role, "MIL")) return e->agent[0].country;
    return NULL;
}

/* The state of the last mention before this sentence whose head noun (its
 * last word, singular) is member m's head noun h; NULL if none. Bounded by
 * the ring of recent mentions. */
static const char *same_head_state(const ctx_t *c, const ne_member_t *m, uint32_t h)
{
    int32_t head = h == UINT32_MAX ? -1 : tok(c, h)->word;
    if (head < 0) return NULL;
    int32_t sg = ne_lex_singular(c->s.lx, head);
    if (sg >= 0) head = sg;
    const ne_memory_t *mem = c->mem;
    size_t n = mem->nrecent < NE_MEM_RECENT ? mem->nrecent : NE_MEM_RECENT;
    for (size_t k = 0; k < n; k++) {
        const ne_mention_t *r = &mem->recent[(mem->nrecent - 1 - k) % NE_MEM_RECENT];
        if (r->tb >= c->s.tb || r->te == 0 || r->n != 1 || !r->m[0].country[0] ||
            strcmp(r->m[0].role, m->role) || (r->flags & (NE_MF_LOC | NE_MF_WEAK | NE_MF_PRON)))
            continue;
        int32_t w = tok(c, r->te - 1)->word, ws = w >= 0 ? ne_lex_singular(c->s.lx, w) : -1;
        if (w == head || ws == head) return r->m[0].country;
    }
    return NULL;
}

/* Is `code` an act of a third party on the sides of a conflict: a
 * mediation (045), an offer of one (039), an appeal to meet, to settle, to
 * accept mediation or to de-escalate (026, 027, 028, 0256: "China urged
 * the military and the rebels to return to talks")? */
static int third_party_code(const char *code)
{
    static const char *const codes[] = {"045", "039", "026", "027", "028", "0256"};
    for (size_t k = 0; k < sizeof(codes) / sizeof(codes[0]); k++)
        if (!strncmp(code, codes[k], strlen(codes[k]))) return 1;
    return 0;
}

/* "Myanmar's junta ... Thailand has offered to mediate between the junta
 * and the opposition": the parties a mediator (045, and its intent 039)
 * acts on are not its own: a role with no state is of the nearest other
 * state named, else of the article's main state when that is another.
 * NULL otherwise. */
static const char *mediated_party_state(const ctx_t *c, const ne_member_t *other, uint32_t near)
{
    if (!other || !other->country[0] || !c->coding || !c->coding->pat || !third_party_code(c->coding->pat->code))
        return NULL;
    const char *st = nearest_state(c, near, other->country);
    if (!st) st = ne_memory_main_state(c->mem);
    if (!st || !strcmp(st, other->country)) st = role_mate_state(c, other);
    return st && strcmp(st, other->country) ? st : NULL;
}

/* "A Zimbabwean court denied bail to 78 activists ... The United States
 * called on the government to release them": when no state leads the
 * article, "the government" a state acts on is not its own but the one the
 * article named most among the others (the first named of equals); NULL
 * when the actor is no state or there is no other. */
static const char *other_article_state(const ctx_t *c, const ne_member_t *other)
{
    if (!other || !other->country[0]) return NULL;
    const ne_memory_t *mem = c->mem;
    int best = -1;
    for (int k = 0; k < mem->nstates; k++)
        if (strcmp(mem->states[k].country, other->country) && (best < 0 || mem->states[k].n > mem->states[best].n))
            best = k;
    return best >= 0 ? mem->states[best].country : NULL;
}

/* "PORT-AU-PRINCE - Gangs ambushed a patrol of Kenyan police officers":
 * the state of a dateline that opens the sentence (an all-capital place
 * mention at its first token, then a dash within a few tokens), where
 * the reporter is and, with no place of its own, a local actor acts; NULL
 * when the sentence has no dateline. */
static const char *dateline_state(const ctx_t *c)
{
    /* the actor grammar makes no mention of a dateline's place (no party),
     * but keeps its state for the sentence */
    if (c->mem->dateline[0]) return c->mem->dateline;
    int32_t m = ment_at(c, c->s.tb);
    if (m < 0 || !(tok(c, c->s.tb)->flags & NE_TF_ALLCAP)) return NULL;
    const ne_mention_t *mm = &c->s.d->ment.v[m];
    if (mm->n != 1 || !mm->m[0].country[0] || mm->m[0].role[0]) return NULL;
    for (uint32_t k = mm->te; k < c->s.te && k - c->s.tb < 12; k++) {
        if (ne_s_dash(&c->s, k)) return mm->m[0].country;
    }
    return NULL;
}

/* Is member m, of head h, people who flee named by a bare noun (class
 * REFUGEES: "120 migrants", "the refugees"), with no word of where they
 * come from? */
static int fleeing_people(const ctx_t *c, const ne_member_t *m, uint32_t h)
{
    if (!head_in(c, h, NE_GC_REFUGEES)) return 0;
    /* "refugees fleeing the war in Liberia", "migrants from Libya": the
     * words after them name where they come from */
    if (h + 1 < c->s.te && ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_FLIGHT), tok(c, h + 1)->word))
        return 0;
    /* "Tamil civilian refugees": a people's word before the noun says whose
     * they are (placed as any role); only numbers and determiners may come */
    for (uint32_t q = h; q > c->s.tb && tok(c, q - 1)->start >= m->start; q--)
        if (tok(c, q - 1)->kind == NE_TK_WORD && !(wf(c, q - 1) & (NE_W_NUM | NE_W_DET))) return 0;
    return 1;
}

/* The state an armed group (role REB) fought in the article: the other
 * side, a state's own party of another state than the group's, of the
 * last act of force (roots 18-20) the group itself took part in. NULL when
 * there is none. */
static const char *group_enemy_state(const ctx_t *c, const ne_member_t *group)
{
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++) {
        int root = code_root(e->code);
        if (root < 18 || root > 20 || !e->nagent || !e->ntarget) continue;
        const ne_member_t *o = NULL;
        if (!strcmp(e->agent[0].code, group->code)) o = &e->target[0];
        else if (!strcmp(e->target[0].code, group->code)) o = &e->agent[0];
        if (o && o->country[0] && strcmp(o->country, group->country) && state_side(o)) return o->country;
    }
    return NULL;
}

static void resolve_member(const ctx_t *c, ne_member_t *m, const ne_member_t *other,
                           uint32_t near, int target)
{
    if (!unplaced(m)) return;
    uint32_t head = member_head(c, m);
    /* "the coast guard rescued 120 migrants off Crete", "police arrested 30
     * migrants in Sicily": people who flee, acted on, are not of the state
     * where they are, nor of the actor's; with no state of their own named
     * ("Syrian refugees", "migrants from Libya"), they stay unplaced */
    if (target && fleeing_people(c, m, head)) return;
    /* "Moldova expelled a Russian diplomat after accusing the embassy of
     * funding ...": an embassy a state acts on is another state's, the
     * nearest one named, else the article's other state */
    if (target && other && other->country[0] && head_in(c, head, NE_GC_EMBASSIES)) {
        const char *st = nearest_state(c, near, other->country);
        if (!st) st = other_article_state(c, other);
        if (st) {
            ne_member_set(m, st, m->role);
            return;
        }
    }
    char role[4];
    memcpy(role, m->role, sizeof(role));
    const char *st = NULL;
    /* "Mali's military junta ordered ... sanctions against members of the
     * junta": a role named by the noun an earlier placed mention ended with
     * is that mention's (the same noun, not only the same role) */
    if (role[0] && role[0] != '-') st = same_head_state(c, m, head);
    if (!st && !strcmp(role, "GOV")) st = junta_state(c, head);
    if (!st && target) st = mediated_party_state(c, other, near);
    /* "sanctioned two American companies ... banned the firms from trading
     * in China": "the" and a role alone is the last one of that role the
     * article placed, before the place of the event */
    /* "The Red Cross offered to mediate between the government and the
     * rebels" after the Greek ambassador was named: "the government" acted
     * on is the government of the article's main state, when it has one (as
     * a subject it is the last state's: "Indonesia lifted a ban ... The
     * government lifted restrictions") */
    if (target && !strcmp(role, "GOV") && the_government(c, m)) {
        st = ne_memory_main_state(c->mem);
        if (!st) st = other_article_state(c, other);
    }
    if (!st && target && role[0] && definite_role(c, m) && !local_role(role)) st = last_of_role(c, role);
    if (!st && (target || local_role(role))) st = event_place(c, near);
    /* "a blockade imposed by jihadists on Bamako": armed groups using force
     * (roots 15-20) on a state or a place of it (no organ) fight at home
     * there, not for a state the sentence names elsewhere ("French
     * channels") or the one reporting ("France said") */
    if (!st && !target && !strcmp(role, "REB") && other && other->country[0] && !other->role[0] && c->coding &&
        c->coding->pat && code_root(c->coding->pat->code) >= 15)
        st = other->country;
    if (!st && !target && local_role(role)) st = dateline_state(c);
    /* (not the opposition: "police seized 14 opposition activists" are the
     * police's own state's opposition, as any arrested at home) */
    if (!st && target && other && other->country[0] && crossborder_verb(c, near) && strcmp(role, "OPP")) {
        st = nearest_state(c, near, other->country);
        if (!st && c->mem->country[0] && strcmp(c->mem->country, other->country))
            st = c->mem->country;
        /* "Myanmar's junta freed two journalists. The United States, which
         * had sanctioned several generals, ...": when the state named last
         * is the actor's own, the article's other state */
        if (!st) st = other_article_state(c, other);
    }
    /* "Niger's junta expelled ... The junta also ordered French troops
     * out": an actor with a role only is the last one of that role the
     * article placed, before the other side's state */
    if (!st && role[0] && (!target || definite_role(c, m))) {
        st = last_of_role(c, role);
        /* "Russia expelled two British diplomats. The foreign ministry
         * accused them (Britain)": not when that is the other side's state */
        /* (a side only recalled, the agents of "the move", may be the
         * actor's own: "The ruling party backed the move" of its parliament) */
        if (st && other && other->end && !strcmp(st, other->country)) st = NULL;
    }
    /* ... the state that acted last in the article, not the other side's */
    if (!st && !target && !strcmp(role, "GOV") && other && other->country[0])
        st = last_agent_state(c, other, titled_person(c, m) ? 2 : 1);
    /* "Pakistan condemned the Afghan attack, which killed three soldiers":
     * the forces (or civilians: "26 civilians were killed in the Indian
     * strikes") a state's violence (roots 18-20) hits are of another state,
     * the nearest one named; a rebel group's or a crowd's are of its own */
    /* "Hamas, which has fought Israel for decades, said its fighters had
     * killed three soldiers": the forces an armed group's violence hits are
     * of the state it is at odds with in the article, when that is another
     * state than its own (else of its own: the Taliban's Afghan soldiers) */
    if (!st && target && other && other->country[0] && force_role(role) && !strcmp(other->role, "REB") &&
        c->coding && c->coding->pat && violent_code(c->coding->pat->code)) {
        st = group_enemy_state(c, other);
    }
    if (!st && target && other && other->country[0] && (force_role(role) || !strcmp(role, "CVL")) &&
        state_side(other) && c->coding && c->coding->pat && violent_code(c->coding->pat->code)) {
        st = nearest_state(c, near, other->country);
        /* none named here: the state it struck last ("India launched missile
         * strikes on Pakistan ... 26 civilians were killed in Indian strikes") */
        if (!st) st = struck_state(c, other);
    }
    /* an actor in a reported clause is of the state that reports it, when
     * the other side is of another state ("Israel's army said troops
     * killed two Palestinian gunmen": no Palestinian troops) */
    if (!st && !target && other && other->country[0]) {
        const char *rep = reporter_state(c, near);
        if (rep && strcmp(rep, other->country)) st = rep;
    }
    /* the other side when it is an actor of a state, or the state where
     * the event happens ("declared a state of siege in Haiti") */
    if (!st && other && other->country[0]) {
        const char *place = event_place(c, near);
        /* "the incoming prime minister rejected President Trump's bid"
         * after "Greenland's parties": a government organ acting on
         * another government is of another state the sentence names
         * (forces are not: "the soldiers who fired on its border guards") */
        const char *mate = !target && !strcmp(role, "GOV") && !strcmp(role, other->role) && !plural_member(c, m)
                               ? nearest_state(c, near, other->country) : NULL;
        /* "The Foreign Ministry summoned the Chinese ambassador": a state's
         * diplomat is abroad, so the organ acting on him is of another state,
         * the article's, when the sentence names none */
        if (!mate && !target && !strcmp(role, "GOV") && diplomat_member(c, other))
            mate = other_article_state(c, other);
        if (target && role[0] && !strcmp(role, other->role))
            st = role_mate_state(c, other);
        else if (mate)
            st = mate;
        else if (target || other->role[0] || (place && !strcmp(place, other->country)))
            st = other->country;
    }
    /* "Vietnam accused China of ... The ministry also demanded compensation
     * from Beijing": an organ of a state with no state named is of the
     * state that acted last in the article, when that is not the other side */
    if (!st && !target && role[0] && !local_role(role)) st = last_agent_state(c, other, 1);
    if (!st) st = nearest_state(c, near, target ? NULL : (other ? other->country : NULL));
    /* "Police arrested a man at the scene": police, crowds and rebels are of
     * the last place the article named, not of its last state (a leader
     * abroad who sent condolences) */
    if (!st && local_role(role) && c->mem->place[0]) st = c->mem->place;
    /* "South Korea's military is on alert. Foreign Minister X criticised
     * North Korea": an organ or force nothing else placed is not of its
     * counterpart's state because that state was named last (in its own
     * sentence): it is of the state the article named most, other than the
     * counterpart's (rebels, crowds and police stay of their place: "The
     * rebels had demanded that Jakarta negotiate") */
    if (!st && !target && other && other->country[0] && !local_role(role) && !strcmp(c->mem->country, other->country))
        st = other_article_state(c, other);
    if (!st && c->mem->country[0]) st = c->mem->country;
    if (st) ne_member_set(m, st, role);
}

/* A named person of no known state that an event placed keeps the state
 * for the rest of the article (ne_memory_place_person): the mention of
 * the sentence whose span the member has. */
static void keep_placement(const ctx_t *c, const ne_member_t *before, const ne_member_t *after)
{
    if (!unplaced(before) || !after->country[0]) return;
    const ne_doc_t *d = c->s.d;
    for (size_t k = 0; k < d->ment.n; k++) {
        const ne_mention_t *mm = &d->ment.v[k];
        if (mm->n == 1 && (mm->flags & NE_MF_PERSON) && !(mm->flags & NE_MF_PRON) &&
            d->tok.v[mm->tb].start <= before->start && before->end <= d->tok.v[mm->te - 1].end) {
            ne_memory_place_person(c->mem, d, mm, after);
            return;
        }
    }
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
    /* "but reversed course", "who fled to New Delhi in August" */
    return g->head > c->s.tb && (is_w(c, g->head - 1, "and") || is_w(c, g->head - 1, "but") ||
                                 is_w(c, g->head - 1, "who") || is_w(c, g->head - 1, "which"));
}

/* Give each time expression to the nearest verb group on its left (else
 * on its right): "X did Y on Monday, Z said on Tuesday" dates Y Monday.
 * Groups that coded something or report speech are preferred over other
 * verb forms ("a currency swap agreement on Thursday" dates "signed"). */
/* "denounced the verdict in a statement issued by her party on Monday": a
 * passive participle without an auxiliary tells of its noun; the date goes
 * to the clause's verb first. */
static int bare_participle(const ne_vgroup_t *g)
{
    return (g->flags & NE_VG_PASSIVE) && g->first == g->head;
}

/* "Relations, already strained by the collapse of a deal in January,
 * deteriorated on Monday": a time inside a parenthetical between commas
 * that has a verb of its own dates no verb after the closing comma. Is
 * there such a comma between x and `head`, and a verb between the opening
 * comma and x? */
static int parenthetical_time(const ctx_t *c, const ne_timex_t *x, uint32_t head)
{
    const ne_doc_t *d = c->s.d;
    uint32_t close = x->te;
    while (close < head && !is_punct(c, close, ",")) close++;
    if (close >= head) return 0;
    uint32_t open = x->tb;
    while (open > c->s.tb && !is_punct(c, open - 1, ",")) open--;
    if (open <= c->s.tb) return 0;
    for (size_t k = 0; k < d->vg.n; k++)
        if (d->vg.v[k].head >= open && d->vg.v[k].head < x->tb) return 1;
    return 0;
}

/* The token after a phrase of place at k ("in Iran": a preposition of
 * class LOCATIVE and one mention that starts right after it), else 0. */
static uint32_t place_phrase_end(const ctx_t *c, uint32_t k)
{
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_LOCATIVE);
    if (k + 1 >= c->s.te || cls == NE_LEX_NONE || !ne_lex_in_class(c->s.lx, cls, tok(c, k)->word)) return 0;
    int32_t m = ment_at(c, k + 1);
    return m >= 0 && c->s.d->ment.v[m].tb == k + 1 ? c->s.d->ment.v[m].te : 0;
}

/* Does the comma at q close a clause right before the time expression
 * at b, with at most phrases of place between ("..., at Tehran airport on
 * Tuesday")? */
static int comma_closes_before(const ctx_t *c, uint32_t q, uint32_t b)
{
    if (!is_punct(c, q, ",")) return 0;
    uint32_t p = q + 1, e;
    while (p < b && (e = place_phrase_end(c, p)) > p && e <= b) p = e;
    if (p == b) return 1;
    /* "at her home on Monday": a phrase of place that names no actor,
     * with no comma and no verb before the time */
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_LOCATIVE);
    if (cls == NE_LEX_NONE || !ne_lex_in_class(c->s.lx, cls, tok(c, p)->word) || b - p > 6) return 0;
    for (uint32_t k = p + 1; k < b; k++)
        if (tok(c, k)->kind != NE_TK_WORD) return 0;
    for (size_t k = 0; k < c->s.d->vg.n; k++)
        if (c->s.d->vg.v[k].head > p && c->s.d->vg.v[k].head < b) return 0;
    return 1;
}

/* "Abu Dhabi has denied arming the RSF, which has been at war with the army
 * since April 2023": a time expression inside a relative clause between
 * commas belongs to that clause, not to a verb before it. Is there a
 * relative word after a comma between tokens a and b (within
 * MAX_RELATIVE_SPAN tokens of a)? */
#define MAX_RELATIVE_SPAN 40 /* tokens between a verb and a time expression looked at */
static int relative_between(const ctx_t *c, uint32_t a, uint32_t b)
{
    for (uint32_t k = a + 1; k < b && k < c->s.te && k - a < MAX_RELATIVE_SPAN; k++)
        if (tok(c, k - 1)->kind == NE_TK_PUNCT && is_punct(c, k - 1, ",") && (wf(c, k) & NE_W_REL) &&
            !is_w(c, k, "that")) {
            /* "arrested Leila Sadeghi, who lives in Sweden, on Tuesday":
             * the relative clause closes at the comma right before the
             * time, which is the verb's before it again */
            uint32_t q = k + 1;
            while (q + 1 < b && !is_punct(c, q, ",")) q++;
            if (q < b && comma_closes_before(c, q, b)) {
                k = q;
                continue;
            }
            return 1;
        }
    return 0;
}

/* Is the verb at h inside a relative clause between commas that closes
 * right before the time expression at b ("X, who lives in Sweden, on
 * Tuesday")? Then the time is not its. */
static int in_closed_relative(const ctx_t *c, uint32_t h, uint32_t b)
{
    if (h + 1 >= b) return 0;
    uint32_t q = h + 1;
    while (q < b && !is_punct(c, q, ",")) q++;
    if (q >= b || !comma_closes_before(c, q, b)) return 0;
    for (uint32_t o = h; o > c->s.tb + 1 && h - o < MAX_RELATIVE_SPAN; o--) {
        if (!is_punct(c, o - 1, ",")) continue;
        return (wf(c, o) & NE_W_REL) && !is_w(c, o, "that");
    }
    return 0;
}

static void attach_dates(ctx_t *c)
{
    ne_doc_t *d = c->s.d;
    for (size_t x = 0; x < d->tx.n; x++) {
        int32_t best = -1;
        for (int pass = 0; pass < 2 && best < 0; pass++) {
            /* the last eligible group on the left (a bare participle only
             * when no other is), else the first on the right */
            int32_t left = -1, left_part = -1, right = -1;
            for (size_t k = 0; k < d->vg.n; k++) {
                const ne_vgroup_t *g = &d->vg.v[k];
                if ((g->flags & (NE_VG_NOUN | NE_VG_CONSUMED)) ||
                    (pass == 0 && !strong_group(g) && !sure_verb(c, g)))
                    continue;
                if (g->head < d->tx.v[x].tb) {
                    if (relative_between(c, g->head, d->tx.v[x].tb) ||
                        in_closed_relative(c, g->head, d->tx.v[x].tb))
                        continue;
                    if (bare_participle(g)) left_part = (int32_t)k;
                    else left = (int32_t)k;
                } else if (g->head >= d->tx.v[x].te && right < 0 && !parenthetical_time(c, &d->tx.v[x], g->head))
                    right = (int32_t)k;
            }
            if (left < 0) left = left_part;
            best = left >= 0 && !(d->tx.v[x].flags & NE_TX_OPENS) ? left : right;
        }
        /* "accused the army of violating a ceasefire signed last year": a
         * time right after a participle that follows a plain noun (a reduced
         * relative, which the first pass skips as no sure verb) is the
         * participle's */
        for (size_t k = 0; k < d->vg.n; k++) {
            const ne_vgroup_t *g = &d->vg.v[k];
            if (!(g->flags & (NE_VG_NOUN | NE_VG_CONSUMED)) && g->head + 1 == d->tx.v[x].tb &&
                !(d->tx.v[x].flags & NE_TX_OPENS) && !strong_group(g) && !sure_verb(c, g) &&
                g->first == g->head && g->head > c->s.tb && tok(c, g->head - 1)->kind == NE_TK_WORD &&
                !wf(c, g->head - 1) && ment_at(c, g->head - 1) < 0)
                best = (int32_t)k;
            /* "a French tourist detained in Iran in 2022 was freed on
             * Thursday": the same after a party and a phrase of place */
            else if (!(g->flags & (NE_VG_NOUN | NE_VG_CONSUMED)) && !(d->tx.v[x].flags & NE_TX_OPENS) &&
                     !strong_group(g) && !sure_verb(c, g) && g->first == g->head && g->head > c->s.tb &&
                     ment_at(c, g->head - 1) >= 0 && (lemma_forms(c, g->head, g->lemma) & NE_F_PPART) &&
                     place_phrase_end(c, g->head + 1) == d->tx.v[x].tb)
                best = (int32_t)k;
        }
        if (best >= 0 && d->vg.v[best].date < 0) d->vg.v[best].date = (int32_t)x;
    }
}

/* Does time expression x begin after the day the article was published
 * (compared at x's precision)? */
static int after_published(const ne_timex_t *x, int published)
{
    if (!published) return 0;
    if (x->prec == NE_PREC_YEAR) return x->ymd / 10000 > published / 10000;
    if (x->prec == NE_PREC_MONTH) return x->ymd / 100 > published / 100;
    return x->ymd > published;
}

/* The time expression a relative "when" opening g's clause refers to:
 * the one that ends right before it, with or without a comma ("in May,
 * when he signed"). NULL none. Looks back a few tokens only. */
static const ne_timex_t *when_antecedent(const ctx_t *c, const ne_vgroup_t *g)
{
    const ne_doc_t *d = c->s.d;
    for (uint32_t k = g->first; k > c->s.tb && g->first - k < 8; k--) {
        uint32_t w = k - 1;
        if (tok(c, w)->kind == NE_TK_PUNCT) return NULL;
        if (!is_w(c, w, "when")) continue;
        uint32_t end = w > c->s.tb && is_punct(c, w - 1, ",") ? w - 1 : w;
        for (size_t x = 0; x < d->tx.n; x++)
            if (d->tx.v[x].te == end && d->tx.v[x].tb >= c->s.tb) return &d->tx.v[x];
        return NULL;
    }
    return NULL;
}

static void event_date(const ctx_t *c, const ne_vgroup_t *g, int intent, ne_event_t *e)
{
    const ne_doc_t *d = c->s.d;
    const ne_timex_t *x = NULL;
    int src = NE_DATE_TEXT;
    if (g->date >= 0) {
        x = &d->tx.v[g->date];
        /* "Blinken will visit Cairo on Monday": a time after the verb of a
         * future intention is when the act is to happen; the intention is
         * dated when said (the reporting verb's date, else the default); so
         * is a threat told by "would" or "will" ("would recognise a
         * Palestinian state in September unless ..."; "threatened to cut
         * power on Monday" is dated Monday) */
        if (intent && ((x->flags & NE_TX_FUTURE) ||
                       ((g->flags & NE_VG_FUTURE) && x->tb > g->head) ||
                       ((g->flags & NE_VG_THREAT) && (wf(c, g->first) & (NE_W_MODAL | NE_W_FUTURE)) &&
                        x->tb > g->head)))
            x = NULL;
        /* "suspended talks on joining the EU until 2028": a done act is
         * never dated after the article; the date is its term's end */
        else if (!intent && after_published(x, d->published)) x = NULL;
    }
    /* "last visited Beijing in May, when he signed a deal": a clause of
     * "when" after a time expression is of that time */
    if (!x) x = when_antecedent(c, g);
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
        int src_default;
        e->date_ymd = ne_dates_default(c->s.lx, d, g, c->mem->anchor, &src_default);
        e->date_precision = NE_PREC_DAY;
        e->date_source = (ne_date_source_t)src_default;
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

static int compass_adjective(const ctx_t *c, uint32_t k);

/* "discussed the crisis in Gaza with his Qatari counterpart": a place
 * named with "in" after a noun of the object, between the verb being coded
 * and its counterpart, belongs to the object's noun phrase; it is not
 * where the act took place ("met in Geneva with X" is). */
static int in_object_phrase(const ctx_t *c, uint32_t in)
{
    const ne_vgroup_t *g = c->coding;
    if (!g || in <= g->head + 1) return 0;
    if (g->target < 0) {
        /* "Fidan and his guest discussed the war in Gaza": with no
         * counterpart after the verb, a place after the verb's own object
         * noun phrase (plain words only, no preposition: not "met behind
         * closed doors in Geneva") is the object's */
        if (in - g->head > 6) return 0;
        for (uint32_t q = g->head + 1; q < in; q++)
            if (tok(c, q)->kind != NE_TK_WORD || ment_at(c, q) >= 0 || in_timex(c, q) ||
                (wf(c, q) & (NE_W_PREP | NE_W_CONJ | NE_W_REL | NE_W_PRON)) || verb_head_at(c, q))
                return 0;
        const ne_token_t *t = tok(c, in - 1);
        return !(t->flags & NE_TF_CAP);
    }
    if (in >= c->s.d->ment.v[g->target].tb) return 0;
    const ne_token_t *t = tok(c, in - 1);
    return t->kind == NE_TK_WORD && !(t->flags & NE_TF_CAP) && ment_at(c, in - 1) < 0;
}

/* The state of the place named with "in" in the sentence ("in Geneva",
 * "in northern Israel"). */
static const char *location_country(const ctx_t *c)
{
    for (size_t k = 0; k < c->s.d->ment.n; k++) {
        const ne_mention_t *mm = &c->s.d->ment.v[k];
        if (mm->n != 1 || !mm->m[0].country[0] || mm->m[0].role[0] || mm->tb <= c->s.tb) continue;
        uint32_t p = mm->tb - 1;
        if (p > c->s.tb && compass_adjective(c, p)) p--;
        if (is_w(c, p, "in") && !in_object_phrase(c, p)) return mm->m[0].country;
    }
    return NULL;
}

static int clause_names(const ctx_t *c, const ne_vgroup_t *g, int gc, int patient);

/* Is the act coded `code` by the group being coded an armed attack: small
 * arms, artillery or air (193-195), or a weapon named in its clause? */
static int armed_attack(const ctx_t *c, const char *code)
{
    return !strncmp(code, "193", 3) || !strncmp(code, "194", 3) || !strncmp(code, "195", 3) ||
           (c->coding && clause_names(c, c->coding, NE_GC_WEAPONS, 0));
}


/* Was the act coded 175 (violent repression) only because the ones its
 * clause acts on are a crowd (code-kind-crowd), while its actor is people
 * themselves, civilians or the opposition, and no force of order? The
 * pattern's own code is an act of force (root 18-19). */
static int crowd_fight_by_people(const ctx_t *c, const ne_event_t *e, const ne_member_t *a)
{
    if (strcmp(e->code, "175") || !c->coding || !c->coding->pat) return 0;
    int proot = code_root(c->coding->pat->code);
    return (proot == 18 || proot == 19) && (!strcmp(a->role, "CVL") || !strcmp(a->role, "OPP"));
}

/* Does the group being coded take its counterpart from the actor's own
 * state by its pattern's option (self, gov)? */
static int own_state_frame(const ctx_t *c)
{
    return c->coding && c->coding->pat && (c->coding->pat->opts & (NE_PO_SELF | NE_PO_GOV));
}

/* Is the member a state, its government, or an organisation of states? */
static int state_actor(const ne_member_t *a)
{
    return (a->country[0] && (!a->role[0] || !strcmp(a->role, "GOV"))) || !strncmp(a->code, "IGO", 3);
}

/* "The RSF arrested several of its own fighters": "own" after a possessive
 * in the mention of g's counterpart says the actor acts on its own members
 * (an internal purge), an event between two equal codes, which emit
 * otherwise takes for a misread of one party as two. */
static int own_members(const ctx_t *c, const ne_vgroup_t *g)
{
    if (!g || g->target < 0) return 0;
    const ne_mention_t *m = &c->s.d->ment.v[g->target];
    for (uint32_t k = m->tb; k + 1 < m->te && k < m->tb + 3; k++)
        if ((wf(c, k) & NE_W_POSS) && is_w(c, k + 1, "own")) return 1;
    return 0;
}

/* Is the coded group's object a state itself ("Albania", "its
 * neighbour"), not people of one ("two Chinese nationals", "a Briton")? */
static int state_target(const ctx_t *c)
{
    if (!c->coding || c->coding->target < 0) return 0;
    const ne_mention_t *m = &c->s.d->ment.v[c->coding->target];
    return m->n == 1 && !(m->flags & (NE_MF_PLURAL | NE_MF_PERSON | NE_MF_PERSONS | NE_MF_NAME | NE_MF_ONE |
                                      NE_MF_GENERIC | NE_MF_PRON | NE_MF_LOC | NE_MF_WEAK));
}

static int emit(ctx_t *c, struct ne_events_s *ev, const ne_event_t *proto, const ne_member_t *a,
                const ne_member_t *b)
{
    if (!a->code[0] || !b->code[0]) return 0;
    if (unplaced(a) || unplaced(b)) return 0;
    if (strcmp(a->code, b->code) == 0 && !own_members(c, c->coding)) return 0;
    ne_event_t e = *proto;
    int root = code_root(e.code);
    /* a state consulting or cooperating with itself ("Beijing was ready to
     * work with the new administration" read as China's own) is a misread:
     * only other actors of the same state (opposition, rebels, people) count;
     * a frame whose pattern names the own state (self, gov: "agreed to
     * resign") means it. Nor does a state or its government demand of,
     * criticise or reject itself ("called the incursions a hybrid attack",
     * the incursions read as the state's own closure of its border): roots
     * 10-12 too, aimed at the bare state (a court, coded by its state alone,
     * may order the government: "the Supreme Court ordered the government
     * to release") */
    if (((root >= 3 && root <= 6) || (root >= 10 && root <= 12 && !b->role[0])) && !own_state_frame(c) &&
        a->country[0] &&
        !strcmp(a->country, b->country) &&
        (!a->role[0] || !strcmp(a->role, "GOV")) && (!b->role[0] || !strcmp(b->role, "GOV")))
        return 0;
    /* "Russia expelled diplomats" read as Russia's own: no state breaks
     * relations with itself (its diplomats of no state named are another's) */
    if (root == 16 && a->country[0] && !strcmp(a->country, b->country) && !strcmp(b->role, "GOV") &&
        (!a->role[0] || !strcmp(a->role, "GOV")))
        return 0;
    if (!strcmp(e.code, "040")) {
        /* a meeting in a third state ("met his counterparts in Geneva") */
        const char *place = location_country(c);
        if (place && a->country[0] && b->country[0] && strcmp(place, a->country) &&
            strcmp(place, b->country))
            set_cameo(c, &e, "044");
    }
    if (!strncmp(e.code, "173", 3) && state_actor(a) && b->country[0] && !b->role[0] && state_target(c)) {
        /* no state is arrested or put on trial: a state "charging" another
         * ("charging its neighbour with supporting dissidents") accuses it */
        set_cameo(c, &e, "112");
    }
    if (root == 14 && state_actor(a)) {
        /* a state or its government "protesting" complains officially
         * (114: "summoned the ambassador to protest against the decision");
         * demonstrations, strikes and boycotts (14) are the people's */
        set_cameo(c, &e, "114");
    }
    if (crowd_fight_by_people(c, &e, a)) {
        /* "Albanian fans attacked Serbian supporters": people who attack a
         * crowd do not repress it (175 is a force of order's): an unarmed
         * assault by people is unconventional violence (180), an armed one
         * keeps the pattern's own code */
        set_cameo(c, &e, armed_attack(c, c->coding->pat->code) ? c->coding->pat->code : "180");
        root = class_root(e.code);
    }
    if (root == 18 || root == 19 || !strncmp(e.code, "171", 3)) {
        /* civilians attacking or wrecking their own state's organs: a riot
         * (145); not an armed attack ("shot at soldiers", "with grenades") */
        if ((!strcmp(a->role, "CVL") || !strcmp(a->role, "OPP")) && !strcmp(a->country, b->country) &&
            (!strcmp(b->role, "GOV") || !strcmp(b->role, "COP") || !strcmp(b->role, "MIL")) &&
            !armed_attack(c, e.code)) {
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

/* The actor of coded event e as a member (code, state, role), with no
 * place in the text. */
static void actor_member(const ne_event_t *e, ne_member_t *out)
{
    memset(out, 0, sizeof(*out));
    ne_strlcpy(out->code, e->actor.code, sizeof(out->code));
    ne_strlcpy(out->country, e->actor.country, sizeof(out->country));
    if (e->actor.country[0] && strlen(e->actor.code) > 3) ne_strlcpy(out->role, e->actor.code + 3, sizeof(out->role));
}

/* Is the event party with code `code` and state `country` the actor? An
 * actor with no state yet (a bare role: "police") is the party of that
 * role ("threw stones at police, who responded with tear gas"). */
static int reply_party(const char *code, const char *country, const ne_member_t *actor)
{
    /* "protesters ... at police, who responded": two roles of one state are two parties */
    if (actor->country[0] && actor->role[0] && strlen(code) > 3)
        return !strcmp(country, actor->country) && !strcmp(code + 3, actor->role);
    if (actor->country[0]) return !strcmp(country, actor->country);
    if (!strcmp(code, actor->code)) return 1;
    return country[0] && actor->code[0] && strlen(code) > 3 && !strcmp(code + 3, actor->code);
}

/* "Minsk denied the charge": a reply is addressed to whoever last acted on
 * the replying state in this article. */
static int reply_target(const struct ne_events_s *ev, const ne_member_t *actor, ne_member_t *out)
{
    for (size_t i = ev->ev.n; i > 0; i--) {
        const ne_event_t *e = &ev->ev.v[i - 1];
        int same = reply_party(e->counterpart.code, e->counterpart.country, actor);
        /* a reply goes to another party: not the actor's own state */
        int own = reply_party(e->actor.code, e->actor.country, actor);
        if (!same || own) continue;
        actor_member(e, out);
        out->start = e->actor.start;
        out->end = e->actor.end;
        return 1;
    }
    return 0;
}

/* "Israeli troops killed three Palestinians in Jenin ... Hamas vowed
 * revenge": a threat that names no one answers the last hostile act (a
 * threat, or roots 15-20 and 16's sanctions: no protest, no visit) of a
 * party of another state on the threatener or its compatriots (its state,
 * or a party of it in any role). */
static int avenged_party(const struct ne_events_s *ev, const ne_member_t *actor, ne_member_t *out)
{
    if (!actor->country[0]) return 0;
    for (size_t i = ev->ev.n; i > 0; i--) {
        const ne_event_t *e = &ev->ev.v[i - 1];
        int root = code_root(e->code);
        if (root < 13 || root == 14 || strcmp(e->counterpart.country, actor->country) ||
            !e->actor.country[0] || !strcmp(e->actor.country, actor->country))
            continue;
        actor_member(e, out);
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
static void remember_event(ne_memory_t *mem, const char *code, int32_t word, int32_t means, uint32_t sent,
                           const ne_member_t *agent, int na, const ne_member_t *target, int nt)
{
    struct ne_memevent_s *e = &mem->events[mem->nevents % NE_MEM_EVENTS];
    e->background = 0;
    ne_strlcpy(e->code, code, sizeof(e->code));
    e->word = word;
    e->means = means;
    e->sent = sent;
    e->nagent = e->ntarget = 0;
    for (int i = 0; i < na && e->nagent < NE_MEM_EVMEMBERS; i++)
        if (agent[i].code[0] && !unplaced(&agent[i])) e->agent[e->nagent++] = agent[i];
    for (int i = 0; i < nt && e->ntarget < NE_MEM_EVMEMBERS; i++)
        if (target[i].code[0] && !unplaced(&target[i])) e->target[e->ntarget++] = target[i];
    if (e->nagent) mem->nevents++;
}

/* "Israeli jets struck depots on Monday, a day after the group fired
 * rockets at a base": is group g's subject the start of a clause of
 * "after"? Such a clause tells an act that came before the main one. */
static int after_clause(const ctx_t *c, const ne_vgroup_t *g)
{
    int32_t m = g->first > c->s.tb ? ment_at(c, g->first - 1) : -1;
    if (m < 0) return 0;
    uint32_t b = c->s.d->ment.v[m].tb;
    return b > c->s.tb && is_w(c, b - 1, "after");
}

/* "Hungary had blocked the package for two weeks": an act told in the
 * pluperfect ("had" + participle opening its group) lies before the
 * story's main line; the event just remembered for group g is marked so,
 * and a later "the decision" or "the move" refers to the main line first
 * (recall_event_lx); so is an act told in a clause of "after". */
static void mark_background(ctx_t *c, const ne_vgroup_t *g)
{
    ne_memory_t *mem = c->mem;
    if (!mem->nevents || (g->flags & (NE_VG_FUTURE | NE_VG_MODAL | NE_VG_NOUN))) return;
    if ((g->first < g->head && is_w(c, g->first, "had")) || after_clause(c, g))
        mem->events[(mem->nevents - 1) % NE_MEM_EVENTS].background = 1;
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

/* "Israeli air strikes killed 25 people ... condemned the strikes": the
 * event noun that heads an active verb's subject is a name of the event as
 * well as the verb (-1: none). Read back from the verb to the clause's
 * start, at most a few words. */
/* "parliament voted on Tuesday to suspend the agreement ... welcomed the
 * vote", "pledged to send aid ... the pledge": a group whose first verb
 * governs the infinitive of its head (the group spans "voted ... to
 * suspend") and is itself the name of an event noun (event-nouns.tsv):
 * that noun names the act too. Its word, else -1. */
static int32_t mood_noun(const ctx_t *c, const ne_vgroup_t *g)
{
    if (g->first == g->head || g->head < c->s.tb + 2 || !is_w(c, g->head - 1, "to")) return -1;
    for (uint32_t v = ne_lex_vforms(c->s.lx, tok(c, g->first)->word); v != NE_LEX_NONE;
         v = ne_lex_vform(c->s.lx, v)->next) {
        const char *name = ne_lex_lemma_name(c->s.lx, ne_lex_vform(c->s.lx, v)->lemma);
        int32_t w = ne_lex_word_find(c->s.lx, name, strlen(name));
        uint32_t noun = w >= 0 ? ne_lex_noun(c->s.lx, w) : NE_LEX_NONE;
        if (noun != NE_LEX_NONE && ne_lex_noun_roots(c->s.lx, noun)) return ne_lex_noun_word(c->s.lx, noun);
    }
    return -1;
}

static int32_t means_word(const ctx_t *c, const ne_vgroup_t *g)
{
    int32_t mood = mood_noun(c, g);
    if (mood >= 0) return mood;
    /* "killed five people in a raid": the event noun after "in" that the
     * matched words hold names the event too */
    for (uint32_t k = g->head + 2; k < g->mend && k < c->s.te; k++) {
        uint32_t noun = ne_lex_noun(c->s.lx, tok(c, k)->word);
        if (noun == NE_LEX_NONE || !ne_lex_noun_roots(c->s.lx, noun)) continue;
        for (uint32_t b = k; b > g->head + 1 && k - b < 4; b--)
            if (is_w(c, b - 1, "in")) return ne_lex_noun_word(c->s.lx, noun);
    }
    for (uint32_t k = g->first; !(g->flags & NE_VG_PASSIVE) && k > c->s.tb && g->first - k < 6; k--) {
        const ne_token_t *t = tok(c, k - 1);
        if (t->kind == NE_TK_PUNCT) break;
        uint32_t noun = ne_lex_noun(c->s.lx, t->word);
        if (noun != NE_LEX_NONE && ne_lex_noun_roots(c->s.lx, noun)) return ne_lex_noun_word(c->s.lx, noun);
    }
    /* "Beijing staged large-scale drills ... condemned the exercises": the
     * event noun heading the matched object (no preposition before it, a
     * few words after the verb) names the event too */
    for (uint32_t k = g->head + 1; k < g->mend && k < c->s.te && k - g->head <= 5; k++) {
        if (wf(c, k) & NE_W_PREP) break;
        uint32_t noun = ne_lex_noun(c->s.lx, tok(c, k)->word);
        if (noun != NE_LEX_NONE && ne_lex_noun_roots(c->s.lx, noun)) return ne_lex_noun_word(c->s.lx, noun);
    }
    return -1;
}

static int add_member(ne_member_t *out, int n, int max, const ne_member_t *m)
{
    for (int k = 0; k < n; k++)
        if (!strcmp(out[k].code, m->code)) return n;
    if (n < max) out[n++] = *m;
    return n;
}

/* The distinct members m[0..n) of a remembered event, copied into out as
 * parties of an event told now: a reference to that event, not to where
 * they were named (no text span). Their count. */
static int recalled_members(const ne_member_t *m, int n, ne_member_t *out)
{
    int k = 0;
    for (int i = 0; i < n; i++) k = add_member(out, k, NE_MAX_MEMBERS, &m[i]);
    for (int i = 0; i < k; i++) out[i].start = out[i].end = 0;
    return k;
}

/* The most recent remembered event whose root is in roots, preferring one
 * coded by the same word ("the strikes": "struck" before "attacked"). */
/* Are nouns a and b (word ids) members of one noun class ("drill" and
 * "exercise", both EXERCISES)? A name of the one event may be the other. */
static int same_noun_class(const ne_lexicon_t *lx, int32_t a, int32_t b)
{
    if (!lx || a < 0 || b < 0) return 0;
    for (uint32_t k = ne_lex_cphrases(lx, a); k != NE_LEX_NONE; k = ne_lex_cphrase(lx, k)->next)
        if (ne_lex_cphrase(lx, k)->nwords == 1 && ne_lex_in_class(lx, ne_lex_cphrase(lx, k)->cls, b)) return 1;
    return 0;
}

/* As recall_event; with a lexicon, an event named by a noun of the same
 * class counts as coded by the word ("staged drills ... condemned the
 * exercises"), and so does one coded by a verb whose base form shares a
 * class with the word ("drones crossed into its airspace ... called the
 * incursion reckless": class ENTRIES). */
static const struct ne_memevent_s *recall_event_lx(const ne_lexicon_t *lx, const ne_memory_t *mem,
                                                   uint32_t roots, int32_t word)
{
    const struct ne_memevent_s *e;
    /* pass 0: named by the word or a noun of its class; 1: coded by a verb
     * of its class ("the raid" is the raid a killing was told in before
     * it is a later "attacked"); 2: any event of the roots */
    for (int pass = word >= 0 ? (lx ? 0 : 1) : 2; pass < 3; pass++) {
        /* (in pass 2, an act told in the pluperfect only when the main line
         * has none of the roots: mark_background) */
        const struct ne_memevent_s *back = NULL;
        for (size_t b = 1; (e = mem_event(mem, b)); b++) {
            int root = class_root(e->code);
            if (root < 1 || root > 20 || !(roots & (1u << root))) continue;
            if (pass < 2 && e->word != word && e->means != word && !same_noun_class(lx, e->means, word) &&
                (pass == 0 || !same_noun_class(lx, e->word, word)))
                continue;
            if (pass == 2 && e->background) {
                if (!back) back = e;
                continue;
            }
            return e;
        }
        if (back) return back;
    }
    return NULL;
}

static const struct ne_memevent_s *recall_event(const ne_memory_t *mem, uint32_t roots,
                                                int32_t word)
{
    return recall_event_lx(NULL, mem, roots, word);
}

/* The agents (and with participants the targets) of remembered event e
 * copied into out: a reference to the event, not to where they are now
 * (no text span). */
static int recalled_parties(const struct ne_memevent_s *e, int participants, ne_member_t *out, int max)
{
    int n = 0;
    /* "agreed to a swap, with Ethiopia acting as mediator ... talks hosted
     * by the AU": the parties of talks a mediation (045) stands for are the
     * sides it mediated between, the mediator no guest of the host */
    int mediator = participants && !strncmp(e->code, "045", 3) && e->ntarget >= 2;
    for (int k = 0; !mediator && k < e->nagent; k++) n = add_member(out, n, max, &e->agent[k]);
    for (int k = 0; participants && k < e->ntarget; k++) n = add_member(out, n, max, &e->target[k]);
    for (int k = 0; k < n; k++) out[k].start = out[k].end = 0;
    return n;
}

int ne_frames_recall(const ne_memory_t *mem, uint32_t roots, int32_t word, int participants,
                     ne_member_t *out, int max)
{
    const struct ne_memevent_s *e = recall_event(mem, roots, word);
    return e ? recalled_parties(e, participants, out, max) : 0;
}

/* "A truce brokered by Egypt between Israel and Hamas took effect. The UN
 * welcomed the truce": a deal or a truce (a noun of the parties of an act
 * of roots 05 or 08) that the article told only through its mediation (045,
 * more recent than any act of the noun's roots) is the deal of the
 * mediation's targets; the mediator is no party of it. Their count into
 * out, else 0. */
static int mediated_deal_parties(const ne_lexicon_t *lx, const ne_memory_t *mem, uint32_t noun,
                                 ne_member_t *out, int max)
{
    uint32_t roots = ne_lex_noun_roots(lx, noun);
    if (ne_lex_noun_participants(lx, noun) != NE_REF_PARTICIPANTS || !(roots & ((1u << 5) | (1u << 8))))
        return 0;
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(mem, b)); b++) {
        int root = class_root(e->code);
        if (root >= 1 && root <= 20 && (roots & (1u << root))) return 0;
        if (strncmp(e->code, "045", 3) || e->ntarget < 2) continue;
        int n = 0;
        for (int k = 0; k < e->ntarget; k++) n = add_member(out, n, max, &e->target[k]);
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
    int n = mediated_deal_parties(lx, mem, noun, out, max);
    if (n) return n;
    const struct ne_memevent_s *e = recall_event_lx(lx, mem, ne_lex_noun_roots(lx, noun), ne_lex_noun_word(lx, noun));
    return e ? recalled_parties(e, ne_lex_noun_participants(lx, noun) == NE_REF_PARTICIPANTS, out, max) : 0;
}

/* ---- counterparts ----------------------------------------------------------------- */

/* The agent of the event that a noun phrase names, from the phrase itself:
 * a mention among its modifiers ("the Russian missile attack") or after
 * "by" ("the attack by Houthi rebels"). */
static int32_t group_at(const ctx_t *c, uint32_t w);
static uint8_t lemma_forms(const ctx_t *c, uint32_t i, uint32_t lemma);
/* "the sanctions imposed by Washington", "the raid ordered by X": a reduced
 * passive participle right after the event noun at head, with its "by"
 * right after it or after one particle ("carried out by"), names the
 * event's agent as "the attack by X" does (not a meeting's: its host is one
 * party of it). The token of that "by", else 0.
 * (Two looks after the participle: no scan.) */
static uint32_t by_after_participle(const ctx_t *c, uint32_t head)
{
    uint32_t v = head + 1;
    if (v + 1 >= c->s.te || !verb_head_at(c, v)) return 0;
    /* a meeting's host is one of its parties, not its agent ("a summit
     * hosted by X": see ne_frames_event_noun_agents) */
    uint32_t noun = ne_lex_noun(c->s.lx, tok(c, head)->word);
    if (noun != NE_LEX_NONE && ne_lex_noun_participants(c->s.lx, noun) == NE_REF_PARTICIPANTS) return 0;
    int32_t g = group_at(c, v);
    if (g < 0) return 0;
    /* a bare participle: reduced, or made the agent's act by thing_passive */
    const ne_vgroup_t *vg = &c->s.d->vg.v[g];
    if (vg->first != vg->head || !(lemma_forms(c, v, vg->lemma) & NE_F_PPART)) return 0;
    if (is_w(c, v + 1, "by")) return v + 1;
    if (v + 2 < c->s.te && is_w(c, v + 2, "by") && tok(c, v + 1)->kind == NE_TK_WORD &&
        ment_at(c, v + 1) < 0 && !(tok(c, v + 1)->flags & NE_TF_CAP))
        return v + 2;
    return 0;
}

/* The word at token k in the singular, when the dictionaries list its
 * singular ("drills" -> "drill"); else the word itself. */
static int32_t noun_lemma(const ctx_t *c, uint32_t k)
{
    int32_t w = tok(c, k)->word, sg = w >= 0 ? ne_lex_singular(c->s.lx, w) : -1;
    return sg >= 0 ? sg : w;
}

/* "condemned the detention of 14 activists, who were seized by Belarusian
 * police": an event noun's "of" patient followed by a passive relative
 * on it whose verb a pattern codes with an act of the noun's roots (or a
 * seizure, 19, for an arrest noun's 17: the kind of the seized decides)
 * names the event's agent after the relative's "by". The "by" token, or 0. */
static uint32_t relative_by_after_of(const ctx_t *c, uint32_t head)
{
    if (head + 2 >= c->s.te || !is_w(c, head + 1, "of")) return 0;
    int32_t m = ment_at(c, head + 2);
    if (m < 0) return 0;
    uint32_t q = c->s.d->ment.v[m].te;
    if (q < c->s.te && is_punct(c, q, ",")) q++;
    int32_t rel = q < c->s.te ? ment_at(c, q) : -1;
    if (rel < 0 || !(c->s.d->ment.v[rel].flags & NE_MF_REL)) return 0;
    uint32_t noun = ne_lex_noun(c->s.lx, tok(c, head)->word);
    uint32_t roots = noun != NE_LEX_NONE ? ne_lex_noun_roots(c->s.lx, noun) : 0;
    for (size_t k = 0; k < c->s.d->vg.n; k++) {
        const ne_vgroup_t *v = &c->s.d->vg.v[k];
        if (v->first <= q || v->first > q + 3) continue;
        if (!(v->flags & NE_VG_PASSIVE) || !v->pat || v->head + 1 >= c->s.te || !is_w(c, v->head + 1, "by"))
            return 0;
        int root = code_root(v->pat->code);
        if (!(roots & (1u << root)) && !(root == 19 && (roots & (1u << 17)))) return 0;
        return v->head + 1;
    }
    return 0;
}

#define MAX_OF_PHRASE 7 /* tokens of the noun's of-phrase before its "by": "of two Armenian citizens" */

/* "expressed concern over the detention of Armenian citizens by
 * Azerbaijan": the "by" of an event noun's agent after the noun's own
 * of-phrase (its victims), within a few tokens and before any verb,
 * punctuation or clause word; 0 none. */
static uint32_t by_after_of_phrase(const ctx_t *c, uint32_t head)
{
    if (!is_w(c, head + 1, "of")) return 0;
    for (uint32_t q = head + 2; q < c->s.te && q < head + 2 + MAX_OF_PHRASE; q++) {
        if (is_w(c, q, "by")) return q > head + 2 ? q : 0;
        if (ment_at(c, q) >= 0) continue;
        if (tok(c, q)->kind != NE_TK_WORD || verb_head_at(c, q) || (wf(c, q) & (NE_W_REL | NE_W_SUBORD | NE_W_PREP)))
            return 0;
    }
    return 0;
}

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
    uint32_t by = by_after_participle(c, head);
    if (is_w(c, head + 1, "by")) by = head + 1;
    if (!by) by = by_after_of_phrase(c, head);
    /* "the joint drills of the United States and South Korea" */
    if (is_w(c, head + 1, "of") && ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_AGENT_OF), noun_lemma(c, head)))
        by = head + 1;
    if (!by) by = relative_by_after_of(c, head);
    if (by) {
        int32_t m = ment_at(c, by + 1);
        if (m < 0 && (wf(c, by + 1) & NE_W_DET)) m = ment_at(c, by + 2);
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
        /* the phrase ends at the verb or an actor before it ("The EU
         * pledged humanitarian aid": "The" is not the article of "aid") */
        if (verb_head_at(c, p) || (ment_at(c, p) >= 0 && !is_w(c, p, "'s") && !(wf(c, p) & NE_W_POSS)))
            return 0;
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
        int root = class_root(e->code);
        if (root < 1 || root > 20 || !(roots & (1u << root))) continue;
        int on_actor = 0;
        for (int k = 0; k < e->ntarget && !on_actor; k++)
            on_actor = actor->country[0] ? !strcmp(e->target[k].country, actor->country)
                                         : !strcmp(e->target[k].code, actor->code);
        if (!on_actor) continue;
        return recalled_members(e->agent, e->nagent, cp);
    }
    return 0;
}

/* Is remembered member m the party `actor` (the same code, or, for an actor
 * not yet placed, the same role: "officers" is the police named before)? */
static int acting_party(const ne_member_t *m, const ne_member_t *actor)
{
    return !strcmp(m->code, actor->code) || (unplaced(actor) && actor->role[0] && !strcmp(m->role, actor->role));
}

/* "officers shot dead three attackers and captured a fourth": people named
 * by their part in an attack are the agents of the article's last such
 * attack by another party than the one acting on them (the police's own
 * shooting is no attack by "the attackers"). */
static int other_agents(const ctx_t *c, uint32_t noun, const ne_member_t *actor, ne_member_t *cp)
{
    uint32_t roots = ne_lex_noun_roots(c->s.lx, noun);
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++) {
        int root = class_root(e->code);
        if (root < 1 || root > 20 || !(roots & (1u << root)) || !e->nagent || acting_party(&e->agent[0], actor))
            continue;
        return recalled_members(e->agent, e->nagent, cp);
    }
    return 0;
}

/* "criticised a meeting between Honduran military chiefs and Venezuela's
 * defence minister", "condemned the talks between Russia and Iran": the
 * parties of a compound right after the event noun's "between"; 0 none. */
static int between_parties(const ctx_t *c, uint32_t head, ne_member_t *cp)
{
    int32_t m = is_w(c, head + 1, "between") ? ment_at(c, head + 2) : -1;
    if (m < 0 || c->s.d->ment.v[m].n < 2 || (c->s.d->ment.v[m].flags & NE_MF_REL)) return 0;
    return members(c, m, cp);
}

static const char *place_after(const ctx_t *c, uint32_t head);

/* "Jordanian police arrested 16 suspects", "soldiers arrested dozens of
 * suspects": people named by their part in an attack the article has not
 * told of are people of the state where the actor acts (a place named
 * after them in the clause: "arrested 20 suspects in the West Bank"), else
 * of the actor's own state, as "arrested 16 people" is. */
static int suspects_at_home(const ctx_t *c, uint32_t head, const ne_member_t *act, int na, ne_member_t *cp)
{
    if (!na) return 0;
    ne_member_t m = act[0];
    resolve_member(c, &m, NULL, head, 0);
    const char *place = place_after(c, head);
    if (!place && !m.country[0]) return 0;
    ne_member_set(&cp[0], place ? place : m.country, "");
    cp[0].start = cp[0].end = 0;
    return 1;
}

/* "condemned the raid": the counterpart is the raid's agent, named in the
 * phrase, or, for a definite phrase, the agents of the last event of the
 * article that the noun can name (its participants for a meeting noun:
 * "hosted the summit"; for a counter-act, the last such act on the actor). */
/* "Kenya signed a pact with Somalia ... Ethiopia and Djibouti signed a
 * memorandum ... The AU commended both agreements": a plural event noun of
 * the parties of an act (`participants`) after "both" or "the two" (and up
 * to two modifiers) names the article's last two events of its roots; the
 * counterparts are the parties of both (agents and targets). Their count,
 * 0 when the article told fewer than two such events. */
static int both_events_parties(const ctx_t *c, uint32_t head, ne_member_t *cp)
{
    uint32_t noun = ne_lex_noun(c->s.lx, tok(c, head)->word);
    if (noun == NE_LEX_NONE || ne_lex_noun_participants(c->s.lx, noun) != NE_REF_PARTICIPANTS ||
        ne_lex_singular(c->s.lx, tok(c, head)->word) < 0)
        return 0;
    uint32_t k = head;
    while (k > c->s.tb && head - k < 3 && !is_w(c, k - 1, "both") && !is_w(c, k - 1, "two") &&
           tok(c, k - 1)->kind == NE_TK_WORD && !wf(c, k - 1) && ment_at(c, k - 1) < 0)
        k--;
    if (k <= c->s.tb || !(is_w(c, k - 1, "both") || (is_w(c, k - 1, "two") && k >= c->s.tb + 2 && is_w(c, k - 2, "the"))))
        return 0;
    uint32_t roots = ne_lex_noun_roots(c->s.lx, noun);
    const struct ne_memevent_s *e, *first = NULL;
    int n = 0;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++) {
        int root = class_root(e->code);
        if (root < 1 || root > 20 || !(roots & (1u << root))) continue;
        /* a joint act is remembered once, each party agent and target */
        if (first && e->sent == first->sent && !strcmp(e->code, first->code) && e->nagent == first->nagent &&
            !strcmp(e->agent[0].code, first->agent[0].code))
            continue;
        n = recalled_parties(e, 1, cp, NE_MAX_MEMBERS);
        if (!first) {
            first = e;
            continue;
        }
        int m = 0;
        ne_member_t both[NE_MAX_MEMBERS];
        m = recalled_parties(first, 1, both, NE_MAX_MEMBERS);
        for (int q = 0; q < n; q++) m = add_member(both, m, NE_MAX_MEMBERS, &cp[q]);
        memcpy(cp, both, sizeof(both[0]) * (size_t)m);
        return m;
    }
    return 0;
}

/* "detained hundreds of activists, including the Swedish campaigner Greta
 * Thunberg": the parties a list's aside (", including", class INCLUDING)
 * names after a mention acted on are acted on too, as members of it.
 * Appends their members to cp[0..n); the new count. */
static int included_members(const ctx_t *c, int32_t m, ne_member_t *cp, int n)
{
    uint32_t te = c->s.d->ment.v[m].te, cls = ne_lex_gclass(c->s.lx, NE_GC_INCLUDING);
    if (cls == NE_LEX_NONE || te + 2 >= c->s.te || !is_punct(c, te, ",") ||
        !ne_actions_class_at(c->s.lx, c->s.d, c->s.tb, c->s.te, cls, te + 1))
        return n;
    int32_t inc = -1;
    for (uint32_t k = te + 2; k < c->s.te && k < te + 5 && inc < 0; k++) inc = ment_at(c, k);
    if (inc < 0 || inc == m) return n;
    if (c->s.d->ment.v[inc].flags & (NE_MF_LOC | NE_MF_PRON | NE_MF_REL)) return n;
    ne_member_t in[NE_MAX_MEMBERS];
    int ni = members(c, inc, in);
    for (int k = 0; k < ni; k++)
        if (in[k].country[0]) n = add_member(cp, n, NE_MAX_MEMBERS, &in[k]);
    return n;
}

#define MAX_RELATIVE_LOOK 14 /* tokens from a meeting noun to its "at which" */

/* "hosted talks in Jeddah at which the army and the RSF agreed to a truce",
 * "Talks hosted by Turkey in Istanbul, at which Russia and Ukraine agreed":
 * the parties of a meeting noun (a noun of participants) at head are the
 * subject of a relative clause of place on it ("at which", "during which",
 * "in which", "where") a few words on. Their count into cp, else 0. */
static int relative_parties(const ctx_t *c, uint32_t head, ne_member_t *cp)
{
    uint32_t noun = ne_lex_noun(c->s.lx, tok(c, head)->word);
    if (noun == NE_LEX_NONE || ne_lex_noun_participants(c->s.lx, noun) != NE_REF_PARTICIPANTS) return 0;
    for (uint32_t k = head + 1; k + 1 < c->s.te && k <= head + MAX_RELATIVE_LOOK; k++) {
        if (is_punct(c, k, ".;:()")) return 0;
        uint32_t q = 0;
        if (is_w(c, k, "where")) q = k + 1;
        else if (is_w(c, k + 1, "which") && (is_w(c, k, "at") || is_w(c, k, "during") || is_w(c, k, "in")))
            q = k + 2;
        if (!q) continue;
        int32_t m = ment_at(c, q);
        if (m < 0 && q + 1 < c->s.te && (wf(c, q) & NE_W_DET)) m = ment_at(c, q + 1);
        if (m < 0 || c->s.d->ment.v[m].n < 2 || (c->s.d->ment.v[m].flags & (NE_MF_LOC | NE_MF_REL | NE_MF_WEAK)))
            return 0;
        return members(c, m, cp);
    }
    return 0;
}

static int event_counterpart(const ctx_t *c, uint32_t head, const char *code, const ne_member_t *act, int na,
                             ne_member_t *cp)
{
    int nb = both_events_parties(c, head, cp);
    if (nb) return nb;
    uint32_t noun = ne_lex_noun(c->s.lx, tok(c, head)->word);
    int agents = noun != NE_LEX_NONE && ne_lex_noun_participants(c->s.lx, noun) == NE_REF_AGENTS;
    int n = agents ? 0 : between_parties(c, head, cp);
    if (n) return n;
    n = agents ? 0 : event_agent_in_phrase(c, head, cp);
    if (!n && !agents) n = relative_parties(c, head, cp);
    /* "arrested 20 suspects" names the attackers, definite or not */
    if (n || (!agents && !definite_phrase(c, head))) return n;
    if (counter_act(c, head)) return na ? response_agents(c, head, &act[0], cp) : 0;
    n = ne_frames_event_noun_agents(c->s.lx, c->mem, tok(c, head)->word, cp, NE_MAX_MEMBERS);
    /* "The Kremlin said it would respond and called the decision absurd":
     * an act the noun names that a party disapproves of or rejects (roots
     * 11, 12) is another party's, not its own last one ("defended the
     * decision" may be its own; a noun of all who took part, "hailed the
     * talks", has the party among them) */
    if (agents && na && n && acting_party(&cp[0], &act[0])) n = other_agents(c, noun, &act[0], cp);
    else if (na && n && acting_party(&cp[0], &act[0]) && noun != NE_LEX_NONE &&
             ne_lex_noun_participants(c->s.lx, noun) != NE_REF_PARTICIPANTS &&
             (code_root(code) == 11 || code_root(code) == 12))
        n = other_agents(c, noun, &act[0], cp);
    if (agents && !n) n = suspects_at_home(c, head, act, na, cp);
    return n;
}

/* The state of a place named after the verb at `head` in its clause, with
 * no comma between ("remained on alert in the occupied West Bank"). */
static const char *place_after(const ctx_t *c, uint32_t head)
{
    const char *st = event_place(c, head);
    if (!st) return NULL;
    for (uint32_t k = head + 1; k < c->s.te; k++) {
        if (is_punct(c, k, ",;:.")) return NULL;
        int32_t m = ment_at(c, k);
        if (m < 0 || !c->s.d->ment.v[m].n) continue;
        /* one place, or a list of places of that one state ("in Jenin and Nablus") */
        int same = 1;
        for (int q = 0; q < c->s.d->ment.v[m].n && same; q++)
            same = !strcmp(c->s.d->ment.v[m].m[q].country, st);
        if (same) return st;
    }
    return NULL;
}

/* gov / self: the actor's own state or government, or the state where it
 * acts ("activists staged a protest in Beijing": a protest abroad is
 * addressed to the state where it is held). */
static int own_state(const ctx_t *c, const ne_vgroup_t *g, const ne_member_t *act, int na,
                     ne_member_t *cp)
{
    int gov = (g->pat->opts & NE_PO_GOV) != 0, n = 0;
    /* "troops remained on alert in the West Bank": an act of one's own
     * forces in another state's land is on that state */
    const char *place = gov ? location_country(c) : place_after(c, g->head);
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

/* "Peru declared a state of emergency", "Sri Lanka imposed a curfew": a
 * state named bare that acts at home (a frame of option self, whose
 * counterpart own_state made the same bare state) acts through its
 * government, as "Peru's government declared" is coded; else the event
 * would be the state on itself, and dropped. Only for the acts of the
 * family code-home (grammar.tsv: curfews, emergencies, mourning), which
 * are at home by what they are: a self frame of another act may have
 * missed its real counterpart ("lift the export restrictions it had
 * imposed on South Korea"). */
static void home_government(const ctx_t *c, const char *code, ne_member_t *act, int na,
                            const ne_member_t *cp, int ncp)
{
    char mapped[5];
    if (!ne_lex_code_family(c->s.lx, NE_CF_HOME, code, mapped)) return;
    for (int i = 0; i < na; i++) {
        if (act[i].role[0] || !act[i].country[0] || strcmp(act[i].code, act[i].country)) continue;
        for (int j = 0; j < ncp; j++)
            if (!strcmp(cp[j].code, act[i].code)) {
                ne_member_set(&act[i], act[i].country, "GOV");
                break;
            }
    }
}

/* "announced similar sanctions", "launched a similar probe": an act like
 * the last one of its kind in the article (same root, another agent's,
 * else the actor's own) has that act's targets. */
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
    /* the actor's own act told in the same sentence first ("opened a probe
     * into pork, after launching a similar probe"), then another's act
     * ("announced similar sanctions"), else the actor's own */
    for (int pass = 0; pass < 3; pass++)
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++) {
        if (strncmp(e->code, code, 2)) continue;
        if (pass == 0 && e->sent != c->s.tb) break;
        int mine = 0;
        for (int k = 0; k < e->nagent && !mine; k++) mine = !strcmp(e->agent[k].code, act[0].code);
        if (mine != (pass != 1) || !e->ntarget) continue;
        return recalled_members(e->target, e->ntarget, cp);
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

/* The verb group headed at token k that only extends the clause before
 * it: a purpose infinitive ("to show their disapproval for X") or a
 * participle (", demanding independence from X"); NULL otherwise. */
static const ne_vgroup_t *clause_extension(const ctx_t *c, uint32_t k)
{
    for (size_t v = 0; v < c->s.d->vg.n; v++) {
        const ne_vgroup_t *o = &c->s.d->vg.v[v];
        if (o->first != k && o->head != k) continue;
        return (o->flags & (NE_VG_INFINITIVE | NE_VG_PARTICIPLE)) ? o : NULL;
    }
    return NULL;
}

/* Whom the act opposes, named after the verb in its clause: "in defiance
 * of Chinese authorities", "unless Israel rescinded" (class AGAINST); the
 * clause goes on through a purpose infinitive or a participle clause. */
/* "against the alleged abuses by the Israeli military": the agent named
 * in a short noun phrase of plain words from q ("by" X), or -1. */
static int32_t agent_after(const ctx_t *c, uint32_t q)
{
    for (uint32_t k = q; k < c->s.te && k - q < 5; k++) {
        if (is_w(c, k, "by")) return ment_at(c, k + 1) >= 0 ? ment_at(c, k + 1)
                                     : (wf(c, k + 1) & NE_W_DET) ? ment_at(c, k + 2) : -1;
        if (tok(c, k)->kind != NE_TK_WORD || ment_at(c, k) >= 0 || other_verb_at(c, k) ||
            (wf(c, k) & ~(NE_W_DET | NE_W_ADV)))
            return -1;
    }
    return -1;
}

/* The party whose act a verb of causing right before the group names as
 * its cause ("arrested the fishermen, prompting protests", "sparked
 * protests"): the subject of that verb, or of the verb before a participle,
 * when it is of a state other than the actor's. Returns the count in cp,
 * 0 none. */
static int caused_by(const ctx_t *c, const ne_vgroup_t *g, const ne_member_t *act, int na, ne_member_t *cp)
{
    const ne_doc_t *d = c->s.d;
    if (g->first <= c->s.tb) return 0;
    int32_t causer = -1;
    for (size_t k = 0; k < d->vg.n; k++) {
        const ne_vgroup_t *v = &d->vg.v[k];
        if (v->head >= g->first) break;
        if (v->subj >= 0) causer = v->subj; /* the last subject found before */
        if (v->head + 1 == g->first && !(ne_lex_verb_flags(c->s.lx, tok(c, v->head)->word) & NE_L_CAUSE))
            return 0;
        if (v->head + 1 == g->first) {
            if (v->subj >= 0) causer = v->subj;
            if (causer < 0 || !d->ment.v[causer].n || !d->ment.v[causer].m[0].country[0]) return 0;
            const ne_mention_t *mm = &d->ment.v[causer];
            if (na && act[0].country[0] && !strcmp(mm->m[0].country, act[0].country)) return 0;
            return members(c, causer, cp);
        }
    }
    return 0;
}

/* The agent of the article's last act of force (roots 18-20) whose agent
 * is of another state than the actor's, in cp; 0 none. */
static int last_force_agent(const ctx_t *c, const ne_member_t *act, int na, ne_member_t *cp)
{
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++) {
        if (!violent_code(e->code) || !e->nagent || !e->agent[0].country[0]) continue;
        if (na && act[0].country[0] && !strcmp(e->agent[0].country, act[0].country)) continue;
        cp[0] = e->agent[0];
        cp[0].start = cp[0].end = 0;
        return 1;
    }
    return 0;
}

/* The subject of a clause of "after" in the verb's sentence, after the
 * verb ("placed its army on alert after Kosovo police took over"), when it
 * is a party of another state than the actor's: the act it answers. */
static int provoking_party(const ctx_t *c, const ne_vgroup_t *g, const ne_member_t *act, int na,
                           ne_member_t *cp)
{
    for (uint32_t k = g->head + 1; k + 1 < c->s.te; k++) {
        if (is_punct(c, k, ".;:")) break;
        if (!is_w(c, k, "after")) continue;
        int32_t m = ment_at(c, k + 1);
        if (m < 0) return 0;
        const ne_mention_t *mm = &c->s.d->ment.v[m];
        if (!mm->n || (mm->flags & (NE_MF_LOC | NE_MF_REL | NE_MF_PRON)) || !opens_clause(c, mm, mm->te) ||
            !other_verb_at(c, mm->te))
            return 0;
        if (na && act[0].country[0] && mm->m[0].country[0] && !strcmp(mm->m[0].country, act[0].country))
            return 0;
        return members(c, m, cp);
    }
    return 0;
}

static int opposed_party(const ctx_t *c, const ne_vgroup_t *g, const ne_member_t *act, int na,
                         ne_member_t *cp)
{
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_AGAINST);
    for (uint32_t k = g->head + 1; k < c->s.te; k++) {
        /* in the verb's clause: up to a comma, a relative pronoun or another
         * verb, past an infinitive of purpose and a ", participle" */
        if (is_punct(c, k, ",") && k + 1 < c->s.te && clause_extension(c, k + 1)) continue;
        if (other_verb_at(c, k) && clause_extension(c, k)) continue;
        if (is_punct(c, k, ".;:,") || (wf(c, k) & NE_W_REL) || other_verb_at(c, k)) break;
        uint32_t q = ne_actions_class_at(c->s.lx, c->s.d, c->s.tb, c->s.te, cls, k);
        if (!q) continue;
        if (ment_at(c, q) < 0 && (wf(c, q) & NE_W_DET)) q++;
        int32_t m = ment_at(c, q);
        if (m < 0) m = agent_after(c, q);
        if (m < 0) continue;
        const ne_mention_t *mm = &c->s.d->ment.v[m];
        if ((mm->tb != q && !is_w(c, mm->tb - 1, "by")) || !mm->n ||
            (mm->flags & (NE_MF_REL | NE_MF_RECIP)))
            continue;
        if (na && !strcmp(mm->m[0].code, act[0].code)) continue;
        return members(c, m, cp);
    }
    return 0;
}

/* Is one of the n agents the actor's state standing for it, or the actor
 * a bare state of which the agent is a role ("Moscow" and "the Kremlin":
 * one party of two names)? */
static int own_state_agent(const ne_member_t *agent, int n, const ne_member_t *actor)
{
    if (!actor->country[0]) return 0;
    for (int i = 0; i < n; i++) {
        if (strcmp(agent[i].country, actor->country)) continue;
        if (strlen(agent[i].code) == 3 || strlen(actor->code) == 3) return 1;
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
        int own = 0;
        /* (an actor not placed yet is the agent of its role: "the minister
         * dismissed the claim" after the government's own) */
        for (int i = 0; i < e->nagent && !own; i++) own = acting_party(&e->agent[i], &act[0]);
        /* "Moscow summoned the Czech ambassador ... The Kremlin dismissed
         * the accusations": a reply answers another party; the act its
         * noun recalls is the replier's own state's, so it answers no one
         * here and the reply's own target is looked for */
        if (!own && (g->pat->opts & NE_PO_REPLY) && own_state_agent(e->agent, e->nagent, &act[0])) return 0;
        /* "JNIM said it carried out the attack": doing the act the noun
         * names (the same root) is claiming that act: on its targets */
        int root = class_root(g->pat->code);
        if (root >= 1 && root <= 20 && (ne_lex_noun_roots(c->s.lx, noun) & (1u << root)) &&
            !strncmp(g->pat->code, e->code, 2))
            own = 1;
        /* "a court suspended the order", "parliament annulled the decree":
         * undoing a restriction (option undo) eases it for whom it bore on */
        if (g->pat->opts & NE_PO_UNDO) own = 1;
        return own ? recalled_members(e->target, e->ntarget, cp) : recalled_members(e->agent, e->nagent, cp);
    }
    return 0;
}

/* "brokered the ceasefire that ended the war between A and B": is the
 * "that" at token k a relative pronoun with a subject gap (a verb right
 * after it), whose clause names the parties of the noun before it, rather
 * than a complement ("dismissed claims that it had")? */
static int subject_relative(const ctx_t *c, uint32_t k)
{
    uint32_t q = k + 1;
    while (q < c->s.te && (is_adverb_like(c, q) || in_timex(c, q))) q++;
    for (size_t v = 0; v < c->s.d->vg.n; v++)
        if (c->s.d->vg.v[v].first == q) return !(c->s.d->vg.v[v].flags & NE_VG_NOUN);
    return 0;
}

/* "China sent rescue workers to Myanmar ... the United States pledged $2
 * million": aid (07) or a pledge of aid (033x) that names no recipient goes
 * to the recipient of the last aid of the article; with none, humanitarian
 * aid (073, 0333: "Floods hit northern Albania ... Italy sent firefighters
 * to help with the rescue") goes to the state the article is about, the
 * state of the disaster, when that is not the actor's own. */
static int aid_recipients(const ctx_t *c, const char *code, const ne_member_t *act, int na,
                          ne_member_t *cp)
{
    if (strncmp(code, "07", 2) && strncmp(code, "033", 3)) return 0;
    const struct ne_memevent_s *e = recall_event(c->mem, 1u << 7, -1);
    if (e) return recalled_members(e->target, e->ntarget, cp);
    if (strcmp(code, "073") && strcmp(code, "0333")) return 0;
    const char *st = ne_memory_main_state(c->mem);
    if (!st || !na || !act[0].country[0] || !strcmp(act[0].country, st)) return 0;
    memset(&cp[0], 0, sizeof(cp[0]));
    ne_member_set(&cp[0], st, "");
    return 1;
}

#define MAX_RELATIVE_SCAN 12 /* tokens of a relative clause searched for its own act */

/* "seized an oil tanker that is suspected of damaging a cable linking
 * Finland and Estonia": a relative clause on the object, at token k (its
 * pronoun), whose own verb has a frame (an act of its own) before the
 * clause's end, acts on the parties after that verb: they are not the
 * first verb's object nor its owner ("a tanker that belongs to a Russian
 * company" has no such verb, and names the owner; nor is an event noun's
 * relative such a clause). */
static int acting_relative(const ctx_t *c, uint32_t k)
{
    if (!(wf(c, k) & NE_W_REL) || k <= c->s.tb) return 0;
    /* ("brokered the truce that ended the fighting between A and B": an
     * event noun's relative names the event's parties) */
    if (ment_at(c, k - 1) < 0 && ne_lex_noun(c->s.lx, tok(c, k - 1)->word) != NE_LEX_NONE) return 0;
    for (uint32_t q = k + 1; q < c->s.te && q - k <= MAX_RELATIVE_SCAN; q++) {
        if (is_punct(c, q, ".;:,")) return 0;
        if (ment_at(c, q) >= 0) return 0; /* a party before any such verb */
        for (size_t v = 0; v < c->s.d->vg.n; v++) {
            const ne_vgroup_t *g = &c->s.d->vg.v[v];
            if (g->head == q && g->pat && !(g->flags & NE_VG_NOUN) && strcmp(g->pat->code, NE_CODE_NONE))
                return 1;
        }
    }
    return 0;
}

/* obj / reply: the first actor mention after the verb in its clause (",
 * its foreign ministry said" is not; a mention that modifies a noun or is
 * the actor itself is no object); else the targets of a similar act
 * before; else the event a definite object noun stands for; for reply,
 * else whoever last acted on the actor ("Minsk denied the charge"). */
/* "threatened to resume fighting if hostages were not freed": a clause of
 * condition or time at token k whose verb is passive has its patient as
 * subject, no party the act is aimed at ("threatened to halt talks if the
 * United States goes ahead": the active subject is). */
static int passive_condition(const ctx_t *c, uint32_t k)
{
    if (!(wf(c, k) & NE_W_SUBORD)) return 0;
    for (size_t v = 0; v < c->s.d->vg.n; v++) {
        const ne_vgroup_t *q = &c->s.d->vg.v[v];
        if (q->head <= k || (q->flags & NE_VG_NOUN)) continue;
        return (q->flags & NE_VG_PASSIVE) != 0;
    }
    return 0;
}

/* Are all members of m the armed forces, police or officials of the
 * actor's state (or of no state named, "massed troops", "recalled its
 * envoy": the actor's own)? */
static int own_forces(const ne_mention_t *m, const ne_member_t *actor)
{
    if (!m->n || !actor->country[0]) return 0;
    for (int k = 0; k < m->n; k++)
        if ((m->m[k].country[0] && strcmp(m->m[k].country, actor->country)) ||
            (strcmp(m->m[k].role, "MIL") && strcmp(m->m[k].role, "COP") && strcmp(m->m[k].role, "GOV")))
            return 0;
    return 1;
}

/* Is `code` a demand or an appeal on detained persons, for their release
 * or for access to them (family code-holder of grammar.tsv: 1053, 0253,
 * 1055, 0255)? */
static int release_bidding(const ctx_t *c, const char *code)
{
    char kept[5];
    return ne_lex_code_family(c->s.lx, NE_CF_HOLDER, code, kept);
}

static int investigated_agents(const ctx_t *c, const char *code, const ne_member_t *act, int na,
                               ne_member_t *cp);
static int warring_parties(const ctx_t *c, const char *code, const ne_member_t *act, int na,
                           ne_member_t *cp);
static int deal_parties(const ctx_t *c, const char *code, const ne_member_t *act, int na,
                        ne_member_t *cp);
static int answered_party(const ctx_t *c, const ne_vgroup_t *g, const ne_member_t *act, int na,
                          ne_member_t *cp);
/* "blew himself up among crowds outside Kabul airport, killing 13 U.S.
 * service members and dozens of Afghans": an act of force whose own clause
 * names only a place or a crowd is aimed at the victims that its toll, a
 * participle of consequence after a comma (", killing X and Y"), names:
 * the parties of its clause that have a state. Their members, 0 none. */
static int toll_victims(const ctx_t *c, const ne_vgroup_t *g, ne_member_t *cp)
{
    const ne_doc_t *d = c->s.d;
    for (size_t k = 0; k < d->vg.n; k++) {
        const ne_vgroup_t *v = &d->vg.v[k];
        if (v->head <= g->head || !(v->flags & NE_VG_PARTICIPLE) || !is_punct(c, v->head - 1, ",") ||
            !(ne_lex_lemma_flags(c->s.lx, v->lemma) & NE_L_CONSEQUENCE))
            continue;
        int n = 0;
        for (uint32_t q = v->head + 1; q < c->s.te && n < NE_MAX_MEMBERS; q++) {
            if (is_punct(c, q, ".;:,()") || (wf(c, q) & (NE_W_REL | NE_W_SUBORD)) || verb_head_at(c, q)) break;
            int32_t m = ment_at(c, q);
            if (m < 0) continue;
            const ne_mention_t *mm = &d->ment.v[m];
            q = mm->te - 1;
            if (mm->flags & (NE_MF_LOC | NE_MF_REL | NE_MF_PRON | NE_MF_GENERIC | NE_MF_WEAK)) continue;
            for (int i = 0; i < mm->n && n < NE_MAX_MEMBERS; i++)
                if (mm->m[i].country[0]) cp[n++] = mm->m[i];
        }
        return n > 1 ? n : 0;
    }
    return 0;
}

/* "China summoned the Japanese ambassador and warned of serious
 * consequences", "summoned China's ambassador and demanded measures", "met
 * Zelensky in Kyiv and pledged support": an act of the
 * family code-conjunct (a threat, a commitment, a demand: grammar.tsv) that
 * names no one, coordinated right after a verb of the same subject whose
 * pattern found its counterpart, is aimed at that counterpart. Its members,
 * 0 none. */
/* ", calling for calm", ", pledging support": a participle clause right
 * after a comma, which hangs on the verb before it as a coordinated verb
 * does. */
static int trailing_participle(const ctx_t *c, const ne_vgroup_t *g)
{
    return (g->flags & NE_VG_PARTICIPLE) && g->first == g->head && g->first > c->s.tb + 1 &&
           is_punct(c, g->first - 1, ",");
}

static int conjunct_threat_target(const ctx_t *c, const ne_vgroup_t *g, const ne_member_t *act, int na,
                                  ne_member_t *cp)
{
    char kept[5];
    int consult = 0; /* an act aimed so only after a meeting or a call */
    if (!na || !(conjoined(c, g) || trailing_participle(c, g))) return 0;
    if (!ne_lex_code_family(c->s.lx, NE_CF_CONJUNCT, g->pat->code, kept)) {
        /* a restriction: only after "and" (", halting trade" is a consequence) */
        if (ne_lex_code_family(c->s.lx, NE_CF_CONJUNCT_AND, g->pat->code, kept)) {
            if (!conjoined(c, g)) return 0;
        } else if (ne_lex_code_family(c->s.lx, NE_CF_CONJUNCT_CONSULT, g->pat->code, kept)) {
            consult = 1;
        } else {
            return 0;
        }
    }
    for (size_t k = c->s.d->vg.n; k > 0; k--) {
        const ne_vgroup_t *v = &c->s.d->vg.v[k - 1];
        if (v->head >= g->first || (v->flags & (NE_VG_NOUN | NE_VG_CONSUMED))) continue;
        if (!coded_group(v) || !v->pat) return 0;
        if (consult && code_root(v->pat->code) != 4) return 0;
        /* its '+', else (an `obj` pattern) the first party between the two verbs */
        int32_t t = v->target;
        for (uint32_t q = v->head + 1; t < 0 && q < g->first; q++) {
            int32_t m = ment_at(c, q);
            if (m >= 0 && c->s.d->ment.v[m].n && !(c->s.d->ment.v[m].flags & (NE_MF_LOC | NE_MF_REL))) t = m;
        }
        if (t < 0 || !c->s.d->ment.v[t].n || !strcmp(c->s.d->ment.v[t].m[0].code, act[0].code)) return 0;
        return members(c, t, cp);
    }
    return 0;
}

/* "China staged large-scale drills in the Taiwan Strait": a show of force
 * (root 15) that names no one in its clause is aimed at the state whose
 * name the water it is held in borrows (actors.c keeps it with the water's
 * mention, which has no party), when that is not the actor's own ("drills
 * in the South China Sea" by China name no one). A few tokens after the
 * verb only. */
static int water_state(const ctx_t *c, const ne_vgroup_t *g, const ne_member_t *act, ne_member_t *cp)
{
    const ne_doc_t *d = c->s.d;
    for (size_t k = 0; k < d->ment.n; k++) {
        const ne_mention_t *m = &d->ment.v[k];
        if (m->tb <= g->head || m->tb > g->head + 12 || m->n || !(m->flags & NE_MF_WATER) || !m->m[0].country[0])
            continue;
        if (conjunct_between(c, g->head, m->tb) || !strcmp(m->m[0].country, act->country)) return 0;
        cp[0] = m->m[0];
        cp[0].start = cp[0].end = 0;
        return 1;
    }
    return 0;
}
/* The state whose election a reaction is about: the article's main state,
 * else, when no state leads (a short report names the voting state once:
 * "Georgia's ruling party won Sunday's election ... Moscow welcomed the
 * outcome"), the state the article named most but the actors' own (the
 * first named of equals), or with an actor of no state yet ("the
 * opposition") the state named more than any other. Never the actor's
 * own. Members. */
static int voted_state(const ctx_t *c, const ne_member_t *act, int na, ne_member_t *cp)
{
    const char *st = ne_memory_main_state(c->mem);
    if (!st && na && act[0].country[0]) {
        /* the state named most that is none of the actors' ("Peru and Brazil
         * welcomed the outcome": neither is the voter) */
        int best = -1;
        for (int k = 0; k < c->mem->nstates; k++) {
            int actor = 0;
            for (int i = 0; i < na && !actor; i++) actor = !strcmp(c->mem->states[k].country, act[i].country);
            if (!actor && (best < 0 || c->mem->states[k].n > c->mem->states[best].n)) best = k;
        }
        if (best >= 0) st = c->mem->states[best].country;
    }
    if (!st && (!na || !act[0].country[0])) {
        /* only a state named more than any other: a tie leaves no voter */
        int best = -1, tie = 0;
        for (int k = 0; k < c->mem->nstates; k++) {
            if (best >= 0 && c->mem->states[k].n == c->mem->states[best].n) tie = 1;
            if (best < 0 || c->mem->states[k].n > c->mem->states[best].n) best = k, tie = 0;
        }
        if (best >= 0 && !tie) st = c->mem->states[best].country;
        /* "The opposition rejected the outcome, and Chile welcomed it": a
         * state this sentence names is another party, not the voter */
        for (size_t k = 0; st && k < c->s.d->ment.n; k++) {
            const ne_mention_t *m = &c->s.d->ment.v[k];
            if (m->tb >= c->s.tb && m->te <= c->s.te && m->n && !strcmp(m->m[0].country, st)) st = NULL;
        }
    }
    if (!st || (na && !strcmp(act[0].country, st))) return 0;
    memset(&cp[0], 0, sizeof(cp[0]));
    ne_member_set(&cp[0], st, "");
    return 1;
}

/* "The result was rejected by the opposition", "The outcome was welcomed by
 * Moscow": a reaction in the passive whose subject is an election or its
 * outcome (class ELECTION, after "the" and up to two modifiers, or "it"
 * opening the sentence after one about it) is aimed at the state that
 * voted, as "welcomed the result" is (election_state). Members, 0 none. */
static int election_subject(const ctx_t *c, const ne_vgroup_t *g, const ne_member_t *act, int na,
                            ne_member_t *cp)
{
    uint32_t k = g->first;
    while (k > c->s.tb + 1 && (is_adverb_like(c, k - 1) || in_timex(c, k - 1))) k--;
    /* "The result was rejected by Washington. It was welcomed by Russia":
     * "it" for the outcome the sentence before was about */
    if (k == c->s.tb + 1 && is_w(c, c->s.tb, "it") && c->mem->thing_before >= 0) {
        int32_t t = ne_lex_singular(c->s.lx, c->mem->thing_before);
        if (t < 0) t = c->mem->thing_before;
        return ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_ELECTION), t) ? voted_state(c, act, na, cp) : 0;
    }
    if (k <= c->s.tb + 1 || tok(c, k - 1)->kind != NE_TK_WORD || ment_at(c, k - 1) >= 0) return 0;
    int32_t w = ne_lex_singular(c->s.lx, tok(c, k - 1)->word);
    if (w < 0) w = tok(c, k - 1)->word;
    if (!ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_ELECTION), w)) return 0;
    uint32_t d = k - 1;
    while (d > c->s.tb && k - 1 - d < 3 && tok(c, d - 1)->kind == NE_TK_WORD && !(wf(c, d - 1) & NE_W_DET)) d--;
    if (d <= c->s.tb || !(is_w(c, d - 1, "the") || is_w(c, d - 1, "its") || is_w(c, d - 1, "this"))) return 0;
    return voted_state(c, act, na, cp);
}

/* "France and the United States welcomed the result", "The African Union
 * praised the conduct of the vote": an election or its outcome (class
 * ELECTION) among the words the pattern matched, with no party named, is
 * the article's main state's, when that is not the actor's own (the own
 * state's government when the actor is its opposition). Its member, 0 none. */
static int election_state(const ctx_t *c, const ne_vgroup_t *g, const ne_member_t *act, int na,
                          ne_member_t *cp)
{
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_ELECTION);
    int named = 0;
    for (uint32_t k = g->head + 1; k < g->mend && k < c->s.te && !named; k++)
        named = tok(c, k)->kind == NE_TK_WORD &&
                ne_lex_in_class(c->s.lx, cls, ne_lex_singular(c->s.lx, tok(c, k)->word) >= 0
                                                  ? ne_lex_singular(c->s.lx, tok(c, k)->word)
                                                  : tok(c, k)->word);
    /* "the opposition candidate rejected the results of the election": an
     * opposition disputes its own state's outcome, which that state's rulers
     * declared, so the reaction is aimed at its government */
    if (named && na && act[0].country[0] && !strcmp(act[0].role, "OPP")) {
        memset(&cp[0], 0, sizeof(cp[0]));
        ne_member_set(&cp[0], act[0].country, "GOV");
        return 1;
    }
    return named ? voted_state(c, act, na, cp) : 0;
}

/* Is token k a word of the class CHANNEL ("through", "via")? */
static int channel_word(const ctx_t *c, uint32_t k)
{
    return ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_CHANNEL), tok(c, k)->word);
}

/* "through its embassy in Beijing": a place after the channel ("in
 * Beijing") says where the channel is. From k, the token after the
 * channel's mention: the last token of the channel's phrase. */
static uint32_t channel_end(const ctx_t *c, uint32_t k)
{
    if (k + 1 < c->s.te &&
        ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_LOCATIVE), tok(c, k)->word)) {
        int32_t p = ment_at(c, k + 1);
        if (p >= 0) return c->s.d->ment.v[p].te - 1;
    }
    return k - 1;
}

/* "Ukraine said it was ready to accept a U.S. proposal ... The Kremlin said
 * it was studying the proposal": a definite noun in the words the pattern
 * matched ("the", "this", "that" right before it or before one modifier)
 * that names a thing a party owned earlier in the article is that party's:
 * the owner is the counterpart, when it is not the actor's state. */
static int owned_thing(const ctx_t *c, const ne_vgroup_t *g, const ne_member_t *act, int na, ne_member_t *cp)
{
    for (uint32_t k = g->head + 2; k < g->mend && k < c->s.te; k++) {
        const ne_token_t *t = tok(c, k);
        if (t->kind != NE_TK_WORD || (t->flags & NE_TF_CAP) || t->word < 0 || ment_at(c, k) >= 0) continue;
        int def = 0;
        for (uint32_t q = k; q > g->head + 1 && k - q < 2 && !def; q--)
            def = is_w(c, q - 1, "the") || is_w(c, q - 1, "this") || is_w(c, q - 1, "that");
        if (!def) continue;
        ne_member_t o;
        if (!ne_memory_thing_owner(c->mem, noun_lemma(c, k), &o)) continue;
        if (na && act[0].country[0] && !strcmp(o.country, act[0].country)) return 0;
        o.start = o.end = 0;
        cp[0] = o;
        return 1;
    }
    return 0;
}

/* "The sanctions imposed by Washington on Monday were condemned by
 * Beijing": the auxiliary that opens another verb group at k (not g's) is
 * the clause's own verb, after the reduced participle g and its agent;
 * what follows it is no object of g. */
static int clause_aux_at(const ctx_t *c, const ne_vgroup_t *g, uint32_t k)
{
    /* (not an infinitive's: "a call for its forces to be deployed in X") */
    if (!(wf(c, k) & (NE_W_BE | NE_W_HAVE | NE_W_MODAL | NE_W_FUTURE)) || (k > c->s.tb && is_w(c, k - 1, "to")))
        return 0;
    for (size_t v = 0; v < c->s.d->vg.n; v++) {
        const ne_vgroup_t *o = &c->s.d->vg.v[v];
        if (o != g && o->first == k && o->head > k &&
            !(o->flags & (NE_VG_NOUN | NE_VG_CONSUMED | NE_VG_INFINITIVE | NE_VG_CONTROLLED)))
            return 1;
    }
    return 0;
}

static int claim_author(ctx_t *c, const ne_vgroup_t *g, const ne_member_t *act, int na, ne_member_t *cp);
static int object_gap_relative(const ctx_t *c, uint32_t that);
/* Is mention mm a place of the actor's own state: a city, or the bare
 * state or its capital after "in" or "at" ("host talks in Nairobi")? */
static int home_place(const ctx_t *c, const ne_mention_t *mm, const ne_member_t *act)
{
    if (mm->n != 1 || !act->country[0] || strcmp(mm->m[0].country, act->country)) return 0;
    if (mm->flags & NE_MF_LOC) return 1;
    return strlen(mm->m[0].code) == 3 && mm->tb > c->s.tb && (is_w(c, mm->tb - 1, "in") || is_w(c, mm->tb - 1, "at"));
}

#define MAX_CONVERSATION_LOOK 40 /* tokens before the verb searched for "with" */
#define MAX_CONVERSATION_NOUN 8   /* tokens from the preposition to "with": "in a | video call | in Geneva | with" */

/* Does the word at token k open a prepositional adjunct of a conversation
 * ("in", "during", "at")? */
static int conversation_prep(const ctx_t *c, uint32_t k)
{
    return is_w(c, k, "in") || is_w(c, k, "during") || is_w(c, k, "at") || is_w(c, k, "over") ||
           is_w(c, k, "on"); /* "On the phone with Putin, Erdogan" */
}

/* "In a phone call with Putin, Erdogan called for a ceasefire", "Mirzoyan,
 * in a meeting in Geneva with his Azerbaijani counterpart, called for":
 * an adjunct of a conversation (a noun of class CONVERSATION after "in",
 * "during", "at"; a place may follow it) whose "with" names a party, before
 * the verb, at the head of the sentence or between commas, names the one
 * the verb addresses. The mention after "with", or -1. */
static int32_t conversation_partner_mention(const ctx_t *c, const ne_vgroup_t *g)
{
    uint32_t lo = g->first > c->s.tb + MAX_CONVERSATION_LOOK ? g->first - MAX_CONVERSATION_LOOK : c->s.tb;
    for (uint32_t w = lo + 1; w < g->first; w++) {
        if (!is_w(c, w, "with")) continue;
        int32_t m = ment_at(c, w + 1);
        if (m < 0 || !c->s.d->ment.v[m].n || (c->s.d->ment.v[m].flags & (NE_MF_LOC | NE_MF_REL | NE_MF_WEAK)))
            continue;
        /* back from "with": a place ("in Geneva"), the noun, its modifiers,
         * then the preposition that opens the adjunct */
        uint32_t q = w - 1;
        while (q > lo && in_timex(c, q)) q--; /* "a phone call on Tuesday with" */
        int32_t pm = ment_at(c, q);
        if (pm >= 0 && ((c->s.d->ment.v[pm].flags & NE_MF_LOC) || c->s.d->ment.v[pm].n == 1) &&
            c->s.d->ment.v[pm].tb > lo + 1 &&
            (is_w(c, c->s.d->ment.v[pm].tb - 1, "in") || is_w(c, c->s.d->ment.v[pm].tb - 1, "at")))
            q = c->s.d->ment.v[pm].tb - 2;
        uint32_t gc = ne_lex_gclass(c->s.lx, NE_GC_CONVERSATION);
        if (q <= lo || !(ne_lex_in_class(c->s.lx, gc, tok(c, q)->word) ||
                         ne_lex_in_class(c->s.lx, gc, noun_lemma(c, q))))
            continue;
        uint32_t p = q; /* ("a phone call": "phone" and "call" may read as verbs) */
        while (p > lo && w - p < MAX_CONVERSATION_NOUN && !conversation_prep(c, p) &&
               !is_punct(c, p - 1, ",;:.") && ment_at(c, p) < 0)
            p--;
        if (!conversation_prep(c, p) || !(p == c->s.tb || is_punct(c, p - 1, ","))) continue;
        return m;
    }
    return -1;
}

#define MAX_JOINT_LOOK 40 /* tokens of the sentence searched for "in a joint statement with" */

/* "In a joint statement with Yerevan, Baku thanked the UAE", "Rubio and
 * Cho condemned the test in a joint statement", "X, in a joint declaration
 * with Y, called for": a joint statement (the word "joint" before a noun of
 * the word class speech-noun) that a preposition opens and whose "with"
 * names a party makes that party a co-author of the verb's act. The mention
 * after "with", or -1. The adjunct lies before the verb at the head of the
 * sentence or between commas, or after the verb in its clause. */
static int32_t joint_statement_partner(const ctx_t *c, const ne_vgroup_t *g)
{
    uint32_t lo = g->first > c->s.tb + MAX_JOINT_LOOK ? g->first - MAX_JOINT_LOOK : c->s.tb;
    uint32_t hi = g->head + MAX_JOINT_LOOK < c->s.te ? g->head + MAX_JOINT_LOOK : c->s.te;
    for (uint32_t w = lo + 3; w + 1 < hi; w++) {
        if (!is_w(c, w, "with") || !(wf(c, w - 1) & NE_W_SPEECH_NOUN) || !is_w(c, w - 2, "joint")) continue;
        uint32_t p = w - 3; /* the determiner, then the preposition */
        if ((wf(c, p) & (NE_W_DET | NE_W_POSS)) && p > lo) p--;
        if (!conversation_prep(c, p)) continue;
        /* before the verb: at the head of the sentence or after a comma */
        if (w < g->first && !(p == c->s.tb || is_punct(c, p - 1, ","))) continue;
        /* after it: in its clause, no other verb between */
        if (w > g->head) {
            int other = 0;
            for (uint32_t k = g->head + 1; k < p && !other; k++)
                other = is_punct(c, k, ".;:") || (wf(c, k) & (NE_W_REL | NE_W_SUBORD)) ||
                        ((is_w(c, k, "and") || is_w(c, k, "but")) && other_verb_at(c, k + 1));
            if (other) continue;
        }
        if (w > g->first && w < g->head) continue;
        int32_t m = ment_at(c, w + 1);
        if (m >= 0 && c->s.d->ment.v[m].n && !(c->s.d->ment.v[m].flags & (NE_MF_LOC | NE_MF_REL | NE_MF_WEAK)))
            return m;
    }
    return -1;
}

/* The co-authors a joint statement adjunct names, appended to act[na..max)
 * when none of them is already an actor; returns the new count. */
static int joint_statement_authors(const ctx_t *c, const ne_vgroup_t *g, ne_member_t *act, int na, int max)
{
    int32_t m = joint_statement_partner(c, g);
    if (m < 0) return na;
    ne_member_t more[NE_MAX_MEMBERS];
    int n = members(c, m, more);
    for (int i = 0; i < n; i++)
        for (int a = 0; a < na; a++)
            if (!strcmp(more[i].code, act[a].code)) return na;
    for (int i = 0; i < n && na < max; i++) act[na++] = more[i];
    return na;
}

/* The one a conversation adjunct names (conversation_partner_mention) as
 * the counterpart of group g, unless it is the actor itself. */
static int conversation_partner(const ctx_t *c, const ne_vgroup_t *g, const ne_member_t *act, int na,
                                ne_member_t *cp)
{
    int32_t m = conversation_partner_mention(c, g);
    if (m < 0) return 0;
    if (na && !strcmp(c->s.d->ment.v[m].m[0].code, act[0].code)) return 0;
    return members(c, m, cp);
}

static int object_or_reply(const ctx_t *c, const ne_vgroup_t *g, const ne_member_t *act, int na,
                           ne_member_t *cp, const struct ne_events_s *ev)
{
    /* "denied that Tehran had ...", "dismissed claims that it had ...": a
     * frame that ends with its complement's "that", or right before it,
     * has no object in the complement, */
    uint32_t end = c->s.te;
    if (g->mend > g->head + 1 && is_w(c, g->mend - 1, "that")) end = g->mend - 1;
    else if (g->mend < end && is_w(c, g->mend, "that") && !subject_relative(c, g->mend))
        end = g->mend;
    /* "denies backing the rebels": nor has a bare verb before a clause of its own */
    for (size_t k = 0; k < c->s.d->vg.n && g->mend == g->head + 1; k++)
        if (c->s.d->vg.v[k].head == g->mend && !(c->s.d->vg.v[k].flags & NE_VG_NOUN)) end = g->mend;
    for (uint32_t k = g->head + 1; k < end; k++) {
        /* in the verb's clause: "closed the borders and detained activists" */
        if (is_punct(c, k, ".;:,") || (k >= g->mend && passive_condition(c, k)) ||
            ((is_w(c, k, "and") || is_w(c, k, "but")) && k + 1 >= g->mend && other_verb_at(c, k + 1)) ||
            (k >= g->mend && acting_relative(c, k)) || (k >= g->mend && clause_aux_at(c, g, k)) ||
            /* "proposed a ceasefire plan that Eritrea rejected": the subject of
             * an object-gap relative is the relative's actor, not the object */
            (k >= g->mend && (wf(c, k) & NE_W_REL) && object_gap_relative(c, k)))
            break;
        int32_t m = ment_at(c, k);
        if (m < 0 || (c->s.d->ment.v[m].flags & NE_MF_REL)) continue;
        k = c->s.d->ment.v[m].te - 1;
        if (modifier_mention(c, m)) continue;
        /* "lodged a protest through its embassy in Beijing", "sent a message
         * via Qatari mediators": the channel an act goes through is not the
         * party acted on; "in Beijing" after it is where the channel is */
        if (c->s.d->ment.v[m].tb > g->head + 1 && channel_word(c, c->s.d->ment.v[m].tb - 1)) {
            k = channel_end(c, k + 1);
            continue;
        }
        /* "imposed similar measures together with Canada and Norway": the
         * parties a hostile act (roots 10-20) is done "together|along|jointly
         * with" are its co-actors, and end the search for its object */
        if (code_root(g->pat->code) >= 10 && c->s.d->ment.v[m].tb > g->head + 2 &&
            is_w(c, c->s.d->ment.v[m].tb - 1, "with") &&
            (is_w(c, c->s.d->ment.v[m].tb - 2, "together") || is_w(c, c->s.d->ment.v[m].tb - 2, "along") ||
             is_w(c, c->s.d->ment.v[m].tb - 2, "jointly")))
            break;
        /* "dismissed the allegations as Western propaganda": a state's thing
         * after "as" names what the object is called, no one acted on */
        if ((c->s.d->ment.v[m].flags & NE_MF_WEAK) && c->s.d->ment.v[m].tb > g->head + 1 &&
            is_w(c, c->s.d->ment.v[m].tb - 1, "as"))
            continue;
        /* the actor itself is no object, unless it asks for its own people's
         * release ("the UN called for their release": the holders, below) */
        if (na && c->s.d->ment.v[m].n && !strcmp(c->s.d->ment.v[m].m[0].code, act[0].code) &&
            !release_bidding(c, g->pat->code))
            continue;
        /* "Ethiopia and Eritrea massed troops", "Somalia recalled its
         * envoy": the actor's own forces or officials, inside the words the
         * pattern matched, are its means, not the party acted on; not its
         * soldiers or sailors whose release it asks ("India called for
         * their release": whoever holds them, below) */
        if (na && c->s.d->ment.v[m].te <= g->mend && own_forces(&c->s.d->ment.v[m], &act[0]) &&
            !release_bidding(c, g->pat->code))
            continue;
        /* "offered to host talks in Nairobi": a place of the actor's own
         * state is where a cooperative act (roots 01-08) happens, no one
         * acted on ("broke up a rally in Kampala" stays on its state) */
        if (na && code_root(g->pat->code) <= 8 && home_place(c, &c->s.d->ment.v[m], &act[0])) continue;
        if (violent_code(g->pat->code) && (c->s.d->ment.v[m].flags & (NE_MF_LOC | NE_MF_GENERIC))) {
            int n = toll_victims(c, g, cp);
            if (n) return n;
        }
        return members(c, m, cp);
    }
    int n = conjunct_threat_target(c, g, act, na, cp);
    if (n) return n;
    n = owned_thing(c, g, act, na, cp);
    if (n) return n;
    n = similar_targets(c, g, act, na, cp);
    if (n) return n;
    n = object_event(c, g, act, na, cp);
    if (n) return n;
    n = conversation_partner(c, g, act, na, cp);
    if (n) return n;
    n = aid_recipients(c, g->pat->code, act, na, cp);
    if (n) return n;
    n = investigated_agents(c, g->pat->code, act, na, cp);
    if (n) return n;
    n = warring_parties(c, g->pat->code, act, na, cp);
    if (n) return n;
    n = deal_parties(c, g->pat->code, act, na, cp);
    if (n) return n;
    n = answered_party(c, g, act, na, cp);
    if (n) return n;
    if ((g->pat->opts & NE_PO_REPLY) && na && !strncmp(g->pat->code, "13", 2) &&
        (n = avenged_party(ev, &act[0], cp)))
        return n;
    if ((g->pat->opts & NE_PO_REPLY) && na && (n = reply_target(ev, &act[0], cp))) return n;
    /* (the speaker lookup caches group subjects: no change of meaning) */
    if ((g->pat->opts & NE_PO_REPLY) && (n = claim_author((ctx_t *)c, g, act, na, cp))) return n;
    /* "Poland scrambled fighter jets" after Russia's strikes on Ukraine */
    if (!strncmp(g->pat->code, "15", 2)) return last_force_agent(c, act, na, cp);
    return election_state(c, g, act, na, cp);
}

/* The article's last remembered event of roots lo-hi between two parties:
 * an agent and, in *other, the first target that is not the agent (a
 * reciprocal act, "exchanged fire", keeps both as targets). NULL none. */
static const struct ne_memevent_s *last_event_between(const ctx_t *c, int lo, int hi,
                                                      const ne_member_t **other)
{
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++) {
        int root = code_root(e->code);
        if (root < lo || root > hi || !e->nagent || !e->ntarget) continue;
        *other = NULL;
        for (int k = 0; k < e->ntarget && !*other; k++)
            if (strcmp(e->target[k].code, e->agent[0].code)) *other = &e->target[k];
        if (*other) return e;
    }
    return NULL;
}

/* With no force yet, the two sides of the article's last dispute short of
 * it (roots 11-17) between two parties other than the actor, which speaks
 * as a third party ("Ethiopia accused Eritrea of massing troops ... The
 * African Union offered to mediate"; not "Egypt condemned the strike and
 * called for a ceasefire": its own condemnation sets up no sides). The
 * event, its other side in *other; NULL none. */
static const struct ne_memevent_s *others_dispute(const ctx_t *c, const ne_member_t *act, int na,
                                                  const ne_member_t **other)
{
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++) {
        int root = code_root(e->code);
        if (root < 11 || root > 17 || !e->nagent || !e->ntarget) continue;
        *other = NULL;
        for (int k = 0; k < e->ntarget && !*other; k++)
            if (strcmp(e->target[k].code, e->agent[0].code)) *other = &e->target[k];
        if (!*other) continue;
        if (na && (!strcmp(e->agent[0].code, act[0].code) || !strcmp((*other)->code, act[0].code))) return NULL;
        return e;
    }
    return NULL;
}

/* "Israeli jets struck Gaza ... The United Nations called for an immediate
 * ceasefire", "urged restraint": an appeal or a demand for de-escalation
 * (0256, 1056), or an offer to mediate (039), that names no one is
 * addressed to the two sides of the article's last act of force (roots
 * 18-20) between two parties, else of its last dispute (roots 11-17). */
static int warring_parties(const ctx_t *c, const char *code, const ne_member_t *act, int na,
                           ne_member_t *cp)
{
    if (strncmp(code, "0256", 4) && strncmp(code, "1056", 4) && strncmp(code, "039", 3)) return 0;
    const ne_member_t *other;
    const struct ne_memevent_s *e = last_event_between(c, 18, 20, &other);
    if (!e) e = others_dispute(c, act, na, &other);
    if (!e) return 0;
    int n = 0;
    if (!na || strcmp(e->agent[0].code, act[0].code)) n = add_member(cp, n, NE_MAX_MEMBERS, &e->agent[0]);
    if (!na || strcmp(other->code, act[0].code)) n = add_member(cp, n, NE_MAX_MEMBERS, other);
    for (int k = 0; k < n; k++) cp[k].start = cp[k].end = 0;
    return n;
}

/* "Chinese and Russian bombers flew ... Japanese fighter jets were scrambled
 * in response": a bare "in response" (or "in retaliation") answers the
 * article's last remembered act whose agents are of another state than the
 * actor: its agents are the counterparts. */
static int last_other_agents(const ctx_t *c, const ne_member_t *act, int na, ne_member_t *cp)
{
    const struct ne_memevent_s *e;
    if (!na || !act[0].country[0]) return 0;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++) {
        int n = 0;
        for (int i = 0; i < e->nagent; i++)
            if (e->agent[i].country[0] && strcmp(e->agent[i].country, act[0].country)) {
                cp[n] = e->agent[i];
                cp[n].start = cp[n].end = 0;
                n++;
            }
        if (n) return n;
    }
    return 0;
}

/* Is the verb of group g a verb of answering (class ANSWERING, by its base
 * form and the words right after it: "retaliated with joint drills", "hit
 * back with sanctions"; a member of several words is a verb and its
 * particles, so plain "hit" is none)? */
static int answering_verb(const ctx_t *c, const ne_vgroup_t *g)
{
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_ANSWERING);
    const char *name = ne_lex_lemma_name(c->s.lx, g->lemma);
    if (cls == NE_LEX_NONE || !name) return 0;
    int32_t id = ne_lex_word_find(c->s.lx, name, strlen(name));
    if (id < 0) return 0;
    const int32_t *cw = ne_lex_cwords(c->s.lx);
    for (uint32_t k = ne_lex_cphrases(c->s.lx, id); k != NE_LEX_NONE; k = ne_lex_cphrase(c->s.lx, k)->next) {
        const ne_cphrase_t *ph = ne_lex_cphrase(c->s.lx, k);
        if (ph->cls != cls) continue;
        uint32_t w = 1;
        while (w < ph->nwords && g->head + w < c->s.te && tok(c, g->head + w)->word == cw[ph->words + w]) w++;
        if (w == ph->nwords) return 1;
    }
    return 0;
}

/* "Beijing announced retaliatory tariffs", "imposed counter-sanctions": an
 * object the pattern matched that is an act in response (class RESPONSE,
 * counter_act) answers, as a verb of answering does. The match is short. */
static int answering_object(const ctx_t *c, const ne_vgroup_t *g)
{
    for (uint32_t k = g->head + 1; k < g->mend && k < c->s.te; k++)
        if (ne_lex_noun(c->s.lx, tok(c, k)->word) != NE_LEX_NONE && counter_act(c, k)) return 1;
    return 0;
}

/* "North Korea fired a missile ... South Korea retaliated with drills",
 * "Australia retaliated with sanctions": an act presented by a verb of
 * answering that names no one answers the last act by another side aimed
 * at the actor's side (its agents), else the last act by agents of another
 * state (a show of force aimed at no one). */
static int retaliated_on(const ctx_t *c, const ne_member_t *act, int na, ne_member_t *cp)
{
    const struct ne_memevent_s *e;
    if (!na || !act[0].country[0]) return 0;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++) {
        if (!e->nagent || !strcmp(e->agent[0].country, act[0].country)) continue;
        for (int k = 0; k < e->ntarget; k++)
            if (!strcmp(e->target[k].country, act[0].country)) return recalled_members(e->agent, e->nagent, cp);
    }
    return last_other_agents(c, act, na, cp);
}

/* "China imposed export controls on rare earth metals, in a move seen as
 * retaliation for new US tariffs": an act that names no one else, followed
 * in its sentence by a noun of answering (class REPRISAL) and "for" or
 * "to", is aimed at the party named right after (a state's adjective or
 * name, within three words), not the actor's own state. */
static int answered_party(const ctx_t *c, const ne_vgroup_t *g, const ne_member_t *act, int na,
                          ne_member_t *cp)
{
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_REPRISAL);
    int n;
    if ((answering_verb(c, g) || answering_object(c, g)) && (n = retaliated_on(c, act, na, cp))) return n;
    for (uint32_t k = g->head + 1; k + 1 < c->s.te; k++) {
        if (is_punct(c, k, ".;:")) break;
        if (!ne_lex_in_class(c->s.lx, cls, tok(c, k)->word)) continue;
        if (!(is_w(c, k + 1, "for") || is_w(c, k + 1, "to")))
            return is_w(c, k - 1, "in") ? last_other_agents(c, act, na, cp) : 0;
        for (uint32_t q = k + 2; q < c->s.te && q < k + 5; q++) {
            int32_t m = ment_at(c, q);
            if (m < 0) continue;
            const ne_mention_t *mm = &c->s.d->ment.v[m];
            if (!mm->n || !mm->m[0].country[0] || (mm->flags & (NE_MF_LOC | NE_MF_REL | NE_MF_PRON)) ||
                (na && act[0].country[0] && !strcmp(mm->m[0].country, act[0].country)))
                return 0;
            return members(c, m, cp);
        }
        return 0;
    }
    return 0;
}

/* "Saudi Arabia and Iran agreed to restore ties ... The deal was brokered
 * by China": a mediation (045) that names no one is between the two sides
 * of the article's last agreement, act of cooperation or concession between
 * two parties (roots 03-08: a ceasefire is 0871), the mediator not among them. */
static int deal_parties(const ctx_t *c, const char *code, const ne_member_t *act, int na,
                        ne_member_t *cp)
{
    if (strncmp(code, "045", 3)) return 0;
    const ne_member_t *other;
    const struct ne_memevent_s *e = last_event_between(c, 3, 8, &other);
    /* the mediator's own talks are no deal it brokered */
    if (!e || (na && (!strcmp(e->agent[0].code, act[0].code) || !strcmp(other->code, act[0].code))))
        return 0;
    int n = add_member(cp, 0, NE_MAX_MEMBERS, &e->agent[0]);
    n = add_member(cp, n, NE_MAX_MEMBERS, other);
    for (int k = 0; k < n; k++) cp[k].start = cp[k].end = 0;
    return n;
}

/* "Soldiers opened fire on protesters ... the governor ordered an
 * investigation": an investigation (root 09) that names no one is into the
 * last act of force of the article (roots 17-20) by another actor: its
 * agents. */
static int investigated_agents(const ctx_t *c, const char *code, const ne_member_t *act, int na,
                               ne_member_t *cp)
{
    if (strncmp(code, "09", 2)) return 0;
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++) {
        int root = code_root(e->code);
        if (root < 17 || root > 20) continue;
        int n = 0;
        for (int k = 0; k < e->nagent; k++)
            if (!na || strcmp(e->agent[k].code, act[0].code)) n = add_member(cp, n, NE_MAX_MEMBERS, &e->agent[k]);
        if (!n) continue; /* the actor's own act ("imposed a curfew") is not what it investigates */
        for (int k = 0; k < n; k++) cp[k].start = cp[k].end = 0;
        return n;
    }
    return 0;
}

/* "NATO condemned it", "Germany described it as a devastating signal": an
 * "it" that a reaction (codes 01, 05, 11, 12) takes as object stands for
 * the last act of the article (not itself a reaction) by another actor. */
/* Does the sentence open with a plural event noun phrase of no party, its
 * subject ("The launches drew condemnation", "The expulsions angered
 * Tallinn")? A determiner and up to two modifiers may come before it. */
static int events_subject(const ctx_t *c)
{
    for (uint32_t k = c->s.tb; k < c->s.te && k < c->s.tb + 4; k++) {
        const ne_token_t *t = tok(c, k);
        if (t->kind != NE_TK_WORD || ment_at(c, k) >= 0) return 0;
        int32_t sg = ne_lex_singular(c->s.lx, t->word);
        /* then the verb: a word of no mention, no preposition ("The
         * arrests of two Britons" names more), no noun of the phrase */
        if (sg >= 0 && ne_lex_noun(c->s.lx, sg) != NE_LEX_NONE)
            return k + 1 < c->s.te && tok(c, k + 1)->kind == NE_TK_WORD && ment_at(c, k + 1) < 0 &&
                   !(wf(c, k + 1) & NE_W_PREP) && !(tok(c, k + 1)->flags & NE_TF_CAP) &&
                   ne_lex_noun(c->s.lx, tok(c, k + 1)->word) == NE_LEX_NONE;
    }
    return 0;
}

/* The last reaction of root `root` (01, 05, 11 or 12) by another party
 * earlier in the sentence, with targets other than the actor; NULL none. */
static const struct ne_memevent_s *parallel_reaction(const ctx_t *c, const ne_member_t *act, int root)
{
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(c->mem, b)) && e->sent == c->s.tb; b++) {
        int r = code_root(e->code);
        if (r == root && e->nagent && e->ntarget &&
            strcmp(e->agent[0].code, act[0].code))
            return strcmp(e->target[0].code, act[0].code) ? e : NULL;
    }
    return NULL;
}

static int pronoun_event(const ctx_t *c, const ne_vgroup_t *g, int32_t m, const ne_member_t *act, int na,
                         ne_member_t *cp)
{
    const ne_mention_t *mm = &c->s.d->ment.v[m];
    int root = code_root(g->pat->code);
    if (!(mm->flags & NE_MF_PRON) || !(root == 1 || root == 5 || root == 11 || root == 12)) return 0;
    /* "The launches drew condemnation from Japan, whose defence minister
     * called them a threat": a "them" after a subject of plural events
     * stands for those events, as "it" for one */
    if (is_w(c, mm->tb, "them") && events_subject(c)) {
        /* the events are the subject: no antecedent in the sentence */
    } else if (!is_w(c, mm->tb, "it") && !is_w(c, mm->tb, "this")) {
        return 0;
    }
    /* "filed a case against the UAE, accusing it of genocide": an "it"
     * whose antecedent is a party named before it in its own sentence is
     * that party (a "this" standing alone is never a party: "Beijing said
     * this was unacceptable") */
    /* (but not the verb's own subject after another party's reaction in
     * the sentence: "Lithuania welcomed the decision, and Latvia praised
     * it" is what that reaction bore on; Latvia would say "itself") */
    else if (is_w(c, mm->tb, "it") && mm->n && mm->m[0].end && mm->m[0].start >= tok_start(c, c->s.tb)) {
        /* (a clause coordinated by "and": "..., and Latvia praised it") */
        int32_t sj = g->subj;
        int coord = sj >= 0 && c->s.d->ment.v[sj].tb > c->s.tb && is_w(c, c->s.d->ment.v[sj].tb - 1, "and") &&
                    g->target == m && mm->tb == g->head + 1;
        const struct ne_memevent_s *pe =
            coord && na && !strcmp(mm->m[0].code, act[0].code) ? parallel_reaction(c, act, root) : NULL;
        return pe ? recalled_members(pe->target, pe->ntarget, cp) : 0;
    }
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++) {
        /* a comment, an appeal, a demand, a criticism or a rejection is a
         * reaction, not the act reacted to */
        int eroot = code_root(e->code);
        if (eroot == 1 || eroot == 2 || eroot == 10 || eroot == 11 || eroot == 12) continue;
        int mine = 0;
        for (int k = 0; k < e->nagent && na && !mine; k++) mine = !strcmp(e->agent[k].code, act[0].code);
        if (mine) continue;
        return recalled_members(e->agent, e->nagent, cp);
    }
    return 0;
}

/* Is the actor one of the members in ms (by state, else by code)? */
static int among(const ne_member_t *ms, int n, const ne_member_t *actor)
{
    for (int k = 0; k < n; k++)
        if (actor->country[0] ? !strcmp(ms[k].country, actor->country) : !strcmp(ms[k].code, actor->code))
            return 1;
    return 0;
}

/* "said the North would take corresponding measures if the drills
 * continued": a threat aimed at no one named, with a condition ("if",
 * "unless") whose subject is a definite event noun, is aimed at the
 * parties of that event (its agents; all who took part for "the talks",
 * "the drills"), other than the actor's own. Their count, 0 none. */
static int condition_event_parties(const ctx_t *c, const ne_vgroup_t *g, const ne_member_t *actor,
                                   ne_member_t *cp)
{
    for (uint32_t k = g->head + 1; k + 2 < c->s.te && k < g->head + 16; k++) {
        if (is_punct(c, k, ".;:")) return 0;
        if (!is_w(c, k, "if") && !is_w(c, k, "unless")) continue;
        uint32_t d = k + 1;
        if (!(is_w(c, d, "the") || is_w(c, d, "such") || is_w(c, d, "these") || is_w(c, d, "those"))) return 0;
        for (uint32_t h = d + 1; h < c->s.te && h <= d + 3; h++) {
            if (ne_lex_noun(c->s.lx, tok(c, h)->word) == NE_LEX_NONE) continue;
            ne_member_t tmp[NE_MAX_MEMBERS];
            int n = ne_frames_event_noun_agents(c->s.lx, c->mem, tok(c, h)->word, tmp, NE_MAX_MEMBERS), out = 0;
            for (int i = 0; i < n; i++)
                if (tmp[i].country[0] && strcmp(tmp[i].country, actor->country)) cp[out++] = tmp[i];
            return out;
        }
        return 0;
    }
    return 0;
}

/* "vowed to retaliate", "said Moscow would respond": the side the actor is
 * at odds with in this article, from the memory of events: the other side
 * of the latest event it took part in (as a target: who acted on it; as an
 * agent: whom it acted on). */
static int opposing_side(const ctx_t *c, const ne_member_t *actor, ne_member_t *out)
{
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++) {
        const ne_member_t *other = NULL;
        if (e->nagent && among(e->target, e->ntarget, actor)) other = &e->agent[0];
        else if (e->ntarget && among(e->agent, e->nagent, actor)) other = &e->target[0];
        if (!other) continue;
        *out = *other;
        out->start = out->end = 0; /* a party of the article, not named here */
        return 1;
    }
    return 0;
}

/* "Seoul and Washington began joint drills. North Korea said it would take
 * corresponding measures": a threat aimed at no one named, by an actor the
 * article has set against no one yet, answers the article's last act by
 * other parties (not a statement, an appeal or a demand): its agents. */
static int answered_act_agents(const ctx_t *c, const ne_member_t *actor, ne_member_t *out)
{
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++) {
        int root = code_root(e->code);
        if (root == 1 || root == 2 || root == 10 || !e->nagent || among(e->agent, e->nagent, actor)) continue;
        int n = 0;
        for (int k = 0; k < e->nagent; k++)
            if (e->agent[k].country[0] || ne_code_stateless(e->agent[k].code))
                n = add_member(out, n, NE_MAX_MEMBERS, &e->agent[k]);
        for (int k = 0; k < n; k++) out[k].start = out[k].end = 0;
        return n;
    }
    return 0;
}

/* Does pattern p name a word of grammar class gc (NE_GC_*)? */
static int class_pattern(const ne_lexicon_t *lx, const ne_pattern_t *p, int gc)
{
    const ne_pelem_t *el = ne_lex_pelems(lx) + p->elem;
    uint32_t cls = ne_lex_gclass(lx, gc);
    if (cls == NE_LEX_NONE) return 0;
    for (uint16_t k = 0; k < p->nelem; k++)
        if (el[k].type == NE_PE_CLASS && el[k].alt == cls) return 1;
    return 0;
}

/* Does pattern p name territory taken (class TERRITORY: "seized two
 * cities")? */
static int territory_pattern(const ne_lexicon_t *lx, const ne_pattern_t *p)
{
    return class_pattern(lx, p, NE_GC_TERRITORY);
}

/* "The IAEA censured Iran ... Iran barred several inspectors from the
 * country": inspectors or monitors (class INSPECTORS) whose organisation
 * the clause does not name are those of the organisation the article named
 * last. Returns 1 with it in *out, else 0. */
static int inspecting_body(const ctx_t *c, ne_member_t *out)
{
    const ne_memory_t *mem = c->mem;
    size_t n = mem->nrecent < NE_MEM_RECENT ? mem->nrecent : NE_MEM_RECENT;
    for (size_t k = 0; k < n; k++) {
        const ne_mention_t *m = &mem->recent[(mem->nrecent - 1 - k) % NE_MEM_RECENT];
        if (m->n != 1 || (m->flags & NE_MF_LOC) || strncmp(m->m[0].code, "IGO", 3)) continue;
        *out = m->m[0];
        out->start = out->end = 0;
        return 1;
    }
    return 0;
}

/* "The RSF seized El Fasher ... The army vowed to retake the city":
 * ground taken before in the article is held by whoever took it last (the
 * agent of the last occupation, 192), when that is another party than the
 * actor; the actor's own last taking says nothing of who holds the next. */
static int last_occupier(const ctx_t *c, uint32_t verb, const ne_member_t *actor, ne_member_t *out)
{
    /* (a verb of taking back only, class RETAKING: "had seized the town in
     * February" after its recapture is background, not a taking from the
     * army) */
    if (!ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_RETAKING), tok(c, verb)->word)) return 0;
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++) {
        if (strncmp(e->code, "192", 3) || !e->nagent || !e->agent[0].country[0]) continue;
        if (!strcmp(e->agent[0].code, actor->code)) return 0;
        *out = e->agent[0];
        out->start = out->end = 0;
        return 1;
    }
    return 0;
}

/* "M23 rebels seized the region's two largest cities": territory taken
 * whose holder the clause does not name is held by the side the actor is
 * at odds with in the article, else by whoever took it before; rebels with
 * neither take it from their own state. */
static int territory_holder(const ctx_t *c, uint32_t verb, const ne_member_t *actor, ne_member_t *out)
{
    if (opposing_side(c, actor, out)) return 1;
    if (last_occupier(c, verb, actor, out)) return 1;
    if (strcmp(actor->role, "REB") || !actor->country[0]) return 0;
    memset(out, 0, sizeof(*out));
    ne_member_set(out, actor->country, "");
    return 1;
}

/* "threatened to resume fighting if the hostages were not freed": an act of
 * force (roots 18-20) presented as a threat (code 13x) whose clause names
 * no one it is aimed at is aimed, as a threat formula is, at the side the
 * actor is at odds with in the article. */
static int threat_of_force(const char *code, const ne_pattern_t *p)
{
    return code[0] == '1' && code[1] == '3' &&
           ((p->code[0] == '1' && p->code[1] >= '8') || p->code[0] == '2');
}

/* Does pattern p take its '+' after the word "to" (an addressee:
 * `complain * to +`)? */
static int addressee_pattern(const ne_lexicon_t *lx, const ne_pattern_t *p)
{
    const ne_pelem_t *el = ne_lex_pelems(lx) + p->elem;
    for (uint16_t k = 1; k < p->nelem; k++) {
        if (el[k].type != NE_PE_TARGET) continue;
        if (el[k - 1].type != NE_PE_WORD) return 0;
        for (uint16_t a = 0; a < el[k - 1].nalt; a++)
            if (ne_lex_alts(lx)[el[k - 1].alt + a] == ne_lex_word_find(lx, "to", 2)) return 1;
        return 0;
    }
    return 0;
}

/* "complained to the United Nations over two Israeli air raids": a
 * disapproval (root 11) addressed to someone is aimed at the agent of the
 * act it is about (class GRIEVANCE, then an event noun phrase that names
 * its agent), not at the addressee. */
static int grievance_agent(const ctx_t *c, const ne_vgroup_t *g, const ne_member_t *act, int na,
                           ne_member_t *cp)
{
    if (strncmp(g->pat->code, "11", 2) || !addressee_pattern(c->s.lx, g->pat)) return 0;
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_GRIEVANCE);
    for (uint32_t k = c->s.d->ment.v[g->target].te; k < c->s.te && !is_punct(c, k, ".;:,"); k++) {
        if (!ne_actions_class_at(c->s.lx, c->s.d, c->s.tb, c->s.te, cls, k)) continue;
        for (uint32_t h = k + 1; h < c->s.te && h <= k + 6 && !is_punct(c, h, ".;:,"); h++) {
            uint32_t noun = ne_lex_noun(c->s.lx, tok(c, h)->word);
            if (noun == NE_LEX_NONE || !ne_lex_noun_roots(c->s.lx, noun)) continue;
            if (ne_lex_noun(c->s.lx, tok(c, h + 1)->word) != NE_LEX_NONE) continue; /* "air raids" */
            int n = event_agent_in_phrase(c, h, cp);
            if (n && na && !strcmp(cp[0].code, act[0].code)) n = 0;
            return n;
        }
        return 0;
    }
    return 0;
}

/* The counterpart of a group in the active voice, by precedence: the
 * mention in the pattern's '+' (an "it" that stands for an event: its
 * agent); for a threat formula or a denial that names no one, whoever last
 * acted on the actor, else the side it is at odds with; the agent of an
 * event that fills '+'; a reciprocal; for gov and self, a party the clause
 * names as opposed ("in defiance of X", "unless X"), else the actor's own
 * state (under a threat code: the side it is at odds with); for obj and
 * reply, the object or the memory. code is the event's mapped code. Returns the members
 * written to cp; *recip when the actors act on each other. */
/* "South Africa voted to close the Israeli embassy in Pretoria", "Ukrainian
 * forces shelled Russian positions near Donetsk": when the pattern's
 * counterpart is a place (after a preposition of the class LOCATIVE) in
 * the actor's own state, a party of
 * another state named among the matched words before it (the embassy's
 * owner) is the one acted on; the place only says where. */
static int foreign_object(const ctx_t *c, const ne_vgroup_t *g, const ne_member_t *act, int na,
                          ne_member_t *cp)
{
    const ne_doc_t *d = c->s.d;
    const ne_mention_t *t = &d->ment.v[g->target];
    if (!na || !act[0].country[0] || t->n != 1 || t->tb == 0 ||
        !ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_LOCATIVE), tok(c, t->tb - 1)->word) ||
        strcmp(t->m[0].country, act[0].country))
        return 0;
    for (uint32_t k = g->head + 1; k < t->tb; k++) {
        int32_t m = ment_at(c, k);
        if (m < 0) continue;
        const ne_mention_t *mm = &d->ment.v[m];
        if (mm->n && mm->m[0].country[0] && strcmp(mm->m[0].country, act[0].country) &&
            !(mm->flags & (NE_MF_LOC | NE_MF_REL | NE_MF_PRON)))
            return members(c, m, cp);
        k = mm->te - 1;
    }
    return 0;
}

/* "Japan's former prime minister was shot dead ... Modi declared a day of
 * national mourning": a gesture of sympathy (root 01) that names no one
 * mourns for the article's main state, when that is not the actor's own.
 * Returns the counterparts set (0 or 1). */
static int mourned_state(const ctx_t *c, const ne_member_t *act, int na, ne_member_t *cp)
{
    const char *main = ne_memory_main_state(c->mem);
    if (!na || !main || !act[0].country[0] || !strcmp(main, act[0].country)) return 0;
    memset(&cp[0], 0, sizeof(cp[0]));
    ne_member_set(&cp[0], main, "");
    return 1;
}

/* Is "also" in group g, or right before it ("Mexico also criticised",
 * "has also voiced")? */
static int also_in_group(const ctx_t *c, const ne_vgroup_t *g)
{
    for (uint32_t k = g->first > c->s.tb ? g->first - 1 : g->first; k < g->head; k++)
        if (is_w(c, k, "also")) return 1;
    return 0;
}

/* "Cuba condemned a decision by Washington to return the island to a
 * list ... Mexico and Brazil also criticised the move": a disapproval
 * (root 11) of an event noun with "also" in its verb group echoes the
 * article's last disapproval by another actor, and is aimed at its
 * targets, whatever act the noun would find (the decision condemned was
 * told by a noun only, and no act of the memory). Members; 0 none. */
static int echoed_disapproval(const ctx_t *c, const ne_vgroup_t *g, const char *code, const ne_member_t *act,
                              int na, ne_member_t *cp)
{
    if (!na || strncmp(code, "11", 2) || !also_in_group(c, g)) return 0;
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++) {
        if (code_root(e->code) != 11 || !e->nagent || !e->ntarget || !strcmp(e->agent[0].code, act[0].code))
            continue;
        return recalled_members(e->target, e->ntarget, cp);
    }
    return 0;
}

/* "Uganda condemned the attack, and Tanzania also voiced concern": a
 * reaction (a concern, root 01, or a disapproval, root 11) whose pattern
 * names no one in its clause, with "also" in its verb group, joins the
 * article's last reaction of those roots by another actor, and is aimed at
 * its targets. Members; 0 none. */
static int joined_reaction(const ctx_t *c, const ne_vgroup_t *g, const char *code, const ne_member_t *act,
                           int na, ne_member_t *cp)
{
    int root = code_root(code);
    if (!na || (root != 1 && root != 11 && root != 16)) return 0;
    int also = also_in_group(c, g);
    /* "Sweden went further and cut development aid": a step past the
     * last restriction; "imposed similar sanctions" (restrictions only) */
    if (!also && root == 16 && g->first >= c->s.tb + 3 && is_w(c, g->first - 1, "and") &&
        is_w(c, g->first - 2, "further"))
        also = 1;
    for (uint32_t k = g->head + 1; !also && root == 16 && k < c->s.te && k <= g->head + 3; k++)
        also = is_w(c, k, "similar") || is_w(c, k, "matching");
    if (!also) return 0;
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++) {
        int r = code_root(e->code);
        if ((root == 16 ? r != 16 : (r != 1 && r != 11)) || !e->nagent || !e->ntarget ||
            !strcmp(e->agent[0].code, act[0].code))
            continue;
        return recalled_members(e->target, e->ntarget, cp);
    }
    return 0;
}

#define MAX_DURING_REACH 12 /* tokens from the verb to "during the visit" */

/* "The loans pledged by Beijing during the trip", "signed three deals
 * during the visit": a cooperative act (roots 03-08) that names no one,
 * done "during" a visit or talks the article told (an event noun of root
 * 04), is aimed at the other party of that meeting: the host the actor
 * visited, or the visitor it hosted (the article's memory of events). */
static int during_meeting_party(const ctx_t *c, const ne_vgroup_t *g, const char *code, const ne_member_t *act,
                                int na, ne_member_t *cp)
{
    int root = code_root(code);
    if (!na || !act[0].country[0] || root < 3 || root > 8) return 0;
    uint32_t k = g->head + 1;
    for (; k + 1 < c->s.te && k - g->head <= MAX_DURING_REACH && !is_punct(c, k, ".;:"); k++)
        if (is_w(c, k, "during")) break;
    if (k + 1 >= c->s.te || !is_w(c, k, "during")) return 0;
    int32_t head = ne_actions_event_head(c->s.lx, c->s.d, c->s.tb, c->s.te, k + 1);
    uint32_t noun = head >= 0 ? ne_lex_noun(c->s.lx, tok(c, (uint32_t)head)->word) : NE_LEX_NONE;
    if (noun == NE_LEX_NONE || !(ne_lex_noun_roots(c->s.lx, noun) & (1u << 4))) return 0;
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++) {
        if (code_root(e->code) != 4 || !e->nagent || !e->ntarget) continue;
        if (!strcmp(e->agent[0].country, act[0].country) && strcmp(e->target[0].country, act[0].country))
            return recalled_members(e->target, e->ntarget, cp);
        if (!strcmp(e->target[0].country, act[0].country) && strcmp(e->agent[0].country, act[0].country))
            return recalled_members(e->agent, e->nagent, cp);
    }
    return 0;
}

/* "two police commanders and a judge who sentenced protesters": a
 * restrictive relative (no comma before "who"/"that") on a compound whose
 * last member opens with its own article is that member's only; the
 * relative's subject is it alone, not each party of the compound. The
 * number of actors kept in act. */
static int restrictive_relative_member(const ctx_t *c, const ne_vgroup_t *g, int32_t subj, const ne_member_t *act, int na)
{
    if (na < 2 || subj < 0) return 0;
    uint32_t p = g->first;
    while (p > c->s.tb && ((wf(c, p - 1) & (NE_W_BE | NE_W_HAVE)) || is_adverb_like(c, p - 1))) p--;
    int32_t rel = p > c->s.tb ? ment_at(c, p - 1) : -1;
    if (rel < 0 || !(c->s.d->ment.v[rel].flags & NE_MF_REL)) return 0;
    uint32_t r = c->s.d->ment.v[rel].tb;
    const ne_mention_t *sm = &c->s.d->ment.v[subj];
    if (r <= c->s.tb || sm->te != r || is_punct(c, r - 1, ",")) return 0;
    /* the last member opens with an article of its own, right after "and" */
    (void)act;
    uint32_t and = UINT32_MAX;
    for (uint32_t k = sm->tb + 1; k + 1 < sm->te; k++)
        if (is_w(c, k, "and")) and = k;
    return and != UINT32_MAX && (is_w(c, and + 1, "a") || is_w(c, and + 1, "an"));
}

/* "The EU began imposing tariffs on electric vehicles imported from China,
 * following an anti-subsidy investigation launched by the European
 * Commission": an investigation (root 09) that names no one, told in the
 * sentence of another act of the same actor that names its counterpart,
 * looked into that counterpart (the act's ground). */
static int inquiry_of_own_act(const ctx_t *c, const char *code, const ne_member_t *act, int na, ne_member_t *cp)
{
    if (code_root(code) != 9 || !na || !act[0].code[0]) return 0;
    const char *own = act[0].country[0] ? act[0].country : act[0].code;
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(c->mem, b)) && e->sent == c->s.tb; b++) {
        if (!e->nagent || !e->ntarget || code_root(e->code) == 9) continue;
        const char *ag = e->agent[0].country[0] ? e->agent[0].country : e->agent[0].code;
        if (!strcmp(ag, own)) return recalled_members(e->target, e->ntarget, cp);
    }
    return 0;
}

static int counterpart(const ctx_t *c, const ne_vgroup_t *g, const char *code, const ne_member_t *act,
                       int na, ne_member_t *cp, const struct ne_events_s *ev, int *recip)
{
    const ne_pattern_t *p = g->pat;
    /* "would recognise a Palestinian state unless Israel agreed to a
     * ceasefire": a threat to do one party a favour (a cooperative act,
     * roots 01-09) is aimed at the party the condition names */
    if ((g->flags & NE_VG_THREAT) && code_root(p->code) >= 1 && code_root(p->code) <= 9) {
        int n = opposed_party(c, g, act, na, cp);
        /* (a party the text places, of another state than the actor's) */
        if (n && cp[0].country[0] && !(na && !strcmp(cp[0].country, act[0].country))) return n;
    }
    if (g->target >= 0) {
        if (c->s.d->ment.v[g->target].flags & NE_MF_RECIP) {
            *recip = 1;
            return 0;
        }
        int n = pronoun_event(c, g, g->target, act, na, cp);
        if (!n) n = grievance_agent(c, g, act, na, cp);
        if (!n) n = foreign_object(c, g, act, na, cp);
        return n ? n : included_members(c, g->target, cp, members(c, g->target, cp));
    }
    if (g->flags & NE_VG_OPPOSING) {
        if (!na) return 0;
        int n = condition_event_parties(c, g, &act[0], cp);
        if (n) return n;
        if (avenged_party(ev, &act[0], cp) || reply_target(ev, &act[0], cp) || opposing_side(c, &act[0], cp))
            return 1;
        return answered_act_agents(c, &act[0], cp);
    }
    if (g->evnoun >= 0) {
        int n = echoed_disapproval(c, g, code, act, na, cp);
        return n ? n : event_counterpart(c, (uint32_t)g->evnoun, code, act, na, cp);
    }
    if (p->opts & NE_PO_RECIP) {
        *recip = 1;
        return 0;
    }
    if (p->opts & (NE_PO_GOV | NE_PO_SELF)) {
        /* a protest, a strike, a mobilization aimed at another party */
        int n = opposed_party(c, g, act, na, cp);
        if (n) return n;
        /* "Serbia put its army on alert after Kosovo police took over
         * buildings": so is one that follows another party's act */
        if (!strncmp(code, "15", 2) && (n = provoking_party(c, g, act, na, cp))) return n;
        /* "Russia pounded Ukraine with missiles ... Poland scrambled fighter
         * jets": a show of force that names no one answers the article's
         * last act of force by another state */
        if (!strncmp(code, "15", 2) && (n = last_force_agent(c, act, na, cp))) return n;
        /* "arrested 22 Indian fishermen, prompting protests in Tamil Nadu":
         * a protest that a verb of causing names is aimed at the party whose
         * act caused it */
        if (!strncmp(code, "14", 2) && (n = caused_by(c, g, act, na, cp))) return n;
        /* "took control of the towns, prompting Serbia to put its army on
         * alert": a show of force that another party's act caused is aimed
         * at that party */
        if ((g->flags & NE_VG_CAUSED) && !strncmp(code, "15", 2) && g->gov >= 0) {
            int32_t causer = c->s.d->vg.v[g->gov].subj;
            if (causer >= 0 && c->s.d->ment.v[causer].n) return members(c, causer, cp);
        }
        /* "said it would send troops back into the zone": a mobilization
         * presented as a threat is aimed at the side the actor is at odds
         * with, never at its own state; repression (root 17: "prepared to
         * impose martial law") stays aimed at its own people */
        if (code[0] == '1' && code[1] == '3' && strncmp(p->code, "17", 2))
            return na && (reply_target(ev, &act[0], cp) || opposing_side(c, &act[0], cp));
        if (!strncmp(code, "01", 2) && (n = mourned_state(c, act, na, cp))) return n;
        return own_state(c, g, act, na, cp);
    }
    if (p->opts & (NE_PO_OBJ | NE_PO_REPLY)) {
        int n = object_or_reply(c, g, act, na, cp, ev);
        if (!n) n = during_meeting_party(c, g, code, act, na, cp);
        if (!n) n = joined_reaction(c, g, code, act, na, cp);
        if (!n) n = inquiry_of_own_act(c, code, act, na, cp);
        if (!n && na && territory_pattern(c->s.lx, p)) n = territory_holder(c, g->head, &act[0], cp);
        if (!n && na && class_pattern(c->s.lx, p, NE_GC_INSPECTORS)) n = inspecting_body(c, cp);
        if (!n && na && threat_of_force(code, p)) n = reply_target(ev, &act[0], cp) || opposing_side(c, &act[0], cp);
        if (!n && na && !strncmp(code, "15", 2)) n = water_state(c, g, &act[0], cp);
        /* "Kyiv said Russia had launched 90 drones overnight": an act of
         * force (roots 18-20) that names no one, in a clause reported by a
         * state of another side, is told by its victim: aimed at that state */
        if (!n && na && act[0].country[0] && violent_code(code)) {
            const char *st = reported_complement(c, g) ? reporter_state(c, g->head) : NULL;
            if (st && strcmp(st, act[0].country)) {
                memset(&cp[0], 0, sizeof cp[0]);
                ne_member_set(&cp[0], st, "");
                n = 1;
            }
        }
        /* "India and Pakistan agreed to halt all military action": a
         * de-escalation (087) aimed at no one named, by two states
         * together, is each one's toward the other */
        if (!n && na == 2 && !strncmp(p->code, "087", 3) && act[0].country[0] && act[1].country[0] &&
            strcmp(act[0].country, act[1].country))
            *recip = 1;
        return n;
    }
    return 0;
}

/* The mention after "by" at token k: "by the army", "by much of the
 * opposition", "by members of his presidential guard" (a determiner, a
 * number, or a word with "of" may come first). -1 none. */
static int32_t by_mention(const ctx_t *c, uint32_t k)
{
    uint32_t q = k + 1;
    for (int n = 0; n < 4 && q < c->s.te && ment_at(c, q) < 0; n++, q++) {
        const ne_token_t *t = tok(c, q);
        if ((wf(c, q) & (NE_W_DET | NE_W_NUM)) || t->kind == NE_TK_NUM || is_w(c, q, "of")) continue;
        if (t->kind == NE_TK_WORD && !(t->flags & NE_TF_CAP) && is_w(c, q + 1, "of")) continue;
        break;
    }
    int32_t m = ment_at(c, q);
    return m >= 0 && !(c->s.d->ment.v[m].flags & NE_MF_REL) ? m : -1;
}

#define MAX_REL_SUBJECT 12  /* tokens from "in which" to the verb: "in which two Uruguayan peacekeepers died" */
#define MAX_REL_ANTECEDENT 30 /* tokens from "in which" back to the attack it is about */

/* "the attack by M23 rebels on a convoy near Goma, in which two
 * peacekeepers died": an act of force told in the passive (or by a verb
 * whose subject is its patient) inside a relative "in which" / "during
 * which" about an attack is the attack's: its agent, by "by" after the
 * attack noun or a party named right before it. -1 otherwise. */
static int32_t relative_attack_agent(const ctx_t *c, const ne_vgroup_t *g, const char *code)
{
    int root = code_root(code);
    if (root < 18 || root > 20) return -1;
    uint32_t w = g->first, lo = w > c->s.tb + MAX_REL_SUBJECT ? w - MAX_REL_SUBJECT : c->s.tb;
    while (w > lo + 1 && !(is_w(c, w - 1, "which") && (is_w(c, w - 2, "in") || is_w(c, w - 2, "during")))) {
        if (is_punct(c, w - 1, ".;:,")) return -1;
        w--;
    }
    if (w <= lo + 1) return -1;
    uint32_t rel = w - 2, stop = rel > c->s.tb + MAX_REL_ANTECEDENT ? rel - MAX_REL_ANTECEDENT : c->s.tb;
    for (uint32_t q = rel; q-- > stop;) {
        if (is_punct(c, q, ".;:")) return -1;
        if (!attack_noun(c, q) || verb_head_at(c, q)) continue;
        if (q + 1 < rel && is_w(c, q + 1, "by")) {
            int32_t m = by_mention(c, q + 1);
            if (m >= 0) return m;
        }
        /* "a Somali attack": the adjective's mention ends with the noun */
        int32_t m = ment_at(c, q);
        if (m >= 0) {
            const ne_mention_t *mm = &c->s.d->ment.v[m];
            return mm->te == q + 1 && (mm->flags & NE_MF_WEAK) && mm->n ? m : -1;
        }
        return noun_agent(c, q);
    }
    return -1;
}

/* A parenthetical between commas that starts at the comma p (", much of it
 * believed to have been embezzled,"): the closing comma, else p. */
static uint32_t parenthetical_end(const ctx_t *c, uint32_t p)
{
    for (uint32_t q = p + 1; q < c->s.te && q - p < 16; q++) {
        if (is_punct(c, q, ".;:")) return p;
        if (is_punct(c, q, ",")) return q;
    }
    return p;
}

/* Does a new clause start at token k (a relative word, a subordinator, or
 * "and"/"but" before a verb)? */
static int clause_break(const ctx_t *c, uint32_t k)
{
    if (wf(c, k) & (NE_W_REL | NE_W_SUBORD)) return 1;
    if (!is_w(c, k, "and") && !is_w(c, k, "but")) return 0;
    for (size_t g = 0; g < c->s.d->vg.n; g++)
        if (c->s.d->vg.v[g].first == k + 1 && !(c->s.d->vg.v[g].flags & NE_VG_NOUN)) return 1;
    return 0;
}

/* The "by" agent of a verb that ends at token `from`: in its clause, within
 * twenty tokens, past parentheticals between commas. -1 none, -2 when the
 * search found no "by" at all. */
/* Is token v the head of another verb's group ("a statement released",
 * "militants backed"), not one coordinated with an earlier verb ("and
 * later released", which shares the earlier verb's agent)? */
static int participle_on_noun(const ctx_t *c, uint32_t v)
{
    if (!verb_head_at(c, v)) return 0;
    uint32_t p = v;
    while (p > c->s.tb && is_adverb_like(c, p - 1)) p--;
    return p > c->s.tb && !(wf(c, p - 1) & NE_W_CONJ);
}

static int32_t by_agent(const ctx_t *c, uint32_t from)
{
    for (uint32_t k = from, n = 0; k < c->s.te && n < 20; k++, n++) {
        if (is_punct(c, k, ".;:") || clause_break(c, k)) break;
        if (is_punct(c, k, ",")) k = parenthetical_end(c, k);
        /* "wounded in the ambush, according to a statement released by
         * the army": a "by" right after another verb is that verb's agent
         * ("were detained and later released by X" share it) */
        else if (is_w(c, k, "by") && k > from && participle_on_noun(c, k - 1)) break;
        else if (is_w(c, k, "by")) return by_mention(c, k);
    }
    return -2;
}

/* The agent of a passive verb: "by X" after the match, else a state named
 * as the place ("was detained in Beijing"); for an act of force (roots
 * 18-20) only a state's adjective on the means ("killed in a Pakistani air
 * strike"): "was killed in Tehran" says where, not who. */
/* Where a passive verb's "by" agent is looked for: after the match, unless
 * the pattern went on past a by-agent right after the verb ("was accused
 * by Ukraine of war crimes": actions.c past_by_agent). */
static uint32_t agent_from(const ctx_t *c, const ne_vgroup_t *g, uint32_t end)
{
    uint32_t k = g->head + 1;
    return (k < end && is_w(c, k, "by")) ? k : end;
}

#define MAX_EXPEL_REACH 8 /* tokens from the verb to "from"/"leave": "were given three days to leave Lima" */

/* "French diplomats were expelled from Niger", "were given three days to
 * leave Lima": an expulsion (root 16, or 174) in the passive with no agent
 * is the act of the state whose ground the expelled must leave, named
 * after "from" or "leave"; a party suspended or expelled from a body
 * ("Zimbabwe was suspended from the Commonwealth": root 16) is the body's
 * act. The mention, or -1. */
static int32_t expelling_place(const ctx_t *c, uint32_t from, const char *code)
{
    if (code_root(code) != 16 && strncmp(code, "174", 3)) return -1;
    for (uint32_t k = from; k + 1 < c->s.te && k < from + MAX_EXPEL_REACH; k++) {
        if (is_punct(c, k, ".;:,")) break;
        if (!is_w(c, k, "from") && !is_w(c, k, "leave")) continue;
        int32_t m = ment_at(c, k + 1);
        if (m < 0 || c->s.d->ment.v[m].n != 1 || (c->s.d->ment.v[m].flags & NE_MF_GENERIC)) return -1;
        const ne_member_t *mm = &c->s.d->ment.v[m].m[0];
        if (code_root(code) == 16 && !strncmp(mm->code, "IGO", 3)) return m;
        return mm->country[0] && !mm->role[0] ? m : -1;
    }
    return -1;
}

/* A state's mention at token k (one party, a state or its capital with no
 * role, or an organ of a state) whose state is not `other`'s, else -1. */
static int32_t other_state_at(const ctx_t *c, uint32_t k, const char *other)
{
    int32_t m = ment_at(c, k);
    if (m < 0 || c->s.d->ment.v[m].n != 1 || (c->s.d->ment.v[m].flags & NE_MF_GENERIC)) return -1;
    const ne_member_t *mm = &c->s.d->ment.v[m].m[0];
    return mm->country[0] && strcmp(mm->country, other) ? m : -1;
}

#define MAX_POSTING_REACH 6 /* tokens from the verb to "to": "was summoned on Monday to the Polish ..." */

/* "Russia's ambassador to Poland was summoned", "Moscow's envoy in Warsaw
 * was expelled", "the Russian ambassador was summoned to the Polish
 * foreign ministry": a diplomat acted on in the passive with no agent
 * (summoned, rebuked: root 11; expelled: 16, 174) is acted on by the state
 * he is posted to, named after "to" or "in" right after him, or after "to"
 * past the verb. The mention, or -1. */
static int32_t posting_state(const ctx_t *c, const ne_vgroup_t *g, int32_t subj, const char *code)
{
    int root = code_root(code);
    if (subj < 0 || (root != 11 && root != 16 && strncmp(code, "174", 3))) return -1;
    const ne_mention_t *sm = &c->s.d->ment.v[subj];
    if (sm->n != 1 || !sm->m[0].country[0] || !diplomat_member(c, &sm->m[0])) return -1;
    const char *own = sm->m[0].country;
    if (sm->te + 1 < g->head && (is_w(c, sm->te, "to") || is_w(c, sm->te, "in"))) {
        int32_t m = other_state_at(c, sm->te + 1, own);
        if (m >= 0) return m;
    }
    for (uint32_t k = g->head + 1; k + 1 < c->s.te && k <= g->head + MAX_POSTING_REACH; k++) {
        if (is_punct(c, k, ".;:,") || is_w(c, k, "by")) break;
        if (is_w(c, k, "to")) return other_state_at(c, k + 1, own);
    }
    return -1;
}

#define MAX_BETWEEN_REACH 12 /* tokens from a passive verb to its "between": "signed in Doha on Wednesday between" */

/* "An accord was signed in Doha between Sudan and Chad", "the agreement
 * signed on Monday between the government and the rebels": a joint act
 * (option recip) in the passive with no "by" names its agents after
 * "between", a compound of two parties or more, in the verb's clause past
 * adjuncts of place and time. The mention, or -1. */
static int32_t between_agent(const ctx_t *c, uint32_t from)
{
    for (uint32_t k = from; k + 1 < c->s.te && k < from + MAX_BETWEEN_REACH; k++) {
        if (is_punct(c, k, ".;:,") || clause_break(c, k) || (k > from && verb_head_at(c, k))) return -1;
        /* "was reached after weeks of talks between diplomats of the two
         * countries": an event noun on the way takes the "between" itself */
        if (k > from && tok(c, k)->kind == NE_TK_WORD &&
            (ne_lex_noun(c->s.lx, tok(c, k)->word) != NE_LEX_NONE || ne_lex_noun(c->s.lx, noun_lemma(c, k)) != NE_LEX_NONE))
            return -1;
        if (!is_w(c, k, "between")) continue;
        int32_t m = ment_at(c, k + 1);
        return m >= 0 && c->s.d->ment.v[m].n >= 2 && !(c->s.d->ment.v[m].flags & NE_MF_REL) ? m : -1;
    }
    return -1;
}

static int32_t passive_agent(const ctx_t *c, uint32_t from, const char *code)
{
    int32_t by = by_agent(c, from);
    if (by != -2) return by;
    int root = code_root(code), force = root >= 18 && root <= 20;
    for (uint32_t k = from; k < c->s.te && k < from + 10; k++) {
        if (is_punct(c, k, ".;:,")) break;
        /* "were freed from Israeli jails", "released from a Russian prison":
         * a release from a state's place of custody is that state's */
        if (is_w(c, k, "from") && !strncmp(code, "084", 3)) {
            int32_t m = ment_at(c, k + 1);
            if (m >= 0 && c->s.d->ment.v[m].n == 1 && (c->s.d->ment.v[m].flags & NE_MF_WEAK) &&
                c->s.d->ment.v[m].m[0].country[0] && !c->s.d->ment.v[m].m[0].role[0])
                return m;
        }
        if (is_w(c, k, "in")) {
            int32_t m = ment_at(c, k + 1);
            if (m >= 0 && c->s.d->ment.v[m].n == 1 && !(c->s.d->ment.v[m].flags & NE_MF_GENERIC) &&
                (!force || (c->s.d->ment.v[m].flags & NE_MF_WEAK))) {
                const ne_member_t *mm = &c->s.d->ment.v[m].m[0];
                if (mm->country[0] && !mm->role[0]) return m;
            }
            /* "killed in a Taliban ambush", "wounded in a Ukrainian drone
             * attack": the party that modifies an attack noun is its agent */
            if (m >= 0 && force && c->s.d->ment.v[m].n && c->s.d->ment.v[m].m[0].country[0] &&
                !(c->s.d->ment.v[m].flags & (NE_MF_GENERIC | NE_MF_LOC)) && c->s.d->ment.v[m].te < c->s.te &&
                (is_w(c, k + 1, "a") || is_w(c, k + 1, "an")) && attack_noun(c, c->s.d->ment.v[m].te))
                return m;
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

/* Does the named target of an attack stand for another state than the
 * place: every member is a state or its organs (no rebels, opposition or
 * civilians, who are hit where they are), and none is the place's state? */
static int other_state_target(const ctx_t *c, int32_t target, int32_t place)
{
    const ne_mention_t *t = &c->s.d->ment.v[target], *p = &c->s.d->ment.v[place];
    for (int i = 0; i < t->n; i++) {
        const char *r = t->m[i].role;
        if (!t->m[i].country[0] || (r[0] && strcmp(r, "GOV") && strcmp(r, "MIL") && strcmp(r, "COP")))
            return 0;
        for (int j = 0; j < p->n; j++)
            if (!strcmp(t->m[i].country, p->m[j].country)) return 0;
    }
    return t->n > 0;
}

/* "Turkish forces struck targets in Iraq, hitting PKK militants": the
 * place of an attack is no target when the same actor's attack in the
 * sentence names whom it hit; unless that is another state's forces
 * ("struck targets in Iraq, hitting Iran's Revolutionary Guards": Iraq is
 * hit too). */
/* "struck Hezbollah targets in Lebanon": a locative pattern took the
 * place, but the object before it names whom the attack hit; that party is
 * the target, unless it is another state or its organs, not of the place
 * ("struck Iranian targets in Syria": the place stays), or of the actor's
 * own kind; an embassy is always its state's ("the French embassy in
 * Niamey"). */
/* Does mention m name an embassy ("the French embassy", "the embassies of
 * Rwanda and France"): a word of class EMBASSIES in it? */
static int names_embassy(const ctx_t *c, const ne_mention_t *m)
{
    for (uint32_t k = m->tb; k < m->te; k++)
        if (tok(c, k)->kind == NE_TK_WORD && head_in(c, k, NE_GC_EMBASSIES)) return 1;
    return 0;
}

static void object_before_place(const ctx_t *c, ne_vgroup_t *g, const ne_member_t *act, int na)
{
    if (g->target < 0 || !locative_pattern(c->s.lx, g->pat)) return;
    const ne_mention_t *pl = &c->s.d->ment.v[g->target];
    for (uint32_t k = g->head + 1; k < pl->tb; k++) {
        /* "struck what the military called Hezbollah infrastructure in
         * southern Lebanon": the labeller is no object; the label is */
        uint32_t lab = ne_actions_naming_end(c->s.lx, c->s.d, c->s.tb, c->s.te, k);
        if (lab != k) {
            k = lab - 1;
            continue;
        }
        if (is_punct(c, k, ".,;:") || (wf(c, k) & NE_W_REL)) return;
        int32_t m = ment_at(c, k);
        if (m < 0) continue;
        const ne_mention_t *mm = &c->s.d->ment.v[m];
        if (!mm->n || (mm->flags & (NE_MF_LOC | NE_MF_WEAK | NE_MF_PRON | NE_MF_REL))) return;
        /* one's own people ("herdsmen who attacked Nigerian farmers in Benue"):
         * the place stays */
        for (int i = 0; i < na; i++)
            for (int j = 0; j < mm->n; j++)
                if (!strcmp(act[i].code, mm->m[j].code) ||
                    (!act[i].country[0] && !strcmp(act[i].role, mm->m[j].role)))
                    return;
        /* "attacked the Rwandan embassy in Kinshasa": an embassy is its
         * state's ground wherever it stands; the attack is on that state.
         * The actor's own ("reopened its embassy in Mogadishu") only says
         * what: the place's state is acted on */
        int embassy = names_embassy(c, mm);
        if (embassy && na && act[0].country[0] && mm->m[0].country[0] &&
            !strcmp(act[0].country, mm->m[0].country))
            return;
        if (!other_state_target(c, m, g->target) || embassy) g->target = m;
        return;
    }
}

/* "Turkish police detained eleven opposition members ... The officials
 * arrested by police are expected in court": a reduced passive participle
 * on a definite noun phrase ("the N arrested by X") that tells again an act
 * an earlier sentence coded (same root, between the same states) refers to
 * it, no new event. Is agent state `a` acting on state `b` so with `code`
 * such a restatement in group g? */
static int restated_participle(const ctx_t *c, const ne_vgroup_t *g, const char *code, const ne_member_t *a,
                               const ne_member_t *b)
{
    if (!(g->flags & NE_VG_PASSIVE) || g->first != g->head || g->first <= c->s.tb || !a->country[0] ||
        !b->country[0])
        return 0;
    int32_t pm = ment_at(c, g->first - 1);
    if (pm < 0 || c->s.d->ment.v[pm].te != g->first || !is_w(c, c->s.d->ment.v[pm].tb, "the")) return 0;
    const struct ne_memevent_s *e;
    for (size_t k = 1; (e = mem_event(c->mem, k)); k++) {
        if (e->sent >= c->s.tb || code_root(e->code) != code_root(code) || !e->nagent || !e->ntarget) continue;
        if (!strcmp(e->agent[0].country, a->country) && !strcmp(e->target[0].country, b->country)) return 1;
    }
    return 0;
}

static int place_only(ctx_t *c, size_t gi)
{
    const ne_vgroup_t *g = &c->s.d->vg.v[gi];
    if (!locative_pattern(c->s.lx, g->pat)) return 0;
    int32_t subj = group_subject(c, gi);
    for (size_t k = 0; k < c->s.d->vg.n; k++) {
        const ne_vgroup_t *o = &c->s.d->vg.v[k];
        if (k == gi || !o->pat || o->target < 0 || !coded_group(o) || locative_pattern(c->s.lx, o->pat))
            continue;
        int root = code_root(o->pat->code);
        if (root < 18 || root > 20 || (c->s.d->ment.v[o->target].flags & NE_MF_LOC)) continue;
        if (g->target >= 0 && other_state_target(c, o->target, g->target)) continue;
        if (group_subject(c, k) == subj) return 1;
    }
    return 0;
}

#define MAX_COUNT_WORDS 3 /* words of a count before its "of": "at least dozens", "several hundred" */

/* "Dozens of villagers were killed by the militants": the mention is
 * "villagers", but its count ("dozens of", "hundreds of", "at least
 * scores of") stands before it with "of". The first token of that count
 * (its plain words right before "of", none a mention or punctuation), else
 * tb: the object pattern's '#' reads whether it is a count. */
static uint32_t counted_phrase_start(const ctx_t *c, uint32_t tb)
{
    if (tb < c->s.tb + 2 || !is_w(c, tb - 1, "of")) return tb;
    /* only a count before "of" ("the offices of the opposition" is no count) */
    const ne_token_t *n = tok(c, tb - 2);
    if (n->kind != NE_TK_NUM && !ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_MANY), n->word)) return tb;
    uint32_t q = tb - 1;
    while (q > c->s.tb && tb - 1 - q < MAX_COUNT_WORDS && tok(c, q - 1)->kind != NE_TK_PUNCT &&
           ment_at(c, q - 1) < 0 && !verb_head_at(c, q - 1) && !(wf(c, q - 1) & (NE_W_PREP | NE_W_CONJ | NE_W_REL)))
        q--;
    return q < tb - 1 ? q : tb;
}

/* "More than 800 people were killed by the RSF": in the passive the
 * subject is the object, so a pattern that describes the object (its
 * number and class: `kill # &VICTIMS`, 202) codes it before the plain
 * passive reading (`kill +`, 190). */
static uint32_t definite_subject(const ctx_t *c, const ne_vgroup_t *g, uint32_t *start);
static void passive_object(ctx_t *c, size_t gi, ne_match_t *mt)
{
    ne_vgroup_t *g = &c->s.d->vg.v[gi];
    /* "ordered him to be detained": the subject is the one who ordered */
    if ((g->flags & (NE_VG_PASSIVE | NE_VG_CONTROLLED)) != NE_VG_PASSIVE) return;
    int32_t subj = group_subject(c, gi);
    if (subj < 0) {
        /* "The accusation was denied by Moscow", "The allegation was rejected
         * by the Kremlin": a definite thing subject gives the object words
         * too (`deny * accusation  reply`, 016, before `reject +`) */
        uint32_t from = 0, h = definite_subject(c, g, &from);
        ne_match_t om;
        if (h && ne_actions_match_object(c->s.lx, c->s.d, c->s.tb, c->s.te, g, from, h + 1, &om) &&
            om.pat->score > mt->pat->score)
            mt->pat = om.pat;
        return;
    }
    const ne_mention_t *m = &c->s.d->ment.v[subj];
    /* "Two Chinese fishing boats were seized": the phrase runs on past the
     * mention to its head noun, right before the verb group */
    uint32_t to = m->te;
    while (to < g->first && tok(c, to)->kind == NE_TK_WORD && !(tok(c, to)->flags & NE_TF_CAP) &&
           !wf(c, to) && ment_at(c, to) < 0)
        to++;
    if (to != g->first) to = m->te;
    ne_match_t om;
    uint32_t from = counted_phrase_start(c, m->tb);
    if (from != m->tb && ne_actions_match_object(c->s.lx, c->s.d, c->s.tb, c->s.te, g, from, to, &om) &&
        om.pat->score > mt->pat->score) {
        mt->pat = om.pat;
        return;
    }
    if (ne_actions_match_object(c->s.lx, c->s.d, c->s.tb, c->s.te, g, m->tb, to, &om) &&
        om.pat->score > mt->pat->score)
        mt->pat = om.pat;
}

/* The code family of the group's mood: refused to, threatened to, will /
 * plans to, failed to, agreed to; -1 for a plain act. */
static int mood_family(uint32_t flags)
{
    if (flags & NE_VG_REFUSE) return NE_CF_REFUSE;
    if (flags & NE_VG_THREAT) return NE_CF_THREAT;
    if (flags & NE_VG_FUTURE) return NE_CF_INTENT;
    if (flags & NE_VG_FAIL) return NE_CF_FAIL;
    if (flags & NE_VG_AGREE) return NE_CF_AGREE;
    return -1;
}

/* The code family in which a support verb presents the event its object
 * noun names (lemmas.tsv): "offered the release of X" an intention,
 * "called for" a demand, "asked for" an appeal, "rejected" a refusal; -1
 * for the act itself ("ordered the release of X"). */
static int modality_family(int modality)
{
    switch (modality) {
    case NE_MOD_INTENT: return NE_CF_INTENT;
    case NE_MOD_DEMAND: return NE_CF_DEMAND;
    case NE_MOD_APPEAL: return NE_CF_APPEAL;
    case NE_MOD_REJECT: return NE_CF_REFUSE;
    default: return -1;
    }
}

/* ---- precedence by kind ------------------------------------------------------ */

/* Kinds that decide the code of an act, in order of precedence: a class of
 * classes.tsv named in the clause, and the code family of grammar.tsv that
 * maps the act's code. `patient`: only among the ones acted on; 3: only
 * where it is the means, not what is acted on (the subject's side, or after
 * a preposition: "killed 20 people in a suicide bombing", not "shot dead a
 * suicide bomber"). */
static const struct {
    int gc, family, patient;
} KINDS[] = {
    {NE_GC_CHEMICAL, NE_CF_KIND_CHEMICAL, 0},   /* "rockets filled with sarin": 2041 */
    {NE_GC_CONVOY, NE_CF_KIND_CONVOY, 2},       /* "fired on the prime minister's convoy": 185 */
    {NE_GC_SUICIDE_BOMB, NE_CF_KIND_SUICIDE, 3},   /* "a suicide bomber killed 25": 1831 */
    {NE_GC_VEHICLE_BOMB, NE_CF_KIND_VEHICLE_BOMB, 3}, /* "a car bomb killed 10 soldiers": 1832 */
    {NE_GC_ROADSIDE_BOMB, NE_CF_KIND_ROADSIDE, 3},  /* "killed by a roadside bomb": 1833 */
    {NE_GC_ARMOUR, NE_CF_KIND_ARMOUR, 0},       /* "hit by tank fire": 194 */
    {NE_GC_AIR, NE_CF_KIND_AIR, 0},             /* "killed in an air strike": 195 */
    {NE_GC_AIR_MEANS, NE_CF_KIND_AIR_MEANS, 3}, /* "a Turkish drone killed": 195 */
    {NE_GC_CROWD, NE_CF_KIND_CROWD, 1},         /* "opened fire on protesters": 175 */
    {NE_GC_PROPERTY, NE_CF_KIND_PROPERTY, 1},   /* "seized the subsidiaries of X": 1711 */
    {NE_GC_MISSION, NE_CF_KIND_MISSION, 0},  /* "peacekeepers arrived in", "sent troops to help": 074 */
    /* "three Iranian diplomats were ordered to leave", "expelled the two
     * attaches": a state's diplomats sent away are relations reduced, 161,
     * not people deported (174) */
    {NE_GC_DIPLOMATS, NE_CF_KIND_DIPLOMATS, 1},
    /* "police seized 14 opposition activists": people seized are detained, no territory taken */
    {NE_GC_DETAINEES, NE_CF_KIND_DETAINEES, 1},
    /* last: a weapon named ("jets attacked a server farm") decides first */
    {NE_GC_CYBER, NE_CF_KIND_CYBER, 0},      /* "hackers attacked the network": 176 */
};

/* Is token k right after a person's possessive ("Imran Khan's convoy")? */
static int persons_thing(const ctx_t *c, uint32_t k)
{
    if (k < c->s.tb + 2 || !(is_w(c, k - 1, "'s") || is_w(c, k - 1, "'"))) return 0;
    int32_t m = ment_at(c, k - 2);
    return m >= 0 && (c->s.d->ment.v[m].flags & NE_MF_PERSON);
}

/* Is token k, after the verb, inside a prepositional phrase ("in a suicide
 * bombing")? Only determiners, numbers and plain words stand between the
 * preposition and k; the verb itself or a mention before it says no. */
static int after_prep(const ctx_t *c, const ne_vgroup_t *g, uint32_t k)
{
    for (uint32_t j = k; j > g->head + 1 && k - j < 4; j--) {
        if (wf(c, j - 1) & NE_W_PREP) return 1;
        if (is_punct(c, j - 1, ".;:,") || ment_at(c, j - 1) >= 0) return 0;
    }
    return 0;
}

/* "A suicide attack by the Pakistani Taliban killed": the means before
 * the agent's "by" in the subject's noun phrase. The start of the phrase
 * when the clause starts with such an agent, else p. */
static uint32_t means_start(const ctx_t *c, uint32_t p)
{
    if (p < c->s.tb + 2 || !is_w(c, p - 1, "by")) return p;
    uint32_t q = p - 1;
    while (q > c->s.tb && p - q < 6 && tok(c, q - 1)->kind == NE_TK_WORD && ment_at(c, q - 1) < 0 &&
           !(wf(c, q - 1) & (NE_W_PREP | NE_W_CONJ | NE_W_REL | NE_W_BE | NE_W_HAVE | NE_W_SUBORD)))
        q--;
    return q < p - 1 ? q : p;
}

/* Does the group's clause name a member of grammar class gc? The clause
 * runs from its subject to a stop, a comma or a relative pronoun after the
 * match; the patient side (patient 1) is what follows the verb (in the
 * passive: the subject); patient 2 also wants the member to be a person's
 * ("the president's motorcade"); patient 3 is the agent side instead: the
 * subject, in the passive what follows the verb ("shot down a drone" is no
 * air attack, "drones hit" is). */
#define MAX_SUBJECT_PLACE 8 /* tokens of a place phrase between a subject and its verb */

/* "An Israeli air strike on a school in Gaza killed": when the clause
 * starts at a place right before the verb (or a mention after a
 * preposition: "A drone attack in Afghanistan killed"), the subject's noun phrase
 * before that place phrase (the nearest mention that is no place, with no
 * punctuation, relative word or verb between). Returns its first token,
 * else p. */
static uint32_t subject_phrase_start(const ctx_t *c, uint32_t p)
{
    int32_t m = ment_at(c, p);
    /* a place, or any mention after a preposition ("in Afghanistan") */
    if (m < 0 || c->s.d->ment.v[m].tb != p ||
        !((c->s.d->ment.v[m].flags & NE_MF_LOC) || (p > c->s.tb && (wf(c, p - 1) & NE_W_PREP))))
        return p;
    for (uint32_t q = p; q > c->s.tb && p - q < MAX_SUBJECT_PLACE;) {
        uint32_t k = q - 1;
        if (tok(c, k)->kind == NE_TK_PUNCT || (wf(c, k) & NE_W_REL) || verb_head_at(c, k)) return p;
        int32_t mk = ment_at(c, k);
        if (mk >= 0 && !(c->s.d->ment.v[mk].flags & NE_MF_LOC)) return c->s.d->ment.v[mk].tb;
        q = mk >= 0 ? c->s.d->ment.v[mk].tb : k;
    }
    return p;
}

#define MAX_INCLUDED_WORDS 4 /* plain words of an "including ..." phrase before the verb */

/* "Russian aircraft including helicopter gunships killed 46 civilians": a
 * subject followed by an "including" phrase (class INCLUDING) of plain
 * words before its verb; the means may be named in that phrase. The first
 * token of the subject's mention, else p (the verb's first token). */
static uint32_t including_subject_start(const ctx_t *c, uint32_t p)
{
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_INCLUDING);
    if (cls == NE_LEX_NONE) return p;
    for (uint32_t k = p; k > c->s.tb + 1 && p - k <= MAX_INCLUDED_WORDS; k--) {
        uint32_t w = k - 1;
        if (tok(c, w)->kind != NE_TK_WORD || ment_at(c, w) >= 0 || verb_head_at(c, w)) return p;
        if (ne_lex_in_class(c->s.lx, cls, tok(c, w)->word)) {
            int32_t m = ment_at(c, w - 1);
            return m >= 0 && !(c->s.d->ment.v[m].flags & NE_MF_LOC) ? c->s.d->ment.v[m].tb : p;
        }
    }
    return p;
}

/* "the four Russian diplomats whom Norway expelled", "the activists that
 * police seized": in an active clause whose counterpart stands before its
 * verb (the antecedent of an object-gap relative), the one acted on is that
 * antecedent, not what follows the verb; so is the antecedent of a passive
 * relative's pronoun ("14 activists, who were seized by police"). Does its mention name a member of
 * class cls (patient 2: a person's)? */
static int gap_antecedent_names(const ctx_t *c, const ne_vgroup_t *g, uint32_t cls, int patient)
{
    int32_t t = g->target;
    if (g->flags & NE_VG_PASSIVE) {
        /* the passive's subject: a relative pronoun right before its verb */
        uint32_t p = g->first;
        while (p > c->s.tb && ((wf(c, p - 1) & (NE_W_BE | NE_W_HAVE)) || is_adverb_like(c, p - 1))) p--;
        t = p > c->s.tb ? ment_at(c, p - 1) : -1;
        if (t < 0 || !(c->s.d->ment.v[t].flags & NE_MF_REL)) return 0;
    }
    if (t < 0 || (size_t)t >= c->s.d->ment.n) return 0;
    const ne_mention_t *m = &c->s.d->ment.v[t];
    if (m->te > g->first || m->tb < c->s.tb) return 0;
    /* ("activists, who were seized by police": in the passive, the
     * relative pronoun's antecedent) */
    if (m->flags & NE_MF_REL) {
        int32_t a = relative_antecedent(c, m);
        if (a < 0) return 0;
        m = &c->s.d->ment.v[a];
    }
    for (uint32_t k = m->tb; k < m->te; k++)
        if (ne_actions_class_at(c->s.lx, c->s.d, c->s.tb, c->s.te, cls, k) && (patient != 2 || persons_thing(c, k)))
            return 1;
    return 0;
}

static int clause_names(const ctx_t *c, const ne_vgroup_t *g, int gc, int patient)
{
    uint32_t cls = ne_lex_gclass(c->s.lx, gc);
    if (cls == NE_LEX_NONE) return 0;
    int passive = (g->flags & NE_VG_PASSIVE) != 0;
    int acted_on = patient == 1 || patient == 2;
    if (acted_on && gap_antecedent_names(c, g, cls, patient)) return 1;
    uint32_t from = acted_on && !passive ? g->head + 1 : clause_start(c, g);
    if (!(acted_on && !passive)) from = subject_phrase_start(c, from);
    if ((patient == 0 || patient == 3) && !passive && from == g->first) from = including_subject_start(c, from);
    if (patient == 0 || patient == 3) from = means_start(c, from);
    uint32_t to = acted_on && passive ? g->first : c->s.te;
    for (uint32_t k = from; k < to; k++) {
        if (k >= g->mend && (is_punct(c, k, ".;:,") || (wf(c, k) & NE_W_REL))) break;
        if (patient == 3 && (passive ? k < g->first : k > g->head && !after_prep(c, g, k)))
            continue; /* the means: not the bomber that was shot */
        if (ne_actions_class_at(c->s.lx, c->s.d, c->s.tb, c->s.te, cls, k) &&
            (patient != 2 || persons_thing(c, k)))
            return 1;
    }
    return 0;
}

/* The code of the act by the first kind its clause names whose family maps
 * it: "fired rockets filled with sarin" is 2041, not 190. 0 when none. */
static int kind_code(const ctx_t *c, const ne_vgroup_t *g, const char *code, char out[5])
{
    for (size_t k = 0; k < sizeof(KINDS) / sizeof(KINDS[0]); k++) {
        char mapped[5];
        /* no word of the sentence opens a member: no scan (most kinds, most sentences) */
        uint32_t cls = ne_lex_gclass(c->s.lx, KINDS[k].gc);
        if (cls == NE_LEX_NONE || (cls < 64 && !(c->s.d->wclasses & (1ull << cls)))) continue;
        /* most acts are in none of the kinds' families: no copy for them */
        if (!ne_lex_code_family_may(c->s.lx, KINDS[k].family, code) ||
            !ne_lex_code_family(c->s.lx, KINDS[k].family, code, mapped))
            continue;
        if (!clause_names(c, g, KINDS[k].gc, KINDS[k].patient)) continue;
        set_code(out, mapped);
        return 1;
    }
    return 0;
}

/* The code of the group's event: the matched pattern's code, passed
 * through the family in which a support verb presents it ("called for the
 * release of": 0841 -> 1053), then the family of whom it was asked of
 * ("urged X to free": 0841 -> 0253), then the family of its mood ("refused
 * to let X meet": 086 -> 1245). Sets *intent for an intention, which is
 * dated when said. 0 when there is no event (a failure to do what
 * code-fail does not list, a hostile act demanded through a noun) or no
 * code. */
static int event_code(const ctx_t *c, const ne_vgroup_t *g, const ne_match_t *mt, char mapped[5],
                      int *intent)
{
    const ne_lexicon_t *lx = c->s.lx;
    char presented[5], asked[5], kind[5];
    const char *code = mt->pat->code;
    if (kind_code(c, g, code, kind)) code = kind; /* the weapon, the patient, the mission */
    int shown = modality_family(mt->modality);
    if (shown >= 0) {
        /* a demand, an appeal or a refusal that a support verb presents is
         * made of cooperative events only (roots 01-08): "called for
         * sanctions against X" is no demand on X */
        int root = code_root(code);
        /* "called for sanctions against Nigeria": a call for a hostile
         * act (roots 13-20) on another party rallies opposition against
         * it (code-rally), as "called on its supporters to take to the
         * streets" does */
        if ((shown == NE_CF_DEMAND || shown == NE_CF_APPEAL) && root >= 13) shown = NE_CF_RALLY;
        else if (shown != NE_CF_INTENT && root > 8) return 0;
        ne_lex_code_family(lx, shown, code, presented);
        code = presented;
    }
    if (g->family >= 0) {
        ne_lex_code_family(lx, g->family, code, asked);
        code = asked;
    }
    int mood = mood_family(g->flags);
    int mapped_by = mood >= 0 ? ne_lex_code_family(lx, mood, code, mapped) : (set_code(mapped, code), 0);
    if (mood == NE_CF_FAIL && !mapped_by) return 0;
    *intent = mood == NE_CF_INTENT || mood == NE_CF_THREAT || (mood == NE_CF_AGREE && mapped_by);
    /* a mapped code that the table lacks falls back to its parent */
    while (strlen(mapped) > 3 && !ne_lex_cameo(lx, mapped)) mapped[strlen(mapped) - 1] = '\0';
    return ne_lex_cameo(lx, mapped) != NULL;
}

/* What every event of the group shares: code, rule, trigger, sentence and
 * date. Returns 0 when there is no such code. */
static int event_proto(ctx_t *c, const ne_vgroup_t *g, const ne_match_t *mt, ne_event_t *proto)
{
    char mapped[5];
    int intent;
    memset(proto, 0, sizeof(*proto));
    if (!event_code(c, g, mt, mapped, &intent) || !set_cameo(c, proto, mapped)) return 0;
    proto->rule = mt->pat->text;
    proto->trigger_start = tok_start(c, g->first);
    proto->trigger_end = tok_end(c, (mt->end > g->head ? mt->end : g->head + 1) - 1);
    proto->sentence_start = tok_start(c, c->s.tb);
    proto->sentence_end = tok_end(c, c->s.te - 1);
    event_date(c, g, intent, proto);
    if (proto->date_source == NE_DATE_TEXT && proto->date_precision == NE_PREC_DAY)
        c->mem->anchor = proto->date_ymd;
    return 1;
}

/* "The arrest of the journalist by Iranian police was condemned by France",
 * "two men whose detention by Beijing had been condemned by Ottawa": the
 * agent an event noun names in its own phrase, a by-phrase between the noun
 * and the passive verb at `end` (its of-phrase may stand between); members,
 * 0 none. Bounded to 12 tokens. */
static int phrase_by_agent(const ctx_t *c, uint32_t head, uint32_t end, ne_member_t *cp)
{
    uint32_t from = head + 1;
    /* "The sanctions, imposed by Washington on Monday, were condemned by
     * Beijing": a bare passive participle set off by a comma right after
     * the noun names its agent as the reduced one does (not a meeting's:
     * "the talks hosted by Qatar" were others') */
    uint32_t hn = ne_lex_noun(c->s.lx, tok(c, head)->word);
    if (hn != NE_LEX_NONE && ne_lex_noun_participants(c->s.lx, hn) == NE_REF_PARTICIPANTS) {
        /* as before: the loop below stops at the participle */
    } else if (from + 2 < end && is_punct(c, from, ",")) {
        for (size_t v = 0; v < c->s.d->vg.n; v++) {
            const ne_vgroup_t *pg = &c->s.d->vg.v[v];
            if (pg->head == from + 1 && pg->first == pg->head && (pg->flags & NE_VG_PASSIVE)) from += 2;
        }
    } else if (from + 1 < end && bare_participle_at(c, from) && is_w(c, from + 1, "by")) {
        from++; /* "the sanctions imposed by Washington", read as the agent's act (thing_passive) */
    }
    for (uint32_t k = from; k + 1 < end && k < head + 12; k++) {
        if (is_punct(c, k, ".;:,()") || verb_head_at(c, k)) return 0;
        if (is_w(c, k, "by")) {
            int32_t m = ment_at(c, k + 1);
            if (m < 0 && (wf(c, k + 1) & NE_W_DET)) m = ment_at(c, k + 2);
            if (m < 0 || !c->s.d->ment.v[m].n || (c->s.d->ment.v[m].flags & (NE_MF_REL | NE_MF_LOC))) return 0;
            return members(c, m, cp);
        }
        int32_t m = ment_at(c, k);
        if (m >= 0) k = c->s.d->ment.v[m].te - 1;
    }
    return 0;
}

/* The parties of the event that the noun at head names, done to by a
 * passive verb whose group opens at end: the agent its own phrase names
 * (phrase_by_agent), else the article's last such event; for a meeting noun, else
 * the parties of a joint act of the same sentence ("A and B agreed to a
 * truce after talks brokered by X": the talks were theirs). */
static int event_parties(const ctx_t *c, uint32_t head, uint32_t end, ne_member_t *cp)
{
    /* "the talks between A and B" */
    int n = between_parties(c, head, cp);
    if (n) return n;
    n = phrase_by_agent(c, head, end, cp);
    if (n) return n;
    n = relative_parties(c, head, cp);
    if (n) return n;
    n = ne_frames_event_noun_agents(c->s.lx, c->mem, tok(c, head)->word, cp, NE_MAX_MEMBERS);
    uint32_t noun = ne_lex_noun(c->s.lx, tok(c, head)->word);
    if (n || noun == NE_LEX_NONE || ne_lex_noun_participants(c->s.lx, noun) != NE_REF_PARTICIPANTS)
        return n;
    const struct ne_memevent_s *e = mem_event(c->mem, 1);
    if (!e || e->sent != c->s.tb || e->nagent < 2) return 0;
    return recalled_members(e->agent, e->nagent, cp);
}

/* "Lee Hsien Loong, whose government hosted the summit": a bare role after
 * "whose" is of the antecedent's state. */
static void whose_owner(const ctx_t *c, int32_t subj, ne_member_t *act, int na)
{
    uint32_t p = c->s.d->ment.v[subj].tb;
    if (p < c->s.tb + 2 || !is_w(c, p - 1, "whose")) return;
    uint32_t q = p - 1;
    while (q > c->s.tb && is_punct(c, q - 1, ",")) q--;
    int32_t a = q > c->s.tb ? ment_at(c, q - 1) : -1;
    if (a < 0 || !c->s.d->ment.v[a].n || !c->s.d->ment.v[a].m[0].country[0]) return;
    for (int k = 0; k < na; k++)
        if (unplaced(&act[k])) {
            char role[4];
            memcpy(role, act[k].role, sizeof(role));
            ne_member_set(&act[k], c->s.d->ment.v[a].m[0].country, role);
        }
}

/* ---- flight ---------------------------------------------------------------------- */

/* "resigned and fled the country": remember the subjects of a verb of
 * flight (grammar.tsv `flee`) that is asserted. */
static void remember_flight(ctx_t *c)
{
    ne_doc_t *d = c->s.d;
    for (size_t gi = 0; gi < d->vg.n; gi++) {
        const ne_vgroup_t *g = &d->vg.v[gi];
        if (!(ne_lex_lemma_flags(c->s.lx, g->lemma) & NE_L_FLEE) || (g->flags & NE_VG_NOUN) ||
            (g->flags & (NE_VG_MODAL | NE_VG_NEGATED | NE_VG_FUTURE | NE_VG_INFINITIVE)))
            continue;
        int32_t subj = group_subject(c, gi);
        if (subj < 0) continue;
        const ne_mention_t *mm = &d->ment.v[subj];
        for (int k = 0; k < mm->n; k++)
            if (mm->m[k].code[0])
                ne_strlcpy(c->mem->fled[c->mem->nfled++ % NE_MEM_FLED], mm->m[k].code, 16);
    }
}

/* "Hasina ... landed at an air base near New Delhi": an arrival of one who
 * fled earlier in the article is a flight, not a visit (042, 043). */
static int fled_arrival(const ctx_t *c, const char *code, const ne_member_t *act, int na)
{
    if (strcmp(code, "042") && strcmp(code, "043")) return 0;
    size_t n = c->mem->nfled < NE_MEM_FLED ? c->mem->nfled : NE_MEM_FLED;
    for (int i = 0; i < na; i++)
        for (size_t k = 0; k < n; k++)
            if (!strcmp(c->mem->fled[k], act[i].code)) return 1;
    /* "Brazil granted her asylum ... she flew to Brasilia": one granted
     * asylum (075) who travels is a refugee, not a visitor */
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++) {
        if (strncmp(e->code, "075", 3)) continue;
        for (int i = 0; i < na; i++)
            for (int t = 0; t < e->ntarget; t++)
                if (!strcmp(e->target[t].code, act[i].code)) return 1;
    }
    return 0;
}

/* "threatened to cut off electricity": the verb of a mood (threaten,
 * refuse, plan) is part of the group of the infinitive it presents; when
 * that group has a frame, the mood verb's own generic frame (`130
 * threaten obj`) gives way: one event per trigger. */
static int presented_by_other(const ctx_t *c, size_t gi)
{
    const ne_vgroup_t *g = &c->s.d->vg.v[gi];
    for (size_t k = gi + 1; k < c->s.d->vg.n; k++) {
        const ne_vgroup_t *o = &c->s.d->vg.v[k];
        if (o->first > g->head) break;
        if (o->head > g->head && o->pat && coded_group(o) && strcmp(o->pat->code, NE_CODE_NONE)) return 1;
    }
    return 0;
}

/* "demolished Palestinian homes and civilian buildings": members of one
 * compound that are the same state, bare and with a role, are one party:
 * the bare state gives way to the member that says who. Not to the
 * state's rebels or opposition, its opponents ("talks between Colombia
 * and the FARC rebels" are between two parties). Returns the new count. */
static int one_party_per_state(ne_member_t *m, int n)
{
    int out = 0;
    for (int i = 0; i < n; i++) {
        int bare = m[i].country[0] && !m[i].role[0] && !strcmp(m[i].code, m[i].country), covered = 0;
        for (int j = 0; j < n && bare && !covered; j++)
            covered = j != i && m[j].role[0] && !strcmp(m[j].country, m[i].country) &&
                      strcmp(m[j].role, "REB") && strcmp(m[j].role, "OPP");
        if (!covered) m[out++] = m[i];
    }
    return out;
}

/* "offered condolences to the Government and people of Uruguay": an
 * addressee of a verbal act of cooperation (roots 01-05) that is a state's
 * government and its people together is the state, one party. Returns the
 * new count. */
static int government_and_people(const char *code, ne_member_t *m, int n)
{
    int root = code_root(code);
    if (root < 1 || root > 5 || n != 2 || !m[0].country[0] || strcmp(m[0].country, m[1].country)) return n;
    int gov = !strcmp(m[0].role, "GOV") || !strcmp(m[1].role, "GOV");
    int cvl = !strcmp(m[0].role, "CVL") || !strcmp(m[1].role, "CVL");
    if (!gov || !cvl) return n;
    ne_member_set(&m[0], m[0].country, "");
    return 1;
}

/* "killed 31 fishermen and traders": the victims of a mass killing (202)
 * are civilians; a member with the role of business beside civilians of
 * the same state is one party with them. Returns the new count. */
static int victims_one_party(const char *code, ne_member_t *m, int n)
{
    if (strcmp(code, "202")) return n;
    int out = 0;
    for (int i = 0; i < n; i++) {
        int merged = 0;
        for (int j = 0; j < n && !strcmp(m[i].role, "BUS") && !merged; j++)
            merged = j != i && !strcmp(m[j].role, "CVL") && !strcmp(m[j].country, m[i].country);
        if (!merged) m[out++] = m[i];
    }
    return out;
}

/* "The EU may halt its mediation if the fighting goes on", "could impose
 * sanctions unless": a possible hostile act (roots 14-20) on a condition is
 * a threat of that act, no longer a hypothetical. */
static int same_party(const ctx_t *c, int32_t a, int32_t b);
static void conditional_threat(ctx_t *c, size_t gi)
{
    ne_vgroup_t *g = &c->s.d->vg.v[gi];
    if (!(g->flags & NE_VG_CONDITIONAL) || !g->pat) return;
    const char *code = g->pat->code;
    int root = code_root(code);
    if (root < 14 || root > 20) return;
    /* "Analysts say Beijing could impose sanctions if ...": what another
     * party (or no actor) says one could do is its speculation, no threat */
    int32_t gov = complement_governor(c, gi, clause_start(c, g));
    if (gov >= 0) {
        int32_t spk = group_subject(c, (size_t)gov), subj = group_subject(c, gi);
        if (spk >= 0 && (c->s.d->ment.v[spk].flags & NE_MF_SPEAKER)) spk = speaker(c);
        if (spk < 0 || subj < 0 || !c->s.d->ment.v[spk].n || !same_party(c, spk, subj)) return;
    }
    g->flags = (g->flags & ~(uint32_t)NE_VG_MODAL) | NE_VG_THREAT;
}

static int same_members(const ne_member_t *act, int na, const ne_member_t *cp, int ncp);
static int agreed_on_member(const ne_vgroup_t *g, const ne_member_t *act, int na, const ne_member_t *cp, int ncp);

/* "A camp for Congolese refugees was attacked by X", "The homes of two
 * Palestinian families were demolished": a passive subject that is a
 * thing (a plain noun) with an actor in its "of" / "for" phrase stands
 * for that actor, the one the act was done to. The mention, else -1. */
static int32_t holder_subject(const ctx_t *c, const ne_vgroup_t *g)
{
    uint32_t p = g->first;
    while (p > c->s.tb && (is_adverb_like(c, p - 1) || in_timex(c, p - 1))) p--;
    int32_t m = p > c->s.tb ? ment_at(c, p - 1) : -1;
    if (m < 0) return -1;
    const ne_mention_t *mm = &c->s.d->ment.v[m];
    /* "A hospital in Gaza was hit": a thing in a place is the place's */
    int in = mm->tb >= c->s.tb + 2 && is_w(c, mm->tb - 1, "in") && mm->n == 1 && mm->m[0].country[0];
    if (mm->te != p || !mm->n || (mm->flags & (NE_MF_REL | NE_MF_WEAK)) ||
        ((mm->flags & NE_MF_LOC) && !in) || mm->tb < c->s.tb + 2 ||
        !(is_w(c, mm->tb - 1, "of") || is_w(c, mm->tb - 1, "for") || in))
        return -1;
    uint32_t h = mm->tb - 2;
    const ne_token_t *t = tok(c, h);
    if (t->kind != NE_TK_WORD || (t->flags & NE_TF_CAP) || ment_at(c, h) >= 0 || wf(c, h)) return -1;
    for (size_t k = 0; k < c->s.d->vg.n; k++) /* the noun is no verb of a clause */
        if (c->s.d->vg.v[k].head == h && !(c->s.d->vg.v[k].flags & NE_VG_NOUN)) return -1;
    return m;
}

/* "Khan was arrested in 2023", "the opposition leader was detained on
 * Monday": an arrest with no agent named and none remembered, of a
 * domestic non-state party (opposition, media, civilians), is its own
 * state's police acting at home; who else holds a state's dissidents goes
 * without saying. Writes STATE+COP to act; 1, or 0 when p is no such party
 * or the verb at head tells of custody kept up. */
static int home_custody_agent(const ctx_t *c, uint32_t head, const ne_member_t *p, ne_member_t *act)
{
    /* "has been held in Evin prison since 2021": custody kept up is a
     * state, not an arrest (the participle of class KEPT) */
    uint32_t kept = ne_lex_gclass(c->s.lx, NE_GC_KEPT);
    if (kept == NE_LEX_NONE || ne_lex_in_class(c->s.lx, kept, tok(c, head)->word)) return 0;
    if (!p->role[0] || state_side(p)) return 0;
    if (strcmp(p->role, "OPP") && strcmp(p->role, "MED") && strcmp(p->role, "CVL")) return 0;
    /* "Police broke up a rally in Tbilisi. Forty protesters were
     * detained.": a party of no state named is placed as a counterpart is
     * (the place of the event, else the last place the article named) */
    ne_member_t placed = *p;
    if (!p->country[0]) {
        resolve_member(c, &placed, NULL, head, 1);
        p = &placed;
    }
    if (!p->country[0]) return 0;
    memset(&act[0], 0, sizeof act[0]);
    memcpy(act[0].country, p->country, sizeof act[0].country);
    memcpy(act[0].code, p->country, 3);
    memcpy(act[0].code + 3, "COP", 4);
    memcpy(act[0].role, "COP", 4);
    return 1;
}

/* Does a remembered event show its agent holding its target: a release,
 * a coercive or judicial act (roots 08 and up)? Talks, mediation or praise
 * (roots 01-07: "the swap was coordinated by Turkey") hold no one. */
static int holder_act(const struct ne_memevent_s *e)
{
    return code_root(e->code) >= 8;
}

/* "Russia freed reporter X ... X had been sentenced to 16 years": a
 * sentence or an arrest in the passive with no agent named is the act of
 * the party that holds the subject, the state whose agents the article last
 * saw act on it (remembered events). Writes that agent to act; 1, or 0 for
 * none. */
static int detained(const struct ne_memevent_s *e, const ne_member_t *p);

/* "Croatian police detained a Serbian lawmaker ... The lawmaker was
 * released after six hours": a release (084x) in the passive with no agent
 * named is the act of whoever the article last saw detain the subject.
 * Writes that agent to act; 1, or 0 for none. */
static int custody_place(const ctx_t *c, const ne_mention_t *m, ne_member_t *act);
static int releasing_holder(const ctx_t *c, const char *code, int32_t subj, ne_member_t *act)
{
    if (strncmp(code, "084", 3)) return 0;
    const ne_mention_t *m = &c->s.d->ment.v[subj];
    /* ("The activist was freed": an unplaced role is the detained party of that role) */
    if (m->n != 1 || (m->flags & (NE_MF_LOC | NE_MF_REL))) return 0;
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++)
        if (detained(e, &m->m[0]) && e->nagent && e->agent[0].country[0]) {
            act[0] = e->agent[0];
            act[0].start = act[0].end = 0;
            return 1;
        }
    return custody_place(c, m, act);
}

/* Is the verb of group g one of custody: of class KEPT ("held"), or one
 * with an arrest pattern (173: "detained", "jailed")? */
static int custody_verb(const ctx_t *c, const ne_vgroup_t *g)
{
    uint32_t kept = ne_lex_gclass(c->s.lx, NE_GC_KEPT);
    if (kept != NE_LEX_NONE && ne_lex_in_class(c->s.lx, kept, tok(c, g->head)->word)) return 1;
    size_t np;
    const ne_pattern_t *pats = ne_lex_patterns(c->s.lx, g->lemma, &np);
    for (size_t k = 0; k < np; k++)
        if (!strncmp(pats[k].code, "173", 3)) return 1;
    return 0;
}

#define MAX_CUSTODY_REACH 6 /* tokens from the subject to its custody's place: "detained in Iran" */

/* "A French tourist detained in Iran since 2022 was freed": the subject's
 * own participle of custody (a reduced relative: "detained", "held",
 * "jailed") with a state or capital after "in" names the holder, the
 * state. Writes it to act; 1, or 0 for none. Bounded scan. */
static int custody_place(const ctx_t *c, const ne_mention_t *m, ne_member_t *act)
{
    uint32_t k = m->te;
    const ne_vgroup_t *rel = NULL;
    for (size_t v = 0; v < c->s.d->vg.n && !rel; v++) {
        const ne_vgroup_t *g = &c->s.d->vg.v[v];
        if (g->first == k && g->head == k && !(g->flags & NE_VG_PASSIVE)) rel = g;
    }
    if (!rel || !custody_verb(c, rel)) return 0;
    for (uint32_t q = rel->head + 1; q + 1 < c->s.te && q < rel->head + MAX_CUSTODY_REACH; q++) {
        if (!is_w(c, q, "in")) continue;
        int32_t pm = ment_at(c, q + 1);
        if (pm < 0 || c->s.d->ment.v[pm].n != 1 || !c->s.d->ment.v[pm].m[0].country[0]) return 0;
        memset(act, 0, sizeof(*act));
        ne_member_set(act, c->s.d->ment.v[pm].m[0].country, "");
        return 1;
    }
    return 0;
}

/* "Peru accused Mexico of meddling ... The Mexican ambassador was declared
 * persona non grata": an expulsion of diplomats (161) in the passive with
 * no agent and no place to leave named is the act of the state the article
 * last saw act on the diplomats' state (remembered events, a bounded ring).
 * Writes that agent to act; 1, or 0 for none. */
static int expelling_state(const ctx_t *c, const char *code, int32_t subj, ne_member_t *act)
{
    if (strncmp(code, "161", 3)) return 0;
    const ne_mention_t *m = &c->s.d->ment.v[subj];
    if (m->n != 1 || !m->m[0].country[0] || (m->flags & (NE_MF_LOC | NE_MF_REL))) return 0;
    const char *own = m->m[0].country;
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++) {
        for (int t = 0; t < e->ntarget; t++)
            if (!strcmp(e->target[t].country, own) && e->nagent && e->agent[0].country[0] &&
                state_side(&e->agent[0]) && strcmp(e->agent[0].country, own)) {
                act[0] = e->agent[0];
                act[0].start = act[0].end = 0;
                return 1;
            }
        /* "Moldova expelled two Russian diplomats ... Two Moldovan diplomats
         * were expelled in retaliation": when the diplomats' own state acted
         * last, on another state, that state answers */
        if (e->nagent && !strcmp(e->agent[0].country, own) && e->ntarget && e->target[0].country[0] &&
            state_side(&e->target[0]) && strcmp(e->target[0].country, own)) {
            act[0] = e->target[0];
            act[0].start = act[0].end = 0;
            return 1;
        }
    }
    return 0;
}

/* "Ecuador's foreign ministry said the Mexican ambassador had been declared
 * persona non grata", "said two Mexican diplomats had been ordered to
 * leave the country": an expulsion of diplomats (161) in the passive with no
 * agent, in the complement of a reporting verb whose subject is another
 * state or its organ, is that reporter's act. Writes it to act; 1, or 0. */
static int reporting_expeller(ctx_t *c, size_t gi, const char *code, int32_t subj, ne_member_t *act)
{
    if (strncmp(code, "161", 3)) return 0;
    const ne_mention_t *m = &c->s.d->ment.v[subj];
    if (m->n != 1 || !m->m[0].country[0] || (m->flags & (NE_MF_LOC | NE_MF_REL))) return 0;
    int32_t gov = complement_governor(c, gi, clause_start(c, &c->s.d->vg.v[gi]));
    if (gov < 0 || !(c->s.d->vg.v[gov].flags & NE_VG_SAY)) return 0;
    int32_t rs = group_subject(c, (size_t)gov);
    if (rs < 0 || c->s.d->ment.v[rs].n != 1) return 0;
    const ne_member_t *r = &c->s.d->ment.v[rs].m[0];
    if (!r->country[0] || !state_side(r) || !strcmp(r->country, m->m[0].country)) return 0;
    act[0] = *r;
    return 1;
}

static int custody_agent(const ctx_t *c, const char *code, int32_t subj, uint32_t head, ne_member_t *act)
{
    if (releasing_holder(c, code, subj, act)) return 1;
    if (expelling_state(c, code, subj, act)) return 1;
    if (strncmp(code, "116", 3) && strncmp(code, "173", 3)) return 0;
    const ne_mention_t *m = &c->s.d->ment.v[subj];
    if (m->n != 1 || (m->flags & (NE_MF_LOC | NE_MF_REL))) return 0;
    /* (a group of no state, not a person: a named one is placed by his
     * own events, which the article keeps) */
    if (!m->m[0].country[0])
        return (m->flags & NE_MF_GENERIC) && !(m->flags & (NE_MF_PERSON | NE_MF_NAME)) &&
               home_custody_agent(c, head, &m->m[0], act);
    const struct ne_memevent_s *e;
    for (size_t b = 1; (e = mem_event(c->mem, b)); b++)
        for (int t = 0; t < e->ntarget && holder_act(e); t++)
            if (!strcmp(e->target[t].code, m->m[0].code) && e->nagent && e->agent[0].country[0] &&
                state_side(&e->agent[0]) && strcmp(e->agent[0].country, m->m[0].country)) {
                act[0] = e->agent[0];
                act[0].start = act[0].end = 0;
                return 1;
            }
    return home_custody_agent(c, head, &m->m[0], act);
}

/* "Britain's cyber agency said Russian hackers had targeted three
 * government ministries": a counterpart of a role and no state, hit by an
 * act of force or coercion (roots 17-20) of a party of another state, in
 * the complement of a state's verb of speech, is of the reporting state
 * (the victim tells the act), not of the actor's. */
static void reported_victim_side(const ctx_t *c, const ne_vgroup_t *g, const char *code, const ne_member_t *a,
                                 ne_member_t *b)
{
    if (!unplaced(b) || !b->role[0] || !a->country[0] || (code[0] != '1' && code[0] != '2')) return;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    if (root < 17 || root > 20 || !reported_complement(c, g)) return;
    const char *st = reporter_state(c, g->head);
    if (!st || !strcmp(st, a->country)) return;
    char role[4];
    memcpy(role, b->role, sizeof(role));
    ne_member_set(b, st, role);
}

/* The events of group gi under its match. *empty is set when the match
 * names no counterpart the actor can act on: a reciprocal with one actor,
 * no counterpart, or only the actor itself. */
/* "Turkey and the United Nations brokered the original agreement": a
 * counterpart that is another member of the acting compound (Turkey, for
 * the UN) acts with it and is no party it acts on; the recall of an earlier
 * event's sides ("the agreement") can bring it in. Reciprocal acts are
 * coded apart. 1 when b is the same party as an actor other than act[i]. */
static int partner_counterpart(const ne_member_t *act, int na, int i, const ne_member_t *b)
{
    for (int k = 0; k < na; k++) {
        if (k == i) continue;
        if (!strcmp(b->code, act[k].code)) return 1;
        /* a state and its government are one party; a state's rebels are
         * another ("the Sudanese government and SPLM/A agreed") */
        if (b->country[0] && !strcmp(b->country, act[k].country) && state_side(b) && state_side(&act[k]))
            return 1;
    }
    return 0;
}

/* "arrested eight people, including two French nationals ... France
 * demanded the release of its citizens": a state's people (CVL) are the
 * people of that state a detention named without a role (FRA), and the
 * other way round. */
static int same_people(const ne_member_t *a, const ne_member_t *b)
{
    if (!a->country[0] || strcmp(a->country, b->country)) return 0;
    return (!strcmp(a->role, "CVL") && !b->role[0]) || (!a->role[0] && !strcmp(b->role, "CVL"));
}

/* Did remembered event e detain or seize party p (arrest, detention,
 * abduction, hostage-taking: codes 173, 181)? A party still unplaced
 * ("the journalist") is the detained party of the same role. */
static int detained(const struct ne_memevent_s *e, const ne_member_t *p)
{
    /* arrested, abducted, or sentenced (116: "sentenced X to 16 years"),
     * or its property seized (1711: "seized a Greek tanker ... demanded the
     * return of the tanker") */
    if (strncmp(e->code, "173", 3) && strncmp(e->code, "181", 3) && strncmp(e->code, "116", 3) &&
        strncmp(e->code, "1711", 4))
        return 0;
    for (int t = 0; t < e->ntarget; t++)
        if (!strcmp(e->target[t].code, p->code) ||
            (unplaced(p) && p->role[0] && !strcmp(e->target[t].role, p->role)) ||
            same_people(&e->target[t], p))
            return 1;
    return 0;
}

/* "Moscow demanded the release of the journalist" (whom Moldovan police
 * detained): a demand or an appeal for a release is addressed to whoever
 * holds the party, the agents of the last event that detained it (arrested, abducted, or sentenced it); the
 * party itself when the article names no such event. */
static int release_holders(ctx_t *c, const ne_vgroup_t *g, const char *code, ne_member_t *cp, int ncp)
{
    if (!release_bidding(c, code) || ncp != 1) return ncp;
    /* "the release of the fishermen whom Chinese forces detained", "...
     * who were abducted by gunmen": the detention told later in the
     * sentence, in a relative clause on them */
    for (size_t k = 0; g->target >= 0 && k < c->s.d->vg.n; k++) {
        const ne_vgroup_t *v = &c->s.d->vg.v[k];
        if (v->head <= g->head || !v->pat ||
            (strncmp(v->pat->code, "173", 3) && strncmp(v->pat->code, "181", 3)))
            continue;
        int passive = (v->flags & NE_VG_PASSIVE) != 0;
        if (passive ? group_subject(c, k) != g->target : v->target != g->target) continue;
        int32_t holder = passive ? by_agent(c, v->head + 1) : group_subject(c, k);
        if (holder < 0 || holder == g->target) continue;
        uint32_t start = cp[0].start, end = cp[0].end;
        int n = members(c, holder, cp);
        for (int a = 0; a < n; a++) cp[a].start = start, cp[a].end = end;
        return n ? n : ncp;
    }
    const ne_memory_t *mem = c->mem;
    size_t n = mem->nevents < NE_MEM_EVENTS ? mem->nevents : NE_MEM_EVENTS;
    for (size_t k = 0; k < n; k++) {
        const struct ne_memevent_s *e = &mem->events[(mem->nevents - 1 - k) % NE_MEM_EVENTS];
        if (!detained(e, &cp[0])) continue;
        uint32_t start = cp[0].start, end = cp[0].end;
        for (int a = 0; a < e->nagent; a++) {
            cp[a] = e->agent[a];
            cp[a].start = start, cp[a].end = end;
        }
        return e->nagent;
    }
    /* "Mirzoyan, in a meeting with his Azerbaijani counterpart, called for
     * the return of all remaining prisoners": people of no state named,
     * whose detention the article did not tell, are asked of the one the
     * conversation adjunct names */
    int32_t partner = unplaced(&cp[0]) ? conversation_partner_mention(c, g) : -1;
    if (partner >= 0) {
        uint32_t start = cp[0].start, end = cp[0].end;
        int np = members(c, partner, cp);
        for (int a = 0; a < np; a++) cp[a].start = start, cp[a].end = end;
        return np ? np : ncp;
    }
    return ncp;
}

/* "Saudi Arabia hosted talks between U.S. and Russian officials": a
 * meeting (root 04) whose pattern names a TALKS noun and whose counterpart
 * follows "between" says that those parties met: each negotiated with the
 * other (046), as "A and B held talks" would. */
static int meeting_between(const ctx_t *c, const ne_vgroup_t *g, const char *code)
{
    if (strncmp(code, "04", 2) || g->target < 0 || !g->pat) return 0;
    uint32_t tb = c->s.d->ment.v[g->target].tb;
    for (int n = 0; n < 2 && tb > c->s.tb + 1 && tok(c, tb - 1)->kind == NE_TK_WORD &&
                    !wf(c, tb - 1) && !(tok(c, tb - 1)->flags & NE_TF_CAP); n++)
        tb--; /* "between senior U.S. and Russian officials" */
    /* "hosted a meeting of Iranian and American negotiators": "of" and a
     * compound of parties say the same */
    if (tb <= c->s.tb || !(is_w(c, tb - 1, "between") || (is_w(c, tb - 1, "of") && c->s.d->ment.v[g->target].n >= 2)))
        return 0;
    const ne_pelem_t *el = ne_lex_pelems(c->s.lx) + g->pat->elem;
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_TALKS), meet = ne_lex_gclass(c->s.lx, NE_GC_MEETINGS);
    for (uint16_t k = 0; k < g->pat->nelem; k++) {
        if (el[k].type == NE_PE_CLASS && el[k].alt == cls) return 1;
        /* a pattern's own word of a gathering: `host * meeting|summit of +` */
        if (el[k].type == NE_PE_WORD && meet != NE_LEX_NONE &&
            ne_lex_in_class(c->s.lx, meet, ne_lex_alts(c->s.lx)[el[k].alt]))
            return 1;
    }
    return 0;
}

static int talks_between(ctx_t *c, struct ne_events_s *ev, const ne_event_t *proto,
                         const ne_member_t *cp, int ncp)
{
    ne_event_t e = *proto;
    if (!set_cameo(c, &e, "046")) return 0;
    for (int i = 0; i < ncp; i++)
        for (int j = 0; j < ncp; j++)
            if (i != j && emit(c, ev, &e, &cp[i], &cp[j]) < 0) return -1;
    return 0;
}

static void remember_agents(ctx_t *c, const ne_vgroup_t *g, const char *code, ne_member_t *act, int na);
static uint8_t lemma_forms(const ctx_t *c, uint32_t i, uint32_t lemma);
static int32_t group_at(const ctx_t *c, uint32_t w);

/* "a demand that Kyiv rejected", "a claim that New Delhi has denied": is
 * the clause after the noun's "that" at token `that` an object relative on
 * the noun, not what the noun says or asks (a content clause, "a demand that
 * Kyiv withdraw its troops")? Its subject mention, auxiliaries or adverbs, a
 * past verb or participle, and nothing after the verb (the noun is its
 * object) but a date, "as" or the clause's end. */
static int object_gap_relative(const ctx_t *c, uint32_t that)
{
    if (that <= c->s.tb || verb_head_at(c, that - 1)) return 0; /* "demanded that": a verb's */
    uint32_t q = that + 1;
    int32_t m = ment_at(c, q);
    if (m < 0 || !c->s.d->ment.v[m].n) return 0;
    q = c->s.d->ment.v[m].te;
    while (q < c->s.te && ((wf(c, q) & (NE_W_HAVE | NE_W_BE)) || is_adverb_like(c, q))) q++;
    int32_t gi = q < c->s.te ? group_at(c, q) : -1;
    if (gi < 0 || !(lemma_forms(c, q, c->s.d->vg.v[gi].lemma) & (NE_F_PAST | NE_F_PPART))) return 0;
    q++;
    while (q < c->s.te && in_timex(c, q)) q++;
    /* a short adjunct with no party in it: "rejected for two years" */
    if (q < c->s.te && (wf(c, q) & NE_W_PREP) && !is_w(c, q, "as") && !is_w(c, q, "of")) {
        uint32_t r = q + 1;
        while (r < c->s.te && r - q <= 4 && tok(c, r)->kind == NE_TK_WORD && ment_at(c, r) < 0 &&
               !verb_head_at(c, r))
            r++;
        if (r - q > 1 && (r >= c->s.te || is_punct(c, r, ".,;:"))) q = r;
    }
    return q >= c->s.te || is_punct(c, q, ".,;:") || is_w(c, q, "as");
}

/* "declined to comment on reports that Tehran had supplied drones": a
 * clause after "that" and a noun of hearsay (class HEARSAY) is what is
 * said, not what the text asserts. */
static int hearsay_clause(const ctx_t *c, const ne_vgroup_t *g)
{
    uint32_t p = clause_start(c, g);
    if (p < c->s.tb + 2 || !is_w(c, p - 1, "that") || object_gap_relative(c, p - 1)) return 0;
    uint32_t q = p - 1; /* past a date: "reports on Monday that" */
    while (q > c->s.tb && (is_adverb_like(c, q - 1) || in_timex(c, q - 1))) q--;
    if (q <= c->s.tb || tok(c, q - 1)->kind != NE_TK_WORD) return 0;
    int32_t w = tok(c, q - 1)->word, sg = ne_lex_singular(c->s.lx, w);
    return ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_HEARSAY), sg >= 0 ? sg : w);
}

/* "Israeli airstrikes killed 25 people ... One strike hit a house": an act
 * of force (roots 18-20) whose subject is an event noun with no party of
 * its own ("one strike", "a strike on a school in Gaza City") is done by
 * the agents of the article's last such event. Returns the agents. */
/* The agents of remembered event e as the actors of an event told now
 * (a reference to it, not to where they were named): their count. */
static int recalled_agents(const struct ne_memevent_s *e, ne_member_t *act)
{
    return recalled_members(e->agent, e->nagent, act);
}

/* "North Korea tested a missile. The test drew condemnation from Japan":
 * the subject of a pattern that acts on its subject (option inverse) may
 * be a definite event noun ("the test", "the arrest", "the move") with no
 * party in it; it stands for the agents of the article's last event of
 * its kind, told in an earlier sentence. The agents, 0 none. */
/* The token of a definite noun phrase's head right before g's verb, past
 * adverbs: "The plan (also) met with", "This proposal was rejected" (the
 * determiner, then up to two plain modifiers); 0 none. */
static uint32_t definite_head(const ctx_t *c, const ne_vgroup_t *g)
{
    uint32_t start;
    return definite_subject(c, g, &start);
}

/* As definite_head; *start is the determiner's token. */
static uint32_t definite_subject(const ctx_t *c, const ne_vgroup_t *g, uint32_t *start)
{
    uint32_t k = g->first;
    while (k > c->s.tb + 1 && is_adverb_like(c, k - 1)) k--;
    if (k <= c->s.tb + 1 || tok(c, k - 1)->kind != NE_TK_WORD || ment_at(c, k - 1) >= 0 || wf(c, k - 1))
        return 0;
    uint32_t d = k - 1;
    while (d > c->s.tb && k - 1 - d < 3 && tok(c, d - 1)->kind == NE_TK_WORD && ment_at(c, d - 1) < 0 &&
           !(wf(c, d - 1) & NE_W_DET))
        d--;
    if (d <= c->s.tb || !(is_w(c, d - 1, "the") || is_w(c, d - 1, "this") || is_w(c, d - 1, "these")))
        return 0;
    *start = d - 1;
    return k - 1;
}

/* "Serbia's government presented a plan ... The plan met with rejection
 * from the opposition": a thing that no coded event names, put forward as
 * the object of an earlier sentence's verb, is its verb's subject's; the
 * subject's members for the definite head at k (ring of c->mem->put_forward,
 * newest first), 0 none. */
static int introduced_thing_owner(const ctx_t *c, uint32_t k, ne_member_t *out)
{
    int32_t w = noun_lemma(c, k);
    size_t n = c->mem->nput_forward < NE_MEM_PUT_FORWARD ? c->mem->nput_forward : NE_MEM_PUT_FORWARD;
    for (size_t i = 0; i < n; i++) {
        size_t at = (c->mem->nput_forward - 1 - i) % NE_MEM_PUT_FORWARD;
        /* the same noun, or one of its class ("a proposal ... the plan") */
        if (c->mem->put_forward[at].word == w || same_noun_class(c->s.lx, c->mem->put_forward[at].word, w))
            return recalled_members(c->mem->put_forward[at].m, c->mem->put_forward[at].n, out);
    }
    return 0;
}

/* The members of the party that reports something in this sentence (the
 * subject of its first reporting verb, else "..., said X"), placed in a
 * state or an IGO; 0 none. */
static int sentence_said_by(ctx_t *c, ne_member_t *out)
{
    int32_t sp = speaker(c);
    if (sp < 0) return 0;
    ne_member_t m[NE_MAX_MEMBERS];
    int n = members(c, sp, m), kept = 0;
    for (int i = 0; i < n && kept < NE_MEM_EVMEMBERS; i++)
        if (m[i].country[0] || !strncmp(m[i].code, "IGO", 3)) out[kept++] = m[i];
    return kept;
}

/* After a sentence: remember who reported in it, for a later denial of "the
 * claim" (claim_author). A sentence with no reporter keeps the last one. */
static void remember_said_by(ctx_t *c)
{
    ne_member_t m[NE_MEM_EVMEMBERS];
    int n = sentence_said_by(c, m);
    if (!n) return;
    memcpy(c->mem->said_by, m, sizeof(m[0]) * (size_t)n);
    c->mem->nsaid_by = n;
}

/* "Russia said Ukraine had shelled a school, a claim Kyiv denied", "...
 * Kyiv denied the claim": a denial (016) that answers no act coded before
 * is aimed at whoever made the claim: the reporter of its own sentence
 * (before the denial), else the last reporter of the article; never the
 * denier's own state. Members, 0 none. */
static int claim_author(ctx_t *c, const ne_vgroup_t *g, const ne_member_t *act, int na, ne_member_t *cp)
{
    /* (a claim named: `deny * claim|allegation ...`, not a bare "denies
     * backing the rebels", whose accuser may be no reporter at all) */
    if (!na || strncmp(g->pat->code, "016", 3) || g->pat->nelem < 2) return 0;
    ne_member_t m[NE_MEM_EVMEMBERS];
    int n = 0;
    int32_t sp = speaker(c);
    if (sp >= 0 && c->s.d->ment.v[sp].te <= g->first) n = sentence_said_by(c, m);
    if (!n) {
        n = c->mem->nsaid_by;
        memcpy(m, c->mem->said_by, sizeof(m[0]) * (size_t)n);
    }
    if (!n || (act[0].country[0] && !strcmp(m[0].country, act[0].country)) || !strcmp(m[0].code, act[0].code))
        return 0;
    return recalled_members(m, n, cp);
}

/* After a sentence: remember each indefinite or possessive object ("a
 * plan", "its proposal", "a new bill") right after an active finite verb,
 * with its owner: its author after "from" or "by" ("rejected a proposal
 * from Washington"), else the subject of a verb that coded nothing
 * ("Serbia's government presented a plan to hold elections"), for
 * introduced_thing_owner. The head is the last plain word
 * before a preposition, "to", "that" or punctuation; a few words only. */
static void remember_things(ctx_t *c)
{
    for (size_t gi = 0; gi < c->s.d->vg.n; gi++) {
        const ne_vgroup_t *g = &c->s.d->vg.v[gi];
        if (!coded_group(g) || (g->flags & (NE_VG_PASSIVE | NE_VG_SAY | NE_VG_NEGATED))) continue;
        uint32_t k = g->head + 1;
        while (k < c->s.te && (is_adverb_like(c, k) || in_timex(c, k))) k++;
        if (k >= c->s.te || !(is_w(c, k, "a") || is_w(c, k, "an") || is_w(c, k, "its") || is_w(c, k, "their")))
            continue;
        uint32_t h = 0;
        for (uint32_t q = k + 1; q < c->s.te && q < k + 5; q++) {
            if (tok(c, q)->kind != NE_TK_WORD || ment_at(c, q) >= 0 || wf(c, q) || verb_head_at(c, q)) break;
            h = q;
        }
        if (!h) continue;
        /* the thing's own author after it ("a proposal from Washington",
         * "an offer by Kyiv"), else the verb's subject when the verb coded
         * no act (an act's object may be another's: "rejected a plan") */
        int32_t owner = -1;
        if (h + 2 < c->s.te && (is_w(c, h + 1, "from") || is_w(c, h + 1, "by"))) owner = ment_at(c, h + 2);
        /* (the subject is asked for last: finding it is a long scan) */
        if (owner < 0 && !g->pat) owner = group_subject(c, gi);
        if (owner < 0 || !c->s.d->ment.v[owner].n) continue;
        ne_member_t m[NE_MAX_MEMBERS];
        int n = members(c, owner, m), kept = 0;
        size_t at = c->mem->nput_forward % NE_MEM_PUT_FORWARD;
        for (int i = 0; i < n && kept < NE_MEM_EVMEMBERS; i++)
            if (m[i].country[0] || !strncmp(m[i].code, "IGO", 3)) c->mem->put_forward[at].m[kept++] = m[i];
        if (!kept) continue;
        c->mem->put_forward[at].n = kept;
        c->mem->put_forward[at].word = noun_lemma(c, h);
        c->mem->nput_forward++;
    }
}

/* "The launch was condemned by Japan. It also drew criticism from X", "...
 * It was also condemned by X": "it" that opens the sentence as the
 * subject of g, after a sentence about a thing (actors.c note_subject),
 * is that thing; its head word is c->mem->thing_before. */
static int opening_it(const ctx_t *c, const ne_vgroup_t *g)
{
    uint32_t k = g->first;
    while (k > c->s.tb + 1 && (is_adverb_like(c, k - 1) || in_timex(c, k - 1))) k--;
    return k == c->s.tb + 1 && is_w(c, c->s.tb, "it") && c->mem->thing_before >= 0;
}

static int inverse_subject_agents(const ctx_t *c, const ne_vgroup_t *g, ne_member_t *act)
{
    if (!(g->pat->opts & NE_PO_INVERSE) || (!c->mem->nevents && !c->mem->nput_forward) ||
        (g->flags & (NE_VG_PASSIVE | NE_VG_NOUN | NE_VG_INFINITIVE | NE_VG_PARTICIPLE | NE_VG_REDUCED)))
        return 0;
    /* the noun right before the verb, after a definite determiner and up
     * to two modifiers: "The arrest drew", "The latest missile test drew";
     * adverbs may stand between noun and verb ("The drills also drew",
     * "The verdict quickly drew") */
    uint32_t k = g->first;
    while (k > c->s.tb + 1 && is_adverb_like(c, k - 1)) k--;
    if (opening_it(c, g)) {
        uint32_t thing = ne_lex_noun(c->s.lx, c->mem->thing_before);
        if (thing == NE_LEX_NONE || !ne_lex_noun_roots(c->s.lx, thing)) return 0;
        const struct ne_memevent_s *e =
            recall_event(c->mem, ne_lex_noun_roots(c->s.lx, thing), ne_lex_noun_word(c->s.lx, thing));
        return e && e->nagent && e->sent < c->s.tb ? recalled_agents(e, act) : 0;
    }
    if (k <= c->s.tb + 1) return 0;
    /* "signed a pact, a move that drew criticism from Beijing": an event
     * noun set after a comma as an apposition to the clause before it,
     * with a relative, sums up that clause's act (this sentence's) */
    int summary = is_w(c, k - 1, "that") || is_w(c, k - 1, "which");
    if (summary) k--;
    uint32_t noun = ne_lex_noun(c->s.lx, tok(c, k - 1)->word);
    if (noun == NE_LEX_NONE || !ne_lex_noun_roots(c->s.lx, noun) || ment_at(c, k - 1) >= 0) {
        uint32_t h = summary ? 0 : definite_head(c, g);
        return h ? introduced_thing_owner(c, h, act) : 0;
    }
    uint32_t d = k - 1;
    while (d > c->s.tb && k - 1 - d < 3 && tok(c, d - 1)->kind == NE_TK_WORD && ment_at(c, d - 1) < 0 &&
           !(wf(c, d - 1) & NE_W_DET))
        d--;
    if (d <= c->s.tb) return 0;
    if (summary) {
        /* ", a move that", ", in a move that" */
        uint32_t q = d - 1;
        if (!(is_w(c, q, "a") || is_w(c, q, "an")) || q <= c->s.tb) return 0;
        if (is_w(c, q - 1, "in") && q - 1 > c->s.tb) q--;
        if (!is_punct(c, q - 1, ",")) return 0;
    } else if (!(is_w(c, d - 1, "the") || is_w(c, d - 1, "this") || is_w(c, d - 1, "that") ||
                 is_w(c, d - 1, "these") || is_w(c, d - 1, "those"))) {
        return 0;
    }
    const struct ne_memevent_s *e = summary ? mem_event(c->mem, 1)
                                            : recall_event(c->mem, ne_lex_noun_roots(c->s.lx, noun),
                                                           ne_lex_noun_word(c->s.lx, noun));
    if (!e && !summary) {
        uint32_t h = definite_head(c, g);
        return h ? introduced_thing_owner(c, h, act) : 0;
    }
    /* a summary sums up this sentence's act; a definite noun, an earlier one's */
    if (!e || !e->nagent || (summary ? e->sent != c->s.tb : e->sent >= c->s.tb)) return 0;
    return recalled_agents(e, act);
}

static int means_agents(const ctx_t *c, const ne_vgroup_t *g, const char *code, ne_member_t *act,
                        const char **where)
{
    int root = code_root(code);
    if (root < 18 || root > 20 || !c->mem->nevents ||
        (g->flags & (NE_VG_PASSIVE | NE_VG_NOUN | NE_VG_INFINITIVE | NE_VG_PARTICIPLE | NE_VG_REDUCED)))
        return 0;
    const uint32_t force = (1u << 18) | (1u << 19) | (1u << 20);
    uint32_t noun = NE_LEX_NONE;
    const uint32_t weapons = ne_lex_gclass(c->s.lx, NE_GC_MUNITIONS);
    int32_t weapon = -1;
    for (uint32_t k = g->first; k > c->s.tb && g->first - k < 10; k--) {
        const ne_token_t *t = tok(c, k - 1);
        /* not in a clause of time or a relative: "a day after an attack on
         * a defence company killed five people" is another act, by others */
        if (wf(c, k - 1) & (NE_W_SUBORD | NE_W_REL)) return 0;
        if (t->kind == NE_TK_PUNCT) break;
        /* "a rocket launched from Afghan territory", "a drone operated by
         * the resistance": the subject tells where the means came from */
        if (is_w(c, k - 1, "by") || is_w(c, k - 1, "from")) return 0;
        int32_t m = ment_at(c, k - 1);
        /* a party in the subject ("an Israeli strike") is its own agent */
        if (m >= 0 && c->s.d->ment.v[m].n && !(c->s.d->ment.v[m].flags & NE_MF_LOC)) {
            const ne_mention_t *mm = &c->s.d->ment.v[m];
            if (!(mm->tb >= 1 && (wf(c, mm->tb - 1) & NE_W_PREP))) return 0;
        }
        uint32_t n = ne_lex_noun(c->s.lx, t->word);
        if (n != NE_LEX_NONE && (ne_lex_noun_roots(c->s.lx, n) & force)) noun = n;
        /* "Russia pounded Kharkiv ... A missile struck a hospital": a
         * weapon with no owner (the class MUNITIONS) is the means of the last
         * act of force as an event noun would name it */
        else if (weapons != NE_LEX_NONE && ne_lex_in_class(c->s.lx, weapons, t->word)) weapon = t->word;
    }
    if (noun == NE_LEX_NONE && weapon < 0) return 0;
    const struct ne_memevent_s *e =
        noun != NE_LEX_NONE
            ? recall_event(c->mem, ne_lex_noun_roots(c->s.lx, noun) & force, ne_lex_noun_word(c->s.lx, noun))
            : recall_event(c->mem, force, -1);
    /* an act told in an earlier sentence, which this one goes on telling */
    if (!e || !e->nagent || e->sent >= c->s.tb) return 0;
    /* the state it struck, where its victims are unless placed elsewhere */
    *where = e->ntarget && e->target[0].country[0] ? e->target[0].country : NULL;
    return recalled_agents(e, act);
}

/* "Russia pounded Kharkiv ... A missile killed 12 people in the city
 * centre": victims of an act whose agent was recalled (means_agents), left
 * unplaced by the sentence and so put in the agent's own state, are of the
 * state the recalled act struck. */
static void struck_victims(const char *struck, const ne_member_t *orig, const ne_member_t *a, ne_member_t *b)
{
    if (!struck || !unplaced(orig) || !a->country[0] || strcmp(a->country, b->country) ||
        !strcmp(struck, a->country))
        return;
    char role[4];
    memcpy(role, b->role, sizeof(role));
    ne_member_set(b, struck, role);
}

/* "The treaty was signed by Egypt and Eritrea", "The dispute was discussed
 * by A and his Eritrean counterpart": a reciprocal pattern (option recip)
 * in the passive, with a thing for subject (no party, none in '+') and a
 * compound of two parties or more as its "by" agent, is their joint act,
 * each on the other, as in the active "A and B signed". */
static int joint_passive(const ctx_t *c, const ne_vgroup_t *g, int32_t agent, int32_t subj, int32_t target)
{
    return agent >= 0 && subj < 0 && target < 0 && (g->pat->opts & NE_PO_RECIP) &&
           c->s.d->ment.v[agent].n >= 2;
}

/* "The Transitional Presidential Council condemned the attack and declared
 * a state of emergency": one mention of no state named is one party in its
 * sentence; the state the first of its events placed it in (against that
 * event's counterpart) places it for the verbs coordinated after, which
 * have no counterpart of their own to place it by. At most four per
 * sentence, looked up by the member's span. */
static int same_placement(const ctx_t *c, ne_member_t *m)
{
    if (!unplaced(m) || !m->end) return 0;
    for (int k = 0; k < c->nplaced; k++)
        if (c->placed[k].start == m->start && c->placed[k].end == m->end) {
            char role[4];
            memcpy(role, m->role, sizeof(role));
            ne_member_set(m, c->placed[k].country, role);
            return 1;
        }
    return 0;
}

static void note_placement(ctx_t *c, const ne_member_t *m)
{
    if (!m->country[0] || !m->end || c->nplaced >= 4) return;
    c->placed[c->nplaced].start = m->start;
    c->placed[c->nplaced].end = m->end;
    memcpy(c->placed[c->nplaced].country, m->country, 4);
    c->nplaced++;
}

/* Reactions: statements on another's act (01 statements, 05 praise, 11
 * disapproval, 12 rejection). */
static int reaction_root(int root)
{
    return root == 1 || root == 5 || root == 11 || root == 12;
}

/* "Guatemala agreed to receive deportees, a move praised by X": a reaction
 * done to an event noun set after a comma as an apposition to the clause
 * before it (", a move", ", a decision") sums up that clause's act; when
 * the coder coded no act there, it is aimed at that clause's subject: the
 * subject of the last finite verb before the comma that reports nothing
 * ("X said Venezuelan troops had entered ..., an incursion condemned by
 * Y": the troops, not X). Members, 0 none. */
static int summed_up_subject(ctx_t *c, uint32_t noun, ne_member_t *cp)
{
    uint32_t d = noun;
    while (d > c->s.tb && noun - d < 3 && tok(c, d - 1)->kind == NE_TK_WORD && ment_at(c, d - 1) < 0 &&
           !(wf(c, d - 1) & NE_W_DET))
        d--;
    if (d <= c->s.tb + 1 || !(is_w(c, d - 1, "a") || is_w(c, d - 1, "an")) || !is_punct(c, d - 2, ","))
        return 0;
    uint32_t comma = d - 2;
    int32_t last = -1;
    for (size_t k = 0; k < c->s.d->vg.n && c->s.d->vg.v[k].head < comma; k++)
        if (!(c->s.d->vg.v[k].flags & (NE_VG_NOUN | NE_VG_REDUCED | NE_VG_PARTICIPLE | NE_VG_INFINITIVE | NE_VG_SAY)))
            last = (int32_t)k;
    if (last < 0) return 0;
    int32_t s = group_subject(c, (size_t)last);
    return s >= 0 && c->s.d->ment.v[s].n && !(c->s.d->ment.v[s].flags & NE_MF_LOC) ? members(c, s, cp) : 0;
}

static int exchange_side(const ctx_t *c, const char *code, const ne_member_t *actor, ne_member_t *b);

/* Is remembered member m of the state (or, with none, the code) of actor? */
static int of_actor_side(const ne_member_t *m, const ne_member_t *actor)
{
    return actor->country[0] ? !strcmp(m->country, actor->country) : !strcmp(m->code, actor->code);
}

/* "Russia and China held joint drills. North Korea did the same": a joint
 * act, remembered with its agents as its targets (each on the other), says
 * nothing of whom a party repeating it acts with. */
static int joint_act(const struct ne_memevent_s *e)
{
    if (e->ntarget != e->nagent) return 0;
    for (int k = 0; k < e->ntarget; k++) {
        int found = 0;
        for (int a = 0; a < e->nagent && !found; a++) found = !strcmp(e->target[k].code, e->agent[a].code);
        if (!found) return 0;
    }
    return 1;
}

/* Is remembered event x an act by a party of another side than actor's? */
static int other_side_act(const struct ne_memevent_s *x, const ne_member_t *actor)
{
    for (int k = 0; k < x->nagent; k++)
        if (of_actor_side(&x->agent[k], actor)) return 0;
    return x->nagent > 0;
}

/* "Belarus responded in kind, ordering two Polish diplomats to leave": the
 * repeated act told in its own words by a later verb of the sentence (a
 * pattern of the same root) is coded there, not twice ("Moscow expelled a
 * diplomat, and Helsinki responded in kind": the earlier verb is the act
 * repeated). */
static int act_told_again(const ctx_t *c, size_t gi, const char *code)
{
    int root = code_root(code);
    for (size_t k = gi + 1; k < c->s.d->vg.n; k++) {
        const ne_vgroup_t *v = &c->s.d->vg.v[k];
        if (v->pat && !(v->pat->opts & NE_PO_ECHO) && strcmp(v->pat->code, NE_CODE_NONE) &&
            code_root(v->pat->code) == root)
            return 1;
    }
    return 0;
}

/* "Algeria recalled its ambassador from Paris. France did the same",
 * "Poland expelled two diplomats ... Belarus responded in kind": a verb
 * phrase that repeats an act (option echo: "do the same", "follow suit",
 * "respond in kind", "reciprocate") is the article's last remembered act by
 * a party of another side than the subject, done by the subject. Aimed at
 * the subject's side, it is answered: its agents are the counterparts (a
 * tit-for-tat); else the subject follows suit against the same targets. An
 * act aimed at no one (a show of force) gives no event. The remembered
 * ring is short (NE_MEM_EVENTS): the scan is bounded. */
static int echo_act(ctx_t *c, size_t gi, struct ne_events_s *ev)
{
    ne_vgroup_t *g = &c->s.d->vg.v[gi];
    int32_t subj = group_subject(c, gi);
    if (subj >= 0 && (c->s.d->ment.v[subj].flags & NE_MF_SPEAKER)) subj = speaker(c);
    if (subj < 0 || (g->flags & NE_VG_PASSIVE)) return 0;
    ne_member_t act[NE_MAX_MEMBERS], cp[NE_MAX_MEMBERS];
    int na = members(c, subj, act), ncp = 0;
    if (!na) return 0;
    /* the act of the last sentence that told one by another side: its
     * first (the main clause's, not ", accusing them of spying") */
    const struct ne_memevent_s *e = NULL, *x;
    for (size_t b = 1; (x = mem_event(c->mem, b)); b++) {
        if (e && x->sent != e->sent) break;
        if (!other_side_act(x, &act[0])) continue;
        /* (a statement or a denial, root 01, is no act to answer in kind:
         * "dismissed the claims and expelled two Ukrainian diplomats ...
         * Kyiv would reply in kind" repeats the expulsion) */
        if (code_root(x->code) == 1) continue;
        e = x;
    }
    if (!e || !e->ntarget || joint_act(e) || act_told_again(c, gi, e->code)) return 0;
    int answered = 0;
    for (int k = 0; k < e->ntarget && !answered; k++) answered = of_actor_side(&e->target[k], &act[0]);
    ncp = answered ? recalled_members(e->agent, e->nagent, cp) : recalled_members(e->target, e->ntarget, cp);
    /* the remembered code, presented as the group presents it ("will do the same": intent) */
    ne_pattern_t pat = *g->pat;
    ne_strlcpy(pat.code, e->code, sizeof(pat.code));
    ne_match_t mt = {&pat, g->target, g->mend, g->modality, g->evnoun};
    ne_event_t proto;
    if (!event_proto(c, g, &mt, &proto)) return 0;
    c->coding = g;
    for (int i = 0; i < na; i++) {
        resolve_member(c, &act[i], NULL, g->head, 0);
        for (int j = 0; j < ncp; j++)
            if (emit(c, ev, &proto, &act[i], &cp[j]) < 0) return -1;
    }
    remember_event(c->mem, proto.code, trigger_word(c, g), -1, c->s.tb, act, na, cp, ncp);
    return 0;
}

/* "The Ministry of Foreign Affairs of Lithuania strongly condemns this
 * decision. We call for his immediate release.": a "we" that no reporting
 * verb of its sentence introduces is the author of the statement: whoever
 * the article last had report something, else the actor of its last
 * reaction (a statement, praise, criticism, rejection: roots 01, 05, 11,
 * 12) when that is a state's organ or an organisation. Members, 0 none. */
static int statement_author(const ctx_t *c, ne_member_t *act)
{
    if (c->mem->nsaid_by) {
        memcpy(act, c->mem->said_by, sizeof(act[0]) * (size_t)c->mem->nsaid_by);
        for (int k = 0; k < c->mem->nsaid_by; k++) act[k].start = act[k].end = 0;
        return c->mem->nsaid_by;
    }
    const struct ne_memevent_s *e = mem_event(c->mem, 1);
    if (!e || !e->nagent || !reaction_root(code_root(e->code))) return 0;
    if (strcmp(e->agent[0].role, "GOV") && strncmp(e->agent[0].code, "IGO", 3)) return 0;
    return recalled_members(e->agent, e->nagent, act);
}

/* "Seoul proposed talks between Seoul and Pyongyang" is Seoul's intention to
 * meet Pyongyang (036); "Brazil proposed talks between Venezuela and
 * Guyana", between parties none of which is of the actor's state, asks
 * others to meet (026). True for an intention to meet whose counterparts
 * follow "between" and share no state with an actor. */
static int outsider_between(const ctx_t *c, const ne_vgroup_t *g, const char *code, const ne_member_t *act,
                            int na, const ne_member_t *cp, int ncp)
{
    if (strcmp(code, "036") || g->target < 0 || !ncp || !na) return 0;
    uint32_t tb = c->s.d->ment.v[g->target].tb;
    if (tb <= c->s.tb || !is_w(c, tb - 1, "between")) return 0;
    for (int i = 0; i < na; i++) {
        if (!act[i].country[0]) return 0;
        for (int j = 0; j < ncp; j++)
            if (!cp[j].country[0] || !strcmp(act[i].country, cp[j].country)) return 0;
    }
    return 1;
}

static int code_match(ctx_t *c, size_t gi, struct ne_events_s *ev, int *empty)
{
    ne_doc_t *d = c->s.d;
    ne_vgroup_t *g = &d->vg.v[gi];
    c->coding = NULL;
    if (!g->pat || (g->flags & (NE_VG_MODAL | NE_VG_NEGATED))) return 0;
    if (hearsay_clause(c, g)) return 0;
    if ((g->pat->opts & NE_PO_ECHO) && !(g->flags & NE_VG_CONTROLLED)) return echo_act(c, gi, ev);
    if (!strcmp(g->pat->code, NE_CODE_NONE) || presented_by_other(c, gi)) return 0;
    /* a place-only attack is remembered ("condemned the strikes") but not coded */
    int quiet = place_only(c, gi);
    ne_match_t mt = {g->pat, g->target, g->mend, g->modality, g->evnoun};
    passive_object(c, gi, &mt);
    ne_event_t proto;
    if (!event_proto(c, g, &mt, &proto)) return 0;

    ne_member_t act[NE_MAX_MEMBERS], cp[NE_MAX_MEMBERS];
    int na = 0, ncp = 0, only_last = 0;
    const char *struck = NULL; /* the state a recalled act of force struck */
    int32_t subj = group_subject(c, gi);
    int first_person = subj >= 0 && (d->ment.v[subj].flags & NE_MF_SPEAKER);
    if (first_person) subj = speaker(c);
    int recip = 0;
    /* ("vowed that those involved would be punished": a threat formula in
     * the passive is resolved as in the active, by resolve_threat) */
    if ((g->flags & NE_VG_PASSIVE) && !(g->flags & NE_VG_CONTROLLED) && !(g->pat->opts & NE_PO_THREAT)) {
        int32_t agent = passive_agent(c, agent_from(c, g, mt.end), proto.code), noun = subj < 0 ? event_patient(c, g) : -1;
        if ((mt.pat->opts & NE_PO_RECIP) && by_agent(c, agent_from(c, g, mt.end)) == -2) {
            int32_t between = between_agent(c, g->head + 1);
            /* "The accord between Bogota and the FARC was signed in Havana":
             * the deal noun's own "between" names who signed it */
            if (between < 0 && noun >= 0 && is_w(c, (uint32_t)noun + 1, "between"))
                between = between_agent(c, (uint32_t)noun + 1);
            if (between >= 0) agent = between;
        }
        if (agent < 0) agent = expelling_place(c, g->head + 1, proto.code);
        if (agent < 0) agent = posting_state(c, g, subj, proto.code);
        if (agent < 0) agent = relative_attack_agent(c, g, proto.code);
        if (subj < 0 && noun < 0) subj = holder_subject(c, g);
        if (agent < 0 && subj >= 0 &&
            ((na = reporting_expeller(c, gi, proto.code, subj, act)) > 0 ||
             (na = custody_agent(c, proto.code, subj, g->head, act)) > 0)) {
            ncp = members(c, subj, cp);
            goto parties;
        }
        if (joint_passive(c, g, agent, subj, mt.target)) {
            na = members(c, agent, act);
            recip = 1;
            goto parties;
        }
        if (agent >= 0 && subj < 0 && noun < 0 && mt.target < 0 && reaction_root(code_root(proto.code))) {
            na = members(c, agent, act);
            if ((ncp = election_subject(c, g, act, na, cp))) goto parties;
            /* "It was also condemned by X": the thing the sentence before was about */
            if (opening_it(c, g) &&
                (ncp = ne_frames_event_noun_agents(c->s.lx, c->mem, c->mem->thing_before, cp, NE_MAX_MEMBERS)))
                goto parties;
            /* "The plan was rejected by the opposition": a thing put forward before */
            uint32_t h = definite_head(c, g);
            if (h && (ncp = introduced_thing_owner(c, h, cp))) goto parties;
            na = 0;
        }
        /* ("Sanctions were imposed on Iran by the EU": a thing subject,
         * the pattern's '+' the counterpart) */
        if (agent < 0 || (subj < 0 && noun < 0 && mt.target < 0)) return 0;
        na = members(c, agent, act);
        /* "a ceremony hosted by X": the parties of the event the noun names,
         * in its own phrase ("talks between A and B"), else remembered */
        if (subj >= 0) ncp = members(c, subj, cp);
        /* (not the agent itself: "The accusation was denied by Moscow") */
        else if (g->target >= 0 && g->target != agent) ncp = members(c, g->target, cp);
        else if (noun >= 0) ncp = event_parties(c, (uint32_t)noun, g->first, cp);
        if (!ncp && subj < 0 && noun >= 0 && reaction_root(code_root(proto.code)))
            ncp = summed_up_subject(c, (uint32_t)noun, cp);
        /* "Hungary tabled a proposal ... The proposal was rejected by Germany":
         * an event noun that no coded event names, put forward before */
        if (!ncp && subj < 0 && noun >= 0 && reaction_root(code_root(proto.code))) {
            uint32_t h = definite_head(c, g);
            if (h == (uint32_t)noun) ncp = introduced_thing_owner(c, h, cp);
        }
        /* "The deal was brokered by China": the parties of the last deal */
        if (!ncp && subj < 0) ncp = deal_parties(c, proto.code, act, na, cp);
        /* "The accord was signed by Iran and Saudi Arabia": a joint act
         * (option recip) in the passive whose subject names no party is
         * done by the agents to each other, as in the active voice */
        if (!ncp && subj < 0 && na >= 2 && (mt.pat->opts & NE_PO_RECIP)) recip = 1;
    } else {
        if (subj >= 0) {
            na = members(c, subj, act);
            only_last = restrictive_relative_member(c, g, subj, act, na);
            whose_owner(c, subj, act, na);
            object_before_place(c, g, act, na);
            if (g->flags & NE_VG_STATEMENT) na = co_authors(c, gi, act, na, NE_MAX_MEMBERS);
            na = joint_statement_authors(c, g, act, na, NE_MAX_MEMBERS);
        } else if (!(first_person && (na = statement_author(c, act))) && !(na = caused_crowd(c, gi, act)) &&
                   !(na = means_agents(c, g, proto.code, act, &struck)) && !(na = inverse_subject_agents(c, g, act))) {
            return 0;
        }
        ncp = counterpart(c, g, proto.code, act, na, cp, ev, &recip);
        if (g->pat->opts & NE_PO_SELF) home_government(c, proto.code, act, na, cp, ncp);
    }
parties:
    /* "drew condemnation from India", "came under criticism from Beijing":
     * the pattern's '+' acts on the subject (option inverse) */
    if ((g->pat->opts & NE_PO_INVERSE) && !recip) {
        if (!na || !ncp) return 0;
        ne_member_t t[NE_MAX_MEMBERS];
        memcpy(t, act, sizeof(act[0]) * (size_t)na);
        memcpy(act, cp, sizeof(cp[0]) * (size_t)ncp);
        memcpy(cp, t, sizeof(t[0]) * (size_t)na);
        int tn = na;
        na = ncp;
        ncp = tn;
    }
    if (fled_arrival(c, proto.code, act, na)) return 0;
    ncp = one_party_per_state(cp, ncp);
    ncp = government_and_people(proto.code, cp, ncp);
    ncp = victims_one_party(proto.code, cp, ncp);
    ncp = release_holders(c, g, proto.code, cp, ncp);
    if (outsider_between(c, g, proto.code, act, na, cp, ncp) && !set_cameo(c, &proto, "026")) return 0;
    if (!recip && agreed_on_member(g, act, na, cp, ncp)) recip = 1;
    if (recip) {
        if (na < 2) return (*empty = 1), 0;
        c->coding = g; /* (emit reads the group: where a meeting took place) */
        for (int i = 0; i < na; i++) resolve_member(c, &act[i], NULL, g->head, 0);
        for (int i = 0; i < na; i++)
            for (int j = 0; j < na; j++)
                if (i != j && emit(c, ev, &proto, &act[i], &act[j]) < 0) return -1;
        remember_event(c->mem, proto.code, trigger_word(c, g), means_word(c, g), c->s.tb, act, na, act, na);
        return 0;
    }
    if (!quiet && na && same_members(act, na, cp, ncp) && !own_members(c, g)) *empty = 1;
    size_t emitted_before = ev->ev.n;
    c->coding = g;
    /* the members as placed for the memory: each actor as placed against
     * the first counterpart, each counterpart against the first actor */
    ne_member_t placed_a[NE_MAX_MEMBERS], placed_b[NE_MAX_MEMBERS];
    for (int i = 0; i < na; i++)
        for (int j = 0; j < ncp; j++) {
            /* a counterpart is placed once, against the first actor: "the
             * Malian army and Wagner fighters killed dozens of civilians"
             * are Malian civilians for both */
            /* "Both sides agreed to release prisoners": two states that
             * release people of no state named release each other's */
            int each_others = na == 2 && unplaced(&cp[j]) && act[0].country[0] && act[1].country[0] &&
                              strcmp(act[0].country, act[1].country) &&
                              (!strncmp(proto.code, "084", 3) || !strncmp(proto.code, "0353", 4));
            ne_member_t a = j ? placed_a[i] : act[i], b = i && !each_others ? placed_b[j] : cp[j];
            if (!same_placement(c, &a)) {
                int was_unplaced = unplaced(&a);
                resolve_member(c, &a, b.country[0] ? &b : NULL, g->head, 0);
                if (was_unplaced) note_placement(c, &a);
            }
            /* "between the government and the rebels": a counterpart with a
             * role only, in a compound whose earlier member is placed, is of
             * that member's state */
            if (j > 0 && !i && unplaced(&b) && b.role[0] && placed_b[0].country[0] && !each_others &&
                b.start == cp[0].start && b.end == cp[0].end)
                ne_member_set(&b, placed_b[0].country, b.role);
            if (!each_others) exchange_side(c, proto.code, &a, &b);
            reported_victim_side(c, g, proto.code, &a, &b);
            resolve_member(c, &b, each_others ? &act[1 - i] : a.country[0] ? &a : NULL, g->head, 1);
            not_own_victims(c, proto.code, &a, &b, g->head);
            struck_victims(struck, &cp[j], &a, &b);
            keep_placement(c, &act[i], &a);
            keep_placement(c, &cp[j], &b);
            if (j == 0) placed_a[i] = a;
            if (i == 0) placed_b[j] = b;
            if (!quiet && !(only_last && i != na - 1) && !partner_counterpart(act, na, i, &b) &&
                !restated_participle(c, g, proto.code, &a, &b) && emit(c, ev, &proto, &a, &b) < 0)
                return -1;
        }
    /* "Azerbaijan said Armenian forces had fired on its positions": a
     * counterpart that was the actor until placed (the reporter's "its")
     * has coded an event: the match is not empty, no less specific
     * pattern codes it again */
    if (*empty && ev->ev.n > emitted_before) *empty = 0;
    /* an act of defence ("shot down 60 of the 93 missiles") is no act a
     * later "the attack" or "the strikes" stands for: the attack it met is */
    if (na && ncp && !(g->pat->opts & NE_PO_DEFENCE)) {
        remember_event(c->mem, proto.code, trigger_word(c, g), means_word(c, g), c->s.tb, placed_a, na, placed_b, ncp);
        mark_background(c, g);
    }
    else if (na && !ncp) remember_agents(c, g, proto.code, act, na);
    if (!quiet && meeting_between(c, g, proto.code) && talks_between(c, ev, &proto, placed_b, ncp) < 0)
        return -1;
    return 0;
}

/* "North Korea fired a ballistic missile. Seoul condemned the launch": a
 * show of force (root 15) aimed at no one is no event, but its agents are
 * remembered, so that a later reaction to it ("the launch", "condemned
 * it") finds them. (Other acts found with no counterpart have one the
 * grammar missed: "blew up the office" is not aimed at no one.) */
static void remember_agents(ctx_t *c, const ne_vgroup_t *g, const char *code, ne_member_t *act, int na)
{
    if (strncmp(code, "15", 2)) return;
    for (int i = 0; i < na; i++) resolve_member(c, &act[i], NULL, g->head, 0);
    remember_event(c->mem, code, trigger_word(c, g), means_word(c, g), c->s.tb, act, na, NULL, 0);
}

/* "Russia freed Gershkovich ... in exchange for eight Russians. Germany
 * released Vadim Krasikov", "Under the deal, Hamas released 12 hostages":
 * people of no state named whom a party frees (084) in an exchange are
 * the other side's: the state of the article's last release by another
 * state told as an exchange ("in exchange for", "swap": class EXCHANGE), else the other party of the last deal, truce or mediation (05,
 * 08, 045) the actor is a party of. The state into b (its role kept): 1,
 * else 0. */
#define MAX_EXCHANGE_SCAN 80 /* tokens of a remembered release's sentence looked at for "exchange" */

/* Does the sentence that opens at token `sent` (a remembered event's) tell
 * of an exchange (a word of class EXCHANGE)? Bounded. */
static int tells_exchange(const ctx_t *c, uint32_t sent)
{
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_EXCHANGE);
    for (uint32_t k = sent; k < c->s.d->tok.n && k - sent < MAX_EXCHANGE_SCAN; k++) {
        if (is_punct(c, k, ".")) return 0;
        if (tok(c, k)->kind == NE_TK_WORD && ne_lex_in_class(c->s.lx, cls, tok(c, k)->word)) return 1;
    }
    return 0;
}

static int exchange_side(const ctx_t *c, const char *code, const ne_member_t *actor, ne_member_t *b)
{
    if (strncmp(code, "084", 3) || !unplaced(b) || !actor->country[0]) return 0;
    const struct ne_memevent_s *e;
    for (size_t k = 1; (e = mem_event(c->mem, k)); k++) {
        int root = class_root(e->code);
        /* (a release told as an exchange: "freed 40 protesters" is none) */
        if (!strncmp(e->code, "084", 3) && e->nagent && e->agent[0].country[0] &&
            strcmp(e->agent[0].country, actor->country) && tells_exchange(c, e->sent)) {
            char role[4];
            memcpy(role, b->role, sizeof(role));
            ne_member_set(b, e->agent[0].country, role);
            return 1;
        }
        if (root != 5 && root != 8 && strncmp(e->code, "045", 3)) continue;
        const ne_member_t *other = NULL;
        int party = 0;
        for (int t = 0; t < e->ntarget; t++) {
            if (!strcmp(e->target[t].code, actor->code)) party = 1;
            else if (e->target[t].country[0] && strcmp(e->target[t].country, actor->country) && !other)
                other = &e->target[t];
        }
        for (int a = 0; a < e->nagent && strncmp(e->code, "045", 3); a++) {
            if (!strcmp(e->agent[a].code, actor->code)) party = 1;
            else if (e->agent[a].country[0] && strcmp(e->agent[a].country, actor->country) && !other)
                other = &e->agent[a];
        }
        if (!party || !other) continue;
        char role[4];
        memcpy(role, b->role, sizeof(role));
        ne_member_set(b, other->country, role);
        return 1;
    }
    return 0;
}

/* "Azerbaijan and Iran agreed to reopen the embassy in Tehran": two states
 * that agree (mood agree) on an act whose one counterpart is the state of
 * one of them agree with each other: coded both ways, as a recip pattern,
 * instead of the one member on the other (the second would act on itself). */
static int agreed_on_member(const ne_vgroup_t *g, const ne_member_t *act, int na, const ne_member_t *cp, int ncp)
{
    if (!(g->flags & NE_VG_AGREE) || na != 2 || ncp != 1 || !cp[0].country[0] || !act[0].country[0] ||
        !act[1].country[0] || !strcmp(act[0].country, act[1].country))
        return 0;
    return !strcmp(cp[0].country, act[0].country) || !strcmp(cp[0].country, act[1].country);
}

/* Do the counterparts name no one but the actors themselves (or no one)? */
static int same_members(const ne_member_t *act, int na, const ne_member_t *cp, int ncp)
{
    for (int j = 0; j < ncp; j++) {
        int own = 0;
        for (int i = 0; i < na && !own; i++) own = !strcmp(act[i].code, cp[j].code);
        if (!own) return 0;
    }
    return 1;
}

/* "Japan held military drills" under `hold * joint * &EXERCISES recip`
 * names no counterpart, `hold * &EXERCISES obj` may: when the most
 * specific pattern's events come out empty (see code_match), the group is
 * coded under the best less specific pattern of its own verb. Not for a
 * match a construction made (control, a support verb, an obligation) nor
 * for one that codes no event on purpose (`---`). */
static int code_group(ctx_t *c, size_t gi, struct ne_events_s *ev)
{
    ne_vgroup_t *g = &c->s.d->vg.v[gi];
    conditional_threat(c, gi);
    int empty = 0;
    int rc = code_match(c, gi, ev, &empty);
    if (rc < 0 || !empty || !g->pat || g->family >= 0 || g->modality || g->gov >= 0 ||
        (g->flags & NE_VG_CONTROLLED) || !strcmp(g->pat->code, NE_CODE_NONE))
        return rc;
    /* down the precedence order while the events come out empty (a few
     * steps: "began joint drills" with one navy, then "began drills" recip,
     * then the show of force) */
    for (int step = 0; step < 3 && empty; step++) {
        ne_match_t mt;
        if (!ne_actions_match_fallback(c->s.lx, c->s.d, c->s.tb, c->s.te, g, g->pat, &mt) ||
            !strcmp(mt.pat->code, NE_CODE_NONE))
            return rc;
        g->pat = mt.pat;
        g->target = mt.target;
        g->mend = mt.end;
        g->evnoun = mt.evnoun;
        empty = 0;
        rc = code_match(c, gi, ev, &empty);
        if (rc < 0) return rc;
    }
    return rc;
}

/* ---- matches ------------------------------------------------------------------ */

/* Give group gi the match mt with its '+' filled by mention target (the
 * match's own, or the party a construction names), and let it claim the
 * verbs inside its words ("demanded that China release ..."). An event
 * noun in the '+' slot counts only while the slot is the match's own. */
/* "would lift the restrictions that it had imposed on South Korea": a
 * finite verb with its own subject inside the match of g (an object-gap
 * relative clause) is a clause of its own, coded for itself too. */
static int own_relative_clause(const ctx_t *c, const ne_vgroup_t *g, const ne_vgroup_t *v)
{
    if (v->flags & (NE_VG_NOUN | NE_VG_INFINITIVE | NE_VG_PARTICIPLE | NE_VG_REDUCED | NE_VG_CONTROLLED))
        return 0;
    int32_t m = v->first > c->s.tb ? ment_at(c, v->first - 1) : -1;
    if (m < 0 || c->s.d->ment.v[m].tb <= g->head + 1 || !c->s.d->ment.v[m].n) return 0;
    /* the relative follows a noun ("restrictions (that) it imposed"), not a
     * verb ("demanded that China return": a complement) */
    uint32_t p = c->s.d->ment.v[m].tb - 1;
    if (is_w(c, p, "that") || is_w(c, p, "which")) p--;
    const ne_token_t *t = tok(c, p);
    return t->kind == NE_TK_WORD && !(t->flags & NE_TF_CAP) && !wf(c, p) && ment_at(c, p) < 0 &&
           !verb_head_at(c, p);
}

static void take_match(ctx_t *c, size_t gi, const ne_match_t *mt, int32_t target)
{
    ne_doc_t *d = c->s.d;
    ne_vgroup_t *g = &d->vg.v[gi];
    g->pat = mt->pat;
    g->target = target;
    g->mend = mt->end;
    g->modality = mt->modality;
    g->evnoun = target == mt->target ? mt->evnoun : -1;
    for (size_t k = gi + 1; k < d->vg.n; k++) {
        /* "beat and detained several journalists": the object is shared,
         * the second verb stays a verb of its own */
        if (d->vg.v[k].head == g->head + 2 && (is_w(c, g->head + 1, "and") || is_w(c, g->head + 1, "or")))
            continue;
        if (own_relative_clause(c, g, &d->vg.v[k])) continue;
        /* "welcomed the agreement reached between A and B": a participle on
         * the deal with its "between" agents is their joint act, coded too */
        if ((d->vg.v[k].flags & NE_VG_PASSIVE) && d->vg.v[k].first == d->vg.v[k].head &&
            event_patient(c, &d->vg.v[k]) >= 0 && between_agent(c, d->vg.v[k].head + 1) >= 0)
            continue;
        if (d->vg.v[k].head < mt->end) d->vg.v[k].flags |= NE_VG_CONSUMED;
    }
}

/* ---- object control ------------------------------------------------------------ */

#define MAX_OBJECT_RELATIVE 12 /* tokens of a relative clause between an object and "to" */

/* Is the token before p a plain noun owned by the mention right before it
 * ("allow United Nations | planes | to land")? As actions.c's owned_noun. */
static int owned_noun(const ctx_t *c, uint32_t p)
{
    if (p < c->s.tb + 2 || ment_at(c, p - 1) >= 0) return 0;
    const ne_token_t *t = tok(c, p - 1);
    if (t->kind != NE_TK_WORD || (t->flags & NE_TF_CAP) || wf(c, p - 1) || verb_head_at(c, p - 1)) return 0;
    int32_t m = ment_at(c, p - 2);
    return m >= 0 && c->s.d->ment.v[m].te == p - 1 && !(c->s.d->ment.v[m].flags & (NE_MF_LOC | NE_MF_REL));
}

/* If the words before position p are a relative clause on the object of
 * the governing verb (its head at gov: "allow 13,000 refugees | who have
 * lived in Iraq | to return home"), the position of its relative pronoun,
 * right after the object's mention; else p. The clause comes after the
 * governing verb, opens with "who" or "which" and has no punctuation (as
 * actions.c found the governor: before_object_relative). */
static uint32_t skip_object_relative(const ctx_t *c, uint32_t p, uint32_t gov)
{
    for (uint32_t q = p; q > c->s.tb + 1 && q > gov + 1 && p - q < MAX_OBJECT_RELATIVE; q--) {
        uint32_t r = q - 1;
        if (tok(c, r)->kind == NE_TK_PUNCT) return p;
        int32_t m = ment_at(c, r);
        if (m < 0 || !(c->s.d->ment.v[m].flags & NE_MF_REL)) continue;
        return r > gov + 1 && r + 1 < p && (is_w(c, r, "who") || is_w(c, r, "which")) && ment_at(c, r - 1) >= 0
                   ? r : p;
    }
    return p;
}

/* "summoned India's senior diplomat in Islamabad to lodge a protest": a
 * place ("in" or "at" and a bare state's name or city) that ends right
 * before p, after a mention, says where the object is, and the mention
 * before it is the object: the token after that mention; else p. */
static uint32_t before_place_phrase(const ctx_t *c, uint32_t p)
{
    int32_t m = p > c->s.tb ? ment_at(c, p - 1) : -1;
    if (m < 0) return p;
    const ne_mention_t *mm = &c->s.d->ment.v[m];
    if (mm->tb < c->s.tb + 2 || !(is_w(c, mm->tb - 1, "in") || is_w(c, mm->tb - 1, "at")) ||
        ment_at(c, mm->tb - 2) < 0 || !mm->n)
        return p;
    for (int k = 0; k < mm->n; k++)
        if (!mm->m[k].country[0] || mm->m[k].role[0]) return p;
    return mm->tb - 1;
}

/* The mention before the infinitive's "to" (or before a bare infinitive):
 * the object of the governing verb, and the infinitive's own subject. */
static int32_t control_object(const ctx_t *c, const ne_vgroup_t *h)
{
    uint32_t p = h->first;
    if (p > c->s.tb && is_w(c, p - 1, "to")) p--;
    while (p > c->s.tb && (is_adverb_like(c, p - 1) || in_timex(c, p - 1))) p--;
    /* past an apposition: "let ASEAN's special envoy, Erywan Yusof, meet" */
    if (p > c->s.tb && is_punct(c, p - 1, ",")) {
        uint32_t r = skip_apposition(c, p - 1);
        if (r != p - 1) p = r;
    }
    if (h->gov >= 0) p = skip_object_relative(c, p, c->s.d->vg.v[h->gov].head);
    if (owned_noun(c, p)) p--;
    p = before_place_phrase(c, p);
    return p > c->s.tb ? ment_at(c, p - 1) : -1;
}

/* The state of mention m's first placed member, "" when none. */
static const char *mention_country(const ctx_t *c, int32_t m)
{
    const ne_mention_t *mm = &c->s.d->ment.v[m];
    for (int k = 0; k < mm->n; k++)
        if (mm->m[k].country[0]) return mm->m[k].country;
    return "";
}

/* Is mention m on the side of a state (its members placed there, or not
 * placed at all: "troops", "its supporters" take the actor's state)? */
static int own_side(const ctx_t *c, int32_t m, const char *country)
{
    const ne_mention_t *mm = &c->s.d->ment.v[m];
    if (!mm->n || !country[0]) return 0;
    for (int k = 0; k < mm->n; k++)
        if (ne_code_stateless(mm->m[k].code) ||
            (mm->m[k].country[0] && strcmp(mm->m[k].country, country)))
            return 0;
    return 1;
}

/* Is mention m an outside party (an IGO, or placed in another state)? */
static int foreign_party(const ctx_t *c, int32_t m, const char *country)
{
    const ne_mention_t *mm = &c->s.d->ment.v[m];
    for (int k = 0; k < mm->n; k++)
        if (ne_code_stateless(mm->m[k].code) ||
            (mm->m[k].country[0] && country[0] && strcmp(mm->m[k].country, country)))
            return 1;
    return 0;
}

/* How an act done at another's bidding is coded, by the class of the
 * governing verb (lf): the code family its code passes through (-1: the act
 * itself), and whether its counterpart is the governing verb's object
 * (*to_object) or the act's own. -2 when the verb makes no event. */
static int control_family(uint32_t lf, int own, int hostile, int foreign, int passive,
                          int *to_object)
{
    *to_object = 1;
    if (lf & NE_L_PURPOSE) return -1; /* "sent inspectors to Bosnia to investigate" */
    if (lf & NE_L_ALLOW) return foreign ? NE_CF_ALLOW : NE_CF_ALLOW_HOME;
    if (!(lf & (NE_L_APPEAL | NE_L_DEMAND | NE_L_ORDER))) return -2;
    /* "ordered him to be detained": the order is the act */
    if (passive) return (lf & NE_L_ORDER) ? -1 : (lf & NE_L_APPEAL) ? NE_CF_APPEAL : NE_CF_DEMAND;
    /* "ordered the army to attack X", "called on its supporters to take to
     * the streets": the act, or a rally, against the act's target */
    if (own && hostile) {
        /* "ordered the newspaper to suspend publication": a restriction
         * (172x) with no target of its own restricts the one ordered */
        *to_object = (hostile & 2) && (lf & NE_L_ORDER);
        return (lf & NE_L_ORDER) ? -1 : NE_CF_RALLY;
    }
    return (lf & NE_L_APPEAL) ? NE_CF_APPEAL : NE_CF_DEMAND;
}

static int32_t speaker(ctx_t *c);

/* Does the governing verb's own frame make its infinitive a purpose
 * (code-call-purpose)? "called Aliyev to offer condolences": "call @" is a
 * telephone call, and the condolences are the caller's own act on the
 * person called, not an appeal to him; the call stays an event. */
static int call_purpose(const ctx_t *c, const ne_vgroup_t *gv)
{
    char kept[5];
    return gv->pat && (ne_lex_lemma_flags(c->s.lx, gv->lemma) & NE_L_APPEAL) &&
           ne_lex_code_family(c->s.lx, NE_CF_CALL_PURPOSE, gv->pat->code, kept);
}

/* "sent 21 personnel to Bosnia to investigate the feasibility of a force":
 * a purpose's own object may be no party; the infinitive's bare frame
 * `V +` then serves, on the party or place named before it, for an act
 * that is not hostile (roots below 14: "sent troops to Mali to fight" says
 * nothing of whom they fight). */
static int purpose_frame(const ctx_t *c, const ne_vgroup_t *h, ne_match_t *mt)
{
    size_t np;
    /* "to help restore order": the verb it governs says what the act is */
    if (ne_lex_lemma_flags(c->s.lx, h->lemma) & NE_L_GOVERN) return 0;
    const ne_pattern_t *pats = ne_lex_patterns(c->s.lx, h->lemma, &np);
    const ne_pelem_t *el = ne_lex_pelems(c->s.lx);
    for (size_t k = 0; k < np; k++) {
        const ne_pattern_t *p = &pats[k];
        int root = code_root(p->code);
        if (p->nelem == 1 && el[p->elem].type == NE_PE_TARGET && strcmp(p->code, NE_CODE_NONE) && root < 14) {
            *mt = (ne_match_t){p, -1, h->head + 1, 0, -1};
            return 1;
        }
    }
    return 0;
}

/* "allowed Russian planes to land", "refused to let UN planes land": a
 * permission whose act has no frame of its own is still a permission. The
 * empty code takes the default of the permission's family (code-allow for
 * an outside party, code-allow-home at home). */
static const ne_pattern_t BARE_PERMISSION = {"", 0, 0, 0, 0, "allow + to V"};

/* May the permission verb gv code a permission for the infinitive h, which
 * matched no frame? When gv coded nothing of its own ("allowed inspectors
 * to visit" is `allow * &INSPECTORS`), and is no verb coordinated after
 * "and" ("urged Iran to lift the ban and allow her to travel": whose
 * permission that is, the subject search does not know). */
static int bare_permission(const ctx_t *c, const ne_vgroup_t *gv, const ne_vgroup_t *h, ne_match_t *mt)
{
    if (!(ne_lex_lemma_flags(c->s.lx, gv->lemma) & NE_L_ALLOW) || gv->pat) return 0;
    if (gv->first > c->s.tb && (is_w(c, gv->first - 1, "and") || is_w(c, gv->first - 1, "or"))) return 0;
    *mt = (ne_match_t){&BARE_PERMISSION, -1, h->head + 1, 0, -1};
    return 1;
}

/* "urged China to free the fishermen": the infinitive's frame, matched with
 * the governing verb's object as its subject, is coded as the governing
 * verb's subject's appeal, demand or permission (its code family), and
 * the governing verb's own frame ("urge + to") gives way to it. The
 * governing verb's mood ("refused to let X meet") carries over. */
/* Do mentions a and b stand for one entity, as the scorer counts them (a
 * state with any role, an IGO whole)? */
static int same_entity(const ctx_t *c, int32_t a, int32_t b)
{
    const ne_mention_t *x = &c->s.d->ment.v[a], *y = &c->s.d->ment.v[b];
    if (!x->n || !y->n) return 0;
    const ne_member_t *p = &x->m[0], *q = &y->m[0];
    return p->country[0] ? !strcmp(p->country, q->country) : !strcmp(p->code, q->code);
}

static void match_controlled(ctx_t *c, size_t gi)
{
    ne_doc_t *d = c->s.d;
    ne_vgroup_t *h = &d->vg.v[gi];
    if ((h->flags & NE_VG_CONSUMED) || h->gov < 0) return;
    ne_vgroup_t *gv = &d->vg.v[h->gov];
    if (!coded_group(gv)) return;
    int32_t obj = control_object(c, h), actor = group_subject(c, (size_t)h->gov);
    if (obj < 0 || actor < 0) return;
    if (d->ment.v[actor].flags & NE_MF_SPEAKER) actor = speaker(c);
    ne_match_t mt;
    /* the controllee is the counterpart: the infinitive's own may be left
     * out ("ordered the general to withdraw his troops") */
    if (actor < 0 || !(ne_actions_match(c->s.lx, d, c->s.tb, c->s.te, h, &mt) ||
                       ne_actions_match_open(c->s.lx, d, c->s.tb, c->s.te, h, &mt) ||
                       ((ne_lex_lemma_flags(c->s.lx, gv->lemma) & NE_L_PURPOSE) && purpose_frame(c, h, &mt)) ||
                       bare_permission(c, gv, h, &mt)))
        return;
    const char *country = mention_country(c, actor);
    /* "Nicaragua's Sandinista government ordered the newspaper to ...": a
     * role the mention grammar left unplaced is of the state it is placed
     * in when coded, for the own-side test too */
    ne_member_t placed;
    if (!country[0] && d->ment.v[actor].n) {
        placed = d->ment.v[actor].m[0];
        resolve_member(c, &placed, NULL, gv->head, 0);
        country = placed.country;
    }
    int to_object, hostile = code_root(mt.pat->code) >= 14;
    if (hostile && !strncmp(mt.pat->code, "172", 3) && mt.target < 0) hostile |= 2;
    int purpose = call_purpose(c, gv);
    /* "called Erdogan to discuss the war": the talk is the call itself */
    if (purpose && code_root(mt.pat->code) == code_root(gv->pat->code)) return;
    uint32_t lf = purpose ? NE_L_PURPOSE : ne_lex_lemma_flags(c->s.lx, gv->lemma);
    /* "urged Western allies to impose tougher sanctions on Russia", "called
     * on the Security Council to sanction Kigali": asking others for a
     * hostile act on a third party rallies opposition against that party
     * (113, the codebook's "appeal to others to oppose target"), as asking
     * one's own side does */
    int third = hostile && mt.target >= 0 && !same_entity(c, obj, mt.target) && !(lf & NE_L_ORDER) &&
                !(h->flags & NE_VG_PASSIVE);
    int family = control_family(lf, own_side(c, obj, country) || third, hostile, foreign_party(c, obj, country),
                                (h->flags & NE_VG_PASSIVE) != 0, &to_object);
    if (family == -2) return;
    /* "sent 10,000 troops to Russia to fight against Ukraine": a purpose
     * infinitive that names its own counterpart acts on it, not on the
     * place the troops were sent to */
    int own_target = (ne_lex_lemma_flags(c->s.lx, gv->lemma) & NE_L_PURPOSE) && mt.target >= 0 && mt.target != obj;
    if (own_target) to_object = 0;
    h->family = (int8_t)family;
    take_match(c, gi, &mt, to_object ? obj : mt.target);
    h->flags |= gv->flags & (NE_VG_NEGATED | NE_VG_MODAL | NE_VG_FUTURE | NE_VG_THREAT | NE_VG_REFUSE);
    /* "would send three fighter jets to Poland to help NATO": the sending
     * stays an act on the party it goes to when the purpose acts on
     * another party of its own ("summoned Japan's ambassador to protest
     * Tokyo's decision" is one protest: the same state) */
    if (!purpose && !(own_target && !same_entity(c, obj, mt.target))) gv->pat = NULL;
}

/* ---- reported obligations --------------------------------------------------------- */

/* "X said Y must V" when V has no frame of its own: still X's demand (the
 * default of code-demand). */
static const ne_pattern_t REPORTED_DEMAND = {"", 0, 0, 0, 0, "say that + must"};

/* Do mentions a and b stand for the same party (the same codes, or a state
 * and its own government: "Russia said it must respond")? */
static int same_party(const ctx_t *c, int32_t a, int32_t b)
{
    const ne_mention_t *x = &c->s.d->ment.v[a], *y = &c->s.d->ment.v[b];
    for (int i = 0; i < x->n; i++)
        for (int j = 0; j < y->n; j++) {
            const ne_member_t *p = &x->m[i], *q = &y->m[j];
            if (!strcmp(p->code, q->code)) return 1;
            if (p->country[0] && !strcmp(p->country, q->country) &&
                (!p->role[0] || !strcmp(p->role, "GOV")) && (!q->role[0] || !strcmp(q->role, "GOV")))
                return 1;
        }
    return 0;
}

/* Does every member of mention b stand for a party of mention a? A reported
 * obligation on a compound that names others too ("the rebels said the
 * president and his Front must agree") still asks something of them. */
static int all_own_party(const ctx_t *c, int32_t a, int32_t b)
{
    const ne_mention_t *x = &c->s.d->ment.v[a], *y = &c->s.d->ment.v[b];
    for (int j = 0; j < y->n; j++) {
        int own = 0;
        for (int i = 0; i < x->n && !own; i++) {
            const ne_member_t *p = &x->m[i], *q = &y->m[j];
            own = !strcmp(p->code, q->code) ||
                  (p->country[0] && !strcmp(p->country, q->country) &&
                   (!p->role[0] || !strcmp(p->role, "GOV")) && (!q->role[0] || !strcmp(q->role, "GOV")));
        }
        if (!own) return 0;
    }
    return y->n > 0;
}

/* The verb whose complement clause starts at token p (its subject, or
 * its verb): "said (on Tuesday) Sudan must", "reiterated that Libya must",
 * "issued a stern reminder to Iraq that it must", "denied claims that": the
 * nearest verb before the clause, a reporting or denying verb right before
 * it, or any verb with an object and "that" between (no punctuation). -1
 * when none. */
static int32_t complement_governor(const ctx_t *c, size_t gi, uint32_t p)
{
    while (p > c->s.tb && (is_adverb_like(c, p - 1) || in_timex(c, p - 1))) p--;
    int that = p > c->s.tb && is_w(c, p - 1, "that");
    if (that) p--;
    for (size_t k = gi; k > 0; k--) {
        const ne_vgroup_t *v = &c->s.d->vg.v[k - 1];
        if (v->head >= p || (v->flags & (NE_VG_NOUN | NE_VG_CONSUMED))) continue;
        if (!coded_group(v) || p - v->head > 12) return -1;
        uint32_t q = v->head + 1;
        while (q < p && (is_adverb_like(c, q) || in_timex(c, q))) q++;
        if (q == p)
            return (v->flags & NE_VG_SAY) ||
                           (ne_lex_lemma_flags(c->s.lx, v->lemma) & (NE_L_DENY | NE_L_REPORT))
                       ? (int32_t)(k - 1) : -1;
        for (; q < p; q++)
            if (is_punct(c, q, ".;:,\"") && !in_timex(c, q)) return -1;
        return that ? (int32_t)(k - 1) : -1;
    }
    return -1;
}

/* '"Russia must withdraw its troops," the chancellor said': an obligation
 * whose subject opens a quotation is reported by the verb of saying after
 * the quotation's close (the first such group after it, with a closing
 * quote between). Its index, or -1. */
static int32_t quotation_governor(const ctx_t *c, size_t gi, uint32_t subj_tb)
{
    /* the clause opens the sentence, or a quotation in it */
    int quoted = subj_tb > c->s.tb && is_punct(c, subj_tb - 1, "\"");
    if (!quoted && subj_tb != c->s.tb) return -1;
    const ne_vgroup_t *h = &c->s.d->vg.v[gi];
    for (size_t k = gi + 1; k < c->s.d->vg.n; k++) {
        const ne_vgroup_t *v = &c->s.d->vg.v[k];
        if (!(v->flags & NE_VG_SAY) || (v->flags & NE_VG_NOUN)) continue;
        /* its close: a quote, or (unquoted) a comma, before the reporting
         * clause ("Russia must withdraw, Germany said") */
        for (uint32_t q = h->head + 1; q < v->first; q++)
            if (is_punct(c, q, quoted ? "\"" : ",")) return (int32_t)k;
        return -1;
    }
    return -1;
}

/* "Russia said that Sudan must return the helicopter": an obligation
 * reported by another party is that party's demand (code-demand of the
 * clause's act, the clause's subject its counterpart). "agreed that their
 * countries should cooperate" is an agreement (code-agree). Returns 1 when
 * the group is settled here, 0 to match it as usual. */
static int match_obligation(ctx_t *c, size_t gi)
{
    ne_doc_t *d = c->s.d;
    ne_vgroup_t *h = &d->vg.v[gi];
    if (!(h->flags & NE_VG_DEONTIC) || !coded_group(h)) return 0;
    int32_t subj = subject_left(c, h->first, (h->flags & NE_VG_PASSIVE) != 0);
    if (subj < 0 || !d->ment.v[subj].n || (d->ment.v[subj].flags & NE_MF_REL)) return 0;
    uint32_t q = d->ment.v[subj].te;
    while (q < h->first && (is_adverb_like(c, q) || in_timex(c, q))) q++;
    int32_t gov = q == h->first ? complement_governor(c, gi, d->ment.v[subj].tb) : -1;
    if (gov < 0 && q == h->first) gov = quotation_governor(c, gi, d->ment.v[subj].tb);
    if (gov < 0) return 0;
    ne_vgroup_t *gv = &d->vg.v[gov];
    if (ne_lex_lemma_flags(c->s.lx, gv->lemma) & NE_L_AGREE) {
        h->flags = (h->flags & ~(NE_VG_MODAL | NE_VG_DEONTIC)) | NE_VG_AGREE;
        return 0;
    }
    int32_t actor = group_subject(c, (size_t)gov);
    if (actor >= 0 && (d->ment.v[actor].flags & NE_MF_SPEAKER)) actor = speaker(c);
    if (actor < 0 || (d->ment.v[subj].n ? all_own_party(c, actor, subj) : same_party(c, actor, subj))) return 0;
    ne_match_t mt;
    if (!ne_actions_match(c->s.lx, d, c->s.tb, c->s.te, h, &mt)) {
        /* "must be prepared to mediate": the infinitive is the demand */
        if ((wf(c, h->head) & NE_W_INTENT_ADJ) && is_w(c, h->head + 1, "to")) return 0;
        mt = (ne_match_t){&REPORTED_DEMAND, -1, h->head + 1, 0, -1};
    }
    take_match(c, gi, &mt, subj);
    h->gov = gov;
    h->family = NE_CF_DEMAND;
    /* "must be ready to mediate": the readiness is what is demanded */
    h->flags = (h->flags & ~(NE_VG_MODAL | NE_VG_DEONTIC | NE_VG_FUTURE)) | NE_VG_CONTROLLED |
               (gv->flags & (NE_VG_NEGATED | NE_VG_MODAL));
    /* the subject may have been asked before (the reporting verb after a
     * quotation searches back over it): it is the reporter's now */
    h->subj = -2;
    return 1;
}

/* ---- threat formulas ------------------------------------------------------------- */

/* The first mention after token `from` in the sentence that names an
 * outside party to mention `actor` ("would respond strongly if North Korea
 * ...", not "to defend the rights of Chinese companies"). */
static int32_t other_party_after(const ctx_t *c, uint32_t from, int32_t actor)
{
    const char *country = mention_country(c, actor);
    for (uint32_t k = from; k < c->s.te && !is_punct(c, k, ".;:"); k++) {
        int32_t m = ment_at(c, k);
        if (m < 0) continue;
        const ne_mention_t *mm = &c->s.d->ment.v[m];
        k = mm->te - 1;
        if (mm->n && !(mm->flags & (NE_MF_REL | NE_MF_LOC | NE_MF_SPEAKER)) &&
            !same_party(c, actor, m) && foreign_party(c, m, country))
            return m;
    }
    return -1;
}

/* A threat formula ("would pay a heavy price", "will respond", "vowed to
 * retaliate"): said of the future, a threat by whoever says it against the
 * clause's subject if that is another party, else the first other party
 * named after the formula, else the side the speaker is at odds with; in
 * the past tense, no event. */
/* "vowed that everyone involved would be punished": the first token of a
 * subject that names no actor, a few plain words right before the verb
 * group at `first` ("everyone involved", "those responsible"); `first`
 * when there are none. */
static uint32_t plain_subject_start(const ctx_t *c, uint32_t first)
{
    uint32_t p = first;
    while (p > c->s.tb && first - p < 4 && tok(c, p - 1)->kind == NE_TK_WORD &&
           !(tok(c, p - 1)->flags & NE_TF_CAP) && ment_at(c, p - 1) < 0 && !is_w(c, p - 1, "that") &&
           !verb_head_at(c, p - 1) && !(wf(c, p - 1) & (NE_W_PREP | NE_W_CONJ | NE_W_REL | NE_W_SUBORD)))
        p--;
    return p;
}

/* "attacked a Greek-owned ship, and vowed to continue targeting vessels
 * linked to Israel": a formula in the infinitive under a verb of mood (its
 * group runs from that verb: a "to" lies between) has no subject of its
 * own; the mention left of the governing verb is no party threatened
 * (the object of a conjunct before it here). */
static int governed_infinitive(const ctx_t *c, const ne_vgroup_t *g)
{
    for (uint32_t k = g->first; k < g->head; k++)
        if (is_w(c, k, "to")) return 1;
    return 0;
}

/* "said the strikes would have consequences", "the attack would not go
 * unanswered": a threat formula whose subject is a definite event noun
 * (ending right before the verb group at `first`) threatens those who did that
 * act, its agents (event_counterpart), not whoever acted last. The noun's
 * token, or -1. */
static int32_t threatened_act(const ctx_t *c, uint32_t first)
{
    int32_t en = event_noun_before(c, first);
    return en >= 0 && definite_phrase(c, (uint32_t)en) ? en : -1;
}

/* Is role r that of a state or one of its organs ("", GOV, MIL, COP)? */
static int state_organ_role(const char *r)
{
    return !r[0] || !strcmp(r, "GOV") || !strcmp(r, "MIL") || !strcmp(r, "COP");
}

/* "the foreign ministry warned that the army would take countermeasures",
 * "Iran warned that its army would respond": is every party of mention b
 * the speaking state's own organ (its state's, or a state organ not yet
 * placed when the speaker is a state or an organ of one, placed or not:
 * "a spokesman for the ministry")? It carries out the threat; it is not
 * threatened. */
static int threat_carriers(const ctx_t *c, int32_t a, int32_t b)
{
    const ne_mention_t *x = &c->s.d->ment.v[a], *y = &c->s.d->ment.v[b];
    if (!x->n || !y->n) return 0;
    for (int i = 0; i < x->n; i++)
        if (!state_organ_role(x->m[i].role) || (!x->m[i].country[0] && !x->m[i].role[0])) return 0;
    for (int j = 0; j < y->n; j++) {
        const ne_member_t *q = &y->m[j];
        if (!state_organ_role(q->role)) return 0;
        if (!q->country[0]) {
            if (!q->role[0]) return 0;
            continue;
        }
        int own = 0;
        for (int i = 0; i < x->n && !own; i++) own = !strcmp(x->m[i].country, q->country);
        if (!own) return 0;
    }
    return 1;
}

static void resolve_threat(ctx_t *c, size_t gi)
{
    ne_doc_t *d = c->s.d;
    ne_vgroup_t *g = &d->vg.v[gi];
    if (!(g->flags & (NE_VG_FUTURE | NE_VG_THREAT))) {
        g->pat = NULL;
        return;
    }
    int32_t subj = governed_infinitive(c, g) ? -1 : subject_left(c, g->first, (g->flags & NE_VG_PASSIVE) != 0);
    uint32_t start = g->first;
    if (subj >= 0) {
        uint32_t q = d->ment.v[subj].te;
        while (q < g->first && (is_adverb_like(c, q) || in_timex(c, q))) q++;
        if (q == g->first) start = d->ment.v[subj].tb;
    }
    if (start == g->first) start = plain_subject_start(c, g->first);
    /* the one who says it: the subject of the verb that reports the clause,
     * else the speaker of a quotation ("'... it will pay for it,'
     * Netanyahu said"), else the clause's own subject */
    int32_t gov = complement_governor(c, gi, start);
    int32_t actor = gov >= 0 ? group_subject(c, (size_t)gov) : speaker(c);
    if (actor < 0) actor = group_subject(c, gi);
    if (actor >= 0 && (d->ment.v[actor].flags & NE_MF_SPEAKER)) actor = speaker(c);
    if (actor < 0) return;
    g->subj = actor;
    if (subj >= 0 && d->ment.v[subj].n && !same_party(c, actor, subj) && !threat_carriers(c, actor, subj) &&
        !(d->ment.v[subj].flags & NE_MF_SPEAKER))
        g->target = subj;
    else
        g->target = other_party_after(c, g->mend, actor);
    int32_t act = g->target < 0 && subj < 0 ? threatened_act(c, g->first) : -1;
    if (act >= 0) {
        g->evnoun = act;
        return;
    }
    if (g->target < 0) g->flags |= NE_VG_OPPOSING;
}

/* "Iran rebutted that Tehran had sent missiles" when the verb has no frame
 * of its own: a denial, a reply to the accuser, as the dictionary's own
 * `016  deny that  reply` says for "deny". */
static const ne_pattern_t DENIAL = {"016", NE_PO_REPLY, 0, 0, 0, "016 deny that reply"};

/* "denied that Tehran had sent missiles": is the group in a clause that a
 * denial governs (the clause starts at its subject, if right before it)?
 * The clause is not asserted, and the denial itself, if its verb matched
 * nothing ("denied that", not "denied the charge"), is coded against
 * whoever the denier is answering. */
static int denied_clause(ctx_t *c, size_t gi)
{
    const ne_vgroup_t *h = &c->s.d->vg.v[gi];
    uint32_t p = h->first;
    while (p > c->s.tb && (is_adverb_like(c, p - 1) || in_timex(c, p - 1))) p--;
    if (p > c->s.tb && ment_at(c, p - 1) >= 0) p = c->s.d->ment.v[ment_at(c, p - 1)].tb;
    int32_t gov = complement_governor(c, gi, p);
    if (gov < 0 || !(ne_lex_lemma_flags(c->s.lx, c->s.d->vg.v[gov].lemma) & NE_L_DENY)) return 0;
    ne_vgroup_t *gv = &c->s.d->vg.v[gov];
    if (!gv->pat && !(gv->flags & NE_VG_CONSUMED)) {
        gv->pat = &DENIAL;
        gv->target = -1;
        gv->mend = gv->head + 1;
    }
    return 1;
}

/* Is token w a verb or a noun of bidding that governs a "that" clause
 * after it ("demanded that", "urged that", "its demand that", "the call
 * that")? A verb that also reports ("told reporters that") does not. */
static int bidding_at(const ctx_t *c, uint32_t w)
{
    for (size_t k = 0; k < c->s.d->vg.n; k++) {
        const ne_vgroup_t *v = &c->s.d->vg.v[k];
        if (v->head != w || (v->flags & NE_VG_NOUN)) continue;
        uint32_t lf = ne_lex_lemma_flags(c->s.lx, v->lemma);
        return (lf & (NE_L_DEMAND | NE_L_APPEAL)) && !(lf & NE_L_REPORT) && !(v->flags & NE_VG_SAY);
    }
    int32_t sg = ne_lex_singular(c->s.lx, tok(c, w)->word);
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_DEMANDS);
    return ne_lex_in_class(c->s.lx, cls, sg >= 0 ? sg : tok(c, w)->word);
}

/* "demanded an immediate admission by Moscow that ...": is the phrase
 * that ends before token q (a noun of speech and its "by" or "from"
 * agent) the object of a bidding verb? Then its "that" clause is asked
 * for too. */
static int demanded_noun_before(const ctx_t *c, uint32_t q)
{
    for (int n = 0; n < 8 && q > c->s.tb; n++) {
        uint32_t p = q - 1;
        int32_t m = ment_at(c, p);
        if (m >= 0) {
            q = c->s.d->ment.v[m].tb;
            continue;
        }
        if (tok(c, p)->kind != NE_TK_WORD) return 0;
        uint32_t f = wf(c, p);
        if (verb_head_at(c, p)) return bidding_at(c, p);
        if ((f & NE_W_PREP) && !is_w(c, p, "by") && !is_w(c, p, "from")) return 0;
        if (f & (NE_W_REL | NE_W_SUBORD | NE_W_CONJ | NE_W_PRON | NE_W_BE | NE_W_HAVE | NE_W_DO |
                 NE_W_MODAL | NE_W_FUTURE | NE_W_NEG))
            return 0;
        q = p;
    }
    return 0;
}

/* "demanded that Washington cancel plans to sell arms", "its demand that
 * Israel ease restrictions": does the verb that starts at token `from` lie
 * in a clause that a bidding verb or noun governs (past the other verbs of
 * that clause: "cancel plans to sell")? Returns the token of its "that"
 * plus one, else 0. `budget` bounds the walk. */
static uint32_t bidden_from(const ctx_t *c, uint32_t from, int budget)
{
    uint32_t time_cls = ne_lex_gclass(c->s.lx, NE_GC_CLAUSE_TIME);
    for (uint32_t k = from; k > c->s.tb && budget > 0; k--, budget--) {
        uint32_t p = k - 1;
        /* a clause of its own: a subordinator, a relative, a clause of time
         * ("after a drone strike killed"), ", and" + a verb of the main clause */
        if (is_punct(c, p, ".;:()") || (wf(c, p) & NE_W_SUBORD) || is_w(c, p, "which") ||
            is_w(c, p, "who") || ne_lex_in_class(c->s.lx, time_cls, tok(c, p)->word) ||
            ((is_w(c, p, "and") || is_w(c, p, "but")) && p > c->s.tb && is_punct(c, p - 1, ",")))
            return 0;
        if (is_w(c, p, "that")) {
            if (object_gap_relative(c, p)) return 0; /* "a demand that Kyiv rejected" */
            uint32_t q = p;
            while (q > c->s.tb && (is_adverb_like(c, q - 1) || in_timex(c, q - 1))) q--;
            if (q > c->s.tb && tok(c, q - 1)->kind == NE_TK_WORD && bidding_at(c, q - 1)) return p + 1;
            return demanded_noun_before(c, q) ? p + 1 : 0;
        }
        if (ment_at(c, p) >= 0) continue;
        for (size_t j = 0; j < c->s.d->vg.n; j++) {
            const ne_vgroup_t *v = &c->s.d->vg.v[j];
            if (v->head != p || (v->flags & NE_VG_NOUN)) continue;
            /* another verb before: the clause is bidden if that verb's is */
            return bidden_from(c, v->first, budget - 1);
        }
    }
    return 0;
}

/* "X demanded that Y V" when V has no frame of its own: X's generic
 * demand or appeal (the default of code-demand, code-appeal). */
static const ne_pattern_t BIDDEN_ACT = {"", 0, 0, 0, 0, "bid that + V"};

/* The group of the verb whose head is token w, -1 none. */
static int32_t group_at(const ctx_t *c, uint32_t w)
{
    for (size_t j = 0; j < c->s.d->vg.n; j++)
        if (c->s.d->vg.v[j].head == w && !(c->s.d->vg.v[j].flags & NE_VG_NOUN)) return (int32_t)j;
    return -1;
}

/* The verb forms token i has as a form of lemma (NE_F_*), 0 none. */
static uint8_t lemma_forms(const ctx_t *c, uint32_t i, uint32_t lemma)
{
    if (tok(c, i)->word < 0) return 0;
    for (uint32_t v = ne_lex_vforms(c->s.lx, tok(c, i)->word); v != NE_LEX_NONE;
         v = ne_lex_vform(c->s.lx, v)->next)
        if (ne_lex_vform(c->s.lx, v)->lemma == lemma) return ne_lex_vform(c->s.lx, v)->forms;
    return 0;
}

/* "Russia insisted that Ukraine withdraw its troops", "Egypt proposed that
 * Israel free the prisoners": a bare verb after a singular subject, in a
 * "that" clause after a verb, is a mandative subjunctive: asked for, not
 * done, whatever verb governs it. Returns the token of "that" plus one,
 * else 0. */
static uint32_t subjunctive_that(const ctx_t *c, const ne_vgroup_t *h)
{
    if (h->first != h->head || (h->flags & (NE_VG_NOUN | NE_VG_INFINITIVE | NE_VG_REDUCED |
                                            NE_VG_PARTICIPLE | NE_VG_PASSIVE | NE_VG_CONTROLLED)))
        return 0;
    uint8_t forms = lemma_forms(c, h->head, h->lemma);
    if (!(forms & NE_F_BASE) || (forms & (NE_F_PAST | NE_F_S))) return 0;
    int32_t m = h->head > c->s.tb ? ment_at(c, h->head - 1) : -1;
    if (m < 0) return 0;
    const ne_mention_t *mm = &c->s.d->ment.v[m];
    if (mm->n != 1 || (mm->flags & (NE_MF_PLURAL | NE_MF_PRON | NE_MF_REL | NE_MF_SPEAKER)) ||
        mm->tb < c->s.tb + 2 || !is_w(c, mm->tb - 1, "that"))
        return 0;
    uint32_t q = mm->tb - 1;
    while (q > c->s.tb && (is_adverb_like(c, q - 1) || in_timex(c, q - 1))) q--;
    return q > c->s.tb && verb_head_at(c, q - 1) ? mm->tb : 0;
}

/* "demanded that Sweden expel the militants and condemned Denmark": is
 * group gi coordinated ("and", "but") right after a mandative subjunctive
 * while it is no bare base form itself (past_subjunctive)? Then it is no
 * part of the clause asked for. */
static int after_subjunctive(ctx_t *c, size_t gi)
{
    const ne_vgroup_t *h = &c->s.d->vg.v[gi];
    if (!conjoined(c, h)) return 0;
    /* the subjunctive's clause may hold a particle read as a verb ("crack
     * down on"): the last few verbs before */
    for (size_t k = gi, n = 0; k > 0 && n < 3; k--) {
        const ne_vgroup_t *v = &c->s.d->vg.v[k - 1];
        if (v->flags & NE_VG_NOUN) continue;
        if (past_subjunctive(c, v, h)) return 1;
        n++;
    }
    return 0;
}

/* A clause a bidding governs is what is asked for, not an act that
 * happened: it is never coded as asserted. When the bidding verb has no
 * frame that names its object ("urged that Peru withdraw", "demanded that
 * control of the ministry be taken away"), the clause's act is coded as
 * the bidder's appeal or demand (code-appeal, code-demand; the generic one
 * when the act has no frame), on the clause's first party. Returns 1 when
 * the group is settled here. */
static int match_bidden(ctx_t *c, size_t gi)
{
    ne_doc_t *d = c->s.d;
    ne_vgroup_t *h = &d->vg.v[gi];
    uint32_t that = c->bidding && !after_subjunctive(c, gi) ? bidden_from(c, h->first, 20) : 0;
    if (!that) that = subjunctive_that(c, h);
    if (!that--) return 0;
    uint32_t w = that;
    while (w > c->s.tb && (is_adverb_like(c, w - 1) || in_timex(c, w - 1))) w--;
    int32_t vi = group_at(c, w - 1);
    if (vi < 0) return 1;
    ne_vgroup_t *v = &d->vg.v[vi];
    if (!coded_group(v) || (v->pat && v->pat->nelem)) return 1;
    int32_t subj = -1;
    for (uint32_t k = that + 1; k < h->first && subj < 0; k++) {
        int32_t m = ment_at(c, k);
        if (m >= 0 && d->ment.v[m].n && !(d->ment.v[m].flags & (NE_MF_REL | NE_MF_LOC))) subj = m;
    }
    int32_t actor = group_subject(c, (size_t)vi);
    if (actor >= 0 && (d->ment.v[actor].flags & NE_MF_SPEAKER)) actor = speaker(c);
    if (subj < 0 || actor < 0 || same_party(c, actor, subj)) return 1;
    ne_match_t mt;
    if (!ne_actions_match(c->s.lx, d, c->s.tb, c->s.te, h, &mt))
        mt = (ne_match_t){&BIDDEN_ACT, -1, h->head + 1, 0, -1};
    take_match(c, gi, &mt, subj);
    h->gov = vi;
    /* "insisted that X withdraw": a speech verb with a mandative is a demand */
    h->family = ((ne_lex_lemma_flags(c->s.lx, v->lemma) & NE_L_DEMAND) || (v->flags & NE_VG_SAY))
                    ? NE_CF_DEMAND : NE_CF_APPEAL;
    h->flags = (h->flags & ~(NE_VG_MODAL | NE_VG_DEONTIC | NE_VG_PASSIVE)) | NE_VG_CONTROLLED |
               (v->flags & (NE_VG_NEGATED | NE_VG_MODAL));
    v->pat = NULL;
    return 1;
}

/* Is every pattern of the lemma an attack (roots 18-20: shell, bomb,
 * raid)? A verb of several senses (hit, strike a deal) is not. */
static int attack_verb(const ne_lexicon_t *lx, uint32_t lemma)
{
    size_t np;
    const ne_pattern_t *pats = ne_lex_patterns(lx, lemma, &np);
    for (size_t k = 0; k < np; k++) {
        int root = code_root(pats[k].code);
        if (root < 18 || root > 20) return 0;
    }
    return np > 0;
}

/* "Russian forces shelled a residential block, killing six people": a
 * participle of a toll after a verb that coded an attack (root 14 and up)
 * is the attack's consequence, not a second event. */
static int attack_toll(const ctx_t *c, size_t gi)
{
    const ne_vgroup_t *g = &c->s.d->vg.v[gi];
    if (!(g->flags & NE_VG_PARTICIPLE) || !(ne_lex_lemma_flags(c->s.lx, g->lemma) & NE_L_CONSEQUENCE))
        return 0;
    for (size_t k = gi; k > 0; k--) {
        const ne_vgroup_t *p = &c->s.d->vg.v[k - 1];
        if (!coded_group(p) || (p->flags & NE_VG_SAY)) continue;
        /* "accused Azerbaijan of firing on its positions, killing two
         * soldiers": after a disapproval (root 11) the toll is the toll of
         * the act disapproved of, not an act of the accuser */
        if (p->pat) {
            int root = code_root(p->pat->code);
            return root >= 14 || root == 11;
        }
        /* "shelled the regional capital Juba, killing about 20 people": the
         * toll of an attack whose frame found no target is still its toll */
        return attack_verb(c->s.lx, p->lemma);
    }
    return 0;
}

/* "Thousands of Kurds demonstrated in Kirkuk, calling for independence":
 * a participle that codes an appeal or a demand (roots 02, 10) right
 * after a verb that coded a protest (root 14) is the protest's aim, as
 * "rallied to demand higher pensions" is, not a second event. Clears the
 * participle's frame; returns 1 when it did. */
static int protest_aim(ctx_t *c, size_t gi)
{
    ne_vgroup_t *g = &c->s.d->vg.v[gi];
    if (!(g->flags & NE_VG_PARTICIPLE) || !g->pat) return 0;
    if (strncmp(g->pat->code, "02", 2) && strncmp(g->pat->code, "10", 2)) return 0;
    for (size_t k = gi; k > 0; k--) {
        const ne_vgroup_t *p = &c->s.d->vg.v[k - 1];
        if (!coded_group(p) || (p->flags & NE_VG_SAY)) continue;
        if (!p->pat || strncmp(p->pat->code, "14", 2)) return 0;
        g->pat = NULL;
        return 1;
    }
    return 0;
}

/* ---- statements ---------------------------------------------------------------- */

/* The group a statement participle hangs on ("issued a declaration
 * demanding", "joined May in a statement blaming"), -1 none. */
static int32_t statement_verb(const ctx_t *c, size_t gi)
{
    for (size_t k = gi; k > 0; k--)
        if (coded_group(&c->s.d->vg.v[k - 1])) return (int32_t)(k - 1);
    return -1;
}

/* "joined May in a statement blaming Russia": the statement is also May's,
 * and "join + in" is not an event of its own. */
static void statement_authors(ctx_t *c, size_t gi)
{
    int32_t k = statement_verb(c, gi);
    if (k < 0) return;
    ne_vgroup_t *v = &c->s.d->vg.v[k];
    if (ne_lex_lemma_flags(c->s.lx, v->lemma) & NE_L_JOIN) v->pat = NULL;
}

static int co_authors(ctx_t *c, size_t gi, ne_member_t *act, int na, int max)
{
    int32_t k = statement_verb(c, gi);
    if (k < 0) return na;
    const ne_vgroup_t *v = &c->s.d->vg.v[k];
    int32_t m = ment_at(c, v->head + 1);
    if (!(ne_lex_lemma_flags(c->s.lx, v->lemma) & NE_L_JOIN) || m < 0) return na;
    ne_member_t more[NE_MAX_MEMBERS];
    int n = members(c, m, more);
    for (int i = 0; i < n && na < max; i++) act[na++] = more[i];
    return na;
}

/* ---- relative clauses with an object gap ------------------------------------------ */

/* "sanctions on 10 European individuals and four entities, which it
 * accused": a list that ends in a plain noun phrase (determiners, numbers,
 * nouns: no actor) after "and" is one antecedent with the parties before;
 * q is the last token of the phrase. The mention before "and", -1 none. */
static int32_t list_before_thing(const ctx_t *c, uint32_t q)
{
    for (uint32_t k = q, n = 0; k > c->s.tb + 1 && n < 4; k--, n++) {
        const ne_token_t *t = tok(c, k);
        if (ment_at(c, k) >= 0 || (t->kind != NE_TK_WORD && t->kind != NE_TK_NUM) ||
            (t->kind == NE_TK_WORD && wf(c, k) && !(wf(c, k) & (NE_W_DET | NE_W_NUM))))
            return -1;
        if (!is_w(c, k - 1, "and")) continue;
        uint32_t p = k - 2;
        if (is_punct(c, p, ",") && p > c->s.tb) p--;
        return ment_at(c, p);
    }
    return -1;
}

#define MAX_ADJUNCT_WORDS 6 /* words of a prepositional adjunct between a verb and its object */

/* Is the mention at token tb inside a short prepositional adjunct right
 * after the verb at token verb ("said in an interview with | the BBC |
 * that", "told reporters at a meeting with | EU envoys | that")? Plain words
 * only, the first a preposition: then "that" after the mention still opens
 * the verb's complement. */
static int adjunct_between(const ctx_t *c, uint32_t verb, uint32_t tb)
{
    if (tb <= verb + 1 || tb - verb - 1 > MAX_ADJUNCT_WORDS || !(wf(c, verb + 1) & NE_W_PREP)) return 0;
    for (uint32_t k = verb + 1; k < tb; k++)
        if (tok(c, k)->kind != NE_TK_WORD || ment_at(c, k) >= 0 || verb_head_at(c, k)) return 0;
    return 1;
}

/* The antecedent of a relative clause whose relative word is token r
 * ("Rwanda, which", "a militia that", "the fishermen whom"), -1 none. */
static int32_t gap_antecedent(const ctx_t *c, uint32_t r)
{
    int32_t rm = ment_at(c, r);
    if (rm >= 0 && !(c->s.d->ment.v[rm].flags & NE_MF_REL)) return -1;
    /* "X, whose government hosted": "whose" opens the subject, no gap */
    if ((rm < 0 && !(wf(c, r) & NE_W_REL)) || is_w(c, r, "whose")) return -1;
    if (rm >= 0) r = c->s.d->ment.v[rm].tb;
    if (r <= c->s.tb) return -1;
    uint32_t q = r - 1;
    if (is_punct(c, q, ",") && q > c->s.tb) q--;
    int32_t a = ment_at(c, q);
    if (a < 0) a = list_before_thing(c, q);
    if (a < 0 || (c->s.d->ment.v[a].flags & NE_MF_REL) || !c->s.d->ment.v[a].n) return -1;
    if (rm >= 0) return a;
    /* "a summit in Abuja that Mali boycotted": a place after "in"/"at"
     * right before a restrictive "that" is the adjunct the relative is
     * extraposed past, not its antecedent (see before_extraposed) */
    if (is_w(c, r, "that") && q + 1 == r && c->s.d->ment.v[a].tb > c->s.tb &&
        (is_w(c, c->s.d->ment.v[a].tb - 1, "in") || is_w(c, c->s.d->ment.v[a].tb - 1, "at")))
        return -1;
    /* "warned Ankara that it would": after a verb that takes a clause,
     * "that" opens a complement, not a relative */
    uint32_t tb = c->s.d->ment.v[a].tb;
    for (size_t k = 0; k < c->s.d->vg.n; k++) {
        const ne_vgroup_t *v = &c->s.d->vg.v[k];
        if ((v->head + 1 == tb || adjunct_between(c, v->head, tb)) &&
            ((v->flags & NE_VG_SAY) || (ne_lex_lemma_flags(c->s.lx, v->lemma) &
                                        (NE_L_REPORT | NE_L_APPEAL | NE_L_DEMAND | NE_L_ORDER))))
            return -1;
    }
    return a;
}

static uint32_t thing_phrase_before(const ctx_t *c, uint32_t p);

/* "freed 50 UN peacekeepers they had held hostage": a pronoun subject right
 * after the object of a verb (no relative word between) opens a zero
 * relative on that object. The object mention, or -1. */
static int32_t zero_relative(const ctx_t *c, int32_t subj)
{
    const ne_mention_t *sm = &c->s.d->ment.v[subj];
    if (!(sm->flags & NE_MF_PRON) || sm->tb <= c->s.tb + 1) return -1;
    int32_t a = ment_at(c, sm->tb - 1);
    if (a < 0) return -1;
    const ne_mention_t *am = &c->s.d->ment.v[a];
    if (am->te != sm->tb || !am->n || (am->flags & (NE_MF_REL | NE_MF_LOC | NE_MF_PRON)) || am->tb <= c->s.tb)
        return -1;
    /* the antecedent is the verb's object, or its prepositional object
     * ("imposed sanctions on three officials it accused of") */
    if (!verb_head_at(c, am->tb - 1) && !(wf(c, am->tb - 1) & NE_W_PREP)) return -1;
    /* "told Kyiv it would respond", "warned Ankara they": an addressee
     * before a clause, not an antecedent */
    for (size_t k = 0; k < c->s.d->vg.n; k++) {
        const ne_vgroup_t *v = &c->s.d->vg.v[k];
        if (v->head + 1 == am->tb &&
            ((v->flags & NE_VG_SAY) || (ne_lex_lemma_flags(c->s.lx, v->lemma) &
                                        (NE_L_REPORT | NE_L_APPEAL | NE_L_DEMAND | NE_L_ORDER | NE_L_SPEECH))))
            return -1;
    }
    return a;
}

/* "the export restrictions that it had imposed on Seoul", "a declaration
 * that the two sides signed", "the sanctions Brussels imposed on Minsk":
 * a relative clause (or a zero relative) with its own subject subj, on an
 * antecedent that is no actor: the verb's patterns are matched
 * object-first, the antecedent's noun phrase as their object words. With
 * reply_only, only a pattern whose counterpart is the reply's (option reply). */
/* "Nigeria opened a summit that Mali boycotted", "the EU unveiled a plan
 * that Hungary rejected": the owner of a thing that is the object of the
 * verb right before its noun phrase (which opens at token from) is that
 * verb's subject, an actor; -1 when there is none. */
static int32_t outer_object_owner(ctx_t *c, uint32_t from, int32_t subj)
{
    if (from <= c->s.tb) return -1;
    const ne_doc_t *d = c->s.d;
    for (size_t k = 0; k < d->vg.n; k++) {
        const ne_vgroup_t *v = &d->vg.v[k];
        if (v->head != from - 1) continue;
        if (v->flags & (NE_VG_NOUN | NE_VG_PASSIVE | NE_VG_REDUCED | NE_VG_INFINITIVE)) return -1;
        int32_t sj = group_subject(c, k);
        if (sj < 0 || sj == subj || !d->ment.v[sj].n || (d->ment.v[sj].flags & NE_MF_LOC)) return -1;
        return sj;
    }
    return -1;
}

#define MAX_EXTRAPOSED 8 /* tokens of a time or place adjunct between a noun and its relative */

/* "a regional summit in Abuja on Thursday that Mali boycotted": the last
 * token of the noun phrase a relative word at r is extraposed from, past a
 * time expression and a place after "in"/"at" (bounded); r - 1 when
 * nothing stands between. */
static uint32_t before_extraposed(const ctx_t *c, uint32_t r)
{
    uint32_t q = r - 1, lo = r > c->s.tb + MAX_EXTRAPOSED ? r - MAX_EXTRAPOSED : c->s.tb;
    for (int step = 0; step < 2 && q > lo; step++) {
        if (in_timex(c, q)) {
            while (q > lo && in_timex(c, q)) q--;
            continue;
        }
        int32_t m = ment_at(c, q);
        const ne_mention_t *mm = m >= 0 ? &c->s.d->ment.v[m] : NULL;
        /* a place: a location, or a state's bare name or capital */
        if (mm && mm->te == q + 1 && ((mm->flags & NE_MF_LOC) || (mm->n == 1 && !mm->m[0].role[0]))) {
            uint32_t p = mm->tb;
            if (p > lo + 1 && (is_w(c, p - 1, "in") || is_w(c, p - 1, "at"))) q = p - 2;
            else break;
            continue;
        }
        break;
    }
    return q;
}

#define MAX_DISTANT_HEAD 16 /* tokens back from a relative to the head of a long noun phrase */

static int thing_gap(ctx_t *c, size_t gi, int32_t subj, int reply_only)
{
    ne_doc_t *d = c->s.d;
    ne_vgroup_t *h = &d->vg.v[gi];
    uint32_t r = d->ment.v[subj].tb, gap = r; /* the relative word, or the subject */
    if (wf(c, r - 1) & NE_W_REL) {
        if (!(is_w(c, r - 1, "that") || is_w(c, r - 1, "which")) || r - 1 <= c->s.tb) return 0;
        gap = --r;
    }
    /* the antecedent: a plain noun right before, heading a phrase that a
     * determiner or a possessive opens ("the export restrictions"), or
     * before the comma of a non-restrictive "which" ("the accord, which") */
    uint32_t q = r - 1;
    if (is_w(c, r, "which") && is_punct(c, q, ",") && q > c->s.tb + 1) q--;
    uint32_t from = thing_phrase_before(c, q + 1);
    if (from == UINT32_MAX && !reply_only) {
        uint32_t x = before_extraposed(c, r);
        if (x + 1 < r) from = thing_phrase_before(c, x + 1);
    }
    ne_match_t mt;
    int matched = from != UINT32_MAX && ne_actions_match_gapped(c->s.lx, d, c->s.tb, c->s.te, h, from, gap, &mt);
    /* "the export restrictions on three materials used to make chips that
     * it had imposed on Seoul": the head of a longer noun phrase, past its
     * of/on phrases and a reduced participle */
    for (uint32_t k = (from != UINT32_MAX ? from : q + 1); !matched && !reply_only && k > c->s.tb + 1 &&
                                                           q + 1 - k < MAX_DISTANT_HEAD;) {
        k--;
        if (tok(c, k)->kind == NE_TK_PUNCT || (wf(c, k) & (NE_W_REL | NE_W_SUBORD))) break;
        int32_t vk = group_at(c, k);
        if (vk >= 0 && d->vg.v[vk].head == k &&
            !(d->vg.v[vk].flags & (NE_VG_NOUN | NE_VG_REDUCED | NE_VG_INFINITIVE)))
            break; /* a finite verb: the clause the phrase is in */
        if (!(wf(c, k) & NE_W_DET) || ment_at(c, k) >= 0) continue;
        /* (a phrase after a preposition is an adjunct's: "said in an
         * interview with X that ..." opens a complement) */
        if (wf(c, k - 1) & NE_W_PREP) break;
        from = k;
        matched = ne_actions_match_gapped(c->s.lx, d, c->s.tb, c->s.te, h, from, gap, &mt);
    }
    if (!matched) return 0;
    if (reply_only && !(mt.pat->opts & NE_PO_REPLY)) return 0;
    int32_t target = mt.target;
    /* a reaction (codes 01, 05, 11, 12) to a thing that names no one is
     * aimed at the thing's owner: "a summit that Mali boycotted" after
     * "Nigeria opened" */
    int root = code_root(mt.pat->code);
    /* (not a joint act: "a declaration that the two sides signed") */
    int reaction = (root == 1 || root == 5 || root == 11 || root == 12) && !(mt.pat->opts & NE_PO_RECIP);
    if (target < 0 && reaction) target = outer_object_owner(c, from, subj);
    take_match(c, gi, &mt, target);
    /* ... else, when the thing is an event ("the visit, which Washington
     * welcomed"), at the event's parties (as event_gap; an `obj` pattern
     * only: a reply's counterpart is the accuser's, found otherwise) */
    if (target < 0 && reaction && !reply_only && !(mt.pat->opts & NE_PO_REPLY) && h->evnoun < 0) {
        int32_t head = ne_actions_event_head(c->s.lx, d, c->s.tb, c->s.te, from);
        if (head >= 0 && (uint32_t)head < gap) h->evnoun = head;
    }
    h->subj = subj;
    return 1;
}

/* The comma that opens ", a move (that) ..." before token r, where the
 * relative clause (or its subject: "a move the agency's chief X called")
 * starts; 0 when there is none. The noun phrase is a determiner and plain
 * words; the subject, up to r, opens with a determiner, a possessive or a
 * mention, and may hold a title ("the agency's chief X"). */
static uint32_t apposition_open(const ctx_t *c, uint32_t r)
{
    uint32_t k = r;
    for (int n = 0; n < 10 && k > c->s.tb + 2 && !is_punct(c, k - 1, ","); n++) {
        uint32_t p = k - 1;
        if (is_punct(c, p, ".;:()") || (wf(c, p) & (NE_W_REL | NE_W_PREP | NE_W_BE | NE_W_HAVE)))
            return 0;
        k = p;
    }
    if (k <= c->s.tb + 2 || !is_punct(c, k - 1, ",") || !(wf(c, k) & NE_W_DET) || ment_at(c, k) >= 0)
        return 0;
    /* the noun phrase: plain words after the determiner */
    uint32_t q = k + 1;
    while (q < r && ment_at(c, q) < 0 && tok(c, q)->kind == NE_TK_WORD && !wf(c, q)) q++;
    if (q == k + 1) return 0;
    /* then the relative's start, or its subject's */
    if (q != r && !(wf(c, q) & (NE_W_DET | NE_W_POSS)) && ment_at(c, q) < 0) return 0;
    return k - 1;
}

/* "Seoul and Washington began joint military exercises, which Pyongyang
 * denounced": the comma before a "which" at r that ends the match of the
 * clause before (its object names the act: an event noun phrase, no
 * actor), so that the relative stands for that act; 0 when there is none. */
static uint32_t object_act_comma(const ctx_t *c, uint32_t r)
{
    if (!is_w(c, r, "which") || r < c->s.tb + 2 || !is_punct(c, r - 1, ",") || ment_at(c, r - 2) >= 0)
        return 0;
    for (size_t k = c->s.d->vg.n; k > 0; k--) {
        const ne_vgroup_t *v = &c->s.d->vg.v[k - 1];
        if (v->head >= r || (v->flags & (NE_VG_NOUN | NE_VG_CONSUMED))) continue; /* "exercises" read as a verb */
        return coded_group(v) && v->pat && v->mend == r - 1 && v->target < 0 ? r - 1 : 0;
    }
    return 0;
}

/* "Iran said it would open a new enrichment site, a move France described
 * as worrying": an act the dictionaries do not code is still an act, and a
 * reaction to it is aimed at its doer. The subject (an actor) of the
 * nearest active finite verb before the apposition's comma at `open`; -1
 * when there is none. */
static int32_t uncoded_act_subject(ctx_t *c, size_t gi, uint32_t open)
{
    for (size_t k = gi; k > 0; k--) {
        const ne_vgroup_t *v = &c->s.d->vg.v[k - 1];
        if (v->head >= open || !coded_group(v)) continue;
        if (v->flags & NE_VG_PASSIVE) return -1;
        int32_t sj = group_subject(c, k - 1);
        return sj >= 0 && c->s.d->ment.v[sj].n > 0 ? sj : -1;
    }
    return -1;
}

/* "France recognised a Palestinian state, a move that Israel denounced",
 * "a move the agency's chief called disproportionate", "stormed the palace
 * in what Arce denounced as a coup": a relative on a noun in apposition to
 * the clause before it, or a free relative after a preposition, stands for
 * that clause's act. A reaction to it (codes 01, 05, 11, 12, matched
 * without its leading '+') is aimed at the act's subject. With `uncoded`,
 * the act may be one no pattern coded (tried after thing_gap, which reads
 * the apposition's own words: "a killing that X blamed on Y"). */
static int clause_gap(ctx_t *c, size_t gi, int32_t subj, int uncoded)
{
    ne_doc_t *d = c->s.d;
    ne_vgroup_t *h = &d->vg.v[gi];
    uint32_t r = d->ment.v[subj].tb, open;
    if (is_w(c, r, "what") && r > c->s.tb && (wf(c, r - 1) & NE_W_PREP)) {
        open = r - 1; /* "what" read into the subject's mention */
    } else if (r >= c->s.tb + 2 && is_w(c, r - 1, "what") && (wf(c, r - 2) & NE_W_PREP)) {
        open = r - 2;
    } else {
        if (is_w(c, r - 1, "that") || is_w(c, r - 1, "which")) r--;
        open = apposition_open(c, r);
        if (!open) open = object_act_comma(c, r);
        if (!open) return 0;
    }
    /* the act of the clause before: its nearest verb with a frame; its
     * doer, in the passive the "by" agent ("China was described by the
     * alliance as an enabler, a charge that Beijing rejected") */
    int32_t sj = -1;
    for (size_t k = gi; k > 0 && sj < 0; k--) {
        const ne_vgroup_t *v = &d->vg.v[k - 1];
        if (v->head >= open || !coded_group(v) || !v->pat) continue;
        if (!(v->flags & NE_VG_PASSIVE)) {
            sj = group_subject(c, k - 1);
        } else if ((sj = by_agent(c, v->head + 1)) < 0) {
            return 0;
        }
    }
    if (sj < 0 && uncoded) sj = uncoded_act_subject(c, gi, open);
    if (sj < 0 || sj == subj) return 0;
    ne_vgroup_t gap = *h;
    gap.flags |= NE_VG_PASSIVE;
    ne_match_t mt;
    if (!ne_actions_match(c->s.lx, d, c->s.tb, c->s.te, &gap, &mt)) return 0;
    int root = code_root(mt.pat->code);
    if (!(root == 1 || root == 5 || root == 11 || root == 12)) return 0;
    take_match(c, gi, &mt, sj);
    h->subj = subj;
    return 1;
}

/* "The visit, which India criticised, came after ...", "the raid that
 * Ankara condemned": a reaction (codes 01, 05, 11, 12) in a relative with
 * its own subject on a noun phrase that names an event is aimed at that
 * event's parties, as "India criticised the visit" is (event_counterpart:
 * the agent the phrase names, else the article's memory of events). */
static int event_gap(ctx_t *c, size_t gi, int32_t subj)
{
    ne_doc_t *d = c->s.d;
    ne_vgroup_t *h = &d->vg.v[gi];
    uint32_t r = d->ment.v[subj].tb;
    if (r <= c->s.tb + 1 || !(is_w(c, r - 1, "that") || is_w(c, r - 1, "which"))) return 0;
    r--;
    uint32_t q = r - 1;
    if (is_w(c, r, "which") && is_punct(c, q, ",") && q > c->s.tb + 1) q--;
    uint32_t from = thing_phrase_before(c, q + 1);
    if (from == UINT32_MAX) return 0;
    int32_t head = ne_actions_event_head(c->s.lx, d, c->s.tb, c->s.te, from);
    if (head != (int32_t)q) return 0;
    ne_vgroup_t gap = *h;
    gap.flags |= NE_VG_PASSIVE;
    ne_match_t mt;
    if (!ne_actions_match(c->s.lx, d, c->s.tb, c->s.te, &gap, &mt)) return 0;
    int root = code_root(mt.pat->code);
    if (!(root == 1 || root == 5 || root == 11 || root == 12)) return 0;
    take_match(c, gi, &mt, -1);
    h->evnoun = head;
    h->subj = subj;
    return 1;
}

/* "Rwanda, which it accuses of sending troops", "a militia that
 * Washington has blamed for the attack": in a relative clause with its own
 * subject, the relative word is the verb's object, and the pattern's '+'
 * right after the verb is the antecedent. Returns 1 when it matched so. */
static int match_object_gap(ctx_t *c, size_t gi)
{
    ne_doc_t *d = c->s.d;
    ne_vgroup_t *h = &d->vg.v[gi];
    if (h->flags & (NE_VG_PASSIVE | NE_VG_PARTICIPLE)) return 0;
    uint32_t p = h->first;
    while (p > c->s.tb && (is_adverb_like(c, p - 1) || in_timex(c, p - 1))) p--;
    int32_t subj = p > c->s.tb ? ment_at(c, p - 1) : -1;
    if (subj < 0 || (d->ment.v[subj].flags & NE_MF_REL) || d->ment.v[subj].tb <= c->s.tb) return 0;
    int32_t ante = gap_antecedent(c, d->ment.v[subj].tb - 1);
    if (ante < 0) ante = zero_relative(c, subj);
    /* a reaction to the clause before first: "a move that Washington
     * welcomed" is not `welcome * move  obj`, which names no one */
    /* ... but a reply the antecedent's own noun names comes before it: "an
     * accusation Zagreb dismissed" is `dismiss * accusation  reply` (016, a
     * denial), not the plain rejection of the accuser (`dismiss +`) */
    if (ante < 0)
        return thing_gap(c, gi, subj, 1) || clause_gap(c, gi, subj, 0) || thing_gap(c, gi, subj, 0) ||
               clause_gap(c, gi, subj, 1) || event_gap(c, gi, subj);
    if (ante == subj) return 0;
    /* the pattern minus its leading '+', as in the passive voice */
    ne_vgroup_t gap = *h;
    gap.flags |= NE_VG_PASSIVE;
    ne_match_t mt;
    if (!ne_actions_match(c->s.lx, d, c->s.tb, c->s.te, &gap, &mt)) return 0;
    take_match(c, gi, &mt, ante);
    /* "Kinshasa broke off relations with Rwanda, which it accuses of": a
     * pronoun in the relative is not its own antecedent, but the subject
     * of the clause the antecedent belongs to */
    if ((d->ment.v[subj].flags & NE_MF_PRON) && same_party(c, subj, ante)) {
        int32_t outer = -1;
        for (size_t k = gi; k > 0 && outer < 0; k--) {
            const ne_vgroup_t *v = &d->vg.v[k - 1];
            if (v->head < d->ment.v[ante].tb && coded_group(v)) outer = group_subject(c, k - 1);
        }
        if (outer >= 0 && !same_party(c, outer, ante)) subj = outer;
    }
    h->subj = subj;
    return 1;
}

/* ---- reduced passives ------------------------------------------------------------- */

/* "journalists detained by the army", "a convoy attacked by rebels": a
 * passive participle after an actor, with a "by" agent, is a passive
 * clause of its own (the actor its patient). After an event noun ("a
 * ceremony hosted by X") the patient is the event the noun names, whose
 * parties the article's memory of events gives (code_group). After a noun
 * that is neither ("the sanctions imposed by X on Y"), see thing_passive. */
static void reduced_passive(ctx_t *c, ne_vgroup_t *g)
{
    if ((g->flags & (NE_VG_REDUCED | NE_VG_PASSIVE)) != (NE_VG_REDUCED | NE_VG_PASSIVE)) return;
    if (event_patient(c, g) >= 0) {
        /* ("the agreement signed between A and B": their joint act) */
        if (by_agent(c, g->head + 1) >= 0 || between_agent(c, g->head + 1) >= 0) g->flags &= ~NE_VG_REDUCED;
        return;
    }
    /* the actor right before, or before one noun it modifies ("a UN convoy"),
     * or before the comma of a participle between commas ("M23, backed by X,") */
    uint32_t p = g->first;
    if (p > c->s.tb + 1 && is_punct(c, p - 1, ",")) p--;
    if (p > c->s.tb + 1 && ment_at(c, p - 1) < 0 && tok(c, p - 1)->kind == NE_TK_WORD &&
        !wf(c, p - 1) && ne_lex_vforms(c->s.lx, tok(c, p - 1)->word) == NE_LEX_NONE)
        p--;
    int32_t patient = p > c->s.tb ? ment_at(c, p - 1) : -1;
    if (patient < 0 || !c->s.d->ment.v[patient].n ||
        (c->s.d->ment.v[patient].flags & (NE_MF_REL | NE_MF_LOC)))
        return;
    if (by_agent(c, g->head + 1) < 0) return;
    g->flags &= ~NE_VG_REDUCED;
}

/* The first token of the plain noun phrase that ends right before token
 * p and that a determiner or a possessive opens ("the export
 * restrictions"), or UINT32_MAX when there is none: the antecedent of a
 * relative or a reduced participle that is no actor. */
static uint32_t thing_phrase_before(const ctx_t *c, uint32_t p)
{
    uint32_t q = p - 1;
    if (p <= c->s.tb + 1 || ment_at(c, q) >= 0 || tok(c, q)->kind != NE_TK_WORD || wf(c, q))
        return UINT32_MAX;
    uint32_t from = q;
    /* ("an anti-subsidy investigation": a hyphen joined to the words on
     * both sides is part of the phrase) */
    while (from > c->s.tb && q - from < 6 && !(wf(c, from) & (NE_W_DET | NE_W_POSS)) &&
           (tok(c, from - 1)->kind == NE_TK_WORD ||
            (is_punct(c, from - 1, "-") && from - 1 > c->s.tb && tok(c, from - 2)->end == tok(c, from - 1)->start &&
             tok(c, from - 1)->end == tok(c, from)->start)) &&
           ment_at(c, from - 1) < 0 &&
           (!(wf(c, from - 1) & (NE_W_PREP | NE_W_CONJ | NE_W_REL)) || is_w(c, from - 1, "of")) &&
           (!verb_head_at(c, from - 1) || (wf(c, from - 1) & (NE_W_DET | NE_W_POSS))))
        from--;
    return (wf(c, from) & (NE_W_DET | NE_W_POSS)) ? from : UINT32_MAX;
}

#define MAX_BARE_PHRASE 3 /* words of a noun phrase with no determiner */

/* Is token k a noun that measures another after "of": a period ("months
 * of talks") or a light noun ("rounds of talks", classes PERIODS, LIGHT)? */
static int measure_noun(const ctx_t *c, uint32_t k)
{
    int32_t w = tok(c, k)->word;
    return ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_PERIODS), w) ||
           ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_LIGHT), w);
}

/* "polls closed in local elections boycotted by the opposition": a noun
 * phrase of a few plain words with no determiner, right after a
 * preposition, that ends right before token p: its first token, or
 * UINT32_MAX. */
static uint32_t bare_phrase_before(const ctx_t *c, uint32_t p)
{
    uint32_t from = p;
    while (from > c->s.tb + 1 && p - from < MAX_BARE_PHRASE && tok(c, from - 1)->kind == NE_TK_WORD &&
           !wf(c, from - 1) && ment_at(c, from - 1) < 0 && !verb_head_at(c, from - 1))
        from--;
    /* "after months of talks brokered by Qatar", "two rounds of talks": a
     * period or a light noun with "of" measures the phrase, which is still
     * the noun after "of" */
    if (from < p && from > c->s.tb + 2 && is_w(c, from - 1, "of") && measure_noun(c, from - 2)) {
        uint32_t q = from - 2;
        while (q > c->s.tb + 1 && from - q < 5 && (tok(c, q - 1)->kind == NE_TK_NUM || (wf(c, q - 1) & (NE_W_NUM | NE_W_DET))))
            q--;
        return (wf(c, q - 1) & NE_W_PREP) && !is_w(c, q - 1, "of") ? from : UINT32_MAX;
    }
    if (from == p || from <= c->s.tb || !(wf(c, from - 1) & NE_W_PREP) || is_w(c, from - 1, "of"))
        return UINT32_MAX;
    return from;
}

/* "Mexico extradited 29 men to the United States, a move welcomed by
 * Washington": a reaction (roots 01, 05, 11, 12) that names no one, matched
 * on a noun phrase in apposition to the clause before (its comma right
 * before the phrase), is aimed at that clause's act, not at its words
 * (`welcome * move  obj`): thing_passive leaves it to the passive reading
 * of the clause. */
static int reaction_to_clause(const ctx_t *c, uint32_t from, const ne_match_t *mt)
{
    int root = code_root(mt->pat->code);
    /* (a reply names its words: ", a charge dismissed by X" is X's denial
     * of the charge, `dismiss * charge  reply`, aimed at the accuser) */
    return mt->target < 0 && !(mt->pat->opts & NE_PO_REPLY) && (root == 1 || root == 5 || root == 11 || root == 12) &&
           from > c->s.tb + 1 && is_punct(c, from - 1, ",");
}

/* "the sanctions imposed by the EU on Belarus", "an inquiry launched by the
 * Commission into X": a reduced passive participle on a noun phrase that is
 * no actor, with its "by" agent right after it, is the agent's act on that
 * phrase: the verb's patterns match object-first (as in thing_gap), the
 * phrase as their object words, then the words after the agent. Returns 1
 * when it matched so. */
static int thing_passive(ctx_t *c, size_t gi)
{
    ne_doc_t *d = c->s.d;
    ne_vgroup_t *g = &d->vg.v[gi];
    /* a bare participle (no auxiliary), reduced or after a noun the verb
     * reader took for a verb form ("the aid sent by") */
    if ((g->flags & (NE_VG_PASSIVE | NE_VG_CONSUMED | NE_VG_NOUN)) != NE_VG_PASSIVE ||
        g->first != g->head || !is_w(c, g->head + 1, "by"))
        return 0;
    int32_t agent = by_mention(c, g->head + 1);
    if (agent < 0) return 0;
    uint32_t from = thing_phrase_before(c, g->first);
    if (from == UINT32_MAX) from = bare_phrase_before(c, g->first);
    if (from == UINT32_MAX) return 0;
    /* the words after the verb resume after the agent */
    ne_vgroup_t v = *g;
    v.head = d->ment.v[agent].te - 1;
    ne_match_t mt;
    if (!ne_actions_match_gapped(c->s.lx, d, c->s.tb, c->s.te, &v, from, g->first, &mt)) return 0;
    if (reaction_to_clause(c, from, &mt)) return 0;
    g->flags &= ~(NE_VG_REDUCED | NE_VG_PASSIVE);
    take_match(c, gi, &mt, mt.target);
    g->subj = agent;
    return 1;
}

/* Is group g a passive no pattern coded, with no "by" agent after it, and
 * none of the flags in `also_not` (nor reduced, nor a noun)? */
static int uncoded_agentless_passive(const ctx_t *c, const ne_vgroup_t *g, uint32_t also_not)
{
    return !g->pat && (g->flags & (NE_VG_PASSIVE | NE_VG_REDUCED | NE_VG_NOUN | also_not)) == NE_VG_PASSIVE &&
           by_agent(c, g->head + 1) == -2;
}

/* "Japanese fighter jets were scrambled", "100,000 reservists were called
 * up", "Armenian troops were deployed to the border": a passive show of force
 * (root 15) with no "by" agent, whose subject is a state's own force or
 * weapons, is that state's act: one puts one's own forces on alert. The
 * verb's patterns match object-first (as in thing_passive), the subject's
 * phrase as their object words, then the words after the verb; the subject
 * acts. Returns 1 when it matched so. */
static int own_force_passive(ctx_t *c, size_t gi)
{
    ne_doc_t *d = c->s.d;
    ne_vgroup_t *g = &d->vg.v[gi];
    if (!uncoded_agentless_passive(c, g, NE_VG_CONTROLLED)) return 0;
    int32_t subj = group_subject(c, gi);
    if (subj < 0) return 0;
    const ne_mention_t *m = &d->ment.v[subj];
    if (!m->n || (m->flags & (NE_MF_LOC | NE_MF_PRON | NE_MF_REL | NE_MF_GENERIC | NE_MF_WEAK)))
        return 0;
    for (int i = 0; i < m->n; i++)
        if (!m->m[i].country[0] || !force_role(m->m[i].role)) return 0;
    ne_match_t mt;
    if (!ne_actions_match_gapped(c->s.lx, d, c->s.tb, c->s.te, g, m->tb, g->first, &mt) ||
        code_root(mt.pat->code) != 15)
        return 0;
    g->flags &= ~NE_VG_PASSIVE;
    take_match(c, gi, &mt, mt.target);
    g->subj = subj;
    return 1;
}

/* "talks in Pretoria brokered by the African Union", "Talks between A
 * and B were mediated by X": a passive verb done to an event noun matches
 * its patterns object-first, with the noun's phrase as the object
 * (`broker * talks obj`); the counterparts are the event's parties
 * (code_group). */
static int match_event_object(ctx_t *c, const ne_vgroup_t *g, ne_match_t *mt)
{
    int32_t noun = event_patient(c, g);
    if (noun < 0) return 0;
    /* the phrase opens a few plain words before its head ("the peace talks") */
    uint32_t from = (uint32_t)noun;
    while (from > c->s.tb && (uint32_t)noun - from < 4 && tok(c, from - 1)->kind == NE_TK_WORD &&
           ment_at(c, from - 1) < 0 && !(wf(c, from - 1) & (NE_W_PREP | NE_W_CONJ | NE_W_REL)) &&
           !verb_head_at(c, from - 1))
        from--;
    uint32_t to = g->first;
    while (to > (uint32_t)noun + 1 && (is_punct(c, to - 1, ",") || is_adverb_like(c, to - 1) ||
                                       in_timex(c, to - 1)))
        to--;
    return ne_actions_match_phrase(c->s.lx, c->s.d, c->s.tb, c->s.te, g, from, to, (uint32_t)noun, mt);
}

#define MAX_ELLIPTIC 4 /* tokens of an elliptical object ("a fourth", "two others") */

/* The token after an elliptical object right after token k: an article, a
 * number, a word of class ELLIPTIC ("a fourth", "two others", "another"),
 * with no noun of its own after it (a resultative word, punctuation, a
 * grammar word, a date or an adverb follows). k when there is none. */
static uint32_t elliptic_end(const ctx_t *c, uint32_t k)
{
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_ELLIPTIC), q = k, heads = 0;
    if (q < c->s.te && (is_w(c, q, "a") || is_w(c, q, "an") || is_w(c, q, "the"))) q++;
    while (q < c->s.te && q - k < MAX_ELLIPTIC && ment_at(c, q) < 0 &&
           (tok(c, q)->kind == NE_TK_NUM || (wf(c, q) & NE_W_NUM) || ne_lex_in_class(c->s.lx, cls, tok(c, q)->word)))
        q++, heads++;
    if (!heads) return k;
    if (q >= c->s.te || tok(c, q)->kind == NE_TK_PUNCT || in_timex(c, q) || is_adverb_like(c, q) ||
        (wf(c, q) & (NE_W_PREP | NE_W_CONJ | NE_W_SUBORD | NE_W_REL)) ||
        ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_RESULT), tok(c, q)->word))
        return q;
    return k;
}

/* "Police shot dead three attackers and captured a fourth alive",
 * "arrested five protesters and charged two with arson": a verb coordinated
 * with one whose '+' is a party, with an elliptical object of its own, acts
 * on more of that party: its patterns match as after the object (minus
 * their leading '+', as in the passive), the '+' is the first verb's.
 * Returns 1 when it matched so. */
static int elliptic_object(ctx_t *c, size_t gi)
{
    ne_doc_t *d = c->s.d;
    ne_vgroup_t *g = &d->vg.v[gi];
    if (g->pat || (g->flags & (NE_VG_PASSIVE | NE_VG_NOUN)) || !conjoined(c, g)) return 0;
    uint32_t end = elliptic_end(c, g->head + 1);
    if (end == g->head + 1) return 0;
    int32_t k = conjunct_group(c, gi);
    if (k < 0 || !d->vg.v[k].pat) return 0;
    /* the first object: a party, or an event noun that names one ("three
     * other attackers": the attack's agents) */
    int32_t target = d->vg.v[k].target, evnoun = d->vg.v[k].evnoun;
    if (target < 0 && evnoun < 0) return 0;
    /* (a party placed by its own words: one placed by context would be
     * placed again from the second verb, maybe elsewhere) */
    if (target >= 0 && (d->ment.v[target].flags & NE_MF_GENERIC)) return 0;
    ne_vgroup_t v = *g;
    v.head = end - 1;
    ne_match_t mt;
    /* the first object's words describe the elliptical one ("attackers"):
     * the patterns that name them match object-first, on the words from the
     * object up to "and" */
    uint32_t from = target >= 0 ? d->ment.v[target].tb : (uint32_t)evnoun, gap = g->first;
    uint32_t obj_end = target >= 0 ? d->ment.v[target].te : (uint32_t)evnoun + 1;
    while (from > d->vg.v[k].head + 1 &&
           (tok(c, from - 1)->kind == NE_TK_NUM || (wf(c, from - 1) & (NE_W_NUM | NE_W_DET)) ||
            (target < 0 && tok(c, from - 1)->kind == NE_TK_WORD && !wf(c, from - 1) && ment_at(c, from - 1) < 0 &&
             !verb_head_at(c, from - 1))))
        from--;
    while (gap > obj_end && (is_w(c, gap - 1, "and") || is_adverb_like(c, gap - 1) || in_timex(c, gap - 1))) gap--;
    ne_match_t om;
    int by_words = ne_actions_match_gapped(c->s.lx, d, c->s.tb, c->s.te, &v, from, gap, &om);
    /* else, and when more specific ("charged two with arson": `charge + with`),
     * the patterns with the party first, read after the elliptical object */
    v.flags |= NE_VG_PASSIVE;
    int by_party = ne_actions_match(c->s.lx, d, c->s.tb, c->s.te, &v, &mt);
    if (by_words && (!by_party || om.pat->score > mt.pat->score)) mt = om;
    else if (!by_party) return 0;
    take_match(c, gi, &mt, target);
    if (target < 0) g->evnoun = evnoun;
    return 1;
}

/* "Iran, which backs the group, condemned the strikes": a verb in the
 * simple present (a bare third-person form, no auxiliary) right after the
 * "which" or "who" of a relative clause set off by a comma tells what its
 * antecedent habitually does or stands for, background to the sentence,
 * no event of the day. */
static int background_relative(const ctx_t *c, const ne_vgroup_t *g)
{
    if (g->first != g->head || g->first < c->s.tb + 2 || (g->flags & (NE_VG_NOUN | NE_VG_PASSIVE)))
        return 0;
    uint32_t r = g->first - 1;
    if (!(is_w(c, r, "which") || is_w(c, r, "who")) || !is_punct(c, r - 1, ",")) return 0;
    uint8_t forms = lemma_forms(c, g->head, g->lemma);
    return (forms & NE_F_S) && !(forms & (NE_F_PAST | NE_F_PPART | NE_F_ING));
}

/* The group's own frame: the most specific pattern of its verb. A match
 * claims the verbs inside its words ("demanded that China release ..."); a
 * threat formula and a statement participle are resolved here. */
static void match_own_frame(ctx_t *c, size_t gi)
{
    ne_doc_t *d = c->s.d;
    ne_vgroup_t *g = &d->vg.v[gi];
    if (background_relative(c, g)) return;
    ne_match_t mt;
    if (!ne_actions_match(c->s.lx, d, c->s.tb, c->s.te, g, &mt) && !match_event_object(c, g, &mt))
        return;
    /* "A deal was struck by A and B": a passive match whose '+' (its
     * subject) names no party ("strike +", an attack on the deal) yields to
     * the reading of the event noun subject as the verb's object
     * (`strike * &AGREEMENTS`) */
    ne_match_t ob;
    if ((g->flags & NE_VG_PASSIVE) && mt.target < 0 && mt.pat->opts == 0 && match_event_object(c, g, &ob))
        mt = ob;
    take_match(c, gi, &mt, mt.target);
    /* "would not go unpunished" asserts what "would punish" does */
    if (mt.pat->opts & NE_PO_DENIED)
        g->flags = (g->flags & ~(uint32_t)(NE_VG_NEGATED | NE_VG_REFUSE)) |
                   ((g->flags & NE_VG_REFUSE) ? NE_VG_FUTURE : 0);
    if (mt.pat->opts & NE_PO_THREAT) resolve_threat(c, gi);
    if (g->flags & NE_VG_STATEMENT) statement_authors(c, gi);
}

/* Does the sentence have a "that" after a bidding verb or noun? Most do
 * not, and then no clause is bidden (one pass over the tokens). */
static int has_bidding(const ctx_t *c)
{
    int32_t that = ne_lex_word_find(c->s.lx, "that", 4);
    if (!ne_actions_sentence_has(c->s.d, that)) return 0;
    for (uint32_t k = c->s.tb + 1; k < c->s.te; k++) {
        if (tok(c, k)->word != that || that < 0) continue;
        uint32_t q = k;
        while (q > c->s.tb && (is_adverb_like(c, q - 1) || in_timex(c, q - 1))) q--;
        if (q > c->s.tb && tok(c, q - 1)->kind == NE_TK_WORD && bidding_at(c, q - 1)) return 1;
        if (demanded_noun_before(c, q)) return 1;
    }
    return 0;
}

/* "in retaliation for what Washington called the persecution of X": a
 * naming verb (lemma class `naming`) whose object is the free relative
 * "what" before its subject labels a thing; the noun phrase after it is the
 * label, no one called or acted on. One look before the subject. */
static int named_by_free_relative(const ctx_t *c, const ne_vgroup_t *g)
{
    if (!(ne_lex_lemma_flags(c->s.lx, g->lemma) & NE_L_NAMING) || g->first <= c->s.tb + 1) return 0;
    int32_t m = ment_at(c, g->first - 1);
    if (m < 0) return 0;
    uint32_t tb = c->s.d->ment.v[m].tb;
    return tb > c->s.tb && is_w(c, tb - 1, "what");
}

/* "The sanctions that the EU imposed on Iranian officials last year were
 * extended on Monday", "the curbs Tokyo imposed in 2019 were eased": a
 * passive with no agent whose subject is a thing that an object-gap
 * relative (coded, with an actor for subject) describes continues that
 * actor's act on the same party: the relative's subject acts, on its
 * counterpart, when the verb's patterns (matched object-first on the
 * thing, as in thing_gap) code a sanction, its easing or coercion (roots
 * 08, 16, 17). Returns 1 when it matched so. */
static int relative_owned_passive(ctx_t *c, size_t gi)
{
    ne_doc_t *d = c->s.d;
    ne_vgroup_t *g = &d->vg.v[gi];
    if (!uncoded_agentless_passive(c, g, NE_VG_CONSUMED)) return 0;
    for (size_t k = gi; k > 0; k--) {
        const ne_vgroup_t *r = &d->vg.v[k - 1];
        if (r->head >= g->first) continue;
        /* the nearest group before: the relative's own, coded, with an actor */
        if (!r->pat || r->target < 0 || r->subj < 0 || !d->ment.v[r->subj].n || (r->flags & NE_VG_PASSIVE))
            return 0;
        uint32_t rw = d->ment.v[r->subj].tb;
        if (rw <= c->s.tb + 1 || !(is_w(c, rw - 1, "that") || is_w(c, rw - 1, "which"))) return 0;
        rw--;
        uint32_t from = thing_phrase_before(c, rw);
        if (from == UINT32_MAX) return 0;
        /* the thing opens the clause: the sentence, or after a comma */
        if (from > c->s.tb && !is_punct(c, from - 1, ",")) return 0;
        ne_match_t mt;
        if (!ne_actions_match_gapped(c->s.lx, d, c->s.tb, c->s.te, g, from, rw, &mt)) return 0;
        int root = code_root(mt.pat->code);
        if (root != 8 && root != 16 && root != 17) return 0;
        take_match(c, gi, &mt, mt.target >= 0 ? mt.target : r->target);
        g->flags &= ~NE_VG_PASSIVE;
        g->subj = r->subj;
        return 1;
    }
    return 0;
}

/* Subjects and pattern matches of every group, left to right. */
static void match_groups(ctx_t *c)
{
    ne_doc_t *d = c->s.d;
    c->bidding = has_bidding(c);
    for (size_t gi = 0; gi < d->vg.n; gi++) {
        ne_vgroup_t *g = &d->vg.v[gi];
        g->subj = -2;
        g->pat = NULL;
        g->target = -1;
        g->modality = 0;
        g->evnoun = -1;
        g->family = -1;
    }
    for (size_t gi = 0; gi < d->vg.n; gi++) {
        ne_vgroup_t *g = &d->vg.v[gi];
        if (g->flags & NE_VG_CONTROLLED) match_controlled(c, gi); /* "urged X to V" */
        reduced_passive(c, g);                                    /* "X detained by Y" */
        if (thing_passive(c, gi)) continue;                       /* "the sanctions imposed by X" */
        if (!coded_group(g) || named_by_free_relative(c, g)) continue; /* "what X called N" */
        /* a permission of purpose only when the main verb coded nothing */
        if ((g->flags & NE_VG_PERMIT_PURPOSE) && d->vg.v[g->gov].pat) continue;
        /* constructions that settle a clause before its verb's own frame */
        if (match_obligation(c, gi) ||  /* "said Sudan must return" */
            denied_clause(c, gi) ||     /* "denied that Tehran had sent" */
            match_bidden(c, gi) ||      /* "demanded that Israel ease" */
            attack_toll(c, gi) ||       /* ", killing six people" */
            match_object_gap(c, gi))    /* "Rwanda, which Kinshasa accuses of" */
            continue;
        match_own_frame(c, gi);
        own_force_passive(c, gi); /* "jets were scrambled" */
        relative_owned_passive(c, gi); /* "the sanctions that X imposed were extended" */
        elliptic_object(c, gi);   /* "and captured a fourth" */
        protest_aim(c, gi); /* "demonstrated, calling for independence" */
    }
}

/* ---- ellipsis ---------------------------------------------------------------------- */

/* "X condemned the coup, as did Y": the token after "as did" / "so did"
 * where a mention starts, else 0. */
static uint32_t ellipsis_at(const ctx_t *c, uint32_t *mention_tb)
{
    for (uint32_t k = c->s.tb + 1; k + 2 < c->s.te; k++)
        if ((is_w(c, k, "as") || is_w(c, k, "so")) && is_w(c, k + 1, "did") && ment_at(c, k + 2) >= 0 &&
            is_punct(c, k - 1, ",")) {
            *mention_tb = k + 2;
            return k;
        }
    return 0;
}

/* The member of an event's party, as emit() takes it. */
static ne_member_t party_member(const ne_party_t *p)
{
    ne_member_t m;
    memset(&m, 0, sizeof(m));
    ne_strlcpy(m.code, p->code, sizeof(m.code));
    ne_strlcpy(m.country, p->country, sizeof(m.country));
    if (p->country[0] && strlen(p->code) > 3) ne_strlcpy(m.role, p->code + 3, sizeof(m.role));
    m.start = p->start;
    m.end = p->end;
    return m;
}

/* ", as did Y": the events [from, to) of the clause before are Y's too. */
static int copy_for_ellipsis(ctx_t *c, struct ne_events_s *ev, size_t from, size_t to, int32_t m)
{
    ne_member_t act[NE_MAX_MEMBERS];
    int na = members(c, m, act);
    for (size_t i = from; i < to; i++) {
        ne_event_t proto = ev->ev.v[i];
        ne_member_t b = party_member(&proto.counterpart);
        for (int k = 0; k < na; k++) {
            ne_member_t a = act[k];
            resolve_member(c, &a, b.country[0] ? &b : NULL, c->s.tb, 0);
            if (emit(c, ev, &proto, &a, &b) < 0) return -1;
        }
    }
    return 0;
}

/* Is group k the verb of a relative clause ("rebels who seized Goma last
 * week") that has ended before token `until`? A verb coordinated after it
 * ("..., and said it was cutting ties") hangs on the main clause, and its
 * date is not the relative's. */
static int closed_relative(const ctx_t *c, size_t k, uint32_t until)
{
    uint32_t p = clause_start(c, &c->s.d->vg.v[k]);
    int32_t m = ment_at(c, p);
    int rel = (m >= 0 && (c->s.d->ment.v[m].flags & NE_MF_REL)) || (p > c->s.tb && (wf(c, p - 1) & NE_W_REL));
    return rel && relative_ended(c, k, until);
}

#define MAX_SEQUEL_GAP 4 /* tokens between the verb and "after": "a day", "just hours" */

/* "Israeli warplanes struck depots ... The strikes came a day after
 * Hezbollah fired rockets at a base. Aoun condemned the attack": a
 * definite event noun opening the sentence, before a verb of class SEQUEL
 * and "after", names the article's main act, and the act of the "after"
 * clause is background told later; the noun's event (an earlier sentence's,
 * the same word first, as recall_event) is made the last remembered again,
 * so that a later "the attack" finds it. The ring is rotated, no event is
 * copied. */
static void foreground_sequel(ctx_t *c)
{
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_SEQUEL);
    uint32_t tb = c->s.tb, k = tb;
    if (cls == NE_LEX_NONE || !(is_w(c, k, "the") || (wf(c, k) & NE_W_POSS))) return;
    while (k + 1 < c->s.te && k - tb < 4 && !ne_lex_in_class(c->s.lx, cls, tok(c, k + 1)->word)) k++;
    uint32_t v = k + 1, q = v + 1;
    if (v >= c->s.te || !ne_lex_in_class(c->s.lx, cls, tok(c, v)->word)) return;
    while (q < c->s.te && q - v <= MAX_SEQUEL_GAP && !is_w(c, q, "after")) q++;
    if (q >= c->s.te || !is_w(c, q, "after")) return;
    uint32_t noun = ne_lex_noun(c->s.lx, tok(c, k)->word);
    if (noun == NE_LEX_NONE || !ne_lex_noun_roots(c->s.lx, noun)) return;
    uint32_t roots = ne_lex_noun_roots(c->s.lx, noun);
    int32_t word = ne_lex_noun_word(c->s.lx, noun);
    ne_memory_t *mem = c->mem;
    size_t have = mem->nevents < NE_MEM_EVENTS ? mem->nevents : NE_MEM_EVENTS, found = 0;
    for (int pass = 0; pass < 2 && !found; pass++)
        for (size_t b = 1; b <= have && !found; b++) {
            const struct ne_memevent_s *e = &mem->events[(mem->nevents - b) % NE_MEM_EVENTS];
            int root = class_root(e->code);
            if (e->sent >= tb || root < 1 || root > 20 || !(roots & (1u << root))) continue;
            if (pass == 0 && e->word != word && e->means != word) continue;
            found = b;
        }
    if (found < 2) return; /* none, or already the last */
    struct ne_memevent_s keep = mem->events[(mem->nevents - found) % NE_MEM_EVENTS];
    for (size_t b = found; b > 1; b--)
        mem->events[(mem->nevents - b) % NE_MEM_EVENTS] = mem->events[(mem->nevents - b + 1) % NE_MEM_EVENTS];
    mem->events[(mem->nevents - 1) % NE_MEM_EVENTS] = keep;
}

/* "The ceasefire between Israel and Hezbollah took effect on Wednesday.
 * The deal, brokered by the United States and France, ...": an event noun
 * (event-nouns.tsv) with "between" and two parties or more names an event
 * of those parties even where no verb codes it. When the sentence coded
 * no event (since `before` events remembered), it is remembered with the
 * noun's first root, the parties its agents, so that a later "the deal"
 * or "the truce" refers to it. */
static void remember_between_nouns(ctx_t *c, size_t before)
{
    if (c->mem->nevents != before) return;
    for (uint32_t k = c->s.tb; k + 2 < c->s.te; k++) {
        if (!is_w(c, k + 1, "between") || tok(c, k)->kind != NE_TK_WORD) continue;
        uint32_t noun = ne_lex_noun(c->s.lx, tok(c, k)->word);
        uint32_t roots = noun != NE_LEX_NONE ? ne_lex_noun_roots(c->s.lx, noun) : 0;
        if (!roots) continue;
        ne_member_t parties[NE_MAX_MEMBERS];
        int n = between_parties(c, k, parties);
        if (n < 2) continue;
        int root = __builtin_ctz(roots);
        char code[5] = {(char)('0' + root / 10), (char)('0' + root % 10), '0', '\0', '\0'};
        remember_event(c->mem, code, ne_lex_noun_word(c->s.lx, noun), -1, c->s.tb, parties, n, NULL, 0);
        return;
    }
}

int ne_frames_sentence(const ne_lexicon_t *lx, ne_doc_t *d, uint32_t tb, uint32_t te,
                       ne_memory_t *mem, struct ne_events_s *ev)
{
    ctx_t c = {{lx, d, tb, te}, mem, 0, te, NULL};
    c.tail = speech_tail(&c);
    match_groups(&c);
    remember_flight(&c);
    attach_dates(&c);
    /* "beat and detained several journalists on Monday": coordinated verbs
     * share a date found after the second */
    for (size_t gi = 1; gi < d->vg.n; gi++) {
        ne_vgroup_t *g = &d->vg.v[gi], *pg = &d->vg.v[gi - 1];
        if (g->date >= 0 && pg->date < 0 && conjoined(&c, g) && !(pg->flags & NE_VG_NOUN))
            pg->date = g->date;
    }
    /* a participle (", killing", "a ceremony hosted by X") or a coordinated
     * verb without a date of its own shares the date of the verb it hangs on */
    for (size_t gi = 1; gi < d->vg.n; gi++) {
        ne_vgroup_t *g = &d->vg.v[gi];
        int participle = (g->flags & NE_VG_PARTICIPLE) ||
                         (g->first == g->head && event_patient(&c, g) >= 0);
        if (g->date >= 0 || !(participle || conjoined(&c, g))) continue;
        for (size_t k = gi; k > 0; k--)
            if (strong_group(&d->vg.v[k - 1]) && !(d->vg.v[k - 1].flags & NE_VG_SAY) &&
                !closed_relative(&c, k - 1, g->first)) {
                g->date = d->vg.v[k - 1].date;
                break;
            }
    }
    /* "urged Russia on Friday to resume talks": an act at another's bidding
     * is dated with the verb that asked for it */
    for (size_t gi = 0; gi < d->vg.n; gi++) {
        ne_vgroup_t *g = &d->vg.v[gi];
        if (g->date < 0 && (g->flags & NE_VG_CONTROLLED) && g->gov >= 0) g->date = d->vg.v[g->gov].date;
    }
    size_t n_before = mem->nevents;
    /* the events of the last clause before ", as did Y" are copied for Y */
    uint32_t ell_m = 0, ell = ellipsis_at(&c, &ell_m);
    size_t ell_from = ev->ev.n, ell_to = ev->ev.n;
    int rc = 0;
    for (size_t gi = 0; gi < d->vg.n && rc == 0; gi++) {
        if (fronted_circumstance(&c, gi)) continue; /* after the main clause, below */
        size_t before = ev->ev.n;
        rc = code_group(&c, gi, ev);
        if (ell && d->vg.v[gi].head < ell && ev->ev.n > before) ell_from = before, ell_to = ev->ev.n;
    }
    for (size_t gi = 0; gi < d->vg.n && rc == 0; gi++)
        if (fronted_circumstance(&c, gi)) rc = code_group(&c, gi, ev);
    c.coding = NULL;
    foreground_sequel(&c);
    if (rc == 0) remember_between_nouns(&c, n_before);
    if (rc == 0) remember_things(&c);
    if (rc == 0) remember_said_by(&c);
    if (rc == 0 && ell && ell_to > ell_from)
        rc = copy_for_ellipsis(&c, ev, ell_from, ell_to, ment_at(&c, ell_m));
    return rc;
}
