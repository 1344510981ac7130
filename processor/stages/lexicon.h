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
    NE_RK_PERSON,  /* a body whose singular is one person with no office ("a journalist") */
    NE_AK_MOVEMENT, /* a group across states: coded by the state the text names */
    NE_AK_STATES    /* a name of a group of states ("the Baltic states"): code "EST+LVA+LTU" */
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
    NE_W_DEONTIC = 1u << 22, /* must, should: an obligation (a demand when reported) */
    NE_W_SPEECH_NOUN = 1u << 23, /* statement, declaration: "a statement blaming X" */
    NE_W_NOMINATIVE = 1u << 24, /* he, she, they, we, i: a subject, never a verb's object */
    NE_W_PRESENT = 1u << 25, /* is, are, has, does: an auxiliary in the present tense */
    NE_W_POSSIBLE = 1u << 26, /* may, might, could: what the actor may do */
    NE_W_CONDITION = 1u << 27, /* if, unless: a condition put on what follows or precedes */
    NE_W_NAME_SUFFIX = 1u << 28, /* jr, sr: ends a person's name ("Marcos Jr.") */
    NE_W_FUTURE_TIME = 1u << 29, /* when, once, until: after a future, a condition */
    NE_W_FEELING = 1u << 30, /* concerned, alarmed: after be, the subject's feeling, also before "by" */
    NE_W_ACT_ADJ = 1u << 31, /* quick, swift: "was quick to condemn" is the act itself */
};

/* The date rules of dates.c a word may begin (ne_lex_date_rules), from the
 * timestart-* lines of grammar.tsv: dates.c tries at a token only the rules
 * that can start there. */
enum {
    NE_DR_ISO = 1u << 0,         /* 2023-02-17 (number tokens only) */
    NE_DR_RELATIVE_DAY = 1u << 1, /* the same day, two days later */
    NE_DR_DAY_WORD = 1u << 2,    /* yesterday, last night */
    NE_DR_WEEKEND = 1u << 3,     /* this weekend */
    NE_DR_PERIOD = 1u << 4,      /* last week, later this year */
    NE_DR_AGO = 1u << 5,         /* two weeks ago */
    NE_DR_RECENTLY = 1u << 6,    /* recently */
    NE_DR_WEEKDAY = 1u << 7,     /* on Monday, last Friday */
    NE_DR_MONTH = 1u << 8,       /* in March, 5 May 2021 */
    NE_DR_YEAR = 1u << 9,        /* since 2014 */
};

/* Lemma flags. */
enum {
    NE_L_SAY = 1u << 0,     /* say, tell, announce: reports another event */
    NE_L_ASPECT = 1u << 1,  /* begin, start, continue: "began sharing" = sharing */
    NE_L_INTENT = 1u << 2,  /* plan, intend, want, seek (to): an intention */
    NE_L_THREAT = 1u << 3,  /* threaten (to) */
    NE_L_REFUSE = 1u << 4,  /* refuse, decline (to) */
    NE_L_FAIL = 1u << 5,    /* fail (to): not an event */
    NE_L_GOVERN = 1u << 6,  /* help X (to) V: the infinitive is not X's own act */
    NE_L_PROMISE = 1u << 7, /* promise, pledge, vow (to) */
    NE_L_APPEAL = 1u << 8,  /* urge, ask, call on X to V: an appeal (code-appeal) */
    NE_L_DEMAND = 1u << 9,  /* demand, press, tell X to V: a demand (code-demand) */
    NE_L_ORDER = 1u << 10,  /* order, instruct X to V: a demand; to one's own side, the act */
    NE_L_ALLOW = 1u << 11,  /* allow, permit, let X (to) V: a permission (code-allow) */
    NE_L_BARE = 1u << 12,   /* let, make, help X V: an object and a bare infinitive */
    NE_L_ACT = 1u << 13,    /* decide, vote, try (to): the infinitive is the act */
    NE_L_AGREE = 1u << 14,  /* agree (to): an intention to cooperate (code-agree) */
    NE_L_DEONTIC = 1u << 15, /* have, need (to): an obligation, like "must" */
    NE_L_DENY = 1u << 16,   /* deny, dismiss (that): the clause is not asserted */
    NE_L_REPORT = 1u << 17, /* warn, vow, confirm (that): a clause said, like NE_L_SAY */
    NE_L_CONSEQUENCE = 1u << 18, /* kill, wound (", killing six"): the toll of an attack */
    NE_L_JOIN = 1u << 19,   /* join X in (a statement): X is a co-author */
    NE_L_PURPOSE = 1u << 20, /* send, summon X (to P) to V: V is the sender's act on X */
    NE_L_SPEECH = 1u << 21,  /* say, announce (that): the clause's subject pronoun is the speaker */
    NE_L_CROSSBORDER = 1u << 22, /* seize, deport: an unplaced patient is foreign */
    NE_L_STATIVE = 1u << 23, /* oppose, engage: "is opposed to X" is the active "opposes X" */
    NE_L_ASPECT_TO = 1u << 24, /* resort, turn (to): "resorted to throwing stones" = throwing */
    NE_L_FLEE = 1u << 25,   /* flee, escape: the subject's later arrival is no visit */
    NE_L_CAUSE = 1u << 26,  /* prompt, lead, cause X to V: V is X's own act */
    NE_L_AUTHOR = 1u << 27, /* issue, adopt (a statement): its authors say what it says */
    NE_L_DATIVE = 1u << 28, /* give, send: "sent Kyiv tanks" is "sent tanks to Kyiv" */
    NE_L_WITH = 1u << 29,   /* supply, provide: "supplied Egypt with gas" is "supplied gas to Egypt" */
    NE_L_NAMING = 1u << 30, /* call, brand, label X <complement>: X is named, not acted on */
    NE_L_PATIENT = 1u << 31, /* die, perish: the subject is the patient, as of a passive */
};

/* Verbs whose object is the subject of the infinitive after it. */
#define NE_L_CONTROL (NE_L_GOVERN | NE_L_APPEAL | NE_L_DEMAND | NE_L_ORDER | NE_L_ALLOW)

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
    NE_MC_FORMER = 1u << 7,      /* "former": the title after it is out of office */
    NE_MC_THING = 1u << 8,       /* "drills": a role word before it is an adjective */
    NE_MC_ALLEGIANCE = 1u << 9,  /* "loyal" (to X): a role of X's state; value: preposition */
    NE_MC_SURNAME = 1u << 10,    /* "King", "Major": a title that is also a surname ("Tom King") */
    NE_MC_REGION = 1u << 11,     /* "Latin" (American): a region named with a state's name; value: that state */
    NE_MC_LED = 1u << 12,        /* "coalition" after "X-led": X's force; value: role */
    NE_MC_GIVEN = 1u << 13,      /* "Jordan", "Chad": a state's name that is also a given name */
    NE_MC_CAP_ADJ = 1u << 14,    /* "Protestant", "Federal": a capitalised adjective, no name */
    NE_MC_CONTINENT = 1u << 15,  /* "African": after a region word ("West African"), no state */
    NE_MC_RELATIONAL = 1u << 16, /* "neighbour": "its N" is the other state of the sentence */
    NE_MC_TOPIC = 1u << 17,      /* "affairs": a state's name before it is what a role deals with */
    NE_MC_GUEST = 1u << 18,      /* "guest", "visitor": "his N" is the visitor of the last visit */
    NE_MC_DOER = 1u << 19,       /* "mediator": "the N" did the last act of a kind; value: codes */
    NE_MC_COUNT = 20
};

/* Verb form bits. */
enum { NE_F_BASE = 1, NE_F_S = 2, NE_F_PAST = 4, NE_F_PPART = 8, NE_F_ING = 16 };

/* A pattern element. */
enum { NE_PE_WORD = 1, NE_PE_TARGET, NE_PE_GAP, NE_PE_MANY, NE_PE_CLASS };

typedef struct ne_pelem_s {
    uint8_t type;
    uint8_t person;  /* for targets: '@', one named or titled person */
    uint16_t nalt;   /* for words: the alternatives are alts[alt .. alt+nalt) */
    uint32_t alt;    /* for classes (&NAME): the class id */
} ne_pelem_t;

/* A member phrase of a noun class (classes.tsv), singular or a generated
 * plural; phrases that begin with the same word are chained. */
typedef struct ne_cphrase_s {
    uint16_t cls;
    uint8_t nwords;
    uint32_t words; /* ne_lex_cwords(lx)[words .. words+nwords) */
    uint32_t next;  /* next phrase with the same first word, NE_LEX_NONE at the end */
} ne_cphrase_t;

/* The code of a pattern that recognises a construction which is no event. */
#define NE_CODE_NONE "---"

enum { NE_PO_RECIP = 1, NE_PO_GOV = 2, NE_PO_SELF = 4, NE_PO_OBJ = 8, NE_PO_REPLY = 16,
       NE_PO_THREAT = 32, /* a threat formula: a threat when said of the future (frames.c) */
       NE_PO_INVERSE = 64, /* the '+' acts on the subject: "drew condemnation from +" */
       NE_PO_DEFENCE = 128, /* an act of defence ("shot down 60 missiles"): coded, never what a
                               later "the attack" or "the strikes" refers to */
       NE_PO_DENIED = 256, /* a threat formula that threatens when denied ("would not go
                             unpunished"): matches a negated verb only (with NE_PO_THREAT) */
       NE_PO_ECHO = 512, /* the act is the article's last act by another party, done again by
                           the subject ("did the same", "responded in kind"): frames.c echo_act */
       NE_PO_UNDO = 1024, /* the act undoes the restriction its object noun refers to ("the court
                            overturned the ban"): on that act's targets (frames.c object_event) */
       NE_PO_MANDATIVE = 2048 /* a demand only when the clause after the '+' is mandative ("insisted
                                 that Kyiv withdraw"), not a statement ("that the army would") */ };

typedef struct ne_pattern_s {
    char code[5];
    uint16_t opts;
    uint16_t nelem;
    uint32_t elem;      /* elems[elem .. elem+nelem) */
    uint32_t score;     /* specificity: longer patterns are tried first */
    const char *text;   /* "112 accuse + of" (owned by the lexicon) */
    /* Set at load, for a quick test before the element walk (actions.c
     * words_present): ne_word_bit of each literal word with no alternative,
     * and bit c of each class c < 64. A copy that drops elements must clear
     * them. */
    uint64_t wbits, cbits;
} ne_pattern_t;

/* One of 64 bits for a word id: a sentence's words OR'ed together say at
 * once that a pattern's literal word is absent (never that it is there). */
static inline uint64_t ne_word_bit(int32_t id)
{
    return 1ull << ((uint32_t)id * 2654435761u >> 26);
}

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
/**
 * @brief One step of a word's hash: the next eight bytes of its folded form,
 * zero past its end, mixed into h (NE_FNV_OFFSET before the first). Lets the
 * tokenizer hash a word in the pass that folds it; the lexicon hashes its
 * own words with this too.
 */
static inline uint64_t ne_lex_chunk_mix(uint64_t h, uint64_t chunk)
{
    h = (h ^ chunk) * 0x9E3779B97F4A7C15ULL;
    return h ^ (h >> 32);
}
/**
 * @brief ne_lex_word_find for a word the caller hashed: h is its chunks mixed
 * with ne_lex_chunk_mix, head its first chunk (zero-padded).
 */
int32_t ne_lex_word_find_mixed(const ne_lexicon_t *lx, const char *s, size_t n, uint64_t h,
                               uint64_t head);
/** @brief The classes (bit c for class id c < 64) that have a member beginning with word. */
uint64_t ne_lex_word_classes(const ne_lexicon_t *lx, int32_t word);
/** @brief The singular of a plural that a pattern word generated ("ambassadors"
 * -> "ambassador"), -1 for other words. */
int32_t ne_lex_singular(const ne_lexicon_t *lx, int32_t word);
/** @brief Grammar flags of a word id (0 for -1). */
uint32_t ne_lex_word_flags(const ne_lexicon_t *lx, int32_t word);
/** @brief The small value of a grammar word (weekday, month, number). */
int ne_lex_word_val(const ne_lexicon_t *lx, int32_t word);
/** @brief The date rules (NE_DR_*) that may begin at word (0 for -1). */
uint32_t ne_lex_date_rules(const ne_lexicon_t *lx, int32_t word);

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

/* Classes that a construction of the grammar names (their members are data
 * in classes.tsv, like every other class). */
enum {
    NE_GC_QUANTITY, /* "at least", "more than", "up to": before a number */
    NE_GC_BORDER,   /* "border", "frontier": "its border with X" stands for X */
    NE_GC_SIMILAR,  /* "similar", "the same": an act like one before, on the same target */
    NE_GC_AGAINST,  /* "against", "in defiance of", "unless": names whom an act opposes */
    NE_GC_MEMBERS,  /* "members", "supporters", "leaders" (of X): stand for X */
    NE_GC_LOCATIVE, /* "in", "near", "across": "struck targets in X" names a place */
    NE_GC_MANY,     /* number words of ten or more: "dozens", "hundreds", "fifty" */
    NE_GC_CLAUSE_TIME, /* ", after ...", ", until ...": a clause of time ends a gap */
    NE_GC_RESPONSE, /* "counter-", "retaliatory": an act in response to one on the actor */
    NE_GC_TARGETS,  /* "targets", "positions" (in X): stand for the place */
    NE_GC_EPITHETS, /* "founder", "laureate", "man": a description before a person's name */
    NE_GC_TERRITORY, /* "city", "capital", "town": a description before a place's name */
    NE_GC_DEMANDS,  /* "demand", "call" (that X do Y): the clause is asked for, not asserted */
    /* kinds that decide an event's code (code-kind-* families of grammar.tsv) */
    NE_GC_CHEMICAL,     /* "sarin", "nerve agent": an attack with them is 2041 */
    NE_GC_ARMOUR,       /* "tank", "artillery": fighting with them is 194 */
    NE_GC_CROWD,        /* "protesters", "mourners": force used on them is 175 */
    NE_GC_MISSION,      /* "peacekeepers", "to help": troops sent on it are aid (074) */
    NE_GC_WEAPONS,      /* "rifles", "grenades": an attack with them is no riot */
    NE_GC_CONVOY,       /* "convoy", "motorcade": a person's, attacked, is 185 */
    NE_GC_PROPERTY,     /* "subsidiaries", "assets": seizing them is 1711 */
    NE_GC_GRIEVANCE,    /* "over", "about": what a complaint to X is about */
    NE_GC_PREFIXES,     /* "re", "co": "re-elected" is a verb, "Israeli-occupied" a modifier */
    NE_GC_PERIODS,      /* "year", "week": "last year's protests" is a noun phrase */
    NE_GC_AIR,          /* "air strike", "drone": an attack with them is 195 */
    NE_GC_PATIENTS,     /* "release", "extradition": "his release" is the release of him */
    NE_GC_GRANTS,       /* "asylum", "pardon": "granted her asylum" has "her" as object */
    NE_GC_TALKS,        /* "talks", "negotiations": "hosted talks between A and B" (A and B negotiated) */
    NE_GC_HEARSAY,      /* "reports", "claims", "rumours" (that X did Y): the clause is not asserted */
    NE_GC_SUICIDE_BOMB, /* "suicide bomber", "suicide attack": the attack is 1831 */
    NE_GC_VEHICLE_BOMB, /* "car bomb", "truck bomb": the attack is 1832 */
    NE_GC_ROADSIDE_BOMB, /* "roadside bomb", "IED": the attack is 1833 */
    NE_GC_AIR_MEANS,    /* "a drone killed", "killed by a U.S. drone": an attack from the air, 195 */
    NE_GC_NEAR,         /* "near", "close to", "next to": a phrase reads as the one-word member */
    NE_GC_LIGHT,        /* "act", "form" (of X): the noun phrase is headed by X for a class */
    NE_GC_BEHALF,       /* "defence", "side", "aid": "rallied to her defence" stands up for her */
    NE_GC_RESULT,       /* "dead", "alive": after a verb, its complement ("shot dead X"), no modifier of X */
    NE_GC_SOVEREIGN,    /* "airspace", "waters", "soil": a state's own ground ("violated its airspace") */
    NE_GC_GUILT,        /* "guilty": "are guilty of violating X" is the subject's act */
    NE_GC_REPRISAL,     /* "retaliation", "response" (for/to X's act): the act answers X */
    NE_GC_ELLIPTIC,     /* "fourth", "others", "another": "and captured a fourth" (one more of them) */
    NE_GC_CONTROL,      /* "held", "run": "Russian-held areas" stand for Russia, the holder */
    NE_GC_CYBER,        /* "hackers", "computer network": an attack in the clause is a cyber attack, 176 */
    NE_GC_MUNITIONS,    /* "missile", "shell", "drone": what a force act strikes with, as a subject (frames.c means_agents) */
    NE_GC_HOLDING,      /* "held", "controlled": "depots held by the RSF" stand for the RSF (actions.c of_phrase) */
    NE_GC_REGIONAL,     /* "Tigrayan", "Kachin": the armed forces of a region or people inside a state are rebels */
    NE_GC_ADDITIVE,     /* "as well as", "along with": "A, along with B, condemned" is a compound subject */
    NE_GC_TOPIC,        /* "on", "over", "about": "talks on a trade deal with X", the topic of the pattern's noun */
    NE_GC_INCLUDING,    /* "including": "diplomats from seven countries, including Argentina and Chile" */
    NE_GC_ELECTION,     /* "the result", "the poll": a state's election, with no party named */
    NE_GC_SIDES,        /* "sides", "neighbours": "the neighbours" alone are the two sides the article set up */
    NE_GC_SEQUEL,       /* "came": "The strikes came a day after X fired rockets" (X's act is background) */
    NE_GC_KEPT,         /* "held": "has been held in prison since 2021" is custody kept up, no arrest */
    NE_GC_CHANNEL,      /* "through", "via": "protested through its embassy" names the channel, no one acted on */
    NE_GC_REFUGEES,     /* "migrants", "refugees": people who flee are of no state the place names */
    NE_GC_FLIGHT,       /* "fleeing", "from": after REFUGEES, the words that say where they come from */
    NE_GC_EMBASSIES,    /* "embassy", "consulate": one a state acts on is another state's */
    NE_GC_CRAFT,        /* "vessel", "boat": "its vessels" stand for the owner state, as SOVEREIGN */
    NE_GC_COLLECTIVE,   /* "police", "personnel": plural in grammar, never what "its" stands for */
    NE_GC_ISLANDS,      /* "cuba", "taiwan": names of island states, what "the island" stands for */
    NE_GC_INSPECTORS,   /* "inspectors", "monitors": with no owner named, the organisation's the article named */
    NE_GC_WARRING,      /* "warring": "the warring parties" are the sides, as "the parties" */
    NE_GC_DIPLOMATS,    /* "ambassador", "envoy": a state's diplomat is abroad (frames.c diplomat_member) */
    NE_GC_ING_NOUNS,    /* "border crossing", "arms trafficking": compound nouns whose head is an -ing form */
    NE_GC_CEASEFIRE,    /* "truce", "ceasefire": "both sides" asked for one are the warring sides */
    NE_GC_JUNTA,        /* "junta", "military": "the junta" is the government named as military-ruled */
    NE_GC_AGENT_OF,     /* "drills", "visit": "the drills of A and B" names their agents after "of" */
    NE_GC_EXCHANGE,     /* "exchange", "swap": people freed in one are the other side's (frames.c exchange_side) */
    NE_GC_CURRENCY,     /* "dollar", "euro": "155 billion Canadian dollars" is money, no party */
    NE_GC_MEETINGS,     /* "meeting", "summit": "hosted a meeting of A and B" (A and B met) */
    NE_GC_RETAKING,     /* "retook", "recaptured": ground taken back from whoever took it */
    NE_GC_ADVERBIAL_IN, /* "return", "turn": "in return X" is an adverb, X no object of "in" */
    NE_GC_DETAINEES,    /* "activist", "dissident": people seized are detained (code-kind-detainees) */
    NE_GC_CONVERSATION, /* "call", "meeting": "In a call with X, Y urged ..." names Y's addressee (frames.c) */
    NE_GC_JOURNEY,      /* "visit", "tour": "is on a visit to X" is the subject's visit (actions.c) */
    NE_GC_ANSWERING,    /* verbs "retaliate", "reciprocate": "retaliated with drills" answers an act */
    NE_GC_FLOATING,     /* "each", "both": after a plural subject, a quantifier of it ("A and B each accused") */
    NE_GC_NEITHER,      /* "neither", "nor": before a subject or a verb, they deny it */
    NE_GC_COUNT
};
/** @brief Id of a grammar class (NE_GC_*), NE_LEX_NONE when classes.tsv lacks it. */
uint32_t ne_lex_gclass(const ne_lexicon_t *lx, int gc);
/** @brief The one-word members of class NEAR ("near"): a phrase of several words of the class
 *  ("close to") counts as them for the word prefilter of patterns. Returns how many (at most 4). */
int ne_lex_near_words(const ne_lexicon_t *lx, const int32_t **words);

/** @brief Id of a noun class by name ("VICTIMS"), NE_LEX_NONE when unknown. */
uint32_t ne_lex_class_id(const ne_lexicon_t *lx, const char *name);
/** @brief First class phrase that begins with word, NE_LEX_NONE when none. */
uint32_t ne_lex_cphrases(const ne_lexicon_t *lx, int32_t word);
const ne_cphrase_t *ne_lex_cphrase(const ne_lexicon_t *lx, uint32_t idx);
const int32_t *ne_lex_cwords(const ne_lexicon_t *lx);
/** @brief Is the one-word phrase `word` a member of class cls? */
int ne_lex_in_class(const ne_lexicon_t *lx, uint32_t cls, int32_t word);

/* How a support verb presents the event its object noun names ("ordered
 * the release of X": the act; "called for the release": a demand). */
enum { NE_MOD_ACT = 1, NE_MOD_INTENT, NE_MOD_DEMAND, NE_MOD_APPEAL, NE_MOD_REJECT };

typedef struct ne_support_s {
    int32_t part[2];  /* particles after the verb ("call for") */
    uint8_t npart;
    uint8_t modality; /* NE_MOD_* */
    uint32_t next;    /* next support reading of the same verb, NE_LEX_NONE */
} ne_support_t;

/** @brief The event noun of a word (singular or plural), NE_LEX_NONE when none. */
uint32_t ne_lex_noun(const ne_lexicon_t *lx, int32_t word);
/** @brief Patterns of an event noun, most specific first. */
const ne_pattern_t *ne_lex_noun_patterns(const ne_lexicon_t *lx, uint32_t noun, size_t *n);
/** @brief The CAMEO roots of the events a noun can name (bit r for root r). */
uint32_t ne_lex_noun_roots(const ne_lexicon_t *lx, uint32_t noun);
/** @brief The word id of a noun's singular. */
int32_t ne_lex_noun_word(const ne_lexicon_t *lx, uint32_t noun);
/* What an event noun refers to (ne_lex_noun_participants): its event, whose
 * agents count (0); all who took part ("the talks"); the agents themselves,
 * a person noun ("arrested 20 suspects": the attackers). */
enum { NE_REF_PARTICIPANTS = 1, NE_REF_AGENTS = 2 };
/** @brief NE_REF_* of an event noun, 0 for its agents through its event. */
int ne_lex_noun_participants(const ne_lexicon_t *lx, uint32_t noun);
const char *ne_lex_noun_name(const ne_lexicon_t *lx, uint32_t noun);
/** @brief First support reading of a verb lemma, NE_LEX_NONE when none. */
uint32_t ne_lex_supports(const ne_lexicon_t *lx, uint32_t lemma);
const ne_support_t *ne_lex_support(const ne_lexicon_t *lx, uint32_t idx);

/* Code families (grammar.tsv `code-*` lines): the code of an intention,
 * a threat, a refusal, an appeal, a demand or a permission to do an act,
 * by the act's code ("will release": 0841 -> 0353). */
enum {
    NE_CF_INTENT, NE_CF_THREAT, NE_CF_REFUSE, NE_CF_APPEAL, NE_CF_DEMAND, NE_CF_RALLY,
    NE_CF_ALLOW, NE_CF_ALLOW_HOME, NE_CF_AGREE, NE_CF_FAIL,
    NE_CF_KIND_CHEMICAL, NE_CF_KIND_ARMOUR, NE_CF_KIND_CROWD, NE_CF_KIND_MISSION,
    NE_CF_KIND_CONVOY, NE_CF_KIND_PROPERTY, NE_CF_KIND_AIR, NE_CF_KIND_SUICIDE,
    NE_CF_KIND_VEHICLE_BOMB, NE_CF_KIND_ROADSIDE, NE_CF_KIND_AIR_MEANS,
    NE_CF_HOME, /* code-home: acts a state does at home through its government (frames.c) */
    NE_CF_KIND_CYBER, /* code-kind-cyber: "Russian hackers attacked the parliament's network" */
    NE_CF_CONJUNCT, /* code-conjunct: acts that, naming no one after a coordinated verb, are aimed at its party (frames.c) */
    NE_CF_HOLDER, /* code-holder: biddings on detained people (their release, access to them) go to their holder (frames.c) */
    NE_CF_CALL_PURPOSE, /* code-call-purpose: a governing verb's own act (a telephone call) whose infinitive is the caller's purpose (frames.c) */
    NE_CF_KIND_DIPLOMATS, /* code-kind-diplomats: "three Iranian diplomats were ordered to leave": 161 */
    NE_CF_KIND_DETAINEES, /* code-kind-detainees: "police seized 14 opposition activists": 173 */
    NE_CF_CONJUNCT_CONSULT, /* code-conjunct-consult: as code-conjunct, after a meeting or a call (root 04) only */
    NE_CF_CONJUNCT_AND, /* code-conjunct-and: as code-conjunct, after a verb coordinated by "and" only (restrictions) */
    NE_CF_COUNT
};

/**
 * @brief The code of family `family` for an act coded `code`: the entry of
 * the longest listed prefix of code, else the family's default (`*`).
 * @returns 1 with the code in out, or 0 with out = code when the family
 * maps nothing (an entry `-` keeps the code too, and returns 1).
 */
int ne_lex_code_family(const ne_lexicon_t *lx, int family, const char *code, char out[5]);
/** @brief 0 when family maps no code of code's root (its first two digits), so
 * ne_lex_code_family would leave code as it is; 1 when it may map it. */
int ne_lex_code_family_may(const ne_lexicon_t *lx, int family, const char *code);

/**
 * @brief Mention-grammar classes of a word (NE_MC_* bits, 0 for none). With
 * cls one class bit, *value (when not NULL) is that class's value ("OPP").
 */
uint32_t ne_lex_mention_class(const ne_lexicon_t *lx, int32_t word, uint32_t cls,
                              const char **value);

/** @brief The lemma flags (NE_L_*) of every verb reading of a word, or'd ("said": say,
 * speech), 0 for a word that is no verb form. */
uint32_t ne_lex_verb_flags(const ne_lexicon_t *lx, int32_t word);

/** @brief CAMEO code table look-up; NULL when the code is unknown. */
const ne_cameo_t *ne_lex_cameo(const ne_lexicon_t *lx, const char *code);

size_t ne_lex_entry_count(const ne_lexicon_t *lx);

/** @brief Date string of a dictionary validity column: YYYYMMDD, 0 for "-", -1 invalid. */
int32_t ne_lex_parse_validity(const char *s, int is_end);

#endif
