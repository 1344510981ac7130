/*
 * lexicon.c - loading the dictionary files into one read-only structure.
 *
 * Words are interned (folded form -> id) in an open-addressing hash table.
 * Phrases form a trie whose edges live in a second hash table keyed by
 * (node, word id); a node that ends a phrase points at a chain of entries.
 * Verb lemmas get their inflections generated here, each inflected word
 * pointing back at the lemma, and the lemma owns its patterns sorted most
 * specific first. Grammar words (determiners, auxiliaries, weekdays) are
 * built in: they are English grammar, not dictionary data.
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
    uint32_t flags;
    int32_t val;
    uint32_t lemma; /* lemma whose base form this word is, NE_LEX_NONE otherwise */
    uint32_t vform; /* first verb reading */
    int32_t irr;    /* index into irregular table, -1 */
    uint32_t root;  /* the trie node of the one-word phrase, NE_LEX_NONE: the first
                     * step of every match, without a hash look-up */
    int32_t mword;  /* index into mwords (mention-grammar classes), -1 */
} winfo_t;

/* The mention-grammar classes of one word, with a value per class. */
typedef struct mword_s {
    uint32_t classes;
    char val[NE_MC_COUNT][8];
} mword_t;

typedef struct lemma_s {
    int32_t word;
    uint32_t flags;
    uint32_t pat_first, pat_n;
} lemma_t;

typedef struct irregular_s {
    char *forms[4]; /* past, ppart, 3sg, ing: '|'-separated, malloc'd, may be NULL */
} irregular_t;

typedef struct pat_s {
    ne_pattern_t p;
    uint32_t lemma;
} pat_t;

struct ne_lexicon_s {
    NE_VEC(char) strs;
    NE_VEC(uint32_t) woff;
    NE_VEC(winfo_t) winfo;
    uint64_t *whash; /* slot: (hash tag << 32) | (word id + 1); 0 = free */
    size_t whash_cap;

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
    NE_VEC(irregular_t) irr;
    NE_VEC(mword_t) mwords;
};

/* ---- hashing ------------------------------------------------------------ */

static uint64_t hash_bytes(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 1099511628211ULL;
    }
    return h ^ (h >> 29);
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

int32_t ne_lex_word_find(const ne_lexicon_t *lx, const char *s, size_t n)
{
    if (!lx->whash_cap || n == 0) return -1;
    uint64_t h = hash_bytes(s, n);
    uint32_t tag = (uint32_t)(h >> 32);
    size_t mask = lx->whash_cap - 1, i = h & mask;
    for (;;) {
        uint64_t slot = lx->whash[i];
        if (!slot) return -1;
        if ((uint32_t)(slot >> 32) == tag) {
            int32_t id = (int32_t)((uint32_t)slot - 1);
            const char *w = word_str(lx, id);
            if (memcmp(w, s, n) == 0 && w[n] == '\0') return id;
        }
        i = (i + 1) & mask;
    }
}

static int whash_insert(ne_lexicon_t *lx, const char *s, size_t n, uint32_t id)
{
    uint64_t h = hash_bytes(s, n);
    size_t mask = lx->whash_cap - 1, i = h & mask;
    while (lx->whash[i]) i = (i + 1) & mask;
    lx->whash[i] = ((h >> 32) << 32) | (uint64_t)(id + 1);
    return 0;
}

static int32_t word_intern(ne_lexicon_t *lx, const char *s, size_t n)
{
    int32_t w = ne_lex_word_find(lx, s, n);
    if (w >= 0) return w;
    if ((lx->woff.n + 1) * 2 > lx->whash_cap) {
        size_t ncap = lx->whash_cap ? lx->whash_cap * 2 : 4096;
        uint64_t *nh = calloc(ncap, sizeof(*nh));
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
    if (NE_VEC_RESERVE(lx->woff) < 0 || NE_VEC_RESERVE(lx->winfo) < 0) return -1;
    uint32_t off = (uint32_t)lx->strs.n;
    memcpy(lx->strs.v + off, s, n);
    lx->strs.v[off + n] = '\0';
    lx->strs.n += n + 1;
    w = (int32_t)lx->woff.n;
    lx->woff.v[lx->woff.n++] = off;
    winfo_t *wi = &lx->winfo.v[lx->winfo.n++];
    memset(wi, 0, sizeof(*wi));
    wi->lemma = NE_LEX_NONE;
    wi->vform = NE_LEX_NONE;
    wi->irr = -1;
    wi->root = NE_LEX_NONE;
    wi->mword = -1;
    whash_insert(lx, s, n, (uint32_t)w);
    return w;
}

static int32_t word_intern_z(ne_lexicon_t *lx, const char *s)
{
    return word_intern(lx, s, strlen(s));
}

uint32_t ne_lex_word_flags(const ne_lexicon_t *lx, int32_t w)
{
    return w < 0 ? 0 : lx->winfo.v[w].flags;
}

int ne_lex_word_val(const ne_lexicon_t *lx, int32_t w)
{
    return w < 0 ? 0 : lx->winfo.v[w].val;
}

/* ---- trie ------------------------------------------------------------- */

uint32_t ne_lex_child(const ne_lexicon_t *lx, uint32_t node, int32_t word)
{
    if (word < 0 || !lx->ecap) return NE_LEX_NONE;
    if (node == 0) return lx->winfo.v[word].root;
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
    if (node == 0) lx->winfo.v[word].root = c;
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

int ne_lex_verb_class(const ne_lexicon_t *lx, int32_t w, uint32_t cls)
{
    for (uint32_t v = ne_lex_vforms(lx, w); v != NE_LEX_NONE; v = lx->vform.v[v].next)
        if (ne_lex_mention_class(lx, lx->lemma.v[lx->vform.v[v].lemma].word, cls, NULL) &
            cls)
            return 1;
    return 0;
}

uint32_t ne_lex_vforms(const ne_lexicon_t *lx, int32_t w)
{
    return w < 0 ? NE_LEX_NONE : lx->winfo.v[w].vform;
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

static int cameo_cmp(const void *a, const void *b)
{
    return strcmp(((const ne_cameo_t *)a)->code, ((const ne_cameo_t *)b)->code);
}

const ne_cameo_t *ne_lex_cameo(const ne_lexicon_t *lx, const char *code)
{
    ne_cameo_t key;
    memset(&key, 0, sizeof(key));
    snprintf(key.code, sizeof(key.code), "%s", code);
    return bsearch(&key, lx->cameo.v, lx->cameo.n, sizeof(ne_cameo_t), cameo_cmp);
}

/* ---- phrases ---------------------------------------------------------- */

/* Tokenize a dictionary phrase with the text tokenizer, so that phrases and
 * articles are split the same way. Returns the number of word ids written
 * (at most max), or -1. A possessive may be written as its own word
 * ("people 's", "'s"). */
static int phrase_words(ne_lexicon_t *lx, const char *phrase, int32_t *ids, int max)
{
    char buf[512];
    snprintf(buf, sizeof(buf), "%s", phrase);
    int k = 0;
    ne_doc_t d;
    memset(&d, 0, sizeof(d));
    for (char *save = NULL, *piece = strtok_r(buf, " ", &save); piece;
         piece = strtok_r(NULL, " ", &save)) {
        if (!strcmp(piece, "'s") || !strcmp(piece, "\xe2\x80\x99s")) {
            if (k >= max) goto fail;
            if ((ids[k++] = word_intern(lx, "'s", 2)) < 0) goto fail;
            continue;
        }
        if (ne_text_tokenize(&d, piece, strlen(piece), NULL) < 0) goto fail;
        for (size_t i = 0; i < d.tok.n; i++) {
            ne_token_t *t = &d.tok.v[i];
            if (!t->fold_len || k >= max) goto fail;
            ids[k] = word_intern(lx, ne_tok_fold(&d, t), t->fold_len);
            if (ids[k] < 0) goto fail;
            k++;
        }
    }
    ne_doc_free(&d);
    return k;
fail:
    ne_doc_free(&d);
    return -1;
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
    if (sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3) {
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
    for (uint32_t i = lx->winfo.v[w].vform; i != NE_LEX_NONE; i = lx->vform.v[i].next)
        if (lx->vform.v[i].lemma == lemma) {
            lx->vform.v[i].forms |= bits;
            return 0;
        }
    if (NE_VEC_RESERVE(lx->vform) < 0) return -1;
    uint32_t idx = (uint32_t)lx->vform.n++;
    lx->vform.v[idx].lemma = lemma;
    lx->vform.v[idx].forms = bits;
    lx->vform.v[idx].next = lx->winfo.v[w].vform;
    lx->winfo.v[w].vform = idx;
    return 0;
}

static int add_forms_list(ne_lexicon_t *lx, uint32_t lemma, const char *list, uint8_t bits)
{
    char buf[128];
    snprintf(buf, sizeof(buf), "%s", list);
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

/* ---- built-in grammar words ------------------------------------------- */

static int set_words(ne_lexicon_t *lx, const char *const *words, uint32_t flag)
{
    for (int i = 0; words[i]; i++) {
        int32_t w = word_intern_z(lx, words[i]);
        if (w < 0) return -1;
        lx->winfo.v[w].flags |= flag;
    }
    return 0;
}

static int set_lemmas(ne_lexicon_t *lx, const char *const *words, uint32_t flag)
{
    for (int i = 0; words[i]; i++) {
        uint32_t l = lemma_get(lx, words[i]);
        if (l == NE_LEX_NONE) return -1;
        lx->lemma.v[l].flags |= flag;
    }
    return 0;
}

static int load_grammar(ne_lexicon_t *lx)
{
    static const char *const det[] = {"the", "a", "an", "some", "any", "several", "many",
                                      "each", "every", "all", "both", "these", "those",
                                      "this", "another", "other", "such", "more", "most",
                                      "few", "no", NULL};
    static const char *const poss[] = {"his", "her", "its", "their", "our", "my", "your",
                                       NULL};
    static const char *const pron[] = {"he", "she", "they", "it", "him", "them", "we",
                                       "us", "i", "you", NULL};
    static const char *const rel[] = {"which", "who", "that", "whom", "whose", NULL};
    static const char *const prep[] = {
        "of", "in", "on", "at", "to", "from", "with", "by", "for", "into", "onto",
        "against", "about", "over", "under", "near", "between", "among", "amid", "during",
        "after", "before", "since", "through", "across", "toward", "towards", "without",
        "within", "along", "despite", "including", "via", "per", "than", "like", "as",
        "upon", "off", "out", "around", "behind", "beyond", "throughout", "until", "till",
        "inside", "outside", "alongside", "following", "amongst", "regarding", "concerning",
        NULL};
    static const char *const conj[] = {"and", "or", "nor", "but", NULL};
    static const char *const be[] = {"be", "is", "are", "was", "were", "been", "being",
                                     "'re", "'m", NULL};
    static const char *const have[] = {"have", "has", "had", "having", "'ve", NULL};
    static const char *const doo[] = {"do", "does", "did", NULL};
    static const char *const fut[] = {"will", "shall", "'ll", "wo", NULL};
    static const char *const modal[] = {"would", "could", "might", "may", "can", "should",
                                        "must", "ca", "'d", NULL};
    static const char *const neg[] = {"not", "n't", "never", NULL};
    static const char *const subord[] = {"if", "because", "when", "while", "although",
                                         "though", "unless", "whether", "once", "where",
                                         "whereas", "so", NULL};
    static const char *const hypo[] = {"if", "unless", "whether", NULL};
    static const char *const title_abbr[] = {"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.",
                                             "dr.", NULL};
    static const char *const intent_adj[] = {"ready", "willing", "prepared", "set", "due",
                                             "poised", "expected", "likely", "determined",
                                             "eager", "keen", "scheduled", "planning",
                                             "about", NULL};
    static const char *const adv[] = {
        "also", "already", "still", "then", "now", "later", "earlier", "again", "further",
        "formally", "officially", "reportedly", "allegedly", "publicly", "jointly",
        "separately", "recently", "immediately", "quickly", "finally", "repeatedly",
        "sharply", "strongly", "firmly", "swiftly", "effectively", "previously", "just",
        "once", "twice", "even", "only", "last", "first", "yet", "subsequently", "apparently",
        "personally", "directly", "briefly", "drastically", "fully", "partially",
        "temporarily", "unilaterally", "openly", "secretly", "quietly", "angrily",
        "initially", "eventually", "ultimately", "originally", "largely", "mostly",
        "nearly", "almost", "both", NULL};
    static const char *const num[] = {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "dozen", "dozens", "hundred", "hundreds", "thousand",
        "thousands", "million", "millions", "several", "some", "at", "least", "more",
        "than", "about", "nearly", "over", "around", "up", NULL};
    static const char *const weekdays[] = {"monday", "tuesday", "wednesday", "thursday",
                                           "friday", "saturday", "sunday", NULL};
    static const char *const months[] = {"january", "february", "march", "april", "may",
                                         "june", "july", "august", "september", "october",
                                         "november", "december", NULL};
    static const char *const mabbr[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul",
                                        "aug", "sept", "oct", "nov", "dec", NULL};
    if (set_words(lx, det, NE_W_DET) < 0 || set_words(lx, poss, NE_W_POSS) < 0 ||
        set_words(lx, pron, NE_W_PRON) < 0 || set_words(lx, rel, NE_W_REL) < 0 ||
        set_words(lx, prep, NE_W_PREP) < 0 || set_words(lx, conj, NE_W_CONJ) < 0 ||
        set_words(lx, be, NE_W_BE) < 0 || set_words(lx, have, NE_W_HAVE) < 0 ||
        set_words(lx, doo, NE_W_DO) < 0 || set_words(lx, fut, NE_W_FUTURE) < 0 ||
        set_words(lx, modal, NE_W_MODAL) < 0 || set_words(lx, neg, NE_W_NEG) < 0 ||
        set_words(lx, subord, NE_W_SUBORD) < 0 || set_words(lx, hypo, NE_W_HYPO) < 0 ||
        set_words(lx, title_abbr, NE_W_TITLE_ABBR) < 0 ||
        set_words(lx, intent_adj, NE_W_INTENT_ADJ) < 0 || set_words(lx, adv, NE_W_ADV) < 0 ||
        set_words(lx, num, NE_W_NUM) < 0)
        return -1;
    static const char *const timestart[] = {
        "the", "that", "hours", "minutes", "a", "an", "one", "two", "three", "four", "five",
        "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "later", "yesterday",
        "today", "tonight", "overnight", "tomorrow", "last", "this", "earlier", "next", "past",
        "coming", "recently", "recent", "on", "early", "late", "in", "since", "by", "until",
        "from", "during", "of", "mid", NULL};
    if (set_words(lx, timestart, NE_W_TIMESTART) < 0) return -1;
    /* name particles: one list for the surnames of the dictionary (below)
     * and for the names read in text (actors.c) */
    static const char *const particles[] = {"al", "bin", "ibn", "el", "van", "von", "de", "da",
                                            "dos", "le", NULL};
    if (set_words(lx, particles, NE_W_PARTICLE) < 0) return -1;
    for (int i = 0; weekdays[i]; i++) {
        int32_t w = word_intern_z(lx, weekdays[i]);
        if (w < 0) return -1;
        lx->winfo.v[w].flags |= NE_W_WEEKDAY | NE_W_TIMESTART;
        lx->winfo.v[w].val = i;
    }
    for (int i = 0; months[i]; i++) {
        int32_t w = word_intern_z(lx, months[i]), a = word_intern_z(lx, mabbr[i]);
        if (w < 0 || a < 0) return -1;
        lx->winfo.v[w].flags |= NE_W_MONTH | NE_W_TIMESTART;
        lx->winfo.v[w].val = i + 1;
        lx->winfo.v[a].flags |= NE_W_MONTH | NE_W_TIMESTART;
        lx->winfo.v[a].val = i + 1;
    }
    static const char *const say[] = {"say", "tell", "add", "announce", "state", "report",
                                      "claim", "note", "write", "insist", "stress",
                                      "argue", "explain", "declare", "cite", "quote",
                                      "reiterate", "assert", "contend", "allege", "suggest",
                                      "acknowledge", "admit", "recall", "describe", "call",
                                      NULL};
    static const char *const aspect[] = {"begin", "start", "continue", "resume", "keep",
                                         "commence", NULL};
    static const char *const intent[] = {"plan", "intend", "want", "hope", "seek", "aim",
                                         "prepare", "propose", "try", "attempt", "decide",
                                         "wish", "mean", "expect", "move", "look", "offer",
                                         "vote", NULL};
    static const char *const promise[] = {"promise", "pledge", "vow", "undertake", "commit",
                                          NULL};
    static const char *const threat[] = {"threaten", NULL};
    static const char *const refuse[] = {"refuse", "decline", NULL};
    static const char *const fail[] = {"fail", "neglect", NULL};
    static const char *const govern[] = {"urge", "ask", "call", "demand", "request", "press",
                                         "push", "encourage", "invite", "order", "force",
                                         "allow", "permit", "help", "tell", "warn", "persuade",
                                         "advise", "instruct", "authorize", "authorise",
                                         "compel", "appeal", "need", "require", NULL};
    if (set_lemmas(lx, say, NE_L_SAY) < 0 || set_lemmas(lx, aspect, NE_L_ASPECT) < 0 ||
        set_lemmas(lx, intent, NE_L_INTENT) < 0 || set_lemmas(lx, promise, NE_L_PROMISE) < 0 ||
        set_lemmas(lx, threat, NE_L_THREAT) < 0 || set_lemmas(lx, refuse, NE_L_REFUSE) < 0 ||
        set_lemmas(lx, fail, NE_L_FAIL) < 0 || set_lemmas(lx, govern, NE_L_GOVERN) < 0)
        return -1;
    return 0;
}

/* ---- files ------------------------------------------------------------- */

typedef struct loader_s {
    ne_lexicon_t *lx;
    const char *path;
    int line;
    char *err;
    size_t errsz;
    uint32_t pgroup; /* 1 + the first entry of the last person's alias lines, 0: none */
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

static int load_actor_line(loader_t *ld, char **f, int nf)
{
    static const struct { const char *name; int kind;
    } kinds[] = {{"country", NE_AK_COUNTRY},   {"adj", NE_AK_ADJ},
                 {"people", NE_AK_PEOPLE},     {"capital", NE_AK_CAPITAL},
                 {"seat", NE_AK_SEAT},         {"place", NE_AK_PLACE},
                 {"igo", NE_AK_IGO},           {"group", NE_AK_GROUP},
                 {"movement", NE_AK_MOVEMENT}, {"person", NE_AK_PERSON},
                 {"surname", NE_AK_SURNAME},   {NULL, 0}};
    if (nf < 3) return fail(ld, "expected phrase, code and kind separated by TABs");
    ne_lexent_t e;
    memset(&e, 0, sizeof(e));
    e.person = NE_LEX_NONE;
    for (int k = 0; kinds[k].name; k++)
        if (strcmp(f[2], kinds[k].name) == 0) e.kind = (uint8_t)kinds[k].kind;
    if (!e.kind) return fail(ld, "unknown actor kind '%s'", f[2]);
    if (!valid_code(f[1])) return fail(ld, "bad actor code '%s'", f[1]);
    snprintf(e.code, sizeof(e.code), "%s", f[1]);
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

/* The plural forms of an English noun (at most two): "officers",
 * "allies", "spokesmen", "spokespersons" and "spokespeople". A form that
 * is not a word never occurs in text, so a rare wrong one costs nothing. */
static int noun_plurals(const char *w, char out[2][64])
{
    size_t n = strlen(w);
    if (n < 2 || n > 56) return 0;
    char last = w[n - 1], prev = w[n - 2];
    for (size_t i = 0; i < n; i++)
        if (!islower((unsigned char)w[i])) return 0;
    if (n >= 3 && !strcmp(w + n - 3, "man")) {
        snprintf(out[0], 64, "%.*smen", (int)n - 3, w);
        return 1;
    }
    if (n >= 6 && !strcmp(w + n - 6, "person")) {
        snprintf(out[0], 64, "%ss", w);
        snprintf(out[1], 64, "%.*speople", (int)n - 6, w);
        return 2;
    }
    if (!strcmp(w, "child")) {
        snprintf(out[0], 64, "children");
        return 1;
    }
    if (last == 's' || last == 'x' || last == 'z' ||
        (last == 'h' && (prev == 'c' || prev == 's')))
        snprintf(out[0], 64, "%ses", w);
    else if (last == 'y' && !is_vowel(prev))
        snprintf(out[0], 64, "%.*sies", (int)n - 1, w);
    else
        snprintf(out[0], 64, "%ss", w);
    return 1;
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

/* The word of a role phrase that takes the plural: the one before "of" or
 * "for" ("heads of state", "ministers for foreign affairs"), else the last. */
static int role_head(const ne_lexicon_t *lx, const int32_t *ids, int n)
{
    for (int i = 1; i < n; i++) {
        const char *w = word_str(lx, ids[i]);
        if (!strcmp(w, "of") || !strcmp(w, "for")) return i - 1;
    }
    return n - 1;
}

/* Add a role line and the plural of its head noun; a phrase already
 * listed with the same kind and role is not added twice. */
static int add_role_forms(loader_t *ld, int32_t *ids, int n, ne_lexent_t *e)
{
    if (!entry_exists(ld->lx, ids, n, e) && add_entry(ld->lx, ids, n, e) == NE_LEX_NONE)
        return fail(ld, "out of memory");
    int h = role_head(ld->lx, ids, n);
    char forms[2][64];
    int nf = noun_plurals(word_str(ld->lx, ids[h]), forms);
    int32_t head = ids[h];
    ne_lexent_t pl = *e;
    pl.plural = 1;
    for (int k = 0; k < nf; k++) {
        if ((ids[h] = word_intern_z(ld->lx, forms[k])) < 0)
            return fail(ld, "out of memory");
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
                                        "BUS", "-", NULL};
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
    else
        return fail(ld, "unknown role kind '%s' (title, body or arms)", f[2]);
    snprintf(e.code, sizeof(e.code), "%s", strcmp(f[1], "-") ? f[1] : "");
    int32_t ids[32];
    int n = phrase_words(ld->lx, f[0], ids, 32);
    if (n <= 0) return fail(ld, "empty or too long phrase '%s'", f[0]);
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
                   {"speech", NE_MC_SPEECH, 0},
                   {"crossborder", NE_MC_CROSSBORDER, 0},
                   {"former", NE_MC_FORMER, 0},
                   {"thing", NE_MC_THING, 1},
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
    char plurals[2][64];
    int np = classes[c].plural ? noun_plurals(f[0], plurals) : 0;
    ne_lexicon_t *lx = ld->lx;
    for (int k = 0; k <= np; k++) {
        int32_t w = word_intern_z(lx, k ? plurals[k - 1] : f[0]);
        if (w < 0) return fail(ld, "out of memory");
        if (lx->winfo.v[w].mword < 0) {
            if (NE_VEC_RESERVE(lx->mwords) < 0) return fail(ld, "out of memory");
            memset(&lx->mwords.v[lx->mwords.n], 0, sizeof(mword_t));
            lx->winfo.v[w].mword = (int32_t)lx->mwords.n++;
        }
        mword_t *m = &lx->mwords.v[lx->winfo.v[w].mword];
        m->classes |= classes[c].cls;
        snprintf(m->val[bit], sizeof(m->val[bit]), "%s", value);
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
    snprintf(c->code, sizeof(c->code), "%s", f[0]);
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

static const ne_cameo_t *cameo_find_unsorted(const ne_lexicon_t *lx, const char *code)
{
    for (size_t i = 0; i < lx->cameo.n; i++)
        if (strcmp(lx->cameo.v[i].code, code) == 0) return &lx->cameo.v[i];
    return NULL;
}

static int load_verb_line(loader_t *ld, char **f, int nf)
{
    ne_lexicon_t *lx = ld->lx;
    if (nf < 2) return fail(ld, "expected code and pattern separated by a TAB");
    if (!cameo_find_unsorted(lx, f[0])) return fail(ld, "CAMEO code '%s' is not in cameo.tsv", f[0]);
    pat_t pt;
    memset(&pt, 0, sizeof(pt));
    snprintf(pt.p.code, sizeof(pt.p.code), "%s", f[0]);
    if (nf >= 3 && f[2][0]) {
        char ob[128];
        snprintf(ob, sizeof(ob), "%s", f[2]);
        for (char *s = NULL, *o = strtok_r(ob, ", ", &s); o; o = strtok_r(NULL, ", ", &s)) {
            if (!strcmp(o, "recip")) pt.p.opts |= NE_PO_RECIP;
            else if (!strcmp(o, "gov")) pt.p.opts |= NE_PO_GOV;
            else if (!strcmp(o, "self")) pt.p.opts |= NE_PO_SELF;
            else if (!strcmp(o, "obj")) pt.p.opts |= NE_PO_OBJ;
            else if (!strcmp(o, "reply")) pt.p.opts |= NE_PO_REPLY;
            else return fail(ld, "unknown option '%s'", o);
        }
    }
    char pb[512];
    snprintf(pb, sizeof(pb), "%s", f[1]);
    char *save = NULL, *tokn = strtok_r(pb, " ", &save);
    if (!tokn) return fail(ld, "empty pattern");
    for (char *c = tokn; *c; c++)
        if (!islower((unsigned char)*c) && *c != '-')
            return fail(ld, "the pattern must start with a verb in lower case, not '%s'", tokn);
    pt.lemma = lemma_get(lx, tokn);
    if (pt.lemma == NE_LEX_NONE) return fail(ld, "out of memory");
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
            }
            if (!pe->nalt) return fail(ld, "empty alternative in '%s'", f[1]);
            words++;
        }
        lx->pel.n++;
        pt.p.nelem++;
    }
    if (!has_target && !(pt.p.opts & (NE_PO_RECIP | NE_PO_GOV | NE_PO_SELF | NE_PO_OBJ | NE_PO_REPLY)))
        return fail(ld, "a pattern without '+' needs an option (recip, gov, self, obj or reply)");
    pt.p.score = (uint32_t)pt.p.nelem * 16 + (uint32_t)words * 2 + (uint32_t)has_target;
    char txt[600];
    snprintf(txt, sizeof(txt), "%s %s%s%s", f[0], f[1], nf >= 3 && f[2][0] ? " " : "",
             nf >= 3 ? f[2] : "");
    if (NE_VEC_RESERVE(lx->owned) < 0 || !(pt.p.text = strdup(txt)))
        return fail(ld, "out of memory");
    lx->owned.v[lx->owned.n++] = (char *)pt.p.text;
    if (NE_VEC_RESERVE(lx->pat) < 0) return fail(ld, "out of memory");
    lx->pat.v[lx->pat.n++] = pt;
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
    static const struct { const char *prefix; line_fn fn;
    } phases[] = {{"cameo", load_cameo_line},
                  {"irregular", load_irregular_line},
                  {"roles", load_role_line},
                  {"actors-", load_actor_line},
                  {"mention-words", load_mention_line},
                  {"verbs-", load_verb_line},
                  {NULL, NULL}};
    for (int ph = 0; phases[ph].prefix; ph++) {
        if (ph == 2 && load_grammar(lx) < 0) goto oom;
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
                        snprintf(
                            err, errsz,
                            "%s/%s: unknown dictionary file (names start with cameo, "
                            "irregular, roles, actors-, mention-words or verbs-)",
                            dirs[d], names[i]);
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
    }
    qsort(lx->cameo.v, lx->cameo.n, sizeof(ne_cameo_t), cameo_cmp);
    /* group patterns by lemma, most specific first */
    qsort(lx->pat.v, lx->pat.n, sizeof(pat_t), pat_cmp);
    lx->patterns.cap = lx->pat.n ? lx->pat.n : 1;
    if (!(lx->patterns.v = malloc(lx->patterns.cap * sizeof(ne_pattern_t)))) goto oom;
    for (size_t i = 0; i < lx->pat.n; i++) {
        lemma_t *l = &lx->lemma.v[lx->pat.v[i].lemma];
        if (!l->pat_n) l->pat_first = (uint32_t)i;
        l->pat_n++;
        lx->patterns.v[i] = lx->pat.v[i].p;
    }
    lx->patterns.n = lx->pat.n;
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
    free(lx->strs.v);
    free(lx->woff.v);
    free(lx->winfo.v);
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
    for (size_t i = 0; i < lx->irr.n; i++)
        for (int k = 0; k < 4; k++) free(lx->irr.v[i].forms[k]);
    free(lx->irr.v);
    free(lx->mwords.v);
    free(lx);
}
