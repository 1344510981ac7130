/*
 * actors.c - actor mentions: phrases, not words.
 *
 * One left-to-right pass over a sentence. At each token the longest
 * dictionary phrase is looked up; a small grammar then grows a mention
 * around it (parse_mention, in this order):
 *
 *   pronoun | group reference ("the two countries", "the bloc")
 *   | [det|poss|number]* ( N of MENTION          "members of his guard"
 *                        | WATER-NAME            "the South China Sea"
 *                        | head )
 *   head:  (owner 's | adjective | X-led | modifier)* role* (name | ORG-NAME)
 *          [of|in PLACE] [, NAME (and NAME)* ,]
 *
 * where an owner is any actor phrase ("Russia's", "Houthi", "ASEAN"), a
 * role comes from roles.tsv ("foreign ministry", "protesters", "missiles"),
 * and an organisation's name is a capitalised run ending in a head noun
 * ("the Law Society of Kenya"). The word classes these constructions open
 * on are data in mention-words.tsv. A mention ends where the verb begins.
 * Mentions joined by "and" (or a list "A, B and C") merge into one compound
 * mention, which the article remembers as its cast. Pronouns, short names,
 * possessive pronouns and group references are resolved against the
 * article memory as they are met, so they only ever point backwards.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "actors.h"
#include "sentence.h"

enum { A_NONE = 0, A_ACTOR, A_ROLE, A_NAME, A_OTHER };

typedef ne_atom_t atom_t;

typedef struct ctx_s {
    ne_sent_t s;
    ne_memory_t *mem;
    size_t sent_recent; /* mem->nrecent when the sentence began */
    uint32_t
        movements[4]; /* mentions of movements with no state named: placed at the end */
    int nmovements;
    ne_mention_t pair; /* a pair "A and B" of the sentence that "their" stands for */
} ctx_t;

#define tok(c, i) ne_s_tok(&(c)->s, i)
#define wf(c, i) ne_s_wf(&(c)->s, i)
#define is_w(c, i, w) NE_S_IS_W(&(c)->s, i, w)
#define is_punct(c, i, chars) ne_s_punct(&(c)->s, i, chars)
#define is_hyphen(c, i) is_punct(c, i, "-")

void ne_memory_reset(ne_memory_t *mem)
{
    /* the small state, up to the rings: an article never sees the last one's */
    memset(mem, 0, offsetof(ne_memory_t, names));
}

int ne_memory_thing_owner(const ne_memory_t *mem, int32_t word, ne_member_t *out)
{
    size_t have = mem->nthings < NE_MEM_THINGS ? mem->nthings : NE_MEM_THINGS;
    for (size_t k = 0; k < have; k++) {
        size_t slot = (mem->nthings - 1 - k) % NE_MEM_THINGS;
        if (mem->things[slot].word == word) {
            *out = mem->things[slot].owner;
            return 1;
        }
    }
    return 0;
}

void ne_member_set(ne_member_t *m, const char *country, const char *role)
{
    /* country and role are at most three letters each; copies are made
     * first because callers may pass m's own fields */
    char cty[4] = "", rl[4] = "";
    size_t nc = 0, nr = 0;
    /* byte loops of three at most: strnlen and memcpy of a length known
     * only here were four calls, for some 50k members per 2 MB */
    if (country)
        for (; nc < 3 && country[nc]; nc++) cty[nc] = country[nc];
    if (role)
        for (; nr < 3 && role[nr]; nr++) rl[nr] = role[nr];
    memcpy(m->country, cty, 4);
    memcpy(m->role, rl, 4);
    for (size_t k = 0; k < nc; k++) m->code[k] = cty[k];
    for (size_t k = 0; k < nr; k++) m->code[nc + k] = rl[k];
    m->code[nc + nr] = '\0';
}

/* Copy a mention with only the members it has: a mention is 268 bytes, most
 * of them eight member slots, and one or two are used. The whole-struct
 * copies of every mention into the sentence and the memory cost more than
 * a tenth of this stage's own time (perf). */
static void mention_copy(ne_mention_t *dst, const ne_mention_t *src)
{
    /* a water's mention has no member, but keeps the state its name
     * borrows in the first slot (parse_water) */
    size_t n = src->n < NE_MAX_MEMBERS ? src->n : NE_MAX_MEMBERS;
    if (!n && (src->flags & NE_MF_WATER)) n = 1;
    memcpy(dst, src, offsetof(ne_mention_t, m) + n * sizeof(src->m[0]));
}

/* One more naming of state `country` in this article (the first
 * NE_MEM_STATES states named are counted; later ones are rare). */
static void count_state(ne_memory_t *mem, const char *country)
{
    /* a member's country is zero-padded to four bytes (ne_member_set):
     * one word compare, where strcmp was a call per state per mention */
    for (int k = 0; k < mem->nstates; k++)
        if (!memcmp(mem->states[k].country, country, 4)) {
            mem->states[k].n++;
            return;
        }
    if (mem->nstates == NE_MEM_STATES) return;
    memcpy(mem->states[mem->nstates].country, country, 4);
    mem->states[mem->nstates++].n = 1;
}

void ne_memory_push(ne_memory_t *mem, const ne_mention_t *m)
{
    if (!m->n) return;
    mention_copy(&mem->recent[mem->nrecent % NE_MEM_RECENT], m);
    mem->nrecent++;
    /* "a law that mirrors Russian legislation": an adjective on a thing
     * names no state the story is about */
    if (m->flags & NE_MF_WEAK) return;
    for (int i = 0; i < m->n; i++)
        if (m->m[i].country[0]) {
            memcpy(mem->country, m->m[i].country, 4);
            count_state(mem, m->m[i].country);
        }
}

const char *ne_memory_main_state(const ne_memory_t *mem)
{
    int best = -1, second = 0;
    for (int k = 0; k < mem->nstates; k++) {
        if (best < 0 || mem->states[k].n > mem->states[best].n) {
            if (best >= 0) second = mem->states[best].n;
            best = k;
        } else if (mem->states[k].n > second) {
            second = mem->states[k].n;
        }
    }
    return best >= 0 && mem->states[best].n >= 2 && mem->states[best].n > second ? mem->states[best].country
                                                                                   : NULL;
}

/* "Police arrested former minister Carlos Mendoza. Bolivia granted Mendoza
 * (him) asylum": the arrest placed Mendoza in Peru, so the later surname and
 * pronoun are Peru's, not the state of the sentence they are in. The names
 * ring is updated where it holds the surname with the same bare role, and
 * the placed person is remembered for pronouns (the last country named
 * stays: the text did not name one). */
void ne_memory_place_person(ne_memory_t *mem, const ne_doc_t *d, const ne_mention_t *m,
                            const ne_member_t *placed)
{
    if (m->n != 1 || !(m->flags & NE_MF_PERSON) || !placed->country[0] || m->te <= m->tb)
        return;
    const ne_token_t *t = &d->tok.v[m->te - 1];
    if (t->kind != NE_TK_WORD) return;
    uint64_t last = ne_fnv1a(NE_FNV_OFFSET, ne_tok_fold(d, t), t->fold_len);
    size_t n = mem->nnames < NE_MEM_NAMES ? mem->nnames : NE_MEM_NAMES;
    int named = 0;
    for (size_t k = 0; k < n; k++) {
        ne_member_t *nm = &mem->names[k].m;
        if (mem->names[k].last != last || mem->names[k].org || nm->country[0] ||
            strcmp(nm->role, m->m[0].role))
            continue;
        ne_member_set(nm, placed->country, nm->role);
        named = 1;
    }
    if (!named) return; /* a person of no name ("a man") is no referent later */
    ne_mention_t r = *m;
    ne_member_set(&r.m[0], placed->country, m->m[0].role);
    r.flags &= (uint16_t)~NE_MF_GENERIC;
    mem->recent[mem->nrecent % NE_MEM_RECENT] = r;
    mem->nrecent++;
}

/* ---- tokens ------------------------------------------------------------- */

static int is_capitalized(const ctx_t *c, uint32_t i)
{
    const ne_token_t *t = tok(c, i);
    return (t->flags & (NE_TF_CAP | NE_TF_ALLCAP | NE_TF_DOTTED)) != 0;
}

/* "the pope met ...", "the pope's remarks": a seat (a one-person office or
 * a building that stands for a government organ) right after "the" names it
 * in lower case too, as news style writes "the pope"; other entries (a
 * state, a person) must be capitalised. */
static int definite_seat(const ctx_t *c, uint32_t i, const ne_lexent_t *en)
{
    return en->kind == NE_AK_SEAT && i > c->s.tb && is_w(c, i - 1, "the");
}

/* Is token i a capitalised adjective that is no name (class `adjective` of
 * mention-words.tsv: a creed's or a movement's, "Protestant", "Islamist";
 * an office's, "Federal")? It modifies the noun after it as a lower-case
 * word does ("the largest Protestant extremist group", "the Pakistani
 * Federal Secretary"). */
static int cap_adjective(const ctx_t *c, uint32_t i)
{
    return (ne_lex_mention_class(c->s.lx, tok(c, i)->word, NE_MC_CAP_ADJ, NULL) & NE_MC_CAP_ADJ) != 0;
}

/* A lower-case word that may modify a noun ("senior", "far-right",
 * "ousted"): a plain word that is not grammar, or a capitalised adjective. */
static int is_modifier(const ctx_t *c, uint32_t i)
{
    if (i >= c->s.te) return 0;
    const ne_token_t *t = tok(c, i);
    if (t->kind != NE_TK_WORD || ((t->flags & NE_TF_CAP) && !cap_adjective(c, i))) return 0;
    uint32_t f = ne_lex_word_flags(c->s.lx, t->word);
    return !(f & (NE_W_PREP | NE_W_CONJ | NE_W_BE | NE_W_HAVE | NE_W_DO | NE_W_FUTURE |
                  NE_W_MODAL | NE_W_NEG | NE_W_REL | NE_W_PRON | NE_W_DET | NE_W_POSS |
                  NE_W_SUBORD));
}

/* ---- dictionary atoms --------------------------------------------------- */

static int entry_valid(const ne_lexent_t *e, int date)
{
    if (!date) return 1;
    if (e->from && date < e->from) return 0;
    if (e->to && date > e->to) return 0;
    return 1;
}

static int kind_rank(int k)
{
    switch (k) {
    case NE_AK_PERSON: return 9;
    case NE_AK_GROUP:
    case NE_AK_MOVEMENT:
        return 8;
    case NE_AK_IGO: return 7;
    case NE_AK_SEAT: return 6;
    case NE_AK_COUNTRY:
    case NE_AK_STATES:
        return 5;
    case NE_AK_CAPITAL: return 4;
    case NE_AK_PEOPLE: return 3;
    case NE_AK_ADJ: return 2;
    case NE_AK_PLACE: return 1;
    case NE_AK_SURNAME: return 0;
    default: return -1;
    }
}

static int person_seen(const ne_memory_t *mem, uint32_t person)
{
    for (size_t i = 0; i < mem->npersons && i < NE_MEM_PERSONS; i++)
        if (mem->persons[i] == person) return 1;
    return 0;
}

static int title_before(const ctx_t *c, uint32_t i);

/* Is token k a word the dictionaries know only as a surname ("Lopez")? */
static int surname_word(const ctx_t *c, uint32_t k)
{
    uint32_t n = ne_lex_child(c->s.lx, 0, tok(c, k)->word);
    uint32_t e = n == NE_LEX_NONE ? NE_LEX_NONE : ne_lex_node_entry(c->s.lx, n);
    if (e == NE_LEX_NONE || wf(c, k)) return 0;
    for (; e != NE_LEX_NONE; e = ne_lex_entry(c->s.lx, e)->next)
        if (ne_lex_entry(c->s.lx, e)->kind != NE_AK_SURNAME) return 0;
    return 1;
}

/* A capitalised word that is neither grammar nor a dictionary entry of its
 * own, other than a surname ("Sadio", "Protasevich", "Catholic", "Moussa"):
 * a word of some name. */
static int plain_name_word(const ctx_t *c, uint32_t k)
{
    if (k < c->s.tb || k >= c->s.te) return 0;
    const ne_token_t *t = tok(c, k);
    if (t->kind != NE_TK_WORD || !(t->flags & NE_TF_CAP) || wf(c, k)) return 0;
    uint32_t n = ne_lex_child(c->s.lx, 0, t->word);
    if (n == NE_LEX_NONE) return 1;
    for (uint32_t e = ne_lex_node_entry(c->s.lx, n); e != NE_LEX_NONE;
         e = ne_lex_entry(c->s.lx, e)->next)
        if (ne_lex_entry(c->s.lx, e)->kind != NE_AK_SURNAME) return 0;
    return 1;
}

static int after_title(const ctx_t *c, uint32_t i)
{
    if (i <= c->s.tb) return 0;
    if (wf(c, i - 1) & NE_W_TITLE_ABBR) return 1;
    if (title_before(c, i)) return 1;
    if (is_punct(c, i - 1, ".") && i - 1 > c->s.tb && (wf(c, i - 2) & NE_W_TITLE_ABBR))
        return 1;
    return 0;
}

/* Does a role title end right before token i ("President Erdogan")? Titles
 * are at most a few words: try the phrases that end at i - 1. */
static int title_before(const ctx_t *c, uint32_t i)
{
    for (uint32_t s = i > 4 ? i - 4 : c->s.tb; s < i; s++) {
        if (s < c->s.tb) continue;
        uint32_t node = 0, j;
        for (j = s; j < i; j++) {
            node = ne_lex_child(c->s.lx, node, tok(c, j)->word);
            if (node == NE_LEX_NONE) break;
        }
        if (j < i || node == NE_LEX_NONE) continue;
        for (uint32_t e = ne_lex_node_entry(c->s.lx, node); e != NE_LEX_NONE; e = ne_lex_entry(c->s.lx, e)->next)
            if (ne_lex_entry(c->s.lx, e)->kind == NE_RK_TITLE) return 1;
    }
    return 0;
}

/* Do all surname entries of a trie node name people of one country? Then
 * the surname alone is safe to code ("Erdogan", "Zakharova"). */
static int surname_unambiguous(const ctx_t *c, uint32_t node)
{
    const char *country = NULL;
    for (uint32_t e = ne_lex_node_entry(c->s.lx, node); e != NE_LEX_NONE; e = ne_lex_entry(c->s.lx, e)->next) {
        const ne_lexent_t *en = ne_lex_entry(c->s.lx, e);
        if (en->kind != NE_AK_SURNAME) continue;
        if (!country) country = en->code;
        else if (strncmp(country, en->code, 3)) return 0;
    }
    return country != NULL;
}

#define MAX_NAME_LOOKBACK 600 /* tokens of the article looked back through for another bearer of a surname */

/* Did the article name someone else with the surname at token i before it:
 * the same word right after a capitalised given name that the dictionaries
 * do not know ("U.S. citizen Daniel Harper ... Harper denied")? Then the
 * surname alone is that person, not the dictionary's bearer. */
static int other_bearer_named(const ctx_t *c, uint32_t i)
{
    int32_t w = tok(c, i)->word;
    uint32_t lo = i > MAX_NAME_LOOKBACK ? i - MAX_NAME_LOOKBACK : 0;
    for (uint32_t k = i; k-- > lo + 1;) {
        if (tok(c, k)->word != w) continue;
        const ne_token_t *g = tok(c, k - 1);
        if (g->kind != NE_TK_WORD || !(g->flags & NE_TF_CAP) || g->word < 0 || ne_lex_word_flags(c->s.lx, g->word))
            continue;
        /* a given name: no dictionary entry of its own but a surname's
         * ("Daniel" opens "Daniel Ortega" and is no entry alone) */
        uint32_t n = ne_lex_child(c->s.lx, 0, g->word), e = n == NE_LEX_NONE ? NE_LEX_NONE : ne_lex_node_entry(c->s.lx, n);
        while (e != NE_LEX_NONE && ne_lex_entry(c->s.lx, e)->kind == NE_AK_SURNAME) e = ne_lex_entry(c->s.lx, e)->next;
        if (e == NE_LEX_NONE) return 1;
    }
    return 0;
}

/* "an English teacher": a surname alone that is also a capitalised
 * adjective (class `adjective`), before a lower-case word, is the
 * adjective, not Bill English. */
static int adjective_not_surname(const ctx_t *c, uint32_t i)
{
    if (!cap_adjective(c, i) || i + 1 >= c->s.te) return 0;
    const ne_token_t *n = tok(c, i + 1);
    return n->kind == NE_TK_WORD && !(n->flags & NE_TF_CAP);
}

static atom_t lookup_uncached(const ctx_t *c, uint32_t i);

/* Pick the entries of the longest phrase starting at i. The grammar asks
 * about the same token several times (is a role ahead? a name?): the
 * answer is cached for the sentence. */
static atom_t lookup(const ctx_t *c, uint32_t i)
{
    if (i >= c->s.te) {
        /* past the sentence: nothing (callers look one or two tokens ahead) */
        atom_t none = {A_NONE, i, NE_LEX_NONE, NE_LEX_NONE, 0};
        return none;
    }
    ne_atom_t *slot = &c->s.d->atoms.v[i - c->s.tb];
    if (slot->type < 0) *slot = lookup_uncached(c, i);
    return *slot;
}

/* A name that opens with a lower-case particle: "al-Qaeda", "al-Shabaab". */
static int particle_name(const ctx_t *c, uint32_t i)
{
    if (!(wf(c, i) & NE_W_PARTICLE)) return 0;
    uint32_t k = i + 1;
    if (is_hyphen(c, k)) k++;
    return k < c->s.te && (tok(c, k)->flags & NE_TF_CAP);
}

/* "China urged Brussels to correct its practices" after "The European
 * Union imposed tariffs": a capital that has an `igo` line too (Brussels)
 * stands for the organisation only once the article has named it (among
 * the recent mentions); before that it is the capital's state. So does a
 * city that is no capital, the seat of a body ("Lawmakers in Strasbourg"
 * after "the European Parliament"; before that, a place in France). Is
 * entry en of node such an organisation, not yet named? */
static int seat_of_unnamed_org(const ctx_t *c, uint32_t node, const ne_lexent_t *en)
{
    int capital = 0;
    for (uint32_t e = ne_lex_node_entry(c->s.lx, node); e != NE_LEX_NONE && !capital;
         e = ne_lex_entry(c->s.lx, e)->next)
        capital = ne_lex_entry(c->s.lx, e)->kind == NE_AK_CAPITAL || ne_lex_entry(c->s.lx, e)->kind == NE_AK_PLACE;
    if (!capital) return 0;
    const ne_memory_t *mem = c->mem;
    size_t n = mem->nrecent < NE_MEM_RECENT ? mem->nrecent : NE_MEM_RECENT;
    for (size_t k = 0; k < n; k++) {
        const ne_mention_t *m = &mem->recent[(mem->nrecent - 1 - k) % NE_MEM_RECENT];
        for (int j = 0; j < m->n; j++)
            if (!strcmp(m->m[j].code, en->code)) return 0;
    }
    return 1;
}

#define MAX_STATE_NAME 4 /* tokens of a state's name ("Democratic Republic of Congo") */

/* Does the sentence, outside tokens [i, j], name the state code3 by its
 * name or adjective ("the north Lebanese port")? A walk of the phrase tree
 * at each capitalised token, with no lookup (no recursion into atoms). */
static int state_named_elsewhere(const ctx_t *c, const char *code3, uint32_t i, uint32_t j)
{
    const ne_lexicon_t *lx = c->s.lx;
    for (uint32_t k = c->s.tb; k < c->s.te; k++) {
        if (k >= i && k <= j) continue;
        if (!(tok(c, k)->flags & NE_TF_CAP)) continue;
        uint32_t node = 0;
        for (uint32_t q = k; q < c->s.te && q - k < MAX_STATE_NAME; q++) {
            node = ne_lex_child(lx, node, tok(c, q)->word);
            if (node == NE_LEX_NONE) break;
            for (uint32_t e = ne_lex_node_entry(lx, node); e != NE_LEX_NONE; e = ne_lex_entry(lx, e)->next) {
                const ne_lexent_t *en = ne_lex_entry(lx, e);
                if ((en->kind == NE_AK_COUNTRY || en->kind == NE_AK_ADJ) && !strncmp(en->code, code3, 3)) return 1;
            }
        }
    }
    return 0;
}

/* A place's name that several states have ("Tripoli" in Libya and in
 * Lebanon; "Juba" in Sudan until 2011): of the place entries of the phrase
 * (capital or place) valid at the article's date, the one whose state the
 * sentence names elsewhere ("in Tripoli ... the north Lebanese port"),
 * or the valid one when best is out of its period; else best. */
static uint32_t place_of_named_state(const ctx_t *c, uint32_t node, uint32_t best, uint32_t i, uint32_t j)
{
    const ne_lexicon_t *lx = c->s.lx;
    const ne_lexent_t *b = ne_lex_entry(lx, best);
    if (b->kind != NE_AK_CAPITAL && b->kind != NE_AK_PLACE) return best;
    uint32_t other = NE_LEX_NONE;
    for (uint32_t e = ne_lex_node_entry(lx, node); e != NE_LEX_NONE; e = ne_lex_entry(lx, e)->next) {
        const ne_lexent_t *en = ne_lex_entry(lx, e);
        if ((en->kind == NE_AK_CAPITAL || en->kind == NE_AK_PLACE) && strncmp(en->code, b->code, 3) &&
            entry_valid(en, c->s.d->published))
            other = e;
    }
    if (other == NE_LEX_NONE) return best;
    /* "Juba" before 2011: the capital of a state that did not exist yet */
    if (!entry_valid(b, c->s.d->published)) return other;
    if (state_named_elsewhere(c, b->code, i, j) || !state_named_elsewhere(c, ne_lex_entry(lx, other)->code, i, j))
        return best;
    return other;
}

/* "the ECOWAS Commission", "the IGAD Council": an organisation's name
 * followed by the head noun of an organisation (mention-words.tsv, class
 * org-head) names one of its organs, and the organ is the organisation (the
 * dictionaries list a few: "au commission"). The atom's end, past that noun
 * when there is one. One look ahead. */
static uint32_t igo_organ_end(const ctx_t *c, atom_t a)
{
    if (a.te >= c->s.te || ne_lex_entry(c->s.lx, a.actor)->kind != NE_AK_IGO ||
        tok(c, a.te)->kind != NE_TK_WORD ||
        !(ne_lex_mention_class(c->s.lx, tok(c, a.te)->word, NE_MC_ORG_HEAD, NULL) & NE_MC_ORG_HEAD))
        return a.te;
    return a.te + 1;
}

static atom_t lookup_uncached(const ctx_t *c, uint32_t i)
{
    atom_t a = {A_NONE, i, NE_LEX_NONE, NE_LEX_NONE, 0};
    const ne_lexicon_t *lx = c->s.lx;
    /* most words open no dictionary phrase: answered before the walk */
    if (ne_lex_child(lx, 0, tok(c, i)->word) == NE_LEX_NONE) return a;
    uint32_t node = 0;
    int date = c->s.d->published;
    for (uint32_t j = i; j < c->s.te && j - i < 16; j++) {
        node = ne_lex_child(lx, node, tok(c, j)->word);
        if (node == NE_LEX_NONE) break;
        uint32_t best = NE_LEX_NONE, role = NE_LEX_NONE;
        int best_rank = -1, best_valid = 0;
        for (uint32_t e = ne_lex_node_entry(lx, node); e != NE_LEX_NONE;
             e = ne_lex_entry(lx, e)->next) {
            const ne_lexent_t *en = ne_lex_entry(lx, e);
            if (en->kind == NE_RK_TITLE || en->kind == NE_RK_BODY ||
                en->kind == NE_RK_PERSON || en->kind == NE_RK_ARMS) {
                if (role == NE_LEX_NONE) role = e;
                continue;
            }
            /* names of states, places and people are written capitalized;
             * "turkey" or "chad" in lower case are other words, and a
             * one- or two-letter name in capitals ("US", not "us" or "Us") */
            if (!is_capitalized(c, i) && !particle_name(c, i) && !definite_seat(c, i, en)) continue;
            if (j == i && tok(c, i)->fold_len <= 2 &&
                !(tok(c, i)->flags & (NE_TF_ALLCAP | NE_TF_DOTTED)))
                continue;
            if (en->kind == NE_AK_SURNAME) {
                const ne_token_t *t = tok(c, i);
                /* the length is the surname proper's, after any particle:
                 * "al-Assad", "Al-Shaibani" open with a two-letter "al" */
                const ne_token_t *last = tok(c, j);
                if ((t->flags & NE_TF_ALLCAP) || last->fold_len < 3) continue;
                /* a surname ends a name, after the person's own given name:
                 * "Sadio Camara" is not another Camara, "Roman Protasevich"
                 * not Petre Roman, "Catholic Bishop" not Julie Bishop */
                if (plain_name_word(c, i - 1) || plain_name_word(c, j + 1)) continue;
                /* "the People Power Party": a capitalised word that ends an
                 * organisation's name (class org-head) after it makes it a
                 * word of that name, not Samantha Power */
                if (j + 1 < c->s.te && (tok(c, j + 1)->flags & NE_TF_CAP) && tok(c, j + 1)->word >= 0 &&
                    (ne_lex_mention_class(lx, tok(c, j + 1)->word, NE_MC_ORG_HEAD, NULL) & NE_MC_ORG_HEAD))
                    continue;
                /* "Shan-e-Mustafa", "Fazl-ur-Rehman": a word of a hyphenated name */
                if (i > c->s.tb && is_hyphen(c, i - 1) && !(t->flags & NE_TF_SPACE)) continue;
                if (!person_seen(c->mem, en->person) &&
                    ((j == i && adjective_not_surname(c, i)) || other_bearer_named(c, i) ||
                     (!after_title(c, i) && !(last->fold_len >= 5 && surname_unambiguous(c, node)))))
                    continue;
            }
            if (en->kind == NE_AK_IGO && seat_of_unnamed_org(c, node, en)) continue;
            int valid = entry_valid(en, date);
            int rank = kind_rank(en->kind) * 2 + valid;
            if (rank > best_rank) {
                best_rank = rank;
                best = e;
                best_valid = valid;
            }
        }
        if (best != NE_LEX_NONE) best = place_of_named_state(c, node, best, i, j);
        if (best != NE_LEX_NONE || role != NE_LEX_NONE) {
            a.te = j + 1;
            a.actor = best;
            a.role = role;
            a.valid = best_valid;
            a.type = best != NE_LEX_NONE ? A_ACTOR : A_ROLE;
        }
    }
    /* For a person or group with no entry valid at the date, the best valid
     * one may be elsewhere in the chain: prefer any valid entry of the same
     * kind (a person holding another office). */
    if (a.type == A_ACTOR && !a.valid) {
        const ne_lexent_t *b = ne_lex_entry(lx, a.actor);
        uint32_t n2 = 0;
        for (uint32_t j = i; j < a.te; j++) n2 = ne_lex_child(lx, n2, tok(c, j)->word);
        for (uint32_t e = ne_lex_node_entry(lx, n2); e != NE_LEX_NONE; e = ne_lex_entry(lx, e)->next)
            if (ne_lex_entry(lx, e)->kind == b->kind && entry_valid(ne_lex_entry(lx, e), date)) {
                a.actor = e;
                a.valid = 1;
                break;
            }
    }
    if (a.type == A_ACTOR) a.te = igo_organ_end(c, a);
    return a;
}

/* Is the word at k, or its singular, in grammar class gc? */
static int word_in_gclass(const ctx_t *c, uint32_t k, int gc)
{
    int32_t w = tok(c, k)->word;
    if (w < 0 || tok(c, k)->kind != NE_TK_WORD) return 0;
    int32_t sg = ne_lex_singular(c->s.lx, w);
    return ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, gc), sg >= 0 ? sg : w);
}

/* A word of the class EPITHETS ("lawyer", "activist"): a description
 * that a person's name follows. */
static int epithet_word(const ctx_t *c, uint32_t k)
{
    return word_in_gclass(c, k, NE_GC_EPITHETS);
}

static int finite_verb(const ctx_t *c, uint32_t k);
static uint32_t control_compound(const ctx_t *c, uint32_t j);
static int has_class(const ctx_t *c, uint32_t k, uint32_t cls, const char **value);

/* "Jordan Henderson criticised", "Chad Daybell was": a state's name that is
 * also a given name (class given), not after a determiner, before one plain
 * name word and the verb, opens a person's name ("the Jordan Valley", "Chad
 * Basin residents" stay places). */
static int given_name_subject(const ctx_t *c, uint32_t j)
{
    return has_class(c, j, NE_MC_GIVEN, NULL) && plain_name_word(c, j + 1) && finite_verb(c, j + 2) &&
           !(j > c->s.tb && (wf(c, j - 1) & NE_W_DET));
}

/* Is the dictionary atom a at j a word of a person's name? A one-word
 * city or region that ends a run of names ("Ivan Lima", "Sergio Paris"),
 * or opens one ("Aden Duale"), is a name, not the place. */
static int place_in_name(const ctx_t *c, uint32_t j, atom_t a, int first)
{
    if (a.type != A_ACTOR || a.te != j + 1) return 0;
    int kind = ne_lex_entry(c->s.lx, a.actor)->kind;
    /* a state's one-word name is a given name right after a role noun or an
     * epithet, before another name word: "journalist Jordan Mwangi",
     * "lawyer Chad Benali" */
    if (kind == NE_AK_COUNTRY && first)
        return (j > c->s.tb && plain_name_word(c, j + 1) &&
                (lookup(c, j - 1).type == A_ROLE || epithet_word(c, j - 1))) ||
               given_name_subject(c, j);
    if (kind != NE_AK_CAPITAL && kind != NE_AK_PLACE) return 0;
    return first ? plain_name_word(c, j + 1)
                 : plain_name_word(c, j - 1) && !plain_name_word(c, j + 1);
}

/* Is the role atom a at j the surname that ends a run of names ("Tom
 * King", "John Major", "Julie Bishop")? A title stands before a name, so a
 * one-word title of class `surname` after a given name, with no name after
 * it, is the person's surname. */
static int title_in_name(const ctx_t *c, uint32_t j, atom_t a)
{
    if (a.type != A_ROLE || a.te != j + 1 || j + 1 > c->s.te) return 0;
    if (!(ne_lex_mention_class(c->s.lx, tok(c, j)->word, NE_MC_SURNAME, NULL) & NE_MC_SURNAME))
        return 0;
    return plain_name_word(c, j - 1) &&
           !(j + 1 < c->s.te && (tok(c, j + 1)->flags & NE_TF_CAP) && !(wf(c, j + 1) & NE_W_NAME_SUFFIX));
}

/* Is token k a hyphen with no space on either side, after a capitalised
 * word and before a short lower-case word that is no English word of the
 * dictionaries (no grammar word, verb form, event noun, class member or
 * name other than a surname: "Young-ho", "Tae-yul"; not "Smith-led"):
 * the second syllable of a romanised given name? */
static int hyphen_syllable(const ctx_t *c, uint32_t k)
{
    if (k == c->s.tb || k + 1 >= c->s.te || !is_hyphen(c, k) || (tok(c, k)->flags & NE_TF_SPACE))
        return 0;
    const ne_token_t *a = tok(c, k - 1), *b = tok(c, k + 1);
    if (a->kind != NE_TK_WORD || !(a->flags & NE_TF_CAP) || b->kind != NE_TK_WORD ||
        (b->flags & (NE_TF_CAP | NE_TF_SPACE)) || b->fold_len > 5)
        return 0;
    if (b->word < 0) return 1;
    if (wf(c, k + 1) || ne_lex_vforms(c->s.lx, b->word) != NE_LEX_NONE ||
        ne_lex_noun(c->s.lx, b->word) != NE_LEX_NONE || ne_lex_cphrases(c->s.lx, b->word) != NE_LEX_NONE)
        return 0;
    /* a name of its own only as a surname ("ho" of Ri Yong-ho) */
    uint32_t n = ne_lex_child(c->s.lx, 0, b->word);
    if (n == NE_LEX_NONE) return 1;
    for (uint32_t e = ne_lex_node_entry(c->s.lx, n); e != NE_LEX_NONE; e = ne_lex_entry(c->s.lx, e)->next)
        if (ne_lex_entry(c->s.lx, e)->kind != NE_AK_SURNAME) return 0;
    return 1;
}

/* A run of capitalized unknown words: a name ("Maria Zakharova",
 * "Amir-Abdollahian", "Bashar al-Assad"). With first_place, the first
 * word may be a place that opens a name. Returns its end, or i. */
static uint32_t name_run_ex(const ctx_t *c, uint32_t i, int first_place)
{
    uint32_t j = i;
    while (j < c->s.te) {
        const ne_token_t *t = tok(c, j);
        if (t->kind == NE_TK_WORD && (t->flags & NE_TF_CAP) &&
            !(ne_lex_word_flags(c->s.lx, t->word) &
              (NE_W_DET | NE_W_PREP | NE_W_CONJ | NE_W_PRON | NE_W_POSS | NE_W_REL |
               NE_W_WEEKDAY | NE_W_MONTH | NE_W_BE | NE_W_HAVE | NE_W_DO | NE_W_FUTURE |
               NE_W_MODAL | NE_W_SUBORD))) {
            atom_t a = lookup(c, j);
            if (a.type != A_NONE && j > i) {
                if (place_in_name(c, j, a, 0) || title_in_name(c, j, a)) j++;
                break;
            }
            if (a.type != A_NONE && !(first_place && place_in_name(c, j, a, 1))) return i;
            j++;
            continue;
        }
        /* al-Assad, Ben-Gvir, bin Salman; Fazl-ur-Rehman, Zia-ul-Haq: a
         * particle between hyphens */
        if (j > i && is_hyphen(c, j) && j + 1 < c->s.te &&
            ((tok(c, j + 1)->flags & NE_TF_CAP) || (wf(c, j + 1) & NE_W_PARTICLE)) &&
            !(tok(c, j)->flags & NE_TF_SPACE)) {
            j++;
            continue;
        }
        /* Kim Young-ho, Cho Tae-yul: a syllable in lower case that no
         * dictionary knows, joined by a hyphen with no spaces, ends a
         * hyphenated given name ("Smith-led" is a word of the dictionaries) */
        if (j > i && hyphen_syllable(c, j)) {
            j += 2;
            continue;
        }
        if (j > i && t->kind == NE_TK_WORD && (wf(c, j) & NE_W_PARTICLE) && j + 1 < c->s.te) {
            if ((tok(c, j + 1)->flags & NE_TF_CAP) || is_hyphen(c, j + 1)) {
                j++;
                continue;
            }
        }
        break;
    }
    return j;
}

static uint32_t name_run(const ctx_t *c, uint32_t i)
{
    return name_run_ex(c, i, 0);
}

/* ---- members -------------------------------------------------------------- */

typedef struct build_s {
    ne_mention_t m;
    /* owners: actor entries that give a country to a role */
    ne_member_t own[NE_MAX_MEMBERS];
    int nown;
    int role_set;
    char role[4];
    int plural;
    int arms;     /* the head is a weapon or platform: an actor only with an owner */
    int movement; /* a movement across states with no state named: placed by the sentence
                   */
} build_t;

/* The member an actor entry stands for on its own. */
static void member_of_entry(const ctx_t *c, uint32_t e, int valid, ne_member_t *out)
{
    const ne_lexent_t *en = ne_lex_entry(c->s.lx, e);
    memset(out, 0, sizeof(*out));
    const char *code = en->code;
    if (ne_code_stateless(code)) {
        ne_strlcpy(out->code, code, sizeof(out->code));
        return;
    }
    char country[4];
    ne_strlcpy(country, code, sizeof(country));
    const char *role = code + 3;
    if (!valid && (en->kind == NE_AK_PERSON || en->kind == NE_AK_SURNAME))
        role = "OPP"; /* a person out of office: the opposition, as the gold codes */
    else if (!valid && (en->kind == NE_AK_GROUP || en->kind == NE_AK_MOVEMENT))
        role = ""; /* a group outside its period: the bare country */
    if (en->kind == NE_AK_PEOPLE && !*role) role = "CVL";
    if (en->kind == NE_AK_STATES) role = ""; /* the first state of the group; add_state_group adds all */
    ne_member_set(out, country, role);
}

static void add_owner(build_t *b, const ne_member_t *m)
{
    if (b->nown < NE_MAX_MEMBERS) b->own[b->nown++] = *m;
}

/* A group of states by one name ("the Baltic states", "the two Koreas"):
 * each state an owner over the name's bytes, as if the text listed them
 * ("Estonia, Latvia and Lithuania"). The entry's code is "EST+LVA+LTU". */
static void add_state_group(const ctx_t *c, build_t *b, uint32_t entry, uint32_t start, uint32_t end)
{
    const char *code = ne_lex_entry(c->s.lx, entry)->code;
    for (size_t k = 0; code[k] && code[k + 1] && code[k + 2]; k += 4) {
        char country[4] = {code[k], code[k + 1], code[k + 2], '\0'};
        ne_member_t mm;
        memset(&mm, 0, sizeof(mm));
        ne_member_set(&mm, country, "");
        mm.start = start;
        mm.end = end;
        add_owner(b, &mm);
        if (code[k + 3] != '+') break;
    }
    b->plural = 1;
}

/* Can mention m be the antecedent of a pronoun of this kind: 'h' he/she,
 * 't' they, 'i' it? */
static int pronoun_fits(const ne_mention_t *m, int kind)
{
    if (!m->n || (m->flags & (NE_MF_LOC | NE_MF_WEAK | NE_MF_REL))) return 0;
    if (kind == 'h') return (m->flags & (NE_MF_PERSON | NE_MF_ONE)) && m->n == 1;
    if (kind == 't') return m->n >= 2 || (m->flags & NE_MF_PLURAL);
    return !(m->flags & (NE_MF_PERSON | NE_MF_ONE)) && m->n == 1;
}

/* The subject of the sentence so far: its first actor mention that is not
 * the object of a preposition ("On Friday, after talks with China, Russia
 * said": Russia). NULL when there is none yet. */
static const ne_mention_t *sentence_subject(const ctx_t *c)
{
    const ne_doc_t *d = c->s.d;
    for (size_t k = 0; k < d->ment.n; k++) {
        const ne_mention_t *m = &d->ment.v[k];
        if (!m->n || (m->flags & (NE_MF_LOC | NE_MF_REL | NE_MF_WEAK))) continue;
        if (m->tb > c->s.tb && (wf(c, m->tb - 1) & NE_W_PREP)) continue;
        return m;
    }
    return NULL;
}

/* Is token k a verb of speech (a form of a lemma of the class speech)? */
static int speech_verb(const ctx_t *c, uint32_t k)
{
    const ne_token_t *t = tok(c, k);
    return t->kind == NE_TK_WORD && !(t->flags & NE_TF_CAP) &&
           (ne_lex_verb_flags(c->s.lx, t->word) & NE_L_SPEECH);
}

/* A word that may stand between a subject and its verb, or a verb and its
 * clause: "that", an adverb, an auxiliary, a word of a time expression. */
static int filler(const ctx_t *c, uint32_t k)
{
    return is_w(c, k, "that") || ne_s_adverb(&c->s, k) || tok(c, k)->kind == NE_TK_NUM ||
           (wf(c, k) &
            (NE_W_WEEKDAY | NE_W_MONTH | NE_W_TIMESTART | NE_W_HAVE | NE_W_BE)) != 0;
}

/* The verb of speech that governs the clause starting at i ("announced on
 * Tuesday that it", "said it"), or 0. An addressee between them ("warned
 * Ankara that it") leaves the pronoun to the addressee: no clause of speech.
 * speaker_of: the mention before that verb, past a parenthesis between
 * commas ("Kataib Hezbollah, an Iraqi militia that ..., had announced"). */
static uint32_t speech_clause(const ctx_t *c, uint32_t i)
{
    uint32_t k = i;
    while (k > c->s.tb && i - k < 7 && filler(c, k - 1) && !speech_verb(c, k - 1))
        k--;
    if (k > c->s.tb && speech_verb(c, k - 1)) return k - 1;
    /* "said in a televised address on Monday that he": prepositional
     * phrases of the verb of speech before its "that" (no punctuation, no
     * other clause between) */
    if (i <= c->s.tb + 2 || !is_w(c, i - 1, "that")) return 0;
    for (uint32_t q = i - 1; q > c->s.tb + 1 && i - q < 14; q--) {
        uint32_t w = q - 1;
        if (tok(c, w)->kind == NE_TK_PUNCT || is_w(c, w, "that") || (wf(c, w) & (NE_W_REL | NE_W_SUBORD)))
            return 0;
        if (speech_verb(c, w)) return (wf(c, w + 1) & NE_W_PREP) && w + 1 < i - 1 ? w : 0;
    }
    return 0;
}

static const ne_mention_t *speaker_of(const ctx_t *c, uint32_t i)
{
    uint32_t k = speech_clause(c, i);
    if (!k) return NULL;
    /* "..., saying it": a participle speaks for the sentence's subject */
    if (k > c->s.tb && is_punct(c, k - 1, ",")) return sentence_subject(c);
    for (int steps = 0; k > c->s.tb && steps < 40; steps++) {
        uint32_t q = k - 1;
        if (filler(c, q)) {
            k = q;
            continue;
        }
        if (is_punct(c, q, ",")) {
            /* a parenthesis: back to the comma that opens it */
            uint32_t r = q;
            while (r > c->s.tb && q - r < 30 && !is_punct(c, r - 1, ",.;:"))
                r--;
            if (r == c->s.tb || !is_punct(c, r - 1, ",")) return NULL;
            k = r - 1;
            continue;
        }
        for (size_t m = 0; m < c->s.d->ment.n; m++) {
            const ne_mention_t *mm = &c->s.d->ment.v[m];
            if (q < mm->tb || q >= mm->te) continue;
            if (mm->flags & (NE_MF_LOC | NE_MF_WEAK | NE_MF_REL)) return NULL;
            if (mm->tb > c->s.tb && (wf(c, mm->tb - 1) & NE_W_PREP)) return NULL;
            return mm;
        }
        return NULL;
    }
    return NULL;
}

/* Does the pronoun at i open its sentence (no actor named before it)? */
static int opens_sentence(const ctx_t *c)
{
    for (size_t k = 0; k < c->s.d->ment.n; k++)
        if (!(c->s.d->ment.v[k].flags & NE_MF_LOC)) return 0;
    return 1;
}

/* Resolve the pronoun at i against the article: the most recent compatible
 * mention, after three preferences of English. A subject pronoun in a
 * clause of speech is the speaker ("X said it would": X). One that opens a
 * sentence is the last sentence's subject ("Russia accused the West. It
 * also ..."), and "it" after a sentence about a thing is that thing, no
 * actor ("The document serves ... Zakharova hailed it"). An objective
 * pronoun skips the subject of its own clause ("Trump greeted him"). */
/* The antecedent of the relative pronoun just before i ("Rwanda, which it
 * accuses"), or NULL. A pronoun that subjects a relative clause is bound
 * outside it: the relative's antecedent is its object, never itself. */
static const ne_mention_t *relative_antecedent(const ctx_t *c, uint32_t i)
{
    /* not "that": "warned Ankara that it would" is a complement clause */
    if (i <= c->s.tb || !(is_w(c, i - 1, "which") || is_w(c, i - 1, "whom")))
        return NULL;
    uint32_t q = i - 1;
    if (q > c->s.tb && is_punct(c, q - 1, ",")) q--;
    for (size_t k = c->s.d->ment.n; k > 0; k--) {
        const ne_mention_t *m = &c->s.d->ment.v[k - 1];
        if (m->te == q && m->n) return m;
        if (m->te < q) break;
    }
    return NULL;
}

static int same_referent(const ne_mention_t *a, const ne_mention_t *b)
{
    if (a->tb == b->tb && a->te == b->te) return 1;
    return a->n == 1 && b->n == 1 && !strcmp(a->m[0].code, b->m[0].code);
}

/* "Pensioners rallied outside Congress, and riot police fired tear gas to
 * disperse them": a coordinated clause with a subject of its own (", and"
 * or ", but" and an actor mention; or a subordinator, "after a gunman shot
 * him") stands between the sentence's first
 * mention and token i, so the first clause's subject may be i's antecedent
 * after all. */
static int own_clause_after_subject(const ctx_t *c, uint32_t i)
{
    const ne_doc_t *d = c->s.d;
    if (!d->ment.n) return 0;
    uint32_t time_cls = ne_lex_gclass(c->s.lx, NE_GC_CLAUSE_TIME);
    for (size_t k = 1; k < d->ment.n; k++) {
        uint32_t b = d->ment.v[k].tb;
        if (b >= d->ment.v[0].te + 2 && b < i && (wf(c, b - 1) & NE_W_CONJ) &&
            (is_punct(c, b - 2, ",;") || (ne_s_ment(&c->s, b - 2) < 0 && d->ment.v[k].n &&
                                          !(d->ment.v[k].flags & NE_MF_LOC))))
            return 1; /* (", and police fired", "arrived and police protected him") */
        /* "survived an assassination attempt after a gunman shot him": a
         * clause of time or cause with a subject of its own */
        if (b > d->ment.v[0].te && b < i && d->ment.v[k].n && !(d->ment.v[k].flags & NE_MF_LOC) &&
            (((wf(c, b - 1) & NE_W_SUBORD) && !is_w(c, b - 1, "once") && !is_w(c, b - 1, "so") &&
              !is_w(c, b - 1, "where") && !is_w(c, b - 1, "whether")) ||
             ne_lex_in_class(c->s.lx, time_cls, tok(c, b - 1)->word)))
            return 1;
    }
    return 0;
}

/* Is m, a mention of the current sentence, the object of "at" or
 * "before": where something happens ("at the International Court of
 * Justice", "before the Security Council"), not who is acted on? */
static int setting_mention(const ctx_t *c, const ne_mention_t *m)
{
    return m->tb > c->s.tb && m->tb < c->s.te && (is_w(c, m->tb - 1, "at") || is_w(c, m->tb - 1, "before"));
}

/* "The Vatican said that Pope Francis had met a Chinese bishop, and that
 * he hoped to visit Beijing": a subject pronoun that opens a "that" clause
 * coordinated with an earlier one ("and that") is the subject of that
 * earlier clause, not the last party named: the mention right after the
 * sentence's previous "that". NULL when there is none. Bounded by the
 * sentence. */
static const ne_mention_t *parallel_subject(const ctx_t *c, uint32_t i)
{
    if (i < c->s.tb + 2 || !is_w(c, i - 1, "that") || !is_w(c, i - 2, "and")) return NULL;
    for (uint32_t k = i - 2; k > c->s.tb; k--) {
        if (!is_w(c, k - 1, "that")) continue;
        for (size_t m = 0; m < c->s.d->ment.n; m++) {
            const ne_mention_t *mm = &c->s.d->ment.v[m];
            if (mm->tb == k && mm->n && !(mm->flags & (NE_MF_LOC | NE_MF_REL | NE_MF_PRON))) return mm;
        }
        return NULL;
    }
    return NULL;
}

/* "criticised President Lucia Paredes on Thursday, accusing her of": an
 * object "him" or "her" that nothing remembered fits is the last person
 * named by an office earlier in its sentence, of no state named yet (such a
 * mention is placed by frames.c only after the sentence, so the memory does
 * not hold it), when that person is not the sentence's subject. */
static int one_titled_person(const ne_mention_t *m)
{
    return m->n == 1 && (m->flags & NE_MF_PERSON) && !(m->flags & (NE_MF_PLURAL | NE_MF_PERSONS)) &&
           m->m[0].role[0];
}

static const ne_mention_t *titled_object(const ctx_t *c, uint32_t i)
{
    const ne_doc_t *d = c->s.d;
    const ne_mention_t *subj = sentence_subject(c);
    for (size_t k = d->ment.n; k > 0; k--) {
        const ne_mention_t *m = &d->ment.v[k - 1];
        if (m->te > i || m->tb < c->s.tb) continue;
        if (one_titled_person(m) && (m->flags & NE_MF_GENERIC) && m != subj) return m;
    }
    return NULL;
}

static const ne_mention_t *resolve_pronoun(const ctx_t *c, uint32_t i, int kind,
                                           int objective)
{
    const ne_memory_t *mem = c->mem;
    const ne_mention_t *bound = objective ? NULL : relative_antecedent(c, i);
    if (!objective && i > c->s.tb && (is_w(c, i - 1, "which") || is_w(c, i - 1, "whom"))) {
        /* "Beijing sanctioned four entities, which it accused of": the
         * subject of the clause the relative hangs on */
        const ne_mention_t *subj = sentence_subject(c);
        if (subj && pronoun_fits(subj, kind) && !(bound && same_referent(subj, bound)) &&
            !(kind == 'i' && (subj->flags & NE_MF_PLURAL)))
            return subj;
    }
    if (!objective) {
        const ne_mention_t *par = parallel_subject(c, i);
        if (par && pronoun_fits(par, kind)) return par;
    }
    if (!objective && speech_clause(c, i)) {
        const ne_mention_t *spk = speaker_of(c, i), *subj = sentence_subject(c);
        if (spk && pronoun_fits(spk, kind)) return spk;
        /* "Swedish police said they had arrested": "police" is a plural
         * noun, so the speaker is "they" though one body */
        if (spk && kind == 't' && spk->n == 1 && spk->te > spk->tb && is_w(c, spk->te - 1, "police") &&
            !(spk->flags & (NE_MF_PERSON | NE_MF_ONE | NE_MF_LOC | NE_MF_WEAK | NE_MF_REL)))
            return spk;
        /* "Militants loyal to X said they": the head of a long subject */
        if (subj && pronoun_fits(subj, kind)) return subj;
    }
    if (!objective && opens_sentence(c)) {
        if (pronoun_fits(&mem->prev_subj, kind)) return &mem->prev_subj;
        if (kind == 'i' && mem->prev_thing) return NULL;
    }
    if (objective && kind == 'i' && mem->prev_thing) {
        /* "it" with no actor antecedent in its own sentence: the thing */
        int found = 0;
        for (size_t k = 0; k < c->s.d->ment.n && !found; k++)
            found = pronoun_fits(&c->s.d->ment.v[k], 'i');
        if (!found) return NULL;
    }
    size_t n = mem->nrecent < NE_MEM_RECENT ? mem->nrecent : NE_MEM_RECENT;
    int skipped = 0;
    const char *subject = NULL; /* code of the skipped subject: "him" is not the subject again */
    /* a group of people of no state named after every candidate left */
    const ne_mention_t *people = kind == 't' && objective && mem->people.n ? &mem->people : NULL;
    int new_clause = objective && own_clause_after_subject(c, i);
    const ne_mention_t *setting = NULL;
    if (people && objective && people->tb >= c->s.tb && !new_clause) {
        const ne_mention_t *subj = sentence_subject(c);
        if (subj && subj->tb == people->tb) people = NULL; /* "they dispersed them" */
    }
    for (size_t k = 0; k < n; k++) {
        size_t idx = mem->nrecent - 1 - k;
        const ne_mention_t *m = &mem->recent[idx % NE_MEM_RECENT];
        if (people && idx < mem->people_at) return people;
        if (!pronoun_fits(m, kind)) continue;
        if (objective && !skipped && idx == c->sent_recent && !new_clause) {
            /* "Trump greeted him": not the subject of its own clause */
            skipped = 1;
            subject = m->m[0].code;
            continue;
        }
        if (subject && m->n == 1 && !strcmp(m->m[0].code, subject)) continue;
        if (bound && same_referent(m, bound)) continue;
        /* "filed a case against the UAE at the ICJ, accusing it of": a
         * party named as the setting ("at", "before" a court or body) gives
         * way to an argument of the clause before it */
        if (objective && !setting && setting_mention(c, m)) {
            setting = m;
            continue;
        }
        return m;
    }
    if (setting) return setting;
    if (people) return people;
    if (kind == 'h' && objective) return titled_object(c, i);
    /* "Russia said they would": a subject "they" may stand for a state;
     * an object "them" ("put them on a plane to Washington") never does */
    if (kind == 't' && !objective) return resolve_pronoun(c, i, 'i', objective);
    return NULL;
}

/* The last two distinct actors of the memory (persons, or states), both
 * named at token `since` or later. */
/* "placed First Vice President Riek Machar under house arrest ... urged
 * both leaders": two leaders of one state are two parties when one leads
 * its government and the other a force against it (roles GOV and OPP or
 * REB); two officials of one government stay one. */
static int rival_roles(const ne_member_t *a, const ne_member_t *b, int persons)
{
    int ag = !strcmp(a->role, "GOV"), bg = !strcmp(b->role, "GOV");
    int ao = !strcmp(a->role, "OPP") || !strcmp(a->role, "REB");
    int bo = !strcmp(b->role, "OPP") || !strcmp(b->role, "REB");
    return persons && ((ag && bo) || (ao && bg));
}

static int two_recent(const ctx_t *c, int persons, int states, uint32_t since, uint32_t skip, ne_mention_t *out)
{
    const ne_memory_t *mem = c->mem;
    size_t n = mem->nrecent < NE_MEM_RECENT ? mem->nrecent : NE_MEM_RECENT;
    out->n = 0;
    for (size_t k = 0; k < n && out->n < 2; k++) {
        const ne_mention_t *m = &mem->recent[(mem->nrecent - 1 - k) % NE_MEM_RECENT];
        if (m->tb < since) break;
        if (m->flags & (NE_MF_LOC | NE_MF_WEAK)) continue;
        if (m->tb == skip && m->tb >= c->s.tb) continue;
        if (persons && !(m->flags & NE_MF_PERSON)) continue;
        for (int q = m->n; q > 0 && out->n < 2; q--) {
            const ne_member_t *mm = &m->m[q - 1];
            if (!mm->country[0] && strncmp(mm->code, "IGO", 3)) continue;
            /* "the two countries" are no organisation ("the AU urged the
             * two countries") */
            if (states && !mm->country[0]) continue;
            if (out->n == 1 && !strncmp(out->m[0].code, mm->code, 3) && !rival_roles(&out->m[0], mm, persons))
                continue;
            out->m[out->n++] = *mm;
        }
    }
    if (out->n == 2) {
        ne_member_t t = out->m[0];
        out->m[0] = out->m[1];
        out->m[1] = t;
        return 1;
    }
    out->n = 0;
    return 0;
}

/* The mentions the memory keeps (a ring), and the k-th newest of them
 * (k below that count) when it is of an earlier sentence: NULL for one of
 * the sentence being read. */
static size_t recent_kept(const ne_memory_t *mem)
{
    return mem->nrecent < NE_MEM_RECENT ? mem->nrecent : NE_MEM_RECENT;
}

static const ne_mention_t *earlier_mention(const ctx_t *c, size_t k)
{
    size_t idx = c->mem->nrecent - 1 - k;
    return idx >= c->sent_recent ? NULL : &c->mem->recent[idx % NE_MEM_RECENT];
}

/* Mention m (one member, no state yet) is of a party remembered from an
 * earlier sentence: that party's state, with role. */
static void take_earlier_state(ne_mention_t *m, const char *country, const char *role)
{
    ne_member_set(&m->m[0], country, role);
    m->flags &= (uint16_t)~NE_MF_GENERIC;
}

static void definite_title(const ctx_t *c, ne_mention_t *m, int elect)
{
    /* "X won Malawi's presidential election ... The president-elect": a
     * title of one elected but not yet in office is the election's winner,
     * never an incumbent named since */
    if (elect) {
        const ne_member_t *w = &c->mem->elect;
        if (w->country[0] && !strcmp(w->role, m->m[0].role)) take_earlier_state(m, w->country, w->role);
        return;
    }
    for (size_t k = 0; k < recent_kept(c->mem); k++) {
        const ne_mention_t *r = earlier_mention(c, k);
        if (!r || r->n != 1 || !(r->flags & NE_MF_PERSON) || (r->flags & NE_MF_GENERIC)) continue;
        if (!r->m[0].country[0] || strcmp(r->m[0].role, m->m[0].role)) continue;
        take_earlier_state(m, r->m[0].country, r->m[0].role);
        return;
    }
}

/* Is the mention [tb, te) a person named by a proper name: its last word
 * capitalised ("Chinese President Xi Jinping", "Lee") or the syllable of a
 * romanised given name ("Lee Soo-hyun"), not a bare title ("Japan's prime
 * minister")? */
static int named_person(const ctx_t *c, const ne_mention_t *r)
{
    if (!r || r->n != 1 || !(r->flags & NE_MF_PERSON) || (r->flags & (NE_MF_GENERIC | NE_MF_PRON)) ||
        !r->m[0].country[0] || r->te <= r->tb)
        return 0;
    const ne_token_t *t = tok(c, r->te - 1);
    return t->kind == NE_TK_WORD &&
           ((t->flags & NE_TF_CAP) || (r->te - r->tb >= 3 && hyphen_syllable(c, r->te - 2)));
}

/* "the 61-year-old economist", "the 58-year-old former lawyer": does a
 * mention parsed from token i (the compound's "old" or the word after it)
 * open with "the" and an age written as "N-year-old"? */
static int definite_age(const ctx_t *c, uint32_t i)
{
    if (i <= c->s.tb) return 0;
    uint32_t o = is_w(c, i, "old") ? i : i - 1;
    if (o < c->s.tb + 5 || !is_w(c, o, "old")) return 0;
    return is_hyphen(c, o - 1) && is_w(c, o - 2, "year") && is_hyphen(c, o - 3) &&
           tok(c, o - 4)->kind != NE_TK_PUNCT && is_w(c, o - 5, "the");
}

/* "Xi congratulated Lee ... criticised the 58-year-old former labour
 * lawyer": a definite description of a person by age, with no name, owner
 * or state of its own, is the last person named by a proper name before it
 * (in the sentence, else in an earlier one): one the article already
 * introduced. */
static void definite_age_person(const ctx_t *c, ne_mention_t *m, uint32_t i)
{
    const ne_doc_t *d = c->s.d;
    for (size_t k = d->ment.n; k-- > 0;) {
        const ne_mention_t *r = &d->ment.v[k];
        if (r->tb < c->s.tb) break;
        if (r->te <= i && named_person(c, r)) {
            take_earlier_state(m, r->m[0].country, r->m[0].role);
            m->flags &= (uint16_t)~NE_MF_ONE;
            return;
        }
    }
    for (size_t k = 0; k < recent_kept(c->mem); k++) {
        const ne_mention_t *r = earlier_mention(c, k);
        if (named_person(c, r)) {
            take_earlier_state(m, r->m[0].country, r->m[0].role);
            m->flags &= (uint16_t)~NE_MF_ONE;
            return;
        }
    }
}

/* Does the mention spanning [tb, te) end in a noun of the class DIPLOMATS
 * ("two Kyrgyz diplomats", "the attaches")? */
static int diplomat_head(const ctx_t *c, uint32_t te)
{
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_DIPLOMATS);
    const ne_token_t *h = tok(c, te - 1);
    return cls != NE_LEX_NONE && h->kind == NE_TK_WORD && ne_lex_in_class(c->s.lx, cls, h->word);
}

/* "Kazakhstan expelled two Kyrgyz diplomats ... The ministry declared the
 * two attaches persona non grata": a definite diplomat noun (class
 * DIPLOMATS), plural too, with no name, owner or state, is of the state
 * of the last diplomats named in an earlier sentence; a bare one would be
 * taken for the actor's own ("recalled its envoy"), where "the" points
 * back to the diplomats the article is about. */
static void definite_diplomats(const ctx_t *c, ne_mention_t *m)
{
    for (size_t k = 0; k < recent_kept(c->mem); k++) {
        const ne_mention_t *r = earlier_mention(c, k);
        if (!r || r->n != 1 || !r->m[0].country[0] || strcmp(r->m[0].role, "GOV") || r->te <= r->tb ||
            !diplomat_head(c, r->te))
            continue;
        take_earlier_state(m, r->m[0].country, "GOV");
        return;
    }
}

/* "Police arrested 14 activists ... Officers also detained two
 * journalists": a security role of either force (roles.tsv role SEC:
 * "officer") is of the force the article named last, police (COP) or
 * armed forces (MIL); MIL when it named neither. */
static const char *security_role(const ctx_t *c)
{
    return c->mem->force[0] ? c->mem->force : "MIL";
}

/* Remember the force a mention names, for security_role: roles alone
 * ("Police arrested ...") count too. */
static void note_force(ne_memory_t *mem, const ne_mention_t *m)
{
    for (int i = 0; i < m->n; i++)
        if (!strcmp(m->m[i].role, "COP") || !strcmp(m->m[i].role, "MIL")) {
            memcpy(mem->force, m->m[i].role, 4);
            return;
        }
}

/* Is the first owner of b named by an adjective of the class REGIONAL (a
 * region or people inside a state: "Tigrayan forces")? */
static int regional_owner(const ctx_t *c, const build_t *b)
{
    if (!b->nown) return 0;
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_REGIONAL);
    if (cls == NE_LEX_NONE) return 0;
    for (uint32_t k = c->s.tb; k < c->s.te; k++)
        if (tok(c, k)->start == b->own[0].start) return ne_lex_in_class(c->s.lx, cls, tok(c, k)->word);
    return 0;
}

/* Members of m with the same code as an earlier one, dropped. */
static void drop_repeated_members(ne_mention_t *m)
{
    int n = 0;
    for (int k = 0; k < m->n; k++) {
        int seen = 0;
        for (int q = 0; q < n && !seen; q++) seen = m->m[k].code[0] && !strcmp(m->m[q].code, m->m[k].code);
        if (!seen) m->m[n++] = m->m[k];
    }
    m->n = (uint8_t)n;
}

static int resolve_type(const ctx_t *c, const char *kind, const ne_token_t *t, uint32_t at, ne_mention_t *out);

/* "The Secretary-General extends his condolences": an organisation's
 * officer (role IGO in roles.tsv) with no owner named stands for the
 * organisation the article named last, or for no one; with an owner it is
 * the owner's ("the party's secretary-general"). 1 when b is settled. */
static int organisation_officer(const ctx_t *c, build_t *b)
{
    if (!b->role_set || strcmp(b->role, "IGO")) return 0;
    b->role[0] = '\0';
    if (b->nown) return 0;
    b->m.n = 0;
    if (!resolve_type(c, "IGO", NULL, UINT32_MAX, &b->m)) b->m.n = 0;
    return 1;
}

static void finish_members(const ctx_t *c, build_t *b)
{
    ne_mention_t *m = &b->m;
    if (organisation_officer(c, b)) return;
    if (b->role_set && !strcmp(b->role, "SEC")) ne_strlcpy(b->role, security_role(c), sizeof(b->role));
    /* "Tigrayan forces", "Kachin troops": a region's or a people's armed
     * force is no state's military */
    if (b->role_set && !strcmp(b->role, "MIL") && regional_owner(c, b)) ne_strlcpy(b->role, "REB", sizeof(b->role));
    if (b->role_set) {
        if (b->nown == 0) {
            /* a role with no country yet: frames.c fills it from context */
            m->n = 1;
            memset(&m->m[0], 0, sizeof(m->m[0]));
            ne_member_set(&m->m[0], "", b->role);
            m->flags |= NE_MF_GENERIC;
        } else {
            m->n = 0;
            int named = 0; /* members with a role of their own: a named group or organ */
            for (int k = 0; k < b->nown && m->n < NE_MAX_MEMBERS; k++) {
                ne_member_t *o = &b->own[k];
                ne_member_t *mm = &m->m[m->n++];
                *mm = *o;
                /* an IGO or a group keeps its own code; a state takes the role */
                if (o->country[0] && !o->role[0]) ne_member_set(mm, o->country, b->role);
                else if (o->role[0]) named = 1;
            }
            /* "Russia's Sputnik news agency": the owner state with the role
             * of the head is the named organisation itself (RUSMED twice),
             * one party, not a compound ("it" may stand for it). Two owners
             * that only take the role stay two ("the Greek Cypriot and
             * Turkish Cypriot leaders") */
            if (named) drop_repeated_members(m);
        }
    } else {
        m->n = 0;
        for (int k = 0; k < b->nown && m->n < NE_MAX_MEMBERS; k++) m->m[m->n++] = b->own[k];
    }
    if (b->plural || m->n > 1) m->flags |= NE_MF_PLURAL;
}

static int is_role_plural(const ctx_t *c, uint32_t tb, uint32_t te)
{
    const ne_token_t *t = tok(c, te - 1);
    (void)tb;
    const char *f = ne_tok_fold(c->s.d, t);
    return t->fold_len > 3 && f[t->fold_len - 1] == 's' && f[t->fold_len - 2] != 's';
}

/* Hash of the folded word at token i. */
static uint64_t word_hash(const ctx_t *c, uint32_t i)
{
    const ne_token_t *t = tok(c, i);
    return ne_fnv1a(NE_FNV_OFFSET, ne_tok_fold(c->s.d, t), t->fold_len);
}

/* Hash of the whole folded name [nb, ne): the key names are remembered by. */
static uint64_t name_hash(const ctx_t *c, uint32_t nb, uint32_t ne)
{
    uint64_t full = NE_FNV_OFFSET;
    for (uint32_t j = nb; j < ne; j++) full = (full ^ word_hash(c, j)) * NE_FNV_PRIME;
    return full;
}

static void remember_name(ne_memory_t *mem, const ctx_t *c, uint32_t nb, uint32_t ne,
                          const ne_member_t *mm, int org)
{
    if (ne <= nb || !mm->code[0]) return;
    size_t k = mem->nnames % NE_MEM_NAMES;
    mem->names[k].full = name_hash(c, nb, ne);
    mem->names[k].last = word_hash(c, ne - 1);
    /* "Lee Soo-hyun ... congratulated Lee": a name that ends in a
     * romanised given name with a hyphenated syllable puts the family name
     * first; that word alone names the person later */
    if (ne - nb >= 4 && hyphen_syllable(c, ne - 2)) mem->names[k].last = word_hash(c, nb);
    mem->names[k].m = *mm;
    mem->names[k].org = org;
    mem->nnames++;
}

static const ne_member_t *recall_name(const ne_memory_t *mem, const ctx_t *c, uint32_t nb,
                                      uint32_t ne, int *org)
{
    uint64_t full = name_hash(c, nb, ne), last = word_hash(c, ne - 1);
    size_t n = mem->nnames < NE_MEM_NAMES ? mem->nnames : NE_MEM_NAMES;
    for (size_t k = 0; k < n; k++) {
        size_t idx = (mem->nnames - 1 - k) % NE_MEM_NAMES;
        if (mem->names[idx].full == full ||
            (ne - nb == 1 && mem->names[idx].last == last)) {
            *org = mem->names[idx].org;
            return &mem->names[idx].m;
        }
    }
    return NULL;
}

static void note_person(ne_memory_t *mem, const ctx_t *c, uint32_t e)
{
    const ne_lexent_t *en = ne_lex_entry(c->s.lx, e);
    uint32_t p = en->person != NE_LEX_NONE ? en->person : e;
    if (en->kind != NE_AK_PERSON && en->kind != NE_AK_SURNAME) return;
    if (person_seen(mem, p)) return;
    mem->persons[mem->npersons % NE_MEM_PERSONS] = p;
    mem->npersons++;
}

/* ---- the mention grammar ---------------------------------------------------- */

/* A word that can be a verb: it may not open a mention as a modifier
 * ("accused Russia", "includes military components"). */
static int is_verbish(const ctx_t *c, uint32_t j)
{
    return ne_lex_vforms(c->s.lx, tok(c, j)->word) != NE_LEX_NONE;
}

#define MAX_CLAUSE_LOOK 16 /* tokens: a clause's verb is near its subject */

/* Is there a past form or an auxiliary after token k in its clause (up to
 * a comma, semicolon, colon, full stop, or a word that opens a clause)? */
static int clause_has_finite(const ctx_t *c, uint32_t k)
{
    for (uint32_t q = k + 1; q < c->s.te && q - k <= MAX_CLAUSE_LOOK; q++) {
        const ne_token_t *t = tok(c, q);
        if (t->kind == NE_TK_PUNCT && strchr(",;:.", c->s.d->text[t->start])) return 0;
        if (wf(c, q) & (NE_W_REL | NE_W_SUBORD | NE_W_CONJ)) return 0;
        if (finite_verb(c, q)) return 1;
    }
    return 0;
}

/* Is token k a noun in the plural: one the dictionaries list with its
 * singular ("vessels"), or a word in -s that is no -ss, -us or -is
 * ("rebels", "protesters"; not "press", "status", "analysis")? */
static int plural_noun(const ctx_t *c, uint32_t k)
{
    const ne_token_t *t = tok(c, k);
    if (t->kind != NE_TK_WORD) return 0;
    if (ne_lex_singular(c->s.lx, t->word) >= 0) return 1;
    if (t->fold_len < 4 || wf(c, k)) return 0;
    const char *f = ne_tok_fold(c->s.d, t) + t->fold_len - 2;
    return f[1] == 's' && f[0] != 's' && f[0] != 'u' && f[0] != 'i';
}

/* Does the noun phrase end before token k, where the verb of the clause
 * begins? Asked after at least one noun of the phrase: "[Israeli aircraft]
 * struck", "[Haiti's capital] killed", "[the general] told". The verb is a
 * past form, or an -s form before a determiner, number, pronoun or name
 * ("[Russia's army] orders the ..."), or after a plural noun the base form
 * there, the present of headlines and timelines ("[Chinese vessels] attack
 * Philippine boats": a plural noun rarely modifies a compound's head, and
 * then not before a determiner or a name). After an adverb the word is
 * still a modifier ("the newly elected president"). */
static int verb_ends_phrase(const ctx_t *c, uint32_t k)
{
    const ne_token_t *t = tok(c, k);
    if (k >= c->s.te || t->kind != NE_TK_WORD || (t->flags & NE_TF_CAP)) return 0;
    if (k > c->s.tb && ne_s_adverb(&c->s, k - 1)) return 0;
    uint8_t forms = 0;
    for (uint32_t v = ne_lex_vforms(c->s.lx, t->word); v != NE_LEX_NONE;
         v = ne_lex_vform(c->s.lx, v)->next)
        forms |= ne_lex_vform(c->s.lx, v)->forms;
    if (forms & NE_F_PAST) return 1;
    int plural_base = (forms & NE_F_BASE) && k > c->s.tb && plural_noun(c, k - 1);
    if (!((forms & NE_F_S) || plural_base) || k + 1 >= c->s.te) return 0;
    const ne_token_t *n = tok(c, k + 1);
    if ((wf(c, k + 1) & (NE_W_DET | NE_W_NUM | NE_W_PRON | NE_W_POSS)) || n->kind == NE_TK_NUM ||
        (n->flags & NE_TF_CAP))
        return 1;
    /* "Houthi rebels fire missiles at ships": before a bare noun, the base
     * form is the verb when the clause has no other (a compound's head, as
     * in "arms control talks resumed", leaves the clause its verb) */
    return plural_base && n->kind == NE_TK_WORD && !wf(c, k + 1) && !clause_has_finite(c, k + 1);
}

/* Is token k a past form or an auxiliary: surely the finite verb? */
static int finite_verb(const ctx_t *c, uint32_t k)
{
    if (k >= c->s.te) return 0;
    const ne_token_t *t = tok(c, k);
    if (t->kind != NE_TK_WORD || (t->flags & NE_TF_CAP)) return 0;
    if (wf(c, k) & (NE_W_BE | NE_W_HAVE | NE_W_MODAL | NE_W_FUTURE)) return 1;
    for (uint32_t v = ne_lex_vforms(c->s.lx, t->word); v != NE_LEX_NONE;
         v = ne_lex_vform(c->s.lx, v)->next)
        if (ne_lex_vform(c->s.lx, v)->forms & NE_F_PAST) return 1;
    return 0;
}

/* "Boko Haram, which the army says killed 20 villagers": a present form of
 * a reporting verb (lemma classes say, report) that is no noun of hearsay
 * ("army reports", "police claims") reports the clause after it. */
static int reporting_present(const ctx_t *c, uint32_t k)
{
    const ne_token_t *t = tok(c, k);
    int32_t sg = ne_lex_singular(c->s.lx, t->word);
    if (ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_HEARSAY), sg >= 0 ? sg : t->word)) return 0;
    for (uint32_t v = ne_lex_vforms(c->s.lx, t->word); v != NE_LEX_NONE; v = ne_lex_vform(c->s.lx, v)->next) {
        const ne_vform_t *f = ne_lex_vform(c->s.lx, v);
        if ((f->forms & (NE_F_BASE | NE_F_S)) && (ne_lex_lemma_flags(c->s.lx, f->lemma) & (NE_L_SAY | NE_L_REPORT)))
            return 1;
    }
    return 0;
}

/* "Gunmen shot dead opposition leader X": a resultative word (class RESULT)
 * right after a verb form is the verb's complement; a mention does not
 * start with it ("the dead soldiers" may). */
static int verb_complement(const ctx_t *c, uint32_t j)
{
    if (j <= c->s.tb || j >= c->s.te || tok(c, j)->kind != NE_TK_WORD) return 0;
    if (!ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_RESULT), tok(c, j)->word)) return 0;
    return ne_lex_vforms(c->s.lx, tok(c, j - 1)->word) != NE_LEX_NONE;
}

/* Is the word at k, right after a role, the head of a compound noun that
 * the role modifies ("tank fire", "missile strike", "police raid")? It is
 * when it is a plain word, no verb itself, and a finite verb follows it
 * ("Israeli tank fire killed"). */
static int role_modifies_noun(const ctx_t *c, uint32_t k)
{
    /* (an adverb is no noun: "Troops later rescued", "Soldiers also detained") */
    return k + 1 < c->s.te && is_modifier(c, k) && !ne_s_adverb(&c->s, k) && lookup(c, k).type == A_NONE &&
           !verb_ends_phrase(c, k) && !finite_verb(c, k) && finite_verb(c, k + 1) && !reporting_present(c, k);
}

/* Is token k a word of the mention-grammar class cls (mention-words.tsv)?
 * Its value in *value when not NULL. */
static int has_class(const ctx_t *c, uint32_t k, uint32_t cls, const char **value)
{
    if (k < c->s.tb || k >= c->s.te) return 0;
    return (ne_lex_mention_class(c->s.lx, tok(c, k)->word, cls, value) & cls) != 0;
}

/* ---- organisation names ---------------------------------------------------- */

typedef struct org_s {
    uint32_t end;                    /* the end of the name */
    char role[4];                    /* the role of its head noun ("" for "-") */
    ne_member_t own[NE_MAX_MEMBERS]; /* states named inside ("of Kenya") */
    int nown;
} org_t;

/* A word of an organisation's name: a capitalised word that is not
 * grammar ("Three" is a number word, and may be part of a name). */
static int org_word(const ctx_t *c, uint32_t k)
{
    const ne_token_t *t = tok(c, k);
    if (k >= c->s.te || t->kind != NE_TK_WORD || !(t->flags & NE_TF_CAP)) return 0;
    return !(wf(c, k) & (NE_W_DET | NE_W_PREP | NE_W_CONJ | NE_W_PRON | NE_W_POSS |
                         NE_W_REL | NE_W_BE | NE_W_HAVE | NE_W_DO | NE_W_FUTURE |
                         NE_W_MODAL | NE_W_SUBORD | NE_W_WEEKDAY | NE_W_MONTH));
}

/* The head noun of an organisation at k (mention-words.tsv, class
 * org-head): its role in role[] ("-" gives ""). */
static int org_head(const ctx_t *c, uint32_t k, char role[4])
{
    const char *v = NULL;
    if (!(ne_lex_mention_class(c->s.lx, tok(c, k)->word, NE_MC_ORG_HEAD, &v) &
          NE_MC_ORG_HEAD))
        return 0;
    if (role) ne_strlcpy(role, strcmp(v, "-") ? v : "", 4);
    return 1;
}

/* Is there a head noun of an organisation among the next words of a
 * capitalised run at i? A cheap test before the full grammar. */
static int head_ahead(const ctx_t *c, uint32_t i)
{
    for (uint32_t k = i + 1; k < c->s.te && k - i < 14; k++) {
        const ne_token_t *t = tok(c, k);
        if (t->kind == NE_TK_WORD) {
            if (ne_lex_mention_class(c->s.lx, t->word, NE_MC_ORG_HEAD, NULL) &
                NE_MC_ORG_HEAD)
                return 1;
            if (!(t->flags & NE_TF_CAP) && !(wf(c, k) & (NE_W_PREP | NE_W_DET))) return 0;
        } else if (!is_punct(c, k, "-()")) {
            return 0;
        }
    }
    return 0;
}

/* The role and states of the organisation's name [i, end): the head's role
 * (a role phrase at the end wins: "Islamic Republic News Agency" is
 * media), the states named in it ("of Kenya"). tail: the name goes on
 * after its head ("... of Kenya"). */
static void org_parts(const ctx_t *c, uint32_t i, uint32_t end, const char role[4],
                      int tail, org_t *o)
{
    o->end = end;
    memcpy(o->role, role, 4);
    o->nown = 0;
    for (uint32_t q = i; q < end;) {
        atom_t a = lookup(c, q);
        if (a.type == A_ROLE && a.te == end && !tail) {
            ne_strlcpy(o->role, ne_lex_entry(c->s.lx, a.role)->code, 4);
            break;
        }
        if (a.type != A_ACTOR) {
            q++;
            continue;
        }
        int kind = ne_lex_entry(c->s.lx, a.actor)->kind;
        if ((kind == NE_AK_COUNTRY || kind == NE_AK_ADJ || kind == NE_AK_CAPITAL) &&
            o->nown < NE_MAX_MEMBERS)
            member_of_entry(c, a.actor, a.valid, &o->own[o->nown++]);
        q = a.te;
    }
}

/* Is the run [i, k) one word that opens the sentence and that the
 * dictionaries know in some phrase ("rights" of "rights activist")? Its
 * capital letter is the sentence's, not a name's. */
static int opening_common_word(const ctx_t *c, uint32_t i, uint32_t k)
{
    return i == c->s.tb && k == i + 1 && tok(c, i)->word >= 0;
}

/* An organisation's name at i: a run of capitalised words that ends in a
 * head noun ("Law Society", "Norwegian Nobel Committee", "Three Brotherhood
 * Alliance"), or a capitalised name with the head in lower case ("the
 * Kifaya group", "the ZANU-PF party"). After the head, "of" or "for" goes
 * on with the name ("the Law Society of Kenya", "National Union for the
 * Total Independence of Angola"), and the states named there are the
 * organisation's. At least one word before the head is no dictionary
 * phrase: the dictionaries know "European Union". Returns 0 for no name. */
static int org_name(const ctx_t *c, uint32_t i, org_t *o)
{
    if (!org_word(c, i)) return 0;
    /* the head first: "Front for the Liberation of Kivu", "Union for
     * National Progress": a head noun, "for" and a capitalised name */
    int head_first = is_w(c, i + 1, "for") && org_head(c, i, NULL) &&
                     org_word(c, is_w(c, i + 2, "the") ? i + 3 : i + 2);
    if (!head_first && !head_ahead(c, i)) return 0;
    atom_t first = lookup(c, i);
    uint32_t k = i, head_end = 0;
    int unknown = 0, tail = 0; /* tail: in the "of ..." part after a head */
    char role[4] = "";
    if (head_first && first.type == A_NONE) {
        org_head(c, i, role);
        head_end = i + 1;
    }
    if (first.type == A_ACTOR) {
        /* a place opens the name: "Helsinki Committee", "Kenya Human Rights
         * Commission" (not "Pakistan Army": a role follows the place) */
        int kind = ne_lex_entry(c->s.lx, first.actor)->kind;
        if ((kind != NE_AK_COUNTRY && kind != NE_AK_CAPITAL && kind != NE_AK_PLACE) ||
            lookup(c, first.te).type == A_ROLE)
            return 0;
        unknown = 1;
        k = first.te;
    } else if (first.type != A_NONE) {
        return 0;
    }
    while (k < c->s.te && k - i < 14) {
        if (org_word(c, k)) {
            char r[4];
            if (k > i && unknown && org_head(c, k, r)) {
                /* the head of the name decides the role, not one in its
                 * "of" part ("Council of the Islamic Union") */
                if (!tail) memcpy(role, r, 4);
                head_end = k + 1;
            } else if (lookup(c, k).type == A_NONE && !(wf(c, k) & NE_W_NUM)) {
                unknown++;
            }
            k++;
            if (tail) head_end = k; /* "of ..." goes on word by word */
            continue;
        }
        /* "ZANU-PF", "Umma (Nation)" */
        if (k > i && is_hyphen(c, k) && !(tok(c, k)->flags & NE_TF_SPACE) &&
            org_word(c, k + 1)) {
            k++;
            continue;
        }
        if (k > i && is_punct(c, k, "(") && org_word(c, k + 1) &&
            is_punct(c, k + 2, ")") && k + 3 < c->s.te &&
            (org_word(c, k + 3) || org_head(c, k + 3, NULL))) {
            k += 3;
            continue;
        }
        /* "of Kenya", "for the Total Independence of Angola" */
        if (k > i && (is_w(c, k, "of") || is_w(c, k, "for") || is_w(c, k, "and") ||
                      is_w(c, k, "the"))) {
            uint32_t q = k + 1;
            while (q < c->s.te && is_w(c, q, "the"))
                q++;
            if (!org_word(c, q)) break;
            if (head_end == k && !is_w(c, k, "and")) tail = 1;
            k = q;
            continue;
        }
        /* a head in lower case after a name: "the Umma party" (not after
         * one word the dictionaries know, capitalised only because it opens
         * the sentence: "Rights groups criticised" names a kind, no one) */
        if (!head_end && k > i && unknown && tok(c, k)->kind == NE_TK_WORD &&
            !opening_common_word(c, i, k) && org_head(c, k, role)) {
            head_end = k + 1;
        }
        break;
    }
    if (!head_end) return 0;
    if (o) org_parts(c, i, head_end, role, tail, o);
    return 1;
}

/* "Kurdish militants", "Shiite militiamen", "Tamil rebels": an unknown
 * capitalised word right before a plural role (not a title) names a people
 * or sect of no state of its own; the role is placed by the context. */
static inline int people_word_before_role(const ctx_t *c, uint32_t j)
{
    /* cheap tests first: most words are lower case or not before a role */
    if (j + 1 >= c->s.te || !(tok(c, j)->flags & NE_TF_CAP)) return 0;
    atom_t r = lookup(c, j + 1);
    if (r.type != A_ROLE || ne_lex_entry(c->s.lx, r.role)->kind == NE_RK_TITLE) return 0;
    return plain_name_word(c, j) && lookup(c, j).type == A_NONE && is_role_plural(c, j + 1, r.te);
}

/* Does a role (or, with allow_adj, an adjective of a state) follow within a
 * few modifiers? Lets "two far-right Israeli ministers" start at "two". A
 * word that can be a verb is skipped only after a determiner or a hyphen
 * ("the jailed opposition leader", "Russian-backed separatists"): after a
 * name it is the verb ("Belarus released 14 prisoners"). */
static int verb_complement(const ctx_t *c, uint32_t j);
/* "U.S. trade negotiators", "Chinese aid workers": a word whose only verb
 * form is the base, right before a role noun, is a noun modifying it (a
 * singular state's verb would take -s or -ed: "Israel attacked militants"
 * is no such word). */
static int base_noun_before_role(const ctx_t *c, uint32_t j)
{
    uint8_t forms = 0;
    for (uint32_t v = ne_lex_vforms(c->s.lx, tok(c, j)->word); v != NE_LEX_NONE;
         v = ne_lex_vform(c->s.lx, v)->next)
        forms |= ne_lex_vform(c->s.lx, v)->forms;
    return forms == NE_F_BASE && j + 1 < c->s.te && lookup(c, j + 1).type == A_ROLE;
}

/* "and two days later sent ground troops": a word that may begin a time
 * relative to another ("days", "hours", "later": grammar.tsv
 * timestart-relative-day), other than a number or a determiner, ends the
 * words that may modify a role: what follows is another phrase. */
static int relative_time_word(const ctx_t *c, uint32_t j)
{
    const ne_token_t *t = tok(c, j);
    return t->kind == NE_TK_WORD && !(wf(c, j) & (NE_W_NUM | NE_W_DET | NE_W_REL)) &&
           (ne_lex_date_rules(c->s.lx, t->word) & NE_DR_RELATIVE_DAY);
}

static int role_ahead_v(const ctx_t *c, uint32_t j, int allow_adj, int allow_verbish)
{
    if (verb_complement(c, j)) return 0;
    int words = 0, plural = 0; /* plain modifier words read, and whether one was a plural noun */
    for (int k = 0; k < 4 && j < c->s.te; k++) {
        atom_t a = lookup(c, j);
        if (a.type == A_ROLE) return 1;
        if (a.type == A_ACTOR) {
            if (a.role != NE_LEX_NONE) return 1;
            if (org_name(c, j, NULL)) return 1; /* "Helsinki Committee" */
            /* "Iraq's al-Qaeda": a movement takes the state before it */
            if (ne_lex_entry(c->s.lx, a.actor)->kind == NE_AK_MOVEMENT) return 1;
            /* "ethnic Albanians": a people that is not a state's */
            if (ne_lex_entry(c->s.lx, a.actor)->kind == NE_AK_PEOPLE &&
                has_class(c, j - 1, NE_MC_ETHNIC, NULL))
                return 1;
            if (!allow_adj) return 0;
            if (ne_lex_entry(c->s.lx, a.actor)->kind == NE_AK_ADJ) return 1;
            /* "Houthi rebels", "U.S. envoy": a name used as a modifier */
            return a.te < c->s.te && (lookup(c, a.te).type == A_ROLE || org_name(c, a.te, NULL) ||
                                      base_noun_before_role(c, a.te));
        }
        if ((tok(c, j)->flags & NE_TF_CAP) && org_name(c, j, NULL))
            return 1; /* "Kenya's Law Society" */
        if (people_word_before_role(c, j)) return 1;
        if (is_modifier(c, j) && is_verbish(c, j) && !allow_verbish &&
            !(j > c->s.tb && is_hyphen(c, j - 1)) && !base_noun_before_role(c, j))
            return 0;
        if (relative_time_word(c, j)) return 0;
        int num = tok(c, j)->kind == NE_TK_NUM || (wf(c, j) & NE_W_NUM);
        /* a number opens its noun phrase: after one adjective at most ("the
         * remaining three officers"), never after a plural noun or two plain
         * words ("the measures include two police commanders" is two phrases) */
        if (num && (plural || words >= 2)) return 0;
        if (is_modifier(c, j) || is_hyphen(c, j) || num) {
            if (!num && !is_hyphen(c, j)) {
                words++;
                plural |= plural_noun(c, j);
            }
            j++;
            continue;
        }
        return 0;
    }
    return 0;
}

static int role_ahead(const ctx_t *c, uint32_t j, int allow_adj)
{
    return role_ahead_v(c, j, allow_adj, 0);
}

/* Is there a number at i or i + 1 ("at least 50", "up to a dozen")? */
static int quantity_ahead(const ctx_t *c, uint32_t i)
{
    for (uint32_t k = i; k < c->s.te && k < i + 2; k++) {
        if (tok(c, k)->kind == NE_TK_NUM) return 1;
        uint32_t f = wf(c, k);
        if ((f & NE_W_NUM) && !(f & NE_W_PREP)) return 1;
    }
    return 0;
}

/* Parse one mention starting at i. Returns its end (exclusive) or i. */
/* The state of one parse: where it is, and what it has read so far. */
typedef struct parse_s {
    uint32_t i;               /* the first token of the mention */
    uint32_t j;               /* the next token to read */
    uint32_t start;           /* the first token after determiners */
    int det;                  /* a determiner, possessive or number was read */
    const ne_mention_t *poss; /* the referent of a possessive pronoun ("its") */
    int have_head;            /* the head noun or name is read: the mention ends */
    int have_name;            /* a name followed a title: [name_b, name_e) */
    int mods;                 /* lower-case modifiers read before a role */
    uint32_t name_b, name_e;
    uint32_t acro; /* an organisation's acronym ("(FIS)"), or 0 */
    int org;       /* the head is an organisation's name */
    int former;    /* "former", "ousted" before a title: out of office */
} parse_t;

/* What a step of the head grammar tells the loop. */
enum { STEP_MORE, STEP_DONE, STEP_FAIL };

static void build_reset(build_t *b)
{
    /* called at every token: clear only what the grammar reads, not the
     * member arrays (hundreds of bytes) */
    b->m.tb = b->m.te = 0;
    b->m.flags = 0;
    b->m.n = 0;
    b->nown = 0;
    b->role_set = 0;
    b->role[0] = '\0';
    b->plural = 0;
    b->arms = 0;
    b->movement = 0;
}

static int speech_verb(const ctx_t *c, uint32_t k);

/* Is "it" at i an object: after a verb or a preposition ("hailed it",
 * "called on it")? */
static int it_is_object(const ctx_t *c, uint32_t i)
{
    if (i == c->s.tb) return 0;
    const ne_token_t *t = tok(c, i - 1);
    if (t->kind != NE_TK_WORD || (t->flags & NE_TF_CAP)) return 0;
    /* "said it would": the subject of a clause of speech */
    return (wf(c, i - 1) & NE_W_PREP) ||
           (!wf(c, i - 1) && is_verbish(c, i - 1) && !speech_verb(c, i - 1));
}

#define MAX_EXPLETIVE 4 /* words between "It is" and "that": "worth noting", "widely believed" */

/* Is the "it" at i that opens the sentence an expletive, standing for the
 * clause after "that" ("It is noted that ...", "It is learned that ...",
 * "It was widely believed that ...")? Translated wire copy opens many
 * sentences so; that "it" is no one, and no later pronoun's antecedent. */
static int expletive_it(const ctx_t *c, uint32_t i)
{
    if (i != c->s.tb || !(wf(c, i + 1) & NE_W_BE)) return 0;
    for (uint32_t k = i + 2; k < c->s.te && k - i - 2 < MAX_EXPLETIVE; k++) {
        if (is_w(c, k, "that")) return k > i + 2;
        if (tok(c, k)->kind != NE_TK_WORD || lookup(c, k).type != A_NONE) return 0;
    }
    return 0;
}

/* Is "her" before token k an object pronoun, not a possessive: nothing
 * that can begin a noun follows ("arrested her.", "banned her from")? */
static int her_is_object(const ctx_t *c, uint32_t k)
{
    if (k >= c->s.te) return 1;
    const ne_token_t *t = tok(c, k);
    if (t->kind == NE_TK_PUNCT) return 1;
    /* "granted her asylum", "offered her a pardon": after a verb, before a
     * thing one is given (class GRANTS), "her" is the one who gets it */
    uint32_t g = (is_w(c, k, "a") || is_w(c, k, "an")) ? k + 1 : k;
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_GRANTS);
    if (cls != NE_LEX_NONE && k >= c->s.tb + 2 && is_verbish(c, k - 2))
        for (uint32_t q = g; q < c->s.te && q <= g + 1; q++) /* "political asylum" */
            if (ne_lex_in_class(c->s.lx, cls, tok(c, q)->word)) return 1;
    return t->kind == NE_TK_WORD && !(t->flags & NE_TF_CAP) &&
           ((wf(c, k) & (NE_W_PREP | NE_W_DET | NE_W_CONJ | NE_W_PRON | NE_W_POSS |
                         NE_W_SUBORD | NE_W_REL | NE_W_BE | NE_W_HAVE | NE_W_MODAL |
                         NE_W_FUTURE | NE_W_DO | NE_W_NEG)) ||
            ne_s_adverb(&c->s, k));
}

/* Pronouns, relative pronouns and "each other" at i. Returns 1 when token i
 * is one of them, with the mention's end in *end (i when it makes none). */
static int object_pair(const ctx_t *c, uint32_t i, ne_mention_t *out);
static int subject_pair(const ctx_t *c, uint32_t i, ne_mention_t *out);
static int sentence_pair(const ctx_t *c, uint32_t i, size_t first, ne_mention_t *out);
static int parse_pronoun(ctx_t *c, uint32_t i, build_t *b, uint32_t *end)
{
    uint32_t f = wf(c, i);
    *end = i;
    if (f & NE_W_REL) {
        if (is_w(c, i, "which") || is_w(c, i, "who")) {
            b->m.flags |= NE_MF_REL;
            *end = i + 1;
        }
        return 1;
    }
    if ((is_w(c, i, "each") && is_w(c, i + 1, "other")) ||
        (is_w(c, i, "one") && is_w(c, i + 1, "another"))) {
        b->m.flags |= NE_MF_RECIP;
        *end = i + 2;
        return 1;
    }
    int kind = 0, obj = 0;
    if (is_w(c, i, "her") && her_is_object(c, i + 1)) {
        kind = 'h', obj = 1; /* "police arrested her.", "banned her from running" */
    } else if (is_w(c, i, "this") && i > c->s.tb && her_is_object(c, i + 1)) {
        /* "Egypt condemned this.", "Beijing said this was unacceptable": a
         * demonstrative standing alone (no noun after it) is read as "it" */
        kind = 'i', obj = it_is_object(c, i);
    } else {
        if (!(f & NE_W_PRON) || ((tok(c, i)->flags & NE_TF_ALLCAP) && is_w(c, i, "us")))
            return 0;
        if (is_w(c, i, "we") || is_w(c, i, "us") || is_w(c, i, "i")) {
            /* first person: the speaker of the quotation (frames.c) */
            if (is_w(c, i, "i") && !(tok(c, i)->flags & NE_TF_CAP)) return 1;
            b->m.flags |= NE_MF_PRON | NE_MF_SPEAKER;
            *end = i + 1;
            return 1;
        }
        if (is_w(c, i, "he") || is_w(c, i, "she"))
            kind = 'h';
        else if (is_w(c, i, "him"))
            kind = 'h', obj = 1;
        else if (is_w(c, i, "they"))
            kind = 't';
        else if (is_w(c, i, "them"))
            kind = 't', obj = 1;
        else if (is_w(c, i, "it") && !expletive_it(c, i))
            kind = 'i', obj = it_is_object(c, i);
        if (!kind) return 1;
    }
    ne_mention_t pair;
    const ne_mention_t *r = kind == 't' && obj && object_pair(c, i, &pair) ? &pair
                            : kind == 't' && !obj && subject_pair(c, i, &pair) ? &pair
                                                                         : resolve_pronoun(c, i, kind, obj);
    b->m.flags |= NE_MF_PRON;
    if (r) {
        b->m.n = r->n;
        memcpy(b->m.m, r->m, sizeof(r->m[0]) * r->n);
        b->m.flags |= r->flags & (NE_MF_PERSON | NE_MF_ONE | NE_MF_PLURAL | NE_MF_GENERIC);
    }
    *end = i + 1;
    return 1;
}

/* "called Pashinyan and Aliyev and urged them to": an object "them" after
 * a pair "A and B" that follows the sentence's first mention (the pair is
 * merged into one compound only after the sentence is read, so the
 * memory does not hold it yet). Fills out with the pair's members. */
static int object_pair(const ctx_t *c, uint32_t i, ne_mention_t *out)
{
    return sentence_pair(c, i, 1, out);
}

/* Mentions k-1 and k joined as members of one list: "A and B", "A, B"
 * or "A, and B". 2 when by "and", 1 by a comma, 0 not joined. */
static int list_join(const ctx_t *c, size_t k)
{
    const ne_doc_t *d = c->s.d;
    const ne_mention_t *a = &d->ment.v[k - 1], *bm = &d->ment.v[k];
    if (!a->n || !bm->n || ((a->flags | bm->flags) & (NE_MF_LOC | NE_MF_REL | NE_MF_PRON | NE_MF_WEAK)))
        return 0;
    if (a->te + 1 == bm->tb && is_w(c, a->te, "and")) return 2;
    if (a->te + 2 == bm->tb && is_w(c, a->te, ",") && is_w(c, a->te + 1, "and")) return 2;
    /* a comma between two mentions of the same party is an apposition
     * ("Kenya's president, William Ruto,"), no list */
    if (a->te + 1 == bm->tb && is_w(c, a->te, ",") && strcmp(a->m[0].code, bm->m[0].code)) return 1;
    return 0;
}

/* The list "A and B" or "A, B and C" whose last member is mention k, as one
 * mention in out (it begins no earlier than mention `first`). Returns 0
 * when k closes no list joined by "and". */
static int list_ending_at(const ctx_t *c, size_t k, size_t first, ne_mention_t *out)
{
    const ne_doc_t *d = c->s.d;
    if (k < first + 1 || list_join(c, k) != 2) return 0;
    size_t b = k - 1;
    while (b > first && list_join(c, b) == 1) b--;
    *out = d->ment.v[b];
    for (size_t j = b + 1; j <= k; j++)
        for (int t = 0; t < d->ment.v[j].n && out->n < NE_MAX_MEMBERS; t++) out->m[out->n++] = d->ment.v[j].m[t];
    out->flags |= NE_MF_PLURAL | (d->ment.v[k].flags & NE_MF_PERSON);
    return 1;
}

/* "Egypt and Qatar, which mediated the talks, said they would monitor the
 * truce", "Argentina, Chile and Peru said they would not recognise ...": a
 * subject "they" in a clause of speech is the list of parties that opens
 * the sentence. */
static int subject_pair(const ctx_t *c, uint32_t i, ne_mention_t *out)
{
    const ne_doc_t *d = c->s.d;
    if (d->ment.n < 2 || !speech_clause(c, i)) return 0;
    const ne_mention_t *a = &d->ment.v[0];
    if (a->tb > c->s.tb && (wf(c, a->tb - 1) & NE_W_PREP)) return 0;
    size_t k = 1;
    while (k + 1 < d->ment.n && d->ment.v[k + 1].te <= i && list_join(c, k) == 1) k++;
    return d->ment.v[k].te <= i && list_ending_at(c, k, 0, out) && out->tb == a->tb;
}

/* The last list "A and B" (or "A, B and C") of the sentence before token i
 * (from mention `first` on), as one mention in out. */
static int sentence_pair(const ctx_t *c, uint32_t i, size_t first, ne_mention_t *out)
{
    const ne_doc_t *d = c->s.d;
    for (size_t k = d->ment.n; k >= first + 2; k--) {
        const ne_mention_t *a = &d->ment.v[k - 2], *bm = &d->ment.v[k - 1];
        if (bm->te > i) continue;
        if (!((a->te + 1 == bm->tb && is_w(c, a->te, "and")) ||
              (a->te + 2 == bm->tb && is_w(c, a->te, ",") && is_w(c, a->te + 1, "and"))))
            continue;
        return list_ending_at(c, k - 1, first, out);
    }
    return 0;
}

/* The number a word gives to a group reference: "two", "three", "both". */
static int group_count(const ctx_t *c, uint32_t k)
{
    if (!(wf(c, k) & NE_W_NUM)) return 0;
    if (is_w(c, k, "two")) return 2;
    if (is_w(c, k, "three")) return 3;
    if (is_w(c, k, "four")) return 4;
    if (is_w(c, k, "five")) return 5;
    if (is_w(c, k, "six")) return 6;
    return 0;
}

/* The entity a member stands for: its state, or an IGO whole; a force
 * against the state (rebels) is an entity of its own, its full code ("the
 * government and the rebels" are two sides of one state). */
static const char *entity_of(const ne_member_t *m)
{
    if (m->country[0] && !strcmp(m->role, "REB")) return m->code;
    return m->country[0] ? m->country : m->code;
}

/* Distinct entities (states, rebels, or IGOs whole) among the members of m. */
static int distinct_entities(const ne_mention_t *m)
{
    int n = 0;
    for (int k = 0; k < m->n; k++) {
        const char *e = entity_of(&m->m[k]);
        if (!e[0]) return 0; /* a member with no state yet is no party */
        int seen = 0;
        for (int q = 0; q < k && !seen; q++) seen = !strcmp(entity_of(&m->m[q]), e);
        n += !seen;
    }
    return n;
}

/* "Angola, which has mediated between Kinshasa and Kigali, invited both
 * presidents to talks": a list of n distinct parties right after "between",
 * earlier in the sentence, names the sides whoever acts on them, so it is
 * the n even with no other party between it and the reference (the subject
 * list of "Kenya and Uganda urged both sides" is none: no object of
 * "between"), and for persons too (their leaders). Into out: 1, else 0. */
static int between_pair(const ctx_t *c, uint32_t i, int n, ne_mention_t *out)
{
    ne_mention_t pair;
    if (!sentence_pair(c, i, 0, &pair) || pair.n != n || distinct_entities(&pair) != n ||
        pair.tb <= c->s.tb || !is_w(c, pair.tb - 1, "between"))
        return 0;
    mention_copy(out, &pair);
    for (int q = 0; q < out->n; q++) out->m[q].start = out->m[q].end = 0;
    return 1;
}

/* Remember a compound of several parties: the cast a later "the two
 * countries" refers to. */
static void note_cast(ne_memory_t *mem, const ne_mention_t *m)
{
    if (m->n < 2 || (m->flags & (NE_MF_LOC | NE_MF_WEAK)) || distinct_entities(m) != m->n)
        return;
    mention_copy(&mem->cast[mem->ncast % NE_MEM_CASTS], m);
    mem->ncast++;
}

/* The first two targets of a remembered event with distinct codes and a
 * state each, into out: 1, or 0 when there are no two. */
/* Out becomes the pair a, b: parties of the article, not named here. */
static void set_pair(ne_mention_t *out, const ne_member_t *a, const ne_member_t *b)
{
    out->n = 2;
    out->m[0] = *a;
    out->m[1] = *b;
    out->m[0].start = out->m[0].end = out->m[1].start = out->m[1].end = 0;
}

/* The two sides of remembered event e: its first agent, of a state, and
 * its first target of a state that is not that agent (a reciprocal act,
 * "clashed", keeps both sides as targets). 0 when it has no such pair. */
static int event_sides(const struct ne_memevent_s *e, ne_mention_t *out)
{
    if (!e->nagent || !e->ntarget || !e->agent[0].country[0]) return 0;
    const ne_member_t *a = &e->agent[0];
    for (int t = 0; t < e->ntarget; t++)
        if (e->target[t].country[0] && strcmp(e->target[t].code, a->code)) {
            set_pair(out, a, &e->target[t]);
            return 1;
        }
    return 0;
}

static int two_targets(const struct ne_memevent_s *e, ne_mention_t *out)
{
    int t1 = -1;
    for (int t = 0; t < e->ntarget; t++) {
        if (!e->target[t].country[0]) continue;
        if (t1 < 0) {
            t1 = t;
        } else if (strcmp(e->target[t].code, e->target[t1].code)) {
            set_pair(out, &e->target[t1], &e->target[t]);
            return 1;
        }
    }
    return 0;
}

/* "urged both sides to return to the table": the two sides of the last
 * hostile event of the article (roots 11-20) between two states or their
 * organs, agent and target (the events frames.c remembered); or of the
 * last other event with two parties on its receiving side: a joint act
 * ("A and B held talks": remembered with both as targets) or a third
 * party's act on two ("hosted talks between the army and the RSF"). */
/* The article's main pair of states: the two states with the most
 * remembered events between them (any code, either way), the most recent
 * pair on a tie, when that pair has two events or more. "Congo accused
 * Rwanda ... cut ties with Kigali ... Rwanda denied ... France condemned
 * the attacks ... mediated between the two countries": Congo and Rwanda.
 * 1 and the pair's members (agent, target) in out, else 0. */
/* Is m a state or its government (no other role)? */
static int official(const ne_member_t *m)
{
    return m->country[0] && (!m->role[0] || !strcmp(m->role, "GOV"));
}

/* The remembered events between states a and b, either way (bounded:
 * NE_MEM_EVENTS). */
static int dyad_count(const ne_memory_t *mem, const char *a, const char *b)
{
    size_t n = mem->nevents < NE_MEM_EVENTS ? mem->nevents : NE_MEM_EVENTS;
    int count = 0;
    for (size_t q = 0; q < n; q++) {
        const struct ne_memevent_s *f = &mem->events[(mem->nevents - 1 - q) % NE_MEM_EVENTS];
        int fa = 0, fb = 0;
        for (int i = 0; i < f->nagent; i++) {
            fa |= !strcmp(f->agent[i].country, a);
            fb |= !strcmp(f->agent[i].country, b);
        }
        for (int i = 0; i < f->ntarget; i++) {
            fa |= !strcmp(f->target[i].country, a);
            fb |= !strcmp(f->target[i].country, b);
        }
        count += fa && fb;
    }
    return count;
}

static int main_dyad(const ctx_t *c, ne_mention_t *out, int *count_out)
{
    const ne_memory_t *mem = c->mem;
    size_t n = mem->nevents < NE_MEM_EVENTS ? mem->nevents : NE_MEM_EVENTS;
    int best = 0;
    for (size_t k = 0; k < n; k++) {
        const struct ne_memevent_s *e = &mem->events[(mem->nevents - 1 - k) % NE_MEM_EVENTS];
        if (!e->nagent || !e->ntarget || !e->agent[0].country[0]) continue;
        const ne_member_t *a = &e->agent[0], *b = NULL;
        for (int t = 0; t < e->ntarget && !b; t++)
            if (e->target[t].country[0] && strcmp(e->target[t].country, a->country)) b = &e->target[t];
        if (!b) continue;
        int count = dyad_count(mem, a->country, b->country);
        /* of one pair's events, one between the states or their governments
         * names the sides best ("persecuting Serbs" names Serb civilians) */
        int same = best && count == best &&
                   ((!strcmp(out->m[0].country, a->country) && !strcmp(out->m[1].country, b->country)) ||
                    (!strcmp(out->m[0].country, b->country) && !strcmp(out->m[1].country, a->country)));
        if (count > best || (same && official(a) && official(b) && !(official(&out->m[0]) && official(&out->m[1])))) {
            best = count;
            set_pair(out, a, b);
        }
    }
    if (count_out) *count_out = best;
    return best >= 2;
}

static int two_adversaries(const ctx_t *c, ne_mention_t *out)
{
    const ne_memory_t *mem = c->mem;
    size_t n = mem->nevents < NE_MEM_EVENTS ? mem->nevents : NE_MEM_EVENTS;
    for (size_t k = 0; k < n; k++) {
        const struct ne_memevent_s *e = &mem->events[(mem->nevents - 1 - k) % NE_MEM_EVENTS];
        int root = (e->code[0] - '0') * 10 + (e->code[1] - '0');
        if (!e->nagent || !e->ntarget) continue;
        if (root < 10 || root > 20) {
            if (two_targets(e, out)) return 1;
            continue;
        }
        if (event_sides(e, out)) return 1;
    }
    return 0;
}

/* "the warring parties": the two sides of the article's last act of
 * material conflict (roots 18-20: assault, fight, mass violence), whatever
 * pair the article mostly speaks of ("the RSF shelled a camp ... Port Sudan
 * accused the UAE ... urged the warring parties": not Sudan and the UAE).
 * The sides as two_adversaries takes them; bounded by the event memory. */
static int two_fighters(const ctx_t *c, ne_mention_t *out)
{
    const ne_memory_t *mem = c->mem;
    size_t n = mem->nevents < NE_MEM_EVENTS ? mem->nevents : NE_MEM_EVENTS;
    for (size_t k = 0; k < n; k++) {
        const struct ne_memevent_s *e = &mem->events[(mem->nevents - 1 - k) % NE_MEM_EVENTS];
        int root = (e->code[0] - '0') * 10 + (e->code[1] - '0');
        if (root >= 18 && root <= 20 && event_sides(e, out)) return 1;
    }
    return 0;
}

/* "President Obiang met Chinese Foreign Minister Wang Yi in Malabo. The two
 * sides signed an agreement": a reference that opens its sentence, right
 * after a meeting of two states' parties (the article's last event, roots
 * 03-05: intent, consultation, diplomatic cooperation), is those two, not
 * the sides of an older hostile act (an arrest at home). The article's
 * main pair of states (main_dyad: two events or more) still comes first
 * ("India and Pakistan clashed ... a US envoy met Pakistan's minister. The
 * two sides agreed to a ceasefire"). Only the last event, so one look. */
static int met_pair(const ctx_t *c, uint32_t i, ne_mention_t *out)
{
    const ne_memory_t *mem = c->mem;
    if (i != c->s.tb || !mem->nevents) return 0;
    const struct ne_memevent_s *e = &mem->events[(mem->nevents - 1) % NE_MEM_EVENTS];
    int root = (e->code[0] - '0') * 10 + (e->code[1] - '0');
    if (root < 3 || root > 5 || e->nagent != 1 || e->ntarget != 1) return 0;
    const ne_member_t *a = &e->agent[0], *b = &e->target[0];
    if (!a->country[0] || !b->country[0] || !strcmp(a->country, b->country)) return 0;
    out->n = 2;
    out->m[0] = *a;
    out->m[1] = *b;
    out->m[0].start = out->m[0].end = out->m[1].start = out->m[1].end = 0;
    return 1;
}

/* Is compound m the agents of event e ("brokered by Egypt and Qatar")? */
static int cast_acted(const ne_mention_t *m, const struct ne_memevent_s *e)
{
    if (m->n != e->nagent) return 0;
    for (int i = 0; i < m->n; i++)
        if (strcmp(m->m[i].code, e->agent[i].code)) return 0;
    return 1;
}

/* "talks brokered by Egypt and Qatar ... Rubio praised the mediators and
 * urged both sides": the sides are not the last compound when it was the
 * third party of the article's last event on two: they are that event's
 * two targets. */
static int mediated_sides(const ctx_t *c, ne_mention_t *out)
{
    const ne_memory_t *mem = c->mem;
    if (!mem->ncast || !mem->nevents) return 0;
    const ne_mention_t *last = &mem->cast[(mem->ncast - 1) % NE_MEM_CASTS];
    size_t n = mem->nevents < NE_MEM_EVENTS ? mem->nevents : NE_MEM_EVENTS;
    for (size_t k = 0; k < n; k++) {
        const struct ne_memevent_s *e = &mem->events[(mem->nevents - 1 - k) % NE_MEM_EVENTS];
        if (cast_acted(last, e)) return two_targets(e, out);
    }
    return 0;
}

/* Does every party of m have a state, none the same as another's? */
static int distinct_states(const ne_mention_t *m)
{
    for (int i = 0; i < m->n; i++)
        if (!m->m[i].country[0]) return 0;
    return distinct_entities(m) == m->n;
}

/* "The United States, which has been pressing both sides to accept": the
 * party acting on a group reference is none of the group. The first token
 * of the sentence's nearest mention before token i (past a relative
 * pronoun) when no preposition governs it, taken as the subject of the
 * verb before the reference; UINT32_MAX when there is none. */
static uint32_t clause_subject(const ctx_t *c, uint32_t i)
{
    const ne_doc_t *d = c->s.d;
    /* the reference is the object of a verb right before it ("pressing
     * both sides"), not a subject ("since the two leaders held talks") */
    if (i <= c->s.tb || tok(c, i - 1)->kind != NE_TK_WORD || wf(c, i - 1) || !is_verbish(c, i - 1))
        return UINT32_MAX;
    for (size_t k = d->ment.n; k > 0; k--) {
        const ne_mention_t *m = &d->ment.v[k - 1];
        if (m->te > i) continue;
        if (m->flags & (NE_MF_REL | NE_MF_PRON) && !m->n) continue;
        if (m->tb > c->s.tb && (wf(c, m->tb - 1) & NE_W_PREP)) return UINT32_MAX;
        return m->tb;
    }
    return UINT32_MAX;
}

/* Is one of m's members an international organization (IGO...)? */
static int igo_member(const ne_mention_t *m)
{
    for (int q = 0; q < m->n; q++)
        if (!strncmp(m->m[q].code, "IGO", 3)) return 1;
    return 0;
}

/* "placed Vice President Riek Machar under house arrest ... Troops loyal
 * to President Salva Kiir ... urged both leaders": when the text names the
 * two leaders no longer as persons, they are the two sides of the last
 * act between a state's government and a force against it (rival_roles). */
static int rival_leaders(const ctx_t *c, ne_mention_t *out)
{
    const ne_memory_t *mem = c->mem;
    size_t have = mem->nevents < NE_MEM_EVENTS ? mem->nevents : NE_MEM_EVENTS;
    for (size_t b = 1; b <= have; b++) {
        const struct ne_memevent_s *e = &mem->events[(mem->nevents - b) % NE_MEM_EVENTS];
        if (!e->nagent || !e->ntarget || !rival_roles(&e->agent[0], &e->target[0], 1)) continue;
        set_pair(out, &e->agent[0], &e->target[0]);
        return 1;
    }
    return 0;
}

/* The parties of "the n countries": the last compound of exactly n
 * parties, else for two the last two actors named. sides: the noun names
 * the parties as the article set them up ("both sides"). */
static int resolve_cast(const ctx_t *c, int n, int persons, int states, int sides, uint32_t subject,
                        uint32_t at, ne_mention_t *out)
{
    const ne_memory_t *mem = c->mem;
    size_t have = mem->ncast < NE_MEM_CASTS ? mem->ncast : NE_MEM_CASTS;
    if (sides && n == 2 && mediated_sides(c, out)) return 1;
    for (size_t k = 0; k < have; k++) {
        const ne_mention_t *m = &mem->cast[(mem->ncast - 1 - k) % NE_MEM_CASTS];
        if (m->n != n) continue;
        /* "sent troops and police to Ceuta ... urged both countries": n
         * countries are n states; a compound whose parties share a state or
         * have none (forces not yet placed) is not them */
        if (states && !sides && !distinct_states(m)) continue;
        /* "Turkey and the United Nations brokered the deal ... the two
         * leaders had agreed": an organization named by its name is no
         * leader; persons named in a compound still are */
        if (persons && !(m->flags & NE_MF_PERSONS) && igo_member(m)) continue;
        /* "Egypt hosted Burhan for talks with Sisi. The two leaders": two
         * persons named since the cast was set up are the two */
        if (persons && n == 2 && two_recent(c, 1, 0, m->te, subject, out)) return 1;
        /* "with U.S. and Chinese officials in attendance ... threatening to
         * halt trade talks with the two countries" (Thailand and Cambodia,
         * whose fighting the article is about): a pair with more events
         * between them than the last compound's, three at least, is the two;
         * not when a word qualifies them ("the two Gulf states") */
        int mc = 0; /* (states == 2: "the two countries" with no word between) */
        if (states == 2 && !persons && n == 2 && m->m[0].country[0] && m->m[1].country[0] &&
            main_dyad(c, out, &mc) && mc >= 3 && mc > dyad_count(mem, m->m[0].country, m->m[1].country))
            return 1;
        out->n = m->n;
        memcpy(out->m, m->m, sizeof(m->m[0]) * (size_t)m->n);
        return 1;
    }
    if (n != 2) return 0;
    /* the article's main pair first; then a meeting just told (met_pair);
     * then the last hostile act's two sides, unless "both countries" would be
     * one state twice ("Spain sent troops": Spain and its own forces) */
    if (states && (main_dyad(c, out, NULL) || met_pair(c, at, out) ||
                   (two_adversaries(c, out) && (sides || distinct_states(out)))))
        return 1;
    if (two_recent(c, persons, states, 0, subject, out)) return 1;
    return persons && rival_leaders(c, out);
}

/* "the group", "the militia": the last armed group or movement named (a
 * member of role REB or OPP), the sentence's own subject too ("Hamas
 * released two hostages, the group said"). */
static int resolve_group(const ctx_t *c, ne_mention_t *out)
{
    const ne_memory_t *mem = c->mem;
    size_t n = mem->nrecent < NE_MEM_RECENT ? mem->nrecent : NE_MEM_RECENT;
    for (size_t k = 0; k < n; k++) {
        const ne_mention_t *m = &mem->recent[(mem->nrecent - 1 - k) % NE_MEM_RECENT];
        if ((m->flags & (NE_MF_LOC | NE_MF_WEAK)) || m->n != 1) continue;
        if (strcmp(m->m[0].role, "REB") && strcmp(m->m[0].role, "OPP")) continue;
        out->n = 1;
        out->m[0] = m->m[0];
        return 1;
    }
    return 0;
}

/* "Cuba freed 553 prisoners after the United States agreed to remove the
 * island from its list": the last state named by a name of an island state
 * (class ISLANDS), the sentence's own first actor too. 0 when there is
 * none: then "the island" is a state other than that actor, as STATE. */
static int resolve_island(const ctx_t *c, ne_mention_t *out)
{
    const ne_memory_t *mem = c->mem;
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_ISLANDS);
    size_t n = mem->nrecent < NE_MEM_RECENT ? mem->nrecent : NE_MEM_RECENT;
    for (size_t k = 0; k < n; k++) {
        const ne_mention_t *m = &mem->recent[(mem->nrecent - 1 - k) % NE_MEM_RECENT];
        if ((m->flags & (NE_MF_LOC | NE_MF_WEAK)) || m->n != 1 || !m->m[0].country[0] || m->te <= m->tb)
            continue;
        int island = 0;
        for (uint32_t q = m->tb; q < m->te && !island; q++) island = ne_lex_in_class(c->s.lx, cls, tok(c, q)->word);
        if (!island) continue;
        out->n = 1;
        out->m[0] = m->m[0];
        ne_member_set(&out->m[0], m->m[0].country, "");
        return 1;
    }
    return 0;
}

/* "A Chinese ship fired a water cannon at a Philippine fisheries vessel
 * ... the ship blocked the vessel": "the" and a vessel's noun (type
 * VESSEL) alone is the state of the last vessel of that noun named with a
 * state ("a Philippine fisheries vessel": the noun in the mention or within
 * three words after it); not one the sentence's subject named. */
static int resolve_vessel(const ctx_t *c, const ne_token_t *t, ne_mention_t *out)
{
    const ne_memory_t *mem = c->mem;
    size_t n = mem->nrecent < NE_MEM_RECENT ? mem->nrecent : NE_MEM_RECENT;
    for (size_t k = 0; k < n; k++) {
        size_t idx = mem->nrecent - 1 - k;
        const ne_mention_t *m = &mem->recent[idx % NE_MEM_RECENT];
        if (idx == c->sent_recent || (m->flags & NE_MF_LOC) || m->n != 1 || !m->m[0].country[0]) continue;
        for (uint32_t q = m->tb; q < m->te + 3 && q < c->s.d->tok.n; q++) {
            const ne_token_t *h = &c->s.d->tok.v[q];
            if (h->kind != NE_TK_WORD && q >= m->te) break;
            if (h->word != t->word) continue;
            out->n = 1;
            out->m[0] = m->m[0];
            ne_member_set(&out->m[0], m->m[0].country, "");
            return 1;
        }
    }
    return 0;
}

/* "NATO's chief said the alliance would send", "the EU's foreign policy
 * chief said the bloc has agreed": an organisation named earlier in the
 * same sentence is the one "the alliance", "the bloc" stands for when the
 * type noun (at token at) opens a clause of its own, an auxiliary right
 * after it (the article's memory only holds earlier sentences; "forcing
 * the organisation to" is left to it). The last such mention before this
 * one, copied into out; 0 when there is none. */
static int sentence_organisation(const ctx_t *c, uint32_t at, ne_mention_t *out)
{
    const ne_doc_t *d = c->s.d;
    if (at == UINT32_MAX || at + 1 >= c->s.te ||
        !(wf(c, at + 1) & (NE_W_BE | NE_W_HAVE | NE_W_DO | NE_W_FUTURE | NE_W_MODAL)))
        return 0;
    for (size_t k = d->ment.n; k > 0; k--) {
        const ne_mention_t *m = &d->ment.v[k - 1];
        if (m->tb < c->s.tb) break;
        if (m->n != 1 || (m->flags & NE_MF_LOC) || strncmp(m->m[0].code, "IGO", 3)) continue;
        out->n = 1;
        out->m[0] = m->m[0];
        return 1;
    }
    return 0;
}

/* "the bloc", "the island", "the North": the last actor of the kind the
 * type noun names (mention-words.tsv, class type). */
static int resolve_type(const ctx_t *c, const char *kind, const ne_token_t *t, uint32_t at,
                        ne_mention_t *out)
{
    const ne_memory_t *mem = c->mem;
    if (!strcmp(kind, "HALF")) {
        const char *st = ne_tok_fold(c->s.d, t)[0] == 'n' ? mem->north : mem->south;
        if (!st[0]) return 0;
        out->n = 1;
        memset(&out->m[0], 0, sizeof(out->m[0]));
        ne_member_set(&out->m[0], st, "");
        return 1;
    }
    int igo = !strcmp(kind, "IGO");
    if (igo && sentence_organisation(c, at, out)) return 1;
    size_t n = mem->nrecent < NE_MEM_RECENT ? mem->nrecent : NE_MEM_RECENT;
    if (!strcmp(kind, "GROUP")) return resolve_group(c, out);
    if (!strcmp(kind, "ISLAND") && resolve_island(c, out)) return 1;
    if (!strcmp(kind, "VESSEL")) return resolve_vessel(c, t, out);
    for (size_t k = 0; k < n; k++) {
        size_t idx = mem->nrecent - 1 - k;
        const ne_mention_t *m = &mem->recent[idx % NE_MEM_RECENT];
        /* not the sentence's own first actor: "Chinese forces held drills
         * around the island" is not China */
        if (idx == c->sent_recent || (m->flags & (NE_MF_LOC | NE_MF_WEAK)) || m->n != 1)
            continue;
        const ne_member_t *mm = &m->m[0];
        if (igo ? strncmp(mm->code, "IGO", 3) != 0 : !mm->country[0]) continue;
        out->n = 1;
        out->m[0] = *mm;
        if (!igo) ne_member_set(&out->m[0], mm->country, "");
        return 1;
    }
    return 0;
}

/* Is an actor mention between token from and token i (a clause with a
 * subject of its own: "Thailand and Cambodia agreed ..., Anwar said after
 * hosting talks between the two sides"; but "Kenya and Uganda urged both
 * sides" are not the sides)? */
static int party_between(const ctx_t *c, const ne_mention_t *pair, uint32_t i)
{
    const ne_doc_t *d = c->s.d;
    for (size_t k = 0; k < d->ment.n; k++) {
        const ne_mention_t *m = &d->ment.v[k];
        if (m->tb < pair->tb || m->te > i || !m->n || (m->flags & (NE_MF_LOC | NE_MF_WEAK | NE_MF_REL)))
            continue;
        int in_pair = 0;
        for (int q = 0; q < pair->n && !in_pair; q++) in_pair = !strcmp(pair->m[q].code, m->m[0].code);
        if (!in_pair) return 1;
    }
    return 0;
}

/* "Thailand and Cambodia agreed to a ceasefire, Anwar said after hosting
 * talks between the two sides": a compound of exactly n distinct parties
 * earlier in the same sentence (not yet in the article's cast, noted at
 * the sentence's end) is the n. Copied into out; 0 when there is none. */
static int sentence_compound(const ctx_t *c, uint32_t i, int n, ne_mention_t *out)
{
    const ne_doc_t *d = c->s.d;
    for (size_t k = d->ment.n; k > 0; k--) {
        const ne_mention_t *m = &d->ment.v[k - 1];
        if (m->te > i || m->n != n || (m->flags & (NE_MF_LOC | NE_MF_WEAK | NE_MF_PRON | NE_MF_PERSONS)) ||
            distinct_entities(m) != n)
            continue;
        int named = 0; /* a compound the text names ("A and B"), no reference ("both leaders") */
        for (uint32_t q = m->tb; q < m->te && !named; q++) named = is_w(c, q, "and");
        if (!named) continue;
        mention_copy(out, m);
        for (int q = 0; q < out->n; q++) out->m[q].start = out->m[q].end = 0;
        return 1;
    }
    return 0;
}

#define MAX_TYPE_MODIFIERS 4 /* tokens between "the" and a type noun: "27 - nation" */

/* "The RSF attacked the city ... The paramilitary group shelled a camp",
 * "Hamas ... the militant group fired rockets", "the 27-nation bloc": a
 * type noun (mention-words.tsv, class type) after a few modifiers, right
 * after "the", still refers back to the last actor of its kind, unless
 * the words make a role of another kind ("the news agency" is a medium,
 * "the opposition movement" the opposition; an armed group's or the
 * opposition's role is a group's), or a name, "of" or a possessive
 * follows ("the militant group Hamas", "the Mediterranean island of
 * Cyprus"). Returns the type noun's token (its class value in *v), or 0. */
static uint32_t modified_type_noun(const ctx_t *c, uint32_t k, const char **v)
{
    /* most "the ..." phrases have no type noun in reach: answered before
     * the look-ups below (this runs at every "the") */
    int any = 0;
    for (uint32_t q = k + 1; q < c->s.te && q - k < MAX_TYPE_MODIFIERS && !any; q++)
        any = has_class(c, q, NE_MC_TYPE, NULL);
    if (!any) return 0;
    uint32_t g = k;
    while (g < c->s.te && g - k < MAX_TYPE_MODIFIERS && !has_class(c, g, NE_MC_TYPE, NULL) &&
           (is_modifier(c, g) || is_hyphen(c, g) || tok(c, g)->kind == NE_TK_NUM) &&
           lookup(c, g).type != A_ACTOR && lookup(c, g).type != A_NAME)
        g++;
    if (g == k || g + 1 >= c->s.te || !has_class(c, g, NE_MC_TYPE, v) || !strcmp(*v, "HALF") ||
        (tok(c, g + 1)->flags & NE_TF_CAP) || org_word(c, g + 1) || is_w(c, g + 1, "of") ||
        is_w(c, g + 1, "'s") || tok(c, g + 1)->kind == NE_TK_NUM)
        return 0;
    for (uint32_t q = k; q <= g; q++) {
        atom_t a = lookup(c, q);
        if (a.type != A_ROLE || a.te != g + 1) continue;
        const char *role = ne_lex_entry(c->s.lx, a.role)->code;
        if (strcmp(*v, "GROUP") || (strcmp(role, "REB") && strcmp(role, "OPP"))) return 0;
    }
    return g;
}

/* The head noun of a member's name: the word before its first "of" or
 * "for" ("International Court of Justice"), else its last word; its bytes
 * [*b, end), 0 when the member has no text. */
static uint32_t member_head_word(const ctx_t *c, const ne_member_t *m, uint32_t *b)
{
    const char *t = c->s.d->text;
    uint32_t e = m->end;
    *b = e;
    if (e <= m->start || e > c->s.d->len) return 0;
    for (uint32_t q = m->start; q + 5 <= e; q++)
        if (t[q] == ' ' && (!memcmp(t + q, " of ", 4) || (q + 5 < e && !memcmp(t + q, " for ", 5)))) {
            e = q;
            break;
        }
    uint32_t q = e;
    while (q > m->start && t[q - 1] != ' ' && t[q - 1] != '-') q--;
    *b = q;
    return e;
}

/* "The European Commission froze the funds ... Germany urged the
 * Commission", "the International Criminal Court ... The court accuses":
 * "the" and the head noun (member_head_word) of the name of an organisation
 * the article named lately, capitalised or not, stands for it, as a short
 * name, unless more of a name follows ("the Commission on Human Rights",
 * "the Council of Europe"). Copied into out; 0 when no such organisation. */
static int named_org_head(const ctx_t *c, uint32_t k, ne_mention_t *out)
{
    const ne_token_t *t = tok(c, k);
    if (k >= c->s.te || t->kind != NE_TK_WORD || (t->flags & NE_TF_ALLCAP) || org_word(c, k + 1) ||
        is_w(c, k + 1, "of") || is_w(c, k + 1, "on") || is_w(c, k + 1, "for") ||
        (k + 1 < c->s.te && tok(c, k + 1)->kind == NE_TK_WORD && is_capitalized(c, k + 1)))
        return 0;
    const ne_memory_t *mem = c->mem;
    size_t n = mem->nrecent < NE_MEM_RECENT ? mem->nrecent : NE_MEM_RECENT;
    uint32_t len = t->end - t->start;
    if (len < 4) return 0; /* (no head noun is shorter: below) */
    for (size_t q = 0; q < n; q++) {
        const ne_mention_t *m = &mem->recent[(mem->nrecent - 1 - q) % NE_MEM_RECENT];
        /* this runs at every "the": the code's bytes, not a strncmp call */
        const char *code = m->m[0].code;
        if (m->n != 1 || code[0] != 'I' || code[1] != 'G' || code[2] != 'O' ||
            (m->flags & (NE_MF_PERSON | NE_MF_WEAK)))
            continue;
        uint32_t b = 0, e = member_head_word(c, &m->m[0], &b);
        /* (the name itself, not an acronym: "the IAEA" is its own entry) */
        if (!e || e - b != len || e - b < 4 || strncasecmp(c->s.d->text + b, c->s.d->text + t->start, len) ||
            !(c->s.d->text[b] >= 'A' && c->s.d->text[b] <= 'Z') ||
            (c->s.d->text[b + 1] >= 'A' && c->s.d->text[b + 1] <= 'Z'))
            continue;
        out->n = 1;
        out->m[0] = m->m[0];
        out->m[0].start = t->start;
        out->m[0].end = t->end;
        return 1;
    }
    return 0;
}

#define MAX_TRUCE_GAP 8 /* words between "both sides" and the truce asked of them */

/* Is a word of class CEASEFIRE ("truce", "ceasefire") within a few words
 * after token k, in its clause? */
static int truce_ahead(const ctx_t *c, uint32_t k)
{
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_CEASEFIRE);
    for (uint32_t q = k; q < c->s.te && q - k < MAX_TRUCE_GAP; q++) {
        if (tok(c, q)->kind == NE_TK_PUNCT) return 0;
        if (ne_lex_in_class(c->s.lx, cls, tok(c, q)->word)) return 1;
    }
    return 0;
}

/* References to the parties the article has set up: "the two leaders",
 * "both countries", "the three sides", "the two agreed" (mention-words.tsv,
 * class group), and definite type nouns: "the bloc", "the island", "the
 * North" (class type). Returns the end of the reference, or i. */
/* The size of the most recent cast of two or more distinct states, 0. */
static int last_states_cast(const ctx_t *c)
{
    const ne_memory_t *mem = c->mem;
    size_t have = mem->ncast < NE_MEM_CASTS ? mem->ncast : NE_MEM_CASTS;
    for (size_t k = 0; k < have; k++) {
        const ne_mention_t *m = &mem->cast[(mem->ncast - 1 - k) % NE_MEM_CASTS];
        if (m->n >= 2 && distinct_states(m)) return m->n;
    }
    return 0;
}

static uint32_t parse_group_reference(ctx_t *c, uint32_t i, build_t *b)
{
    uint32_t k = i;
    if (is_w(c, k, "the"))
        k++;
    else if (!(wf(c, k) & (NE_W_NUM | NE_W_DET)))
        return i; /* the usual case, at once */
    /* "both", "each" alone or before a group noun: the two parties ("both
     * promised to lift their bans", "each side released 150 prisoners");
     * right after a mention they float off it ("Ghana and Togo both"), no
     * reference of their own */
    int quant = k == i && (is_w(c, k, "both") || is_w(c, k, "each"));
    if (quant && c->s.d->ment.n && c->s.d->ment.v[c->s.d->ment.n - 1].te == i) return i;
    /* ("each minister" with no "the other" stays a role of its own) */
    const char *qv = NULL;
    if (quant && is_w(c, k, "each") && has_class(c, k + 1, NE_MC_GROUP, &qv) && !strcmp(qv, "person")) return i;
    int n = quant ? 2 : group_count(c, k);
    /* "urged all parties (all sides) to exercise restraint": the sides the
     * article set up, as "both sides" ("all countries" are everyone) */
    const char *gv = NULL;
    if (!n && k == i && is_w(c, k, "all") && has_class(c, k + 1, NE_MC_GROUP, &gv) && !strcmp(gv, "state"))
        n = 2;
    /* "urged the parties to protect civilians", "the sides", "a ceasefire
     * between the neighbours": with no number, a plural of class SIDES is
     * the sides the article set up, as "both sides" */
    if (!n && k == i + 1 && ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_SIDES), tok(c, k)->word)) {
        k = i;
        n = 2;
    }
    /* "expelled the diplomats of Argentina, Chile and Peru ... accused the
     * countries of meddling": "the" and a plural of value country with no
     * number are the states of the last cast of states, however many */
    if (!n && k == i + 1 && is_w(c, i, "the") && has_class(c, k, NE_MC_GROUP, &gv) && !strcmp(gv, "country") &&
        plural_noun(c, k) && (n = last_states_cast(c)) > 0)
        k = i;
    /* "called on the warring parties to allow aid": an adjective of
     * hostility (class WARRING) before them says the same ("the political
     * parties" stay no one) */
    int warring = 0;
    if (!n && k == i + 1 && ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_WARRING), tok(c, k)->word) &&
        ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_SIDES), tok(c, k + 1)->word))
        n = warring = 2;
    const char *v = NULL;
    if (n) {
        /* "the two Gulf states", "the two Nordic countries" */
        uint32_t g = k + 1;
        while (g < c->s.te && g - k <= 2 && !has_class(c, g, NE_MC_GROUP, NULL) &&
               tok(c, g)->kind == NE_TK_WORD && !wf(c, g) &&
               lookup(c, g).type == A_NONE && !is_verbish(c, g))
            g++;
        int person = 0, bare = 0;
        const char *grole = NULL; /* "the two defence ministries": a plural government role */
        atom_t ga = g < c->s.te ? lookup(c, g) : (atom_t){0};
        if (has_class(c, g, NE_MC_GROUP, &v)) {
            person = !strcmp(v, "person");
        } else if ((is_w(c, i, "the") || quant) && ga.type == A_ROLE && ga.te > g && is_role_plural(c, g, ga.te) &&
                   !strcmp(ne_lex_entry(c->s.lx, ga.role)->code, "GOV") && !is_w(c, ga.te, "of") &&
                   !is_w(c, ga.te, "'s")) {
            grole = "GOV";
            v = "state";
            g = ga.te - 1;
        } else if ((k > i || quant) && (finite_verb(c, k + 1) || is_verbish(c, k + 1))) {
            bare = 1; /* "the two agreed", "both agreed" */
        } else if (k > i && (k + 1 >= c->s.te || is_punct(c, k + 1, ".,;:)") ||
                             (wf(c, k + 1) & NE_W_PREP))) {
            bare = 1; /* "brokered a truce between the two in 2020", "urged the two to" */
        } else {
            return i;
        }
        /* value country: the states themselves; state: the parties as the
         * article set them up ("both sides": an army and rebels) */
        int countries = v && !strcmp(v, "country");
        int states = v && (countries || !strcmp(v, "state"));
        /* "called on both sides to agree to a humanitarian truce": the sides
         * a truce is asked of are the ones that fight, as "the warring
         * parties" (the article may speak mostly of another pair) */
        if (!warring && states && !countries && truce_ahead(c, g + 1)) warring = 2;
        if (!(warring && two_fighters(c, &b->m)) &&
            !(!person && (sentence_compound(c, i, n, &b->m) || (n == 2 && sentence_pair(c, i, 0, &b->m))) &&
              party_between(c, &b->m, i)) &&
            !between_pair(c, i, n, &b->m) &&
            !resolve_cast(c, n, person, states && g == k + 1 ? 2 : states, states && !countries,
                          clause_subject(c, i), i, &b->m))
            return i;
        /* "Kenyan troops clashed with Ethiopian forces ... the two countries
         * agreed": the states, not the forces (or leaders) that set them up */
        for (int q = 0; countries && q < b->m.n; q++)
            if (b->m.m[q].country[0]) ne_member_set(&b->m.m[q], b->m.m[q].country, "");
        for (int q = 0; grole && q < b->m.n; q++)
            if (b->m.m[q].country[0]) ne_member_set(&b->m.m[q], b->m.m[q].country, grole);
        b->m.flags |= NE_MF_PLURAL | (person ? NE_MF_PERSON : 0);
        return bare ? k + 1 : g + 1;
    }
    if (k == i + 1 && named_org_head(c, k, &b->m)) return k + 1;
    /* "the paramilitary group", "the 27-nation bloc" */
    uint32_t g = k == i + 1 ? modified_type_noun(c, k, &v) : 0;
    if (g && resolve_type(c, v, tok(c, g), g, &b->m)) return g + 1;
    /* "the bloc" alone, not "the bloc's" head of a name ("the Island Council") */
    if (k == i + 1 && has_class(c, k, NE_MC_TYPE, &v) && !org_word(c, k + 1) &&
        lookup(c, k).type != A_ACTOR) {
        int half = !strcmp(v, "HALF");
        if (half != ((tok(c, k)->flags & NE_TF_CAP) != 0))
            return i; /* "the North", "the island" */
        if (!resolve_type(c, v, tok(c, k), k, &b->m)) return i;
        return k + 1;
    }
    return i;
}

/* "Estonia said a Russian helicopter had violated its airspace", "Japan
 * said Chinese ships had entered its territorial waters": "its" before a
 * noun of a state's own ground, air or sea (class SOVEREIGN) inside a
 * reported clause is the speaker's, when the speaker is a state: no party
 * violates, enters or strikes its own. NULL otherwise. */
static const ne_mention_t *sovereign_owner(ctx_t *c, uint32_t j)
{
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_SOVEREIGN), n = j + 1;
    if (n < c->s.te && !ne_lex_in_class(c->s.lx, cls, tok(c, n)->word) && tok(c, n)->kind == NE_TK_WORD)
        n++; /* one adjective: "its territorial waters" */
    if (n >= c->s.te || !ne_lex_in_class(c->s.lx, cls, tok(c, n)->word)) return NULL;
    for (uint32_t k = j; k > c->s.tb + 1; k--) {
        if (!speech_verb(c, k - 1)) continue;
        uint32_t s = k;
        while (s < j && filler(c, s)) s++;
        const ne_mention_t *spk = speaker_of(c, s);
        /* "Cambodia denied the accusation and said ...": a verb of speech
         * after "and" speaks for the sentence's subject */
        if (!spk && k - 1 > c->s.tb && is_w(c, k - 2, "and")) spk = sentence_subject(c);
        if (spk && spk->n == 1 && spk->m[0].country[0] && pronoun_fits(spk, 'i')) return spk;
        return NULL;
    }
    /* "Poland scrambled jets after a Russian missile entered its airspace":
     * no party enters its own; when the party right before "its" is of
     * another state than the sentence's subject, the subject owns it */
    const ne_mention_t *subj = sentence_subject(c), *near = NULL;
    for (size_t k = 0; k < c->s.d->ment.n; k++) {
        const ne_mention_t *m = &c->s.d->ment.v[k];
        if (m->te <= j && m->n && !(m->flags & (NE_MF_LOC | NE_MF_REL | NE_MF_PRON))) near = m;
    }
    if (subj && near && subj != near && subj->n == 1 && subj->m[0].country[0] && pronoun_fits(subj, 'i') &&
        near->m[0].country[0] && strcmp(subj->m[0].country, near->m[0].country))
        return subj;
    return NULL;
}

/* The referent of a possessive pronoun at j. At the start of a conjunct
 * it is the subject of the clause before ("New Delhi expelled ..., and its
 * foreign ministry said": New Delhi). */
/* Is mention m headed by a collective noun that takes a plural verb
 * (class COLLECTIVE: "police", "personnel")? "Its" never stands for it:
 * "police raided the agency's office and detained two of its employees". */
static int collective_head(const ctx_t *c, const ne_mention_t *m)
{
    return m->te > m->tb &&
           ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_COLLECTIVE), tok(c, m->te - 1)->word);
}

/* The mention of the sentence built so far that ends right before token k. */
static const ne_mention_t *mention_ending_at(const ctx_t *c, uint32_t k)
{
    const ne_doc_t *d = c->s.d;
    for (size_t n = d->ment.n; n > 0; n--) {
        const ne_mention_t *m = &d->ment.v[n - 1];
        if (m->te == k) return m;
        if (m->te < k) break;
    }
    return NULL;
}

#define MAX_HIT_PHRASE 6 /* words between an attack noun's "on" and "its": "a patrol of" */

/* "Guyana blamed Caracas for an armed attack on a patrol of its army",
 * "Peru accused Chile of an attack on its embassy": "its" in what an attack
 * hit, in the charge ("of"/"for") a state lays on another, is the accuser's:
 * the one who complains of the attack is the one it hit (not "its own").
 * The accuser is the verb's subject, or the antecedent of its relative
 * ("Guyana, which blamed Caracas for ..."). NULL when j is no such "its". */
static const ne_mention_t *attacked_owner(const ctx_t *c, uint32_t j)
{
    if (!is_w(c, j, "its") || is_w(c, j + 1, "own")) return NULL;
    uint32_t k = j, on = 0;
    for (int n = 0; n < MAX_HIT_PHRASE && k > c->s.tb + 2 && !on; n++) {
        k--;
        if (is_w(c, k, "on") || is_w(c, k, "against")) on = k;
        else if (tok(c, k)->kind != NE_TK_WORD || mention_ending_at(c, k + 1)) return NULL;
    }
    if (!on || tok(c, on - 1)->kind != NE_TK_WORD) return NULL;
    uint32_t noun = ne_lex_noun(c->s.lx, tok(c, on - 1)->word);
    if (noun == NE_LEX_NONE || !(ne_lex_noun_roots(c->s.lx, noun) & (7u << 18))) return NULL;
    /* the charge's "of" or "for", past the attack noun's article and modifiers */
    k = on - 1;
    int charge = 0;
    for (int n = 0; n < 4 && k > c->s.tb + 2 && !charge; n++) {
        k--;
        if (is_w(c, k, "of") || is_w(c, k, "for")) charge = 1;
        else if (tok(c, k)->kind != NE_TK_WORD) return NULL;
    }
    const ne_mention_t *x = charge ? mention_ending_at(c, k) : NULL;
    if (!x || x->n != 1 || !x->m[0].country[0] || x->tb <= c->s.tb + 1 || !is_verbish(c, x->tb - 1))
        return NULL;
    uint32_t v = x->tb - 1;
    while (v > c->s.tb + 1 && filler(c, v - 1)) v--;
    const ne_mention_t *subj = mention_ending_at(c, v);
    if (subj && (subj->flags & NE_MF_REL)) subj = relative_antecedent(c, subj->te);
    if (!subj || subj->n != 1 || !subj->m[0].country[0] || !strcmp(subj->m[0].country, x->m[0].country))
        return NULL;
    return subj;
}

static const ne_mention_t *resolve_possessive(ctx_t *c, uint32_t j)
{
    int kind = is_w(c, j, "its") ? 'i' : is_w(c, j, "their") ? 't' : 'h';
    const ne_mention_t *own = kind == 'i' ? sovereign_owner(c, j) : NULL;
    if (!own && kind == 'i') own = attacked_owner(c, j);
    if (own) return own;
    const ne_mention_t *subj = sentence_subject(c);
    if (subj && (is_w(c, j - 1, "and") || is_w(c, j - 1, "but")) &&
        pronoun_fits(subj, kind))
        return subj;
    /* "The RSF, which has been fighting the army since April 2023, said its
     * forces had shot down a drone": right after a verb of speech (and
     * "that"), "its" is the speaker's, the sentence's subject, not a party
     * named in a relative clause between them */
    uint32_t sv = j > c->s.tb && is_w(c, j - 1, "that") ? j - 1 : j;
    if (kind == 'i' && subj && sv > c->s.tb && speech_verb(c, sv - 1) && subj->te < sv - 1 &&
        pronoun_fits(subj, kind) && !collective_head(c, subj))
        return subj;
    /* "Pakistan refused ... and has urged its citizens": the object of a
     * verb conjunct with no subject of its own is owned by the subject */
    uint32_t k = j;
    if (k > c->s.tb && is_verbish(c, k - 1) && !(tok(c, k - 1)->flags & NE_TF_CAP) &&
        ne_s_ment(&c->s, k - 1) < 0) {
        k--;
        while (k > c->s.tb && j - k < 4 &&
               ((wf(c, k - 1) & (NE_W_HAVE | NE_W_BE | NE_W_MODAL | NE_W_FUTURE)) ||
                ne_s_adverb(&c->s, k - 1)))
            k--;
        if (subj && k > c->s.tb && (is_w(c, k - 1, "and") || is_w(c, k - 1, "but")) &&
            pronoun_fits(subj, kind) && !(kind == 'i' && collective_head(c, subj)))
            return subj;
    }
    /* "Hungary and Romania agreed that their countries should cooperate":
     * the pair is one compound only after the sentence is read */
    if (kind == 't' && sentence_pair(c, j, 0, &c->pair)) return &c->pair;
    return resolve_pronoun(c, j, kind, 0);
}

/* "the country's junta": "the" + a group noun of states (mention-words.tsv
 * "country", "nation") + "'s" at j is a possessive whose referent is the
 * last single state the article named (this sentence's included), NULL
 * when it is not that or there is none. */
static const ne_mention_t *the_country_s(const ctx_t *c, uint32_t j)
{
    const char *v = NULL;
    if (j + 2 >= c->s.te || !is_w(c, j, "the") || !is_w(c, j + 2, "'s") ||
        !has_class(c, j + 1, NE_MC_GROUP, &v) || (strcmp(v, "state") && strcmp(v, "country")))
        return NULL;
    const ne_memory_t *mem = c->mem;
    size_t n = mem->nrecent < NE_MEM_RECENT ? mem->nrecent : NE_MEM_RECENT;
    for (size_t k = 0; k < n; k++) {
        const ne_mention_t *m = &mem->recent[(mem->nrecent - 1 - k) % NE_MEM_RECENT];
        if (m->n == 1 && m->m[0].country[0] && !m->m[0].role[0] && !(m->flags & NE_MF_WEAK))
            return m;
    }
    return NULL;
}

/* Determiners, possessive pronouns and numbers before the head: "the",
 * "its", "at least 50". Sets p->det and p->poss; advances p->j. */
static void parse_determiners(ctx_t *c, parse_t *p)
{
    while (p->j < c->s.te && p->j - p->i < 6) {
        uint32_t j = p->j, fj = wf(c, j);
        const ne_token_t *t = tok(c, j);
        const ne_mention_t *country = the_country_s(c, j);
        if (country) {
            p->poss = country;
            p->j += 3;
            p->det = 1;
            continue;
        }
        if (fj & NE_W_POSS) {
            if (is_w(c, j, "its") || is_w(c, j, "their") || is_w(c, j, "his") ||
                is_w(c, j, "her"))
                p->poss = resolve_possessive(c, j);
            p->j++;
            p->det = 1;
            continue;
        }
        if ((fj & (NE_W_DET | NE_W_NUM)) || t->kind == NE_TK_NUM) {
            if (fj & NE_W_PREP && !(fj & NE_W_NUM)) break;
            /* "at least", "up to", "about", "over": quantities only before a
             * number ("at the court" is a preposition) */
            if ((fj & NE_W_PREP) && !(fj & NE_W_DET) && !quantity_ahead(c, j + 1)) break;
            p->j++;
            p->det = 1;
            continue;
        }
        break;
    }
}

/* "an allegation Kyiv denied", "the attack Hamas launched": a noun of an
 * event (event-nouns.tsv) after a determiner is the head of its own phrase,
 * and a name after it opens a relative clause with no "that"; it modifies
 * no name. */
static int names_event(const ctx_t *c, uint32_t k)
{
    return ne_lex_noun(c->s.lx, tok(c, k)->word) != NE_LEX_NONE;
}

/* After a determiner, a mention needs a role ahead or an actor name within
 * two plain modifiers ("the United States", "the paramilitary Rapid Support
 * Forces"). Returns 0 when there is neither. */
static int determiner_opens_mention(ctx_t *c, parse_t *p)
{
    if (!p->det || role_ahead_v(c, p->j, 1, 1)) return 1;
    uint32_t k = p->j;
    while (k < c->s.te && k - p->j < 2 && is_modifier(c, k) && !is_verbish(c, k) &&
           !names_event(c, k) && lookup(c, k).type == A_NONE)
        k++;
    if (lookup(c, k).type != A_ACTOR) return 0;
    p->j = k;
    return 1;
}

/* "The Houthis' leader", "the Taliban's" in the plural: a bare apostrophe
 * written right after a name that ends in "s", with a word after it, is the
 * possessive "'s" of a plural (not a closing quotation mark). */
static int plural_apostrophe(const ctx_t *c, uint32_t k)
{
    if (k <= c->s.tb || k + 1 >= c->s.te || !is_w(c, k, "'")) return 0;
    const ne_token_t *w = tok(c, k - 1), *q = tok(c, k);
    return w->end == q->start && w->end > w->start && (c->s.d->text[w->end - 1] | 0x20) == 's' &&
           tok(c, k + 1)->kind == NE_TK_WORD;
}

/* An actor followed by 's: "Russia's", "the agency's", "Khan's". The owner
 * of what follows; when no role follows, the owner is the mention itself
 * ("Russia's invasion"). */
static int head_possessive(ctx_t *c, build_t *b, parse_t *p, atom_t a,
                           const ne_member_t *mm, int person)
{
    add_owner(b, mm);
    p->j = a.te + 1;
    if (person && !role_ahead(c, p->j, 0)) {
        /* "Khan's party": a person's organization */
        p->have_head = 1;
        b->m.flags |= NE_MF_PERSON;
        p->j = a.te;
        return STEP_DONE;
    }
    if (!role_ahead(c, p->j, 1)) {
        /* "Russia's invasion": the owner is the mention */
        p->have_head = 1;
        b->m.flags |= NE_MF_WEAK;
        /* keep the possessed noun in the span for evidence */
        while (p->j < c->s.te && p->j - a.te < 4 && is_modifier(c, p->j) &&
               !(p->j > a.te + 1 && verb_ends_phrase(c, p->j)))
            p->j++;
        if (p->j == a.te + 1) p->j = a.te;
        return STEP_DONE;
    }
    return STEP_MORE;
}

/* An actor that modifies a role or another adjective ("U.S. envoy", "Houthi
 * rebels", "Russian and Ukrainian"): an owner, and the parse goes on. */
/* Does a title with a name follow at k ("leader Yasser Arafat")? One
 * person: "Syria and Palestinian leader Yasser Arafat" are two parties,
 * not two states' adjectives on one role. */
static int titled_name_after(const ctx_t *c, uint32_t k)
{
    while (k < c->s.te && is_modifier(c, k) && lookup(c, k).type == A_NONE)
        k++;
    atom_t r = lookup(c, k);
    if (r.type != A_ROLE || ne_lex_entry(c->s.lx, r.role)->kind != NE_RK_TITLE) return 0;
    if (is_role_plural(c, k, r.te)) return 0;
    return name_run_ex(c, r.te, 1) > r.te || lookup(c, r.te).type == A_ACTOR;
}

static int head_actor_modifier(ctx_t *c, build_t *b, parse_t *p, atom_t a,
                               const ne_lexent_t *en, const ne_member_t *mm)
{
    int next_and_adj = 0;
    if ((is_w(c, a.te, "and") || is_punct(c, a.te, ",")) && a.te + 1 < c->s.te) {
        atom_t n2 = lookup(c, a.te + 1);
        /* "U.S. and British warplanes": a state's name used as an adjective
         * too, when a role follows the other adjective */
        int k2 = n2.type == A_ACTOR ? ne_lex_entry(c->s.lx, n2.actor)->kind : 0;
        /* a comma coordinates only inside a list closed by "and" or "or"
         * ("U.S., British and French warships"); "against the United States,
         * South Korea's defence ministry said" is no list */
        if (is_punct(c, a.te, ",") && n2.type == A_ACTOR &&
            !(is_w(c, n2.te, "and") || is_w(c, n2.te, "or") || is_punct(c, n2.te, ",")))
            k2 = 0;
        /* "Chinese and NATO officials": an organisation of states as the
         * other modifier, when a role follows it */
        if (((k2 == NE_AK_ADJ && en->kind == NE_AK_ADJ) ||
             ((k2 == NE_AK_ADJ || k2 == NE_AK_COUNTRY || k2 == NE_AK_IGO || k2 == NE_AK_GROUP) &&
              (en->kind == NE_AK_ADJ || en->kind == NE_AK_COUNTRY) &&
              role_ahead(c, n2.te, 0))) &&
            !titled_name_after(c, n2.te))
            next_and_adj = 1; /* "the Canadian and U.S. ambassadors" */
    }
    if (!(role_ahead(c, a.te, 0) || next_and_adj ||
          (en->kind == NE_AK_ADJ && role_ahead(c, a.te, 1))))
        return 0;
    /* "China's Taiwan Affairs Office": a state's name before a word of the
     * class topic names what the role deals with, not whose it is */
    if (en->kind == NE_AK_COUNTRY && !next_and_adj && has_class(c, a.te, NE_MC_TOPIC, NULL)) {
        p->j = a.te;
        return 1;
    }
    add_owner(b, mm);
    p->j = a.te;
    if (next_and_adj) p->j++;
    return 1;
}

static int head_org(ctx_t *c, build_t *b, parse_t *p);

/* Is token k the last word of a name in the plural form ("the Philippines",
 * "the Maldives", "the Comoros"): a capitalised word ending in "s"? */
static int plural_name(const ctx_t *c, uint32_t k)
{
    const ne_token_t *t = tok(c, k);
    return t->kind == NE_TK_WORD && (t->flags & NE_TF_CAP) && t->fold_len > 3 &&
           ne_tok_fold(c->s.d, t)[t->fold_len - 1] == 's';
}

/* Does the name of a state end before k, a plain noun it modifies ("the
 * Jordan attack,", "the Ukraine war.")? The noun ends the phrase (before
 * punctuation, a preposition, a conjunction or a finite verb), and is no
 * verb: it has no verb reading, or the name follows "the" or a hyphen
 * ("Russia says that" and "visited Washington last week" are no such). */

/* "with the United Arab Emirates acting as intermediary", "with the United
 * States mediating": an -ing form after a name that "with" opens (its own
 * "the" between) is the participle of an absolute clause, whose subject the
 * name is, not a noun the state owns ("the Jordan attack"). n is the name's
 * first token, j the word after it. */
#define MAX_ABSOLUTE_LIST 12 /* tokens of names before the name: "with Egypt, Qatar and the" */
static int absolute_participle(const ctx_t *c, uint32_t n, uint32_t j)
{
    if (n < c->s.tb + 2 || !is_w(c, n - 1, "the")) return 0;
    /* back over a list of names ("with Egypt, Qatar and the United States") */
    uint32_t q = n - 2;
    while (q > c->s.tb && n - q < MAX_ABSOLUTE_LIST && !is_w(c, q, "with") &&
           (is_w(c, q, "and") || is_w(c, q, "the") || is_punct(c, q, ",") ||
            (tok(c, q)->kind == NE_TK_WORD && (tok(c, q)->flags & NE_TF_CAP))))
        q--;
    if (!is_w(c, q, "with")) return 0;
    for (uint32_t v = ne_lex_vforms(c->s.lx, tok(c, j)->word); v != NE_LEX_NONE;
         v = ne_lex_vform(c->s.lx, v)->next)
        if (ne_lex_vform(c->s.lx, v)->forms & NE_F_ING) return 1;
    return 0;
}

static int name_modifies_noun(const ctx_t *c, uint32_t k)
{
    if (k + 1 >= c->s.te || !is_modifier(c, k) || wf(c, k) || ne_s_adverb(&c->s, k) ||
        lookup(c, k).type != A_NONE || verb_ends_phrase(c, k))
        return 0;
    /* "held Israel responsible for", "found Iran guilty of": an adjective of
     * blame (class GUILT) after the name is said of it, no noun it owns */
    if (ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_GUILT), tok(c, k)->word)) return 0;
    uint32_t first = k; /* the first noun after the name */
    /* "the Iran-Iraq border crossing": a second plain noun */
    if (k + 2 < c->s.te && is_modifier(c, k + 1) && !wf(c, k + 1) && !ne_s_adverb(&c->s, k + 1) &&
        lookup(c, k + 1).type == A_NONE && !verb_ends_phrase(c, k + 1) && !finite_verb(c, k + 1) &&
        !(tok(c, k + 1)->flags & NE_TF_CAP))
        k++;
    const ne_token_t *nx = tok(c, k + 1);
    if (!(nx->kind == NE_TK_PUNCT ||
          (wf(c, k + 1) & (NE_W_PREP | NE_W_CONJ | NE_W_REL | NE_W_BE | NE_W_HAVE | NE_W_MODAL |
                           NE_W_FUTURE)) ||
          finite_verb(c, k + 1)))
        return 0;
    if (!is_verbish(c, k)) return 1;
    /* "China and the Philippines agree to set up": after a name in the
     * plural ("the Philippines", "the Maldives"), a verb before "to" and a
     * verb is the present of the clause, not a noun the state owns */
    if (first == k && first > c->s.tb && is_w(c, first + 1, "to") && first + 2 < c->s.te &&
        is_verbish(c, first + 2) && plural_name(c, first - 1))
        return 0;
    uint32_t n = first; /* the name's first token */
    while (n > c->s.tb && ne_s_ment(&c->s, n - 1) < 0 &&
           tok(c, n - 1)->kind == NE_TK_WORD && (tok(c, n - 1)->flags & NE_TF_CAP))
        n--;
    if (first == k && absolute_participle(c, n, first)) return 0;
    return n > c->s.tb && (is_w(c, n - 1, "the") || is_hyphen(c, n - 1));
}

/* "North Korea", "South Sudanese": remember the state of each half, for a
 * later "the North", "the South". */
static void note_half(ctx_t *c, uint32_t j, atom_t a, const ne_lexent_t *en)
{
    if (a.te < j + 2 || !en->code[0] || ne_code_stateless(en->code) ||
        (en->kind != NE_AK_COUNTRY && en->kind != NE_AK_ADJ && en->kind != NE_AK_PEOPLE))
        return;
    char *half = is_w(c, j, "north")   ? c->mem->north
                 : is_w(c, j, "south") ? c->mem->south
                                       : NULL;
    if (half) ne_strlcpy(half, en->code, 4);
}

/* "the Albanians of southern Serbia", "the Hungarians of Romania": a people
 * "of" another state's land is an ethnic group of that land (only "of": the
 * "Americans in Iraq" are mostly Americans abroad). */
static int people_of_elsewhere(const ctx_t *c, atom_t a, const ne_lexent_t *en)
{
    if (en->kind != NE_AK_PEOPLE || !is_w(c, a.te, "of")) return 0;
    uint32_t k = a.te + 1;
    while (k < c->s.te && (wf(c, k) & NE_W_DET))
        k++;
    for (uint32_t m0 = k; k < c->s.te && k - m0 < 2 && is_modifier(c, k) &&
                          lookup(c, k).type == A_NONE;)
        k++; /* "of southern Serbia" */
    atom_t pl = lookup(c, k);
    if (pl.type != A_ACTOR) return 0;
    const ne_lexent_t *pe = ne_lex_entry(c->s.lx, pl.actor);
    if (pe->kind == NE_AK_PERSON || pe->kind == NE_AK_SURNAME || pe->kind == NE_AK_PEOPLE ||
        pe->kind == NE_AK_ADJ || !pe->code[0] || ne_code_stateless(pe->code))
        return 0;
    return strncmp(pe->code, en->code, 3) != 0;
}

/* "ethnic Albanians", "ethnic Albanian guerrillas": a people named after a
 * state but living elsewhere are civilians (or the role that follows) of
 * the place, never the state of their name. Sets *step. */
static int head_ethnic(ctx_t *c, build_t *b, parse_t *p, atom_t a, const ne_lexent_t *en,
                       int *step)
{
    if ((en->kind != NE_AK_PEOPLE && en->kind != NE_AK_ADJ) ||
        !(has_class(c, p->j - 1, NE_MC_ETHNIC, NULL) || people_of_elsewhere(c, a, en)))
        return 0;
    p->j = a.te;
    *step = STEP_MORE;
    if (en->kind == NE_AK_PEOPLE) {
        if (!b->role_set) ne_strlcpy(b->role, "CVL", sizeof(b->role));
        b->role_set = 1;
        b->plural = 1;
        p->have_head = 1;
        *step = STEP_DONE;
    }
    return 1;
}

/* "the Saudi-led coalition": a noun of the class led right after a
 * state's "X-led" is that state's force, of the class's role (a coalition
 * a state leads is its military side). Returns 1 when it took the noun. */
static int led_force(ctx_t *c, build_t *b, parse_t *p, const ne_member_t *mm)
{
    const char *v = NULL;
    if (!mm->country[0] || mm->role[0] || !has_class(c, p->j, NE_MC_LED, &v)) return 0;
    ne_strlcpy(b->role, v, sizeof(b->role));
    b->role_set = 1;
    p->j++;
    p->have_head = 1;
    return 1;
}

/* Does an international organization's name open at token k, right after
 * "X-led"? (One lookup: no scan.) */
static int led_igo(ctx_t *c, uint32_t k)
{
    if (k >= c->s.te) return 0;
    atom_t a = lookup(c, k);
    return a.type == A_ACTOR && ne_lex_entry(c->s.lx, a.actor)->kind == NE_AK_IGO;
}

/* "Vietnamese-led forces", "a Japanese-operated tanker", "Iran-backed
 * rebels": X followed by "-" and a word of the class patron. An owner
 * (led, operated, flagged) owns what follows; a patron (backed, aligned)
 * only supports it, and gives it no state. Sets *step. */
static int head_patron(ctx_t *c, build_t *b, parse_t *p, atom_t a, const ne_member_t *mm,
                       int *step)
{
    const char *v = NULL;
    uint32_t w = a.te + 1;
    if (!is_hyphen(c, a.te) || (tok(c, a.te)->flags & NE_TF_SPACE) || w >= c->s.te ||
        (tok(c, w)->flags & NE_TF_SPACE) || !has_class(c, w, NE_MC_PATRON, &v))
        return 0;
    int owner = !strcmp(v, "owner");
    /* "the Russian-led Collective Security Treaty Organization": a named
     * organization after "X-led" is the party itself; the leader only
     * describes it and owns nothing */
    if (owner && led_igo(c, w + 1)) owner = 0;
    if (owner) add_owner(b, mm);
    p->j = w + 1;
    *step = STEP_MORE;
    if (owner && !role_ahead(c, p->j, 1) && led_force(c, b, p, mm)) {
        *step = STEP_DONE;
    } else if (owner && !role_ahead(c, p->j, 1)) {
        /* "a Japanese-operated tanker": the owner's thing */
        uint32_t k = p->j;
        while (k < c->s.te && k - p->j < 3 && is_modifier(c, k) &&
               !(k > p->j && verb_ends_phrase(c, k)))
            k++;
        b->m.flags |= NE_MF_WEAK;
        p->j = k;
        p->have_head = 1;
        *step = STEP_DONE;
    }
    return 1;
}

/* "pro-Russian separatists", "anti-American protesters": a state's name
 * after a word of the class patron with the value `prefix` and a hyphen
 * says what the group is for or against, and gives it no state (they are
 * of their place, as "Iran-backed rebels"). Sets *step. */
static int head_prefix_patron(ctx_t *c, parse_t *p, atom_t a, int *step)
{
    const char *v = NULL;
    uint32_t k = p->j;
    if (k < c->s.tb + 2 || !is_hyphen(c, k - 1) || (tok(c, k - 1)->flags & NE_TF_SPACE) ||
        (tok(c, k)->flags & NE_TF_SPACE) || !has_class(c, k - 2, NE_MC_PATRON, &v) ||
        strcmp(v, "prefix") != 0)
        return 0;
    p->j = a.te;
    *step = STEP_MORE;
    return 1;
}

/* "a Palestinian-American journalist", "a British-Iranian academic": of
 * two state adjectives joined by a hyphen before a person's noun (a role
 * or an epithet) the first is the origin, the second the nationality,
 * which gives the state. Skips the first. */
static int head_origin_adjective(ctx_t *c, parse_t *p, atom_t a, const ne_lexent_t *en, int *step)
{
    if (en->kind != NE_AK_ADJ || !is_hyphen(c, a.te) || (tok(c, a.te)->flags & NE_TF_SPACE) ||
        a.te + 1 >= c->s.te || (tok(c, a.te + 1)->flags & NE_TF_SPACE))
        return 0;
    atom_t b2 = lookup(c, a.te + 1);
    if (b2.type != A_ACTOR || ne_lex_entry(c->s.lx, b2.actor)->kind != NE_AK_ADJ) return 0;
    /* a person's: "Russian-Ukrainian talks", "the Israeli-Palestinian
     * conflict" are both sides' */
    if (b2.te >= c->s.te || !(lookup(c, b2.te).type == A_ROLE || epithet_word(c, b2.te))) return 0;
    p->j = a.te + 1;
    *step = STEP_MORE;
    return 1;
}

/* Is "of" + a state other than mm's at k ("King Hassan of Morocco" when
 * the dictionary's Hassan is Jordanian)? */
static int other_state_after(const ctx_t *c, uint32_t k, const ne_member_t *mm)
{
    if (!is_w(c, k, "of")) return 0;
    atom_t a = lookup(c, k + 1);
    if (a.type != A_ACTOR) return 0;
    const ne_lexent_t *en = ne_lex_entry(c->s.lx, a.actor);
    if (en->kind != NE_AK_COUNTRY && en->kind != NE_AK_CAPITAL) return 0;
    return strncmp(en->code, mm->country, 3) != 0;
}

/* A dictionary actor at p->j: an owner, a modifier, or the head. */
/* Does the state adjective that ends at p->j stand alone for its people
 * ("Senegalese to take to the streets", "the Chinese protested")? Not as a
 * predicate ("the drone was Iranian"), a language ("in Arabic", "speaks
 * Russian"), a part of a compound word ("Russian-made") or the first of
 * coordinated adjectives ("Spanish and French troops"). */
static int adjective_as_people(const ctx_t *c, const parse_t *p)
{
    uint32_t k = p->j, s = p->start;
    if (s > c->s.tb) {
        uint32_t f = wf(c, s - 1);
        if (f & (NE_W_BE | NE_W_NEG) || ne_s_adverb(&c->s, s - 1) || is_w(c, s - 1, "in") ||
            is_w(c, s - 1, "into") || is_hyphen(c, s - 1))
            return 0;
        const ne_token_t *t = tok(c, s - 1);
        if (t->kind == NE_TK_WORD && !f && !(t->flags & NE_TF_CAP) && is_verbish(c, s - 1) &&
            !p->det && !is_w(c, k, "to"))
            return 0; /* "speaks Russian", but "urged Togolese to vote" */
        /* "in Arabic and Russian": a conjunct of what is no actor */
        if ((f & NE_W_CONJ) && !p->det && (s - 1 == c->s.tb || lookup(c, s - 2).type != A_ACTOR))
            return 0;
    }
    if (k >= c->s.te) return 1;
    /* "Ugandan Asians", "Saudi Maternity Hospital": a name goes on */
    if (is_hyphen(c, k) || is_w(c, k, "'s") || tok(c, k)->kind == NE_TK_NUM ||
        is_capitalized(c, k))
        return 0;
    if ((wf(c, k) & NE_W_CONJ) && k + 1 < c->s.te && lookup(c, k + 1).type == A_ACTOR)
        return 0;
    return 1;
}

/* "an Al-Shabaab car bomb killed", "a Hamas suicide bomb killed": after
 * "a"/"an" and a group's name, plain nouns right before a finite verb are
 * the group's thing, in the mention (weak, as "an Israeli air strike"): the
 * verb's subject is the thing, whose kind (a car bomb) codes the act. */
static int group_thing(ctx_t *c, parse_t *p)
{
    if (!(is_w(c, p->i, "a") || is_w(c, p->i, "an"))) return 0;
    uint32_t k = p->j;
    while (k < c->s.te && k - p->j < 3 && is_modifier(c, k) && !(k > p->j && verb_ends_phrase(c, k)))
        k++;
    if (k == p->j || k >= c->s.te || !finite_verb(c, k)) return 0;
    p->j = k;
    return 1;
}

/* "a day after the Hamas attack on Israel": a group's name before a noun
 * of an event (event-nouns.tsv) tells whose act that was, no party of the
 * sentence: like "the Jordan attack", never what "the group" or "it" refers
 * to later. */
static int group_act_noun(const ctx_t *c, const ne_lexent_t *en, uint32_t k)
{
    if ((en->kind != NE_AK_GROUP && en->kind != NE_AK_MOVEMENT) || k >= c->s.te) return 0;
    uint32_t noun = ne_lex_noun(c->s.lx, tok(c, k)->word);
    return noun != NE_LEX_NONE && ne_lex_noun_roots(c->s.lx, noun) != 0;
}

static int head_actor(ctx_t *c, build_t *b, parse_t *p, atom_t a)
{
    const ne_lexent_t *en = ne_lex_entry(c->s.lx, a.actor);
    ne_member_t mm;
    member_of_entry(c, a.actor, a.valid, &mm);
    mm.start = tok(c, p->j)->start;
    mm.end = tok(c, a.te - 1)->end;
    int person = en->kind == NE_AK_PERSON || en->kind == NE_AK_SURNAME;
    if (person) note_person(c->mem, c, a.actor);
    note_half(c, p->j, a, en);
    if (en->kind == NE_AK_STATES) {
        add_state_group(c, b, a.actor, mm.start, mm.end);
        p->j = a.te;
        if (role_ahead(c, p->j, 0)) return STEP_MORE; /* "the Benelux foreign ministers" */
        p->have_head = 1;
        return STEP_DONE;
    }
    int step;
    uint32_t held = control_compound(c, a.te);
    if (held && (en->kind == NE_AK_ADJ || en->kind == NE_AK_COUNTRY || en->kind == NE_AK_GROUP ||
                 en->kind == NE_AK_PEOPLE)) {
        add_owner(b, &mm);
        p->j = held;
        p->have_head = 1;
        return STEP_DONE;
    }
    if (!person && head_prefix_patron(c, p, a, &step)) return step; /* "pro-Turkish militias" */
    if (!person && head_origin_adjective(c, p, a, en, &step)) return step; /* "Iranian-British" */
    if (!person && head_org(c, b, p)) return STEP_DONE; /* "Helsinki Committee" */
    if (!person && (head_ethnic(c, b, p, a, en, &step) || head_patron(c, b, p, a, &mm, &step)))
        return step;
    if (en->kind == NE_AK_MOVEMENT && !is_w(c, a.te, "'s")) {
        /* "Iraq's al-Qaeda", "Syrian Islamic State fighters": the branch of
         * the state named before it; with none, placed by the sentence */
        if (b->nown) {
            if (!b->role_set) ne_strlcpy(b->role, mm.role, sizeof(b->role));
            b->role_set = 1;
        } else {
            add_owner(b, &mm);
            b->movement = 1;
        }
        p->j = a.te;
        if (role_ahead(c, p->j, 0)) return STEP_MORE; /* "Islamic State fighters" */
        p->have_head = 1;
        return STEP_DONE;
    }
    if (is_w(c, a.te, "'s") || plural_apostrophe(c, a.te)) return head_possessive(c, b, p, a, &mm, person);
    if (en->kind == NE_AK_SURNAME && b->role_set && other_state_after(c, a.te, &mm)) {
        /* "King Hassan of Morocco": another Hassan than the dictionary's,
         * the title's holder in the state named after "of" */
        b->m.flags |= NE_MF_PERSON;
        p->j = a.te;
        p->have_head = 1;
        return STEP_DONE;
    }
    if (person && b->nown == 1 && b->own[0].country[0] && mm.country[0] &&
        strncmp(b->own[0].country, mm.country, 3)) {
        /* "Jordan's King Abdullah": a state named before the title is the
         * holder's; the dictionary's Abdullah of another state is another
         * person */
        b->m.flags |= NE_MF_PERSON;
        p->j = a.te;
        p->have_head = 1;
        return STEP_DONE;
    }
    if (person) {
        /* a person from the dictionary: their code wins over a title's */
        if (p->former && mm.country[0]) ne_member_set(&mm, mm.country, "OPP");
        b->nown = 0;
        b->role_set = 0;
        add_owner(b, &mm);
        b->m.flags |= NE_MF_PERSON;
        p->j = a.te;
        p->have_head = 1;
        return STEP_DONE;
    }
    if (head_actor_modifier(c, b, p, a, en, &mm)) return STEP_MORE;
    if (en->kind == NE_AK_ADJ) {
        /* "155 billion Canadian dollars": a currency's name, no party */
        if (a.te < c->s.te && tok(c, a.te)->kind == NE_TK_WORD && !(tok(c, a.te)->flags & NE_TF_CAP) &&
            word_in_gclass(c, a.te, NE_GC_CURRENCY))
            return STEP_FAIL;
        /* "an Egyptian plan", "Israeli tank fire": the state behind a thing */
        add_owner(b, &mm);
        p->j = a.te;
        uint32_t k = p->j;
        while (k < c->s.te && k - p->j < 3 && is_modifier(c, k) &&
               !(k > p->j && verb_ends_phrase(c, k)) &&
               !(k == p->j && finite_verb(c, k) && !is_modifier(c, k + 1)))
            k++; /* "the Russian proposed truce", but "the Chinese attacked." */
        if (k == p->j) {
            /* "called on Senegalese to rise", "the French and the British":
             * a state adjective with no noun is its people */
            if (!adjective_as_people(c, p)) return STEP_FAIL;
            ne_member_set(&b->own[b->nown - 1], mm.country, "CVL");
            b->plural = 1;
            p->have_head = 1;
            return STEP_DONE;
        }
        b->m.flags |= NE_MF_WEAK;
        p->j = k;
        p->have_head = 1;
        return STEP_DONE;
    }
    add_owner(b, &mm);
    if (en->kind == NE_AK_PLACE) b->m.flags |= NE_MF_LOC;
    p->j = a.te;
    p->have_head = 1;
    if (en->kind == NE_AK_GROUP && group_thing(c, p)) return STEP_DONE; /* "an Al-Shabaab car bomb" */
    if (((en->kind == NE_AK_COUNTRY || en->kind == NE_AK_CAPITAL) || group_act_noun(c, en, p->j)) &&
        name_modifies_noun(c, p->j)) {
        /* "the Jordan attack", "the Russian-Ukraine war": the state's thing,
         * never the antecedent of "it" */
        b->m.flags |= NE_MF_WEAK;
        p->j++;
    } else if ((en->kind == NE_AK_COUNTRY || en->kind == NE_AK_CAPITAL) && p->j + 1 < c->s.te &&
               is_hyphen(c, p->j) && !(tok(c, p->j)->flags & NE_TF_SPACE) &&
               (tok(c, p->j + 1)->flags & NE_TF_CAP) && lookup(c, p->j + 1).type == A_ACTOR) {
        /* "the Iran-Iraq border", "US-China talks": the first of a pair of
         * states that modifies a noun is no antecedent of "it" either */
        b->m.flags |= NE_MF_WEAK;
    }
    return STEP_DONE;
}

/* "Russian-held areas", "Hamas-run facilities": after an actor word at
 * token j-1, a hyphen and a participle of the class CONTROL, with the noun
 * phrase after it, are the actor itself (what it holds is acted on as
 * it), no thing of its own (WEAK). The end of the phrase, or 0. */
static uint32_t control_compound(const ctx_t *c, uint32_t j)
{
    if (j + 1 >= c->s.te || !is_hyphen(c, j) || (tok(c, j)->flags & NE_TF_SPACE) ||
        !ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_CONTROL), tok(c, j + 1)->word))
        return 0;
    uint32_t k = j + 2;
    while (k < c->s.te && k - j < 5 && is_modifier(c, k) && !finite_verb(c, k) && !verb_ends_phrase(c, k))
        k++;
    return k > j + 2 ? k : 0;
}

/* "a separatist commander", "the militant leader": a title (an office)
 * after a role noun of a non-state group (REB, OPP) is an office of that
 * group, not of the state's government or army ("rebel commander" is
 * written in roles.tsv; the rule covers the other group nouns). */
static int group_office(const build_t *b, const ne_lexent_t *en)
{
    return b->role_set && !b->arms && en->kind == NE_RK_TITLE &&
           (!strcmp(b->role, "REB") || !strcmp(b->role, "OPP"));
}

/* "the group's leader", "its commander" after Hezbollah: an office (a
 * title) that a rebel or opposition group holds is the group's, as in
 * group_office, not its state's government: the role is the owner's. */
static void possessed_group_office(build_t *b, const ne_mention_t *owner)
{
    if (owner->n != 1) return;
    const char *r = owner->m[0].role;
    if ((b->m.flags & NE_MF_PERSON) && !b->arms && (!strcmp(r, "REB") || !strcmp(r, "OPP")))
        ne_strlcpy(b->role, r, sizeof(b->role));
    /* "The RSF ... said its forces had shot down a drone": an armed group's
     * forces and weapons are the group, no state's army */
    else if (!strcmp(r, "REB") && (b->arms || !strcmp(b->role, "MIL") || !strcmp(b->role, "SEC")))
        ne_strlcpy(b->role, r, sizeof(b->role));
}

/* A role from roles.tsv at p->j ("foreign ministry", "protesters"). */
static void head_role(ctx_t *c, build_t *b, parse_t *p, atom_t a)
{
    const ne_lexent_t *en = ne_lex_entry(c->s.lx, a.role);
    /* a weapon is an actor only with an owner; "Army warplanes" have one */
    if (!b->role_set || b->arms) b->arms = en->kind == NE_RK_ARMS;
    /* a weapon or asset after a body is the body's: "rebel positions" are REB */
    int bodys = en->kind == NE_RK_ARMS && b->role_set && !b->arms;
    /* the last noun is the head: "media regulator" is a regulator; but an
     * office held in a rebel or opposition group is the group's */
    if (!bodys && (!b->role_set || en->code[0]) && !group_office(b, en))
        ne_strlcpy(b->role, en->code, sizeof(b->role));
    b->role_set = 1;
    /* out of office: a former leader is the opposition, a former diplomat or
     * soldier a civilian */
    if (p->former && en->code[0])
        ne_strlcpy(b->role, en->kind == NE_RK_TITLE ? "OPP" : "CVL", sizeof(b->role));
    b->plural = is_role_plural(c, p->j, a.te) || en->plural;
    if (en->kind == NE_RK_TITLE) b->m.flags |= NE_MF_PERSON;
    /* "he", "his" can also stand for one person named by a noun ("a British
     * aid worker ... demanded his release"), who is no leader ('@') */
    if (en->kind == NE_RK_PERSON && !b->plural) b->m.flags |= NE_MF_ONE;
    p->j = a.te;
    p->mods = 0;
}

/* An organisation's name at p->j is the head: its role, unless a role
 * word came first ("the rebel Revolutionary United Front"), and the states
 * named in it. A bracketed acronym after it ("(RUF)") is part of the
 * mention, remembered as its name for the rest of the article. */
static int head_org(ctx_t *c, build_t *b, parse_t *p)
{
    org_t o;
    const char *v = NULL;
    if (is_hyphen(c, p->j + 1) && has_class(c, p->j, NE_MC_PATRON, &v) && !strcmp(v, "prefix"))
        return 0; /* "Pro-Turkish militias": no name, the state gives none */
    if (!org_name(c, p->j, &o)) return 0;
    if (!b->role_set) ne_strlcpy(b->role, o.role, sizeof(b->role));
    b->role_set = 1;
    b->arms = 0;
    /* states named inside the name, unless one came before it ("the
     * Danish Helsinki Committee" is Danish) */
    if (!b->nown)
        for (int k = 0; k < o.nown; k++)
            add_owner(b, &o.own[k]);
    p->j = o.end;
    p->have_head = 1;
    p->org = 1;
    if (is_punct(c, p->j, "(") && is_punct(c, p->j + 2, ")") &&
        (tok(c, p->j + 1)->flags & NE_TF_ALLCAP)) {
        p->acro = p->j + 1;
        p->j += 3;
    }
    return 1;
}

/* Do one or two plain capitalised words at k stand before a title that a
 * name follows ("Roman Catholic Bishop Rolando Alvarez")? */
static int title_after_names(const ctx_t *c, uint32_t k)
{
    uint32_t q = k;
    while (q < c->s.te && q - k < 2 && plain_name_word(c, q) &&
           lookup(c, q).type == A_NONE)
        q++;
    if (q == k) return 0;
    atom_t a = lookup(c, q);
    return a.type == A_ROLE && ne_lex_entry(c->s.lx, a.role)->kind == NE_RK_TITLE &&
           plain_name_word(c, a.te);
}

/* A role word at p->j (head_role), and whether it is the head: "military
 * operations" is no actor (STEP_FAIL), "Israeli tank fire killed" the
 * owner's thing (STEP_DONE). */
/* "the M23 rebel alliance", "a militant group": a noun of one person
 * (roles.tsv, kind person) right before the lower-case head noun of an
 * organisation (class org-head) says what kind of organisation it is. The
 * organisation is the head: of the person's role, no one person ("it", not
 * "he"), and no thing of the role's (WEAK). Consumes the noun. */
static int person_noun_before_org(ctx_t *c, build_t *b, parse_t *p, const ne_lexent_t *en)
{
    if (en->kind != NE_RK_PERSON || p->j >= c->s.te || tok(c, p->j)->kind != NE_TK_WORD ||
        (tok(c, p->j)->flags & NE_TF_CAP) || !has_class(c, p->j, NE_MC_ORG_HEAD, NULL) ||
        lookup(c, p->j).type != A_NONE)
        return 0;
    b->m.flags &= (uint16_t)~NE_MF_ONE;
    b->plural = is_role_plural(c, p->j, p->j + 1);
    p->j++;
    p->have_head = 1;
    return 1;
}

static int head_role_step(ctx_t *c, build_t *b, parse_t *p, atom_t a)
{
    head_role(c, b, p, a);
    if (person_noun_before_org(c, b, p, ne_lex_entry(c->s.lx, a.role))) return STEP_DONE;
    /* "called the protesters terrorists": a noun that modifies another is
     * singular ("protest leaders", "rebel commander"), so a regular plural
     * ends the head and a role word after it begins a new phrase (the
     * predicate of a naming verb); plurals written as such in roles.tsv
     * ("forces", "guards") still modify ("armed forces chief") */
    if (ne_lex_entry(c->s.lx, a.role)->plural && p->j < c->s.te && lookup(c, p->j).type == A_ROLE) {
        p->have_head = 1;
        return STEP_DONE;
    }
    if (has_class(c, p->j, NE_MC_THING, NULL)) {
        /* "military operations", "a new military offensive": the role word
         * is an adjective; with an owner, the owner's thing ("Chinese
         * military drills") */
        if (!b->nown) return STEP_FAIL;
    } else if (!role_modifies_noun(c, p->j)) {
        return STEP_MORE;
    }
    p->j++;
    b->m.flags |= NE_MF_WEAK;
    p->have_head = 1;
    return STEP_DONE;
}

/* A name after a title ("Foreign Minister Sergey Lavrov"): the head. */
static int head_title_name(ctx_t *c, build_t *b, parse_t *p)
{
    if (!b->role_set) return 0;
    uint32_t ne = name_run_ex(c, p->j, 1);
    if (ne == p->j) return 0;
    p->name_b = p->j;
    p->name_e = ne;
    p->have_name = 1;
    b->m.flags |= NE_MF_PERSON;
    b->plural = 0;
    p->j = ne;
    return 1;
}

/* A word that modifies the head to come: "senior", "former", "the jailed
 * (opposition leader)", "Roman Catholic (Bishop X)", a hyphen. */
static int head_modifier(ctx_t *c, build_t *b, parse_t *p)
{
    if (is_modifier(c, p->j) && p->mods < 3 && !b->role_set &&
        role_ahead_v(c, p->j, 1, p->det) &&
        (p->det || !is_verbish(c, p->j) || base_noun_before_role(c, p->j)) &&
        !((p->mods > 0 || p->j > p->start) && verb_ends_phrase(c, p->j))) {
        if (has_class(c, p->j, NE_MC_FORMER, NULL)) p->former = 1;
        p->j++;
        p->mods++;
        return 1;
    }
    if (!b->role_set && p->mods < 2 && (tok(c, p->j)->flags & NE_TF_CAP) &&
        title_after_names(c, p->j)) {
        p->j++;
        p->mods++;
        return 1;
    }
    if (!b->role_set && !b->nown && p->mods < 3 && people_word_before_role(c, p->j)) {
        p->j++;
        p->mods++;
        return 1;
    }
    /* "Kenyan-led forces"; a hyphen with a space before it is a dash, as
     * after a dateline ("NAIROBI - Pirates fired"), and joins nothing */
    if (is_hyphen(c, p->j) && !(tok(c, p->j)->flags & NE_TF_SPACE) && (b->nown || b->role_set) &&
        role_ahead(c, p->j + 1, 1)) {
        p->j++;
        return 1;
    }
    return 0;
}

/* The head grammar: owners, modifiers and roles up to the head noun or the
 * name after a title. Returns 0 when the words make no mention. */
static int parse_head(ctx_t *c, build_t *b, parse_t *p)
{
    while (p->j < c->s.te && !p->have_head) {
        atom_t a = lookup(c, p->j);
        if (a.type == A_ACTOR &&
            ((b->role_set && ((b->m.flags & NE_MF_PERSON) ||
                              ne_lex_entry(c->s.lx, a.actor)->kind == NE_AK_COUNTRY)) ||
             (p->j == p->start && ne_lex_entry(c->s.lx, a.actor)->kind == NE_AK_COUNTRY)) &&
            place_in_name(c, p->j, a, 1))
            a.type = A_NONE; /* "Defence Minister Aden Duale": a place opens the name */
        int step = STEP_MORE;
        if (a.type == A_ACTOR)
            step = head_actor(c, b, p, a);
        else if (a.type == A_ROLE)
            step = head_role_step(c, b, p, a);
        else if ((tok(c, p->j)->flags & NE_TF_CAP) && head_org(c, b, p))
            step = STEP_DONE;
        else if (head_title_name(c, b, p))
            step = STEP_DONE;
        else if (!head_modifier(c, b, p))
            break;
        if (step == STEP_FAIL) return 0;
        if (step == STEP_DONE) break;
    }
    return 1;
}

/* No dictionary word: a name remembered from earlier in the article
 * ("Zakharova"), or an unknown name of two or more words ("Ales
 * Bialiatski"). Returns the end of the name, or p->i. */
/* A word the dictionaries know only as the first word of longer names
 * ("Jorge", "Mohsen": the given names of people in actors-people.tsv), and
 * as no verb or grammar word: first in a name whose last word no
 * dictionary knows ("Jorge Glas"), it is a given name. */
static int given_name_word(const ctx_t *c, uint32_t q)
{
    int32_t w = tok(c, q)->word;
    if (w < 0 || wf(c, q) || ne_lex_vforms(c->s.lx, w) != NE_LEX_NONE) return 0;
    uint32_t node = ne_lex_child(c->s.lx, 0, w);
    return node != NE_LEX_NONE && ne_lex_node_entry(c->s.lx, node) == NE_LEX_NONE;
}

static uint32_t parse_bare_name(ctx_t *c, build_t *b, parse_t *p)
{
    /* "lawyer Chad Benali": a state's name may open the name after an epithet */
    atom_t a0 = lookup(c, p->start);
    int given = a0.type == A_ACTOR && ne_lex_entry(c->s.lx, a0.actor)->kind == NE_AK_COUNTRY &&
                place_in_name(c, p->start, a0, 1);
    uint32_t ne = name_run_ex(c, p->start, given);
    if (ne == p->start) return p->i;
    int org = 0;
    const ne_member_t *r = recall_name(c->mem, c, p->start, ne, &org);
    if (r) {
        b->m.n = 1;
        b->m.m[0] = *r;
        if (!org) b->m.flags |= NE_MF_PERSON;
        return ne;
    }
    /* an unknown name: a person whose state comes from context, usable as
     * a counterpart; every word must be unknown to the dictionaries
     * ("Middle East", "Ambassador Bridge" are not people) */
    int unknown = 1;
    for (uint32_t q = p->start; q < ne; q++)
        if (tok(c, q)->word >= 0 && !surname_word(c, q) && !(q == p->start && given) &&
            /* "Lee Soo-hyun": the hyphen and syllable of a given name */
            !(q > p->start && hyphen_syllable(c, q)) && !(q > p->start + 1 && hyphen_syllable(c, q - 1)) &&
            !(q == p->start && tok(c, ne - 1)->word < 0 && given_name_word(c, q)))
            unknown = 0;
    /* (after "the" a name is a place or a thing: "the South Caucasus",
     * "the Blue Line") */
    if (p->start > c->s.tb && is_w(c, p->start - 1, "the")) unknown = 0;
    if (ne - p->start >= 2 && !p->det && unknown) {
        b->m.n = 1;
        memset(&b->m.m[0], 0, sizeof(b->m.m[0]));
        ne_member_set(&b->m.m[0], "", "CVL"); /* a private person until known */
        b->m.flags |= NE_MF_NAME | NE_MF_GENERIC | NE_MF_PERSON;
        return ne;
    }
    return p->i;
}

/* "Hungary and Slovakia ... The foreign ministers of the two countries
 * met", "officials from both sides": a role placed by "of" or "from" and
 * a reference to the parties the article set up is the role of each of
 * them ("of" and a type noun of one state, "senior officials of the
 * island", that state's). Adds their states as owners and advances p->j
 * past the reference; 0 when no such reference follows. */
static int role_of_group_reference(ctx_t *c, build_t *b, parse_t *p)
{
    uint32_t j = p->j;
    if (!(is_w(c, j, "of") || is_w(c, j, "from")) || !(wf(c, j + 1) & (NE_W_DET | NE_W_NUM)))
        return 0;
    build_t ref;
    build_reset(&ref);
    uint32_t end = parse_group_reference(c, j + 1, &ref);
    if (end <= j + 1 || is_w(c, end, "'s")) return 0;
    /* one state a type noun stands for ("senior officials of the island"),
     * after "of": a bare state, no group's role */
    if (ref.m.n == 1 && !(is_w(c, j, "of") && ref.m.m[0].country[0] && !ref.m.m[0].role[0])) return 0;
    for (int k = 0; k < ref.m.n; k++)
        if (!ref.m.m[k].country[0]) return 0; /* an organisation's officials are no state's */
    for (int k = 0; k < ref.m.n; k++) {
        ne_member_t o = ref.m.m[k];
        ne_member_set(&o, o.country, "");
        add_owner(b, &o);
    }
    p->j = end;
    return 1;
}

/* Is token k a noun for people who flee (class REFUGEES: "migrants")?
 * Where they are is not their state. */
static int fleeing_noun(const ctx_t *c, uint32_t k)
{
    return ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_REFUGEES), tok(c, k)->word);
}

/* A role placed by "of", "in" or "from": "Presidents of Russia and
 * Azerbaijan", "police in Istanbul", "troops from military-ruled Myanmar".
 * Adds the places as owners and advances p->j past them. */
static void parse_role_place(ctx_t *c, build_t *b, parse_t *p)
{
    uint32_t j = p->j;
    if (!(b->role_set && !b->nown && j + 1 < c->s.te &&
          (is_w(c, j, "of") || (is_w(c, j, "in") && !b->arms && !fleeing_noun(c, j - 1)) ||
           is_w(c, j, "from"))))
        return; /* "an air base in Jordan", "migrants in Sicily": where, not whose */
    uint32_t k = j + 1;
    while (k < c->s.te && (wf(c, k) & NE_W_DET))
        k++;
    /* "from military-ruled Myanmar": a few modifiers before the state */
    for (uint32_t m0 = k; k < c->s.te && k - m0 < 4;) {
        if ((is_modifier(c, k) || is_hyphen(c, k)) && lookup(c, k).type == A_NONE) {
            k++;
        } else if (k + 2 < c->s.te && is_hyphen(c, k + 1) && is_modifier(c, k + 2) &&
                   !(tok(c, k + 1)->flags & NE_TF_SPACE)) {
            k += 3; /* "military-ruled" */
        } else {
            break;
        }
    }
    if (lookup(c, k).type != A_ACTOR) k = j + 1;
    if (role_of_group_reference(c, b, p)) return;
    while (k < c->s.te && (wf(c, k) & NE_W_DET))
        k++;
    int added = 0;
    uint32_t last_end = j;
    for (;;) {
        atom_t a = lookup(c, k);
        if (a.type != A_ACTOR) break;
        const ne_lexent_t *en = ne_lex_entry(c->s.lx, a.actor);
        if (en->kind == NE_AK_PERSON || en->kind == NE_AK_SURNAME) break;
        if (a.te < c->s.te && (tok(c, a.te)->flags & NE_TF_CAP) &&
            lookup(c, a.te).type == A_NONE)
            break; /* "Vladimir" of "Vladimir Putin" is not the Russian city */
        ne_member_t mm;
        member_of_entry(c, a.actor, a.valid, &mm);
        if (en->kind == NE_AK_STATES) /* "officials of the two Koreas" */
            add_state_group(c, b, a.actor, tok(c, k)->start, tok(c, a.te - 1)->end);
        else
            add_owner(b, &mm);
        added = 1;
        if (is_w(c, a.te, "'s")) {
            /* "leaders of Egypt's Muslim Brotherhood": Egypt's */
            k = a.te + 1;
            atom_t g2 = lookup(c, k);
            last_end = g2.type != A_NONE ? g2.te : k;
            break;
        }
        k = a.te;
        last_end = k;
        uint32_t nk = k + 1; /* "of China and the United States" */
        int serial = is_punct(c, k, ",") && nk < c->s.te && (is_w(c, nk, "and") || is_w(c, nk, "or"));
        if (serial) nk++; /* "Russia, Belarus, and Iran" */
        while (nk < c->s.te && (wf(c, nk) & NE_W_DET))
            nk++;
        atom_t na = lookup(c, nk);
        /* "diplomats from A, B and C": after "from" a comma goes on only in
         * a list that "and" or "or" closes ("fighters from JNIM, al Qaeda's
         * affiliate" is an apposition) */
        int list = is_w(c, k, "and") || serial ||
                   (is_punct(c, k, ",") && (is_w(c, j, "of") || (na.type == A_ACTOR && na.te < c->s.te &&
                                                                  (is_w(c, na.te, "and") || is_w(c, na.te, "or") ||
                                                                   is_punct(c, na.te, ",")))));
        if (list && na.type == A_ACTOR && (is_w(c, j, "of") || is_w(c, j, "from")))
            k = nk;
        else
            break;
    }
    if (added) p->j = last_end;
}

/* An apposition that names the people of a role: ", Vladimir Putin and
 * Ilham Aliyev," after "Presidents of Russia and Azerbaijan", ", Israel
 * Katz," after "Israel's defence minister". Advances p->j past it. */
static void parse_apposition(ctx_t *c, build_t *b, parse_t *p)
{
    if (!is_punct(c, p->j, ",") || p->have_name) return;
    uint32_t k = p->j + 1;
    ne_member_t names[NE_MAX_MEMBERS];
    int nn = 0, in_office[NE_MAX_MEMBERS];
    uint32_t nbs[NE_MAX_MEMBERS], nes[NE_MAX_MEMBERS];
    while (k < c->s.te && nn < NE_MAX_MEMBERS) {
        atom_t a = lookup(c, k);
        if (a.type == A_ACTOR && (ne_lex_entry(c->s.lx, a.actor)->kind == NE_AK_PERSON)) {
            member_of_entry(c, a.actor, a.valid, &names[nn]);
            in_office[nn] = a.valid;
            note_person(c->mem, c, a.actor);
            nbs[nn] = k;
            nes[nn] = a.te;
            nn++;
            k = a.te;
        } else if (a.type == A_NONE) {
            uint32_t ne = name_run(c, k);
            if (ne == k || ne - k < 2) break;
            memset(&names[nn], 0, sizeof(names[nn]));
            in_office[nn] = 0;
            nbs[nn] = k;
            nes[nn] = ne;
            nn++;
            k = ne;
        } else {
            break;
        }
        if (is_w(c, k, "and") || (is_punct(c, k, ",") && !is_punct(c, k + 1, ","))) {
            if (is_punct(c, k, ",") &&
                (k + 1 >= c->s.te || lookup(c, k + 1).type == A_NONE) &&
                name_run(c, k + 1) == k + 1)
                break; /* the closing comma */
            k++;
            continue;
        }
        break;
    }
    int closed = k >= c->s.te || is_punct(c, k, ",") || is_punct(c, k, ".");
    if (!(nn > 0 && closed && (nn == b->m.n || b->m.n == 1) && b->role_set)) return;
    for (int q = 0; q < nn; q++) {
        ne_member_t *target = &b->m.m[b->m.n == nn ? q : 0];
        /* the dictionary's person, unless it is out of office and the title
         * says what the person is now ("the Thai envoy, X") */
        int title_now = !in_office[q] && target->country[0] && target->role[0];
        if (names[q].code[0] && !title_now && (names[q].role[0] || !target->country[0])) {
            if (b->m.n == nn) *target = names[q];
        } else if (b->m.n == nn) {
            remember_name(c->mem, c, nbs[q], nes[q], target, 0);
        }
    }
    if (nn == 1) b->m.flags |= NE_MF_PERSON;
    p->j = k;
}

static uint32_t parse_mention(ctx_t *c, uint32_t i, build_t *b);

/* International water named after a state: "the South China Sea", "the
 * Gulf of Mexico", "the Taiwan Strait" (a water noun of mention-words.tsv
 * ends the capitalised name, or "of" and a state follow it). The state's
 * name inside is no actor: the name becomes a place with no state. Returns
 * its end, or 0. */
/* "Thousands protested in Amman", "Hundreds rallied outside the embassy":
 * "thousands", "hundreds" or "dozens" alone before the clause's verb is a
 * crowd, civilians placed by the context. Returns the end, or 0. */
static uint32_t parse_crowd_number(ctx_t *c, build_t *b, const parse_t *p)
{
    if (p->j != p->i + 1 || p->j >= c->s.te ||
        !(is_w(c, p->i, "thousands") || is_w(c, p->i, "hundreds") || is_w(c, p->i, "dozens")))
        return 0;
    if (!verb_ends_phrase(c, p->j)) return 0;
    b->role_set = 1;
    ne_strlcpy(b->role, "CVL", sizeof(b->role));
    b->plural = 1;
    finish_members(c, b);
    b->m.tb = p->i;
    b->m.te = p->j;
    return p->j;
}

/* Is token k a noun of a state's own ground, air or sea (class SOVEREIGN)
 * or one of its craft (class CRAFT: "vessels", "boats")? */
static int owned_by_state(const ctx_t *c, uint32_t k)
{
    int32_t w = tok(c, k)->word;
    return ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_SOVEREIGN), w) ||
           ne_lex_in_class(c->s.lx, ne_lex_gclass(c->s.lx, NE_GC_CRAFT), w);
}

/* "violated its airspace", "entered its territorial waters", "fired a water
 * cannon at one of its vessels": "its" and a noun of a state's own ground,
 * air or sea, or of its craft (one adjective before it at most) stand for
 * the owner state (resolve_possessive says whose: the speaker's in a
 * reported clause). Returns the end, or 0. */
static uint32_t parse_sovereign(ctx_t *c, build_t *b, const parse_t *p)
{
    if (!p->poss || p->poss->n != 1 || !p->poss->m[0].country[0] || p->j == p->i ||
        !is_w(c, p->j - 1, "its"))
        return 0;
    uint32_t k = p->j;
    if (k + 1 < c->s.te && !owned_by_state(c, k) && is_modifier(c, k)) k++;
    if (k >= c->s.te || !owned_by_state(c, k)) return 0;
    b->m.n = 1;
    b->m.m[0] = p->poss->m[0];
    ne_member_set(&b->m.m[0], p->poss->m[0].country, "");
    b->m.tb = p->i;
    b->m.te = k + 1;
    return k + 1;
}

static uint32_t parse_water(ctx_t *c, build_t *b, const parse_t *p)
{
    if (!(tok(c, p->j)->flags & NE_TF_CAP)) return 0; /* the usual case, at once */
    uint32_t k = p->j, end = 0;
    int state = 0, head = 0;
    ne_member_t named;
    memset(&named, 0, sizeof(named));
    while (k < c->s.te && k - p->j < 8) {
        if (org_word(c, k)) {
            atom_t a = lookup(c, k);
            if (a.type == A_ACTOR) {
                int kind = ne_lex_entry(c->s.lx, a.actor)->kind;
                state |= kind == NE_AK_COUNTRY || kind == NE_AK_ADJ ||
                         kind == NE_AK_CAPITAL || kind == NE_AK_PLACE;
                if (!named.country[0] && (kind == NE_AK_COUNTRY || kind == NE_AK_ADJ))
                    member_of_entry(c, a.actor, 1, &named);
                k = a.te;
                if (head) { /* "Gulf of Mexico" */
                    end = k;
                    break;
                }
                continue;
            }
            if (head) return 0; /* "the U.S. Gulf Coast" is land */
            if (has_class(c, k, NE_MC_WATER, NULL)) {
                head = 1;
                end = k + 1;
            }
            k++;
            continue;
        }
        if (head && is_w(c, k, "of")) {
            k++;
            while (k < c->s.te && is_w(c, k, "the"))
                k++;
            continue;
        }
        break;
    }
    if (!head || !state) return 0;
    b->m.flags = NE_MF_LOC | NE_MF_WATER;
    b->m.n = 0;
    /* no party, but the state whose name the water borrows is kept past
     * the members ("the Taiwan Strait": frames.c water_state) */
    b->m.m[0] = named;
    if (named.country[0]) ne_member_set(&b->m.m[0], named.country, "");
    b->m.tb = p->i;
    b->m.te = end;
    return end;
}

/* A region word before a continent's name (class continent: "West
 * African", "East Africa", "Central Asian"): the end of the two, or 0. A
 * longer name of the dictionaries that opens with the two stays a name
 * ("South African", "Central African Republic"), and "West" alone stays
 * the West. */
static uint32_t region_of_continent(const ctx_t *c, uint32_t j)
{
    if (j + 1 >= c->s.te || !(tok(c, j + 1)->flags & NE_TF_CAP) || !has_class(c, j + 1, NE_MC_CONTINENT, NULL))
        return 0;
    atom_t whole = lookup(c, j);
    if (whole.type != A_NONE && whole.te > j + 1) return 0;
    return j + 2;
}

/* A region named with a state's name: "Latin American countries", "South
 * America", "North American leaders". A capitalised word of the class
 * region (mention-words.tsv, value: the state whose name it borrows) right
 * before that state's name or adjective makes the two a place with no
 * state, as for water; "South Korean", "South African" are other states'
 * names and stay. Returns its end, or 0. */
static uint32_t parse_region(ctx_t *c, build_t *b, const parse_t *p)
{
    const char *state = NULL;
    if (!(tok(c, p->j)->flags & NE_TF_CAP) || !has_class(c, p->j, NE_MC_REGION, &state)) return 0;
    uint32_t end = region_of_continent(c, p->j);
    if (!end) {
        atom_t a = lookup(c, p->j + 1);
        if (a.type != A_ACTOR) return 0;
        const ne_lexent_t *en = ne_lex_entry(c->s.lx, a.actor);
        if ((en->kind != NE_AK_COUNTRY && en->kind != NE_AK_ADJ) || strncmp(en->code, state, 3)) return 0;
        end = a.te;
    }
    /* "Latin American leaders", "South American countries": the people or
     * states of the region are no one's (the context would place a role
     * alone in the article's state) */
    atom_t r = lookup(c, end);
    if (r.type == A_ROLE) end = r.te;
    else if (has_class(c, end, NE_MC_GROUP, NULL)) end++;
    b->m.flags = NE_MF_LOC;
    b->m.n = 0;
    b->m.tb = p->i;
    b->m.te = end;
    return end;
}

/* "Leaders across Latin America condemned the coup", "governments in
 * West Africa": a role with no state, placed by "in", "across" or "from"
 * in a region of no state (parse_region), is the people of that region,
 * no one's, as "Latin American leaders" are (the context would place the
 * role in the article's state). Returns the end, or 0. */
static uint32_t role_in_region(ctx_t *c, build_t *b, const parse_t *p)
{
    uint32_t j = p->j;
    if (!b->role_set || b->nown || p->have_name || p->poss || j + 2 >= c->s.te ||
        !(is_w(c, j, "in") || is_w(c, j, "across") || is_w(c, j, "from") || is_w(c, j, "throughout")))
        return 0;
    parse_t rp = {.i = j + 1, .j = j + 1};
    if (is_w(c, rp.j, "the")) rp.j++;
    build_t rb;
    build_reset(&rb);
    uint32_t end = parse_region(c, &rb, &rp);
    if (!end) return 0;
    b->m.flags = NE_MF_LOC;
    b->m.n = 0;
    b->m.tb = p->i;
    b->m.te = end;
    return end;
}

/* "members of his presidential guard", "supporters of former President
 * X": a noun of the class members, "of", and a mention, whose members
 * these are (with the role the class gives). Returns the end, or 0. */
static uint32_t parse_members_of(ctx_t *c, build_t *b, const parse_t *p)
{
    const char *role = NULL;
    uint32_t j = p->j;
    if (!is_w(c, j + 1, "of") ||
        !(ne_lex_mention_class(c->s.lx, tok(c, j)->word, NE_MC_MEMBERS, &role) &
          NE_MC_MEMBERS))
        return 0;
    build_t inner;
    uint32_t e = parse_mention(c, j + 2, &inner);
    if (e <= j + 2 || !inner.m.n ||
        (inner.m.flags & (NE_MF_LOC | NE_MF_PRON | NE_MF_REL)))
        return 0;
    /* value person: "the leader of the opposition", "the head of the rebel
     * group" is one person of the body X, with its state and role; a
     * state's own head ("the leader of Mali", its government) is a role
     * placed by "of" (parse_role_place), and a person's ("the head of
     * President X's guard") is not this */
    int person = !strcmp(role, "person");
    if (person) {
        if (inner.m.flags & (NE_MF_PERSON | NE_MF_PERSONS | NE_MF_WEAK)) return 0;
        for (int k = 0; k < inner.m.n; k++)
            if (!inner.m.m[k].role[0] && !ne_code_stateless(inner.m.m[k].code)) return 0;
        b->m = inner.m;
        int plural = ne_lex_singular(c->s.lx, tok(c, j)->word) >= 0; /* "leaders of" */
        b->m.flags = (uint16_t)((inner.m.flags & NE_MF_GENERIC) | NE_MF_PERSON | (plural ? NE_MF_PLURAL : 0));
        b->m.tb = p->i;
        b->m.te = e;
        return e;
    }
    b->m = inner.m;
    b->m.flags = (uint16_t)((inner.m.flags & NE_MF_GENERIC) | NE_MF_PLURAL);
    /* the value is the role of a person's followers ("supporters of the
     * president" are civilians); those of a group or a body are its own
     * people ("supporters of the Muslim Brotherhood") */
    if (strcmp(role, "-") && (inner.m.flags & NE_MF_PERSON))
        for (int k = 0; k < b->m.n; k++)
            if (b->m.m[k].country[0] || !ne_code_stateless(b->m.m[k].code))
                ne_member_set(&b->m.m[k], b->m.m[k].country, role);
    b->m.tb = p->i;
    b->m.te = e;
    return e;
}

/* Does token k read as one of the words of list ("to|with")? */
static int word_in_list(const ctx_t *c, uint32_t k, const char *list)
{
    while (*list) {
        size_t n = strcspn(list, "|");
        if (ne_s_is_w(&c->s, k, list, n)) return 1;
        list += n + (list[n] == '|');
    }
    return 0;
}

/* "gunmen loyal to ousted President X", "troops loyal to the junta": a
 * role of no state after which an allegiance word names a patron, a
 * person or an organ. The role belongs to the patron's state, and the
 * patron is no separate mention (he is not the one who acts). A state as
 * patron ("militias loyal to Iran") is a patron's relation only, as
 * "Iran-backed": nothing is taken. Advances p->j past the patron. */
static void parse_allegiance(ctx_t *c, build_t *b, parse_t *p)
{
    const char *prep = NULL;
    uint32_t j = p->j;
    if (!b->role_set || b->nown || b->arms || p->have_name || j + 2 >= c->s.te ||
        !(ne_lex_mention_class(c->s.lx, tok(c, j)->word, NE_MC_ALLEGIANCE, &prep) &
          NE_MC_ALLEGIANCE) ||
        !word_in_list(c, j + 1, prep))
        return;
    uint32_t k = j + 2;
    /* "loyal to ousted President X": the title's "ousted" opens no mention */
    if (ne_lex_mention_class(c->s.lx, tok(c, k)->word, NE_MC_FORMER, NULL) & NE_MC_FORMER) k++;
    build_t inner;
    uint32_t e = parse_mention(c, k, &inner);
    if (e <= k || !inner.m.n || (inner.m.flags & (NE_MF_LOC | NE_MF_PRON | NE_MF_REL)))
        return;
    for (int q = 0; q < inner.m.n; q++)
        if (!inner.m.m[q].role[0]) return; /* a state: a patron only */
    for (int q = 0; q < inner.m.n; q++) {
        ne_member_t o = inner.m.m[q];
        if (!o.country[0]) continue;
        ne_member_set(&o, o.country, "");
        add_owner(b, &o);
    }
    if (b->nown) p->j = e;
}

/* "their countries", "their leaders": a group noun (mention-words.tsv,
 * class group) owned by a plural referent stands for each of its members,
 * their states or their leaders ("Hungarian and Romanian officials agreed
 * that their countries should cooperate"). Returns the end, or 0. */
static uint32_t parse_their_group(ctx_t *c, build_t *b, const parse_t *p)
{
    const char *v = NULL;
    if (!p->poss || p->poss->n < 2 || p->j == p->i || !is_w(c, p->j - 1, "their") ||
        !has_class(c, p->j, NE_MC_GROUP, &v))
        return 0;
    int person = !strcmp(v, "person");
    b->m.n = 0;
    for (int k = 0; k < p->poss->n && b->m.n < NE_MAX_MEMBERS; k++) {
        ne_member_t o = p->poss->m[k];
        if (o.country[0]) ne_member_set(&o, o.country, person ? "GOV" : "");
        b->m.m[b->m.n++] = o;
    }
    b->m.flags |= NE_MF_PLURAL | (person ? NE_MF_PERSON : 0);
    return p->j + 1;
}

#define MAX_DATELINE 12 /* tokens of "COTONOU, Benin (AP) —" */

/* The first token after a dateline that opens the sentence (an all-capital
 * place, then a dash within a few tokens: "COTONOU, Benin (AP) —"), else
 * the sentence's first token. */
static uint32_t after_dateline(const ctx_t *c)
{
    if (!(tok(c, c->s.tb)->flags & NE_TF_ALLCAP)) return c->s.tb;
    for (uint32_t k = c->s.tb + 1; k < c->s.te && k - c->s.tb < MAX_DATELINE; k++) {
        if (ne_s_dash(&c->s, k)) return k + 1;
    }
    return c->s.tb;
}

/* "Niger ... reopen its border with Benin, accusing its neighbour of":
 * "its" and a noun of a relation between states (mention-words.tsv, class
 * relational) stands for the state the sentence named last that is not
 * the possessor's (the sentence's subject). Bounded by the sentence's
 * mentions so far. Returns the end, or 0. */
static uint32_t parse_its_relational(ctx_t *c, build_t *b, const parse_t *p)
{
    if (p->j == p->i || !is_w(c, p->j - 1, "its") || !has_class(c, p->j, NE_MC_RELATIONAL, NULL)) return 0;
    /* the possessor is the sentence's subject: its first mention's state
     * ("its" itself is placed later, and at this point on the nearest) */
    const ne_mention_t *mv = c->s.d->ment.v, *first = NULL;
    uint32_t from = after_dateline(c);
    size_t k0 = c->s.d->ment.n;
    while (k0 > 0 && mv[k0 - 1].tb >= from) k0--;
    if (k0 < c->s.d->ment.n) first = &mv[k0];
    if (!first || first->n != 1 || !first->m[0].country[0] || first->tb >= p->i) return 0;
    const char *own = first->m[0].country;
    for (size_t k = c->s.d->ment.n; k > k0; k--) {
        const ne_mention_t *m = &mv[k - 1];
        if (m->tb >= p->i || m->n != 1 || !m->m[0].country[0] || !strcmp(m->m[0].country, own)) continue;
        b->m.n = 1;
        b->m.m[0] = m->m[0];
        ne_member_set(&b->m.m[0], m->m[0].country, "");
        return p->j + 1;
    }
    /* "Kagame said his country was ready to work with its neighbour": with
     * no other state in the sentence, the possessor's partner in the
     * article's main pair of states (main_dyad: two events or more) */
    ne_mention_t pair;
    if (main_dyad(c, &pair, NULL)) {
        for (int q = 0; q < 2; q++) {
            if (strcmp(pair.m[q].country, own) || !pair.m[1 - q].country[0]) continue;
            b->m.n = 1;
            b->m.m[0] = pair.m[1 - q];
            ne_member_set(&b->m.m[0], pair.m[1 - q].country, "");
            b->m.m[0].start = tok(c, p->i)->start;
            b->m.m[0].end = tok(c, p->j)->end;
            return p->j + 1;
        }
    }
    return 0;
}

/* Does the code of remembered event e begin with one of the prefixes in
 * the space-separated list v ("045 039")? */
static int code_in_list(const char *code, const char *v)
{
    while (*v) {
        size_t n = strcspn(v, " ");
        if (n && !strncmp(code, v, n)) return 1;
        v += n;
        v += strspn(v, " ");
    }
    return 0;
}

/* The party of remembered event e that a noun of class guest or doer names:
 * a guest is the target of a hosting (043) or the agent of a visit (042);
 * a doer the agents of an event whose code its value lists. NULL when e is
 * none of them. */
static const ne_member_t *event_party(const struct ne_memevent_s *e, uint32_t cls, const char *v, int *nv)
{
    if (cls == NE_MC_DOER) {
        *nv = e->nagent;
        return code_in_list(e->code, v) ? e->agent : NULL;
    }
    if (!strcmp(e->code, "043")) return *nv = e->ntarget, e->target;
    if (!strcmp(e->code, "042")) return *nv = e->nagent, e->agent;
    return NULL;
}

/* "Fidan welcomed the Omani foreign minister ... Fidan and his guest
 * discussed", "the visitor was greeted at the airport": a determiner or a
 * possessive and a noun of a visitor (mention-words.tsv, class guest:
 * "guest", "visitor"), with no state of its own, stand for the visitor of
 * the article's last visit: the target of a hosting (043) or the agent of
 * a visit (042), looked up among the remembered events (a bounded ring).
 * So does a noun of one who did an act (class doer: "Qatar and Egypt
 * mediated a truce ... the UN praised the mediators"): the agents of the
 * article's last act of the kind its value names. Returns the end, or 0. */
static uint32_t parse_guest(ctx_t *c, build_t *b, const parse_t *p)
{
    const char *v = NULL;
    uint32_t cls = NE_MC_GUEST;
    if (p->j == p->i || is_w(c, p->j + 1, "'s")) return 0;
    if (!has_class(c, p->j, NE_MC_GUEST, NULL)) {
        if (!has_class(c, p->j, NE_MC_DOER, &v) || !v) return 0;
        cls = NE_MC_DOER;
    }
    /* "the visitor centre", "guest workers": the noun modifies another */
    if (p->j + 1 < c->s.te && tok(c, p->j + 1)->kind == NE_TK_WORD && !(tok(c, p->j + 1)->flags & NE_TF_CAP) &&
        !wf(c, p->j + 1) && ne_lex_vforms(c->s.lx, tok(c, p->j + 1)->word) == NE_LEX_NONE)
        return 0;
    const ne_memory_t *mem = c->mem;
    for (size_t back = 1; back <= mem->nevents && back <= NE_MEM_EVENTS; back++) {
        const struct ne_memevent_s *e = &mem->events[(mem->nevents - back) % NE_MEM_EVENTS];
        int nv = 0;
        const ne_member_t *party = event_party(e, cls, v, &nv);
        if (!party) continue;
        if (nv < 1 || !party[0].country[0]) return 0;
        b->m.n = 0;
        for (int k = 0; k < nv && k < NE_MAX_MEMBERS; k++) b->m.m[b->m.n++] = party[k];
        for (int k = 0; k < b->m.n; k++) {
            b->m.m[k].start = tok(c, p->i)->start;
            b->m.m[k].end = tok(c, p->j)->end;
        }
        if (b->m.n > 1) b->m.flags |= NE_MF_PLURAL;
        return p->j + 1;
    }
    return 0;
}

/* "said his country was ready", "between his country and Rwanda": a
 * possessive pronoun of one party before the singular of a noun of states
 * (mention-words.tsv, class group, value country: "country", "nation") is
 * that party's own state. Not before a role that opens there ("its state
 * media") nor a possessive ("his country's envoy": the role is the head).
 * Returns the end, or 0. */
static uint32_t parse_own_country(ctx_t *c, build_t *b, const parse_t *p)
{
    const char *v = NULL;
    if (p->j == p->i || !p->poss || p->poss->n != 1 || !p->poss->m[0].country[0] ||
        !(wf(c, p->j - 1) & NE_W_POSS) || is_w(c, p->j - 1, "their"))
        return 0;
    if (!has_class(c, p->j, NE_MC_GROUP, &v) || strcmp(v, "country") || is_role_plural(c, p->j, p->j + 1) ||
        lookup(c, p->j).type != A_NONE || is_w(c, p->j + 1, "'s"))
        return 0;
    b->m.n = 1;
    b->m.m[0] = p->poss->m[0];
    ne_member_set(&b->m.m[0], p->poss->m[0].country, "");
    b->m.m[0].start = tok(c, p->i)->start;
    b->m.m[0].end = tok(c, p->j)->end;
    return p->j + 1;
}

/* Is "the other" ahead of i in the sentence ("each government blaming the
 * other")? */
static int other_ahead(const ctx_t *c, uint32_t i)
{
    for (uint32_t k = i; k + 1 < c->s.te && k - i < 12; k++)
        if (is_w(c, k, "the") && is_w(c, k + 1, "other")) return 1;
    return 0;
}

/* "each government ... the other", "each side ... the other": "each" + a
 * role or group noun stands for the two parties of the last compound (of
 * this sentence, else of the article), and "the other" after it is a
 * reciprocal, as "each other". Returns the end, or 0. */
static uint32_t parse_each_other(ctx_t *c, uint32_t i, build_t *b)
{
    if (is_w(c, i, "the") && is_w(c, i + 1, "other") && i > c->s.tb) {
        for (uint32_t k = i; k > c->s.tb && i - k < 12; k--)
            if (is_w(c, k - 1, "each")) {
                b->m.flags |= NE_MF_RECIP;
                return i + 2;
            }
        return 0;
    }
    if (!is_w(c, i, "each") || i + 1 >= c->s.te || !other_ahead(c, i + 2)) return 0;
    const char *v = NULL;
    atom_t a = lookup(c, i + 1);
    int group = has_class(c, i + 1, NE_MC_GROUP, &v);
    if (a.type != A_ROLE && !group) return 0;
    const char *role = a.type == A_ROLE ? ne_lex_entry(c->s.lx, a.role)->code
                       : !strcmp(v, "person") ? "GOV" : "";
    /* the sentence's own pair: one mention of two, or two joined by "and"
     * (compounds are merged only at the end of the sentence) */
    ne_mention_t pair = {0};
    const ne_mention_t *mv = c->s.d->ment.v;
    for (size_t k = c->s.d->ment.n; k > 0 && !pair.n; k--) {
        const ne_mention_t *m = &mv[k - 1];
        if (m->flags & NE_MF_LOC) continue;
        if (m->n == 2) pair = *m;
        else if (k >= 2 && m->n == 1 && mv[k - 2].n == 1 && !(mv[k - 2].flags & NE_MF_LOC) &&
                 mv[k - 2].te + 1 == m->tb && is_w(c, mv[k - 2].te, "and")) {
            pair.n = 2;
            pair.m[0] = mv[k - 2].m[0];
            pair.m[1] = m->m[0];
        }
    }
    if (!pair.n && !resolve_cast(c, 2, 0, 0, 0, UINT32_MAX, UINT32_MAX, &pair)) return 0;
    b->m.n = 0;
    for (int k = 0; k < pair.n; k++) {
        ne_member_t o = pair.m[k];
        if (!o.country[0]) return 0;
        ne_member_set(&o, o.country, role);
        b->m.m[b->m.n++] = o;
    }
    b->m.flags |= NE_MF_PLURAL;
    return a.type == A_ROLE ? a.te : i + 2;
}

/* Parse one mention starting at i, in the order of the grammar at the top
 * of this file. Returns its end (exclusive) or i. */
/* Is the bare role noun that begins at i a predicate, not a participant:
 * after a form of "be" ("are not party to the deal", "is a member of"),
 * or a bracketed gloss of the name before it ("Hizbollah (Party of God)")?
 * An existential "there are soldiers" keeps its subject. */
static int role_is_predicate(const ctx_t *c, uint32_t i)
{
    uint32_t k = i;
    /* ("is not a party to the accord": an indefinite article too) */
    if (k > c->s.tb && (is_w(c, k - 1, "a") || is_w(c, k - 1, "an"))) k--;
    while (k > c->s.tb && ((wf(c, k - 1) & NE_W_NEG) || ne_s_adverb(&c->s, k - 1)))
        k--;
    if (k > c->s.tb && (wf(c, k - 1) & NE_W_BE))
        return !(k - 1 > c->s.tb && is_w(c, k - 2, "there"));
    if (i < c->s.tb + 2 || !is_punct(c, i - 1, "(") || !is_capitalized(c, i) ||
        !is_capitalized(c, i - 2))
        return 0;
    for (uint32_t q = i + 1; q < c->s.te && q - i < 6; q++)
        if (is_punct(c, q, ")")) return 1;
    return 0;
}

/* "the army's spokesman", "the rebels' delegation", "the junta's leader":
 * a government role (a spokesman, an envoy, a delegation: GOV by default)
 * owned by a body with another role speaks for that body, and has its role
 * (and its state, when it names none of its own). The owner is the mention
 * right before, ending at the "'s" (or a plural's bare apostrophe) where m
 * starts at token i; a person or a place owns no such member. */
static void possessor_role(ctx_t *c, ne_mention_t *m, uint32_t i)
{
    const ne_doc_t *d = c->s.d;
    if (!d->ment.n || m->n != 1 || strcmp(m->m[0].role, "GOV")) return;
    const ne_mention_t *o = &d->ment.v[d->ment.n - 1];
    int owned = (o->te == i && is_w(c, i, "'s")) || (o->te + 1 == i && plural_apostrophe(c, o->te));
    if (!owned || o->n != 1 || !o->m[0].role[0] || !strcmp(o->m[0].role, "GOV") ||
        (o->flags & (NE_MF_PERSON | NE_MF_NAME | NE_MF_LOC | NE_MF_PRON | NE_MF_REL)))
        return;
    if (m->m[0].country[0] && o->m[0].country[0] && strcmp(m->m[0].country, o->m[0].country)) return;
    const char *cty = m->m[0].country[0] ? m->m[0].country : o->m[0].country;
    char country[4];
    memcpy(country, cty, 4);
    ne_member_set(&m->m[0], country, o->m[0].role);
}

static uint32_t parse_mention(ctx_t *c, uint32_t i, build_t *b)
{
    build_reset(b);
    uint32_t end;
    if (parse_pronoun(c, i, b, &end)) return end;
    parse_t p = {.i = i, .j = i};
    uint32_t fi = wf(c, i);
    ne_mention_t referent; /* "the group's": the reference that owns the role */
    referent.n = 0;
    if ((fi & NE_W_DET) && (end = parse_each_other(c, i, b))) return end;
    if ((fi & (NE_W_DET | NE_W_NUM)) && (end = parse_group_reference(c, i, b)) > i) {
        /* "the two countries' foreign ministers": a plural's bare apostrophe */
        if (!(is_w(c, end, "'s") || (is_w(c, end, "'") && (b->m.flags & NE_MF_PLURAL))) ||
            !role_ahead(c, end + 1, 1))
            return end;
        /* "the North's military", "the bloc's envoy": the referent owns
         * the role that follows */
        ne_mention_t ref = b->m;
        referent = ref;
        build_reset(b);
        for (int k = 0; k < ref.n; k++) {
            if (ref.m[k].country[0]) ne_member_set(&ref.m[k], ref.m[k].country, "");
            add_owner(b, &ref.m[k]);
        }
        p.j = end + 1;
        p.det = 1;
    } else {
        parse_determiners(c, &p);
        if ((end = parse_members_of(c, b, &p))) return end;
        if ((end = parse_their_group(c, b, &p))) return end;
        if ((end = parse_its_relational(c, b, &p))) return end;
        if ((end = parse_own_country(c, b, &p))) return end;
        if ((end = parse_guest(c, b, &p))) return end;
        if ((end = parse_sovereign(c, b, &p))) return end;
        if ((end = parse_crowd_number(c, b, &p))) return end;
        if ((end = parse_water(c, b, &p))) return end;
        if ((end = parse_region(c, b, &p))) return end;
        if (!determiner_opens_mention(c, &p)) return i;
    }
    p.start = p.j;
    if (!parse_head(c, b, &p)) return i;
    if (!b->nown && !b->role_set) return parse_bare_name(c, b, &p);
    /* "not party to the deal", "(Party of God)": the noun says what the
     * subject is; it names no one */
    if (b->role_set && !b->nown && !p.have_name && !p.org && !p.poss &&
        role_is_predicate(c, i))
        return i;
    if (p.poss && b->role_set && !b->nown && p.poss->n) {
        /* "its troops", "his guard": the owner is the referent's state */
        for (int k = 0; k < p.poss->n; k++) {
            ne_member_t o = p.poss->m[k];
            if (o.country[0]) ne_member_set(&o, o.country, "");
            add_owner(b, &o);
        }
        possessed_group_office(b, p.poss);
    }
    if (referent.n && b->role_set) possessed_group_office(b, &referent);
    if ((end = role_in_region(c, b, &p))) return end;
    parse_role_place(c, b, &p);
    parse_allegiance(c, b, &p);
    /* "the aircraft", "missiles": a weapon with no owner is no actor */
    if (b->arms && !b->nown) return i;
    finish_members(c, b);
    /* "Kenyan President William Ruto ... The president met": a definite
     * title with no name, no owner and no state is the last titled person
     * of that role named in an earlier sentence */
    if (b->role_set && !b->nown && !p.have_name && !p.poss && is_w(c, i, "the") &&
        !(i > c->s.tb && (wf(c, i - 1) & NE_W_PREP)) && /* not "supporters of the president" */
        (b->m.flags & NE_MF_PERSON) && b->m.n == 1 && !b->m.m[0].country[0])
        definite_title(c, &b->m, p.j > i + 1 && is_w(c, p.j - 1, "elect") && is_hyphen(c, p.j - 2));
    if (b->role_set && !b->nown && !p.have_name && !p.poss && b->m.n == 1 && !b->m.m[0].country[0] &&
        (b->m.flags & (NE_MF_PERSON | NE_MF_ONE)) && definite_age(c, i))
        definite_age_person(c, &b->m, i);
    if (b->role_set && !b->nown && !p.have_name && !p.poss && is_w(c, i, "the") &&
        !(i > c->s.tb && (wf(c, i - 1) & NE_W_PREP)) && b->m.n == 1 && !b->m.m[0].country[0] &&
        p.j > i && diplomat_head(c, p.j))
        definite_diplomats(c, &b->m);
    /* an organisation is remembered for "it" even before its state is known */
    if (p.org) b->m.flags &= (uint16_t)~NE_MF_GENERIC;
    parse_apposition(c, b, &p);
    if (p.acro && b->m.n == 1)
        remember_name(c->mem, c, p.acro, p.acro + 1, &b->m.m[0], 1);
    if (p.have_name && b->m.n == 1) {
        /* "President Ebrahim Raisi": a remembered or dictionary code is better */
        remember_name(c->mem, c, p.name_b, p.name_e, &b->m.m[0], 0);
    }
    b->m.tb = i;
    b->m.te = p.j;
    return p.j;
}

/* ---- compounds ------------------------------------------------------------- */

/* "urging its counterpart to resume talks": the counterpart of a state is
 * an office holder of the other side, not of the possessor; with no
 * adjective to say which ("his Peruvian counterpart"), it is of the last
 * state named before other than the possessor's. */
static void counterpart_other_side(const ctx_t *c, ne_mention_t *m, uint32_t tb, uint32_t te)
{
    if (m->n != 1 || !m->m[0].country[0] || te - tb != 2 || !(wf(c, tb) & NE_W_POSS) ||
        !(is_w(c, te - 1, "counterpart") || is_w(c, te - 1, "counterparts")))
        return;
    const ne_memory_t *mem = c->mem;
    size_t n = mem->nrecent < NE_MEM_RECENT ? mem->nrecent : NE_MEM_RECENT;
    for (size_t b = 1; b <= n; b++) {
        const ne_mention_t *r = &mem->recent[(mem->nrecent - b) % NE_MEM_RECENT];
        if (r->n == 1 && r->m[0].country[0] && strcmp(r->m[0].country, m->m[0].country)) {
            char role[4];
            memcpy(role, m->m[0].role, sizeof(role));
            ne_member_set(&m->m[0], r->m[0].country, role);
            return;
        }
    }
}

/* Does conjunct bm, a role with no state, take the states of the
 * conjuncts before it? "Turkish tanks and troops", "Israeli helicopters
 * and gunboats": the adjective governs both nouns when they name the same
 * kind of actor. Then bm adds nothing to the compound. */
static int shares_owner(const ne_mention_t *cur, const ne_mention_t *bm)
{
    if (!(bm->flags & NE_MF_GENERIC) || (bm->flags & NE_MF_NAME) || bm->n != 1) return 0;
    const ne_member_t *g = &bm->m[0];
    if (g->country[0] || !g->role[0]) return 0;
    for (int t = 0; t < cur->n; t++)
        if (cur->m[t].country[0] && !strcmp(cur->m[t].role, g->role)) return 1;
    return 0;
}

/* A name of no known state given an office (state and role): the mention,
 * its copy among the recent mentions, and the name the article remembers
 * for its surname. */
static void give_office(ctx_t *c, ne_mention_t *nm, const char *country, const char *role)
{
    ne_member_set(&nm->m[0], country, role);
    nm->flags &= (uint16_t)~NE_MF_GENERIC;
    ne_memory_t *mem = c->mem;
    if (mem->nrecent) {
        ne_mention_t *last = &mem->recent[(mem->nrecent - 1) % NE_MEM_RECENT];
        if (last->tb == nm->tb && last->te == nm->te) *last = *nm;
    }
    remember_name(mem, c, nm->tb, nm->te, &nm->m[0], 0);
}

/* "Meng Wanzhou, chief financial officer of China's Huawei, ...": a name
 * of no known state takes the state of the apposition right after it
 * (and its role), here and for the rest of the article. */
static void place_by_apposition(ctx_t *c, const ne_mention_t *app, uint32_t at)
{
    ne_doc_t *d = c->s.d;
    if (!d->ment.n || app->n != 1 || !app->m[0].country[0] ||
        (app->flags & (NE_MF_LOC | NE_MF_PRON | NE_MF_WEAK | NE_MF_REL)))
        return;
    ne_mention_t *nm = &d->ment.v[d->ment.n - 1];
    if (!(nm->flags & NE_MF_NAME) || nm->n != 1 || nm->m[0].country[0] || nm->te + 1 != at)
        return;
    /* "swore in Grace Banda as Malawi's prime minister", "named Ivan
     * Petrov as defence minister": "as" and a titled person give the name
     * its office, as an apposition does */
    if (!is_punct(c, nm->te, ",") &&
        !(is_w(c, nm->te, "as") && (app->flags & NE_MF_PERSON) && !(app->flags & NE_MF_NAME) &&
          app->m[0].role[0]))
        return;
    give_office(c, nm, app->m[0].country, app->m[0].role[0] ? app->m[0].role : nm->m[0].role);
}

/* "Grace Banda won Malawi's presidential election": a name of no known
 * state that wins a state's election (class ELECTION, the state's: "Malawi's
 * presidential election", "the election in Malawi") right after it is that
 * state's leader-elect (GOV), here and for the rest of the article, and the
 * one "the president-elect" names. */
static void place_by_election(ctx_t *c, const ne_mention_t *app, uint32_t at)
{
    ne_doc_t *d = c->s.d;
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_ELECTION);
    if (!d->ment.n || app->n != 1 || !app->m[0].country[0] || app->m[0].role[0] || cls == NE_LEX_NONE ||
        (app->flags & (NE_MF_PRON | NE_MF_REL | NE_MF_PERSON)))
        return;
    ne_mention_t *nm = &d->ment.v[d->ment.n - 1];
    if (!(nm->flags & NE_MF_NAME) || !(nm->flags & NE_MF_PERSON) || nm->n != 1 || nm->m[0].country[0] ||
        nm->te + 1 != at || !(is_w(c, nm->te, "won") || is_w(c, nm->te, "wins")))
        return;
    int head = 0;
    for (uint32_t q = at; q < c->s.te && q < at + 6; q++) {
        const ne_token_t *t = tok(c, q);
        if (t->kind != NE_TK_WORD) break;
        if (ne_lex_in_class(c->s.lx, cls, t->word)) {
            head = 1;
            break;
        }
    }
    if (!head) return;
    give_office(c, nm, app->m[0].country, "GOV");
    c->mem->elect = nm->m[0];
}

#define MAX_APPOSITION_LEAD 6 /* words between an apposition's comma and its role noun */
#define MAX_ORG_NAME 6        /* tokens of an organisation's name before its apposition */

/* "ordered the closure of Voice of Democracy, one of the country's last
 * independent news outlets,": a capitalised name the dictionaries do not
 * know, right before an apposition between commas whose head is the role
 * of an organisation (a medium or a company), names that organisation:
 * the name is a mention with the apposition's role (and state, from it or
 * the context), and "it" after it stands for it. Appends the name's mention
 * before the apposition app (at token at, ending at token end); 0 when
 * there is none, -1 when out of memory. */
static int apposition_name(ctx_t *c, const ne_mention_t *app, uint32_t at, uint32_t end)
{
    ne_doc_t *d = c->s.d;
    if (app->n != 1 || !(app->flags & NE_MF_GENERIC) ||
        (app->flags & (NE_MF_PERSON | NE_MF_LOC | NE_MF_PRON | NE_MF_REL | NE_MF_NAME | NE_MF_WEAK)) ||
        (strcmp(app->m[0].role, "MED") && strcmp(app->m[0].role, "BUS")))
        return 0;
    /* the apposition closes with a comma or the sentence */
    if (end < c->s.te && !is_punct(c, end, ",.;"))
        return 0;
    /* its comma: lower-case words back from the role noun ("one of the
     * country's last independent"), the first a determiner or "one" */
    uint32_t k = at;
    while (k > c->s.tb && at - k < MAX_APPOSITION_LEAD && !is_punct(c, k - 1, ",") &&
           (tok(c, k - 1)->kind == NE_TK_WORD || is_w(c, k - 1, "'s")) && !(tok(c, k - 1)->flags & NE_TF_CAP))
        k--;
    if (k <= c->s.tb + 1 || !is_punct(c, k - 1, ",") ||
        (k < at && !(wf(c, k) & (NE_W_DET | NE_W_POSS)) && !is_w(c, k, "one")))
        return 0;
    uint32_t ne = k - 1, nb = ne; /* the name: [nb, ne) */
    while (nb > c->s.tb && ne - nb < MAX_ORG_NAME && tok(c, nb - 1)->kind == NE_TK_WORD &&
           ((tok(c, nb - 1)->flags & NE_TF_CAP) ||
            ((is_w(c, nb - 1, "of") || is_w(c, nb - 1, "for") || is_w(c, nb - 1, "and")) && nb < ne &&
             nb - 1 > c->s.tb && (tok(c, nb - 2)->flags & NE_TF_CAP))))
        nb--;
    if (nb == ne || !(tok(c, nb)->flags & NE_TF_CAP) || (nb == c->s.tb && ne - nb < 2) ||
        (nb > c->s.tb && tok(c, nb - 1)->kind == NE_TK_WORD && (tok(c, nb - 1)->flags & NE_TF_CAP)))
        return 0;
    /* no word of it is a mention already */
    if (d->ment.n && d->ment.v[d->ment.n - 1].te > nb) return 0;
    if (NE_VEC_RESERVE(d->ment) < 0) return -1;
    ne_mention_t *nm = &d->ment.v[d->ment.n++];
    mention_copy(nm, app);
    nm->tb = nb;
    nm->te = ne;
    nm->m[0].start = tok(c, nb)->start;
    nm->m[0].end = tok(c, ne - 1)->end;
    ne_memory_push(c->mem, nm);
    return 0;
}

/* A movement across states with no state named before it ("An Islamic
 * State suicide bomber blew himself up outside Kabul airport") is the
 * branch of the state where the sentence places the event: a place or
 * state after in, at, near, outside or across. */
static void place_movements(ctx_t *c)
{
    ne_doc_t *d = c->s.d;
    for (int q = 0; q < c->nmovements; q++) {
        ne_member_t *mm = &d->ment.v[c->movements[q]].m[0];
        for (size_t k = 0; k < d->ment.n; k++) {
            const ne_mention_t *pl = &d->ment.v[k];
            if (pl->n != 1 || !pl->m[0].country[0] || pl->m[0].role[0] ||
                pl->tb == c->s.tb)
                continue;
            uint32_t b = pl->tb - 1;
            if (!(is_w(c, b, "in") || is_w(c, b, "at") || is_w(c, b, "near") ||
                  is_w(c, b, "outside") || is_w(c, b, "across")))
                continue;
            ne_member_set(mm, pl->m[0].country, mm->role);
            break;
        }
    }
}

/* A conjunct with no state takes the state its partners share: "Myanmar's
 * military and an alliance of three ethnic armed groups" are both of
 * Myanmar. */
static void place_by_partners(ne_mention_t *m)
{
    const char *st = NULL;
    for (int k = 0; k < m->n; k++) {
        const char *c = m->m[k].country;
        if (!c[0]) continue;
        if (st && strcmp(st, c)) return; /* partners of several states */
        st = c;
    }
    if (!st) return;
    char s[4];
    memcpy(s, st, 4);
    for (int k = 0; k < m->n; k++)
        if (!m->m[k].country[0] && !ne_code_stateless(m->m[k].code))
            ne_member_set(&m->m[k], s, m->m[k].role);
}

/* Merge "A and B", "A, B and C" into one mention. */
/* "Ethiopia's prime minister, Abiy Ahmed, and ...": does mention m take in
 * an apposition (a comma inside it)? Then the comma after it closes the
 * apposition, and ", and" goes on with a list. */
static int has_apposition(const ctx_t *c, const ne_mention_t *m)
{
    for (uint32_t k = m->tb + 1; k + 1 < m->te; k++)
        if (is_punct(c, k, ",")) return 1;
    return 0;
}

/* "the subsidiaries of France's Danone and Denmark's Carlsberg": two
 * possessors of things, joined by "and" past the first thing's name (a
 * word or two), are one compound of owners (still a modifier, WEAK). */
static int possessive_pair(const ctx_t *c, const ne_mention_t *a, const ne_mention_t *bm)
{
    if (!(a->flags & NE_MF_WEAK) || !(bm->flags & NE_MF_WEAK) || a->n != 1 || bm->n != 1 ||
        !is_w(c, a->te, "'s") || bm->te >= c->s.te || !is_w(c, bm->te, "'s"))
        return 0;
    uint32_t k = a->te + 1, n = 0;
    while (k < bm->tb && n < 3 && tok(c, k)->kind == NE_TK_WORD && !wf(c, k)) k++, n++;
    return n > 0 && k + 1 == bm->tb && is_w(c, k, "and");
}

/* "Colombia's and Ecuador's foreign ministers", "Kenya's and Uganda's
 * presidents": a state's possessive with its noun left out, joined by "and"
 * to the next state's possessive and role, owns the same role: mention a
 * (the state before "'s and") and bm (the state's role after it). */
static int elided_possessive(const ctx_t *c, const ne_mention_t *a, const ne_mention_t *bm)
{
    if (a->n != 1 || bm->n != 1 || !(a->flags & NE_MF_WEAK) || (bm->flags & (NE_MF_WEAK | NE_MF_LOC)) ||
        !a->m[0].country[0] || a->m[0].role[0] || !bm->m[0].country[0] || !bm->m[0].role[0] ||
        !is_w(c, a->te, "'s") || !is_w(c, a->te + 1, "and") || bm->tb != a->te + 2 ||
        !strcmp(a->m[0].country, bm->m[0].country))
        return 0;
    for (uint32_t k = bm->tb + 1; k + 1 < bm->te && k <= bm->tb + 3; k++)
        if (is_w(c, k, "'s")) return 1;
    return 0;
}

/* Does mention bm, joined to a by "and", open a clause of its own: a is an
 * object (a verb form before it) and an auxiliary or a verb follows bm? */
static int new_clause_after(const ctx_t *c, const ne_mention_t *a, const ne_mention_t *bm)
{
    if (a->tb <= c->s.tb || bm->te >= c->s.te) return 0;
    uint32_t p = a->tb - 1;
    /* "said America and Britain would pay": after a verb of speech the
     * pair is the subject of the clause it reports */
    if (!is_verbish(c, p) || (tok(c, p)->flags & NE_TF_CAP) || speech_verb(c, p)) return 0;
    uint32_t q = bm->te;
    return (wf(c, q) & (NE_W_FUTURE | NE_W_MODAL | NE_W_HAVE)) || is_verbish(c, q);
}

/* "to Iran, Libya, North Korea, Sudan, and with strings attached, Cuba": a
 * list of three or more mentions k..q joined by commas, closed by ", and"
 * (", or") before words that are no mention yet, is a compound of those
 * three or more. */
static int list_closed_before_aside(const ctx_t *c, size_t k, size_t q)
{
    uint32_t e = c->s.d->ment.v[q].te;
    return q >= k + 2 && e + 2 < c->s.te && is_punct(c, e, ",") &&
           (is_w(c, e + 1, "and") || is_w(c, e + 1, "or")) && ne_s_ment(&c->s, e + 2) < 0;
}

/* "the army chief, General Abdel Fattah al-Burhan, and ...": a named person
 * between commas, after a rank that is no part of the name (one or two
 * capitalised words that are no mention), is an apposition of mention a. */
static int ranked_apposition(const ctx_t *c, const ne_mention_t *a, const ne_mention_t *bm)
{
    uint32_t g = a->te;
    if (!(bm->flags & NE_MF_PERSON) || !is_punct(c, g, ",") ||
        bm->tb < g + 2 || bm->tb > g + 3 || bm->te >= c->s.te || !is_punct(c, bm->te, ","))
        return 0;
    for (uint32_t k = g + 1; k < bm->tb; k++)
        if (tok(c, k)->kind != NE_TK_WORD || !(tok(c, k)->flags & NE_TF_CAP) || wf(c, k))
            return 0;
    return 1;
}

/* A ranked apposition names the party before it again: its mention takes
 * the apposition in ("X's army chief, General Y," is one party), so that a
 * list goes on after it and a verb's object is one mention. */
static void absorb_ranked_appositions(ctx_t *c)
{
    ne_doc_t *d = c->s.d;
    size_t out = 0;
    for (size_t k = 0; k < d->ment.n; k++) {
        if (out > 0 && ranked_apposition(c, &d->ment.v[out - 1], &d->ment.v[k])) {
            d->ment.v[out - 1].te = d->ment.v[k].te;
            continue;
        }
        if (out != k) d->ment.v[out] = d->ment.v[k];
        out++;
    }
    d->ment.n = out;
}

/* Does mention m follow a preposition that names the party acted on ("to",
 * "against", "on")? */
static int party_list(const ctx_t *c, const ne_mention_t *m)
{
    return m->tb > c->s.tb && (is_w(c, m->tb - 1, "to") || is_w(c, m->tb - 1, "against") ||
                               is_w(c, m->tb - 1, "on"));
}

/* The end of a phrase of grammar class cls at token i ("as well as"), 0
 * when none starts there. */
static uint32_t gclass_phrase_end(const ctx_t *c, uint32_t cls, uint32_t i)
{
    if (cls == NE_LEX_NONE || i >= c->s.te || tok(c, i)->word < 0) return 0;
    const int32_t *cw = ne_lex_cwords(c->s.lx);
    uint32_t best = 0;
    for (uint32_t k = ne_lex_cphrases(c->s.lx, tok(c, i)->word); k != NE_LEX_NONE;
         k = ne_lex_cphrase(c->s.lx, k)->next) {
        const ne_cphrase_t *cp = ne_lex_cphrase(c->s.lx, k);
        if (cp->cls != cls || i + cp->nwords > c->s.te || i + cp->nwords <= best) continue;
        uint8_t n = 1;
        while (n < cp->nwords && tok(c, i + n)->word == cw[cp->words + n]) n++;
        if (n == cp->nwords) best = i + n;
    }
    return best;
}

/* "Germany, along with France, condemned the coup", "Germany as well as
 * France condemned": mentions joined by an additive phrase (class
 * ADDITIVE) are one compound, as with "and"; between commas the second
 * must close with its comma (an aside), else the phrase follows directly. */
static int additive_pair(const ctx_t *c, const ne_mention_t *a, const ne_mention_t *bm)
{
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_ADDITIVE), k = a->te;
    int comma = is_punct(c, k, ",");
    uint32_t end = gclass_phrase_end(c, cls, k + (uint32_t)comma);
    if (!end || end != bm->tb) return 0;
    return !comma || (bm->te < c->s.te && is_punct(c, bm->te, ","));
}

/* "During his stop in Seoul, Rubio and Foreign Minister Cho condemned",
 * "In talks with China, Japan and South Korea agreed": a mention that ends
 * a prepositional adjunct opening the sentence (its first comma right after
 * it) is no member of the list after that comma, when the list is followed
 * by its verb, not by another comma ("In Syria, Iraq and Lebanon, protests
 * ..." is one list). 1 when mention m is such a closing member. */
static int closes_fronted_adjunct(const ctx_t *c, const ne_mention_t *m, const ne_mention_t *last)
{
    if (m->tb <= c->s.tb || !(wf(c, m->tb - 1) & NE_W_PREP) || !(wf(c, c->s.tb) & NE_W_PREP) ||
        gclass_phrase_end(c, ne_lex_gclass(c->s.lx, NE_GC_ADDITIVE), c->s.tb) || m->te >= c->s.te ||
        !is_punct(c, m->te, ","))
        return 0;
    for (uint32_t k = c->s.tb; k < m->tb; k++)
        if (tok(c, k)->kind == NE_TK_PUNCT && !is_hyphen(c, k)) return 0;
    return last->te < c->s.te && tok(c, last->te)->kind == NE_TK_WORD;
}

static void merge_compounds(ctx_t *c)
{
    ne_doc_t *d = c->s.d;
    absorb_ranked_appositions(c);
    size_t n = d->ment.n, out = 0;
    for (size_t k = 0; k < n;) {
        const ne_mention_t *first = &d->ment.v[k];
        size_t last = k;
        int chain_ok = 0, elided = 0;
        if (!(first->flags & (NE_MF_REL | NE_MF_RECIP | NE_MF_PRON)) && first->n) {
            /* find the extent of a list "M (, M)* (,)? and|or M" */
            size_t q = k;
            while (q + 1 < n) {
                ne_mention_t *a = &d->ment.v[q], *bm = &d->ment.v[q + 1];
                if (bm->flags & (NE_MF_REL | NE_MF_RECIP | NE_MF_PRON) || !bm->n) break;
                /* a place and a state are no list ("in Gaza and Israel's"), but
                 * after a preposition of the party acted on they are ("sent aid
                 * to Gaza and Sudan") */
                if ((a->flags & NE_MF_LOC) != (bm->flags & NE_MF_LOC) && !party_list(c, first)) break;
                uint32_t gap_b = a->te, gap_e = bm->tb;
                int sep_and = 0, sep_comma = 0;
                if (gap_e == gap_b + 1 && (is_w(c, gap_b, "and") || is_w(c, gap_b, "or")))
                    sep_and = 1;
                else if (gap_e == gap_b + 2 && is_punct(c, gap_b, ",") &&
                         (q > k || has_apposition(c, a)) &&
                         (is_w(c, gap_b + 1, "and") || is_w(c, gap_b + 1, "or")))
                    sep_and = 1; /* "A, B, and C", "A, her envoy, and C"; a lone ", and"
                                  * joins clauses */
                else if (gap_e == gap_b + 1 && is_punct(c, gap_b, ","))
                    sep_comma = 1;
                else if (possessive_pair(c, a, bm))
                    sep_and = 1;
                else if (q == k && elided_possessive(c, a, bm))
                    sep_and = elided = 1;
                else if (additive_pair(c, a, bm))
                    sep_and = 1;
                /* "Hamas will free 33 hostages and Israel will release ...":
                 * an object and the subject of the next clause are no pair */
                if (sep_and && new_clause_after(c, a, bm)) break;
                if (sep_and) {
                    q++;
                    chain_ok = 1;
                    break;
                }
                if (!sep_comma) break;
                q++;
            }
            if (!chain_ok && list_closed_before_aside(c, k, q)) chain_ok = 1;
            if (chain_ok) last = q;
            if (chain_ok && last > k + 1 && closes_fronted_adjunct(c, first, &d->ment.v[last])) chain_ok = 0;
        }
        if (!chain_ok) {
            /* the usual case: no copy unless an earlier merge shifted the list */
            if (out != k) d->ment.v[out] = d->ment.v[k];
            out++;
            k++;
            continue;
        }
        ne_mention_t cur = *first;
        int weak_pair = (first->flags & NE_MF_WEAK) && (d->ment.v[last].flags & NE_MF_WEAK);
        if (elided && last == k + 1) { /* the first state owns the second's role */
            ne_member_set(&cur.m[0], cur.m[0].country, d->ment.v[last].m[0].role);
            cur.flags = (uint16_t)((cur.flags & ~NE_MF_WEAK) | (d->ment.v[last].flags & NE_MF_PERSON));
        }
        {
            /* "X, a lawyer, and Y, a party official": every member a person */
            int persons = ne_mention_persons(first);
            for (size_t q = k + 1; q <= last; q++) {
                ne_mention_t *bm = &d->ment.v[q];
                if (shares_owner(&cur, bm)) continue;
                persons = persons && ne_mention_persons(bm);
                for (int t = 0; t < bm->n && cur.n < NE_MAX_MEMBERS; t++) cur.m[cur.n++] = bm->m[t];
                cur.flags |= bm->flags & (NE_MF_GENERIC | NE_MF_PERSON);
            }
            if (persons) cur.flags |= NE_MF_PERSONS;
            cur.te = d->ment.v[last].te;
            cur.flags |= NE_MF_PLURAL;
            if (!weak_pair) cur.flags &= (uint16_t)~NE_MF_WEAK;
            place_by_partners(&cur);
        }
        d->ment.v[out++] = cur;
        k = last + 1;
    }
    d->ment.n = out;
}

/* Could token k be the finite verb of the sentence: an auxiliary, or a
 * past or -s form outside any mention? A verb the dictionaries do not know
 * is guessed from its ending after a noun ("The document serves as"). */
static int clause_verb(const ctx_t *c, uint32_t k)
{
    const ne_token_t *t = tok(c, k);
    if (t->kind != NE_TK_WORD || (t->flags & NE_TF_CAP) || ne_s_ment(&c->s, k) >= 0)
        return 0;
    if (wf(c, k) & (NE_W_BE | NE_W_HAVE | NE_W_MODAL | NE_W_FUTURE)) return 1;
    uint32_t v = ne_lex_vforms(c->s.lx, t->word);
    for (; v != NE_LEX_NONE; v = ne_lex_vform(c->s.lx, v)->next)
        if (ne_lex_vform(c->s.lx, v)->forms & (NE_F_PAST | NE_F_S)) return 1;
    if (wf(c, k) || ne_lex_vforms(c->s.lx, t->word) != NE_LEX_NONE || k == c->s.tb ||
        tok(c, k - 1)->kind != NE_TK_WORD || wf(c, k - 1) || t->fold_len < 4)
        return 0;
    const char *w = ne_tok_fold(c->s.d, t);
    size_t n = t->fold_len;
    return (w[n - 2] == 'e' && w[n - 1] == 'd') ||
           (w[n - 1] == 's' && w[n - 2] != 's' && w[n - 2] != 'u' && w[n - 2] != 'i');
}

/* Remember the sentence's subject for a pronoun that opens the next one:
 * the first actor mention before the first verb, not after a preposition.
 * A sentence that opens with "The/This + noun" and names no actor before
 * its verb is about a thing ("The document serves as a blueprint"). */
static void note_things(ctx_t *c);

static void note_subject(ctx_t *c)
{
    const ne_doc_t *d = c->s.d;
    uint32_t verb = c->s.tb;
    while (verb < c->s.te && !clause_verb(c, verb))
        verb++;
    c->mem->thing_before = c->mem->prev_thing ? c->mem->prev_thing_word : -1;
    c->mem->prev_subj.n = 0;
    c->mem->prev_thing = 0;
    for (size_t k = 0; k < d->ment.n; k++) {
        const ne_mention_t *m = &d->ment.v[k];
        if (m->tb >= verb) break;
        if (!m->n || (m->flags & (NE_MF_LOC | NE_MF_REL | NE_MF_WEAK))) continue;
        if (m->tb > c->s.tb && (wf(c, m->tb - 1) & NE_W_PREP)) continue;
        mention_copy(&c->mem->prev_subj, m);
        return;
    }
    c->mem->prev_thing =
        verb < c->s.te && (wf(c, c->s.tb) & NE_W_DET) && ne_s_ment(&c->s, c->s.tb) < 0;
    /* the thing's head noun, right before the verb past adverbs ("The
     * launch was condemned ... It also drew criticism from X": the launch,
     * frames.c inverse_subject_agents) */
    c->mem->prev_thing_word = -1;
    uint32_t h = verb;
    while (h > c->s.tb + 1 && ne_s_adverb(&c->s, h - 1)) h--;
    if (c->mem->prev_thing && h > c->s.tb + 1 && c->s.d->tok.v[h - 1].kind == NE_TK_WORD)
        c->mem->prev_thing_word = c->s.d->tok.v[h - 1].word;
}

/* "Washington put forward a U.S. proposal for a truce ... studying the
 * proposal": a thing a state's name or adjective owns (a weak mention of
 * one party whose last word is a plain noun) is remembered by its noun. */
static void note_things(ctx_t *c)
{
    const ne_doc_t *d = c->s.d;
    for (size_t k = 0; k < d->ment.n; k++) {
        const ne_mention_t *m = &d->ment.v[k];
        if (m->n != 1 || !(m->flags & NE_MF_WEAK) || !m->m[0].country[0] || m->te <= m->tb) continue;
        const ne_token_t *h = tok(c, m->te - 1);
        if (h->kind != NE_TK_WORD || (h->flags & NE_TF_CAP) || h->word < 0 || wf(c, m->te - 1)) continue;
        int32_t sg = ne_lex_singular(c->s.lx, h->word);
        ne_memory_t *mem = c->mem;
        mem->things[mem->nthings % NE_MEM_THINGS].word = sg >= 0 ? sg : h->word;
        mem->things[mem->nthings % NE_MEM_THINGS].owner = m->m[0];
        mem->nthings++;
    }
}

/* "Prosecutors", "the judges": every member an organ of a state with no role
 * (roles.tsv "-", kept as ""). Such a body acts on people and is no group
 * that a later "them" stands for: "Police arrested six activists.
 * Prosecutors charged them" keeps the activists as the people. */
static int state_organ_only(const ne_mention_t *m)
{
    for (int k = 0; k < m->n; k++)
        if (m->m[k].role[0] || !strncmp(m->m[k].code, "IGO", 3)) return 0;
    return m->n > 0;
}

/* A plural group of people of no state ("young demonstrators", "the
 * rebels", "pensioners and football fans"), kept apart from the memory of
 * actors: "they" and "them" may stand for it when nothing named since
 * fits, and frames.c places it. */
static void note_people(ne_memory_t *mem, const ne_mention_t *m)
{
    if (!m->n || (m->flags & (NE_MF_LOC | NE_MF_REL | NE_MF_RECIP | NE_MF_WEAK |
                              NE_MF_PRON | NE_MF_NAME)) ||
        (m->flags & (NE_MF_GENERIC | NE_MF_PLURAL)) != (NE_MF_GENERIC | NE_MF_PLURAL))
        return;
    for (int k = 0; k < m->n; k++)
        if (m->m[k].country[0]) return; /* a compound with a state is named */
    if (state_organ_only(m)) return;
    mention_copy(&mem->people, m);
    mem->people_at = mem->nrecent;
}

/* "a 41-year-old man": a mention that starts right after a hyphen starts
 * with the whole compound and its determiner ("a 41-year-old man"), so that
 * a slot reads the compound as part of the phrase; not before token
 * `floor` (the end of the mention before). */
static uint32_t hyphen_chain_start(const ctx_t *c, uint32_t i, uint32_t floor)
{
    uint32_t i0 = i;
    while (i >= floor + 2 && i >= c->s.tb + 2 && is_hyphen(c, i - 1) &&
           !((tok(c, i)->flags | tok(c, i - 1)->flags) & NE_TF_SPACE) &&
           (tok(c, i - 2)->kind == NE_TK_WORD || tok(c, i - 2)->kind == NE_TK_NUM))
        i -= 2;
    /* and its determiner ("a 41-year-old man") */
    if (i < i0 && i > floor && i > c->s.tb && (wf(c, i - 1) & NE_W_DET) && !(wf(c, i - 1) & NE_W_PREP))
        i--;
    return i;
}

/* A possessive pronoun at one token as a mention of its own, standing for
 * the referent r: r's members without the offsets of r's text. */
static void pronoun_mention(build_t *b, const ne_mention_t *r)
{
    memset(b, 0, sizeof(*b));
    b->m.n = r->n;
    memcpy(b->m.m, r->m, sizeof(r->m[0]) * (size_t)r->n);
    for (int q = 0; q < b->m.n; q++) b->m.m[q].start = b->m.m[q].end = 0;
    b->m.flags = (uint16_t)(NE_MF_PRON | (r->flags & (NE_MF_PERSON | NE_MF_ONE | NE_MF_PLURAL)));
}
/* "The Houthis detained 11 United Nations staff members ... accused them of
 * spying for Israel and the United States. Guterres called for their
 * immediate release": "their" before a release asked for stands for those
 * the article last told were detained, abducted or sentenced (remembered
 * codes 173, 181, 116), not the last plural named. Their members into out
 * (no place in the text): 1, else 0. */
static int last_detained(const ctx_t *c, ne_mention_t *out)
{
    const ne_memory_t *mem = c->mem;
    size_t n = mem->nevents < NE_MEM_EVENTS ? mem->nevents : NE_MEM_EVENTS;
    for (size_t k = 0; k < n; k++) {
        const struct ne_memevent_s *e = &mem->events[(mem->nevents - 1 - k) % NE_MEM_EVENTS];
        if (strncmp(e->code, "173", 3) && strncmp(e->code, "181", 3) && strncmp(e->code, "116", 3)) continue;
        if (!e->ntarget) continue;
        memset(out, 0, sizeof(*out));
        out->n = e->ntarget;
        memcpy(out->m, e->target, sizeof(e->target[0]) * (size_t)e->ntarget);
        out->flags = NE_MF_PLURAL;
        return 1;
    }
    return 0;
}

/* "called for their immediate release", "demanded his extradition": after
 * a verb of bidding (govern-demand, govern-appeal), a possessive pronoun
 * before a noun of the class PATIENTS (a few modifiers between) is the
 * party the act is done to, a mention of its own (the event noun's "of +",
 * actions.c). Returns the end, or i. */
static uint32_t possessive_patient(ctx_t *c, uint32_t i, build_t *b)
{
    if (!(is_w(c, i, "his") || is_w(c, i, "her") || is_w(c, i, "their"))) return i;
    /* only what is asked for: "demanded his release", "called for their release" */
    uint32_t v = i > c->s.tb && is_w(c, i - 1, "for") ? i - 1 : i;
    if (v <= c->s.tb ||
        !(ne_lex_verb_flags(c->s.lx, tok(c, v - 1)->word) & (NE_L_DEMAND | NE_L_APPEAL)))
        return i;
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_PATIENTS);
    if (cls == NE_LEX_NONE) return i;
    uint32_t k = i + 1;
    for (; k < c->s.te && k - i <= 4; k++) {
        const ne_token_t *t = tok(c, k);
        if (t->kind != NE_TK_WORD || (t->flags & NE_TF_CAP)) return i;
        if (ne_lex_in_class(c->s.lx, cls, t->word)) break;
        if (wf(c, k) && !is_w(c, k, "and")) return i; /* "immediate and unconditional" */
    }
    if (k >= c->s.te || k - i > 4) return i;
    ne_mention_t held;
    const ne_mention_t *r = is_w(c, i, "their") && last_detained(c, &held) ? &held : resolve_possessive(c, i);
    if (!r || !r->n) return i;
    pronoun_mention(b, r);
    return i + 1;
}

#define MAX_SEIZED_WORDS 3 /* "their three fishing boats" */

/* "arrested 17 fishermen and seized their boats": right after a verb whose
 * patients cross a border (grammar class crossborder: seize, deport), a
 * personal possessive ("their", "his", "her") before a thing (no role or
 * actor word within a few words) stands for the party the thing is taken
 * from, a mention of its own; "exchanged their prisoners" (a role) stays
 * a possessive. Returns the end, or i. */
static uint32_t possessive_seized(ctx_t *c, uint32_t i, build_t *b)
{
    if (!(is_w(c, i, "his") || is_w(c, i, "her") || is_w(c, i, "their")) || i == c->s.tb ||
        !(ne_lex_verb_flags(c->s.lx, tok(c, i - 1)->word) & NE_L_CROSSBORDER))
        return i;
    for (uint32_t k = i + 1; k < c->s.te && k - i <= MAX_SEIZED_WORDS; k++) {
        const ne_token_t *t = tok(c, k);
        if (t->kind == NE_TK_PUNCT || (wf(c, k) & (NE_W_PREP | NE_W_CONJ))) break; /* the phrase ends */
        if (lookup(c, k).type != A_NONE || (t->flags & NE_TF_CAP)) return i;
    }
    const ne_mention_t *r = resolve_pronoun(c, i, is_w(c, i, "their") ? 't' : 'h', 1);
    if (!r || !r->n) return i;
    pronoun_mention(b, r);
    return i + 1;
}

/* "rallied to her defence", "came to its aid": a possessive pronoun right
 * before a noun of the class BEHALF stands for the party one stands up
 * for, a mention of its own (the pattern names the noun: `rally to +
 * defence`). Returns the end, or i. */
static uint32_t possessive_behalf(ctx_t *c, uint32_t i, build_t *b)
{
    if (!(is_w(c, i, "his") || is_w(c, i, "her") || is_w(c, i, "its") || is_w(c, i, "their")) ||
        i + 1 >= c->s.te || i == c->s.tb || !(wf(c, i - 1) & NE_W_PREP))
        return i;
    uint32_t cls = ne_lex_gclass(c->s.lx, NE_GC_BEHALF);
    if (cls == NE_LEX_NONE || !ne_lex_in_class(c->s.lx, cls, tok(c, i + 1)->word)) return i;
    /* one rallies to another's defence: as an object pronoun, not the
     * sentence's own subject ("Hungary rallied to its defence" is not Hungary's) */
    int kind = is_w(c, i, "its") ? 'i' : is_w(c, i, "their") ? 't' : 'h';
    const ne_mention_t *r = resolve_pronoun(c, i, kind, 1);
    if (!r || !r->n) return i;
    pronoun_mention(b, r);
    return i + 1;
}

/* The next common case, a lower-case word in no dictionary phrase that
 * is no verb form either ("economic", "crisis", "talks"): parse_mention
 * reads it as no pronoun or determiner (no such flag; "each other" has a
 * determiner second), no "members of" noun, no name or water (lower
 * case), so only as a modifier of a role or actor ahead ("senior
 * officials"), which role_ahead_v decides. Returns 1 when it begins no
 * mention, as parse_mention would find in many more steps. */
static int plain_word_opens_nothing(const ctx_t *c, uint32_t i, uint32_t wfl)
{
    const ne_token_t *t = tok(c, i);
    return !(t->flags & (NE_TF_CAP | NE_TF_ALLCAP | NE_TF_DOTTED)) &&
           !(wfl & (NE_W_DET | NE_W_POSS | NE_W_NUM | NE_W_PRON | NE_W_REL)) &&
           lookup(c, i).type == A_NONE && !is_verbish(c, i) && !(wf(c, i + 1) & NE_W_DET) &&
           !has_class(c, i, NE_MC_MEMBERS, NULL) && !role_ahead_v(c, i, 1, 0);
}

/* Is the mention at token i a place where the story happens, the place a
 * later "police" or "protesters" with no state belong to? A place (LOC),
 * or a capital or state right after "in" ("Serbia beat Croatia in
 * Belgrade"); not one in a clause a modal or a future opens before it
 * ("his side would fight back in the return match in Zagreb next month":
 * a place of what may come). The scan is bounded (MAX_STORY_PLACE_SCAN). */
#define MAX_STORY_PLACE_SCAN 40 /* tokens before a place searched for a modal or future */

static int story_place(const ctx_t *c, const ne_mention_t *m, uint32_t i)
{
    if (m->n != 1 || !m->m[0].country[0] || m->m[0].role[0] ||
        (m->flags & (NE_MF_PERSON | NE_MF_WEAK | NE_MF_REL | NE_MF_PRON)))
        return 0;
    if (!(m->flags & NE_MF_LOC) && !(i > c->s.tb && is_w(c, i - 1, "in"))) return 0;
    uint32_t from = i - c->s.tb > MAX_STORY_PLACE_SCAN ? i - MAX_STORY_PLACE_SCAN : c->s.tb;
    for (uint32_t k = from; k < i; k++)
        if (wf(c, k) & (NE_W_MODAL | NE_W_FUTURE)) return 0;
    return 1;
}

int ne_actors_sentence(const ne_lexicon_t *lx, ne_doc_t *d, uint32_t tb, uint32_t te,
                       ne_memory_t *mem)
{
    ctx_t c = {{lx, d, tb, te}, mem, mem->nrecent, {0}, 0};
    d->ment.n = 0;
    d->tok_ment.n = 0;
    while (d->atoms.cap < (size_t)(te - tb) + 1)
        if (ne_vec_grow((void **)&d->atoms.v, &d->atoms.cap, sizeof(ne_atom_t)) < 0) return -1;
    for (uint32_t i = 0; i < te - tb; i++) d->atoms.v[i].type = -1;
    /* "BAGHDAD (Reuters) - A drone attack on a U.S. base wounded five
     * American soldiers": the place and the agency of a dateline only say
     * where the story was filed (places.c reads it as such); they are no
     * party, so no subject for a sentence whose own subject is no actor */
    uint32_t dateline_end = after_dateline(&c);
    if (dateline_end == tb) dateline_end = 0;
    mem->dateline[0] = 0;
    for (uint32_t i = tb; i < te;) {
        const ne_token_t *t = &d->tok.v[i];
        if (t->kind == NE_TK_URL || t->kind == NE_TK_PUNCT) {
            i++;
            continue;
        }
        /* the common case, decided cheaply: a lower-case verb form or
         * function word ("and", "was", "will", "not", "of", "in") that is in
         * no dictionary phrase and opens no determiner cannot begin a
         * mention: parse_mention would find no pronoun, no determiner, no
         * name and, since is_modifier refuses these words, no modifier */
        uint32_t wfl = t->kind == NE_TK_WORD ? ne_lex_word_flags(lx, t->word) : 0;
        if (t->kind == NE_TK_WORD && !(t->flags & (NE_TF_CAP | NE_TF_ALLCAP | NE_TF_DOTTED)) &&
            !(wfl & (NE_W_DET | NE_W_POSS | NE_W_NUM | NE_W_PRON | NE_W_REL)) &&
            ((wfl & (NE_W_CONJ | NE_W_BE | NE_W_HAVE | NE_W_DO | NE_W_FUTURE | NE_W_MODAL |
                     NE_W_NEG | NE_W_SUBORD | NE_W_PREP)) ||
             is_verbish(&c, i)) &&
            lookup(&c, i).type == A_NONE) {
            i++;
            continue;
        }
        if (t->kind == NE_TK_WORD && plain_word_opens_nothing(&c, i, wfl)) {
            i++;
            continue;
        }
        build_t b;
        uint32_t e = possessive_patient(&c, i, &b);
        if (e == i) e = possessive_behalf(&c, i, &b);
        if (e == i) e = possessive_seized(&c, i, &b);
        if (e == i) e = parse_mention(&c, i, &b);
        if (e > i && e <= dateline_end) {
            /* no party (see dateline_end), but the state the story was
             * filed from counts among the article's states ("HARARE ... The
             * United States called on the government": Zimbabwe's) */
            for (int q = 0; q < b.m.n; q++)
                if (b.m.m[q].country[0]) count_state(mem, b.m.m[q].country);
            /* and it is where the story happens: "PORT-AU-PRINCE - Gangs
             * ambushed a patrol of Kenyan police officers" are Haiti's */
            if (b.m.n == 1 && b.m.m[0].country[0] && !b.m.m[0].role[0] && i == tb) {
                memcpy(mem->place, b.m.m[0].country, 4);
                memcpy(mem->dateline, b.m.m[0].country, 4);
            }
            i = e;
            continue;
        }
        if (e > i) {
            if (NE_VEC_RESERVE(d->ment) < 0) return -1;
            counterpart_other_side(&c, &b.m, i, e);
            place_by_apposition(&c, &b.m, i);
            place_by_election(&c, &b.m, i);
            possessor_role(&c, &b.m, i);
            if (apposition_name(&c, &b.m, i, e) < 0) return -1; /* "X, a radio station," */
            if (NE_VEC_RESERVE(d->ment) < 0) return -1;
            if (b.movement && b.m.n == 1 && c.nmovements < 4)
                c.movements[c.nmovements++] = (uint32_t)d->ment.n;
            b.m.tb = hyphen_chain_start(&c, i, d->ment.n ? d->ment.v[d->ment.n - 1].te : tb);
            b.m.te = e;
            mention_copy(&d->ment.v[d->ment.n++], &b.m);
            note_force(mem, &b.m);
            /* pronouns and compounds later in the sentence see this one */
            if (!(b.m.flags & (NE_MF_LOC | NE_MF_REL | NE_MF_RECIP)) && b.m.n &&
                (!(b.m.flags & NE_MF_GENERIC) || (b.m.flags & NE_MF_NAME)))
                ne_memory_push(mem, &b.m); /* a named person of no known state too */
            else
                note_people(mem, &b.m);
            if (story_place(&c, &b.m, i))
                memcpy(mem->place, b.m.m[0].country, 4); /* where the story happens */
            i = e;
        } else {
            i++;
        }
    }
    place_movements(&c);
    merge_compounds(&c);
    /* compounds are remembered as such ("they" after "Russia and China"),
     * and as the article's cast ("the two countries") */
    for (size_t k = 0; k < d->ment.n; k++)
        if (d->ment.v[k].n > 1 && !(d->ment.v[k].flags & NE_MF_LOC)) {
            ne_memory_push(mem, &d->ment.v[k]);
            note_cast(mem, &d->ment.v[k]);
        }
    /* token -> mention index */
    while (d->tok_ment.cap < (size_t)(te - tb))
        if (ne_vec_grow((void **)&d->tok_ment.v, &d->tok_ment.cap, sizeof(int32_t)) < 0) return -1;
    d->tok_ment.n = te - tb;
    for (uint32_t i = 0; i < te - tb; i++) d->tok_ment.v[i] = -1;
    for (size_t k = 0; k < d->ment.n; k++)
        for (uint32_t i = d->ment.v[k].tb; i < d->ment.v[k].te; i++)
            d->tok_ment.v[i - tb] = (int32_t)k;
    note_subject(&c);
    note_things(&c);
    return 0;
}
