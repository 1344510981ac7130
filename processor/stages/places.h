/*
 * places.h - event locations: where an event happened, from a gazetteer of
 * GeoNames places (dict/gazetteer/geonames.tsv, made by
 * scripts/make-gazetteer.py).
 *
 * Runs after frames.c on each sentence that gave events (and on every
 * sentence until the article has a place). A place is a
 * capitalised name of the gazetteer that a locative word introduces ("in
 * Taiz", "near the border town of ...", "in the capital"). An event takes
 * the place of its own clause (how: text), else the article's dateline or
 * first place (how: article); a place that is only a state gives how:
 * country. Among places of one name, those in the actor's and the
 * counterpart's states come first, then the more populous, with states and
 * capitals before towns. Locations never change the actors' codes.
 */
#ifndef NE_PLACES_H
#define NE_PLACES_H

#include "doc.h"

typedef struct ne_places_s ne_places_t;

/* A place name found in the text, not yet resolved to one place. */
typedef struct ne_place_ref_s {
    uint32_t tb, te;        /* tokens */
    uint32_t start, end;    /* bytes */
    uint32_t first, n;      /* the places of this name (postings), n = 0 for "the capital" */
    uint64_t key;           /* the key of the name as the text spells it */
    int32_t state;          /* a state the text gives ("Tripoli, Lebanon", "capital of X"), -1 */
    uint8_t at;             /* a locative word introduces it */
    uint8_t poss;           /* followed by 's: "Mali's capital Bamako" */
    uint8_t dir;            /* introduced by a word of direction ("to") */
    uint8_t whole;          /* "the country": the state itself, not its capital */
    uint16_t list;          /* the index of the first name of its list ("France, Serbia and Hungary") */
    uint8_t stop;           /* a word of another clause ("who") comes before it in the sentence */
    uint8_t division;       /* a word of kind division follows it: "the Donetsk region" */
    uint8_t unknown;        /* a named feature the gazetteer does not hold: "the Black Sea" */
} ne_place_ref_t;

/* What the places stage keeps for one article (in the ne_events_t). */
typedef struct ne_places_mem_s {
    NE_VEC(ne_place_ref_t) refs; /* of the current sentence */
    NE_VEC(uint8_t) stops;       /* per token of the sentence: words of other clauses before it */
    ne_place_ref_t article;      /* the dateline or first place */
    int has_article;
    int32_t article_place;       /* its resolution, a place index */
    int first_sentence_done;     /* the dateline is looked for in the first sentence */
} ne_places_mem_t;

struct ne_lexicon_s;

/**
 * @brief Load gazetteer/geonames.tsv and gazetteer/place-words.tsv from the
 * last of dirs that has them. lx (may be NULL) is the coder's lexicon: its
 * word ids make the place words quicker to find.
 * @returns a gazetteer owned by the caller (ne_places_destroy()), or NULL
 * with a message naming the file and line in errstr.
 */
ne_places_t *ne_places_load(const char *const *dirs, size_t ndirs,
                            const struct ne_lexicon_s *lx, char *errstr, size_t errstr_size);

/** @brief Free a gazetteer. Takes NULL. */
void ne_places_destroy(ne_places_t *pl);

/** @brief Number of places loaded (for logs and tests). */
size_t ne_places_count(const ne_places_t *pl);

/** @brief Forget the previous article. */
void ne_places_reset(ne_places_mem_t *m);

/** @brief Free what a mem owns. */
void ne_places_mem_free(ne_places_mem_t *m);

/**
 * @brief Find the places of sentence [tb, te) and give ev[0..n) (the events
 * this sentence gave) the place of their clause.
 * @returns 0, or -1 when out of memory.
 */
int ne_places_sentence(const ne_places_t *pl, const ne_doc_t *d, uint32_t tb, uint32_t te,
                       ne_places_mem_t *m, ne_event_t *ev, size_t n);

/** @brief Give the events of the article that have no place the article's place. */
void ne_places_article(const ne_places_t *pl, ne_places_mem_t *m, ne_event_t *ev, size_t n);

/**
 * @brief Look a name up, as the text would spell it, and resolve it for an
 * actor and counterpart of the given states ("" none). For tests.
 * @returns the chosen place's GeoNames id, or 0 when the name is unknown.
 */
int32_t ne_places_resolve_name(const ne_places_t *pl, const char *name, const char *actor,
                               const char *counterpart);

#endif
