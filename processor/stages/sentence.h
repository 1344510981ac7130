/*
 * sentence.h - the view of one sentence that the later stages share: its
 * tokens, their grammar flags, mentions and time expressions, with bounds
 * checks (positions outside the sentence are simply nothing).
 */
#ifndef NE_SENTENCE_H
#define NE_SENTENCE_H

#include <string.h>

#include "doc.h"
#include "lexicon.h"

/* For the small helpers below that gain from inlining at every call: the
 * compiler kept an out-of-line ne_s_is_w, called half a million times per
 * 2 MB with its literal's length no longer a constant. */
#if defined(__GNUC__)
#define NE_S_INLINE static inline __attribute__((always_inline))
#else
#define NE_S_INLINE static inline
#endif

typedef struct ne_sent_s {
    const ne_lexicon_t *lx;
    ne_doc_t *d;
    uint32_t tb, te; /* token range [tb, te) */
} ne_sent_t;

static inline const ne_token_t *ne_s_tok(const ne_sent_t *s, uint32_t i)
{
    return &s->d->tok.v[i];
}

/* Grammar flags of token i; 0 outside the sentence. */
static inline uint32_t ne_s_wf(const ne_sent_t *s, uint32_t i)
{
    return (i >= s->tb && i < s->te) ? ne_lex_word_flags(s->lx, s->d->tok.v[i].word) : 0;
}

/* Is token i the word w of n bytes? NE_S_IS_W takes a literal's length at
 * compile time, so the usual answer, a different length, is one comparison. */
NE_S_INLINE int ne_s_is_w(const ne_sent_t *s, uint32_t i, const char *w, size_t n)
{
    if (i < s->tb || i >= s->te) return 0;
    const ne_token_t *t = &s->d->tok.v[i];
    return t->fold_len == n && memcmp(ne_tok_fold(s->d, t), w, n) == 0;
}
#define NE_S_IS_W(s, i, w) ne_s_is_w(s, i, w, sizeof(w) - 1)

/* The mention covering token i, or -1. */
static inline int32_t ne_s_ment(const ne_sent_t *s, uint32_t i)
{
    if (i < s->tb || i >= s->te || i - s->tb >= s->d->tok_ment.n) return -1;
    return s->d->tok_ment.v[i - s->tb];
}

/* Is token i one of the single-byte punctuation marks in chars? A loop,
 * not strchr: chars is a literal of one to a few marks, and the loop
 * unrolls where strchr is a call on a hot path. (A NUL byte is white
 * space to the tokenizer, never a mark.) */
static inline int ne_s_punct(const ne_sent_t *s, uint32_t i, const char *chars)
{
    if (i < s->tb || i >= s->te) return 0;
    const ne_token_t *t = &s->d->tok.v[i];
    if (t->kind != NE_TK_PUNCT || t->end - t->start != 1) return 0;
    for (char ch = s->d->text[t->start]; *chars; chars++)
        if (*chars == ch) return 1;
    return 0;
}

/* Is token i inside a time expression (its end in *end when not NULL)? */
static inline int ne_s_timex(const ne_sent_t *s, uint32_t i, uint32_t *end)
{
    for (size_t k = 0; k < s->d->tx.n; k++) {
        const ne_timex_t *x = &s->d->tx.v[k];
        if (i >= x->tb && i < x->te) {
            if (end) *end = x->te;
            return 1;
        }
    }
    return 0;
}

/* Is punctuation token k a dash that can close a dateline ("NAIROBI -
 * Pirates", "BAMAKO, Mali (AP) —", "WASHINGTON--")? An em or en dash, or a
 * hyphen that stands apart (white space on a side) or next to another; a
 * hyphen inside a word ("half-staff", "well-known") is none. */
static inline int ne_s_dash(const ne_sent_t *s, uint32_t k)
{
    const ne_token_t *t = &s->d->tok.v[k];
    if (t->kind != NE_TK_PUNCT) return 0;
    const char *x = s->d->text + t->start;
    if (!strncmp(x, "\xe2\x80\x94", 3) || !strncmp(x, "\xe2\x80\x93", 3)) return 1;
    if (*x != '-') return 0;
    if (t->flags & NE_TF_SPACE) return 1;
    if (k + 1 >= s->te || (s->d->tok.v[k + 1].flags & NE_TF_SPACE)) return 1;
    const ne_token_t *n = &s->d->tok.v[k + 1];
    const ne_token_t *b = k > s->tb ? &s->d->tok.v[k - 1] : NULL;
    return (n->kind == NE_TK_PUNCT && s->d->text[n->start] == '-') ||
           (b && b->kind == NE_TK_PUNCT && s->d->text[b->start] == '-');
}

/* Is the word by itself a whole name or role of the dictionaries ("Italy",
 * "Sicily")? Such a word ending in -ly is a name, no adverb: "Italy sent
 * firefighters to Albania" is no "Italy-sent firefighters". One trie step. */
static inline int ne_s_name_word(const ne_sent_t *s, int32_t word)
{
    uint32_t node = word >= 0 ? ne_lex_child(s->lx, 0, word) : NE_LEX_NONE;
    return node != NE_LEX_NONE && ne_lex_node_entry(s->lx, node) != NE_LEX_NONE;
}

/* "Ghana and Togo each accused the other", "the two ministers all
 * signed": a quantifier (class FLOATING) right after a plural or compound
 * mention floats off it, a part of the subject and no determiner of the
 * word after it; between the subject and its verb it reads as an adverb. */
static inline int ne_s_floating(const ne_sent_t *s, uint32_t i)
{
    if (i <= s->tb || i + 1 >= s->te || ne_s_ment(s, i) >= 0) return 0;
    const ne_token_t *t = &s->d->tok.v[i];
    if (t->kind != NE_TK_WORD || !(ne_s_wf(s, i) & NE_W_DET) ||
        !ne_lex_in_class(s->lx, ne_lex_gclass(s->lx, NE_GC_FLOATING), t->word))
        return 0;
    int32_t m = ne_s_ment(s, i - 1);
    if (m < 0 || (size_t)m >= s->d->ment.n) return 0;
    const ne_mention_t *mm = &s->d->ment.v[m];
    return mm->te == i && (mm->n > 1 || (mm->flags & NE_MF_PLURAL)) &&
           !(mm->flags & (NE_MF_LOC | NE_MF_RECIP | NE_MF_REL));
}

/* An adverb: a known one, a floating quantifier, or a plain word ending in
 * -ly that is no verb. */
static inline int ne_s_adverb(const ne_sent_t *s, uint32_t i)
{
    if (i < s->tb || i >= s->te || ne_s_ment(s, i) >= 0) return 0;
    const ne_token_t *t = &s->d->tok.v[i];
    if (t->kind != NE_TK_WORD) return 0;
    uint32_t f = ne_s_wf(s, i);
    if (f & NE_W_ADV) return 1;
    if ((f & NE_W_DET) && ne_s_floating(s, i)) return 1;
    const char *w = ne_tok_fold(s->d, t);
    /* (an adjective a class lists is none: "called the attack cowardly"; any
     * class, not only the 64 whose bits ne_lex_word_classes keeps) */
    return t->fold_len > 4 && w[t->fold_len - 2] == 'l' && w[t->fold_len - 1] == 'y' &&
           !(f & (NE_W_PREP | NE_W_DET)) && ne_lex_vforms(s->lx, t->word) == NE_LEX_NONE &&
           ne_lex_cphrases(s->lx, t->word) == NE_LEX_NONE && !ne_s_name_word(s, t->word);
}

#endif
