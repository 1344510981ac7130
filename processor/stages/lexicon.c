/*
 * lexicon.c - loading the dictionary files into one read-only structure.
 *
 * Words are interned (folded form -> id) in an open-addressing hash table.
 * Phrases form a trie whose edges live in a second hash table keyed by
 * (node, word id); a node that ends a phrase points at a chain of entries.
 * Verb lemmas get their inflections generated here, each inflected word
 * pointing back at the lemma, and the lemma owns its patterns sorted most
 * specific first. Grammar words (determiners, auxiliaries, weekdays, the
 * verbs that govern an infinitive) come from grammar.tsv like any other
 * data: a class per line, each class a flag the grammar reads.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "lexicon.h"
#include "text.h"

typedef struct winfo_s {
    int32_t val;
    uint32_t lemma; /* lemma whose base form this word is, NE_LEX_NONE otherwise */
    int32_t irr;    /* index into irregular table, -1 */
    uint32_t cphrase; /* first class phrase that begins with this word, NE_LEX_NONE */
    uint32_t noun;    /* event noun of this singular or plural, NE_LEX_NONE */
    int32_t plural;   /* an irregular noun plural given in classes.tsv, -1 */
    uint64_t classes; /* bit c: a member of class c (< 64) begins with this word */
    int32_t mword;  /* index into mwords (mention-grammar classes), -1 */
    uint16_t date_rules; /* NE_DR_*: the date rules this word may begin */
} winfo_t;

/* What the stages read about a word at nearly every token, apart from the
 * rest of winfo_t: its grammar flags about ten times a token, the trie
 * root, verb readings and singular about once. Sixteen bytes a word keep
 * these for the words a text uses in the first-level cache, where the
 * whole winfo_t (56 bytes then) put each word on a cache line of its own. */
typedef struct whot_s {
    uint32_t flags;   /* NE_W_* grammar flags */
    uint32_t root;    /* the trie node of the one-word phrase, NE_LEX_NONE: the first
                       * step of every match, without a hash look-up */
    uint32_t vform;   /* first verb reading */
    int32_t singular; /* for a plural the patterns generated: its singular, -1 */
} whot_t;

/* The mention-grammar classes of one word, with a value per class. */
typedef struct mword_s {
    uint32_t classes;
    char val[NE_MC_COUNT][8];
} mword_t;

typedef struct lemma_s {
    int32_t word;
    uint32_t flags;
    uint32_t pat_first, pat_n;
    uint32_t support; /* first support reading (lemmas.tsv), NE_LEX_NONE */
} lemma_t;

/* An event noun (event-nouns.tsv): its patterns and the roots of the
 * events it can name. */
typedef struct noun_s {
    int32_t word;
    uint32_t pat_first, pat_n;
    uint32_t roots; /* bit r: CAMEO root r (1..20) */
    int participants; /* NE_REF_*: the noun names all who took part ("the talks"),
                       * or the event's agents themselves ("suspects") */
} noun_t;

/* Patterns of nouns share the pattern table with verbs; their owner index
 * has this bit set. */
#define NOUN_OWNER 0x80000000u

typedef struct irregular_s {
    char *forms[4]; /* past, ppart, 3sg, ing: '|'-separated, malloc'd, may be NULL */
} irregular_t;

typedef struct pat_s {
    ne_pattern_t p;
    uint32_t lemma;
} pat_t;

/* A slot of the word hash table. It holds the word's first eight bytes
 * and its length, so that looking up a word of up to eight bytes (most
 * words) reads this one slot: no second read of the word's id offset and a
 * third of its bytes elsewhere in memory, which made the look-up of each
 * token wait on the cache. */
typedef struct wslot_s {
    uint64_t head; /* the word's first eight bytes, zero-padded (word_head) */
    uint32_t len;  /* its length in bytes */
    int32_t id1;   /* its word id + 1; 0 marks a free slot */
} wslot_t;

struct ne_lexicon_s {
    NE_VEC(char) strs;
    NE_VEC(uint32_t) woff;
    NE_VEC(winfo_t) winfo;
    NE_VEC(whot_t) whot; /* by word id, beside winfo */
    struct wslot_s *whash; /* the words by hash, open addressing */
    size_t whash_cap;
    ne_doc_t scratch; /* phrase_words' tokens, reused while loading (freed after it):
                       * a doc allocated and freed per phrase cost a tenth of the load */

    struct edge_s {
        uint64_t key;
        uint32_t val;
    } *edge; /* (node << 32 | word) -> child; val NE_LEX_NONE marks a free slot */
    size_t ecap, ecount;
    NE_VEC(uint32_t) node_entry;

    NE_VEC(ne_lexent_t) ent;
    NE_VEC(lemma_t) lemma;
    NE_VEC(ne_vform_t) vform;
    NE_VEC(pat_t) pat;
    NE_VEC(ne_pattern_t) patterns; /* sorted copy, grouped by lemma */
    NE_VEC(ne_pelem_t) pel;
    NE_VEC(int32_t) alt;
    NE_VEC(char *) owned;
    NE_VEC(ne_cameo_t) cameo;
    uint32_t *cameo_key; /* cameo's codes packed by cameo_key(), in cameo's order */
    NE_VEC(irregular_t) irr;
    NE_VEC(char *) cname;        /* class names, by id */
    NE_VEC(ne_cphrase_t) cph;    /* class member phrases */
    NE_VEC(int32_t) cword;       /* their words */
    uint32_t gclass[NE_GC_COUNT]; /* ids of the classes the grammar names */
    int32_t near_words[4];        /* the one-word members of class NEAR ("near") */
    int nnear;
    NE_VEC(noun_t) noun;         /* event nouns */
    NE_VEC(ne_support_t) sup;    /* support readings of verbs */
    size_t ngrammar; /* grammar.tsv lines read */
    struct code_map_s {
        uint8_t family;
        char from[5]; /* a code prefix, "" for the default */
        char to[5];   /* "" keeps the code */
        uint8_t nfrom; /* strlen(from) */
        uint32_t next; /* the family's next entry + 1, 0 at the end */
    } *cmap;
    size_t ncmap, cmap_cap;
    uint32_t cmap_roots[NE_CF_COUNT]; /* bit r: the family lists a code of root r (or '*') */
    uint32_t cmap_first[NE_CF_COUNT], cmap_last[NE_CF_COUNT]; /* each family's chain, index + 1 */
    NE_VEC(mword_t) mwords;
    NE_VEC(int32_t) pword;       /* the phrases of `people` actors, each its length then its words (`@people`) */
};

static const char *const gclass_names[NE_GC_COUNT] = {"QUANTITY", "BORDER",   "SIMILAR",     "AGAINST",
                                                             "MEMBERS",  "LOCATIVE", "MANY", "CLAUSE_TIME",
                                                             "RESPONSE", "TARGETS", "EPITHETS", "TERRITORY",
                                                             "DEMANDS",  "CHEMICAL", "ARMOUR",     "CROWD",
                                                             "MISSION",  "WEAPONS",  "CONVOY",     "PROPERTY",
                                                             "GRIEVANCE", "PREFIXES", "PERIODS", "AIR", "PATIENTS", "GRANTS", "TALKS", "HEARSAY",
                                                             "SUICIDE_BOMB", "VEHICLE_BOMB", "ROADSIDE_BOMB", "AIR_MEANS", "NEAR", "LIGHT", "BEHALF", "RESULT", "SOVEREIGN", "GUILT", "REPRISAL", "ELLIPTIC", "CONTROL", "CYBER", "MUNITIONS", "HOLDING", "REGIONAL", "ADDITIVE", "TOPIC", "INCLUDING", "ELECTION", "SIDES", "SEQUEL", "KEPT", "CHANNEL", "REFUGEES", "FLIGHT", "EMBASSIES", "CRAFT", "COLLECTIVE", "ISLANDS", "INSPECTORS", "WARRING", "DIPLOMATS", "ING_NOUNS", "CEASEFIRE", "JUNTA", "AGENT_OF", "EXCHANGE", "CURRENCY", "MEETINGS", "RETAKING", "ADVERBIAL_IN", "DETAINEES", "CONVERSATION", "JOURNEY", "ANSWERING", "FLOATING", "NEITHER"};

/* snprintf(dst, size, "%s", src) without the format machinery (a CAMEO
 * code look-up per event did it): at most size - 1 bytes, always ended. */
static void copy_cstr(char *dst, size_t size, const char *src)
{
    size_t n = strnlen(src, size - 1);
    memcpy(dst, src, n);
    dst[n] = '\0';
}

/* ---- hashing ------------------------------------------------------------ */

/* FNV-1a, its high bits mixed down into the low ones that index the table. */
static uint64_t hash_mix(uint64_t fnv)
{
    return fnv ^ (fnv >> 29);
}


static uint64_t mix64(uint64_t x)
{
    x += 0x9E3779B97F4A7C15ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

static const char *word_str(const ne_lexicon_t *lx, int32_t w)
{
    return lx->strs.v + lx->woff.v[w];
}

/* The first eight bytes of s[0..n), zero-padded, as one number (one load
 * for a long word; copied as bytes, so the byte order does not matter). */
static uint64_t word_head(const char *s, size_t n)
{
    uint64_t head = 0;
    memcpy(&head, s, n < 8 ? n : 8);
    return head;
}

/* A word's hash: its bytes eight at a time, zero-padded (word_head), each
 * chunk mixed in with one multiply (ne_lex_chunk_mix). FNV-1a took a
 * multiply per byte, a chain of them the tokenizer waited on at every token. */
static uint64_t word_hash(const char *s, size_t n)
{
    uint64_t h = NE_FNV_OFFSET;
    for (size_t k = 0; k < n; k += 8) h = ne_lex_chunk_mix(h, word_head(s + k, n - k));
    return hash_mix(h);
}

static int32_t word_find_hashed(const ne_lexicon_t *lx, const char *s, size_t n, uint64_t hash,
                                uint64_t head);

int32_t ne_lex_word_find(const ne_lexicon_t *lx, const char *s, size_t n)
{
    if (!lx->whash_cap || n == 0) return -1;
    return word_find_hashed(lx, s, n, word_hash(s, n), word_head(s, n));
}

int32_t ne_lex_word_find_mixed(const ne_lexicon_t *lx, const char *s, size_t n, uint64_t h,
                               uint64_t head)
{
    if (!lx->whash_cap || n == 0) return -1;
    return word_find_hashed(lx, s, n, hash_mix(h), head);
}

static int32_t word_find_hashed(const ne_lexicon_t *lx, const char *s, size_t n, uint64_t hash,
                                uint64_t head)
{
    size_t mask = lx->whash_cap - 1, i = hash & mask;
    for (;;) {
        const wslot_t *slot = &lx->whash[i];
        if (!slot->id1) return -1;
        if (slot->head == head && slot->len == n) {
            int32_t id = slot->id1 - 1;
            /* past the first eight bytes, which the slot compared: words are
             * short, a loop here, where memcmp was a call per token */
            const char *w = word_str(lx, id);
            size_t k = 8;
            while (k < n && w[k] == s[k]) k++;
            if (k >= n) return id;
        }
        i = (i + 1) & mask;
    }
}

static void whash_insert(ne_lexicon_t *lx, const char *s, size_t n, uint32_t id)
{
    size_t mask = lx->whash_cap - 1, i = word_hash(s, n) & mask;
    while (lx->whash[i].id1) i = (i + 1) & mask;
    lx->whash[i] = (wslot_t){word_head(s, n), (uint32_t)n, (int32_t)id + 1};
}

static int32_t word_intern(ne_lexicon_t *lx, const char *s, size_t n)
{
    int32_t w = ne_lex_word_find(lx, s, n);
    if (w >= 0) return w;
    /* at most five eighths full: with four slots to a cache line, a miss
     * still ends within a line or two */
    if ((lx->woff.n + 1) * 8 > lx->whash_cap * 5) {
        size_t ncap = lx->whash_cap ? lx->whash_cap * 2 : 4096;
        wslot_t *nh = calloc(ncap, sizeof(*nh));
        if (!nh) return -1;
        free(lx->whash);
        lx->whash = nh;
        lx->whash_cap = ncap;
        for (size_t k = 0; k < lx->woff.n; k++) {
            const char *ws = word_str(lx, (int32_t)k);
            whash_insert(lx, ws, strlen(ws), (uint32_t)k);
        }
    }
    while (lx->strs.n + n + 1 > lx->strs.cap)
        if (ne_vec_grow((void **)&lx->strs.v, &lx->strs.cap, 1) < 0) return -1;
    if (NE_VEC_RESERVE(lx->woff) < 0 || NE_VEC_RESERVE(lx->winfo) < 0 ||
        NE_VEC_RESERVE(lx->whot) < 0)
        return -1;
    uint32_t off = (uint32_t)lx->strs.n;
    memcpy(lx->strs.v + off, s, n);
    lx->strs.v[off + n] = '\0';
    lx->strs.n += n + 1;
    w = (int32_t)lx->woff.n;
    lx->woff.v[lx->woff.n++] = off;
    lx->whot.v[lx->whot.n++] = (whot_t){0, NE_LEX_NONE, NE_LEX_NONE, -1};
    winfo_t *wi = &lx->winfo.v[lx->winfo.n++];
    memset(wi, 0, sizeof(*wi));
    wi->lemma = NE_LEX_NONE;
    wi->irr = -1;
    wi->cphrase = NE_LEX_NONE;
    wi->noun = NE_LEX_NONE;
    wi->plural = -1;
    wi->mword = -1;
    whash_insert(lx, s, n, (uint32_t)w);
    return w;
}

static int32_t word_intern_z(ne_lexicon_t *lx, const char *s)
{
    return word_intern(lx, s, strlen(s));
}

uint64_t ne_lex_word_classes(const ne_lexicon_t *lx, int32_t w)
{
    return w < 0 ? 0 : lx->winfo.v[w].classes;
}

int32_t ne_lex_singular(const ne_lexicon_t *lx, int32_t w)
{
    return w < 0 ? -1 : lx->whot.v[w].singular;
}

uint32_t ne_lex_word_flags(const ne_lexicon_t *lx, int32_t w)
{
    return w < 0 ? 0 : lx->whot.v[w].flags;
}

int ne_lex_word_val(const ne_lexicon_t *lx, int32_t w)
{
    return w < 0 ? 0 : lx->winfo.v[w].val;
}

uint32_t ne_lex_date_rules(const ne_lexicon_t *lx, int32_t w)
{
    return w < 0 ? 0 : lx->winfo.v[w].date_rules;
}

/* ---- trie ------------------------------------------------------------- */

uint32_t ne_lex_child(const ne_lexicon_t *lx, uint32_t node, int32_t word)
{
    if (word < 0 || !lx->ecap) return NE_LEX_NONE;
    if (node == 0) return lx->whot.v[word].root;
    uint64_t key = ((uint64_t)node << 32) | (uint32_t)word;
    size_t mask = lx->ecap - 1, i = mix64(key) & mask;
    for (;;) {
        const struct edge_s *e = &lx->edge[i];
        if (e->val == NE_LEX_NONE) return NE_LEX_NONE;
        if (e->key == key) return e->val;
        i = (i + 1) & mask;
    }
}

static int edge_put(ne_lexicon_t *lx, uint64_t key, uint32_t val)
{
    size_t mask = lx->ecap - 1, i = mix64(key) & mask;
    while (lx->edge[i].val != NE_LEX_NONE) i = (i + 1) & mask;
    lx->edge[i].key = key;
    lx->edge[i].val = val;
    return 0;
}

static uint32_t new_node(ne_lexicon_t *lx)
{
    if (NE_VEC_RESERVE(lx->node_entry) < 0) return NE_LEX_NONE;
    lx->node_entry.v[lx->node_entry.n] = NE_LEX_NONE;
    return (uint32_t)lx->node_entry.n++;
}

static uint32_t trie_child_add(ne_lexicon_t *lx, uint32_t node, int32_t word)
{
    uint32_t c = ne_lex_child(lx, node, word);
    if (c != NE_LEX_NONE) return c;
    if ((lx->ecount + 1) * 2 > lx->ecap) {
        size_t ncap = lx->ecap ? lx->ecap * 2 : 4096;
        struct edge_s *ne = malloc(ncap * sizeof(*ne));
        if (!ne) return NE_LEX_NONE;
        for (size_t i = 0; i < ncap; i++) ne[i].val = NE_LEX_NONE;
        struct edge_s *old = lx->edge;
        size_t ocap = lx->ecap;
        lx->edge = ne;
        lx->ecap = ncap;
        for (size_t i = 0; i < ocap; i++)
            if (old[i].val != NE_LEX_NONE) edge_put(lx, old[i].key, old[i].val);
        free(old);
    }
    c = new_node(lx);
    if (c == NE_LEX_NONE) return c;
    edge_put(lx, ((uint64_t)node << 32) | (uint32_t)word, c);
    lx->ecount++;
    if (node == 0) lx->whot.v[word].root = c;
    return c;
}

uint32_t ne_lex_node_entry(const ne_lexicon_t *lx, uint32_t node)
{
    return node < lx->node_entry.n ? lx->node_entry.v[node] : NE_LEX_NONE;
}

const ne_lexent_t *ne_lex_entry(const ne_lexicon_t *lx, uint32_t idx)
{
    return &lx->ent.v[idx];
}

size_t ne_lex_entry_count(const ne_lexicon_t *lx)
{
    return lx->ent.n + lx->pat.n;
}

uint32_t ne_lex_mention_class(const ne_lexicon_t *lx, int32_t w, uint32_t cls,
                              const char **value)
{
    if (w < 0 || lx->winfo.v[w].mword < 0) return 0;
    const mword_t *m = &lx->mwords.v[lx->winfo.v[w].mword];
    if (value && (m->classes & cls)) {
        int k = 0;
        while (k < NE_MC_COUNT - 1 && !(cls & (1u << k)))
            k++;
        *value = m->val[k];
    }
    return m->classes;
}

uint32_t ne_lex_verb_flags(const ne_lexicon_t *lx, int32_t w)
{
    uint32_t flags = 0;
    for (uint32_t v = ne_lex_vforms(lx, w); v != NE_LEX_NONE; v = lx->vform.v[v].next)
        flags |= lx->lemma.v[lx->vform.v[v].lemma].flags;
    return flags;
}

uint32_t ne_lex_vforms(const ne_lexicon_t *lx, int32_t w)
{
    return w < 0 ? NE_LEX_NONE : lx->whot.v[w].vform;
}

const ne_vform_t *ne_lex_vform(const ne_lexicon_t *lx, uint32_t idx)
{
    return &lx->vform.v[idx];
}

uint32_t ne_lex_lemma_flags(const ne_lexicon_t *lx, uint32_t lemma)
{
    return lx->lemma.v[lemma].flags;
}

const char *ne_lex_lemma_name(const ne_lexicon_t *lx, uint32_t lemma)
{
    return word_str(lx, lx->lemma.v[lemma].word);
}

const ne_pattern_t *ne_lex_patterns(const ne_lexicon_t *lx, uint32_t lemma, size_t *n)
{
    const lemma_t *l = &lx->lemma.v[lemma];
    *n = l->pat_n;
    return l->pat_n ? &lx->patterns.v[l->pat_first] : NULL;
}

const ne_pelem_t *ne_lex_pelems(const ne_lexicon_t *lx)
{
    return lx->pel.v;
}

const int32_t *ne_lex_alts(const ne_lexicon_t *lx)
{
    return lx->alt.v;
}

uint32_t ne_lex_class_id(const ne_lexicon_t *lx, const char *name)
{
    for (size_t i = 0; i < lx->cname.n; i++)
        if (!strcmp(lx->cname.v[i], name)) return (uint32_t)i;
    return NE_LEX_NONE;
}

uint32_t ne_lex_noun(const ne_lexicon_t *lx, int32_t w)
{
    return w < 0 ? NE_LEX_NONE : lx->winfo.v[w].noun;
}

const ne_pattern_t *ne_lex_noun_patterns(const ne_lexicon_t *lx, uint32_t noun, size_t *n)
{
    const noun_t *nn = &lx->noun.v[noun];
    *n = nn->pat_n;
    return nn->pat_n ? &lx->patterns.v[nn->pat_first] : NULL;
}

uint32_t ne_lex_noun_roots(const ne_lexicon_t *lx, uint32_t noun)
{
    return lx->noun.v[noun].roots;
}

int32_t ne_lex_noun_word(const ne_lexicon_t *lx, uint32_t noun)
{
    return lx->noun.v[noun].word;
}

int ne_lex_noun_participants(const ne_lexicon_t *lx, uint32_t noun)
{
    return lx->noun.v[noun].participants;
}

const char *ne_lex_noun_name(const ne_lexicon_t *lx, uint32_t noun)
{
    return word_str(lx, lx->noun.v[noun].word);
}

uint32_t ne_lex_supports(const ne_lexicon_t *lx, uint32_t lemma)
{
    return lx->lemma.v[lemma].support;
}

const ne_support_t *ne_lex_support(const ne_lexicon_t *lx, uint32_t idx)
{
    return &lx->sup.v[idx];
}

int ne_lex_near_words(const ne_lexicon_t *lx, const int32_t **words)
{
    *words = lx->near_words;
    return lx->nnear;
}

uint32_t ne_lex_gclass(const ne_lexicon_t *lx, int gc)
{
    return gc >= 0 && gc < NE_GC_COUNT ? lx->gclass[gc] : NE_LEX_NONE;
}

uint32_t ne_lex_cphrases(const ne_lexicon_t *lx, int32_t w)
{
    return w < 0 ? NE_LEX_NONE : lx->winfo.v[w].cphrase;
}

const ne_cphrase_t *ne_lex_cphrase(const ne_lexicon_t *lx, uint32_t idx)
{
    return &lx->cph.v[idx];
}

const int32_t *ne_lex_cwords(const ne_lexicon_t *lx)
{
    return lx->cword.v;
}

int ne_lex_in_class(const ne_lexicon_t *lx, uint32_t cls, int32_t w)
{
    for (uint32_t k = ne_lex_cphrases(lx, w); k != NE_LEX_NONE; k = lx->cph.v[k].next)
        if (lx->cph.v[k].cls == cls && lx->cph.v[k].nwords == 1) return 1;
    return 0;
}

static int cameo_cmp(const void *a, const void *b)
{
    return strcmp(((const ne_cameo_t *)a)->code, ((const ne_cameo_t *)b)->code);
}

/* A code's first four bytes as a number that orders as strcmp orders the
 * codes: from the most significant byte, zeros after its end. */
static uint32_t cameo_key(const char *code)
{
    uint32_t k = 0;
    int i = 0;
    for (; i < 4 && code[i]; i++) k = k << 8 | (unsigned char)code[i];
    for (; i < 4; i++) k <<= 8;
    return k;
}

const ne_cameo_t *ne_lex_cameo(const ne_lexicon_t *lx, const char *code)
{
    /* bsearch's halving, so the same entry, over the packed codes: an
     * integer comparison a step instead of strcmp through a callback */
    uint32_t key = cameo_key(code);
    size_t l = 0, u = lx->cameo.n;
    while (l < u) {
        size_t m = (l + u) / 2;
        if (key < lx->cameo_key[m]) u = m;
        else if (key > lx->cameo_key[m]) l = m + 1;
        else return &lx->cameo.v[m];
    }
    return NULL;
}

/* ---- phrases ---------------------------------------------------------- */

/* Tokenize a dictionary phrase with the text tokenizer, so that phrases and
 * articles are split the same way. Returns the number of word ids written
 * (at most max), or -1. A possessive may be written as its own word
 * ("people 's", "'s"). */
static int phrase_words(ne_lexicon_t *lx, const char *phrase, int32_t *ids, int max)
{
    char buf[512];
    copy_cstr(buf, sizeof(buf), phrase);
    int k = 0;
    ne_doc_t *d = &lx->scratch;
    /* the pieces between spaces: strtok_r's, without its two calls a piece */
    for (char *p = buf;;) {
        while (*p == ' ') p++;
        if (!*p) break;
        char *piece = p;
        while (*p && *p != ' ') p++;
        if (*p) *p++ = '\0';
        if (!strcmp(piece, "'s") || !strcmp(piece, "\xe2\x80\x99s")) {
            if (k >= max) return -1;
            if ((ids[k++] = word_intern(lx, "'s", 2)) < 0) return -1;
            continue;
        }
        if (ne_text_tokenize(d, piece, strlen(piece), NULL) < 0) return -1;
        for (size_t i = 0; i < d->tok.n; i++) {
            ne_token_t *t = &d->tok.v[i];
            if (!t->fold_len || k >= max) return -1;
            ids[k] = word_intern(lx, ne_tok_fold(d, t), t->fold_len);
            if (ids[k] < 0) return -1;
            k++;
        }
    }
    return k;
}

static uint32_t add_entry(ne_lexicon_t *lx, const int32_t *ids, int n, const ne_lexent_t *e)
{
    uint32_t node = 0;
    for (int i = 0; i < n; i++) {
        node = trie_child_add(lx, node, ids[i]);
        if (node == NE_LEX_NONE) return NE_LEX_NONE;
    }
    if (NE_VEC_RESERVE(lx->ent) < 0) return NE_LEX_NONE;
    uint32_t idx = (uint32_t)lx->ent.n++;
    lx->ent.v[idx] = *e;
    lx->ent.v[idx].nwords = (uint8_t)n;
    /* keep the chain in file order */
    lx->ent.v[idx].next = NE_LEX_NONE;
    uint32_t *pp = &lx->node_entry.v[node];
    while (*pp != NE_LEX_NONE) pp = &lx->ent.v[*pp].next;
    *pp = idx;
    return idx;
}

int32_t ne_lex_parse_validity(const char *s, int is_end)
{
    if (strcmp(s, "-") == 0 || *s == '\0') return 0;
    int y = 0, m = 0, d = 0;
    char tail;
    /* the usual YYYY-MM-DD without sscanf, the cost of loading the actors */
    static const char full[] = "9999-99-99";
    size_t k = 0;
    while (full[k] && (full[k] == '9' ? s[k] >= '0' && s[k] <= '9' : s[k] == full[k])) k++;
    if (!full[k] && !s[k]) {
        y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
        m = (s[5] - '0') * 10 + (s[6] - '0');
        d = (s[8] - '0') * 10 + (s[9] - '0');
    } else if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3) {
    } else if (sscanf(s, "%4d-%2d%c", &y, &m, &tail) == 2) {
        d = is_end ? 31 : 1;
    } else if (sscanf(s, "%4d%c", &y, &tail) == 1) {
        m = is_end ? 12 : 1;
        d = is_end ? 31 : 1;
    } else {
        return -1;
    }
    if (y < 1000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return -1;
    return y * 10000 + m * 100 + d;
}

/* ---- verbs -------------------------------------------------------------- */

static int add_vform(ne_lexicon_t *lx, uint32_t lemma, const char *form, uint8_t bits)
{
    int32_t w = word_intern_z(lx, form);
    if (w < 0) return -1;
    for (uint32_t i = lx->whot.v[w].vform; i != NE_LEX_NONE; i = lx->vform.v[i].next)
        if (lx->vform.v[i].lemma == lemma) {
            lx->vform.v[i].forms |= bits;
            return 0;
        }
    if (NE_VEC_RESERVE(lx->vform) < 0) return -1;
    uint32_t idx = (uint32_t)lx->vform.n++;
    lx->vform.v[idx].lemma = lemma;
    lx->vform.v[idx].forms = bits;
    lx->vform.v[idx].next = lx->whot.v[w].vform;
    lx->whot.v[w].vform = idx;
    return 0;
}

static int add_forms_list(ne_lexicon_t *lx, uint32_t lemma, const char *list, uint8_t bits)
{
    char buf[128];
    copy_cstr(buf, sizeof(buf), list);
    for (char *save = NULL, *f = strtok_r(buf, "|", &save); f; f = strtok_r(NULL, "|", &save))
        if (add_vform(lx, lemma, f, bits) < 0) return -1;
    return 0;
}

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Regular English inflection. Where the spelling rule is ambiguous (final
 * consonant doubling, -l in British spelling) both variants are generated:
 * a form that is not a word never occurs in text, so it costs nothing. */
static int gen_regular(ne_lexicon_t *lx, uint32_t lemma, const char *b, int want_past,
                       int want_s, int want_ing)
{
    char f[96];
    size_t n = strlen(b);
    if (n == 0 || n > 60) return 0;
    char last = b[n - 1], prev = n > 1 ? b[n - 2] : 0;
    int cvc = n >= 3 && !is_vowel(last) && last != 'w' && last != 'x' && last != 'y' &&
              is_vowel(prev) && !is_vowel(b[n - 3]);
    /* British spelling doubles a final -l after any vowel: "initialled" */
    if (n >= 3 && last == 'l' && is_vowel(prev)) cvc = 1;
    if (want_s) {
        if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's')))
            snprintf(f, sizeof(f), "%ses", b);
        else if (last == 'y' && !is_vowel(prev))
            snprintf(f, sizeof(f), "%.*sies", (int)n - 1, b);
        else if (last == 'o' && !is_vowel(prev)) {
            snprintf(f, sizeof(f), "%ses", b);
            if (add_vform(lx, lemma, f, NE_F_S) < 0) return -1;
            snprintf(f, sizeof(f), "%ss", b);
        } else
            snprintf(f, sizeof(f), "%ss", b);
        if (add_vform(lx, lemma, f, NE_F_S) < 0) return -1;
    }
    if (want_past) {
        if (last == 'e')
            snprintf(f, sizeof(f), "%sd", b);
        else if (last == 'y' && !is_vowel(prev))
            snprintf(f, sizeof(f), "%.*sied", (int)n - 1, b);
        else
            snprintf(f, sizeof(f), "%sed", b);
        if (add_vform(lx, lemma, f, NE_F_PAST | NE_F_PPART) < 0) return -1;
        if (cvc) {
            snprintf(f, sizeof(f), "%s%ced", b, last);
            if (add_vform(lx, lemma, f, NE_F_PAST | NE_F_PPART) < 0) return -1;
        }
    }
    if (want_ing) {
        if (n >= 2 && last == 'e' && prev == 'i')
            snprintf(f, sizeof(f), "%.*sying", (int)n - 2, b);
        else if (last == 'e' && prev != 'e' && prev != 'y' && prev != 'o')
            snprintf(f, sizeof(f), "%.*sing", (int)n - 1, b);
        else
            snprintf(f, sizeof(f), "%sing", b);
        if (add_vform(lx, lemma, f, NE_F_ING) < 0) return -1;
        if (cvc) {
            snprintf(f, sizeof(f), "%s%cing", b, last);
            if (add_vform(lx, lemma, f, NE_F_ING) < 0) return -1;
        }
    }
    return 0;
}

/* The lemma for a base word, created with all its forms on first use. */
static uint32_t lemma_get(ne_lexicon_t *lx, const char *base)
{
    int32_t w = word_intern_z(lx, base);
    if (w < 0) return NE_LEX_NONE;
    if (lx->winfo.v[w].lemma != NE_LEX_NONE) return lx->winfo.v[w].lemma;
    if (NE_VEC_RESERVE(lx->lemma) < 0) return NE_LEX_NONE;
    uint32_t li = (uint32_t)lx->lemma.n++;
    lemma_t *l = &lx->lemma.v[li];
    memset(l, 0, sizeof(*l));
    l->word = w;
    l->support = NE_LEX_NONE;
    lx->winfo.v[w].lemma = li;
    if (add_vform(lx, li, base, NE_F_BASE) < 0) return NE_LEX_NONE;
    int32_t irr = lx->winfo.v[w].irr;
    if (irr >= 0) {
        irregular_t *ir = &lx->irr.v[irr];
        static const uint8_t bits[4] = {NE_F_PAST, NE_F_PPART, NE_F_S, NE_F_ING};
        for (int k = 0; k < 4; k++)
            if (ir->forms[k] && add_forms_list(lx, li, ir->forms[k], bits[k]) < 0)
                return NE_LEX_NONE;
        if (gen_regular(lx, li, base, 0, !ir->forms[2], !ir->forms[3]) < 0) return NE_LEX_NONE;
    } else if (gen_regular(lx, li, base, 1, 1, 1) < 0) {
        return NE_LEX_NONE;
    }
    return li;
}

/* ---- files ------------------------------------------------------------- */

typedef struct loader_s {
    ne_lexicon_t *lx;
    const char *path;
    int line;
    char *err;
    size_t errsz;
    uint32_t pgroup; /* 1 + the first entry of the last person's alias lines, 0: none */
    size_t cameo_hit; /* the code cameo_find_unsorted found last: patterns come grouped by code */
} loader_t;

static int fail(loader_t *ld, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (ld->line)
        snprintf(ld->err, ld->errsz, "%s:%d: %s", ld->path, ld->line, msg);
    else
        snprintf(ld->err, ld->errsz, "%s: %s", ld->path, msg);
    return -1;
}

/* Split a line into TAB-separated fields (in place); strips a trailing
 * comment and white space. Returns the field count. */
static int split_fields(char *line, char **f, int max)
{
    size_t n = strlen(line);
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
    char *hash = strstr(line, "\t#");
    if (hash) *hash = '\0';
    if (line[0] == '#') return 0;
    int k = 0;
    char *p = line;
    while (k < max) {
        char *tab = strchr(p, '\t');
        if (tab) *tab = '\0';
        /* trim */
        while (*p == ' ') p++;
        char *e = p + strlen(p);
        while (e > p && (e[-1] == ' ' || e[-1] == '\t')) *--e = '\0';
        f[k++] = p;
        if (!tab) break;
        p = tab + 1;
        while (*p == '\t') p++; /* tolerate several TABs between fields */
    }
    if (k == 1 && f[0][0] == '\0') return 0;
    return k;
}

static int valid_code(const char *c)
{
    size_t n = strlen(c);
    if (n < 3 || n >= 16) return 0;
    for (size_t i = 0; i < n; i++)
        if (!isupper((unsigned char)c[i]) && !(i >= 3 && isdigit((unsigned char)c[i]))) return 0;
    return 1;
}

/* A group of states' code: two to four states' three letters joined by
 * '+' ("EST+LVA+LTU"), so that it fits an entry's code field. */
static int valid_state_list(const char *c)
{
    size_t n = strlen(c);
    if (n < 7 || n > 15 || n % 4 != 3) return 0;
    for (size_t i = 0; i < n; i++)
        if (i % 4 == 3 ? c[i] != '+' : !isupper((unsigned char)c[i])) return 0;
    return 1;
}

static int load_actor_line(loader_t *ld, char **f, int nf)
{
    static const struct { const char *name; int kind;
    } kinds[] = {{"country", NE_AK_COUNTRY},   {"adj", NE_AK_ADJ},
                 {"people", NE_AK_PEOPLE},     {"capital", NE_AK_CAPITAL},
                 {"seat", NE_AK_SEAT},         {"place", NE_AK_PLACE},
                 {"igo", NE_AK_IGO},           {"group", NE_AK_GROUP},
                 {"movement", NE_AK_MOVEMENT}, {"person", NE_AK_PERSON},
                 {"surname", NE_AK_SURNAME},   {"states", NE_AK_STATES},
                 {NULL, 0}};
    if (nf < 3) return fail(ld, "expected phrase, code and kind separated by TABs");
    ne_lexent_t e;
    memset(&e, 0, sizeof(e));
    e.person = NE_LEX_NONE;
    for (int k = 0; kinds[k].name; k++)
        if (strcmp(f[2], kinds[k].name) == 0) e.kind = (uint8_t)kinds[k].kind;
    if (!e.kind) return fail(ld, "unknown actor kind '%s'", f[2]);
    if (e.kind == NE_AK_STATES ? !valid_state_list(f[1]) : !valid_code(f[1]))
        return fail(ld, "bad actor code '%s'", f[1]);
    copy_cstr(e.code, sizeof(e.code), f[1]);
    if (nf >= 4 && (e.from = ne_lex_parse_validity(f[3], 0)) < 0)
        return fail(ld, "bad valid-from date '%s'", f[3]);
    if (nf >= 5 && (e.to = ne_lex_parse_validity(f[4], 1)) < 0)
        return fail(ld, "bad valid-to date '%s'", f[4]);
    int32_t ids[32];
    int n = phrase_words(ld->lx, f[0], ids, 32);
    if (n <= 0) return fail(ld, "empty or too long phrase '%s'", f[0]);
    /* Consecutive person lines with one code and period are aliases of one
     * person ("luiz inacio lula da silva", "lula da silva"), and a surname
     * line after them ("lula") is theirs: all carry the first line's index
     * as the person's identity, so "Lula" codes after any of the names. */
    const ne_lexent_t *g = ld->pgroup ? ne_lex_entry(ld->lx, ld->pgroup - 1) : NULL;
    int same = g && !strcmp(g->code, e.code) && g->from == e.from && g->to == e.to;
    if (e.kind == NE_AK_SURNAME && same) e.person = ld->pgroup - 1;
    uint32_t idx = add_entry(ld->lx, ids, n, &e);
    if (idx == NE_LEX_NONE) return fail(ld, "out of memory");
    if (e.kind == NE_AK_PEOPLE) /* a class member `@people` takes it ("killed dozens of Palestinians") */
        for (int k = -1; k < n; k++) {
            if (NE_VEC_RESERVE(ld->lx->pword) < 0) return fail(ld, "out of memory");
            ld->lx->pword.v[ld->lx->pword.n++] = k < 0 ? n : ids[k];
        }
    if (e.kind == NE_AK_PERSON) {
        if (!same) ld->pgroup = idx + 1;
        ld->lx->ent.v[idx].person = ld->pgroup - 1;
    }
    /* A person's surname: the last word, unless it is a particle or the
     * name is one word. It codes only after a first mention or a title
     * (actors.c decides), so a shared surname costs nothing. */
    if (e.kind == NE_AK_PERSON && n >= 2) {
        ne_lexent_t s = e;
        s.kind = NE_AK_SURNAME;
        s.person = ld->pgroup - 1;
        int first = n - 1;
        /* al-Assad, bin Salman: keep the particle with the surname */
        if (first >= 2 && strcmp(word_str(ld->lx, ids[first - 1]), "-") == 0) first -= 2;
        else if (first >= 1 && (ne_lex_word_flags(ld->lx, ids[first - 1]) & NE_W_PARTICLE))
            first -= 1;
        if (add_entry(ld->lx, ids + first, n - first, &s) == NE_LEX_NONE)
            return fail(ld, "out of memory");
    }
    return 0;
}

/* ---- noun plurals ------------------------------------------------------ */

/* Regular plurals of a noun, written to out (at most 3, each < 96 bytes):
 * "officers", "allies", "crises", "spokesmen", "spokespeople". Where the
 * spelling is ambiguous every variant is generated, as for verbs ("chief"
 * -> chiefs, chieves; "policeman" -> policemen, policemans): a form that is
 * not a word never occurs in text. Irregular plurals are data (the plural
 * column of classes.tsv and roles.tsv). */
/* out = the first keep bytes of b, then suffix: snprintf's "%.*s%s" without
 * parsing a format, which cost more than the rest of a plural (keep <= 80,
 * suffix <= 6 bytes, out has 96) */
static void stem_plus(char *out, const char *b, size_t keep, const char *suffix)
{
    memcpy(out, b, keep);
    strcpy(out + keep, suffix);
}

static int noun_plurals(const char *b, char out[3][96])
{
    size_t n = strlen(b);
    if (n == 0 || n > 80) return 0;
    char last = b[n - 1], prev = n > 1 ? b[n - 2] : 0;
    int k = 0;
    if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's'))) {
        stem_plus(out[k++], b, n, "es");
        if (n > 2 && last == 's' && prev == 'i') stem_plus(out[k++], b, n - 2, "es");
    } else if (last == 'y' && !is_vowel(prev)) {
        stem_plus(out[k++], b, n - 1, "ies");
    } else if (n >= 3 && !strcmp(b + n - 3, "man")) {
        stem_plus(out[k++], b, n - 3, "men");
        stem_plus(out[k++], b, n, "s");
    } else if (n >= 6 && !strcmp(b + n - 6, "person")) {
        stem_plus(out[k++], b, n, "s");
        stem_plus(out[k++], b, n - 6, "people");
    } else if (last == 'f' || (last == 'e' && prev == 'f')) {
        stem_plus(out[k++], b, n - (last == 'f' ? 1 : 2), "ves");
        stem_plus(out[k++], b, n, "s");
    } else if (last == 'o' && !is_vowel(prev)) {
        stem_plus(out[k++], b, n, "es");
        stem_plus(out[k++], b, n, "s");
    } else {
        stem_plus(out[k++], b, n, "s");
    }
    return k;
}

/* Grammar words (determiners, prepositions, auxiliaries, ...) have no
 * plural: "a" is not the singular of "as". Speech nouns are nouns of the
 * grammar ("statement" is an agreement too, "statements" its plural). */
static int has_plural(const ne_lexicon_t *lx, int32_t w)
{
    return (lx->whot.v[w].flags & ~(uint32_t)NE_W_SPEECH_NOUN) == 0;
}

/* Word ids of the plurals of word w: the irregular one the data gives,
 * else the regular ones. Returns the count (at most 3), -1 on no memory. */
static int plural_ids(ne_lexicon_t *lx, int32_t w, int32_t out[3])
{
    if (!has_plural(lx, w)) return 0;
    if (lx->winfo.v[w].plural >= 0) {
        out[0] = lx->winfo.v[w].plural;
        return 1;
    }
    char pl[3][96];
    int k = noun_plurals(word_str(lx, w), pl);
    for (int i = 0; i < k; i++)
        if ((out[i] = word_intern_z(lx, pl[i])) < 0) return -1;
    return k;
}

/* The word of a noun phrase that takes the plural: the one before its
 * first preposition ("heads of state", "ministers for foreign affairs",
 * "cessations of hostilities"), else the last. */
static int phrase_head(const ne_lexicon_t *lx, const int32_t *ids, int n)
{
    for (int i = 1; i < n; i++)
        if (lx->whot.v[ids[i]].flags & NE_W_PREP) return i - 1;
    return n - 1;
}

/* An irregular plural given in a data line's plural column ("child" ...
 * "children") for the head word of its phrase; "" or "-" for none. */
static int set_plural(loader_t *ld, int32_t head, const char *plural)
{
    if (!plural[0] || !strcmp(plural, "-")) return 0;
    int32_t pl[4];
    if (phrase_words(ld->lx, plural, pl, 4) != 1)
        return fail(ld, "the plural '%s' must be one word", plural);
    ld->lx->winfo.v[head].plural = pl[0];
    return 0;
}

/* Does trie node `node` already hold an entry of this kind and code? */
static int entry_exists(const ne_lexicon_t *lx, const int32_t *ids, int n,
                        const ne_lexent_t *e)
{
    uint32_t node = 0;
    for (int i = 0; i < n && node != NE_LEX_NONE; i++)
        node = ne_lex_child(lx, node, ids[i]);
    if (node == NE_LEX_NONE) return 0;
    for (uint32_t k = ne_lex_node_entry(lx, node); k != NE_LEX_NONE;
         k = lx->ent.v[k].next)
        if (lx->ent.v[k].kind == e->kind && !strcmp(lx->ent.v[k].code, e->code)) return 1;
    return 0;
}

/* Add a role line and the plural of its head noun; a phrase already
 * listed with the same kind and role is not added twice. */
static int add_role_forms(loader_t *ld, int32_t *ids, int n, ne_lexent_t *e)
{
    if (!entry_exists(ld->lx, ids, n, e) && add_entry(ld->lx, ids, n, e) == NE_LEX_NONE)
        return fail(ld, "out of memory");
    int h = phrase_head(ld->lx, ids, n);
    int32_t head = ids[h], forms[3];
    int nf = plural_ids(ld->lx, head, forms);
    if (nf < 0) return fail(ld, "out of memory");
    ne_lexent_t pl = *e;
    pl.plural = 1;
    for (int k = 0; k < nf; k++) {
        ids[h] = forms[k];
        if (!entry_exists(ld->lx, ids, n, &pl) &&
            add_entry(ld->lx, ids, n, &pl) == NE_LEX_NONE)
            return fail(ld, "out of memory");
    }
    ids[h] = head;
    return 0;
}

static int load_role_line(loader_t *ld, char **f, int nf)
{
    static const char *const roles[] = {"GOV", "MIL", "COP", "REB", "OPP", "CVL", "MED",
                                        "BUS", "-", "SEC", "IGO", NULL};
    if (nf < 3) return fail(ld, "expected phrase, role and kind separated by TABs");
    ne_lexent_t e;
    memset(&e, 0, sizeof(e));
    e.person = NE_LEX_NONE;
    int ok = 0;
    for (int k = 0; roles[k]; k++) ok |= strcmp(f[1], roles[k]) == 0;
    if (!ok) return fail(ld, "unknown role '%s'", f[1]);
    if (strcmp(f[2], "title") == 0) e.kind = NE_RK_TITLE;
    else if (strcmp(f[2], "body") == 0) e.kind = NE_RK_BODY;
    else if (strcmp(f[2], "arms") == 0)
        e.kind = NE_RK_ARMS;
    else if (strcmp(f[2], "person") == 0)
        e.kind = NE_RK_PERSON;
    else
        return fail(ld, "unknown role kind '%s' (title, body, person or arms)", f[2]);
    copy_cstr(e.code, sizeof(e.code), strcmp(f[1], "-") ? f[1] : "");
    int32_t ids[32];
    int n = phrase_words(ld->lx, f[0], ids, 32);
    if (n <= 0) return fail(ld, "empty or too long phrase '%s'", f[0]);
    if (nf >= 4 && set_plural(ld, ids[phrase_head(ld->lx, ids, n)], f[3]) < 0) return -1;
    return add_role_forms(ld, ids, n, &e);
}

/* mention-words.tsv: word <TAB> class [<TAB> value]. Nouns of the classes
 * that take a plural get it generated ("side" gives "sides"). */
static int load_mention_line(loader_t *ld, char **f, int nf)
{
    static const struct {
        const char *name;
        uint32_t cls;
        int plural;
    } classes[] = {{"org-head", NE_MC_ORG_HEAD, 1},
                   {"group", NE_MC_GROUP, 1},
                   {"type", NE_MC_TYPE, 0},
                   {"ethnic", NE_MC_ETHNIC, 0},
                   {"members", NE_MC_MEMBERS, 1},
                   {"patron", NE_MC_PATRON, 0},
                   {"water", NE_MC_WATER, 0},
                   {"former", NE_MC_FORMER, 0},
                   {"thing", NE_MC_THING, 1},
                   {"allegiance", NE_MC_ALLEGIANCE, 0},
                   {"surname", NE_MC_SURNAME, 0},
                   {"region", NE_MC_REGION, 0},
                   {"led", NE_MC_LED, 1},
                   {"given", NE_MC_GIVEN, 0},
                   {"adjective", NE_MC_CAP_ADJ, 0},
                   {"continent", NE_MC_CONTINENT, 0},
                   {"relational", NE_MC_RELATIONAL, 0},
                   {"topic", NE_MC_TOPIC, 0},
                   {"guest", NE_MC_GUEST, 1},
                   {"doer", NE_MC_DOER, 1},
                   {NULL, 0, 0}};
    if (nf < 2) return fail(ld, "expected word and class separated by a TAB");
    int c = 0;
    while (classes[c].name && strcmp(classes[c].name, f[1]))
        c++;
    if (!classes[c].name) return fail(ld, "unknown word class '%s'", f[1]);
    int bit = 0;
    while (!(classes[c].cls & (1u << bit)))
        bit++;
    const char *value = nf >= 3 ? f[2] : "";
    if (strlen(value) >= sizeof(((mword_t *)0)->val[0]))
        return fail(ld, "value too long '%s'", value);
    if (strchr(f[0], ' ')) return fail(ld, "'%s' is not one word", f[0]);
    ne_lexicon_t *lx = ld->lx;
    int32_t forms[4];
    if ((forms[0] = word_intern_z(lx, f[0])) < 0) return fail(ld, "out of memory");
    int np = classes[c].plural ? plural_ids(lx, forms[0], forms + 1) : 0;
    if (np < 0) return fail(ld, "out of memory");
    for (int k = 0; k <= np; k++) {
        int32_t w = forms[k];
        if (lx->winfo.v[w].mword < 0) {
            if (NE_VEC_RESERVE(lx->mwords) < 0) return fail(ld, "out of memory");
            memset(&lx->mwords.v[lx->mwords.n], 0, sizeof(mword_t));
            lx->winfo.v[w].mword = (int32_t)lx->mwords.n++;
        }
        mword_t *m = &lx->mwords.v[lx->winfo.v[w].mword];
        m->classes |= classes[c].cls;
        copy_cstr(m->val[bit], sizeof(m->val[bit]), value);
    }
    return 0;
}

static int load_cameo_line(loader_t *ld, char **f, int nf)
{
    if (nf < 4) return fail(ld, "expected code, goldstein, quad_class and label");
    size_t cl = strlen(f[0]);
    if (cl < 2 || cl > 4 || strspn(f[0], "0123456789") != cl)
        return fail(ld, "bad CAMEO code '%s'", f[0]);
    char *end;
    double g = strtod(f[1], &end);
    if (*end || g < -10 || g > 10) return fail(ld, "bad Goldstein value '%s'", f[1]);
    int q = atoi(f[2]);
    if (q < 1 || q > 4) return fail(ld, "bad quad class '%s'", f[2]);
    if (NE_VEC_RESERVE(ld->lx->cameo) < 0 || NE_VEC_RESERVE(ld->lx->owned) < 0)
        return fail(ld, "out of memory");
    char *label = strdup(f[3]);
    if (!label) return fail(ld, "out of memory");
    ld->lx->owned.v[ld->lx->owned.n++] = label;
    ne_cameo_t *c = &ld->lx->cameo.v[ld->lx->cameo.n++];
    copy_cstr(c->code, sizeof(c->code), f[0]);
    c->goldstein = g;
    c->quad = q;
    c->label = label;
    return 0;
}

static int load_irregular_line(loader_t *ld, char **f, int nf)
{
    if (nf < 3) return fail(ld, "expected base, past and past participle");
    int32_t w = word_intern_z(ld->lx, f[0]);
    if (w < 0) return fail(ld, "out of memory");
    if (NE_VEC_RESERVE(ld->lx->irr) < 0) return fail(ld, "out of memory");
    irregular_t *ir = &ld->lx->irr.v[ld->lx->irr.n];
    memset(ir, 0, sizeof(*ir));
    for (int k = 0; k < 4 && k + 1 < nf; k++) {
        if (!f[k + 1][0] || strcmp(f[k + 1], "-") == 0) continue;
        if (!(ir->forms[k] = strdup(f[k + 1]))) return fail(ld, "out of memory");
    }
    ld->lx->winfo.v[w].irr = (int32_t)ld->lx->irr.n++;
    return 0;
}

/* ---- nouns and classes ------------------------------------------------ */

static int add_cphrase(ne_lexicon_t *lx, uint32_t cls, const int32_t *ids, int n)
{
    if (NE_VEC_RESERVE(lx->cph) < 0) return -1;
    for (int i = 0; i < n; i++) {
        if (NE_VEC_RESERVE(lx->cword) < 0) return -1;
        lx->cword.v[lx->cword.n++] = ids[i];
    }
    ne_cphrase_t *cp = &lx->cph.v[lx->cph.n];
    cp->cls = (uint16_t)cls;
    cp->nwords = (uint8_t)n;
    cp->words = (uint32_t)(lx->cword.n - (size_t)n);
    cp->next = lx->winfo.v[ids[0]].cphrase;
    lx->winfo.v[ids[0]].cphrase = (uint32_t)lx->cph.n++;
    if (cls < 64) lx->winfo.v[ids[0]].classes |= 1ull << cls;
    return 0;
}

static int valid_class_name(const char *s)
{
    if (!*s) return 0;
    for (; *s; s++)
        if (!isupper((unsigned char)*s) && !isdigit((unsigned char)*s) && *s != '_') return 0;
    return 1;
}

/* CLASS <TAB> phrase [<TAB> plural]: a member of a noun class, in the
 * singular; its plural is generated on the head word (phrase_head), or
 * given. */
static int load_class_line(loader_t *ld, char **f, int nf)
{
    ne_lexicon_t *lx = ld->lx;
    if (nf < 2) return fail(ld, "expected class and phrase separated by a TAB");
    if (!valid_class_name(f[0])) return fail(ld, "bad class name '%s' (upper case, digits, _)", f[0]);
    uint32_t cls = ne_lex_class_id(lx, f[0]);
    if (cls == NE_LEX_NONE) {
        if (lx->cname.n >= 65535) return fail(ld, "too many classes");
        if (NE_VEC_RESERVE(lx->cname) < 0 || NE_VEC_RESERVE(lx->owned) < 0) return fail(ld, "out of memory");
        char *name = strdup(f[0]);
        if (!name) return fail(ld, "out of memory");
        lx->owned.v[lx->owned.n++] = name;
        cls = (uint32_t)lx->cname.n;
        lx->cname.v[lx->cname.n++] = name;
    }
    if (!strcmp(f[1], "@people")) {
        /* every people's name of the actor files ("Palestinians", "Uighurs") */
        for (size_t k = 0; k < lx->pword.n; k += 1 + (size_t)lx->pword.v[k])
            if (add_cphrase(lx, cls, lx->pword.v + k + 1, lx->pword.v[k]) < 0)
                return fail(ld, "out of memory");
        return 0;
    }
    if (f[1][0] == '&') {
        /* every member of a class defined before ("WEAPONS  &ARTILLERY") */
        uint32_t sub = ne_lex_class_id(lx, f[1] + 1);
        if (sub == NE_LEX_NONE) return fail(ld, "unknown class '%s' (define it first)", f[1]);
        if (sub == cls) return fail(ld, "a class cannot contain itself");
        for (size_t k = 0, nph = lx->cph.n; k < nph; k++) {
            if (lx->cph.v[k].cls != sub) continue;
            int32_t ids[16];
            uint8_t n = lx->cph.v[k].nwords;
            memcpy(ids, lx->cword.v + lx->cph.v[k].words, n * sizeof(int32_t));
            if (add_cphrase(lx, cls, ids, n) < 0) return fail(ld, "out of memory");
        }
        return 0;
    }
    int32_t ids[16];
    int n = phrase_words(lx, f[1], ids, 16);
    if (n <= 0) return fail(ld, "empty or too long phrase '%s'", f[1]);
    int head = phrase_head(lx, ids, n);
    if (nf >= 3 && set_plural(ld, ids[head], f[2]) < 0) return -1;
    if (add_cphrase(lx, cls, ids, n) < 0) return fail(ld, "out of memory");
    int32_t pl[3];
    int np = plural_ids(lx, ids[head], pl);
    if (np < 0) return fail(ld, "out of memory");
    int32_t sing = ids[head];
    for (int i = 0; i < np; i++) {
        ids[head] = pl[i];
        if (add_cphrase(lx, cls, ids, n) < 0) return fail(ld, "out of memory");
    }
    ids[head] = sing;
    return 0;
}

static const ne_cameo_t *cameo_find_unsorted(loader_t *ld, const char *code)
{
    const ne_lexicon_t *lx = ld->lx;
    if (ld->cameo_hit < lx->cameo.n && strcmp(lx->cameo.v[ld->cameo_hit].code, code) == 0)
        return &lx->cameo.v[ld->cameo_hit];
    for (size_t i = 0; i < lx->cameo.n; i++)
        if (strcmp(lx->cameo.v[i].code, code) == 0) {
            ld->cameo_hit = i;
            return &lx->cameo.v[i];
        }
    return NULL;
}

/* ---- grammar words: grammar.tsv ------------------------------------------ */

/* The classes a grammar line may name: a word class sets word flags, a
 * lemma class sets the flags of a verb lemma (all its forms); a timestart-*
 * class also names the date rules (NE_DR_*) its words may begin. */
static const struct grammar_class_s {
    const char *name;
    uint32_t flags;
    int lemma;
    uint32_t date_rules;
} GRAMMAR_CLASSES[] = {
    {"det", NE_W_DET, 0},
    {"poss", NE_W_POSS, 0},
    {"pron", NE_W_PRON, 0},
    {"rel", NE_W_REL, 0},
    {"prep", NE_W_PREP, 0},
    {"conj", NE_W_CONJ, 0},
    {"be", NE_W_BE, 0},
    {"have", NE_W_HAVE, 0},
    {"do", NE_W_DO, 0},
    {"future", NE_W_FUTURE, 0},
    {"modal", NE_W_MODAL, 0},
    {"neg", NE_W_NEG, 0},
    {"subord", NE_W_SUBORD, 0},
    {"hypo", NE_W_HYPO, 0},
    {"title-abbr", NE_W_TITLE_ABBR, 0},
    {"intent-adj", NE_W_INTENT_ADJ, 0},
    {"act-adj", NE_W_ACT_ADJ, 0},
    {"adv", NE_W_ADV, 0},
    {"num", NE_W_NUM, 0},
    {"deontic", NE_W_DEONTIC, 0},
    {"speech-noun", NE_W_SPEECH_NOUN, 0},
    {"pron-subject", NE_W_NOMINATIVE, 0},
    {"present", NE_W_PRESENT, 0},
    {"possible", NE_W_POSSIBLE, 0},
    {"condition", NE_W_CONDITION, 0},
    {"future-time", NE_W_FUTURE_TIME, 0},
    {"feeling", NE_W_FEELING, 0},
    {"timestart-relative-day", NE_W_TIMESTART, 0, NE_DR_RELATIVE_DAY},
    {"timestart-day-word", NE_W_TIMESTART, 0, NE_DR_DAY_WORD},
    {"timestart-weekend", NE_W_TIMESTART, 0, NE_DR_WEEKEND},
    {"timestart-period", NE_W_TIMESTART, 0, NE_DR_PERIOD},
    {"timestart-ago", NE_W_TIMESTART, 0, NE_DR_AGO},
    {"timestart-recently", NE_W_TIMESTART, 0, NE_DR_RECENTLY},
    {"timestart-weekday", NE_W_TIMESTART, 0, NE_DR_WEEKDAY},
    {"timestart-month", NE_W_TIMESTART, 0, NE_DR_MONTH},
    {"timestart-year", NE_W_TIMESTART, 0, NE_DR_YEAR},
    {"particle", NE_W_PARTICLE, 0},
    {"name-suffix", NE_W_NAME_SUFFIX, 0},
    {"weekday", NE_W_WEEKDAY | NE_W_TIMESTART, 0, NE_DR_WEEKDAY},
    {"month", NE_W_MONTH | NE_W_TIMESTART, 0, NE_DR_MONTH},
    {"say", NE_L_SAY, 1},
    {"aspect", NE_L_ASPECT, 1},
    {"intent", NE_L_INTENT, 1},
    {"promise", NE_L_PROMISE, 1},
    {"threat", NE_L_THREAT, 1},
    {"refuse", NE_L_REFUSE, 1},
    {"fail", NE_L_FAIL, 1},
    {"govern", NE_L_GOVERN, 1},
    {"govern-appeal", NE_L_APPEAL, 1},
    {"govern-demand", NE_L_DEMAND, 1},
    {"govern-order", NE_L_ORDER, 1},
    {"govern-allow", NE_L_ALLOW, 1},
    {"govern-bare", NE_L_BARE, 1},
    {"govern-cause", NE_L_CAUSE, 1},
    {"patient-subject", NE_L_PATIENT, 1},
    {"act", NE_L_ACT, 1},
    {"agree", NE_L_AGREE, 1},
    {"deontic-verb", NE_L_DEONTIC, 1},
    {"deny", NE_L_DENY, 1},
    {"report", NE_L_REPORT, 1},
    {"consequence", NE_L_CONSEQUENCE, 1},
    {"dative", NE_L_DATIVE, 1},
    {"supply-with", NE_L_WITH, 1},
    {"join", NE_L_JOIN, 1},
    {"author", NE_L_AUTHOR, 1},
    {"govern-purpose", NE_L_PURPOSE, 1},
    {"speech", NE_L_SPEECH, 1},
    {"crossborder", NE_L_CROSSBORDER, 1},
    {"stative", NE_L_STATIVE, 1},
    {"aspect-to", NE_L_ASPECT_TO, 1},
    {"flee", NE_L_FLEE, 1},
    {"naming", NE_L_NAMING, 1},
    {NULL, 0, 0}};

/* The code families a `code-*` line may name (NE_CF_*, in order). */
static const char *const CODE_FAMILIES[NE_CF_COUNT] = {
    "code-intent", "code-threat", "code-refuse", "code-appeal",
    "code-demand", "code-rally",  "code-allow",  "code-allow-home", "code-agree", "code-fail",
    "code-kind-chemical", "code-kind-armour", "code-kind-crowd", "code-kind-mission",
    "code-kind-convoy", "code-kind-property", "code-kind-air", "code-kind-suicide",
    "code-kind-vehicle-bomb", "code-kind-roadside", "code-kind-air-means", "code-home",
    "code-kind-cyber", "code-conjunct", "code-holder", "code-call-purpose", "code-kind-diplomats",
    "code-kind-detainees", "code-conjunct-consult",
    "code-conjunct-and"};

int ne_lex_code_family_may(const ne_lexicon_t *lx, int family, const char *code)
{
    int root = isdigit((unsigned char)code[0]) && isdigit((unsigned char)code[1])
                   ? (code[0] - '0') * 10 + (code[1] - '0')
                   : -1;
    return !(family >= 0 && family < NE_CF_COUNT && root >= 0 && root < 32 &&
             !(lx->cmap_roots[family] & (1u << root)));
}

int ne_lex_code_family(const ne_lexicon_t *lx, int family, const char *code, char out[5])
{
    const struct code_map_s *best = NULL;
    size_t bestn = 0;
    /* most acts are in no family: skip the scan by their root */
    if (!ne_lex_code_family_may(lx, family, code)) {
        ne_strlcpy(out, code, 5);
        return 0;
    }
    uint32_t i = family >= 0 && family < NE_CF_COUNT ? lx->cmap_first[family] : 0;
    for (; i; i = lx->cmap[i - 1].next) {
        const struct code_map_s *m = &lx->cmap[i - 1];
        /* from's bytes, none a NUL: a loop to code's first other byte
         * where strlen and strncmp were two calls an entry */
        size_t n = m->nfrom, k = 0;
        while (k < n && code[k] == m->from[k]) k++;
        if (k < n) continue;
        if (!best || n > bestn) best = m, bestn = n;
    }
    ne_strlcpy(out, best && best->to[0] ? best->to : code, 5);
    return best != NULL;
}

/* One pair of a `code-*` line: "061=0311", "13=-" (keep), "*=130" (default),
 * "11=---" (no event). */
static int code_map_pair(loader_t *ld, int family, char *pair)
{
    ne_lexicon_t *lx = ld->lx;
    char *eq = strchr(pair, '=');
    if (!eq) return fail(ld, "'%s': a code family lists act=code pairs", pair);
    *eq = '\0';
    const char *from = pair, *to = eq + 1;
    size_t fn = strlen(from);
    if (strcmp(from, "*") && (fn < 2 || fn > 4 || strspn(from, "0123456789") != fn))
        return fail(ld, "'%s': not a code prefix or '*'", from);
    if (strcmp(to, "-") && strcmp(to, NE_CODE_NONE) && !cameo_find_unsorted(ld, to))
        return fail(ld, "CAMEO code '%s' is not in cameo.tsv", to);
    if (lx->ncmap == lx->cmap_cap &&
        ne_vec_grow((void **)&lx->cmap, &lx->cmap_cap, sizeof(*lx->cmap)) < 0)
        return fail(ld, "out of memory");
    struct code_map_s *m = &lx->cmap[lx->ncmap++];
    m->family = (uint8_t)family;
    m->next = 0;
    if (lx->cmap_last[family]) lx->cmap[lx->cmap_last[family] - 1].next = (uint32_t)lx->ncmap;
    else lx->cmap_first[family] = (uint32_t)lx->ncmap;
    lx->cmap_last[family] = (uint32_t)lx->ncmap;
    lx->cmap_roots[family] |= strcmp(from, "*") ? 1u << ((from[0] - '0') * 10 + (from[1] - '0')) : ~0u;
    ne_strlcpy(m->from, strcmp(from, "*") ? from : "", sizeof(m->from));
    m->nfrom = (uint8_t)strlen(m->from);
    ne_strlcpy(m->to, strcmp(to, "-") ? to : "", sizeof(m->to));
    return 0;
}

/* One word of a grammar line: "may", or "may=5" with a value. */
static int grammar_word(loader_t *ld, const struct grammar_class_s *gc, char *w)
{
    ne_lexicon_t *lx = ld->lx;
    char *eq = strchr(w, '=');
    int val = 0;
    if (eq) {
        char *end;
        *eq = '\0';
        val = (int)strtol(eq + 1, &end, 10);
        if (end == eq + 1 || *end) return fail(ld, "bad value in '%s=%s'", w, eq + 1);
    }
    if (!*w) return fail(ld, "empty word");
    for (const char *p = w; *p; p++)
        if (isupper((unsigned char)*p)) return fail(ld, "'%s': grammar words are lower case", w);
    if (gc->lemma) {
        uint32_t l = lemma_get(lx, w);
        if (l == NE_LEX_NONE) return fail(ld, "out of memory");
        lx->lemma.v[l].flags |= gc->flags;
        return 0;
    }
    int32_t id = word_intern_z(lx, w);
    if (id < 0) return fail(ld, "out of memory");
    lx->whot.v[id].flags |= gc->flags;
    lx->winfo.v[id].date_rules |= (uint16_t)gc->date_rules;
    if (eq) lx->winfo.v[id].val = val;
    return 0;
}

static int load_grammar_line(loader_t *ld, char **f, int nf)
{
    if (nf < 2) return fail(ld, "expected a class and its words separated by a TAB");
    for (int k = 0; k < NE_CF_COUNT; k++) {
        if (strcmp(f[0], CODE_FAMILIES[k])) continue;
        ld->lx->ngrammar++;
        for (char *save = NULL, *w = strtok_r(f[1], " ", &save); w; w = strtok_r(NULL, " ", &save))
            if (code_map_pair(ld, k, w) < 0) return -1;
        return 0;
    }
    const struct grammar_class_s *gc = NULL;
    for (int k = 0; GRAMMAR_CLASSES[k].name && !gc; k++)
        if (!strcmp(f[0], GRAMMAR_CLASSES[k].name)) gc = &GRAMMAR_CLASSES[k];
    if (!gc) return fail(ld, "unknown grammar class '%s'", f[0]);
    ld->lx->ngrammar++;
    for (char *save = NULL, *w = strtok_r(f[1], " ", &save); w; w = strtok_r(NULL, " ", &save))
        if (grammar_word(ld, gc, w) < 0) return -1;
    return 0;
}

/* The event noun of a base word, created with its plurals on first use. */
static uint32_t noun_get(ne_lexicon_t *lx, const char *base)
{
    int32_t w = word_intern_z(lx, base);
    if (w < 0) return NE_LEX_NONE;
    if (lx->winfo.v[w].noun != NE_LEX_NONE) return lx->winfo.v[w].noun;
    if (NE_VEC_RESERVE(lx->noun) < 0) return NE_LEX_NONE;
    uint32_t ni = (uint32_t)lx->noun.n++;
    noun_t *nn = &lx->noun.v[ni];
    memset(nn, 0, sizeof(*nn));
    nn->word = w;
    lx->winfo.v[w].noun = ni;
    int32_t pl[3];
    int np = plural_ids(lx, w, pl);
    if (np < 0) return NE_LEX_NONE;
    for (int i = 0; i < np; i++)
        if (lx->winfo.v[pl[i]].noun == NE_LEX_NONE) lx->winfo.v[pl[i]].noun = ni;
    return ni;
}

/* Roots named in an event class field: "18|19|20", "4|5 participants",
 * "18|19|20 agents", "*" (any act).
 * Returns the bit mask, 0 when a root is not a number from 1 to 20. */
static uint32_t parse_roots(const char *s, int *participants)
{
    uint32_t mask = 0;
    if (!strcmp(s, "*")) {
        /* any act: every root but statements, appeals, demands, disapproval
         * and rejection (01, 02, 10, 11, 12), which are reactions to acts */
        *participants = 0;
        return 0x1ffffeu & ~((1u << 1) | (1u << 2) | (1u << 10) | (1u << 11) | (1u << 12));
    }
    char buf[64];
    copy_cstr(buf, sizeof(buf), s);
    char *sp = strchr(buf, ' ');
    *participants = 0;
    if (sp) {
        *sp++ = '\0';
        while (*sp == ' ') sp++;
        if (!strcmp(sp, "participants")) *participants = NE_REF_PARTICIPANTS;
        else if (!strcmp(sp, "agents")) *participants = NE_REF_AGENTS;
        else return 0;
    }
    for (char *sv = NULL, *r = strtok_r(buf, "|", &sv); r; r = strtok_r(NULL, "|", &sv)) {
        char *end;
        long v = strtol(r, &end, 10);
        if (*end || v < 1 || v > 20) return 0;
        mask |= 1u << v;
    }
    return mask;
}

/* One pattern line: code <TAB> pattern [<TAB> options]. The head is a verb
 * (verbs-*.tsv) or an event noun (event-nouns.tsv, with an event class in
 * a fourth field). */
static int lower_word(const char *s)
{
    if (!*s) return 0;
    for (; *s; s++)
        if (*s < 'a' || *s > 'z') return 0;
    return 1;
}

/* Append s to out[0..o) within cap bytes, truncating like snprintf;
 * returns the new length, out NUL-terminated. */
static size_t append_str(char *out, size_t cap, size_t o, const char *s)
{
    while (*s && o + 1 < cap) out[o++] = *s++;
    out[o] = '\0';
    return o;
}

/* "declare * cease - fire": the tokenizer reads "cease-fire" in a text as
 * the closed compound "ceasefire" (text.c), so a pattern's "a - b" between
 * two plain words is the word "ab" too. In place. */
static void close_pattern_compounds(char *pb)
{
    char *w[64];
    int n = 0;
    for (char *s = NULL, *t = strtok_r(pb, " ", &s); t && n < 64; t = strtok_r(NULL, " ", &s))
        w[n++] = t;
    char out[512];
    size_t o = 0;
    out[0] = '\0';
    for (int k = 0; k < n; k++) {
        int join = k > 0 && k + 2 < n && lower_word(w[k]) && !strcmp(w[k + 1], "-") &&
                   lower_word(w[k + 2]);
        /* appends, not snprintf: a format per word was a good part of the loading */
        if (o) o = append_str(out, sizeof(out), o, " ");
        o = append_str(out, sizeof(out), o, w[k]);
        if (join) o = append_str(out, sizeof(out), o, w[k + 2]);
        if (join) k += 2;
    }
    memcpy(pb, out, o + 1);
}

static int load_pattern(loader_t *ld, char **f, int nf, int noun)
{
    ne_lexicon_t *lx = ld->lx;
    if (nf < 2) return fail(ld, "expected code and pattern separated by a TAB");
    /* "---": the construction is known and codes no event ("called it a
     * gesture of peace" is not a call) */
    if (strcmp(f[0], NE_CODE_NONE) && !cameo_find_unsorted(ld, f[0]))
        return fail(ld, "CAMEO code '%s' is not in cameo.tsv", f[0]);
    pat_t pt;
    memset(&pt, 0, sizeof(pt));
    copy_cstr(pt.p.code, sizeof(pt.p.code), f[0]);
    if (nf >= 3 && f[2][0] && strcmp(f[2], "-")) {
        char ob[128];
        copy_cstr(ob, sizeof(ob), f[2]);
        for (char *s = NULL, *o = strtok_r(ob, ", ", &s); o; o = strtok_r(NULL, ", ", &s)) {
            if (!strcmp(o, "recip")) pt.p.opts |= NE_PO_RECIP;
            else if (!strcmp(o, "gov")) pt.p.opts |= NE_PO_GOV;
            else if (!strcmp(o, "self")) pt.p.opts |= NE_PO_SELF;
            else if (!strcmp(o, "obj")) pt.p.opts |= NE_PO_OBJ;
            else if (!strcmp(o, "reply")) pt.p.opts |= NE_PO_REPLY;
            else if (!strcmp(o, "threat")) pt.p.opts |= NE_PO_THREAT;
            else if (!strcmp(o, "inverse")) pt.p.opts |= NE_PO_INVERSE;
            else if (!strcmp(o, "defence")) pt.p.opts |= NE_PO_DEFENCE;
            else if (!strcmp(o, "denied")) pt.p.opts |= NE_PO_DENIED | NE_PO_THREAT;
            else if (!strcmp(o, "echo")) pt.p.opts |= NE_PO_ECHO;
            else if (!strcmp(o, "undo")) pt.p.opts |= NE_PO_UNDO;
            else if (!strcmp(o, "mandative")) pt.p.opts |= NE_PO_MANDATIVE;
            else return fail(ld, "unknown option '%s'", o);
        }
    }
    char pb[512];
    copy_cstr(pb, sizeof(pb), f[1]);
    close_pattern_compounds(pb);
    char *save = NULL, *tokn = strtok_r(pb, " ", &save);
    if (!tokn) return fail(ld, "empty pattern");
    for (char *c = tokn; *c; c++)
        if (!islower((unsigned char)*c) && *c != '-')
            return fail(ld, "the pattern must start with a %s in lower case, not '%s'",
                        noun ? "noun" : "verb", tokn);
    if (noun) {
        uint32_t ni = noun_get(lx, tokn);
        if (ni == NE_LEX_NONE) return fail(ld, "out of memory");
        pt.lemma = ni | NOUN_OWNER;
        int participants = 0;
        uint32_t roots = nf >= 4 && f[3][0] ? parse_roots(f[3], &participants) : 0;
        if (nf >= 4 && f[3][0] && !roots)
            return fail(ld, "bad event class '%s' (roots 1-20 joined by |, or *; then 'participants', 'agents' or nothing)", f[3]);
        lx->noun.v[ni].participants |= participants;
        if (!roots && strcmp(f[0], NE_CODE_NONE)) roots = 1u << ((f[0][0] - '0') * 10 + (f[0][1] - '0'));
        lx->noun.v[ni].roots |= roots;
    } else {
        pt.lemma = lemma_get(lx, tokn);
        if (pt.lemma == NE_LEX_NONE) return fail(ld, "out of memory");
    }
    pt.p.elem = (uint32_t)lx->pel.n;
    int has_target = 0, words = 0;
    while ((tokn = strtok_r(NULL, " ", &save))) {
        if (NE_VEC_RESERVE(lx->pel) < 0) return fail(ld, "out of memory");
        ne_pelem_t *pe = &lx->pel.v[lx->pel.n];
        memset(pe, 0, sizeof(*pe));
        if (!strcmp(tokn, "+") || !strcmp(tokn, "@")) {
            if (has_target) return fail(ld, "a pattern has at most one '+' or '@'");
            pe->type = NE_PE_TARGET;
            pe->person = tokn[0] == '@';
            has_target = 1 + pe->person;
        } else if (!strcmp(tokn, "*")) {
            pe->type = NE_PE_GAP;
        } else if (!strcmp(tokn, "#")) {
            pe->type = NE_PE_MANY;
        } else if (tokn[0] == '&') {
            pe->type = NE_PE_CLASS;
            pe->alt = ne_lex_class_id(lx, tokn + 1);
            if (pe->alt == NE_LEX_NONE) return fail(ld, "unknown noun class '%s' (see classes.tsv)", tokn);
            words++;
        } else {
            pe->type = NE_PE_WORD;
            pe->alt = (uint32_t)lx->alt.n;
            char *s2 = NULL;
            for (char *a = strtok_r(tokn, "|", &s2); a; a = strtok_r(NULL, "|", &s2)) {
                int32_t ids[4];
                int n = phrase_words(lx, a, ids, 4);
                if (n != 1) return fail(ld, "'%s' is not one word (write phrases as several elements)", a);
                if (NE_VEC_RESERVE(lx->alt) < 0) return fail(ld, "out of memory");
                lx->alt.v[lx->alt.n++] = ids[0];
                pe->nalt++;
                /* a noun matches its plural too: "ambassadors" is read as
                 * "ambassador" (ne_lex_singular), so the alternatives stay
                 * few for the prefilter */
                int32_t pl[3];
                int np = plural_ids(lx, ids[0], pl);
                if (np < 0) return fail(ld, "out of memory");
                for (int i = 0; i < np; i++)
                    if (lx->whot.v[pl[i]].singular < 0 && pl[i] != ids[0]) lx->whot.v[pl[i]].singular = ids[0];
            }
            if (!pe->nalt) return fail(ld, "empty alternative in '%s'", f[1]);
            words++;
        }
        lx->pel.n++;
        pt.p.nelem++;
    }
    if (!has_target && strcmp(f[0], NE_CODE_NONE) &&
        !(pt.p.opts & (NE_PO_RECIP | NE_PO_GOV | NE_PO_SELF | NE_PO_OBJ | NE_PO_REPLY | NE_PO_THREAT | NE_PO_UNDO)))
        return fail(ld, "a pattern without '+' needs an option (recip, gov, self, obj, reply, threat or undo)");
    pt.p.score = (uint32_t)pt.p.nelem * 16 + (uint32_t)words * 2 + (uint32_t)has_target;
    char txt[600];
    size_t tn = append_str(txt, sizeof(txt), 0, f[0]);
    tn = append_str(txt, sizeof(txt), tn, " ");
    tn = append_str(txt, sizeof(txt), tn, f[1]);
    if (nf >= 3 && f[2][0] && strcmp(f[2], "-")) tn = append_str(txt, sizeof(txt), tn, " ");
    if (nf >= 3 && strcmp(f[2], "-")) append_str(txt, sizeof(txt), tn, f[2]);
    if (NE_VEC_RESERVE(lx->owned) < 0 || !(pt.p.text = strdup(txt)))
        return fail(ld, "out of memory");
    lx->owned.v[lx->owned.n++] = (char *)pt.p.text;
    if (NE_VEC_RESERVE(lx->pat) < 0) return fail(ld, "out of memory");
    lx->pat.v[lx->pat.n++] = pt;
    return 0;
}

/* Is element e the recipient's preposition: prepositions, `to` or `for`
 * among them (`to|for`, `to|in|near`)? */
static int recipient_prep(const ne_lexicon_t *lx, const ne_pelem_t *e)
{
    if (e->type != NE_PE_WORD) return 0;
    int to = 0;
    for (uint16_t a = 0; a < e->nalt; a++) {
        int32_t w = lx->alt.v[e->alt + a];
        if (!(ne_lex_word_flags(lx, w) & NE_W_PREP)) return 0;
        to |= !strcmp(word_str(lx, w), "to") || !strcmp(word_str(lx, w), "for");
    }
    return to;
}

/* The twin of a pattern of a verb of giving with the recipient first:
 * `send * &WEAPONS to|for +` also reads "sent Kyiv more artillery shells"
 * as `send + &WEAPONS` (lemma class `dative`), `supply * fuel to +` reads
 * "supplied Ghana with fuel" as `supply + with * fuel` (class
 * `supply-with`). Only a pattern whose words (after an optional gap) are
 * the object's, followed by the recipient's preposition and `+`, has one. */
static int add_dative_twin(loader_t *ld, const pat_t *pt, int with)
{
    ne_lexicon_t *lx = ld->lx;
    const ne_pattern_t *p = &pt->p;
    if (!(lx->lemma.v[pt->lemma].flags & (with ? NE_L_WITH : NE_L_DATIVE)) || p->nelem < 3) return 0;
    const ne_pelem_t *el = lx->pel.v + p->elem;
    uint16_t first = el[0].type == NE_PE_GAP, last = (uint16_t)(p->nelem - 2);
    if (el[p->nelem - 1].type != NE_PE_TARGET || el[p->nelem - 1].person ||
        !recipient_prep(lx, &el[last]) || first >= last)
        return 0;
    int words = 0;
    for (uint16_t k = first; k < last; k++) {
        if (el[k].type != NE_PE_WORD && el[k].type != NE_PE_CLASS) return 0;
        words++;
    }
    pat_t tw = *pt;
    tw.p.elem = (uint32_t)lx->pel.n;
    tw.p.nelem = (uint16_t)(last - first + 1 + (with ? 2 : 0));
    if (NE_VEC_RESERVE(lx->pel) < 0) return fail(ld, "out of memory");
    lx->pel.v[lx->pel.n++] = lx->pel.v[p->elem + p->nelem - 1]; /* + */
    if (with) { /* "with", then a gap */
        int32_t w = word_intern_z(lx, "with");
        if (w < 0 || NE_VEC_RESERVE(lx->alt) < 0 || NE_VEC_RESERVE(lx->pel) < 0 ||
            NE_VEC_RESERVE(lx->pel) < 0)
            return fail(ld, "out of memory");
        ne_pelem_t pw = {0}, pg = {0};
        pw.type = NE_PE_WORD;
        pw.alt = (uint32_t)lx->alt.n;
        pw.nalt = 1;
        lx->alt.v[lx->alt.n++] = w;
        pg.type = NE_PE_GAP;
        lx->pel.v[lx->pel.n++] = pw;
        if (NE_VEC_RESERVE(lx->pel) < 0) return fail(ld, "out of memory");
        lx->pel.v[lx->pel.n++] = pg;
        words++;
    }
    for (uint16_t k = first; k < last; k++) {
        if (NE_VEC_RESERVE(lx->pel) < 0) return fail(ld, "out of memory");
        lx->pel.v[lx->pel.n++] = lx->pel.v[p->elem + k];
    }
    tw.p.score = (uint32_t)tw.p.nelem * 16 + (uint32_t)words * 2 + 1;
    char txt[640];
    size_t tn = append_str(txt, sizeof(txt), 0, p->text);
    append_str(txt, sizeof(txt), tn, with ? " (recipient with)" : " (double object)");
    if (NE_VEC_RESERVE(lx->owned) < 0 || !(tw.p.text = strdup(txt))) return fail(ld, "out of memory");
    lx->owned.v[lx->owned.n++] = (char *)tw.p.text;
    if (NE_VEC_RESERVE(lx->pat) < 0) return fail(ld, "out of memory");
    lx->pat.v[lx->pat.n++] = tw;
    return 0;
}

/* The twin of a pattern ending in a noun of the '+' after a gap, `demand *
 * resignation|impeachment of +`, that reads the genitive as well:
 * "demanded the president's resignation" as `demand * + 's resignation`.
 * (actions.c keeps it off "X's release of prisoners", where the possessor
 * acts.) Only a pattern whose last three elements are a word or class,
 * the one word `of` and a '+' of no person, after a gap, has one. */
static int add_genitive_twin(loader_t *ld, const pat_t *pt)
{
    ne_lexicon_t *lx = ld->lx;
    const ne_pattern_t *p = &pt->p;
    if (p->nelem < 4) return 0;
    const ne_pelem_t *el = lx->pel.v + p->elem;
    uint16_t n = p->nelem;
    const ne_pelem_t *noun = &el[n - 3], *of = &el[n - 2], *plus = &el[n - 1];
    if (plus->type != NE_PE_TARGET || plus->person || of->type != NE_PE_WORD || of->nalt != 1 ||
        strcmp(word_str(lx, lx->alt.v[of->alt]), "of") || el[n - 4].type != NE_PE_GAP ||
        (noun->type != NE_PE_WORD && noun->type != NE_PE_CLASS))
        return 0;
    if (noun->type == NE_PE_WORD)
        for (uint16_t a = 0; a < noun->nalt; a++)
            if (ne_lex_word_flags(lx, lx->alt.v[noun->alt + a]) & NE_W_PREP) return 0;
    int32_t gen = word_intern_z(lx, "'s");
    if (gen < 0 || NE_VEC_RESERVE(lx->alt) < 0) return fail(ld, "out of memory");
    pat_t tw = *pt;
    tw.p.elem = (uint32_t)lx->pel.n;
    for (uint16_t k = 0; k < n - 3; k++) { /* the elements up to the gap */
        if (NE_VEC_RESERVE(lx->pel) < 0) return fail(ld, "out of memory");
        lx->pel.v[lx->pel.n++] = lx->pel.v[p->elem + k];
    }
    ne_pelem_t pg = {0};
    pg.type = NE_PE_WORD;
    pg.alt = (uint32_t)lx->alt.n;
    pg.nalt = 1;
    lx->alt.v[lx->alt.n++] = gen;
    const ne_pelem_t tail[3] = {lx->pel.v[p->elem + n - 1], pg, lx->pel.v[p->elem + n - 3]};
    for (int k = 0; k < 3; k++) {
        if (NE_VEC_RESERVE(lx->pel) < 0) return fail(ld, "out of memory");
        lx->pel.v[lx->pel.n++] = tail[k];
    }
    char txt[640];
    size_t tn = append_str(txt, sizeof(txt), 0, p->text);
    append_str(txt, sizeof(txt), tn, " (genitive)");
    if (NE_VEC_RESERVE(lx->owned) < 0 || !(tw.p.text = strdup(txt))) return fail(ld, "out of memory");
    lx->owned.v[lx->owned.n++] = (char *)tw.p.text;
    if (NE_VEC_RESERVE(lx->pat) < 0) return fail(ld, "out of memory");
    lx->pat.v[lx->pat.n++] = tw;
    return 0;
}

static int load_verb_line(loader_t *ld, char **f, int nf)
{
    if (load_pattern(ld, f, nf, 0) < 0) return -1;
    size_t at = ld->lx->pat.n - 1; /* the twins push onto the table */
    if (add_dative_twin(ld, &ld->lx->pat.v[at], 0) < 0) return -1;
    if (add_dative_twin(ld, &ld->lx->pat.v[at], 1) < 0) return -1;
    return add_genitive_twin(ld, &ld->lx->pat.v[at]);
}

static int load_event_noun_line(loader_t *ld, char **f, int nf)
{
    return load_pattern(ld, f, nf, 1);
}

/* "upon  on  variant": the word is read as another by every pattern ("agreed
 * upon" matches `agree on`), through the same field that reads a plural as
 * its singular. */
static int load_variant(loader_t *ld, const int32_t *ids, int n, const char *of)
{
    ne_lexicon_t *lx = ld->lx;
    int32_t to[2];
    if (n != 1 || phrase_words(lx, of, to, 2) != 1) return fail(ld, "a variant is one word for one word");
    if (to[0] == ids[0]) return fail(ld, "a word cannot be its own variant");
    if (lx->whot.v[ids[0]].singular >= 0)
        return fail(ld, "'%s' is already read as another word", word_str(lx, ids[0]));
    lx->whot.v[ids[0]].singular = to[0];
    return 0;
}

/* lemmas.tsv: phrase <TAB> value <TAB> kind.
 *   renew    resume   alias    : renew has every pattern of resume
 *   call for demand   support  : "called for the release of X" is a demand of release */
static int load_lemma_line(loader_t *ld, char **f, int nf)
{
    static const struct { const char *name; uint8_t mod; } mods[] = {
        {"act", NE_MOD_ACT},       {"intent", NE_MOD_INTENT}, {"demand", NE_MOD_DEMAND},
        {"appeal", NE_MOD_APPEAL}, {"reject", NE_MOD_REJECT}, {NULL, 0}};
    ne_lexicon_t *lx = ld->lx;
    if (nf < 3) return fail(ld, "expected phrase, value and kind separated by TABs");
    int32_t ids[4];
    int n = phrase_words(lx, f[0], ids, 4);
    if (n <= 0 || n > 3) return fail(ld, "a verb and at most two particles, not '%s'", f[0]);
    if (!strcmp(f[2], "variant")) return load_variant(ld, ids, n, f[1]);
    uint32_t lemma = lemma_get(lx, word_str(lx, ids[0]));
    if (lemma == NE_LEX_NONE) return fail(ld, "out of memory");
    if (!strcmp(f[2], "alias")) {
        if (n != 1) return fail(ld, "an alias is one verb");
        uint32_t of = lemma_get(lx, f[1]);
        if (of == NE_LEX_NONE) return fail(ld, "out of memory");
        if (of == lemma) return fail(ld, "a verb cannot be its own alias");
        size_t copied = 0;
        for (size_t k = 0, np = lx->pat.n; k < np; k++) {
            if (lx->pat.v[k].lemma != of) continue;
            if (NE_VEC_RESERVE(lx->pat) < 0) return fail(ld, "out of memory");
            lx->pat.v[lx->pat.n] = lx->pat.v[k];
            lx->pat.v[lx->pat.n++].lemma = lemma;
            copied++;
        }
        if (!copied) return fail(ld, "'%s' has no patterns to share", f[1]);
        return 0;
    }
    if (strcmp(f[2], "support")) return fail(ld, "unknown kind '%s' (alias, variant or support)", f[2]);
    uint8_t mod = 0;
    for (int k = 0; mods[k].name; k++)
        if (!strcmp(f[1], mods[k].name)) mod = mods[k].mod;
    if (!mod) return fail(ld, "unknown modality '%s' (act, intent, demand, appeal or reject)", f[1]);
    if (NE_VEC_RESERVE(lx->sup) < 0) return fail(ld, "out of memory");
    ne_support_t *sp = &lx->sup.v[lx->sup.n];
    memset(sp, 0, sizeof(*sp));
    sp->modality = mod;
    sp->npart = (uint8_t)(n - 1);
    for (int i = 1; i < n; i++) sp->part[i - 1] = ids[i];
    sp->next = lx->lemma.v[lemma].support;
    lx->lemma.v[lemma].support = (uint32_t)lx->sup.n++;
    return 0;
}

typedef int (*line_fn)(loader_t *, char **, int);

static int load_file(ne_lexicon_t *lx, const char *path, line_fn fn, char *err, size_t errsz)
{
    loader_t ld = {lx, path, 0, err, errsz};
    FILE *fp = fopen(path, "r");
    if (!fp) return fail(&ld, "%s", strerror(errno));
    char line[2048];
    int rc = 0;
    while (fgets(line, sizeof(line), fp)) {
        ld.line++;
        if (!strchr(line, '\n') && !feof(fp)) {
            rc = fail(&ld, "line too long");
            break;
        }
        char *f[8];
        int nf = split_fields(line, f, 8);
        if (nf == 0) continue;
        if ((rc = fn(&ld, f, nf)) < 0) break;
    }
    fclose(fp);
    return rc;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The dictionary files of a folder, sorted, that start with prefix. */
static int list_dir(const char *dir, char ***out, size_t *n, char *err, size_t errsz)
{
    DIR *dp = opendir(dir);
    if (!dp) {
        snprintf(err, errsz, "%s: %s", dir, strerror(errno));
        return -1;
    }
    char **names = NULL;
    size_t cnt = 0, cap = 0;
    struct dirent *de;
    int rc = 0;
    while ((de = readdir(dp))) {
        size_t l = strlen(de->d_name);
        if (l < 5 || strcmp(de->d_name + l - 4, ".tsv") != 0) continue;
        if (cnt == cap && ne_vec_grow((void **)&names, &cap, sizeof(*names)) < 0) {
            rc = -1;
            break;
        }
        if (!(names[cnt] = strdup(de->d_name))) {
            rc = -1;
            break;
        }
        cnt++;
    }
    closedir(dp);
    if (rc < 0) {
        for (size_t i = 0; i < cnt; i++) free(names[i]);
        free(names);
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    qsort(names, cnt, sizeof(*names), name_cmp);
    *out = names;
    *n = cnt;
    return 0;
}

static int has_prefix(const char *s, const char *p)
{
    return strncmp(s, p, strlen(p)) == 0;
}

static int pat_cmp(const void *a, const void *b)
{
    const pat_t *x = a, *y = b;
    if (x->lemma != y->lemma) return x->lemma < y->lemma ? -1 : 1;
    if (x->p.score != y->p.score) return x->p.score > y->p.score ? -1 : 1;
    return x < y ? -1 : (x > y);
}

/* The bits words_present tests before it walks a pattern's elements. */
static void pattern_bits(const ne_lexicon_t *lx, ne_pattern_t *p)
{
    const ne_pelem_t *el = lx->pel.v + p->elem;
    p->wbits = p->cbits = 0;
    for (uint16_t k = 0; k < p->nelem; k++) {
        if (el[k].type == NE_PE_WORD && el[k].nalt == 1) p->wbits |= ne_word_bit(lx->alt.v[el[k].alt]);
        if (el[k].type == NE_PE_CLASS && el[k].alt < 64) p->cbits |= 1ull << el[k].alt;
    }
}

ne_lexicon_t *ne_lex_load(const char *const *dirs, size_t ndirs, char *err, size_t errsz)
{
    ne_lexicon_t *lx = calloc(1, sizeof(*lx));
    if (!lx) {
        snprintf(err, errsz, "out of memory");
        return NULL;
    }
    if (new_node(lx) == NE_LEX_NONE) goto oom;
    /* Files load in phases, each over every folder: codes before patterns
     * that name them, irregular forms before the lemmas that use them. */
    static const struct { const char *prefix; line_fn fn; } phases[] = {
        {"cameo", load_cameo_line},        {"irregular", load_irregular_line},
        {"grammar", load_grammar_line},    {"roles", load_role_line},
        {"actors-", load_actor_line},      {"mention-words", load_mention_line},
        {"classes", load_class_line},      {"verbs-", load_verb_line},
        {"event-nouns", load_event_noun_line}, {"lemmas", load_lemma_line},
        {NULL, NULL}};
    for (int ph = 0; phases[ph].prefix; ph++) {
        for (size_t d = 0; d < ndirs; d++) {
            char **names = NULL;
            size_t n = 0;
            if (list_dir(dirs[d], &names, &n, err, errsz) < 0) goto fail;
            int rc = 0;
            for (size_t i = 0; i < n && rc == 0; i++) {
                if (ph == 0) {
                    int known = 0;
                    for (int k = 0; phases[k].prefix; k++) known |= has_prefix(names[i], phases[k].prefix);
                    if (!known) {
                        /* the message names every phase's prefix */
                        char known_names[256] = "";
                        for (int k = 0; phases[k].prefix; k++)
                            snprintf(known_names + strlen(known_names),
                                     sizeof(known_names) - strlen(known_names), "%s%s",
                                     k ? (phases[k + 1].prefix ? ", " : " or ") : "",
                                     phases[k].prefix);
                        snprintf(err, errsz, "%s/%s: unknown dictionary file (names start with %s)",
                                 dirs[d], names[i], known_names);
                        rc = -1;
                        break;
                    }
                }
                if (!has_prefix(names[i], phases[ph].prefix)) continue;
                char path[4096];
                snprintf(path, sizeof(path), "%s/%s", dirs[d], names[i]);
                rc = load_file(lx, path, phases[ph].fn, err, errsz);
            }
            for (size_t i = 0; i < n; i++) free(names[i]);
            free(names);
            if (rc < 0) goto fail;
        }
        if (ph == 0) {
            if (lx->cameo.n == 0) {
                snprintf(err, errsz, "no cameo.tsv in the dictionary folders");
                goto fail;
            }
        }
        if (phases[ph].fn == load_grammar_line && !lx->ngrammar) {
            snprintf(err, errsz, "no grammar.tsv in the dictionary folders");
            goto fail;
        }
    }
    qsort(lx->cameo.v, lx->cameo.n, sizeof(ne_cameo_t), cameo_cmp);
    if (!(lx->cameo_key = malloc(lx->cameo.n * sizeof(uint32_t)))) goto oom;
    for (size_t i = 0; i < lx->cameo.n; i++) lx->cameo_key[i] = cameo_key(lx->cameo.v[i].code);
    for (int gc = 0; gc < NE_GC_COUNT; gc++) lx->gclass[gc] = ne_lex_class_id(lx, gclass_names[gc]);
    lx->nnear = 0;
    for (size_t k = 0; k < lx->cph.n && lx->nnear < 4; k++)
        if (lx->cph.v[k].cls == lx->gclass[NE_GC_NEAR] && lx->cph.v[k].nwords == 1)
            lx->near_words[lx->nnear++] = lx->cword.v[lx->cph.v[k].words];
    /* group patterns by lemma, most specific first */
    qsort(lx->pat.v, lx->pat.n, sizeof(pat_t), pat_cmp);
    lx->patterns.cap = lx->pat.n ? lx->pat.n : 1;
    if (!(lx->patterns.v = malloc(lx->patterns.cap * sizeof(ne_pattern_t)))) goto oom;
    for (size_t i = 0; i < lx->pat.n; i++) {
        uint32_t owner = lx->pat.v[i].lemma;
        uint32_t *first, *n;
        if (owner & NOUN_OWNER) {
            first = &lx->noun.v[owner & ~NOUN_OWNER].pat_first;
            n = &lx->noun.v[owner & ~NOUN_OWNER].pat_n;
        } else {
            first = &lx->lemma.v[owner].pat_first;
            n = &lx->lemma.v[owner].pat_n;
        }
        if (!*n) *first = (uint32_t)i;
        (*n)++;
        lx->patterns.v[i] = lx->pat.v[i].p;
        pattern_bits(lx, &lx->patterns.v[i]);
    }
    lx->patterns.n = lx->pat.n;
    ne_doc_free(&lx->scratch);
    memset(&lx->scratch, 0, sizeof(lx->scratch));
    return lx;
oom:
    snprintf(err, errsz, "out of memory");
fail:
    ne_lex_destroy(lx);
    return NULL;
}

void ne_lex_destroy(ne_lexicon_t *lx)
{
    if (!lx) return;
    ne_doc_free(&lx->scratch);
    free(lx->strs.v);
    free(lx->woff.v);
    free(lx->winfo.v);
    free(lx->whot.v);
    free(lx->whash);
    free(lx->edge);
    free(lx->node_entry.v);
    free(lx->ent.v);
    free(lx->lemma.v);
    free(lx->vform.v);
    free(lx->pat.v);
    free(lx->patterns.v);
    free(lx->pel.v);
    free(lx->alt.v);
    for (size_t i = 0; i < lx->owned.n; i++) free(lx->owned.v[i]);
    free(lx->owned.v);
    free(lx->cameo.v);
    free(lx->cameo_key);
    for (size_t i = 0; i < lx->irr.n; i++)
        for (int k = 0; k < 4; k++) free(lx->irr.v[i].forms[k]);
    free(lx->irr.v);
    free(lx->cname.v);
    free(lx->cph.v);
    free(lx->cword.v);
    free(lx->noun.v);
    free(lx->sup.v);
    free(lx->cmap);
    free(lx->mwords.v);
    free(lx->pword.v);
    free(lx);
}
