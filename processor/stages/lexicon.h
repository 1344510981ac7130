/*
 * lexicon.h - the coder's dictionaries, loaded once and then read-only.
 *
 * Every folded word the dictionaries mention gets an id; phrases (actors,
 * roles) live in one trie keyed by word ids, so matching is one left-to-right
 * pass with a hash look-up per token. Verb lemmas carry their generated
 * inflections and their CAMEO patterns; grammar words (determiners,
 * auxiliaries, weekdays, ...) carry flags.
 */
#ifndef NE_LEXICON_H
#define NE_LEXICON_H

#include <stddef.h>
#include <stdint.h>

#define NE_LEX_NONE UINT32_MAX

typedef struct ne_lexicon_s ne_lexicon_t;

/* Kinds of phrase entries. */
enum {
    NE_AK_COUNTRY = 1, NE_AK_ADJ, NE_AK_PEOPLE, NE_AK_CAPITAL, NE_AK_SEAT, NE_AK_PLACE,
    NE_AK_IGO, NE_AK_GROUP, NE_AK_PERSON, NE_AK_SURNAME,
    NE_RK_TITLE, NE_RK_BODY,
    NE_RK_ARMS,    /* a weapon or platform: its owner's armed force, no actor alone */
    NE_AK_MOVEMENT /* a group across states: coded by the state the text names */
};

typedef struct ne_lexent_s {
    uint8_t kind;      /* NE_AK_* or NE_RK_* */
    uint8_t nwords;    /* phrase length in tokens */
    uint8_t plural;    /* a role's plural generated from its singular line */
    char code[16];     /* actor code, or role ("GOV", "-" for none) */
    int32_t from, to;  /* validity as YYYYMMDD, 0 = open */
    uint32_t next;     /* next entry of the same phrase, NE_LEX_NONE at the end */
    uint32_t person;   /* for surnames: entry index of a full-name person, else NONE */
} ne_lexent_t;

/* Grammar-word flags (ne_lex_word_flags). */
enum {
    NE_W_DET = 1u << 0,      /* the, a, an, some, ... */
    NE_W_POSS = 1u << 1,     /* his, its, their, ... */
    NE_W_PRON = 1u << 2,     /* he, she, they, it (subjects and objects) */
    NE_W_REL = 1u << 3,      /* which, who, that */
    NE_W_PREP = 1u << 4,
    NE_W_CONJ = 1u << 5,     /* and, or */
    NE_W_BE = 1u << 6,       /* is, was, been, ... */
    NE_W_HAVE = 1u << 7,
    NE_W_DO = 1u << 8,
    NE_W_FUTURE = 1u << 9,   /* will, shall */
    NE_W_MODAL = 1u << 10,   /* would, could, might, may, can, should, must */
    NE_W_NEG = 1u << 11,     /* not, n't, never */
    NE_W_NUM = 1u << 12,     /* one, two, dozens, hundreds */
    NE_W_WEEKDAY = 1u << 13, /* val = 0 (Monday) .. 6 */
    NE_W_MONTH = 1u << 14,   /* val = 1 .. 12 */
    NE_W_INTENT_ADJ = 1u << 15, /* ready, willing, prepared (to) */
    NE_W_SUBORD = 1u << 16,  /* if, because, when, while, although */
    NE_W_HYPO = 1u << 17,    /* if, unless, whether: hypothetical clauses */
    NE_W_TITLE_ABBR = 1u << 18, /* mr, mrs, dr */
    NE_W_ADV = 1u << 19,     /* adverbs that may sit inside a verb group */
    NE_W_TIMESTART = 1u << 20, /* may begin a time expression (dates.c tries only these) */
    NE_W_PARTICLE = 1u << 21, /* al, bin, van, de: belongs to the surname that follows */
};

/* Lemma flags. */
enum {
    NE_L_SAY = 1u << 0,     /* say, tell, announce: reports another event */
    NE_L_ASPECT = 1u << 1,  /* begin, start, continue: "began sharing" = sharing */
    NE_L_INTENT = 1u << 2,  /* plan, intend, want, seek (to): an intention */
    NE_L_THREAT = 1u << 3,  /* threaten (to) */
    NE_L_REFUSE = 1u << 4,  /* refuse, decline (to) */
    NE_L_FAIL = 1u << 5,    /* fail (to): not an event */
    NE_L_GOVERN = 1u << 6,  /* urge, ask, call on X to: the infinitive is not X's act */
    NE_L_PROMISE = 1u << 7, /* promise, pledge, vow (to) */
};

/* Word classes of the mention grammar (mention-words.tsv); a word may be in
 * several, each with its own value (ne_lex_mention_class). */
enum {
    NE_MC_ORG_HEAD = 1u << 0,    /* "Party": ends an organisation's name; value: role */
    NE_MC_GROUP = 1u << 1,       /* "countries": "the two / both N"; value: kind */
    NE_MC_TYPE = 1u << 2,        /* "bloc": "the N" is the last actor of that kind */
    NE_MC_ETHNIC = 1u << 3,      /* "ethnic": the people of a group, not its state */
    NE_MC_MEMBERS = 1u << 4,     /* "members" (of X): people of X; value: role */
    NE_MC_PATRON = 1u << 5,      /* "led", "backed" after "X-"; value: owner, patron */
    NE_MC_WATER = 1u << 6,       /* "Sea", "Strait": a name of international water */
    NE_MC_SPEECH = 1u << 7,      /* "say" (lemmas): the pronoun after is the speaker */
    NE_MC_CROSSBORDER = 1u << 8, /* "seize" (lemmas): an unplaced patient is foreign */
    NE_MC_FORMER = 1u << 9,      /* "former": the title after it is out of office */
    NE_MC_THING = 1u << 10,      /* "drills": a role word before it is an adjective */
    NE_MC_COUNT = 11
};

/* Verb form bits. */
enum { NE_F_BASE = 1, NE_F_S = 2, NE_F_PAST = 4, NE_F_PPART = 8, NE_F_ING = 16 };

/* A pattern element. */
enum { NE_PE_WORD = 1, NE_PE_TARGET, NE_PE_GAP, NE_PE_MANY };

typedef struct ne_pelem_s {
    uint8_t type;
    uint8_t person;  /* for targets: '@', one named or titled person */
    uint16_t nalt;   /* for words: the alternatives are alts[alt .. alt+nalt) */
    uint32_t alt;
} ne_pelem_t;

enum { NE_PO_RECIP = 1, NE_PO_GOV = 2, NE_PO_SELF = 4, NE_PO_OBJ = 8, NE_PO_REPLY = 16 };

typedef struct ne_pattern_s {
    char code[5];
    uint8_t opts;
    uint16_t nelem;
    uint32_t elem;      /* elems[elem .. elem+nelem) */
    uint32_t score;     /* specificity: longer patterns are tried first */
    const char *text;   /* "112 accuse + of" (owned by the lexicon) */
} ne_pattern_t;

typedef struct ne_cameo_s {
    char code[5];
    double goldstein;
    int quad;
    const char *label;
} ne_cameo_t;

/**
 * @brief Load every dictionary file of each folder, in order.
 * @returns a lexicon owned by the caller, or NULL with "file:line: reason" in errstr.
 */
ne_lexicon_t *ne_lex_load(const char *const *dirs, size_t ndirs, char *errstr,
                          size_t errstr_size);
void ne_lex_destroy(ne_lexicon_t *lx);

/** @brief Id of a folded word, -1 when no dictionary mentions it. */
int32_t ne_lex_word_find(const ne_lexicon_t *lx, const char *s, size_t n);
/** @brief Grammar flags of a word id (0 for -1). */
uint32_t ne_lex_word_flags(const ne_lexicon_t *lx, int32_t word);
/** @brief The small value of a grammar word (weekday, month, number). */
int ne_lex_word_val(const ne_lexicon_t *lx, int32_t word);

/** @brief Trie step: the child of node for word, NE_LEX_NONE when none. Root is 0. */
uint32_t ne_lex_child(const ne_lexicon_t *lx, uint32_t node, int32_t word);
/** @brief First entry of a trie node (NE_LEX_NONE when the node ends no phrase). */
uint32_t ne_lex_node_entry(const ne_lexicon_t *lx, uint32_t node);
const ne_lexent_t *ne_lex_entry(const ne_lexicon_t *lx, uint32_t idx);

/**
 * @brief Verb readings of a word: calls back for each (lemma, form bits).
 * @returns the number of readings.
 */
typedef struct ne_vform_s {
    uint32_t lemma;
    uint8_t forms;
    uint32_t next;
} ne_vform_t;
uint32_t ne_lex_vforms(const ne_lexicon_t *lx, int32_t word); /* first, or NONE */
const ne_vform_t *ne_lex_vform(const ne_lexicon_t *lx, uint32_t idx);

uint32_t ne_lex_lemma_flags(const ne_lexicon_t *lx, uint32_t lemma);
const char *ne_lex_lemma_name(const ne_lexicon_t *lx, uint32_t lemma);
/** @brief Patterns of a lemma, most specific first. */
const ne_pattern_t *ne_lex_patterns(const ne_lexicon_t *lx, uint32_t lemma, size_t *n);
const ne_pelem_t *ne_lex_pelems(const ne_lexicon_t *lx);
const int32_t *ne_lex_alts(const ne_lexicon_t *lx);

/**
 * @brief Mention-grammar classes of a word (NE_MC_* bits, 0 for none). With
 * cls one class bit, *value (when not NULL) is that class's value ("OPP").
 */
uint32_t ne_lex_mention_class(const ne_lexicon_t *lx, int32_t word, uint32_t cls,
                              const char **value);

/** @brief Is word a form of a verb whose lemma is in class cls ("said": say, speech)? */
int ne_lex_verb_class(const ne_lexicon_t *lx, int32_t word, uint32_t cls);

/** @brief CAMEO code table look-up; NULL when the code is unknown. */
const ne_cameo_t *ne_lex_cameo(const ne_lexicon_t *lx, const char *code);

size_t ne_lex_entry_count(const ne_lexicon_t *lx);

/** @brief Date string of a dictionary validity column: YYYYMMDD, 0 for "-", -1 invalid. */
int32_t ne_lex_parse_validity(const char *s, int is_end);

#endif
