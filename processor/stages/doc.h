/*
 * doc.h - the per-article working memory that the coder's stages fill in
 * turn: tokens (text.c), lexicon matches and actor mentions (actors.c), verb
 * groups (actions.c), time expressions (dates.c), and raw events (frames.c).
 *
 * A doc lives inside an ne_events_t and keeps its arrays between articles,
 * so coding a stream of articles allocates only when an article is larger
 * than any before it.
 */
#ifndef NE_DOC_H
#define NE_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "newsevents.h"

/* Growable array of T: a pointer, a count and a capacity. */
#define NE_VEC(T)                                                                        \
    struct {                                                                             \
        T *v;                                                                            \
        size_t n, cap;                                                                   \
    }

/* Make room for one more element; evaluates to 0, or -1 when out of memory. */
#define NE_VEC_RESERVE(vec)                                                              \
    ((vec).n < (vec).cap ? 0 : ne_vec_grow((void **)&(vec).v, &(vec).cap, sizeof(*(vec).v)))

int ne_vec_grow(void **v, size_t *cap, size_t elem_size);

/* ---- tokens ---------------------------------------------------------- */

enum { NE_TK_WORD = 1, NE_TK_NUM, NE_TK_PUNCT, NE_TK_URL };

enum {
    NE_TF_CAP = 1 << 0,    /* first letter upper case */
    NE_TF_ALLCAP = 1 << 1, /* two or more letters, all upper case */
    NE_TF_PARA = 1 << 2,   /* a line break precedes the token */
    NE_TF_SPACE = 1 << 3,  /* white space precedes the token */
    NE_TF_DOTTED = 1 << 4, /* a dotted abbreviation: "U.S." */
};

typedef struct ne_token_s {
    uint32_t start, end; /* bytes of the article text */
    uint32_t fold;       /* offset of the folded (lower-case, ASCII-fied) form in doc->fold */
    uint16_t fold_len;   /* 0 for tokens too long to look up */
    uint8_t kind, flags;
    int32_t word; /* lexicon word id of the folded form, -1 when unknown */
} ne_token_t;

typedef struct ne_sentence_s {
    uint32_t tb, te; /* token range [tb, te) */
} ne_sentence_t;

/* ---- actor mentions -------------------------------------------------- */

#define NE_MAX_MEMBERS 8

enum {
    NE_MF_LOC = 1 << 0,      /* a place: may be a destination, never a subject */
    NE_MF_PRON = 1 << 1,     /* a pronoun, resolved by frames.c */
    NE_MF_REL = 1 << 2,      /* a relative pronoun (which/who/that) */
    NE_MF_PERSON = 1 << 3,   /* a named or titled person */
    NE_MF_PLURAL = 1 << 4,   /* several people or a compound */
    NE_MF_WEAK = 1 << 5,     /* "an Egyptian plan": an adjective on a non-actor noun */
    NE_MF_RECIP = 1 << 6,    /* "each other", "one another" */
    NE_MF_GENERIC = 1 << 7,  /* a role with no country ("protesters", "the military") */
    NE_MF_PERSONS = 1 << 8,  /* a compound whose every member is a named or titled person */
    NE_MF_SPEAKER = 1 << 9,  /* "we", "I" in a quotation: the speaker, found by frames.c */
    NE_MF_NAME = 1 << 10,    /* a name not in the dictionaries ("Ales Bialiatski") */
    NE_MF_ONE = 1 << 11,     /* one person named by a common noun ("a British aid worker"):
                              * "he", "his" may stand for it; no named or titled person */
    NE_MF_WATER = 1 << 12,   /* with LOC, a water's name ("the Taiwan Strait"): no member, but
                              * m[0] holds the state its name borrows, if any (frames.c water_state) */
};

typedef struct ne_member_s {
    char code[16];   /* RUS, RUSGOV, IGOUN, WST; or a bare role "GOV" before resolution */
    char country[4]; /* "" for IGOs, WST and unresolved roles */
    char role[4];    /* "", GOV, MIL, ... */
    uint32_t start, end; /* bytes */
} ne_member_t;

typedef struct ne_mention_s {
    uint32_t tb, te; /* token span [tb, te) */
    uint16_t flags;
    uint8_t n;       /* members */
    ne_member_t m[NE_MAX_MEMBERS];
} ne_mention_t;

/* Does mention m name people by name or title: one person ("Hamas leader
 * Ismail Haniyeh"), or a compound of such persons ("X, a lawyer, and Y, a
 * party official")? The counterpart a pattern's '@' wants. */
static inline int ne_mention_persons(const ne_mention_t *m)
{
    if (m->flags & NE_MF_PERSONS) return 1;
    return (m->flags & NE_MF_PERSON) && m->n == 1 && !(m->flags & NE_MF_PLURAL);
}

/* A dictionary look-up at one token, cached per sentence (actors.c). */
typedef struct ne_atom_s {
    int type;           /* -1: not looked up yet */
    uint32_t te;        /* end token (exclusive) */
    uint32_t actor;     /* chosen actor entry */
    uint32_t role;      /* role entry */
    int valid;          /* the actor entry is valid at the article date */
} ne_atom_t;

/* ---- verb groups ----------------------------------------------------- */

enum {
    NE_VG_PASSIVE = 1 << 0,
    NE_VG_NEGATED = 1 << 1,
    NE_VG_FUTURE = 1 << 2,   /* will, plans to, is ready to: an intention */
    NE_VG_MODAL = 1 << 3,    /* could, might, if: hypothetical, not coded */
    NE_VG_INFINITIVE = 1 << 4,
    NE_VG_PARTICIPLE = 1 << 5, /* ", accusing them of": takes the main subject */
    NE_VG_REDUCED = 1 << 6,  /* "an agreement signed with Baku": not a finite verb */
    NE_VG_SAY = 1 << 7,      /* a reporting verb (said, told, announced) */
    NE_VG_THREAT = 1 << 8,   /* threatened to */
    NE_VG_REFUSE = 1 << 9,   /* refused to */
    NE_VG_CONSUMED = 1 << 10, /* part of another verb's pattern */
    NE_VG_NOUN = 1 << 11,     /* a verb form used as a noun ("the attacks") */
    NE_VG_CONTROLLED = 1 << 12, /* "urged X to V": V's subject is the object of `gov` */
    NE_VG_AGREE = 1 << 13,    /* agreed to: an intention to cooperate, or a hostile act */
    NE_VG_FAIL = 1 << 14,     /* failed to: no event, unless a failure to agree */
    NE_VG_DEONTIC = 1 << 15,  /* must, should, has to: with MODAL; a demand when reported */
    NE_VG_OPPOSING = 1 << 16, /* its counterpart is the side its actor is at odds with */
    NE_VG_STATEMENT = 1 << 17, /* "a statement blaming X": with PARTICIPLE, the authors' act */
    NE_VG_STATIVE = 1 << 18,  /* "is opposed to X": read as active, the preposition may drop */
    NE_VG_CONDITIONAL = 1 << 19, /* "may halt X if ...": with MODAL; a threat when the act is hostile */
    NE_VG_CAUSED = 1 << 20,   /* "prompting X to V": V is X's own act; `gov` is the causing verb */
    NE_VG_PERMIT_PURPOSE = 1 << 21, /* "opened the bridge to allow X": a permission of the subject of `gov` */
};

struct ne_pattern_s;

typedef struct ne_vgroup_s {
    uint32_t first, head; /* first token (auxiliary or matrix verb) and the lexical verb */
    uint32_t lemma;       /* lemma index of the head */
    uint32_t flags;
    int32_t date;         /* index of the time expression attached to it, -1 none */
    int32_t gov;          /* CONTROLLED, CAUSED: the group of the governing verb ("urged"), else -1 */
    /* filled by frames.c */
    int8_t family;        /* the code family (NE_CF_*) its code passes through, -1 none */
    int32_t subj;         /* subject mention, -1 none */
    const struct ne_pattern_s *pat; /* the pattern that matched, NULL none */
    int32_t target;       /* mention of the pattern's '+', -1 none */
    uint32_t mend;        /* token after the match */
    uint8_t modality;     /* NE_MOD_* of a support verb + event noun, 0 none */
    int32_t evnoun;       /* token of an event noun in the '+' slot, -1 none */
} ne_vgroup_t;

/* ---- time expressions ------------------------------------------------ */

enum {
    NE_TX_FUTURE = 1 << 0,   /* points after the article date */
    NE_TX_RELATIVE = 1 << 1, /* relative to the previous date of the text ("the next day") */
    NE_TX_OPENS = 1 << 2,    /* opens the clause on its right ("two days after Iran struck") */
};

typedef struct ne_timex_s {
    uint32_t tb, te; /* tokens */
    int ymd;         /* resolved date */
    uint8_t prec;    /* ne_precision_t */
    uint8_t flags;
} ne_timex_t;

/* ---- the doc --------------------------------------------------------- */

typedef struct ne_doc_s {
    const char *text;
    size_t len;
    int published; /* YYYYMMDD */
    NE_VEC(char) fold;
    NE_VEC(ne_token_t) tok;
    NE_VEC(ne_sentence_t) sent;
    NE_VEC(ne_mention_t) ment;  /* of the current sentence */
    NE_VEC(int32_t) tok_ment;   /* per token of the current sentence: mention index or -1 */
    NE_VEC(ne_atom_t) atoms;    /* per token of the current sentence: look-up cache */
    NE_VEC(int32_t) wset;       /* the sentence's word ids, a hash set (actions.c) */
    uint64_t wclasses;          /* noun classes (id < 64) a word of the sentence opens (actions.c) */
    uint64_t wbits;             /* ne_word_bit of every id in wset (actions.c) */
    NE_VEC(ne_vgroup_t) vg;     /* of the current sentence */
    NE_VEC(ne_timex_t) tx;      /* of the current sentence */
} ne_doc_t;

void ne_doc_free(ne_doc_t *doc);

/* Copy a string into a fixed buffer of size n, truncating; cheaper than
 * snprintf on the hot path. */
static inline void ne_strlcpy(char *dst, const char *src, size_t n)
{
    size_t k = 0;
    for (; k + 1 < n && src[k]; k++) dst[k] = src[k];
    dst[k] = '\0';
}

/* FNV-1a over n bytes, continuing from h (NE_FNV_OFFSET to start): the
 * event keys and ids, and the names the article remembers. */
#define NE_FNV_OFFSET 1469598103934665603ULL
#define NE_FNV_PRIME 1099511628211ULL

static inline uint64_t ne_fnv1a(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++) {
        h ^= s[i];
        h *= NE_FNV_PRIME;
    }
    return h;
}

/* The folded form of token t (not NUL-terminated). */
static inline const char *ne_tok_fold(const ne_doc_t *d, const ne_token_t *t)
{
    return d->fold.v + t->fold;
}

#endif
