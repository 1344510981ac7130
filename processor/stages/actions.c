/*
 * actions.c - verb groups and pattern matching.
 *
 * A verb group is found by looking left from each verb form over a short
 * window of adverbs, negations and auxiliaries (never more than a dozen
 * tokens), so the stage is linear in the sentence. Words that can be nouns
 * or verbs ("talks", "attacks", "visit") are read as nouns after a
 * determiner, a possessive or most prepositions. What governs an
 * infinitive decides its mood ("plans to", "refused to", "voted to") or
 * makes it another's act ("urged China to free": object control). The word
 * classes these steps read come from dict/grammar.tsv.
 *
 * Patterns are matched over "units": a token, or a whole actor mention.
 * Time expressions and adverbs are transparent, so "urged Russia and
 * Ukraine on Friday to resume" matches `urge + to`.
 */
#include <ctype.h>
#include <string.h>

#include "actions.h"
#include "sentence.h"

typedef ne_sent_t ctx_t;

#define tok(c, i) ne_s_tok(c, i)
#define wf(c, i) ne_s_wf(c, i)
#define is_w(c, i, w) NE_S_IS_W(c, i, w)
#define ment_at(c, i) ne_s_ment(c, i)
#define is_punct(c, i, chars) ne_s_punct(c, i, chars)
#define in_timex(c, i, end) ne_s_timex(c, i, end)
#define is_adverb(c, i) ne_s_adverb(c, i)

static int is_quote(const ctx_t *c, uint32_t i)
{
    const ne_token_t *t = tok(c, i);
    if (t->kind != NE_TK_PUNCT) return 0;
    const char *s = c->d->text + t->start;
    size_t n = t->end - t->start;
    return (n == 1 && (s[0] == '"' || s[0] == '\'')) ||
           (n == 3 && (!memcmp(s, "\xe2\x80\x9c", 3) || !memcmp(s, "\xe2\x80\x9d", 3) ||
                       !memcmp(s, "\xe2\x80\x98", 3) || !memcmp(s, "\xe2\x80\x99", 3)));
}

/* Verb readings of token i: the forms it can have, and the lemma to use
 * (one with patterns if any). Returns the form bits, 0 when not a verb. */
static uint8_t verb_reading(const ctx_t *c, uint32_t i, uint32_t *lemma)
{
    const ne_token_t *t = tok(c, i);
    if (t->kind != NE_TK_WORD || t->word < 0) return 0;
    uint8_t forms = 0;
    int best = -1;
    for (uint32_t v = ne_lex_vforms(c->lx, t->word); v != NE_LEX_NONE; v = ne_lex_vform(c->lx, v)->next) {
        const ne_vform_t *vf = ne_lex_vform(c->lx, v);
        size_t np;
        ne_lex_patterns(c->lx, vf->lemma, &np);
        int score = np ? 2 : (ne_lex_lemma_flags(c->lx, vf->lemma) ? 1 : 0);
        if (score > best) {
            best = score;
            *lemma = vf->lemma;
            forms = vf->forms;
        }
    }
    return forms;
}

/* Skip adverbs and time expressions leftwards from i; returns the first
 * index that is neither (possibly tb - 1). */
static uint32_t skip_left(const ctx_t *c, uint32_t i)
{
    while (i >= c->tb && i < c->te && (is_adverb(c, i) || in_timex(c, i, NULL))) {
        if (i == 0) return UINT32_MAX;
        i--;
    }
    return i;
}

static int valid_idx(const ctx_t *c, uint32_t i)
{
    return i != UINT32_MAX && i >= c->tb && i < c->te;
}

/* "said it would", "warned that it would": "would" is the future of
 * reported speech when a verb that says a clause comes before it in the
 * sentence, else a hypothetical. */
static int reported_future(const ctx_t *c, uint32_t would)
{
    for (uint32_t q = c->tb; q < would; q++) {
        uint32_t lem;
        if (verb_reading(c, q, &lem) && (ne_lex_lemma_flags(c->lx, lem) & (NE_L_SAY | NE_L_REPORT)))
            return 1;
    }
    return 0;
}

static int in_gclass(const ctx_t *c, int gc, int32_t w);

/* Auxiliaries to the left of position i (exclusive); updates flags, returns
 * the first token of the chain. */
static uint32_t aux_chain(const ctx_t *c, uint32_t head, uint8_t forms, uint32_t *flags,
                          int *has_be, int *has_aux)
{
    uint32_t first = head, k = head;
    int be = 0, aux = 0, future = 0;
    for (int steps = 0; steps < 8 && k > c->tb; steps++) {
        uint32_t p = k - 1;
        if (is_adverb(c, p)) { k = p; continue; }
        /* "Rwanda had 'declared war'": a quote mark that opens a quoted
         * verb phrase leaves its auxiliaries outside */
        if (k == head && is_quote(c, p)) { k = p; continue; }
        uint32_t f = wf(c, p);
        if (f & NE_W_NEG) { *flags |= NE_VG_NEGATED; k = p; first = p; continue; }
        /* "Ethiopia neither confirmed nor denied the report" */
        if (ment_at(c, p) < 0 && in_gclass(c, NE_GC_NEITHER, tok(c, p)->word)) {
            *flags |= NE_VG_NEGATED;
            k = p;
            first = p;
            continue;
        }
        if (f & NE_W_BE) { be = 1; aux = 1; k = p; first = p; continue; }
        if (f & (NE_W_HAVE | NE_W_DO)) { aux = 1; k = p; first = p; continue; }
        if (f & NE_W_FUTURE) { future = 1; aux = 1; k = p; first = p; continue; }
        if (f & NE_W_MODAL) {
            if (ment_at(c, p) >= 0) break; /* "Theresa May ordered": a name */
            aux = 1;
            if ((is_w(c, p, "would") || is_w(c, p, "'d")) && reported_future(c, p))
                future = 1;
            else
                *flags |= NE_VG_MODAL | ((f & NE_W_DEONTIC) ? NE_VG_DEONTIC : 0);
            k = p;
            first = p;
            continue;
        }
        /* "is going to" is handled with infinitives; "'s" after a pronoun = is/has */
        if (is_w(c, p, "'s") && p > c->tb && (wf(c, p - 1) & (NE_W_PRON | NE_W_REL))) {
            be = 1;
            aux = 1;
            k = p;
            first = p;
            continue;
        }
        break;
    }
    /* "Neither Ethiopia nor Egypt accepted the plan": a subject that
     * "neither" or "nor" opens denies the verb of each party */
    int32_t sm = k > c->tb ? ment_at(c, k - 1) : -1;
    if (sm >= 0 && c->d->ment.v[sm].te == k && c->d->ment.v[sm].tb > c->tb &&
        in_gclass(c, NE_GC_NEITHER, tok(c, c->d->ment.v[sm].tb - 1)->word))
        *flags |= NE_VG_NEGATED;
    if (be && (forms & NE_F_PPART)) *flags |= NE_VG_PASSIVE;
    /* "will not attend", "said it would not cooperate": a refusal */
    if (future && (*flags & NE_VG_NEGATED) && !(*flags & NE_VG_MODAL))
        *flags = (*flags & ~NE_VG_NEGATED) | NE_VG_REFUSE;
    else if (future)
        *flags |= NE_VG_FUTURE;
    *has_be = be;
    *has_aux = aux;
    return first;
}

/* Does a direct object follow at i (a determiner, a number, a mention)? */
static int has_object(const ctx_t *c, uint32_t i)
{
    while (i < c->te && is_adverb(c, i)) i++;
    if (i >= c->te) return 0;
    if (ment_at(c, i) >= 0 && !in_timex(c, i, NULL)) return 1;
    if (wf(c, i) & (NE_W_DET | NE_W_POSS | NE_W_NUM)) return !(wf(c, i) & NE_W_PREP);
    if (tok(c, i)->kind == NE_TK_NUM) return 1;
    /* a bare plural or mass noun: "airdropped food and supplies" */
    const ne_token_t *t = tok(c, i);
    return t->kind == NE_TK_WORD && !(t->flags & NE_TF_CAP) && !wf(c, i) &&
           ne_lex_vforms(c->lx, t->word) == NE_LEX_NONE;
}

static int wset_fill(const ne_lexicon_t *lx, ne_doc_t *d, uint32_t tb, uint32_t te);

/* Is there a finite verb group before token i in the sentence? */
static int finite_before(const ne_doc_t *d, uint32_t tb, uint32_t i)
{
    (void)tb;
    for (size_t k = 0; k < d->vg.n; k++) {
        const ne_vgroup_t *g = &d->vg.v[k];
        if (g->head < i && !(g->flags & (NE_VG_NOUN | NE_VG_REDUCED | NE_VG_INFINITIVE)))
            return 1;
    }
    return 0;
}

/* ---- verb groups: the steps ------------------------------------------------ */

static int in_gclass(const ctx_t *c, int gc, int32_t w);

/* "the Israeli-occupied West Bank", "an open-ended strike", "Western-backed
 * forces": a verb form joined by a hyphen to the word before it is part of a
 * compound modifier of the noun after it, not a verb. After a prefix (class
 * PREFIXES: "re-elected", "co-chaired") it is still a verb. */
static int compound_modifier(const ctx_t *c, uint32_t i)
{
    if (i < c->tb + 2 || !is_punct(c, i - 1, "-")) return 0;
    if ((tok(c, i)->flags | tok(c, i - 1)->flags) & NE_TF_SPACE) return 0;
    const ne_token_t *p = tok(c, i - 2);
    return p->kind == NE_TK_WORD && !in_gclass(c, NE_GC_PREFIXES, p->word);
}

static uint32_t class_phrase_end(const ctx_t *c, uint32_t cls, uint32_t i);

/* "troops close to the border", "tanks next to Kosovo": the first word of
 * a preposition of several words (class NEAR) after a noun or a mention is
 * no verb ("agreed to close" has "to" before it, "will close" an auxiliary). */
static int near_phrase_verb(const ctx_t *c, uint32_t i)
{
    uint32_t near = ne_lex_gclass(c->lx, NE_GC_NEAR);
    if (near >= 64 || !(c->d->wclasses & (1ull << near))) return 0; /* no such phrase here */
    uint32_t end = class_phrase_end(c, near, i);
    if (end < i + 2 || i == c->tb) return 0;
    const ne_token_t *p = tok(c, i - 1);
    return ment_at(c, i - 1) >= 0 ||
           (p->kind == NE_TK_WORD && !wf(c, i - 1) && ne_lex_vforms(c->lx, p->word) == NE_LEX_NONE);
}

/* "urged Egypt to free jailed activists", "freed detained journalists":
 * a past participle right after the head of the last verb group and right
 * before a mention modifies that mention's noun; it heads no group (two
 * verbs do not follow each other). */
static int participle_modifier(const ctx_t *c, uint32_t i, uint8_t forms)
{
    if (!(forms & NE_F_PPART) || (forms & (NE_F_BASE | NE_F_S | NE_F_ING)) || i <= c->tb) return 0;
    int32_t after = ment_at(c, i + 1);
    int before_mention = after >= 0 && c->d->ment.v[after].tb == i + 1 && c->d->ment.v[after].n;
    /* "protests called by exiled opposition figures", "aid to displaced
     * families", "the jailed reporters": after a preposition or a
     * determiner, no verb can follow; the participle modifies the noun */
    if (before_mention && (wf(c, i - 1) & (NE_W_PREP | NE_W_DET | NE_W_POSS)) && ment_at(c, i - 1) < 0 &&
        !ne_s_floating(c, i - 1))
        return 1;
    if (!c->d->vg.n) return 0;
    const ne_vgroup_t *v = &c->d->vg.v[c->d->vg.n - 1];
    /* not after a reporting verb ("the government says killed 15
     * farmers"), nor after an -s form that may be a noun ("The border
     * clashes led Ghana to") */
    uint32_t plem = 0;
    if (v->head != i - 1 || (v->flags & (NE_VG_NOUN | NE_VG_SAY)) ||
        (verb_reading(c, i - 1, &plem) & NE_F_S))
        return 0;
    return before_mention;
}

static int words_present(const ne_lexicon_t *lx, const ne_pattern_t *p, const ne_doc_t *d);

/* Does the verb at token i have a pattern whose literal words and classes
 * are all in the sentence? */
static int patterns_present(const ctx_t *c, uint32_t i)
{
    uint32_t lem = 0;
    size_t np;
    if (!verb_reading(c, i, &lem)) return 0;
    const ne_pattern_t *pats = ne_lex_patterns(c->lx, lem, &np);
    for (size_t k = 0; k < np; k++)
        if (words_present(c->lx, &pats[k], c->d)) return 1;
    return 0;
}

/* "said they would have consequences", "had talks with Putin": "have"
 * right before a noun phrase (a determiner, a number, or a word with no
 * participle reading), not before a participle or an adverb, is the verb
 * itself, not an auxiliary, when the sentence has the words of one of its
 * patterns (most "have" is possession, no event, and stays out of the
 * groups). */
static int lexical_have(const ctx_t *c, uint32_t i)
{
    if (!(wf(c, i) & NE_W_HAVE) || i + 1 >= c->te ||
        (wf(c, i) & (NE_W_BE | NE_W_DO | NE_W_FUTURE | NE_W_MODAL | NE_W_DET | NE_W_PREP | NE_W_PRON |
                     NE_W_REL | NE_W_CONJ | NE_W_NEG | NE_W_POSS)))
        return 0;
    uint32_t n = i + 1, f = wf(c, n), lem = 0;
    if (is_w(c, n, "no")) return 0; /* "had no plans to hold talks": nothing had */
    if (!(f & (NE_W_DET | NE_W_NUM)) &&
        (tok(c, n)->kind != NE_TK_WORD || f || is_adverb(c, n) ||
         (verb_reading(c, n, &lem) & (NE_F_PPART | NE_F_PAST | NE_F_ING))))
        return 0;
    return patterns_present(c, i);
}

/* "France did the same", "Poland did likewise": "do" right before a
 * determiner or a plain word with no verb reading (not "did not", not "did
 * sign") is the verb itself, not do-support, when the sentence has the
 * words of one of its patterns (dict: `do the same  echo`). */
static int lexical_do(const ctx_t *c, uint32_t i)
{
    uint32_t n = i + 1, lem = 0;
    if (!(wf(c, i) & NE_W_DO) || n >= c->te || tok(c, n)->kind != NE_TK_WORD) return 0;
    if (!(wf(c, n) & NE_W_DET) && (wf(c, n) || verb_reading(c, n, &lem))) return 0;
    return patterns_present(c, i);
}

/* Token i is a verb form that may head a group: not inside a mention or a
 * time expression, not a grammar word, not a capitalized word inside the
 * sentence (a name or a title: "Free Tibet"). Returns its form bits. */
static uint8_t verb_candidate(const ctx_t *c, uint32_t i, uint32_t *lemma)
{
    if (ment_at(c, i) >= 0 || in_timex(c, i, NULL)) return 0;
    if ((wf(c, i) & (NE_W_BE | NE_W_HAVE | NE_W_DO | NE_W_FUTURE | NE_W_MODAL | NE_W_DET |
                     NE_W_PREP | NE_W_PRON | NE_W_REL | NE_W_CONJ | NE_W_NEG | NE_W_POSS)) &&
        !lexical_have(c, i) && !lexical_do(c, i))
        return 0;
    uint8_t forms = verb_reading(c, i, lemma);
    if (!forms) return 0;
    if ((tok(c, i)->flags & NE_TF_CAP) && i > c->tb && !is_quote(c, i - 1) &&
        !is_punct(c, i - 1, ":"))
        return 0;
    if (compound_modifier(c, i)) return 0;
    if (near_phrase_verb(c, i)) return 0;
    if (participle_modifier(c, i, forms)) return 0;
    return forms;
}

/* "a key U.S. ally", "an Israeli strike": is token i the end of a mention
 * that starts with "a" or "an" and names only states? A state is never "a
 * United States": the noun after it is the head of the phrase. A state
 * after a preposition in the mention is a place ("A court in Lagos
 * ordered"): the mention has its head already. */
static int indefinite_state(const ctx_t *c, uint32_t i)
{
    int32_t m = ment_at(c, i);
    if (m < 0) return 0;
    const ne_mention_t *mm = &c->d->ment.v[m];
    if (mm->te != i + 1 || !mm->n || !(is_w(c, mm->tb, "a") || is_w(c, mm->tb, "an")) ||
        !(tok(c, i)->flags & NE_TF_CAP)) /* "a Paris court": a noun of its own */
        return 0;
    for (uint32_t k = mm->tb + 1; k < mm->te; k++)
        if (wf(c, k) & NE_W_PREP) return 0;
    for (int k = 0; k < mm->n; k++)
        if (mm->m[k].role[0] || !mm->m[k].country[0]) return 0;
    return 1;
}

/* "ambushed a Nigerien army patrol", "an Israeli police raid": a base form
 * right after a mention that opens with "a"/"an" and ends in a lower-case
 * noun is the head of that noun phrase (a singular subject would take
 * "patrols"). */
static int indefinite_role(const ctx_t *c, uint32_t prev, uint8_t forms)
{
    int32_t m = valid_idx(c, prev) ? ment_at(c, prev) : -1;
    if (m < 0 || (forms & (NE_F_S | NE_F_PAST | NE_F_ING | NE_F_PPART))) return 0;
    /* an event noun ("a Turkish drone strike killed") is read as the
     * subject's event by the frames: left to them, unless a relative clause
     * follows ("a US drone strike that killed": frames.c finds its agent) */
    if (valid_idx(c, prev + 1) && ne_lex_noun(c->lx, tok(c, prev + 1)->word) != NE_LEX_NONE &&
        !(valid_idx(c, prev + 2) && (wf(c, prev + 2) & NE_W_REL)))
        return 0;
    const ne_mention_t *mm = &c->d->ment.v[m];
    return mm->te == prev + 1 && mm->te - mm->tb >= 2 && (is_w(c, mm->tb, "a") || is_w(c, mm->tb, "an")) &&
           !(mm->flags & NE_MF_PLURAL) && !(tok(c, prev)->flags & NE_TF_CAP) && tok(c, prev)->kind == NE_TK_WORD;
}

/* "killed in a Taliban ambush", "wounded in a Ukrainian drone attack": a
 * base or -s form right after a mention that follows a preposition which
 * opens no clause (not "after", "before", "since", "until", "to", "as",
 * "than", "like") heads that noun phrase: a preposition takes no clause. */
static int after_prep_mention(const ctx_t *c, uint32_t prev, uint8_t forms)
{
    int32_t m = valid_idx(c, prev) ? ment_at(c, prev) : -1;
    if (m < 0 || (forms & (NE_F_PAST | NE_F_ING | NE_F_PPART))) return 0;
    const ne_mention_t *mm = &c->d->ment.v[m];
    if (mm->te != prev + 1 || mm->tb <= c->tb) return 0;
    uint32_t p = mm->tb - 1;
    if (!(wf(c, p) & NE_W_PREP) || (wf(c, p) & NE_W_SUBORD) || in_gclass(c, NE_GC_CLAUSE_TIME, tok(c, p)->word) ||
        is_w(c, p, "to") || is_w(c, p, "as") || is_w(c, p, "than") || is_w(c, p, "like"))
        return 0;
    return 1;
}

/* "an air strike", "a drone attack": a base form after "a"/"an" and one
 * plain noun is the head of that noun phrase (a singular subject would
 * take "strikes"). */
static int indefinite_compound(const ctx_t *c, uint32_t prev, uint8_t forms)
{
    /* a participle after "a NOUN" is a reduced relative ("a statement issued
     * by her party"), not the head of a compound */
    if (!valid_idx(c, prev) || prev <= c->tb ||
        (forms & (NE_F_S | NE_F_PAST | NE_F_ING | NE_F_PPART)))
        return 0;
    const ne_token_t *t = tok(c, prev);
    return t->kind == NE_TK_WORD && !(t->flags & NE_TF_CAP) && ment_at(c, prev) < 0 && !wf(c, prev) &&
           ne_lex_vforms(c->lx, t->word) == NE_LEX_NONE &&
           (is_w(c, prev - 1, "a") || is_w(c, prev - 1, "an"));
}

/* "last year's mass protests", "Friday's attacks": a verb form after the
 * possessive of a time expression and at most one modifier is a noun (a
 * time is never the subject of a verb). */
static int time_possessive(const ctx_t *c, uint32_t prev)
{
    uint32_t q = prev;
    if (!valid_idx(c, q)) return 0;
    if (!is_w(c, q, "'s") && tok(c, q)->kind == NE_TK_WORD && q > c->tb) q--;
    if (!valid_idx(c, q) || q <= c->tb || !is_w(c, q, "'s")) return 0;
    return in_timex(c, q - 1, NULL) || (wf(c, q - 1) & (NE_W_WEEKDAY | NE_W_MONTH)) ||
           in_gclass(c, NE_GC_PERIODS, tok(c, q - 1)->word);
}

/* "on charges of organising riots", "for embezzling European Parliament
 * funds": a verb form right after a gerund (an -ing form after a
 * preposition), or after a mention right after one, is the gerund's object,
 * a noun ("the fighting continues" has a determiner before the -ing form). */
static int after_gerund(const ctx_t *c, uint32_t prev)
{
    uint32_t lem;
    if (!valid_idx(c, prev)) return 0;
    /* "for embezzling European Parliament funds": past a modifying mention */
    int32_t m = ment_at(c, prev);
    if (m >= 0) {
        if (c->d->ment.v[m].te != prev + 1) return 0;
        prev = c->d->ment.v[m].tb - 1;
        if (!valid_idx(c, prev)) return 0;
    } else if (prev > c->tb + 1 && tok(c, prev)->kind == NE_TK_WORD && !wf(c, prev) &&
               !(tok(c, prev)->flags & NE_TF_CAP) && ne_lex_vforms(c->lx, tok(c, prev)->word) == NE_LEX_NONE &&
               (verb_reading(c, prev - 1, &lem) & NE_F_ING)) {
        /* "of using excessive force": past one plain modifier of the object */
        prev--;
    }
    if (prev <= c->tb || !(wf(c, prev - 1) & NE_W_PREP) || ment_at(c, prev) >= 0) return 0;
    if (verb_reading(c, prev, &lem) & NE_F_ING) return 1;
    /* an -ing word of a verb the lexicon does not know ("embezzling") */
    const ne_token_t *t = tok(c, prev);
    return t->kind == NE_TK_WORD && !wf(c, prev) && t->fold_len >= 6 &&
           !memcmp(ne_tok_fold(c->d, t) + t->fold_len - 3, "ing", 3);
}

/* "coverage of nationwide protests", "killed in ethnic riots", "amid renewed
 * attacks": a verb form after "of" (a plural after another preposition)
 * and one modifier (a plain word or a participle) heads the phrase. */
static int of_modifier(const ctx_t *c, uint32_t prev, uint8_t forms)
{
    if (!valid_idx(c, prev) || prev <= c->tb) return 0;
    /* a form that is only a past one heads no noun phrase: "after weeks of
     * negotiations brokered by Qatar" is a participle on "negotiations" */
    if (!(forms & (NE_F_S | NE_F_ING | NE_F_BASE))) return 0;
    /* "killed in ethnic riots": a plural after another preposition too */
    if (!is_w(c, prev - 1, "of") &&
        (!(forms & NE_F_S) || (forms & NE_F_PAST) || !(wf(c, prev - 1) & NE_W_PREP)))
        return 0;
    const ne_token_t *t = tok(c, prev);
    if (t->kind != NE_TK_WORD || (t->flags & NE_TF_CAP) || wf(c, prev) || ment_at(c, prev) >= 0) return 0;
    /* the modifier: a plain word, or a participle ("amid renewed attacks");
     * right after a preposition (not "to", not one that opens a clause) a
     * word that could be a verb is a noun too ("restrictions on beef
     * imports", "a ban on arms exports") */
    uint32_t lem;
    int after_prep = (wf(c, prev - 1) & NE_W_PREP) && !is_w(c, prev - 1, "to") &&
                     !(wf(c, prev - 1) & NE_W_SUBORD) &&
                     !in_gclass(c, NE_GC_CLAUSE_TIME, tok(c, prev - 1)->word);
    if (ne_lex_vforms(c->lx, t->word) != NE_LEX_NONE && !after_prep &&
        (verb_reading(c, prev, &lem) & (NE_F_PPART | NE_F_BASE | NE_F_S | NE_F_ING)) != NE_F_PPART)
        return 0;
    /* after a preposition that may open a clause ("after tensions rose"),
     * only when no past verb follows in the clause */
    if ((wf(c, prev - 1) & NE_W_SUBORD) || in_gclass(c, NE_GC_CLAUSE_TIME, tok(c, prev - 1)->word))
        for (uint32_t k = prev + 2; k < c->te && !is_punct(c, k, ".,;:"); k++)
            if (ment_at(c, k) < 0 && (verb_reading(c, k, &lem) & NE_F_PAST)) return 0;
    return 1;
}

/* Is token i a state's adjective of one word ("American", "Russian": an
 * actor entry of kind adj)? */
static int state_adjective(const ctx_t *c, uint32_t i)
{
    uint32_t node = ne_lex_child(c->lx, 0, tok(c, i)->word);
    if (node == NE_LEX_NONE || !(tok(c, i)->flags & NE_TF_CAP)) return 0;
    for (uint32_t e = ne_lex_node_entry(c->lx, node); e != NE_LEX_NONE; e = ne_lex_entry(c->lx, e)->next)
        if (ne_lex_entry(c->lx, e)->kind == NE_AK_ADJ) return 1;
    return 0;
}

/* "two American aid groups", "Russian attack helicopters": a base form
 * right after a state's adjective that ends a mention, and before a plural
 * noun that is no verb, is a noun that modifies that plural (an adjective
 * is never a subject). prev is the token before the verb form, next the
 * one after it. */
static int adjective_compound(const ctx_t *c, uint32_t prev, uint8_t forms)
{
    if (!valid_idx(c, prev) || (forms & (NE_F_S | NE_F_PAST | NE_F_ING | NE_F_PPART))) return 0;
    int32_t m = ment_at(c, prev);
    if (m < 0 || c->d->ment.v[m].te != prev + 1 || !state_adjective(c, prev)) return 0;
    uint32_t next = prev + 2;
    if (!valid_idx(c, next) || tok(c, next)->kind != NE_TK_WORD || (tok(c, next)->flags & NE_TF_CAP) ||
        wf(c, next) || ne_lex_vforms(c->lx, tok(c, next)->word) != NE_LEX_NONE)
        return 0;
    return ne_lex_singular(c->lx, tok(c, next)->word) >= 0;
}

/* "China, the North's main ally, urged": in an apposition between commas,
 * a word with no grammar role and no verb reading right after a
 * determiner, a possessive or "'s" is an adjective, and the verb form
 * after it, before the closing comma, a noun. prev is the token before the
 * verb form. */
static int apposition_adjective(const ctx_t *c, uint32_t prev)
{
    if (!valid_idx(c, prev) || prev < c->tb + 2 || !valid_idx(c, prev + 2) || !is_punct(c, prev + 2, ",") ||
        tok(c, prev)->kind != NE_TK_WORD || (tok(c, prev)->flags & NE_TF_CAP) || wf(c, prev) ||
        ment_at(c, prev) >= 0 || ne_lex_vforms(c->lx, tok(c, prev)->word) != NE_LEX_NONE)
        return 0;
    uint32_t b = prev - 1;
    if (!((wf(c, b) & (NE_W_DET | NE_W_POSS)) || is_w(c, b, "'s"))) return 0;
    for (uint32_t k = b; k > c->tb && b - k < 6; k--)
        if (is_punct(c, k - 1, ",")) return 1;
    return 0;
}

/* A noun after a determiner, a possessive, a number or a hyphenated
 * modifier ("the attacks", "Russia's visit", "a U.S. ally", "an air strike",
 * "an open-ended strike", but not after a name: "al-Shabaab blew", "Ban
 * Ki-moon condemned", whose hyphenated end is in an actor mention); prev is
 * the token before, past adverbs and dates. */
/* "its efforts to revive nuclear talks with the West", "returned to
 * direct peace talks": a verb form after "to" and two plain words (a verb
 * and a modifier, or two modifiers) is in the object of "to", a noun the
 * word before it modifies, not a verb whose subject that word would be.
 * prev is the token before the verb form. */
static int plain_word(const ctx_t *c, uint32_t k)
{
    const ne_token_t *t = tok(c, k);
    return t->kind == NE_TK_WORD && !(t->flags & NE_TF_CAP) && !wf(c, k) && ment_at(c, k) < 0;
}

static int infinitive_object(const ctx_t *c, uint32_t prev)
{
    return valid_idx(c, prev) && prev >= c->tb + 2 && is_w(c, prev - 2, "to") && plain_word(c, prev) &&
           plain_word(c, prev - 1);
}

/* "tracked 34 aircraft and nine navy ships": an -s form after a number
 * above one and a plain word is the head noun of the quantity phrase, as a
 * plural count cannot be the subject of an -s verb ("one official says"
 * can; a year is no count: "the 2024 vote looms") */
static int quantity_noun(const ctx_t *c, uint32_t prev, uint8_t forms)
{
    if (!(forms & NE_F_S) || !valid_idx(c, prev) || prev <= c->tb) return 0;
    const ne_token_t *t = tok(c, prev), *n = tok(c, prev - 1);
    if (t->kind != NE_TK_WORD || (t->flags & NE_TF_CAP) || wf(c, prev) ||
        ne_lex_vforms(c->lx, t->word) != NE_LEX_NONE)
        return 0;
    if (n->kind == NE_TK_NUM) return n->end - n->start != 4;
    return (wf(c, prev - 1) & NE_W_NUM) && !is_w(c, prev - 1, "one");
}

/* "both promised to lift their bans", "each accused the other": a
 * mention of quantifiers alone ("both", "each", "the two": actors.c
 * parse_group_reference) ending at prev is the subject, no determiner of
 * the verb form after it. */
static int bare_quantifier_subject(const ctx_t *c, uint32_t prev)
{
    int32_t m = ment_at(c, prev);
    if (m < 0) return 0;
    const ne_mention_t *mm = &c->d->ment.v[m];
    if (mm->te != prev + 1 || !mm->n) return 0;
    for (uint32_t k = mm->tb; k < mm->te; k++)
        if (!(wf(c, k) & (NE_W_DET | NE_W_NUM))) return 0;
    return 1;
}

static int noun_position(const ctx_t *c, uint32_t prev, uint8_t forms)
{
    if (valid_idx(c, prev) && bare_quantifier_subject(c, prev)) return 0;
    return valid_idx(c, prev) && ((wf(c, prev) & (NE_W_DET | NE_W_POSS)) || is_w(c, prev, "'s") ||
                                  tok(c, prev)->kind == NE_TK_NUM || indefinite_state(c, prev) ||
                                  (compound_modifier(c, prev) && !(tok(c, prev)->flags & NE_TF_CAP) &&
                                   ment_at(c, prev) < 0) ||
                                  indefinite_compound(c, prev, forms) || indefinite_role(c, prev, forms) ||
                                  adjective_compound(c, prev, forms) || apposition_adjective(c, prev) ||
                                  after_prep_mention(c, prev, forms) ||
                                  time_possessive(c, prev) ||
                                  after_gerund(c, prev) || of_modifier(c, prev, forms) ||
                                  infinitive_object(c, prev) || quantity_noun(c, prev, forms));
}

/* "planned to visit", "refused to release", "threatened to impose": the
 * verb m that governs an infinitive lends it its mood. The group then
 * starts at m's auxiliaries. */
/* "accused Ethiopia of seeking to seize the port", "blamed Kyiv for
 * trying to invade": an -ing form right after "of" or "for" is a noun,
 * what a charge or a reason names, and the act it governs is not done
 * (as "of invading" is none): the accusation is the event. */
static int gerund_of_charge(const ctx_t *c, uint32_t m, uint8_t mforms, int mbe)
{
    return (mforms & NE_F_ING) && !mbe && m > c->tb && (is_w(c, m - 1, "of") || is_w(c, m - 1, "for"));
}

static void governed_mood(const ctx_t *c, ne_vgroup_t *g, uint32_t m, uint8_t mforms, uint32_t mf)
{
    uint32_t mflags = 0;
    int mbe = 0, maux = 0;
    g->first = aux_chain(c, m, mforms, &mflags, &mbe, &maux);
    /* "had no plans to hold talks": a plan that is not */
    if (m > c->tb && is_w(c, m - 1, "no")) g->flags |= NE_VG_NEGATED;
    g->flags |= mflags & (NE_VG_NEGATED | NE_VG_MODAL | NE_VG_FUTURE | NE_VG_REFUSE | NE_VG_DEONTIC);
    if (mf & (NE_L_INTENT | NE_L_PROMISE)) g->flags |= NE_VG_FUTURE;
    /* "announced a plan to station missiles": a plan named by a noun is
     * no intention said, as a noun-only event is none (the conventions) */
    if ((mf & NE_L_INTENT) && m > c->tb && (wf(c, m - 1) & (NE_W_DET | NE_W_POSS)) && !is_w(c, m - 1, "no"))
        g->flags |= NE_VG_MODAL;
    if (mf & NE_L_THREAT) g->flags |= NE_VG_THREAT;
    if (mf & NE_L_REFUSE) g->flags |= NE_VG_REFUSE;
    if (mf & NE_L_FAIL) g->flags |= NE_VG_FAIL;
    if (mf & NE_L_AGREE) g->flags |= NE_VG_AGREE;
    if (mf & NE_L_DEONTIC) g->flags |= NE_VG_MODAL | NE_VG_DEONTIC;
    if ((mforms & NE_F_ING) && !mbe && m > c->tb && is_punct(c, m - 1, ","))
        g->flags |= NE_VG_PARTICIPLE;
    if (gerund_of_charge(c, m, mforms, mbe)) g->flags |= NE_VG_MODAL;
}

/* "was quick to condemn", "are guilty of violating": when token b is a form
 * of "be", the group opens at its auxiliaries and takes their negation and
 * moods; 1, else 0 and g unchanged. */
static int opens_at_be(const ctx_t *c, ne_vgroup_t *g, uint32_t b)
{
    if (!valid_idx(c, b) || !(wf(c, b) & NE_W_BE)) return 0;
    uint32_t bflags = 0;
    int x1, x2;
    g->first = aux_chain(c, b + 1, 0, &bflags, &x1, &x2);
    g->flags |= bflags & (NE_VG_NEGATED | NE_VG_MODAL | NE_VG_DEONTIC | NE_VG_FUTURE);
    return 1;
}

/* "is ready to meet", "is going to visit": an intention; the group starts
 * at the adjective, or at the auxiliaries of "be" before it. */
static void adjective_intent(const ctx_t *c, ne_vgroup_t *g, uint32_t m)
{
    uint32_t b2 = m > c->tb ? skip_left(c, m - 1) : UINT32_MAX;
    g->first = m;
    if (valid_idx(c, b2) && (wf(c, b2) & NE_W_BE)) {
        uint32_t bflags = 0;
        int x1, x2;
        g->first = aux_chain(c, b2 + 1, 0, &bflags, &x1, &x2);
        /* "must be ready to mediate": an obligation still */
        g->flags |= bflags & (NE_VG_NEGATED | NE_VG_MODAL | NE_VG_DEONTIC);
    }
    g->flags |= NE_VG_FUTURE;
}

/* "Israel was quick to condemn the test", "were swift to reject": an
 * adjective of speed (act-adj) after be governs the infinitive as the act
 * itself, asserted, with be's subject; the group opens at be's chain
 * (negation and modals kept: "was not quick to condemn" is no event).
 * 0 when no be comes before the adjective. */
static int adjective_act(const ctx_t *c, ne_vgroup_t *g, uint32_t m)
{
    return opens_at_be(c, g, m > c->tb ? skip_left(c, m - 1) : UINT32_MAX);
}

/* "let ASEAN's special envoy, Erywan Yusof, meet": if token i is the comma
 * closing an apposition (a name or noun phrase between commas, no verb)
 * after a mention, the last token of that mention; else i. */
static uint32_t before_apposition(const ctx_t *c, uint32_t i)
{
    if (!valid_idx(c, i) || !is_punct(c, i, ",")) return i;
    for (uint32_t q = i; q > c->tb && i - q < 10; q--) {
        uint32_t r = q - 1;
        if (is_punct(c, r, ".;:")) return i;
        if (!is_punct(c, r, ",")) continue;
        if (r == c->tb || r + 1 >= i || ment_at(c, r - 1) < 0) return i;
        if (ment_at(c, r + 1) < 0 && !(wf(c, r + 1) & (NE_W_DET | NE_W_POSS))) return i;
        for (size_t k = 0; k < c->d->vg.n; k++)
            if (c->d->vg.v[k].head > r && c->d->vg.v[k].head < i) return i;
        return r - 1;
    }
    return i;
}

#define MAX_OBJECT_RELATIVE 12 /* tokens of a relative clause between an object and "to" */

static uint32_t skip_quantity(const ctx_t *c, uint32_t i);

/* The first token of a quantity phrase that ends right before token tb
 * ("allow | up to | 13,000 refugees"), or tb when there is none. A
 * quantity phrase has at most three words ("more than", "up to"). */
static uint32_t before_quantity(const ctx_t *c, uint32_t tb)
{
    for (uint32_t s = tb > c->tb + 3 ? tb - 3 : c->tb; s < tb; s++)
        if (skip_quantity(c, s) == tb) return s;
    return tb;
}

/* If the words up to token `last` are a relative clause on an object ("urged
 * the rebels | who attacked the town | to lay down their arms"), the last
 * token of the object's mention, right before the relative pronoun; else
 * `last`. The clause opens with "who" or "which" ("that" may open a
 * complement) and has no punctuation; its verb need not be one the
 * dictionaries know ("who have lived in Iraq"). */
static uint32_t before_object_relative(const ctx_t *c, uint32_t last)
{
    if (!valid_idx(c, last)) return last;
    for (uint32_t r = last; r > c->tb + 1 && last - r < MAX_OBJECT_RELATIVE; r--) {
        if (tok(c, r)->kind == NE_TK_PUNCT) return last;
        int32_t m = ment_at(c, r);
        if (m < 0 || !(c->d->ment.v[m].flags & NE_MF_REL)) continue;
        return r < last && (is_w(c, r, "who") || is_w(c, r, "which")) && ment_at(c, r - 1) >= 0 ? r - 1 : last;
    }
    return last;
}

static int plain_noun(const ctx_t *c, uint32_t i);

/* Object control: "urged China to free", "called on Rwanda to withdraw",
 * "let the envoy meet". If token `last` ends an actor mention that follows
 * a verb of one of the classes `want` (with at most one preposition
 * between: "call on", "appeal to"), the index of that verb's group, else -1. */
static int32_t object_controller_at(const ctx_t *c, uint32_t last, uint32_t want)
{
    /* "ASEAN's special envoy, Erywan Yusof, meet": a mention that takes in
     * its apposition ends at the closing comma */
    if (valid_idx(c, last) && is_punct(c, last, ",") && last > c->tb && ment_at(c, last - 1) >= 0 &&
        c->d->ment.v[ment_at(c, last - 1)].te == last && c->d->ment.v[ment_at(c, last - 1)].n)
        last--;
    else
        last = before_apposition(c, last);
    int32_t m = valid_idx(c, last) ? ment_at(c, last) : -1;
    if (m < 0) return -1;
    const ne_mention_t *mm = &c->d->ment.v[m];
    if (mm->te != last + 1 || (mm->flags & (NE_MF_REL | NE_MF_LOC)) || mm->tb <= c->tb) return -1;
    uint32_t p = before_quantity(c, mm->tb);
    if (p <= c->tb) return -1;
    p--;
    /* "urged the army chief, General X, and RSF commander Y to cease":
     * back over a coordination of mentions (with their appositions) */
    /* ("ordered television and radio stations to stop": a plain noun before
     * "and" shares the mention's head) */
    for (int n = 0; n < 24 && p > c->tb && (is_w(c, p, "and") || is_w(c, p, "or") ||
                                            is_punct(c, p, ",") || ment_at(c, p) >= 0 ||
                                            (tok(c, p)->flags & NE_TF_CAP) ||
                                            (is_w(c, p + 1, "and") && plain_noun(c, p))); n++) {
        /* (never below the sentence: a mention may open it) */
        uint32_t back = ment_at(c, p) >= 0 ? c->d->ment.v[ment_at(c, p)].tb : p;
        p = back > c->tb ? back - 1 : c->tb;
    }
    /* "called on Rwanda to", "appealed to X to"; and the for-to infinitive
     * of a verb of bidding: "called for Israel to allow aid in", "pressed
     * for Russia to free him" (for_to_object: the verb must bid) */
    int for_to = is_w(c, p, "for");
    if ((is_w(c, p, "on") || is_w(c, p, "upon") || is_w(c, p, "to") || for_to) && p > c->tb) p--;
    if (for_to) want &= NE_L_APPEAL | NE_L_DEMAND | NE_L_ORDER;
    for (size_t k = c->d->vg.n; k > 0; k--) {
        const ne_vgroup_t *v = &c->d->vg.v[k - 1];
        if (v->head < p) break;
        if (v->head == p)
            return (ne_lex_lemma_flags(c->lx, v->lemma) & want) && !(v->flags & NE_VG_NOUN)
                       ? (int32_t)(k - 1) : -1;
    }
    return -1;
}

/* The controller of an infinitive after token `last`: the verb before the
 * mention that ends there, else, past a relative clause on an object ("urged
 * the rebels | who attacked Kenya | to withdraw"), the verb before its
 * antecedent. */

/* Is token `last` a plain noun whose owner is the mention right before it
 * ("allow United Nations | planes", "NATO | planes": a name that modifies a
 * noun no dictionary lists)? */
static int owned_noun(const ctx_t *c, uint32_t last)
{
    if (!valid_idx(c, last) || last <= c->tb || !plain_noun(c, last)) return 0;
    int32_t m = ment_at(c, last - 1);
    return m >= 0 && c->d->ment.v[m].te == last && !(c->d->ment.v[m].flags & (NE_MF_LOC | NE_MF_REL));
}

static int32_t object_controller(const ctx_t *c, uint32_t last, uint32_t want)
{
    int32_t v = object_controller_at(c, last, want);
    if (v >= 0) return v;
    uint32_t r = before_object_relative(c, last);
    if (r != last) return object_controller_at(c, r, want);
    return owned_noun(c, last) ? object_controller_at(c, last - 1, want) : -1;
}

#define MAX_PURPOSE_OBJECT 8 /* tokens between a verb and the "to" of its purpose */

/* "Uzbekistan opened the bridge after four years | to allow the delivery of
 * grain": a permission in a purpose infinitive after an object that is no
 * party is the main verb's subject's own act. Token m is the one before
 * "to"; returns the index of the nearest finite verb group before it (no
 * punctuation, no party between), else -1. */
static int32_t permit_purpose(const ctx_t *c, uint32_t m)
{
    if (!valid_idx(c, m) || ment_at(c, m) >= 0) return -1;
    for (uint32_t q = m; q > c->tb && m - q < MAX_PURPOSE_OBJECT; q--) {
        /* (a place may stand between: "opened the Rafah crossing") */
        if (tok(c, q)->kind == NE_TK_PUNCT ||
            (ment_at(c, q) >= 0 && !(c->d->ment.v[ment_at(c, q)].flags & NE_MF_LOC)))
            return -1;
        /* a verb form inside the object ("the Rafah crossing") is passed over */
        for (size_t k = c->d->vg.n; k > 0; k--) {
            const ne_vgroup_t *v = &c->d->vg.v[k - 1];
            if (v->head != q) continue;
            if (v->flags & NE_VG_INFINITIVE) return -1;
            if (!(v->flags & (NE_VG_NOUN | NE_VG_REDUCED | NE_VG_PARTICIPLE))) return (int32_t)(k - 1);
        }
    }
    return -1;
}

/* "agreed to ban Belarusian airlines and to impose sanctions": a
 * to-infinitive after "and" shares the mood, the governor and (through
 * its first token, "to", after "and") the subject of the to-infinitive
 * before it. Returns 1 when there is one. */
static int coordinated_infinitive(const ctx_t *c, ne_vgroup_t *g, uint32_t to)
{
    if (to < c->tb + 2 || !(is_w(c, to - 1, "and") || is_w(c, to - 1, "or")) || !c->d->vg.n)
        return 0;
    const ne_vgroup_t *p = &c->d->vg.v[c->d->vg.n - 1];
    uint32_t b = p->head > c->tb ? skip_left(c, p->head - 1) : UINT32_MAX;
    if (p->flags & NE_VG_NOUN || !valid_idx(c, b) || !is_w(c, b, "to")) return 0;
    g->flags |= p->flags & (NE_VG_NEGATED | NE_VG_FUTURE | NE_VG_MODAL | NE_VG_INFINITIVE |
                            NE_VG_THREAT | NE_VG_REFUSE | NE_VG_CONTROLLED | NE_VG_AGREE |
                            NE_VG_FAIL | NE_VG_PARTICIPLE);
    g->gov = p->gov;
    g->first = to;
    return 1;
}

/* A purpose: "summoned the ambassadors to demand", "sent 21 personnel to
 * Bosnia to investigate". If token `last` ends an actor mention, and a
 * verb of sending comes a few words before it in the clause, the index of
 * that verb's group, else -1. */
static int32_t purpose_controller(const ctx_t *c, uint32_t last)
{
    int32_t m = valid_idx(c, last) ? ment_at(c, last) : -1;
    if (m < 0 || c->d->ment.v[m].te != last + 1 || (c->d->ment.v[m].flags & NE_MF_REL)) return -1;
    uint32_t tb = c->d->ment.v[m].tb;
    for (size_t k = c->d->vg.n; k > 0; k--) {
        const ne_vgroup_t *v = &c->d->vg.v[k - 1];
        if (v->head >= tb) continue;
        if (tb - v->head > 8 || (v->flags & NE_VG_NOUN)) return -1;
        for (uint32_t q = v->head + 1; q < tb; q++)
            if (is_punct(c, q, ".;:,")) return -1;
        return (ne_lex_lemma_flags(c->lx, v->lemma) & NE_L_PURPOSE) ? (int32_t)(k - 1) : -1;
    }
    return -1;
}

/* A to-infinitive (to is at `to`): what governs it decides what it is. */
static void read_infinitive(const ctx_t *c, ne_vgroup_t *g, uint32_t to)
{
    if (coordinated_infinitive(c, g, to)) return;
    uint32_t m = to > c->tb ? skip_left(c, to - 1) : UINT32_MAX;
    uint32_t mlem = 0;
    uint8_t mforms = valid_idx(c, m) && ment_at(c, m) < 0 ? verb_reading(c, m, &mlem) : 0;
    uint32_t mf = mforms ? ne_lex_lemma_flags(c->lx, mlem) : 0;
    /* "an attempt to intimidate": after a determiner the word is a noun; what
     * it attempts is not done */
    if ((mf & NE_L_ACT) && m > c->tb && ((wf(c, m - 1) & (NE_W_DET | NE_W_POSS)) || is_w(c, m - 1, "'s")))
        mf = 0, mforms = 0;
    if (mforms && (mf & (NE_L_INTENT | NE_L_PROMISE | NE_L_ASPECT | NE_L_THREAT | NE_L_REFUSE |
                         NE_L_FAIL | NE_L_ACT | NE_L_AGREE | NE_L_DEONTIC)))
        governed_mood(c, g, m, mforms, mf);
    else if (valid_idx(c, m) && ((wf(c, m) & NE_W_INTENT_ADJ) || is_w(c, m, "going")))
        adjective_intent(c, g, m);
    else if (valid_idx(c, m) && (wf(c, m) & NE_W_ACT_ADJ) && adjective_act(c, g, m))
        ;
    else if (valid_idx(c, m) && (wf(c, m) & NE_W_DEONTIC)) {
        g->first = m; /* "ought to withdraw" */
        g->flags |= NE_VG_MODAL | NE_VG_DEONTIC;
    }
    else {
        /* "prompting South Korea to scramble jets": the object's own act,
         * coded as a verb of its own with the object as subject */
        if ((g->gov = object_controller(c, m, NE_L_CAUSE)) >= 0) {
            g->flags |= NE_VG_CAUSED;
            return;
        }
        g->flags |= NE_VG_INFINITIVE;
        if ((g->gov = object_controller(c, m, NE_L_CONTROL)) >= 0 ||
            (g->gov = purpose_controller(c, m)) >= 0)
            g->flags |= NE_VG_CONTROLLED;
        else if ((ne_lex_lemma_flags(c->lx, g->lemma) & NE_L_ALLOW) && (g->gov = permit_purpose(c, m)) >= 0)
            g->flags = (g->flags & ~NE_VG_INFINITIVE) | NE_VG_PERMIT_PURPOSE;
    }
}

/* Words after which an -ing form opens a participle clause ("after
 * meeting", ", accusing"). */
static int participle_opener(const ctx_t *c, uint32_t before)
{
    return !valid_idx(c, before) || is_punct(c, before, ",;") || is_w(c, before, "after") ||
           is_w(c, before, "before") || is_w(c, before, "while") || is_w(c, before, "when") ||
           is_w(c, before, "by") || is_w(c, before, "since") || is_w(c, before, "upon") ||
           is_w(c, before, "and");
}

#define MAX_GERUND_REACH 10 /* tokens back from "by"/"and" to the gerund it joins */

/* "accused Britain of prolonging the war by supplying missiles", "of
 * prolonging the war and supplying missiles": "by" or "and" at token
 * `before` goes on a gerund (an -ing word after a preposition) earlier in
 * the clause, with no comma or past form between: the -ing form after it
 * is part of that gerund's phrase, a noun too, not the main subject's act
 * ("Russia retaliated by expelling" still is). */
static int joins_gerund(const ctx_t *c, uint32_t before)
{
    if (!valid_idx(c, before) || !(is_w(c, before, "by") || is_w(c, before, "and"))) return 0;
    for (uint32_t k = before; k > c->tb + 1 && before - k < MAX_GERUND_REACH; k--) {
        uint32_t q = k - 1;
        const ne_token_t *t = tok(c, q);
        if (t->kind == NE_TK_PUNCT) return 0;
        if (t->kind != NE_TK_WORD || ment_at(c, q) >= 0) continue;
        uint32_t lem = 0;
        uint8_t forms = verb_reading(c, q, &lem);
        if (forms & NE_F_PAST) return 0;
        if (t->fold_len > 4 && !memcmp(ne_tok_fold(c->d, t) + t->fold_len - 3, "ing", 3) &&
            (wf(c, q - 1) & NE_W_PREP))
            return 1;
    }
    return 0;
}

/* "Canada joined Britain in condemning the executions": "in" at token
 * `in` right after the object of a finite verb (a mention right after the
 * verb), before an -ing form: the act is the main subject's, as after
 * "after" ("in talks" and "of derailing" stay nouns). */
static int joined_in(const ctx_t *c, uint32_t in)
{
    if (!valid_idx(c, in) || !is_w(c, in, "in") || in <= c->tb + 1) return 0;
    int32_t m = ment_at(c, in - 1);
    if (m < 0) return 0;
    uint32_t tb = c->d->ment.v[m].tb;
    if (tb <= c->tb || c->d->ment.v[m].te != in) return 0;
    for (size_t k = c->d->vg.n; k > 0; k--) {
        const ne_vgroup_t *v = &c->d->vg.v[k - 1];
        if (v->head >= tb) continue;
        return v->head + 1 == tb && !(v->flags & (NE_VG_NOUN | NE_VG_REDUCED | NE_VG_INFINITIVE));
    }
    return 0;
}

/* "resorted to throwing stones", "turned to shelling": "to" at token
 * `to` after a verb of the lemma class aspect-to, which lends the -ing form
 * its aspect as "began" does. */
static int aspect_to(const ctx_t *c, uint32_t to)
{
    uint32_t lem = 0;
    return valid_idx(c, to) && is_w(c, to, "to") && to > c->tb && ment_at(c, to - 1) < 0 &&
           verb_reading(c, to - 1, &lem) && (ne_lex_lemma_flags(c->lx, lem) & NE_L_ASPECT_TO);
}

/* "are guilty of violating the ceasefire": an -ing form after "of" and an
 * adjective of the class GUILT, itself right after a form of "be", is the
 * subject's own act, in the tense of "be" (as "began sharing" is the
 * sharing). Not "was found guilty of" (a verdict: "found" comes between).
 * The group starts at the auxiliaries of "be". Returns 1 when it is. */
static int guilt_gerund(const ctx_t *c, ne_vgroup_t *g, uint32_t before)
{
    if (!valid_idx(c, before) || !is_w(c, before, "of") || before <= c->tb + 1) return 0;
    uint32_t m = before - 1;
    if (!in_gclass(c, NE_GC_GUILT, tok(c, m)->word)) return 0;
    return opens_at_be(c, g, skip_left(c, m - 1));
}

/* "at the border crossing on Wednesday", "arms trafficking": an -ing form
 * that ends a compound noun of the class ING_NOUNS is that noun's head, no
 * verb (a time after it dates no "crossing"). */
static int compound_ing(const ctx_t *c, uint32_t i)
{
    return i > c->tb && class_phrase_end(c, ne_lex_gclass(c->lx, NE_GC_ING_NOUNS), i - 1) == i + 1;
}

/* "reopened the Rafah crossing into Gaza", "the Kerem Shalom crossing":
 * an -ing form right after a place named with a determiner is the head of
 * that noun phrase (a place's own name takes no "the"), no participle. */
static int place_thing_ing(const ctx_t *c, uint32_t before)
{
    int32_t m = valid_idx(c, before) ? ment_at(c, before) : -1;
    if (m < 0) return 0;
    const ne_mention_t *mm = &c->d->ment.v[m];
    return mm->te == before + 1 && (mm->flags & NE_MF_LOC) && mm->te - mm->tb >= 2 &&
           (wf(c, mm->tb) & NE_W_DET) && !(wf(c, mm->tb) & NE_W_NUM);
}

/* Is mention m a plural group of people of no state ("asylum seekers",
 * "protesters")? An -ing form right after it says what they do
 * ("asylum seekers arriving in Britain", "fired at protesters demanding
 * his resignation"), not what the main subject does. */
static int people_of_no_state(const ctx_t *c, int32_t m)
{
    const ne_mention_t *mm = &c->d->ment.v[m];
    return (mm->flags & (NE_MF_GENERIC | NE_MF_PLURAL)) == (NE_MF_GENERIC | NE_MF_PLURAL) && mm->n == 1 &&
           !mm->m[0].country[0];
}

/* An -ing form with no auxiliary: "began sharing" (aspect), ", accusing"
 * (a participle clause), "of derailing" (a gerund), "Truckers protesting"
 * (a reduced relative). prev is the token before the verb, before the one
 * before its group (they differ by a negation: "of not attending"). */
static void read_ing_form(const ctx_t *c, ne_vgroup_t *g, uint32_t prev, uint32_t before)
{
    uint32_t plem = 0;
    if (guilt_gerund(c, g, before)) return; /* "are guilty of violating" */
    if (place_thing_ing(c, before) || compound_ing(c, g->head)) {
        g->flags |= NE_VG_NOUN; /* "the Rafah crossing" */
        return;
    }
    if (aspect_to(c, before)) before--; /* "resorted to | throwing" */
    uint8_t pforms = valid_idx(c, before) && ment_at(c, before) < 0 ? verb_reading(c, before, &plem) : 0;
    if (pforms && (ne_lex_lemma_flags(c->lx, plem) & (NE_L_ASPECT | NE_L_ASPECT_TO))) {
        /* "began sharing": the group starts at the aspect verb */
        uint32_t aflags = 0;
        int x1, x2;
        g->first = aux_chain(c, before, pforms, &aflags, &x1, &x2);
        g->flags |= aflags & (NE_VG_NEGATED | NE_VG_MODAL | NE_VG_FUTURE);
        if (!x2 && (pforms & NE_F_ING) && before > c->tb && is_punct(c, before - 1, ","))
            g->flags |= NE_VG_PARTICIPLE;
        /* "vowed to continue targeting ships", "refused to keep paying": an
         * aspect verb in the infinitive passes on the mood of the verb that
         * governs it, as "vowed to target" has it */
        if (!x2 && (pforms & NE_F_BASE) && g->first == before && before > c->tb && is_w(c, before - 1, "to"))
            read_infinitive(c, g, before - 1);
    } else if (joins_gerund(c, before)) {
        g->flags |= NE_VG_NOUN;
    } else if (participle_opener(c, before) || joined_in(c, before)) {
        g->flags |= NE_VG_PARTICIPLE;
    } else if (valid_idx(c, before) && ment_at(c, before) < 0 && (wf(c, before) & NE_W_SPEECH_NOUN)) {
        /* "issued a declaration demanding": the authors' own speech act */
        g->flags |= NE_VG_PARTICIPLE | NE_VG_STATEMENT;
    } else if (wf(c, prev) & NE_W_PREP) {
        g->flags |= NE_VG_NOUN; /* a gerund: "of derailing" */
    } else if (ment_at(c, before) >= 0 && c->d->ment.v[ment_at(c, before)].tb > c->tb &&
               is_w(c, c->d->ment.v[ment_at(c, before)].tb - 1, "to")) {
        /* "dropped its objections to Finland and Sweden joining NATO": a
         * gerund with its own subject, the object of "to": not asserted */
        g->flags |= NE_VG_NOUN;
    } else if (ment_at(c, before) >= 0 && c->d->ment.v[ment_at(c, before)].tb > c->tb &&
               is_w(c, c->d->ment.v[ment_at(c, before)].tb - 1, "with")) {
        /* "With Egypt and Qatar mediating, ...": the participle of an
         * absolute clause (frames.c with_absolute_subject), also before the
         * main verb */
        g->flags |= NE_VG_PARTICIPLE;
    } else if (ment_at(c, before) >= 0 && finite_before(c->d, c->tb, g->head) &&
               !people_of_no_state(c, ment_at(c, before))) {
        /* "filed a case at the court accusing Israel": after the main verb,
         * a participle clause of its subject */
        g->flags |= NE_VG_PARTICIPLE;
    } else {
        g->flags |= NE_VG_REDUCED; /* "Truckers protesting against ..." */
    }
}

/* "by the army", "by rebels" (not "by one hour"): "by" at i and an actor. */
static int by_actor(const ctx_t *c, uint32_t i)
{
    if (!is_w(c, i, "by")) return 0;
    int32_t m = ment_at(c, i + 1);
    if (m < 0 && (wf(c, i + 1) & NE_W_DET) && !(wf(c, i + 1) & NE_W_NUM)) m = ment_at(c, i + 2);
    return m >= 0 && c->d->ment.v[m].n > 0;
}

/* "signed last week by the two ministers", "hosted on Friday by X": the
 * "by" of a passive participle may come after a time expression or an
 * adverb of the participle. Is there an actor's "by" at k, or right after
 * the adverbs and time expressions that start at k (a few tokens)? */
static int by_actor_after_adjunct(const ctx_t *c, uint32_t k)
{
    uint32_t q = k;
    while (q < c->te && q - k < 5 && (is_adverb(c, q) || in_timex(c, q, NULL)))
        q++;
    return by_actor(c, q);
}

/* Can token q be a finite verb or a participle ("hosted", "commits")
 * rather than a noun of an adjunct (not after an article or a preposition)? */
static int verb_form_at(const ctx_t *c, uint32_t q)
{
    uint32_t lem;
    if (q > c->tb && (wf(c, q - 1) & (NE_W_DET | NE_W_PREP | NE_W_POSS))) return 0;
    return (verb_reading(c, q, &lem) & (NE_F_S | NE_F_PAST | NE_F_PPART)) != 0;
}

#define MAX_PARTICIPLE_ADJUNCT 10 /* tokens of place and time between a participle and its agent */

/* "The agreement signed in Doha on Wednesday between the government and the
 * rebels", "a truce signed at a ceremony in Cairo by X": the agent of a
 * passive participle may come after its adjuncts of place and time (a
 * preposition and its noun phrase, a date, an adverb). Is there, within a
 * few tokens of k and in the clause, an actor's "by", or, after a noun of
 * an event of several parties (a deal, a truce: `participants` in
 * event-nouns.tsv) at `noun`, a "between" and two parties or more? */
static int agent_after_adjuncts(const ctx_t *c, uint32_t k, uint32_t noun)
{
    uint32_t n = ne_lex_noun(c->lx, tok(c, noun)->word);
    int deal = n != NE_LEX_NONE && ne_lex_noun_participants(c->lx, n) == NE_REF_PARTICIPANTS;
    for (uint32_t q = k; q + 1 < c->te && q - k < MAX_PARTICIPLE_ADJUNCT; q++) {
        if (by_actor(c, q)) return 1;
        if (is_w(c, q, "between")) {
            int32_t m = ment_at(c, q + 1);
            return deal && m >= 0 && c->d->ment.v[m].n >= 2;
        }
        /* the adjuncts: prepositions, places, dates, articles, plain words;
         * a verb or a clause boundary ends them */
        if (tok(c, q)->kind != NE_TK_WORD || (wf(c, q) & (NE_W_REL | NE_W_SUBORD | NE_W_CONJ)) ||
            (ment_at(c, q) < 0 && !in_timex(c, q, NULL) && !wf(c, q) && verb_form_at(c, q)))
            return 0;
    }
    return 0;
}

static int np_internal(const ctx_t *c, uint32_t i);

/* "Welcomed at the airport by X,": before the "by", a short phrase of
 * place ("in"/"at", plain words or a place, four tokens at most) may stand
 * too. Is there an actor's "by" after it (or after the adverbs and times)? */
static int by_actor_after_place(const ctx_t *c, uint32_t k)
{
    if (by_actor_after_adjunct(c, k)) return 1;
    if (!is_w(c, k, "in") && !is_w(c, k, "at")) return 0;
    for (uint32_t q = k + 1; q < c->te && q - k <= 4; q++) {
        if (is_w(c, q, "by")) return q > k + 1 && by_actor(c, q);
        int32_t m = ment_at(c, q);
        if (m >= 0) {
            const ne_mention_t *mm = &c->d->ment.v[m];
            if (mm->n != 1 || mm->m[0].role[0] || (mm->flags & NE_MF_PERSON)) return 0; /* a place only */
            q = mm->te - 1;
            continue;
        }
        if (tok(c, q)->kind != NE_TK_WORD || (wf(c, q) & (NE_W_PREP | NE_W_CONJ | NE_W_REL)) || !np_internal(c, q))
            return 0;
    }
    return 0;
}

/* Is there an auxiliary after token i in its clause (before punctuation,
 * a relative word or a subordinator): "An agreement signed with Baku was
 * hailed"? Then the clause has its finite verb there. */
static int aux_ahead(const ctx_t *c, uint32_t i)
{
    for (uint32_t k = i + 1; k < c->te && !is_punct(c, k, ".;:,"); k++) {
        uint32_t f = wf(c, k);
        if (f & (NE_W_REL | NE_W_SUBORD)) return 0;
        if (f & (NE_W_BE | NE_W_HAVE | NE_W_MODAL | NE_W_FUTURE)) return 1;
    }
    return 0;
}

/* "an agreement signed with Baku": a past participle right after a plain
 * noun, with no object of its own ("the mandate blocked a bridge" is a
 * finite verb), in a clause whose finite verb is elsewhere, or with a
 * "by" agent ("a convoy attacked by rebels"); "its allies demanded that
 * ..." is the clause's verb. */
/* ("a civilian airship used for weather research": a noun that an actor's
 * adjective modifies, no actor itself, is a plain noun too) */
static int plain_noun_at(const ctx_t *c, uint32_t i)
{
    int32_t m = ment_at(c, i);
    return m < 0 || (c->d->ment.v[m].flags & NE_MF_WEAK);
}

static int reduced_participle(const ctx_t *c, uint32_t i, uint8_t forms, uint32_t before)
{
    return (forms & NE_F_PPART) && !(forms & NE_F_BASE) && valid_idx(c, before) &&
           plain_noun_at(c, before) && tok(c, before)->kind == NE_TK_WORD &&
           !(wf(c, before) & (NE_W_PRON | NE_W_REL | NE_W_CONJ | NE_W_ADV)) &&
           !is_adverb(c, before) && !has_object(c, i + 1) &&
           (finite_before(c->d, c->tb, i) || aux_ahead(c, i) || by_actor(c, i + 1) ||
            agent_after_adjuncts(c, i + 1, before));
}

/* "The protesters, most of them young people mobilised on social media,
 * accuse ...": a past participle after a mention, with no object, inside
 * an aside between commas that a word other than that mention opens (no
 * relative word in it: ", who mobilised" is finite) and that a finite verb
 * follows. The aside describes the subject before it; the participle is a
 * reduced relative of its noun. Looks at a dozen tokens each way. */
static int participle_in_aside(const ctx_t *c, uint32_t i, uint32_t before)
{
    int32_t m = ment_at(c, before);
    if (m < 0) return 0;
    uint32_t open = i, close = i;
    for (uint32_t k = i; k > c->tb && i - k < 12; k--) {
        if (wf(c, k - 1) & NE_W_REL) return 0;
        if (tok(c, k - 1)->kind == NE_TK_PUNCT) {
            if (is_punct(c, k - 1, ",")) open = k - 1;
            break;
        }
    }
    for (uint32_t k = i + 1; k < c->te && k - i < 12; k++) {
        if (wf(c, k) & (NE_W_REL | NE_W_SUBORD)) return 0;
        if (tok(c, k)->kind == NE_TK_PUNCT) {
            if (is_punct(c, k, ",")) close = k;
            break;
        }
    }
    if (open == i || close == i || open == c->tb || ment_at(c, open - 1) < 0 ||
        c->d->ment.v[m].tb == open + 1 || close + 1 >= c->te)
        return 0;
    uint32_t lem;
    uint8_t nf = ment_at(c, close + 1) < 0 ? verb_reading(c, close + 1, &lem) : 0;
    return (nf & (NE_F_S | NE_F_PAST)) != 0 || (nf & NE_F_BASE && !(wf(c, close + 1) & NE_W_PREP));
}

/* A verb form with neither auxiliary nor "to": a participle, a reduced
 * relative, a noun after a preposition ("on strike"), or a finite verb. */
static void read_bare_form(const ctx_t *c, ne_vgroup_t *g, uint8_t forms, uint32_t prev,
                           uint32_t before)
{
    if ((forms & NE_F_ING) && !(forms & (NE_F_PAST | NE_F_BASE | NE_F_S)))
        read_ing_form(c, g, prev, before);
    /* a verb whose subject is its patient ("died") has no passive
     * participle: "in which two Uruguayan peacekeepers died" is a clause */
    else if (reduced_participle(c, g->head, forms, before) &&
             !(ne_lex_lemma_flags(c->lx, g->lemma) & NE_L_PATIENT))
        g->flags |= NE_VG_REDUCED | NE_VG_PASSIVE; /* a passive participle */
    else if ((forms & NE_F_PPART) && !(forms & NE_F_BASE) && valid_idx(c, before) &&
             !has_object(c, g->head + 1) && participle_in_aside(c, g->head, before))
        g->flags |= NE_VG_REDUCED | NE_VG_PASSIVE; /* "..., most of them students mobilised online," */
    else if ((forms & NE_F_PPART) && !(forms & NE_F_BASE) && valid_idx(c, before) &&
             ment_at(c, before) >= 0 && by_actor(c, g->head + 1))
        g->flags |= NE_VG_PASSIVE; /* "journalists detained by the army" */
    else if ((forms & NE_F_PPART) && !(forms & NE_F_BASE) && g->head == c->tb &&
             by_actor_after_place(c, g->head + 1))
        /* "Hosted by Emir Tamim, the Turkish president toured ...": a passive
         * participle clause that opens the sentence takes the main clause's
         * subject as its patient (frames.c fronted_participle_subject) */
        g->flags |= NE_VG_PARTICIPLE | NE_VG_PASSIVE;
    else if ((forms & NE_F_PPART) && !(forms & NE_F_BASE) && valid_idx(c, before) &&
             is_punct(c, before, ",") && by_actor_after_adjunct(c, g->head + 1))
        g->flags |= NE_VG_REDUCED | NE_VG_PASSIVE; /* "The meeting, hosted (on Friday) by X," */
    else if ((forms & (NE_F_BASE | NE_F_S)) && !(forms & NE_F_PAST) && valid_idx(c, before) &&
             (wf(c, before) & NE_W_PREP))
        g->flags |= NE_VG_NOUN; /* "on strike", "for talks" */
}

/* A bare infinitive right after another verb: "help fight", "let go". */
static int bare_infinitive(const ctx_t *c, uint8_t forms, uint32_t before)
{
    uint32_t plem = 0;
    return (forms & NE_F_BASE) && !(forms & NE_F_PAST) && valid_idx(c, before) &&
           ment_at(c, before) < 0 && verb_reading(c, before, &plem) &&
           !(wf(c, before) & (NE_W_PRON | NE_W_REL));
}

/* "Egypt helped broker the exchange": right after a verb of both lemma
 * classes act and govern-bare (help), a bare infinitive with no object
 * between is the subject's own act, as "helped to broker" is (act). Reads
 * the mood of the governing verb into g; 0 when it is not that. */
static int act_bare(const ctx_t *c, ne_vgroup_t *g, uint8_t forms, uint32_t before)
{
    uint32_t lem = 0;
    if (!(forms & NE_F_BASE) || (forms & NE_F_PAST) || !valid_idx(c, before) || ment_at(c, before) >= 0)
        return 0;
    /* "deployed troops to help fight an insurgency": a purpose, whose
     * parties are the sender's business (purpose_controller), not this */
    uint32_t to = before > c->tb ? skip_left(c, before - 1) : UINT32_MAX;
    if (valid_idx(c, to) && is_w(c, to, "to")) return 0;
    uint8_t bforms = verb_reading(c, before, &lem);
    uint32_t bf = bforms ? ne_lex_lemma_flags(c->lx, lem) : 0;
    if ((bf & (NE_L_ACT | NE_L_BARE)) != (NE_L_ACT | NE_L_BARE)) return 0;
    governed_mood(c, g, before, bforms, bf);
    return 1;
}

/* Is there a future (or a threat, or a refusal) among the verb groups read
 * before token p ("would resume", "vowed to fight", "would not resume until
 * the rebels stopped")? */
static int future_before(const ctx_t *c, uint32_t p)
{
    for (size_t k = 0; k < c->d->vg.n && c->d->vg.v[k].head < p; k++)
        if ((c->d->vg.v[k].flags & (NE_VG_FUTURE | NE_VG_THREAT | NE_VG_REFUSE)) &&
            !(c->d->vg.v[k].flags & NE_VG_NOUN))
            return 1;
    return 0;
}

/* Hypothetical: if/unless/whether earlier in the clause; or a time clause
 * (when, once, until) under a future: "would resume only when both sides
 * were ready to reach a deal", "vowed to fight until they capture the
 * capital" say what has not happened. */
static int hypothetical(const ctx_t *c, uint32_t first)
{
    for (uint32_t k = first; k > c->tb && first - k < 12; k--) {
        uint32_t p = k - 1;
        if (is_punct(c, p, ",;:")) return 0;
        if (wf(c, p) & NE_W_HYPO) return 1;
        if ((wf(c, p) & NE_W_FUTURE_TIME) && future_before(c, p)) return 1;
    }
    return 0;
}

/* "will withdraw its force from Chad unless ...": an intention on a
 * condition that the other side must meet is a threat. Is there an
 * "unless" after token i in the clause? */
static int unless_after(const ctx_t *c, uint32_t i)
{
    for (uint32_t k = i + 1; k < c->te && !is_punct(c, k, ".;:"); k++)
        if (is_w(c, k, "unless")) return 1;
    return 0;
}

/* "The EU may halt its mediation if the fighting goes on": a possible act
 * (may, might, could) with a condition after it in the clause, or at the
 * head of the sentence. Whether it
 * is a threat depends on the act (frames.c, conditional_threat). */
static int conditional(const ctx_t *c, const ne_vgroup_t *g)
{
    if ((g->flags & (NE_VG_MODAL | NE_VG_DEONTIC | NE_VG_NEGATED)) != NE_VG_MODAL) return 0;
    int possible = 0;
    for (uint32_t k = g->first; k < g->head && !possible; k++)
        possible = (wf(c, k) & NE_W_POSSIBLE) != 0;
    if (!possible) return 0;
    /* "If the talks fail, the EU may halt ...": the condition opens the sentence */
    if (wf(c, c->tb) & NE_W_CONDITION) return 1;
    for (uint32_t k = g->head + 1; k < c->te && !is_punct(c, k, ".;:"); k++)
        if (wf(c, k) & NE_W_CONDITION) return 1;
    return 0;
}

/* "Washington was deeply concerned by the detention", "Paris is alarmed at the
 * verdict": the participle of a feeling (grammar class `feeling`, a word, not
 * a lemma: "concerned" is a feeling, "concerns" a topic) says what its subject
 * feels about what follows any preposition, "by" included, which names the
 * cause of the feeling, not an agent. */
static int feeling_participle(const ctx_t *c, const ne_vgroup_t *g)
{
    return (wf(c, g->head) & NE_W_FEELING) != 0;
}

/* "Israel is opposed to the plan", "forces were engaged in fighting": the
 * participle of a stative verb (lemma class `stative`) before a preposition
 * other than "by" is an adjective of state, and the clause says what an
 * active one would: the subject opposes, engages. */
static int adjectival_passive(const ctx_t *c, const ne_vgroup_t *g)
{
    if (!(g->flags & NE_VG_PASSIVE)) return 0;
    uint32_t n = g->head + 1;
    if (n >= c->te || !(wf(c, n) & NE_W_PREP)) return 0;
    if (feeling_participle(c, g)) return 1;
    return (ne_lex_lemma_flags(c->lx, g->lemma) & NE_L_STATIVE) && !is_w(c, n, "by");
}

#define MAX_JOURNEY_MODIFIERS 5 /* tokens: "a | three - day state | visit" */

/* "Modi is on a two-day visit to Bhutan", "was on an official tour of the
 * region": a noun of a journey (class JOURNEY) after "be on" and an article
 * or a possessive is the clause's predicate, the subject's visit in the
 * tense of "be", no noun-only event ("during a visit to X" stays one). The
 * group opens at be's auxiliaries; 1 when it does, else 0. */
static int journey_predicate(const ctx_t *c, ne_vgroup_t *g, uint32_t i)
{
    if (!in_gclass(c, NE_GC_JOURNEY, tok(c, i)->word)) return 0;
    uint32_t q = i; /* back over the modifiers to the article */
    while (q > c->tb && i - q < MAX_JOURNEY_MODIFIERS && !(wf(c, q - 1) & (NE_W_DET | NE_W_POSS)) &&
           (is_punct(c, q - 1, "-") || tok(c, q - 1)->kind == NE_TK_NUM ||
            (tok(c, q - 1)->kind == NE_TK_WORD && !(wf(c, q - 1) & (NE_W_PREP | NE_W_BE | NE_W_CONJ)))))
        q--;
    if (q < c->tb + 3 || !(wf(c, q - 1) & (NE_W_DET | NE_W_POSS)) || !is_w(c, q - 2, "on")) return 0;
    return opens_at_be(c, g, skip_left(c, q - 3));
}

/* The verb group headed by token i: its auxiliaries, voice and mood, and
 * what kind of verb form it is. */
static void read_group(const ctx_t *c, ne_vgroup_t *g, uint32_t i, uint32_t lemma, uint8_t forms)
{
    memset(g, 0, sizeof(*g));
    g->head = i;
    g->lemma = lemma;
    g->date = -1;
    g->gov = -1;
    g->family = -1;
    if (ne_lex_lemma_flags(c->lx, lemma) & NE_L_SAY) g->flags |= NE_VG_SAY;
    /* what precedes the verb, past adverbs and dates ("on March 3 sentenced") */
    uint32_t prev = i > c->tb ? skip_left(c, i - 1) : UINT32_MAX;
    if (noun_position(c, prev, forms)) g->flags |= NE_VG_NOUN;
    int has_be = 0, has_aux = 0;
    g->first = aux_chain(c, i, forms, &g->flags, &has_be, &has_aux);
    uint32_t before = g->first > c->tb ? skip_left(c, g->first - 1) : UINT32_MAX;
    if (!(g->flags & NE_VG_NOUN) && (forms & NE_F_ING) && aspect_to(c, before))
        read_ing_form(c, g, prev, before);
    else if (!(g->flags & NE_VG_NOUN) && valid_idx(c, before) && is_w(c, before, "to"))
        read_infinitive(c, g, before);
    else if (!(g->flags & NE_VG_NOUN) && !has_aux)
        read_bare_form(c, g, forms, prev, before);
    if (!(g->flags & (NE_VG_NOUN | NE_VG_INFINITIVE | NE_VG_PERMIT_PURPOSE)) && !has_aux &&
        !act_bare(c, g, forms, before) && bare_infinitive(c, forms, before))
        g->flags |= NE_VG_INFINITIVE;
    /* "let the envoy meet", "made them pay": an object, then a bare infinitive */
    if (!(g->flags & (NE_VG_NOUN | NE_VG_INFINITIVE | NE_VG_CAUSED | NE_VG_PERMIT_PURPOSE)) && !has_aux &&
        (forms & NE_F_BASE) &&
        (g->gov = object_controller(c, before, NE_L_BARE)) >= 0)
        g->flags |= NE_VG_INFINITIVE | NE_VG_CONTROLLED;
    if (adjectival_passive(c, g)) g->flags = (g->flags & ~(uint32_t)NE_VG_PASSIVE) | NE_VG_STATIVE;
    /* "At least 30 people died in Russian air strikes": the subject of a
     * verb of lemma class patient-subject is acted on, as in a passive
     * ("were killed in"), and its agent is found the same way */
    if (!(g->flags & (NE_VG_NOUN | NE_VG_INFINITIVE)) && (ne_lex_lemma_flags(c->lx, g->lemma) & NE_L_PATIENT))
        g->flags |= NE_VG_PASSIVE;
    if (journey_predicate(c, g, i)) g->flags &= ~(uint32_t)(NE_VG_NOUN | NE_VG_INFINITIVE | NE_VG_PARTICIPLE);
    int hypo = hypothetical(c, g->first);
    if (!hypo && conditional(c, g)) g->flags |= NE_VG_CONDITIONAL;
    if (hypo) g->flags |= NE_VG_MODAL;
    if ((g->flags & NE_VG_FUTURE) && !(g->flags & NE_VG_MODAL) && unless_after(c, i))
        g->flags = (g->flags & ~NE_VG_FUTURE) | NE_VG_THREAT;
}

/* "was welcomed by Chile but criticised by Washington": from token k
 * after a passive verb, its agent phrase ("by" and a mention, then a time
 * expression or adverbs); the token after it, else 0. */
static uint32_t by_agent_end(const ctx_t *c, uint32_t k)
{
    if (!valid_idx(c, k) || !is_w(c, k, "by") || !valid_idx(c, k + 1)) return 0;
    int32_t m = ment_at(c, k + 1);
    if (m < 0 || c->d->ment.v[m].tb != k + 1) return 0;
    uint32_t q = c->d->ment.v[m].te;
    for (int n = 0; n < 6 && valid_idx(c, q) && (is_adverb(c, q) || in_timex(c, q, NULL)); n++) q++;
    return q;
}

/* "was pardoned and released", "were detained and later freed by pirates",
 * "was welcomed by Chile but criticised by Washington": a bare participle
 * coordinated with the head of a passive group (past its agent phrase)
 * shares its auxiliary, so it is passive too (with its negation and mood). */
static void shared_passive(const ctx_t *c, ne_vgroup_t *g, const ne_vgroup_t *prev, uint8_t forms)
{
    if (!(prev->flags & NE_VG_PASSIVE) || (prev->flags & (NE_VG_NOUN | NE_VG_REDUCED)) ||
        !(forms & NE_F_PPART) || g->first != g->head ||
        (g->flags & (NE_VG_PASSIVE | NE_VG_NOUN | NE_VG_INFINITIVE)))
        return;
    /* "said it was concerned and called on Beijing to": a feeling after
     * "be" is an adjective, and the verb after "and" a past of its own */
    if (feeling_participle(c, prev)) return;
    uint32_t k = g->head;
    while (k > c->tb && is_adverb(c, k - 1)) k--;
    if (k <= c->tb || !(is_w(c, k - 1, "and") || is_w(c, k - 1, "or") || is_w(c, k - 1, "but"))) return;
    k--;
    if (k > c->tb && is_punct(c, k - 1, ",")) k--;
    if (k != prev->head + 1 && by_agent_end(c, prev->head + 1) != k) return;
    g->flags |= NE_VG_PASSIVE | (prev->flags & (NE_VG_NEGATED | NE_VG_MODAL | NE_VG_FUTURE | NE_VG_DEONTIC));
}

/* "Will Iran retaliate?", "Could the talks resume next week?": a sentence
 * that ends in a question mark (past closing quotes) asks and asserts
 * nothing, whatever its verbs. */
static int direct_question(const ctx_t *c)
{
    uint32_t k = c->te;
    while (k > c->tb && is_quote(c, k - 1)) k--;
    return k > c->tb && is_punct(c, k - 1, "?");
}

int ne_actions_sentence(const ne_lexicon_t *lx, ne_doc_t *d, uint32_t tb, uint32_t te)
{
    ctx_t c = {lx, d, tb, te};
    d->vg.n = 0;
    if (wset_fill(lx, d, tb, te) < 0) return -1;
    int question = direct_question(&c);
    for (uint32_t i = tb; i < te; i++) {
        uint32_t lemma = 0;
        uint8_t forms = verb_candidate(&c, i, &lemma);
        if (!forms) continue;
        ne_vgroup_t g;
        read_group(&c, &g, i, lemma, forms);
        if (d->vg.n) shared_passive(&c, &g, &d->vg.v[d->vg.n - 1], forms);
        if (question) g.flags |= NE_VG_MODAL;
        if (NE_VEC_RESERVE(d->vg) < 0) return -1;
        d->vg.v[d->vg.n++] = g;
    }
    return 0;
}

/* ---- patterns ------------------------------------------------------------- */

/*
 * A pattern is matched element by element from the token after the verb
 * (match_from). Each kind of element has its own function: a word
 * (match_word), a gap (match_gap), a number of ten or more (match_many),
 * a noun phrase of a class (match_class) and the counterpart slot
 * (match_target: a mention, or an event noun phrase). ne_actions_match
 * tries a verb's patterns by precedence (match_at), then the event noun
 * that a support verb's object names (match_support); words_present rules
 * most patterns out with one look-up each. Word classes (quantities,
 * number words, members, borders) are data: dict/classes.tsv.
 */

/* Move past transparent units (adverbs, time expressions, quote marks). */
/* "condemned what he called Israeli aggression": a free relative of a
 * naming verb (lemma class `naming`: call, brand, label) before an object
 * names that object; the position after it ("Israeli aggression"), else i.
 * Its subject is a pronoun or a mention. */
static uint32_t skip_naming_relative(const ctx_t *c, uint32_t i)
{
    if (i + 3 >= c->te || !is_w(c, i, "what")) return i;
    uint32_t j = i + 1;
    int32_t m = ment_at(c, j);
    if (m >= 0) j = c->d->ment.v[m].te;
    else if (wf(c, j) & NE_W_PRON) j++;
    else return i;
    uint32_t lem = 0;
    if (j + 1 >= c->te || ment_at(c, j) >= 0 || !verb_reading(c, j, &lem) ||
        !(ne_lex_lemma_flags(c->lx, lem) & NE_L_NAMING))
        return i;
    /* "what it described as", "what it branded as" */
    return j + 2 < c->te && is_w(c, j + 1, "as") ? j + 2 : j + 1;
}

static uint32_t skip_transparent(const ctx_t *c, uint32_t i)
{
    for (;;) {
        uint32_t e;
        if (i >= c->te) return i;
        if (in_timex(c, i, &e)) { i = e; continue; }
        if (is_adverb(c, i) || is_quote(c, i)) { i++; continue; }
        if ((e = skip_naming_relative(c, i)) != i) { i = e; continue; }
        return i;
    }
}

/* Is token i the head of a verb coordinated with an earlier one ("beat and
 * detained")? A gap does not run into another verb's clause. */
/* "all flights coming from or going to Mali": an -ing participle with no
 * auxiliary right after "and"/"or" and a preposition before them joins two
 * modifiers of one noun that share their object (the first preposition is
 * stranded), no clause. Is token i such a participle? */
static int shared_object_participle(const ctx_t *c, uint32_t i, const ne_vgroup_t *g)
{
    uint32_t lem;
    return i >= c->tb + 2 && (wf(c, i - 2) & NE_W_PREP) && g->first == g->head &&
           (verb_reading(c, i, &lem) & NE_F_ING);
}

static int coordinated_verb(const ctx_t *c, uint32_t i)
{
    /* "met behind closed doors and later signed": an adverb or two may
     * stand between the conjunction and the verb (at i, the adverb or the
     * verb) */
    uint32_t a = i;
    for (int k = 0; k < 2 && a > c->tb + 1 && is_adverb(c, a - 1); k++) a--;
    if (a < c->tb + 1 || !(is_w(c, a - 1, "and") || is_w(c, a - 1, "or"))) return 0;
    for (int k = 0; k < 2 && i + 1 < c->te && is_adverb(c, i); k++) i++;
    for (size_t k = 0; k < c->d->vg.n; k++)
        if (c->d->vg.v[k].head == i)
            return !(c->d->vg.v[k].flags & NE_VG_NOUN) && !shared_object_participle(c, i, &c->d->vg.v[k]);
    return 0;
}

/* Does a clause of its own start at token i: a finite verb group that
 * surely is one, with an auxiliary or right after a comma ("who was
 * attending the meeting, cancelled talks with ...")? Bare verb forms in a
 * noun phrase ("a currency swap agreement") may be nouns. */
static int clause_verb_at(const ctx_t *c, uint32_t i)
{
    /* a group opens with an auxiliary, a negation or a verb form */
    if (!(wf(c, i) & (NE_W_BE | NE_W_HAVE | NE_W_DO | NE_W_MODAL | NE_W_FUTURE | NE_W_NEG)) &&
        ne_lex_vforms(c->lx, tok(c, i)->word) == NE_LEX_NONE)
        return 0;
    for (size_t k = 0; k < c->d->vg.n; k++) {
        const ne_vgroup_t *g = &c->d->vg.v[k];
        if (g->first != i) continue;
        if (g->flags & (NE_VG_NOUN | NE_VG_REDUCED | NE_VG_INFINITIVE)) return 0;
        return g->first != g->head || is_punct(c, i - 1, ",");
    }
    return 0;
}

/* Is token i a passive participle with no auxiliary ("issued" in "a
 * statement issued by")? */
static int passive_participle_at(const ctx_t *c, uint32_t i)
{
    for (size_t k = 0; k < c->d->vg.n; k++) {
        const ne_vgroup_t *g = &c->d->vg.v[k];
        if (g->head == i) return (g->flags & NE_VG_PASSIVE) && g->first == g->head;
    }
    return 0;
}

/* Is token i a verb form that is only a base form ("fire", not "fired" or
 * "fires")? */
static int base_form_only(const ctx_t *c, uint32_t i)
{
    uint8_t forms = 0;
    for (uint32_t r = ne_lex_vforms(c->lx, tok(c, i)->word); r != NE_LEX_NONE; r = ne_lex_vform(c->lx, r)->next)
        forms |= ne_lex_vform(c->lx, r)->forms;
    return forms == NE_F_BASE;
}

/* Are the tokens [a, b) bare singular nouns, with no determiner, name or
 * mention ("rocket" in ", and rocket fire")? Such a subject would need
 * a verb in -s: before a base form they are a compound noun's modifiers. */
static int bare_singular_nouns(const ctx_t *c, uint32_t a, uint32_t b)
{
    if (a >= b) return 0;
    for (uint32_t q = a; q < b; q++) {
        const ne_token_t *t = tok(c, q);
        if (t->kind != NE_TK_WORD || (t->flags & NE_TF_CAP) || wf(c, q) || ment_at(c, q) >= 0 ||
            ne_lex_singular(c->lx, t->word) >= 0)
            return 0;
    }
    return 1;
}

/* Does a finite verb group start within a few tokens from i, before any
 * punctuation ("and both stations returned")? Not a base form after bare
 * singular nouns: "artillery, mortar, and rocket fire against" is a list
 * of nouns, whose last is "rocket fire". */
static int finite_clause_near(const ctx_t *c, uint32_t i)
{
    for (uint32_t q = i; q < c->te && q < i + 5 && tok(c, q)->kind != NE_TK_PUNCT; q++)
        for (size_t k = 0; k < c->d->vg.n; k++) {
            const ne_vgroup_t *g = &c->d->vg.v[k];
            if (g->first == q)
                return !(g->flags & (NE_VG_NOUN | NE_VG_REDUCED | NE_VG_INFINITIVE | NE_VG_PARTICIPLE)) &&
                       !(g->first == g->head && base_form_only(c, g->head) && bare_singular_nouns(c, i, q));
        }
    return 0;
}

/* Does a gap end at token i? At the end of a clause: a stop, a
 * subordinating word, a coordinated verb or a verb that opens a clause. */
/* Is token i the "by" of a reduced passive participle right before it? */
static int participle_agent(const ctx_t *c, uint32_t i)
{
    return is_w(c, i, "by") && i > c->tb && passive_participle_at(c, i - 1);
}

/* "took off from a ship violated Japanese airspace near the islands": is
 * token i a bare verb in the past (no base form, so no noun or imperative
 * reading) right after a noun, read as finite (no reduced participle), with
 * an object of its own, a few words after a relative pronoun? Then the
 * verb of the clause whose subject the relative clause described: a gap
 * that began inside the relative ends before it. */
static int finite_past_after_noun(const ctx_t *c, uint32_t i)
{
    if (i <= c->tb || tok(c, i - 1)->kind != NE_TK_WORD ||
        (wf(c, i - 1) & (NE_W_DET | NE_W_POSS | NE_W_NUM | NE_W_PREP | NE_W_CONJ | NE_W_REL)))
        return 0;
    for (size_t k = 0; k < c->d->vg.n; k++) {
        const ne_vgroup_t *g = &c->d->vg.v[k];
        if (g->first != i) continue;
        if (g->head != i || (g->flags & (NE_VG_NOUN | NE_VG_REDUCED | NE_VG_INFINITIVE | NE_VG_PARTICIPLE |
                                         NE_VG_PASSIVE)))
            return 0;
        uint8_t forms = 0;
        for (uint32_t r = ne_lex_vforms(c->lx, tok(c, i)->word); r != NE_LEX_NONE; r = ne_lex_vform(c->lx, r)->next)
            forms |= ne_lex_vform(c->lx, r)->forms;
        if (!(forms & NE_F_PAST) || (forms & NE_F_BASE) || !has_object(c, i + 1)) return 0;
        /* (only past a relative clause: a "that", "which" or "who" a few
         * words back, within the clause; not a free relative "what the
         * military called raids") */
        for (uint32_t q = i - 1; q > c->tb && i - q <= 12; q--) {
            if (tok(c, q)->kind == NE_TK_PUNCT || is_w(c, q, "what")) return 0;
            if (is_w(c, q, "that") || is_w(c, q, "which") || is_w(c, q, "who")) return 1;
        }
        return 0;
    }
    return 0;
}

static int gap_stop(const ctx_t *c, uint32_t i)
{
    if (is_punct(c, i, ".;:()!?")) return 1;
    if (coordinated_verb(c, i) || clause_verb_at(c, i) || finite_past_after_noun(c, i)) return 1;
    if (is_w(c, i, "which") || is_w(c, i, "who") || is_w(c, i, "but") || (wf(c, i) & NE_W_SUBORD))
        return 1;
    /* "in a statement issued by her party": the agent of a reduced
     * participle belongs to the participle, not to the verb before */
    if (participle_agent(c, i)) return 1;
    /* "suspended it, and both stations returned": a clause joined by ", and" */
    if (is_punct(c, i, ",") && i + 1 < c->te && (is_w(c, i + 1, "and") || is_w(c, i + 1, "but")) &&
        finite_clause_near(c, i + 2))
        return 1;
    /* "With Egypt and Qatar mediating, Israel and Hamas agreed to a truce":
     * a comma, then a subject and its finite verb, open another clause */
    if (is_punct(c, i, ",") && i + 1 < c->te && ment_at(c, i + 1) >= 0 &&
        !(c->d->ment.v[ment_at(c, i + 1)].flags & (NE_MF_REL | NE_MF_PRON)) &&
        c->d->ment.v[ment_at(c, i + 1)].tb == i + 1 && finite_clause_near(c, c->d->ment.v[ment_at(c, i + 1)].te) &&
        c->d->ment.v[ment_at(c, i + 1)].te < c->te &&
        tok(c, c->d->ment.v[ment_at(c, i + 1)].te)->kind != NE_TK_PUNCT)
        return 1;
    /* ", after protesters ...": a clause of time after a comma */
    if (is_punct(c, i, ",") && i + 1 < c->te &&
        ne_lex_in_class(c->lx, ne_lex_gclass(c->lx, NE_GC_CLAUSE_TIME), tok(c, i + 1)->word))
        return 1;
    /* "left for exile in Spain after a Venezuelan court issued a warrant":
     * with no comma, a word of time that opens a clause (a finite verb a
     * few words on) ends the gap too; "after talks" does not */
    if (tok(c, i)->kind == NE_TK_WORD && ne_lex_in_class(c->lx, ne_lex_gclass(c->lx, NE_GC_CLAUSE_TIME), tok(c, i)->word) &&
        finite_clause_near(c, i + 1))
        return 1;
    return 0;
}

#define MAX_GAP 10
#define MAX_PREMOD 6 /* words of a noun phrase before its head */
#define MAX_ADJUNCT 3 /* words of an adjunct's noun phrase inside a frame */
#define MAX_EPITHET 10 /* tokens of a description before a person's name */

/* One match attempt: the pattern, and what its '+' found so far. */
typedef struct mstate_s {
    const ne_pattern_t *p;
    int32_t target;
    int32_t evnoun; /* an event noun in the '+' slot: its agent is the counterpart */
    uint32_t end;
    uint32_t spec; /* words matched by literal words and class members: "drone
                    * attack" (2) is an air strike before "attack" (1) is an attack */
    uint32_t jfrom, jto; /* object-first: at token jfrom go on at jto (jto 0: never) */
    int inside;          /* a word before jfrom was matched */
    int open;            /* a final "preposition +" may be missing */
} mstate_t;

/* The position a match goes on from: past the jump of an object-first
 * match ("the restrictions | that it had imposed | on Seoul"). */
static inline uint32_t jumped(const mstate_t *ms, uint32_t pos)
{
    return ms->jto && pos == ms->jfrom ? ms->jto : pos;
}

/* Note a word matched in the object phrase of an object-first match. */
static inline void mark_inside(mstate_t *ms, uint32_t pos)
{
    if (ms->jto && pos < ms->jfrom) ms->inside = 1;
}

static int match_from(const ctx_t *c, mstate_t *ms, uint16_t ei, uint32_t pos);

/* '*': the rest of the pattern a few words on, token by token, so that the
 * words after a gap may lie inside a mention ("expelled * ambassador of +"
 * over "the ambassador of Belarus"). */
/* Is token i the "to" of an infinitive ("to protest")? */
static int infinitive_to(const ctx_t *c, uint32_t i)
{
    if (!is_w(c, i, "to")) return 0;
    for (size_t k = 0; k < c->d->vg.n; k++) {
        const ne_vgroup_t *g = &c->d->vg.v[k];
        if ((g->flags & NE_VG_INFINITIVE) && (g->first == i || g->first == i + 1 || g->head == i + 1))
            return 1;
    }
    return 0;
}

static int match_gap(const ctx_t *c, mstate_t *ms, uint16_t ei, uint32_t pos)
{
    uint32_t q = jumped(ms, pos);
    int crossed = 0; /* the gap passed a word that is not transparent */
    for (int k = 0; k <= MAX_GAP; k++) {
        /* "denounced the verdict in a statement issued | by her party": the
         * gap does not go on into the agent of a participle of its own */
        if (k > 0 && participle_agent(c, q)) return 0;
        if (match_from(c, ms, (uint16_t)(ei + 1), q)) return 1;
        q = jumped(ms, skip_transparent(c, q));
        if (q >= c->te || gap_stop(c, q)) return 0;
        /* "blocked roads across France to protest against a trade deal":
         * past an object, "to" and a verb open a purpose clause of its own
         * ("offered to send aid" still crosses it: nothing came before) */
        if (crossed && infinitive_to(c, q)) return 0;
        crossed = 1;
        q = jumped(ms, q + 1);
    }
    return 0;
}

/* Is token i a number of ten or more: "223", "1,000", or a number word
 * of the class MANY ("dozens", "fifty")? */
static int many_at(const ctx_t *c, uint32_t i)
{
    const ne_token_t *t = tok(c, i);
    const char *f = ne_tok_fold(c->d, t);
    if (t->kind == NE_TK_NUM) {
        long v = 0;
        for (uint16_t k = 0; k < t->fold_len && (isdigit((unsigned char)f[k]) || f[k] == ','); k++)
            if (f[k] != ',') v = v * 10 + (f[k] - '0');
        return v >= 10;
    }
    return ne_lex_in_class(c->lx, ne_lex_gclass(c->lx, NE_GC_MANY), t->word);
}

/* The end of the longest member of class cls that starts at token i, or 0. */
static uint32_t class_phrase_end(const ctx_t *c, uint32_t cls, uint32_t i)
{
    if (cls == NE_LEX_NONE || i >= c->te) return 0;
    const int32_t *cw = ne_lex_cwords(c->lx);
    uint32_t best = 0;
    for (uint32_t k = ne_lex_cphrases(c->lx, tok(c, i)->word); k != NE_LEX_NONE;
         k = ne_lex_cphrase(c->lx, k)->next) {
        const ne_cphrase_t *cp = ne_lex_cphrase(c->lx, k);
        if (cp->cls != cls || i + cp->nwords > c->te || i + cp->nwords <= best) continue;
        uint8_t n = 1;
        while (n < cp->nwords && tok(c, i + n)->word == cw[cp->words + n]) n++;
        if (n == cp->nwords) best = i + n;
    }
    return best;
}

/* Past a quantity phrase ("at least", "more than", "up to": the class
 * QUANTITY) at i; i when there is none. */
static uint32_t skip_quantity(const ctx_t *c, uint32_t i)
{
    uint32_t e = class_phrase_end(c, ne_lex_gclass(c->lx, NE_GC_QUANTITY), i);
    return e ? e : i;
}

/* '#': a number of ten or more, after a quantity phrase ("at least 32",
 * "up to 5,000") and before "of" ("dozens of"); possibly the first token
 * of a mention ("223 villagers"). */
static int match_many(const ctx_t *c, mstate_t *ms, uint16_t ei, uint32_t pos)
{
    uint32_t q = skip_quantity(c, pos);
    /* "a dozen", "two dozen", "over a hundred", "a few hundred": an article
     * or a number word before a number word of ten or more */
    for (uint32_t r = q; r < c->te && r - q < 2 && (wf(c, r) & (NE_W_DET | NE_W_NUM)) &&
                         tok(c, r)->kind == NE_TK_WORD;
         r++)
        if (r + 1 < c->te && tok(c, r + 1)->kind == NE_TK_WORD && many_at(c, r + 1)) {
            q = r + 1;
            break;
        }
    if (q >= c->te || !many_at(c, q)) return 0;
    q++;
    if (tok(c, q - 1)->kind == NE_TK_WORD && is_w(c, q, "of")) q++;
    return match_from(c, ms, (uint16_t)(ei + 1), q);
}

/* A plain lower-case word that may modify the counterpart's head: "to
 * ousted Syrian President ...", "arrested jailed ...". */
static int plain_modifier(const ctx_t *c, uint32_t i)
{
    const ne_token_t *t = tok(c, i);
    return t->kind == NE_TK_WORD && !(t->flags & NE_TF_CAP) &&
           !(wf(c, i) & (NE_W_PREP | NE_W_CONJ | NE_W_DET | NE_W_POSS | NE_W_PRON | NE_W_REL |
                         NE_W_BE | NE_W_HAVE | NE_W_DO | NE_W_FUTURE | NE_W_MODAL | NE_W_NEG));
}

/* Is token i a verb group that is not a noun (a finite verb, a participle)? */
static int verb_at(const ctx_t *c, uint32_t i)
{
    for (size_t k = 0; k < c->d->vg.n; k++)
        if (c->d->vg.v[k].head == i) return !(c->d->vg.v[k].flags & NE_VG_NOUN);
    return 0;
}

/* A lower-case noun of no grammar class, outside mentions ("positions"). */
static int plain_noun(const ctx_t *c, uint32_t i)
{
    return i < c->te && ment_at(c, i) < 0 && plain_modifier(c, i) && !verb_at(c, i);
}

/* Is word w (or the singular it is the plural of) in grammar class gc? */
static int in_gclass(const ctx_t *c, int gc, int32_t w)
{
    int32_t sg = ne_lex_singular(c->lx, w);
    return ne_lex_in_class(c->lx, ne_lex_gclass(c->lx, gc), sg >= 0 ? sg : w);
}

/* "flood-hit areas of Myanmar", "the people of Gaza", "its border with
 * Guyana", "targets across Gaza": a short noun phrase of a place or state
 * stands for it. Returns the mention after "of" (after "with" for a noun
 * of the class BORDER, after a preposition of place for one of the class
 * TARGETS), or -1. */
static int32_t of_phrase(const ctx_t *c, uint32_t pos, uint32_t *at)
{
    uint32_t q = pos;
    while (q < c->te && q - pos < 5 && ment_at(c, q) < 0 && !is_w(c, q, "of") &&
           (tok(c, q)->kind == NE_TK_WORD || is_punct(c, q, "-")) &&
           /* "the vessel because of Britain's strikes": a subordinator
            * ends the phrase */
           !(wf(c, q) & (NE_W_PREP | NE_W_CONJ | NE_W_REL | NE_W_BE | NE_W_PRON | NE_W_SUBORD)))
        q++;
    int32_t head = q > pos ? tok(c, q - 1)->word : -1;
    int prep = is_w(c, q, "of") || (is_w(c, q, "with") && in_gclass(c, NE_GC_BORDER, head)) ||
               (in_gclass(c, NE_GC_LOCATIVE, tok(c, q)->word) && in_gclass(c, NE_GC_TARGETS, head)) ||
               /* "fuel depots held by the RSF": a participle of holding and
                * its agent name the thing's holder */
               (is_w(c, q, "by") && in_gclass(c, NE_GC_HOLDING, head));
    /* "the killing of X" names an event, whose agent is not X: the event
     * slot takes it */
    uint32_t noun = q > pos ? ne_lex_noun(c->lx, tok(c, q - 1)->word) : NE_LEX_NONE;
    if (noun != NE_LEX_NONE && ne_lex_noun_roots(c->lx, noun)) return -1;
    if (q == pos || !prep) return -1;
    /* "across eastern Ukraine": a plain modifier may come first */
    uint32_t r = q + 1;
    for (int k = 0; k < 2 && r + 1 < c->te && ment_at(c, r) < 0 && plain_modifier(c, r); k++) r++;
    if (ment_at(c, r) >= 0 && c->d->ment.v[ment_at(c, r)].tb == r) {
        *at = r;
        return ment_at(c, r);
    }
    return -1;
}

/* Past the words that may open the counterpart's noun phrase before its
 * mention: "whether" ("into whether"), a quantity ("up to 16 Russian
 * advisers"), a part ("two of", "dozens of", "members of": class MEMBERS).
 * Returns the position after them. */
static uint32_t slot_part(const ctx_t *c, uint32_t pos)
{
    if (is_w(c, pos, "whether")) pos++;
    if (ment_at(c, pos) < 0) pos = skip_quantity(c, pos);
    if (ment_at(c, pos) < 0 && is_w(c, pos + 1, "of") &&
        (tok(c, pos)->kind == NE_TK_NUM || (wf(c, pos) & (NE_W_NUM | NE_W_DET)) || many_at(c, pos) ||
         in_gclass(c, NE_GC_MEMBERS, tok(c, pos)->word)))
        pos += 2;
    return pos;
}

/* Past a determiner before a modifier ("the ruling ZANU-PF") and up to two
 * plain modifiers ("to ousted Syrian President ...", "arrested jailed ...",
 * "to war-torn Mozambique"). */
static uint32_t slot_modifiers(const ctx_t *c, uint32_t pos)
{
    if (ment_at(c, pos) < 0 && (wf(c, pos) & (NE_W_DET | NE_W_POSS)) && !(wf(c, pos) & NE_W_PREP) &&
        pos + 1 < c->te && ment_at(c, pos + 1) < 0 && plain_modifier(c, pos + 1))
        pos++;
    for (int k = 0; k < 2 && ment_at(c, pos) < 0 && pos + 1 < c->te && plain_modifier(c, pos); k++) {
        pos++;
        /* "war-torn Mozambique": a hyphenated compound right before the
         * mention is one modifier */
        if (pos + 2 < c->te && is_punct(c, pos, "-") && ment_at(c, pos + 2) >= 0 &&
            !((tok(c, pos)->flags | tok(c, pos + 1)->flags) & NE_TF_SPACE) && plain_modifier(c, pos + 1))
            pos += 2;
    }
    return pos;
}

static int np_internal(const ctx_t *c, uint32_t i);

/* "WikiLeaks founder Julian Assange", "Nobel Peace Prize laureate X", "a
 * 41-year-old man, Y": a description ending in a noun of the class
 * EPITHETS, right before a person's name (or before ", NAME"), belongs to
 * the name's noun phrase; so does one ending in a TERRITORY noun before a
 * place's ("shelled the southern regional capital Juba"). The mention, with
 * *at its first token; -1. */
static int32_t described_name(const ctx_t *c, uint32_t p, uint32_t *at)
{
    if (ment_at(c, p) >= 0) return -1;
    uint32_t end = p + 1 + MAX_EPITHET < c->te ? p + 1 + MAX_EPITHET : c->te;
    /* the first mention that is a person or place named after a
     * description; a named organisation inside it is passed ("a Wall
     * Street Journal reporter, X") */
    for (uint32_t r = p + 1; r < end; r++) {
        int32_t m = ment_at(c, r);
        if (m < 0) continue;
        const ne_mention_t *mm = &c->d->ment.v[m];
        if (mm->tb != r) return -1;
        int person = (mm->flags & NE_MF_PERSON) != 0;
        uint32_t e = r > p + 1 && is_punct(c, r - 1, ",") ? r - 2 : r - 1;
        if (in_gclass(c, person ? NE_GC_EPITHETS : NE_GC_TERRITORY, tok(c, e)->word)) {
            /* the description itself is a noun phrase's inside */
            for (uint32_t q = p; q <= e; q++)
                if (ment_at(c, q) < 0 && !np_internal(c, q)) return -1;
            *at = r;
            return m;
        }
        if (person) return -1;
        r = mm->te - 1;
    }
    return -1;
}

/* The mention that fills a counterpart slot starting at pos, with *at its
 * first token; -1 when none. A phrase that opens with a determiner may
 * name a place or state with "of" ("the people of Gaza"). */
static int32_t slot_mention(const ctx_t *c, uint32_t pos, uint32_t *at)
{
    uint32_t p = slot_part(c, pos), q = slot_modifiers(c, p);
    int32_t m = ment_at(c, q);
    if (m < 0 && (m = described_name(c, p, at)) >= 0) return m;
    if (m < 0) {
        /* "the people of Gaza", "positions across eastern Ukraine": from the
         * determiner or the TARGETS noun, else after the modifiers */
        int whole = (wf(c, p) & (NE_W_DET | NE_W_POSS)) || in_gclass(c, NE_GC_TARGETS, tok(c, p)->word);
        return of_phrase(c, whole ? p : q, at);
    }
    /* a target inside a mention, right after its own preposition: "the
     * ambassador of | Belarus" stands for the whole mention */
    if (c->d->ment.v[m].tb != q &&
        !(q > 0 && ment_at(c, q - 1) == m && (wf(c, q - 1) & NE_W_PREP)))
        return -1;
    *at = q;
    return m;
}

/* Can mention m be the counterpart of slot e? An "it" that names no actor
 * may stand for an event ("condemned it": frames.c asks the memory). */
static int target_fits(const ctx_t *c, const ne_pelem_t *e, const ne_mention_t *mm, int clause_subject)
{
    /* "receive the medical treatment she needs": a subject form opens a
     * clause of its own, it is never the verb's object; but a pattern whose
     * slot is followed by its clause's auxiliary ("say + had spied on")
     * asks for that clause's subject: "saying they had spied on" */
    if ((mm->flags & NE_MF_REL) || ((wf(c, mm->tb) & NE_W_NOMINATIVE) && !clause_subject)) return 0;
    if (e->person && !ne_mention_persons(mm)) return 0;
    return mm->n || (mm->flags & NE_MF_RECIP) || ((mm->flags & NE_MF_PRON) && is_w(c, mm->tb, "it"));
}

/* The head of a noun phrase at pos that names an event (event-nouns.tsv):
 * "the raid", "the Russian missile attack", "the counter-sanctions"; -1. */
static int32_t event_np_head(const ctx_t *c, uint32_t pos)
{
    pos = skip_quantity(c, pos); /* "arrested about 20 suspects" */
    /* "arrested dozens of suspects": a count before "of", as a slot's part */
    if (pos + 1 < c->te && is_w(c, pos + 1, "of") && ment_at(c, pos) < 0 &&
        (tok(c, pos)->kind == NE_TK_NUM || (wf(c, pos) & NE_W_NUM) || many_at(c, pos)))
        pos += 2;
    int words = 0;
    for (int k = 0; k <= MAX_PREMOD && pos < c->te; k++, pos++) {
        uint32_t noun = ne_lex_noun(c->lx, tok(c, pos)->word);
        /* the last noun of a compound heads it: "the missile attack" */
        if (noun != NE_LEX_NONE && ne_lex_noun_roots(c->lx, noun) && ment_at(c, pos) < 0 &&
            ne_lex_noun(c->lx, tok(c, pos + 1)->word) == NE_LEX_NONE)
            return (int32_t)pos;
        if (!np_internal(c, pos)) return -1;
        /* "called the pact the strongest treaty": a determiner after a
         * noun opens another phrase */
        uint32_t f = wf(c, pos);
        if ((f & (NE_W_DET | NE_W_POSS)) && words) return -1;
        if (tok(c, pos)->kind == NE_TK_WORD && !f && ment_at(c, pos) < 0) words = 1;
    }
    return -1;
}

/* The lemma of the verb group whose head is the last before token pos in
 * the sentence; NE_LEX_NONE when there is none. */
static uint32_t verb_lemma_before(const ctx_t *c, uint32_t pos)
{
    uint32_t lemma = NE_LEX_NONE, head = 0;
    for (size_t k = 0; k < c->d->vg.n; k++) {
        const ne_vgroup_t *g = &c->d->vg.v[k];
        if (g->head >= c->tb && g->head < pos && g->head >= head && !(g->flags & NE_VG_NOUN)) {
            head = g->head;
            lemma = g->lemma;
        }
    }
    return lemma;
}

/* "called the strike state terrorism": after a naming verb (lemma class
 * `naming`), a word that may open a noun phrase right after the object is
 * its complement: the object is named, not telephoned. */
static int naming_complement(const ctx_t *c, uint32_t pos, uint32_t next)
{
    if (next < c->te && is_quote(c, next)) next++; /* "called the strike 'state terrorism'" */
    if (next >= c->te || tok(c, next)->kind != NE_TK_WORD || in_timex(c, next, NULL) || is_adverb(c, next) ||
        (wf(c, next) & (NE_W_PREP | NE_W_CONJ | NE_W_REL | NE_W_SUBORD | NE_W_BE | NE_W_HAVE | NE_W_DO |
                        NE_W_FUTURE | NE_W_MODAL | NE_W_NEG)))
        return 0;
    uint32_t lemma = verb_lemma_before(c, pos);
    return lemma != NE_LEX_NONE && (ne_lex_lemma_flags(c->lx, lemma) & NE_L_NAMING);
}

/* '+' filled by an event ("condemned the raid"): the event's agent will be
 * the counterpart (frames.c asks the noun phrase, then the article's
 * memory of events). '@' wants a person, never an event. */
static int match_event_slot(const ctx_t *c, mstate_t *ms, uint16_t ei, uint32_t pos)
{
    const ne_pelem_t *e = ne_lex_pelems(c->lx) + ms->p->elem + ei;
    if (e->person) return 0;
    int32_t head = event_np_head(c, pos);
    if (head < 0) return 0;
    /* "called the treaty the strongest pact": a second noun phrase after
     * it, which the pattern does not read (`call + &PEJORATIVE` does),
     * makes the event noun an object with a complement, no event done */
    uint32_t nx = (uint32_t)head + 1;
    if (ei + 1 == ms->p->nelem && nx < c->te && (wf(c, nx) & NE_W_DET) && ment_at(c, nx) < 0 &&
        !in_timex(c, nx, NULL))
        return 0;
    if (ei + 1 == ms->p->nelem && naming_complement(c, pos, nx)) return 0;
    ms->evnoun = head;
    if (match_from(c, ms, (uint16_t)(ei + 1), (uint32_t)head + 1)) return 1;
    ms->evnoun = -1;
    return 0;
}

/* ", General X," after a mention, or inside it ("Myanmar's junta leader,
 * Senior General X" is one mention): the token after the closing comma,
 * or 0 when no such apposition follows. */
static uint32_t apposition_end(const ctx_t *c, const ne_mention_t *mm)
{
    uint32_t i = mm->te;
    if (i + 1 >= c->te || !is_punct(c, i, ",")) return 0;
    for (uint32_t k = mm->tb + 1; k < i; k++)
        if (is_punct(c, k, ",")) return i + 1; /* the apposition is in the mention */
    int32_t m = ment_at(c, i + 1);
    if (m < 0 || c->d->ment.v[m].tb != i + 1) return 0;
    uint32_t e = c->d->ment.v[m].te;
    return e < c->te && is_punct(c, e, ",") ? e + 1 : 0;
}

/* "discussed its border talks with China with Russian officials": when a
 * gap and a preposition lead to '+' and the same preposition follows the
 * mention with another mention after it, the first phrase belongs to the
 * object's noun ("talks with China") and the verb's is the second: the gap
 * goes on to it. */
static int repeated_preposition(const ctx_t *c, const mstate_t *ms, uint16_t ei, uint32_t pos,
                                const ne_mention_t *mm)
{
    const ne_pelem_t *el = ne_lex_pelems(c->lx) + ms->p->elem;
    if (ei < 2 || el[ei - 1].type != NE_PE_WORD || el[ei - 2].type != NE_PE_GAP || pos == 0) return 0;
    uint32_t after = mm->te;
    if (after + 1 >= c->te || tok(c, after)->word != tok(c, pos - 1)->word) return 0;
    uint32_t at;
    return slot_mention(c, after + 1, &at) >= 0;
}

/* '+' and '@': the counterpart, one actor mention, or an event. */
/* "expelled diplomats from seven Latin American countries, including
 * Argentina and Chile": a plain noun phrase of no party at pos, a comma and
 * a word of class INCLUDING, then a mention: that mention (the parties
 * listed) fills the counterpart's place; a time may come before the comma
 * ("on Tuesday, including"). -1 none. Bounded to 8 tokens. */
static int32_t included_mention(const ctx_t *c, uint32_t pos)
{
    uint32_t q = pos, e;
    while (q < c->te && q - pos < 8 && !is_punct(c, q, ",") && np_internal(c, q)) {
        int32_t m = ment_at(c, q);
        if (m >= 0 && c->d->ment.v[m].n) return -1; /* a party of its own */
        q++;
    }
    /* "of seven countries on Tuesday, including ...": a time between */
    if (q > pos && q < c->te && in_timex(c, q, &e) && e > q && e - q <= 4) q = e;
    if (q == pos || q + 2 >= c->te || !is_punct(c, q, ",") || tok(c, q + 1)->kind != NE_TK_WORD ||
        !in_gclass(c, NE_GC_INCLUDING, tok(c, q + 1)->word))
        return -1;
    int32_t m = ment_at(c, q + 2);
    return m >= 0 && c->d->ment.v[m].n && c->d->ment.v[m].tb == q + 2 ? m : -1;
}

#define MAX_SHIFT_PLACE 5 /* tokens of a place phrase before a shifted object */

/* "received in Astana the visiting foreign minister of Uzbekistan",
 * "received at Al Shati Palace the Saudi envoy": a short phrase of place
 * ("in", "at" and a place, a building's name or a plain noun phrase, no
 * verb, no party) may stand between the verb and a heavy object that names
 * a person or an office. The object's first token, or 0. */
static uint32_t shifted_object(const ctx_t *c, uint32_t pos)
{
    if (!is_w(c, pos, "in") && !is_w(c, pos, "at")) return 0;
    for (uint32_t q = pos + 1; q < c->te && q <= pos + MAX_SHIFT_PLACE; q++) {
        int32_t m = ment_at(c, q);
        if (m >= 0) {
            const ne_mention_t *mm = &c->d->ment.v[m];
            if (mm->tb != q) return 0;
            if (mm->n == 1 && !(mm->flags & (NE_MF_PERSON | NE_MF_PRON | NE_MF_REL)) &&
                !mm->m[0].role[0] && !mm->m[0].code[3]) {
                q = mm->te - 1; /* a place: part of the phrase */
                continue;
            }
            /* the object: a person or an office, after at least one word */
            return q > pos + 1 && !(wf(c, q - 1) & NE_W_PREP) && (mm->flags & NE_MF_PERSON || mm->m[0].role[0]) &&
                           mm->n
                       ? q
                       : 0;
        }
        const ne_token_t *t = tok(c, q);
        if (t->kind != NE_TK_WORD || in_timex(c, q, NULL) || (wf(c, q) & (NE_W_PREP | NE_W_CONJ | NE_W_REL)) ||
            !np_internal(c, q))
            return 0;
    }
    return 0;
}

/* Is slot ei of the pattern the subject of a reported clause: the pattern
 * goes on with a word, and the token after the mention is a finite
 * auxiliary ("say + had|has|have spied on": "saying they had spied on")? */
static int complement_subject_slot(const ctx_t *c, const mstate_t *ms, uint16_t ei, const ne_mention_t *mm)
{
    if (ei + 1 >= ms->p->nelem) return 0;
    const ne_pelem_t *nx = ne_lex_pelems(c->lx) + ms->p->elem + ei + 1;
    if (nx->type != NE_PE_WORD || mm->te >= c->te) return 0;
    uint32_t a = mm->te;
    return is_w(c, a, "had") || is_w(c, a, "has") || is_w(c, a, "have") || is_w(c, a, "was") ||
           is_w(c, a, "is") || is_w(c, a, "were") || is_w(c, a, "are");
}

static int match_target(const ctx_t *c, mstate_t *ms, uint16_t ei, uint32_t pos)
{
    const ne_pelem_t *e = ne_lex_pelems(c->lx) + ms->p->elem + ei;
    uint32_t at, shifted;
    if (ei == 0 && (shifted = shifted_object(c, pos)) && match_target(c, ms, ei, shifted)) return 1;
    int32_t m = slot_mention(c, pos, &at);
    if (m < 0 || !c->d->ment.v[m].n) {
        int32_t inc = included_mention(c, pos);
        if (inc >= 0) m = inc;
    }
    if (m < 0) return match_event_slot(c, ms, ei, pos);
    const ne_mention_t *mm = &c->d->ment.v[m];
    if (!target_fits(c, e, mm, complement_subject_slot(c, ms, ei, mm))) return 0;
    if (repeated_preposition(c, ms, ei, pos, mm)) return 0;
    int32_t save = ms->target;
    ms->target = m;
    if (match_from(c, ms, (uint16_t)(ei + 1), mm->te)) return 1;
    /* "pounded Hezbollah positions with": a mention that modifies a noun
     * stands for the owner of the thing, when the pattern goes on */
    for (uint32_t q = mm->te, k = 0; k < 2 && ei + 1 < ms->p->nelem && plain_noun(c, q); k++)
        if (match_from(c, ms, (uint16_t)(ei + 1), ++q)) return 1;
    /* "rallied to Italy's defence": a possessive on a thing (a weak
     * mention) stands for its owner when the pattern names the thing
     * (`rally to + 's defence`) */
    if ((mm->flags & NE_MF_WEAK) && ei + 1 < ms->p->nelem)
        for (uint32_t q = mm->tb + 1; q < mm->te; q++)
            if (is_w(c, q, "'s") && match_from(c, ms, (uint16_t)(ei + 1), q)) return 1;
    /* "excluded the junta leader, General X, from the summit": an
     * apposition between commas names the same party; the pattern goes on
     * after it */
    uint32_t ap = apposition_end(c, mm);
    if (ap && ei + 1 < ms->p->nelem && match_from(c, ms, (uint16_t)(ei + 1), ap)) return 1;
    ms->target = save;
    return 0;
}

/* "a tit-for-tat expulsion", "face-to-face talks": a grammar word written
 * between hyphens, with no space, is part of one compound modifier, not a
 * preposition that ends the noun phrase. */
static int hyphen_inner(const ctx_t *c, uint32_t i)
{
    if (i <= c->tb || i + 1 >= c->te || !is_punct(c, i - 1, "-")) return 0;
    const ne_token_t *t = tok(c, i);
    if (tok(c, i - 1)->end != t->start) return 0;
    uint32_t n = i + 1;
    if ((wf(c, n) & NE_W_DET) && n + 1 < c->te && tok(c, n)->start == t->end + 1) n++; /* "-of-the-" */
    return is_punct(c, n, "-") && tok(c, n - 1)->end == tok(c, n)->start;
}

/* May token i stand inside a noun phrase before its head: a determiner, a
 * possessive, a number, a hyphen, an adjective or noun ("farm" workers,
 * "pro-democracy" activists), a word of a mention ("Alawite civilians")? */
static int np_internal(const ctx_t *c, uint32_t i)
{
    if (i >= c->te) return 0;
    if (ment_at(c, i) >= 0) return 1;
    const ne_token_t *t = tok(c, i);
    if (t->kind == NE_TK_NUM || is_punct(c, i, "-") || is_quote(c, i)) return 1;
    if (t->kind != NE_TK_WORD) return 0;
    uint32_t f = wf(c, i);
    if (f & (NE_W_DET | NE_W_POSS | NE_W_NUM)) return !(f & NE_W_PREP);
    if (f) return hyphen_inner(c, i);
    /* a finite verb of its own ends the phrase */
    for (size_t k = 0; k < c->d->vg.n; k++)
        if (c->d->vg.v[k].head == i) return (c->d->vg.v[k].flags & (NE_VG_NOUN | NE_VG_REDUCED)) != 0;
    return 1;
}

/* Is tokens i..e-1 a member of a class other than cls? */
static int other_class_phrase(const ctx_t *c, uint32_t cls, uint32_t i, uint32_t e)
{
    const int32_t *cw = ne_lex_cwords(c->lx);
    for (uint32_t k = ne_lex_cphrases(c->lx, tok(c, i)->word); k != NE_LEX_NONE;
         k = ne_lex_cphrase(c->lx, k)->next) {
        const ne_cphrase_t *cp = ne_lex_cphrase(c->lx, k);
        if (cp->cls == cls || i + cp->nwords != e) continue;
        uint8_t n = 1;
        while (n < cp->nwords && tok(c, i + n)->word == cw[cp->words + n]) n++;
        if (n == cp->nwords) return 1;
    }
    return 0;
}

/* "an act of aggression", "a form of blackmail": a light noun (class
 * LIGHT) before "of" says little; the noun phrase after "of" heads the
 * phrase for a class. */
static int light_noun_of(const ctx_t *c, uint32_t i)
{
    return i + 2 < c->te && is_w(c, i + 1, "of") && ment_at(c, i) < 0 &&
           in_gclass(c, NE_GC_LIGHT, tok(c, i)->word);
}

/* The end of a noun phrase whose head is a member of class cls, starting
 * at i: up to MAX_PREMOD words of determiners, quantities and modifiers,
 * the member, and members coordinated with it ("patients and their
 * companions" ends at the last noun). 0 when there is none; *nhead is the
 * length of the member. */
static uint32_t class_np_end(const ctx_t *c, uint32_t cls, uint32_t i, uint32_t *nhead)
{
    uint32_t q = skip_quantity(c, i);
    for (int k = 0; k <= MAX_PREMOD && q < c->te; k++, q++) {
        uint32_t e = class_phrase_end(c, cls, q);
        /* "a hunger strike" is a protest (PROTESTS), not a strike from the
         * air: a longer member of another class decides */
        if (e && q > c->tb && other_class_phrase(c, cls, q - 1, e)) return 0;
        if (e) {
            *nhead = e - q;
            /* "and|or" + another noun phrase: its last plain word */
            while (e + 1 < c->te && (is_w(c, e, "and") || is_w(c, e, "or")) &&
                   !coordinated_verb(c, e + 1)) {
                uint32_t r = e + 1, last = 0;
                for (int j = 0; j <= MAX_PREMOD && np_internal(c, r); j++, r++) last = r + 1;
                if (!last) break;
                e = last;
            }
            return e;
        }
        if (light_noun_of(c, q)) {
            q++; /* the loop steps past "of" */
            continue;
        }
        if (!np_internal(c, q)) return 0;
    }
    return 0;
}

/* '&CLASS': a noun phrase headed by a member of the class ("killed 110
 * farm workers": `kill # &VICTIMS`). */
static int match_class(const ctx_t *c, mstate_t *ms, uint16_t ei, uint32_t pos)
{
    const ne_pelem_t *e = ne_lex_pelems(c->lx) + ms->p->elem + ei;
    uint32_t head, end = class_np_end(c, e->alt, pos, &head);
    if (!end) return 0;
    uint32_t spec = ms->spec;
    ms->spec += head;
    if (match_from(c, ms, (uint16_t)(ei + 1), end)) return 1;
    ms->spec = spec;
    return 0;
}

/* Is the word at token pos one of element e's alternatives (or their
 * plural)? */
static int word_fits(const ctx_t *c, const ne_pelem_t *e, uint32_t pos)
{
    const int32_t *alts = ne_lex_alts(c->lx) + e->alt;
    int32_t w = tok(c, pos)->word;
    if (w < 0) return 0;
    int32_t sg = ne_lex_singular(c->lx, w);
    for (uint16_t k = 0; k < e->nalt; k++)
        if (alts[k] == w || alts[k] == sg) return 1;
    return 0;
}

/* "called at the rally for", "met on the sidelines with", "said in a
 * statement that": a short prepositional adjunct (not "of", with no actor
 * in it) may stand between the verb and the particle, preposition or
 * "that" that follows it in the pattern. The token where element e fits after it, or 0. */
static uint32_t after_adjunct(const ctx_t *c, const ne_pelem_t *e, uint32_t pos)
{
    if (!(wf(c, pos) & NE_W_PREP) || (wf(c, pos) & NE_W_SUBORD) || is_w(c, pos, "of") ||
        in_gclass(c, NE_GC_CLAUSE_TIME, tok(c, pos)->word))
        return 0; /* "after an agreement on": a clause of time, not an adjunct */
    for (uint32_t q = pos + 1, k = 0; k <= MAX_ADJUNCT && q < c->te; k++, q++) {
        if (k > 0) {
            uint32_t r = skip_transparent(c, q);
            if (r < c->te && word_fits(c, e, r)) return r;
        }
        if (ment_at(c, q) >= 0 || (wf(c, q) & NE_W_PREP) ||
            !(np_internal(c, q) || (wf(c, q) & NE_W_SPEECH_NOUN) || /* "in a statement" */
              is_adverb(c, q)))                                       /* "at last" */
            return 0;
    }
    return 0;
}

/* "ordered the Kazakh consul in Osh to leave", "the staff of Mexico's
 * embassy in Lima to leave": where the pattern's noun stands posted, a
 * phrase of place ("in", "at": class LOCATIVE) naming one state, capital
 * or city, no person and no role, may follow the noun before the
 * pattern's next preposition. The token where element e fits after it,
 * or 0. */
static uint32_t after_place_adjunct(const ctx_t *c, const ne_pelem_t *e, uint32_t pos)
{
    if (!in_gclass(c, NE_GC_LOCATIVE, tok(c, pos)->word)) return 0;
    uint32_t q = pos + 1;
    if (q < c->te && is_w(c, q, "the") && ment_at(c, q) < 0) q++;
    int32_t mi = q < c->te ? ment_at(c, q) : -1;
    if (mi < 0) return 0;
    const ne_mention_t *m = &c->d->ment.v[mi];
    if (m->tb != q || m->n != 1 || (m->flags & (NE_MF_PERSON | NE_MF_PRON | NE_MF_PLURAL)))
        return 0;
    /* "the military attache at the Iranian embassy (in Amman)": a mission
     * (class EMBASSIES) is where a diplomat is posted, as a place is */
    int mission = in_gclass(c, NE_GC_EMBASSIES, tok(c, m->te - 1)->word);
    if (!mission && (m->m[0].role[0] || m->m[0].code[3]))
        return 0; /* "in the Foreign Ministry", "at Hamas": an actor, no place */
    if (m->te >= c->te) return 0;
    if (word_fits(c, e, m->te)) return m->te;
    return mission && !in_gclass(c, NE_GC_EMBASSIES, tok(c, m->te)->word) ? after_place_adjunct(c, e, m->te) : 0;
}

/* "sharing satellite imagery of Chinese naval movements with X": an of-
 * phrase completes the pattern's noun before the pattern's next
 * preposition; so does a topic phrase with no actor in it (class TOPIC:
 * "resume talks on a trade deal with Paraguay"). The token where element
 * e fits after it, or 0. */
static uint32_t after_of_phrase(const ctx_t *c, const ne_pelem_t *e, uint32_t pos)
{
    int topic = in_gclass(c, NE_GC_TOPIC, tok(c, pos)->word);
    if (!is_w(c, pos, "of") && !topic) return 0;
    for (uint32_t q = pos + 1, k = 0; k <= MAX_ADJUNCT + 1 && q < c->te; k++, q++) {
        if (k > 0 && word_fits(c, e, q)) return q;
        if (k > 0 && !topic && (wf(c, q) & NE_W_PREP)) return after_place_adjunct(c, e, q);
        if ((wf(c, q) & NE_W_PREP) || !np_internal(c, q) || (topic && ment_at(c, q) >= 0)) return 0;
    }
    return 0;
}

/* "lifted the restrictions imposed on South Korea", "would lift the
 * restrictions (that) it had imposed on South Korea": a relative clause
 * after the pattern's noun whose verb comes right before the pattern's
 * preposition keeps the noun's frame: a reduced relative (a bare past
 * participle), or an object-gap relative (an optional "that"/"which", a
 * subject mention, auxiliaries, a past verb). The token where element e
 * fits after it, or 0. */
static uint32_t after_participle(const ctx_t *c, const ne_pelem_t *e, uint32_t pos)
{
    uint32_t lem, q = pos;
    uint8_t want = NE_F_PPART;
    if (is_w(c, q, "that") || is_w(c, q, "which")) q++;
    if (q < c->te && ment_at(c, q) >= 0) {
        q = c->d->ment.v[ment_at(c, q)].te;
        while (q < c->te && (wf(c, q) & (NE_W_HAVE | NE_W_BE))) q++;
        want = NE_F_PPART | NE_F_PAST;
    } else if (q != pos) {
        return 0;
    }
    const ne_token_t *t = tok(c, q);
    if (q + 1 >= c->te || t->kind != NE_TK_WORD || (t->flags & NE_TF_CAP) || ment_at(c, q) >= 0 ||
        wf(c, q) || !(verb_reading(c, q, &lem) & want))
        return 0;
    return word_fits(c, e, q + 1) ? q + 1 : 0;
}

#define MAX_NOUN_MODIFIERS 14 /* tokens of a noun's modifiers before its relative */

/* The token where element e (a preposition) fits after an object-gap
 * relative ("that it had imposed on") that follows the noun's own
 * modifiers from token pos (of/on phrases, a reduced participle, an
 * infinitive), within a few tokens and no stop or finite verb between;
 * 0 when there is none. */
static uint32_t distant_relative_prep(const ctx_t *c, const ne_pelem_t *e, uint32_t pos)
{
    for (uint32_t q = pos + 1; q < c->te && q - pos < MAX_NOUN_MODIFIERS; q++) {
        if (is_punct(c, q, ".;:,()")) return 0;
        if (is_w(c, q, "that") || is_w(c, q, "which")) return after_participle(c, e, q);
    }
    return 0;
}

/* Does element e name a one-word member of class NEAR ("near")? */
static int names_near(const ctx_t *c, const ne_pelem_t *e)
{
    const int32_t *alts = ne_lex_alts(c->lx) + e->alt;
    for (uint16_t k = 0; k < e->nalt; k++)
        if (in_gclass(c, NE_GC_NEAR, alts[k])) return 1;
    return 0;
}

/* "next to the border", "close to Kosovo": a phrase of several words of
 * class NEAR where the pattern names "near". Its end, or 0. */
static uint32_t near_phrase(const ctx_t *c, const ne_pelem_t *e, uint32_t pos)
{
    uint32_t near = ne_lex_gclass(c->lx, NE_GC_NEAR);
    if (near >= 64 || !(c->d->wclasses & (1ull << near))) return 0; /* none in the sentence */
    uint32_t end = class_phrase_end(c, near, pos);
    return end >= pos + 2 && names_near(c, e) ? end : 0;
}

/* A word, possibly inside a mention ("expelled the Russian ambassador"). */
/* "signed a deal in Doha, with Qatar and the United States acting as
 * mediators": "with" after a comma, a party and an -ing form (or "as")
 * opens an absolute clause of its own, no "with +" of the verb's frame.
 * Is token w such a "with"? */
static int with_absolute(const ctx_t *c, uint32_t w)
{
    if (w <= c->tb || w + 2 >= c->te || !is_w(c, w, "with") || !is_punct(c, w - 1, ",")) return 0;
    int32_t m = ment_at(c, w + 1);
    if (m < 0 || c->d->ment.v[m].tb != w + 1) return 0;
    uint32_t e = c->d->ment.v[m].te, lem;
    return e < c->te && ((verb_reading(c, e, &lem) & NE_F_ING) || is_w(c, e, "as"));
}

static int match_word(const ctx_t *c, mstate_t *ms, uint16_t ei, uint32_t pos)
{
    const ne_pelem_t *e = ne_lex_pelems(c->lx) + ms->p->elem + ei;
    const ne_pelem_t *before = ei > 0 ? e - 1 : NULL;
    uint32_t after = 0, near = word_fits(c, e, pos) ? 0 : near_phrase(c, e, pos);
    if (near) {
        ms->spec++;
        if (match_from(c, ms, (uint16_t)(ei + 1), near)) return 1;
        ms->spec--;
        return 0;
    }
    if (!word_fits(c, e, pos) && before && (before->type == NE_PE_WORD || before->type == NE_PE_CLASS) &&
        (ne_lex_word_flags(c->lx, ne_lex_alts(c->lx)[e->alt]) & NE_W_PREP) &&
        (after = after_participle(c, e, pos)))
        pos = after;
    if (!word_fits(c, e, pos) && before && (before->type == NE_PE_WORD || before->type == NE_PE_CLASS) &&
        !(ne_lex_word_flags(c->lx, ne_lex_alts(c->lx)[e->alt]) & NE_W_PREP) && (after = after_place_adjunct(c, e, pos)))
        pos = after; /* "ordered the Lithuanian consulate in Kaliningrad | closed" */
    if (!word_fits(c, e, pos)) {
        /* an adjunct right after the verb, or an of-phrase after the
         * pattern's noun, before a preposition of the pattern ("for") */
        const ne_pelem_t *prev = ei > 0 ? e - 1 : NULL;
        uint32_t ef = ne_lex_word_flags(c->lx, ne_lex_alts(c->lx)[e->alt]);
        /* "said in a statement that": the complementizer right after the
         * verb takes an adjunct before it as a preposition does */
        if (!(wf(c, pos) & NE_W_PREP) ||
            (prev && prev->type != NE_PE_WORD && prev->type != NE_PE_CLASS) ||
            !((ef & NE_W_PREP) || (!prev && (ef & NE_W_REL))))
            return 0;
        uint32_t at = pos;
        pos = prev ? after_of_phrase(c, e, at) : after_adjunct(c, e, at);
        if (!pos && prev) pos = after_place_adjunct(c, e, at);
        if (!pos) return 0;
    }
    if (with_absolute(c, pos)) return 0;
    ms->spec++;
    if (match_from(c, ms, (uint16_t)(ei + 1), pos + 1)) return 1;
    /* "lift the export restrictions on three materials used to make chips
     * that it had imposed on South Korea": the pattern's preposition after
     * the noun's own modifiers, in an object-gap relative further on */
    if (!after && before && (before->type == NE_PE_WORD || before->type == NE_PE_CLASS) &&
        (ne_lex_word_flags(c->lx, ne_lex_alts(c->lx)[e->alt]) & NE_W_PREP) &&
        (after = distant_relative_prep(c, e, pos)) && match_from(c, ms, (uint16_t)(ei + 1), after + 1))
        return 1;
    ms->spec--;
    return 0;
}

/* Elements ei.. of the pattern from token pos on; fills ms->end. In an
 * open match, a final "preposition +" that does not follow is left out
 * ("ordered X to withdraw his troops": `withdraw * troops from +`). */
static int match_from(const ctx_t *c, mstate_t *ms, uint16_t ei, uint32_t pos)
{
    if (ei == ms->p->nelem) {
        ms->end = pos;
        return 1;
    }
    const ne_pelem_t *e = ne_lex_pelems(c->lx) + ms->p->elem + ei;
    if (ms->open && ei + 2 == ms->p->nelem && e[0].type == NE_PE_WORD && e[1].type == NE_PE_TARGET &&
        ei > 0 && e[-1].type != NE_PE_GAP) {
        ms->open = 0;
        int ok = match_from(c, ms, ei, pos);
        ms->open = 1;
        if (!ok) {
            ms->end = pos;
            ms->target = -1;
        }
        return 1;
    }
    if (e->type == NE_PE_GAP) return match_gap(c, ms, ei, pos);
    /* "called for early elections": an adverb that is the pattern's own
     * word is read as that word before adverbs are skipped */
    uint32_t raw = jumped(ms, pos);
    if (e->type == NE_PE_WORD && raw < c->te && is_adverb(c, raw) && word_fits(c, e, raw)) {
        ms->spec++;
        if (match_from(c, ms, (uint16_t)(ei + 1), raw + 1)) {
            mark_inside(ms, raw);
            return 1;
        }
        ms->spec--;
    }
    pos = jumped(ms, skip_transparent(c, jumped(ms, pos)));
    if (pos >= c->te) return 0;
    int ok;
    switch (e->type) {
    case NE_PE_MANY: ok = match_many(c, ms, ei, pos); break;
    case NE_PE_TARGET: ok = match_target(c, ms, ei, pos); break;
    case NE_PE_CLASS: ok = match_class(c, ms, ei, pos); break;
    default: ok = match_word(c, ms, ei, pos); break;
    }
    if (ok) mark_inside(ms, pos);
    return ok;
}

/* The word ids of the sentence in a hash set, built once per sentence, and
 * the noun classes its words open: a pattern whose literal words and
 * classes are not all in the sentence cannot match, and most patterns of a
 * verb are ruled out by one look-up each. */
static uint32_t wset_hash(int32_t id, size_t mask)
{
    return ((uint32_t)id * 2654435761u >> 7) & (uint32_t)mask;
}

static void wset_add(ne_doc_t *d, int32_t w, size_t need)
{
    size_t h = wset_hash(w, need - 1);
    while (d->wset.v[h] >= 0 && d->wset.v[h] != w) h = (h + 1) & (need - 1);
    d->wset.v[h] = w;
    d->wbits |= ne_word_bit(w);
}

static int wset_fill(const ne_lexicon_t *lx, ne_doc_t *d, uint32_t tb, uint32_t te)
{
    size_t need = 64;
    while (need < (size_t)(te - tb) * 4) need *= 2; /* words and singulars, at most half full */
    while (d->wset.cap < need)
        if (ne_vec_grow((void **)&d->wset.v, &d->wset.cap, sizeof(int32_t)) < 0) return -1;
    d->wset.n = need;
    for (size_t k = 0; k < need; k++) d->wset.v[k] = -1;
    d->wclasses = 0;
    d->wbits = 0;
    for (uint32_t i = tb; i < te; i++) {
        int32_t id = d->tok.v[i].word;
        if (id < 0) continue;
        d->wclasses |= ne_lex_word_classes(lx, id);
        /* a plural counts as its singular too ("ambassadors") */
        for (int32_t w = id, n = 0; w >= 0 && n < 2; w = ne_lex_singular(lx, w), n++)
            wset_add(d, w, need);
    }
    /* the class NEAR counts only where a phrase of several words of it
     * stands ("close to"), and then as its one-word members ("near") for
     * the word prefilter */
    uint32_t near = ne_lex_gclass(lx, NE_GC_NEAR);
    if (near < 64 && (d->wclasses & (1ull << near))) {
        ctx_t c = {lx, d, tb, te};
        uint32_t i = tb;
        while (i < te && class_phrase_end(&c, near, i) < i + 2) i++;
        if (i == te) {
            d->wclasses &= ~(1ull << near);
        } else {
            const int32_t *nw;
            for (int k = ne_lex_near_words(lx, &nw) - 1; k >= 0; k--) wset_add(d, nw[k], need);
        }
    }
    return 0;
}

static int wset_has(const ne_doc_t *d, int32_t id)
{
    size_t mask = d->wset.n - 1, h = wset_hash(id, mask);
    while (d->wset.v[h] >= 0) {
        if (d->wset.v[h] == id) return 1;
        h = (h + 1) & mask;
    }
    return 0;
}

static int words_present(const ne_lexicon_t *lx, const ne_pattern_t *p, const ne_doc_t *d)
{
    const ne_pelem_t *el = ne_lex_pelems(lx) + p->elem;
    const int32_t *alts = ne_lex_alts(lx);
    /* most patterns fail here, on one word or class the sentence lacks */
    if ((p->wbits & ~d->wbits) || (p->cbits & ~d->wclasses)) return 0;
    for (uint16_t k = 0; k < p->nelem; k++) {
        if (el[k].type == NE_PE_CLASS && el[k].alt < 64 && !(d->wclasses & (1ull << el[k].alt)))
            return 0;
        if (el[k].type != NE_PE_WORD) continue;
        int any = 0;
        for (uint16_t a = 0; a < el[k].nalt && !any; a++) any = wset_has(d, alts[el[k].alt + a]);
        if (!any) return 0;
    }
    return 1;
}

/* "seeking to support", "voted to impose", "agreed to share", "needs to
 * release": after a verb that lends an infinitive its mood (intention,
 * aspect, failure, refusal, agreement, obligation, or the act itself) and
 * "to" + verb, the verb is not also its own event, except through patterns
 * that say "to" themselves. */
static int before_infinitive(const ctx_t *c, const ne_vgroup_t *vg, uint32_t from)
{
    uint32_t lf = ne_lex_lemma_flags(c->lx, vg->lemma);
    return (lf & (NE_L_INTENT | NE_L_PROMISE | NE_L_ASPECT | NE_L_FAIL | NE_L_REFUSE | NE_L_ACT |
                 NE_L_AGREE | NE_L_DEONTIC)) &&
           is_w(c, from, "to") && from + 1 < c->te &&
           ne_lex_vforms(c->lx, tok(c, from + 1)->word) != NE_LEX_NONE;
}

/* Does pattern p begin with the word at token i? */
static int opens_with_word(const ctx_t *c, const ne_pattern_t *p, uint32_t i)
{
    const ne_pelem_t *el = ne_lex_pelems(c->lx);
    return p->nelem && el[p->elem].type == NE_PE_WORD &&
           ne_lex_alts(c->lx)[el[p->elem].alt] == tok(c, i)->word;
}

/* "X was accused of": `accuse + of` minus its '+' ('@' patterns need to see
 * their person, so they are left out). The subject is the counterpart, so
 * no target is reported. */
/* "was accused by Ukraine of war crimes", "was indicted by the UN war
 * crimes court for": the token after a by-agent noun phrase (the agent's
 * mention and the plain nouns of its head) when a preposition follows it
 * there, where the rest of a passive pattern goes on; 0 when none. */
static uint32_t past_by_agent(const ctx_t *c, uint32_t i)
{
    if (!by_actor(c, i)) return 0;
    int32_t m = ment_at(c, i + 1);
    if (m < 0) m = ment_at(c, i + 2);
    uint32_t k = c->d->ment.v[m].te;
    for (uint32_t lim = k + 4; k < c->te && k < lim; k++) {
        uint32_t f = wf(c, k);
        if (f & NE_W_PREP) return is_w(c, k, "by") ? 0 : k;
        if (tok(c, k)->kind != NE_TK_WORD || (f & (NE_W_REL | NE_W_SUBORD)) || ment_at(c, k) >= 0)
            return 0;
    }
    return 0;
}

static int match_active(const ctx_t *c, const ne_pattern_t *p, uint32_t from, mstate_t *ms);
static int match_passive(const ctx_t *c, const ne_pattern_t *p, uint32_t from, mstate_t *ms)
{
    const ne_pelem_t *el = ne_lex_pelems(c->lx);
    /* "those involved would be punished": a threat formula names no '+';
     * it matches the words after the verb as in the active */
    if ((p->opts & NE_PO_THREAT) && (!p->nelem || el[p->elem].type != NE_PE_TARGET))
        return match_active(c, p, from, ms);
    /* "The dispute was discussed by A and B": a bare reciprocal (`discuss
     * recip`) has no '+' to move; its passive names the parties by "by"
     * (frames.c joint_passive) */
    if (!p->nelem && (p->opts & NE_PO_RECIP)) return match_active(c, p, from, ms);
    if (!p->nelem || el[p->elem].type != NE_PE_TARGET || el[p->elem].person) return 0;
    ne_pattern_t rest = *p;
    rest.elem++;
    rest.nelem--;
    *ms = (mstate_t){&rest, -1, -1, 0, 0};
    uint32_t after_agent;
    if (!match_from(c, ms, 0, from) &&
        !(rest.nelem && (after_agent = past_by_agent(c, from)) &&
          (*ms = (mstate_t){&rest, -1, -1, 0, 0}, match_from(c, ms, 0, after_agent))))
        return 0;
    ms->p = p;
    ms->target = -1;
    ms->evnoun = -1;
    return 1;
}

static int match_active(const ctx_t *c, const ne_pattern_t *p, uint32_t from, mstate_t *ms)
{
    *ms = (mstate_t){p, -1, -1, 0, 0};
    return match_from(c, ms, 0, from);
}

#define MAX_THING_SUBJECT 6 /* tokens of a passive subject that is a thing */

/* A token of a passive subject that is a thing: a plain word, or a number
 * or a percent sign of its quantity ("The 50% tariffs were imposed on"). */
static int thing_subject_token(const ctx_t *c, uint32_t k)
{
    if (tok(c, k)->kind == NE_TK_NUM || is_punct(c, k, "%")) return 1;
    return tok(c, k)->kind == NE_TK_WORD && ment_at(c, k) < 0 &&
           !(wf(c, k) & (NE_W_PREP | NE_W_REL | NE_W_CONJ | NE_W_PRON));
}

/* "Sanctions were imposed on Iran by the EU": a passive whose subject is
 * no party but the object a pattern `V * OBJECT PREP +` describes (a gap,
 * one word or class element, a word, the counterpart last): the object
 * element matches the plain noun phrase right before the verb group, the
 * rest after the verb (or after its by-agent), and '+' is the counterpart. */
static int match_thing_passive(const ctx_t *c, const ne_vgroup_t *vg, const ne_pattern_t *p,
                               uint32_t from, mstate_t *ms)
{
    const ne_pelem_t *el = ne_lex_pelems(c->lx) + p->elem;
    if (p->nelem != 4 || el[0].type != NE_PE_GAP || (el[1].type != NE_PE_WORD && el[1].type != NE_PE_CLASS) ||
        el[2].type != NE_PE_WORD || el[3].type != NE_PE_TARGET || el[3].person || vg->first <= c->tb)
        return 0;
    /* the subject: plain words right before the group, no party among them */
    uint32_t start = vg->first;
    while (start > c->tb && vg->first - start < MAX_THING_SUBJECT && thing_subject_token(c, start - 1))
        start--;
    if (start == vg->first || (start > c->tb && !is_punct(c, start - 1, ",;:\"")) ) return 0;
    ctx_t sub = {c->lx, c->d, c->tb, vg->first};
    ne_pattern_t obj = *p;
    obj.elem++;
    obj.nelem = 1;
    int found = 0;
    for (uint32_t q = start; q < vg->first && !found; q++) {
        mstate_t om = {&obj, -1, -1, 0, 0};
        found = match_from(&sub, &om, 0, q) && om.end == vg->first;
    }
    if (!found) return 0;
    ne_pattern_t rest = *p;
    rest.elem += 2;
    rest.nelem -= 2;
    uint32_t after_agent;
    *ms = (mstate_t){&rest, -1, -1, 0, 0};
    if (!match_from(c, ms, 0, from) &&
        !((after_agent = past_by_agent(c, from)) &&
          (*ms = (mstate_t){&rest, -1, -1, 0, 0}, match_from(c, ms, 0, after_agent))))
        return 0;
    ms->p = p;
    return ms->target >= 0;
}

/* "welcomed Russia's release of the prisoners": a frame that ends in a
 * genitive '+' and its noun (`+ 's release`, the twins lexicon.c makes of
 * `release of +`) reads the possessor as the one acted on; when "of"
 * follows the noun, the possessor is the one who acts, and the frame does
 * not apply. */
static int possessor_acts(const ctx_t *c, const mstate_t *ms)
{
    const ne_pattern_t *p = ms->p;
    if (p->nelem < 3 || ms->end >= c->te || !is_w(c, ms->end, "of")) return 0;
    const ne_pelem_t *el = ne_lex_pelems(c->lx) + p->elem + p->nelem - 3;
    return el[0].type == NE_PE_TARGET && el[1].type == NE_PE_WORD && el[1].nalt == 1 &&
           ne_lex_alts(c->lx)[el[1].alt] == ne_lex_word_find(c->lx, "'s", 2);
}

/* The best reading found, into out: 1, or 0 when there is none. */
static int best_match(const mstate_t *best, ne_match_t *out)
{
    if (!best->p) return 0;
    out->pat = best->p;
    out->target = best->target;
    out->evnoun = best->evnoun;
    out->end = best->end;
    out->modality = 0;
    return 1;
}

/* Whether code a refines code b: b's own subcode ("0233" under "023"). */
static int refines(const char *a, const char *b)
{
    size_t n = strlen(b);
    return strlen(a) > n && !strncmp(a, b, n);
}

/* The pattern of vg that matches from token `from` on. Precedence: the
 * most specific pattern (lexicon.c sorts them: more elements, more literal
 * words); among equally specific ones, the one whose classes matched
 * longer members ("a drone attack" is AIRSTRIKES before ATTACKS), then a
 * subcode before its parent code ("asked X to send humanitarian aid" is
 * 0233 before 023), then the first in the files. */
/* A formula that threatens when denied (`denied`: "would not go
 * unpunished") fits a negated verb only, and no other pattern's reading
 * changes: "went unpunished" says nothing of the future. */
static int denial_fits(const ne_vgroup_t *vg, const ne_pattern_t *p)
{
    return !(p->opts & NE_PO_DENIED) || (vg->flags & (NE_VG_NEGATED | NE_VG_REFUSE));
}

/* Option `mandative`: "insisted that Kyiv withdraw its troops", "that
 * Sweden must extradite": a that-clause asks for an act when its verb is a
 * bare form or comes after must, should or be; a verb that tells ("would
 * keep up", "had acted", "was") makes it a statement, no demand. Does the
 * word after the match's '+' (ending at `end`) allow the demand? */
static int mandative_fits(const ctx_t *c, const ne_pattern_t *p, uint32_t end)
{
    if (!(p->opts & NE_PO_MANDATIVE)) return 1;
    uint32_t k = end;
    while (k < c->te && (wf(c, k) & NE_W_ADV)) k++; /* "that Iran immediately release" */
    if (k >= c->te || tok(c, k)->kind != NE_TK_WORD) return 1;
    if (is_w(c, k, "must") || is_w(c, k, "should") || is_w(c, k, "shall") || is_w(c, k, "be") ||
        is_w(c, k, "not"))
        return 1;
    /* an auxiliary of the indicative ("would", "had", "was"): a statement */
    if (wf(c, k) & (NE_W_BE | NE_W_HAVE | NE_W_DO | NE_W_FUTURE | NE_W_MODAL)) return is_w(c, k, "have");
    int forms = 0;
    for (uint32_t v = ne_lex_vforms(c->lx, tok(c, k)->word); v != NE_LEX_NONE; v = ne_lex_vform(c->lx, v)->next)
        forms |= ne_lex_vform(c->lx, v)->forms;
    /* a tensed verb ("acted", "keeps") tells */
    return (forms & NE_F_BASE) || !(forms & (NE_F_S | NE_F_PAST));
}

static int match_below(const ctx_t *c, const ne_vgroup_t *vg, uint32_t from, uint32_t below,
                       const ne_pattern_t *after, ne_match_t *out)
{
    size_t np;
    const ne_pattern_t *pats = ne_lex_patterns(c->lx, vg->lemma, &np);
    if (!np) return 0;
    int to_infinitive = before_infinitive(c, vg, from);
    mstate_t best = {NULL, -1, -1, 0, 0};
    for (size_t k = 0; k < np; k++) {
        const ne_pattern_t *p = &pats[k];
        /* below the failed pattern `after` in precedence: less specific, or
         * as specific and later in order */
        if (p->score > below || (p->score == below && (!after || p <= after))) continue;
        if (best.p && p->score != best.p->score) break;
        if (to_infinitive && !opens_with_word(c, p, from)) continue;
        if (!denial_fits(vg, p)) continue;
        /* words_present's first test, here: most patterns fail it, without a call */
        if ((p->wbits & ~c->d->wbits) || (p->cbits & ~c->d->wclasses)) continue;
        if (!words_present(c->lx, p, c->d)) continue;
        mstate_t ms;
        int ok = (vg->flags & NE_VG_PASSIVE)
                     ? match_passive(c, p, from, &ms) || match_thing_passive(c, vg, p, from, &ms)
                     : match_active(c, p, from, &ms);
        if (!ok || possessor_acts(c, &ms) || !mandative_fits(c, p, ms.end)) continue;
        if (!best.p || ms.spec > best.spec ||
            (ms.spec == best.spec && refines(ms.p->code, best.p->code)))
            best = ms;
    }
    return best_match(&best, out);
}

/* Is there no "by" + actor in the clause after token from (up to a stop,
 * at most a dozen tokens)? */
static int no_agent_after(const ctx_t *c, uint32_t from)
{
    for (uint32_t k = from; k < c->te && k < from + 12 && !is_punct(c, k, ".;:,"); k++)
        if (by_actor(c, k)) return 0;
    return 1;
}

/* "vowed that everyone involved would be punished": a future passive with
 * no agent names no one who acts, so no frame of the verb can code it; a
 * threat formula of the verb (`137  punish  threat`) can, and is taken
 * before them. Returns 1 with out filled when one matches. */
static int agentless_threat(const ctx_t *c, const ne_vgroup_t *vg, uint32_t from, ne_match_t *out)
{
    if ((vg->flags & (NE_VG_PASSIVE | NE_VG_FUTURE)) != (NE_VG_PASSIVE | NE_VG_FUTURE) || !no_agent_after(c, from))
        return 0;
    size_t np;
    const ne_pattern_t *pats = ne_lex_patterns(c->lx, vg->lemma, &np);
    for (size_t k = 0; k < np; k++) {
        mstate_t ms;
        if (!(pats[k].opts & NE_PO_THREAT) || !match_passive(c, &pats[k], from, &ms)) continue;
        return best_match(&ms, out);
    }
    return 0;
}

static int match_at(const ctx_t *c, const ne_vgroup_t *vg, uint32_t from, ne_match_t *out)
{
    if (agentless_threat(c, vg, from, out)) return 1;
    return match_below(c, vg, from, UINT32_MAX, NULL, out);
}

/* Past the particles of a support reading ("call for") from token i; 0
 * when they do not follow. */
static uint32_t match_particles(const ctx_t *c, const ne_support_t *sp, uint32_t i)
{
    for (uint8_t k = 0; k < sp->npart; k++) {
        i = skip_transparent(c, i);
        if (i >= c->te || tok(c, i)->word != sp->part[k]) return 0;
        i++;
    }
    return i;
}

/* The first of an event noun's patterns that matches from token from on. */
static int match_noun(const ctx_t *c, uint32_t noun, uint32_t from, mstate_t *out)
{
    size_t np;
    const ne_pattern_t *pats = ne_lex_noun_patterns(c->lx, noun, &np);
    for (size_t k = 0; k < np; k++) {
        if (!words_present(c->lx, &pats[k], c->d)) continue;
        if (match_active(c, &pats[k], from, out)) return 1;
    }
    return 0;
}

/* "called for their immediate release": the possessor of the noun at q (a
 * mention made by the mention grammar, actors.c possessive_patient) fills
 * the "+" of the noun's pattern "N of +". */
static int possessed_noun(const ctx_t *c, uint32_t noun, uint32_t q, ne_match_t *out)
{
    int32_t m = -1;
    for (uint32_t p = q; p > c->tb && q - p < 5 && m < 0; p--)
        if (ment_at(c, p - 1) >= 0 && (c->d->ment.v[ment_at(c, p - 1)].flags & NE_MF_PRON))
            m = ment_at(c, p - 1);
    if (m < 0) return 0;
    size_t np;
    const ne_pattern_t *pats = ne_lex_noun_patterns(c->lx, noun, &np);
    for (size_t k = 0; k < np; k++) {
        const ne_pelem_t *el = ne_lex_pelems(c->lx) + pats[k].elem;
        if (pats[k].nelem != 2 || el[0].type != NE_PE_WORD || el[1].type != NE_PE_TARGET) continue;
        int of = 0;
        for (uint16_t a = 0; a < el[0].nalt && !of; a++)
            of = ne_lex_alts(c->lx)[el[0].alt + a] == ne_lex_word_find(c->lx, "of", 2);
        if (!of) continue;
        out->pat = &pats[k];
        out->target = m;
        out->evnoun = -1;
        out->end = q + 1;
        return 1;
    }
    return 0;
}

/* Is token q the -ing form of a verb group that the verb of vg opens
 * ("began | shelling Kharkiv": the aspect verb starts the gerund's
 * group)? Then it is a verb with its own frame, not an event noun that
 * "began" presents ("began the shelling of Kharkiv"). */
static int aspect_gerund(const ctx_t *c, const ne_vgroup_t *vg, uint32_t q)
{
    for (size_t k = 0; k < c->d->vg.n; k++) {
        const ne_vgroup_t *g = &c->d->vg.v[k];
        if (g->head == q) return g != vg && !(g->flags & NE_VG_NOUN) && g->first <= vg->head;
    }
    return 0;
}

/* "ordered the release of X", "called for an emergency meeting of the
 * Security Council": a support verb whose object is headed by an event
 * noun codes the noun's event, presented as the verb's modality says. */
static int match_support(const ctx_t *c, const ne_vgroup_t *vg, uint32_t from, ne_match_t *out)
{
    if (vg->flags & NE_VG_PASSIVE) return 0;
    for (uint32_t s = ne_lex_supports(c->lx, vg->lemma); s != NE_LEX_NONE;
         s = ne_lex_support(c->lx, s)->next) {
        const ne_support_t *sp = ne_lex_support(c->lx, s);
        uint32_t q = match_particles(c, sp, from);
        if (!q) continue;
        q = skip_transparent(c, q);
        int indefinite = 0;
        for (int k = 0; k <= MAX_PREMOD && q < c->te; k++, q++) {
            uint32_t noun = ne_lex_noun(c->lx, tok(c, q)->word);
            mstate_t ms;
            if (is_w(c, q, "a") || is_w(c, q, "an")) indefinite = 1;
            if (noun != NE_LEX_NONE && aspect_gerund(c, vg, q)) break;
            if (noun != NE_LEX_NONE && match_noun(c, noun, q + 1, &ms)) {
                /* "to ensure a credible vote": a noun that only refers to
                 * an act told before (`---  vote`) refers to none after "a" */
                if (indefinite && !strcmp(ms.p->code, NE_CODE_NONE)) break;
                out->pat = ms.p;
                out->target = ms.target;
                out->evnoun = ms.evnoun;
                out->end = ms.end;
                out->modality = sp->modality;
                return 1;
            }
            if (noun != NE_LEX_NONE && possessed_noun(c, noun, q, out)) {
                out->modality = sp->modality;
                return 1;
            }
            if (!np_internal(c, q)) break;
        }
    }
    return 0;
}

/* Does pattern p describe its object's words: no counterpart slot, and a
 * number or a noun class first (`kill # &VICTIMS`)? */
static int object_pattern(const ne_lexicon_t *lx, const ne_pattern_t *p)
{
    const ne_pelem_t *el = ne_lex_pelems(lx) + p->elem;
    /* "seize * boat|vessel": a gap and the object's head words only, as
     * "kill # &VICTIMS" ("Two Chinese fishing boats were seized") */
    int head_only = p->nelem == 2 && el[0].type == NE_PE_GAP &&
                    (el[1].type == NE_PE_WORD || el[1].type == NE_PE_CLASS);
    /* (a reply too: "The accusation was denied by Moscow", `deny * accusation  reply`) */
    if (!p->nelem || !(p->opts & (NE_PO_OBJ | NE_PO_REPLY)) ||
        (el[0].type != NE_PE_MANY && el[0].type != NE_PE_CLASS && !head_only))
        return 0;
    for (uint16_t k = 0; k < p->nelem; k++)
        if (el[k].type == NE_PE_TARGET) return 0;
    return 1;
}

int ne_actions_match_object(const ne_lexicon_t *lx, const ne_doc_t *d, uint32_t tb, uint32_t te,
                            const ne_vgroup_t *vg, uint32_t from, uint32_t to, ne_match_t *out)
{
    ctx_t c = {lx, (ne_doc_t *)d, tb, to < te ? to : te}; /* the phrase only */
    size_t np;
    const ne_pattern_t *pats = ne_lex_patterns(lx, vg->lemma, &np);
    for (size_t k = 0; k < np; k++) {
        const ne_pattern_t *p = &pats[k];
        mstate_t ms;
        if (!object_pattern(lx, p) || !words_present(lx, p, d) || !match_active(&c, p, from, &ms))
            continue;
        out->pat = p;
        out->target = -1;
        out->evnoun = -1;
        out->end = ms.end;
        out->modality = 0;
        return 1;
    }
    return 0;
}

int ne_actions_match_phrase(const ne_lexicon_t *lx, const ne_doc_t *d, uint32_t tb, uint32_t te,
                            const ne_vgroup_t *vg, uint32_t from, uint32_t to, uint32_t head,
                            ne_match_t *out)
{
    ctx_t c = {lx, (ne_doc_t *)d, tb, to < te ? to : te}; /* the phrase only */
    const ne_pelem_t *el = ne_lex_pelems(lx);
    size_t np;
    const ne_pattern_t *pats = ne_lex_patterns(lx, vg->lemma, &np);
    mstate_t best = {NULL, -1, -1, 0, 0};
    for (size_t k = 0; k < np; k++) {
        const ne_pattern_t *p = &pats[k];
        if (best.p && p->score != best.p->score) break;
        /* a pattern with the counterpart first is the passive's own reading */
        if (!p->nelem || el[p->elem].type == NE_PE_TARGET || !words_present(lx, p, d)) continue;
        mstate_t ms;
        if (!match_active(&c, p, from, &ms) || ms.end <= head || ms.evnoun >= 0) continue;
        if (!best.p || ms.spec > best.spec) best = ms;
    }
    if (!best.p) return 0;
    out->pat = best.p;
    out->target = best.target;
    out->evnoun = -1;
    out->end = vg->head + 1;
    out->modality = 0;
    return 1;
}

int ne_actions_match_gapped(const ne_lexicon_t *lx, const ne_doc_t *d, uint32_t tb, uint32_t te,
                            const ne_vgroup_t *vg, uint32_t from, uint32_t gap, ne_match_t *out)
{
    ctx_t c = {lx, (ne_doc_t *)d, tb, te}; /* read only here */
    const ne_pelem_t *el = ne_lex_pelems(lx);
    size_t np;
    const ne_pattern_t *pats = ne_lex_patterns(lx, vg->lemma, &np);
    mstate_t best = {NULL, -1, -1, 0, 0, 0, 0, 0};
    for (size_t k = 0; k < np; k++) {
        const ne_pattern_t *p = &pats[k];
        if (best.p && p->score != best.p->score) break;
        if (!p->nelem || el[p->elem].type == NE_PE_TARGET || !words_present(lx, p, d)) continue;
        mstate_t ms = {p, -1, -1, 0, 0, gap, vg->head + 1, 0};
        if (!match_from(&c, &ms, 0, from) || !ms.inside) continue;
        if (!best.p || ms.spec > best.spec) best = ms;
    }
    if (!best.p) return 0;
    out->pat = best.p;
    out->target = best.target;
    out->evnoun = best.evnoun;
    out->end = best.end > vg->head ? best.end : vg->head + 1;
    out->modality = 0;
    return 1;
}

int ne_actions_match_open(const ne_lexicon_t *lx, const ne_doc_t *d, uint32_t tb, uint32_t te,
                          const ne_vgroup_t *vg, ne_match_t *out)
{
    ctx_t c = {lx, (ne_doc_t *)d, tb, te}; /* read only here */
    size_t np;
    const ne_pattern_t *pats = ne_lex_patterns(lx, vg->lemma, &np);
    if (vg->flags & NE_VG_PASSIVE) return 0;
    mstate_t best = {NULL, -1, -1, 0, 0, 0, 0, 0, 0};
    for (size_t k = 0; k < np; k++) {
        const ne_pattern_t *p = &pats[k];
        if (best.p && p->score != best.p->score) break;
        /* the words before a final "preposition +" must be there */
        const ne_pelem_t *e = ne_lex_pelems(lx) + p->elem;
        ne_pattern_t head = *p;
        if (p->nelem >= 3 && e[p->nelem - 1].type == NE_PE_TARGET && e[p->nelem - 2].type == NE_PE_WORD)
            head.nelem -= 2, head.wbits = head.cbits = 0; /* the bits were of all of p */
        if (!words_present(lx, &head, d)) continue;
        mstate_t ms = {p, -1, -1, 0, 0, 0, 0, 0, 1};
        if (!match_from(&c, &ms, 0, vg->head + 1)) continue;
        if (!best.p || ms.spec > best.spec) best = ms;
    }
    return best_match(&best, out);
}

int ne_actions_sentence_has(const ne_doc_t *d, int32_t word)
{
    return word >= 0 && d->wset.n && wset_has(d, word);
}

int32_t ne_actions_event_head(const ne_lexicon_t *lx, const ne_doc_t *d, uint32_t tb, uint32_t te, uint32_t pos)
{
    ctx_t c = {lx, (ne_doc_t *)d, tb, te}; /* read only here */
    return pos < te ? event_np_head(&c, pos) : -1;
}

uint32_t ne_actions_naming_end(const ne_lexicon_t *lx, const ne_doc_t *d, uint32_t tb, uint32_t te, uint32_t i)
{
    ctx_t c = {lx, (ne_doc_t *)d, tb, te}; /* read only here */
    return skip_naming_relative(&c, i);
}

uint32_t ne_actions_class_at(const ne_lexicon_t *lx, const ne_doc_t *d, uint32_t tb, uint32_t te,
                             uint32_t cls, uint32_t i)
{
    ctx_t c = {lx, (ne_doc_t *)d, tb, te}; /* read only here */
    /* no word of the sentence begins a member of the class (wset_fill's
     * bits, as words_present reads them): frames asks at every token of a
     * clause */
    if (cls < 64 && i >= tb && i < te && !(d->wclasses & (1ull << cls))) return 0;
    return class_phrase_end(&c, cls, i);
}

int ne_actions_match_fallback(const ne_lexicon_t *lx, const ne_doc_t *d, uint32_t tb, uint32_t te,
                              const ne_vgroup_t *vg, const ne_pattern_t *failed, ne_match_t *out)
{
    ctx_t c = {lx, (ne_doc_t *)d, tb, te}; /* read only here */
    return match_below(&c, vg, vg->head + 1, failed->score, failed, out);
}

/* Does pattern p name particle words only, no object, counterpart or gap
 * (`agree to  recip`, `agree on  recip`)? What follows them is unread. */
static int particles_only(const ne_lexicon_t *lx, const ne_pattern_t *p)
{
    const ne_pelem_t *el = ne_lex_pelems(lx) + p->elem;
    for (uint16_t k = 0; k < p->nelem; k++)
        if (el[k].type != NE_PE_WORD) return 0;
    return 1;
}

/* Does pattern p open with a gap ("announce * arms sales to +")? */
static int gap_first(const ne_lexicon_t *lx, const ne_pattern_t *p)
{
    return p->nelem && ne_lex_pelems(lx)[p->elem].type == NE_PE_GAP;
}

/* "agreed on Saturday to swap prisoners": the verb right after a verb of
 * agreeing's pattern of particles only (`agree to  recip`) that has a frame of its own says
 * what was agreed (the governing verb lends it its mood); the particles'
 * reading is only for a verb with none ("agreed to resume patrolling").
 * One look at the groups of the sentence, bounded by a few tokens. */
static int coded_verb_after(const ne_lexicon_t *lx, const ne_doc_t *d, uint32_t tb, uint32_t te, uint32_t end)
{
    for (size_t k = 0; k < d->vg.n; k++) {
        const ne_vgroup_t *g = &d->vg.v[k];
        if (g->head < end || g->head >= end + 3 || g->head >= te || (g->flags & NE_VG_NOUN)) continue;
        ne_match_t mt;
        ctx_t c = {lx, (ne_doc_t *)d, tb, te};
        return match_at(&c, g, g->head + 1, &mt) || match_support(&c, g, g->head + 1, &mt);
    }
    return 0;
}

int ne_actions_match(const ne_lexicon_t *lx, const ne_doc_t *d, uint32_t tb, uint32_t te,
                     const ne_vgroup_t *vg, ne_match_t *out)
{
    ctx_t c = {lx, (ne_doc_t *)d, tb, te}; /* read only here */
    if (match_at(&c, vg, vg->head + 1, out) &&
        !((ne_lex_lemma_flags(lx, vg->lemma) & NE_L_AGREE) && particles_only(lx, out->pat) &&
          coded_verb_after(lx, d, tb, te, out->end))) {
        /* "urged the release of X" (`urge +` over an event noun): a support
         * verb presents the event its object names */
        ne_match_t sup;
        /* ... unless the noun only refers to an event (`---  decision`,
         * `---  sanction`): the '+' reading resolves it to the act's doer
         * ("Israel rejected the decision", "Tehran rejected the sanctions":
         * `reject +`); the refusal family would make a refused act of it, or
         * nothing ("refused sanctions" as "refused to impose sanctions") */
        if (out->evnoun >= 0 && match_support(&c, vg, vg->head + 1, &sup)) {
            if (strcmp(sup.pat->code, NE_CODE_NONE)) *out = sup;
        }
        /* "announced sanctions on three firms | over U.S. arms sales to
         * Taiwan": the object is an event noun phrase complete with its
         * counterpart; a pattern whose leading gap ran past it into a later
         * phrase (`announce * arms sales to +`) read an adjunct's words */
        else if (gap_first(lx, out->pat) && match_support(&c, vg, vg->head + 1, &sup) && sup.end < out->end &&
                 (sup.target >= 0 || (sup.pat->opts & NE_PO_OBJ)))
            *out = sup;
        /* "agreed to a new aid package for Manila": a pattern of particles
         * only (`agree to  recip`) leaves its object unread; an event noun
         * heading that object, with its own frame, says what was agreed */
        else if (particles_only(lx, out->pat) && match_support(&c, vg, vg->head + 1, &sup) &&
                 strcmp(sup.pat->code, NE_CODE_NONE))
            *out = sup;
        return 1;
    }
    if (match_support(&c, vg, vg->head + 1, out)) return 1;
    /* "is opposed to X" says "opposes X" when no frame takes the preposition */
    if ((vg->flags & NE_VG_STATIVE) && match_at(&c, vg, vg->head + 2, out)) return 1;
    /* "beat and detained several journalists": the first verb shares the
     * object of the second */
    uint32_t n = vg->head + 1, v = n + 1;
    /* ("donated and personally delivered goods to": adverbs before the second) */
    for (int k = 0; k < 2 && v + 1 < te && is_adverb(&c, v); k++) v++;
    if (v < te && (is_w(&c, n, "and") || is_w(&c, n, "or")) && coordinated_verb(&c, v))
        return match_at(&c, vg, v + 1, out);
    return 0;
}
