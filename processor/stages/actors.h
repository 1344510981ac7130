/*
 * actors.h - stage 2 of the coder: actor mentions.
 *
 * Groups the tokens of one sentence into mentions ("Russia's Foreign
 * Ministry spokesperson Maria Zakharova", "Presidents of Russia and
 * Azerbaijan, Vladimir Putin and Ilham Aliyev", "Armenian protesters",
 * "she"), each with one or more members that carry a code. Pronouns and
 * short names are resolved here, left to right, against the article's
 * memory of earlier mentions.
 */
#ifndef NE_ACTORS_H
#define NE_ACTORS_H

#include <stddef.h>
#include <string.h>

#include "doc.h"
#include "lexicon.h"

/* What the article remembers between sentences. */
#define NE_MEM_NAMES 64
#define NE_MEM_RECENT 16
#define NE_MEM_PERSONS 64
#define NE_MEM_CASTS 4
#define NE_MEM_EVENTS 8      /* events remembered (a ring) */
#define NE_MEM_FLED 4        /* actors that fled, remembered (a ring) */
#define NE_MEM_STATES 16     /* states counted per article (the first 16 named) */
#define NE_MEM_EVMEMBERS 3   /* agents and targets kept of each */
#define NE_MEM_THINGS 8      /* things owned by a party ("a U.S. proposal"), remembered (a ring) */
#define NE_MEM_PUT_FORWARD 4 /* things put forward as objects, with their owners (frames.c remember_things) */

typedef struct ne_memory_s {
    /* The small state first: ne_memory_reset clears everything above `names`
     * for each article, so a field added here is reset without a word more. */
    size_t nnames, nrecent, npersons, ncast; /* entries put in each ring, all told */
    size_t nevents;                     /* events remembered, all told */
    size_t nthings;                     /* owned things remembered, all told */
    char north[4], south[4];            /* the states named "North ...", "South ..." */
    ne_mention_t prev_subj;             /* the last sentence's subject (n = 0: none) */
    int prev_thing;                     /* ... was a thing ("The document serves") */
    int32_t prev_thing_word;            /* ... the thing's head word ("launch"), with
                                           prev_thing set; -1 unknown */
    struct {
        int32_t word;                   /* the head noun (singular) of an object: "plan" */
        ne_member_t m[NE_MEM_EVMEMBERS]; /* its owner: "(a proposal) from Washington", or the subject of a verb that coded nothing */
        int n;
    } put_forward[NE_MEM_PUT_FORWARD];  /* things put forward ("presented a plan"), a ring */
    size_t nput_forward;                /* ... put in, all told */
    ne_member_t said_by[NE_MEM_EVMEMBERS]; /* who last reported something ("Russia said
                                           Ukraine had shelled a school"): a claim's author */
    int nsaid_by;
    int32_t thing_before;               /* while a sentence is coded (frames.c), the
                                           head word of the thing the sentence before it
                                           was about, -1 none: what an opening "it" is */
    char country[4];                    /* the last country named */
    char place[4];                      /* the state of the last place named ("Nara") */
    char dateline[4];                   /* the state of the current sentence's dateline, "" none */
    char force[4];                      /* the last security force named: COP or MIL, "" */
    ne_mention_t people;                /* the last group of people of no state
                                           ("young demonstrators"): "they", "them" */
    size_t people_at;                   /* nrecent when it was named */
    int anchor;                         /* the last date resolved from the text */
    struct {
        char country[4];
        uint16_t n;
    } states[NE_MEM_STATES];            /* the states named (not as a thing's adjective), with
                                           their counts: the article's main state */
    int nstates;
    ne_member_t elect;                  /* the last named person placed as the winner of a
                                           state's election ("X won Malawi's presidential
                                           election"): who "the president-elect" is */
    char fled[NE_MEM_FLED][16];         /* actors that fled in this article (a ring) */
    size_t nfled;                       /* ... put in, all told */
    /* The rings (tens of kilobytes): read only below their counters, never cleared. */
    struct {
        uint64_t full, last; /* hashes of the folded full name and its last word */
        ne_member_t m;
        int org;             /* an organisation's name or acronym, not a person */
    } names[NE_MEM_NAMES];
    ne_mention_t recent[NE_MEM_RECENT]; /* the last mentions */
    uint32_t persons[NE_MEM_PERSONS];   /* dictionary persons named in full so far */
    ne_mention_t cast[NE_MEM_CASTS];    /* the last compounds: "the two countries" */
    /* the events coded so far (frames.c): what "the attack", "the talks" refer to */
    struct ne_memevent_s {
        char code[5];
        int32_t word;   /* the verb or event noun that coded it ("strike"), -1 */
        int32_t means;  /* an event noun heading its subject ("air strikes killed"), -1 */
        uint32_t sent;  /* first token of its sentence */
        uint8_t background; /* told in the pluperfect ("had blocked"): before the story's main line */
        uint8_t nagent, ntarget;
        ne_member_t agent[NE_MEM_EVMEMBERS], target[NE_MEM_EVMEMBERS];
    } events[NE_MEM_EVENTS];
    /* a thing a party's name or adjective owns ("a U.S. proposal", "Egypt's
     * plan"): whose "the proposal" is, later */
    struct {
        int32_t word; /* the head noun, in the singular */
        ne_member_t owner;
    } things[NE_MEM_THINGS];
} ne_memory_t;

void ne_memory_reset(ne_memory_t *mem);

/* The owner of the last thing remembered with head noun `word` (singular
 * word id) into *out: 1, or 0 when none was. */
int ne_memory_thing_owner(const ne_memory_t *mem, int32_t word, ne_member_t *out);

/** @brief The state the article has named most often so far (at least
 * twice, and more often than any other), or NULL. */
const char *ne_memory_main_state(const ne_memory_t *mem);

/**
 * @brief Find the mentions of sentence [tb, te) of doc into doc->ment and
 * doc->tok_ment (indexed from tb).
 * @returns 0, or -1 when out of memory.
 */
int ne_actors_sentence(const ne_lexicon_t *lx, ne_doc_t *doc, uint32_t tb, uint32_t te,
                       ne_memory_t *mem);

/* An IGO or the West: an actor of no state, whose code needs no country. */
static inline int ne_code_stateless(const char *code)
{
    return strncmp(code, "IGO", 3) == 0 || strcmp(code, "WST") == 0;
}

/** @brief Fill member codes: country + role, or the role alone when the country is unknown. */
void ne_member_set(ne_member_t *m, const char *country, const char *role);

/** @brief Remember a mention (for pronouns and "the ministry" later). */
void ne_memory_push(ne_memory_t *mem, const ne_mention_t *m);

/**
 * @brief A person of no known state (m, one member) that an event placed in
 * state `placed` keeps that state for the rest of the article: a later
 * surname ("Glas") recalls it, and "he"/"she"/"him"/"her" may stand for it.
 */
void ne_memory_place_person(ne_memory_t *mem, const ne_doc_t *d, const ne_mention_t *m,
                            const ne_member_t *placed);

#endif
