/*
 * events.h - stage 5 of the coder: the article's events.
 *
 * Collects the events frames.c finds, drops repeats of the same event
 * (same actor, action, counterpart and date) within the article, and
 * gives each event a deterministic id: the same article always yields the
 * same ids, so replays are idempotent for consumers that dedup.
 */
#ifndef NE_EVENTS_H
#define NE_EVENTS_H

#include "actors.h"
#include "doc.h"
#include "places.h"

/* The events of one headline line, [b, e) in the article's list. */
struct ne_headline_s {
    uint32_t b, e;
};

struct ne_events_s {
    NE_VEC(ne_event_t) ev;
    ne_doc_t doc;     /* working memory of the stages, kept between articles */
    ne_memory_t mem;
    ne_places_mem_t places; /* the places stage's memory of the article */
    uint32_t *seen;   /* hash set of event indices + 1, for dropping repeats */
    size_t seen_cap;
    /* the events of each headline line, [b, e) in ev: an entry's headline
     * tells again what the entry's sentences tell (ne_events_drop_headlines) */
    NE_VEC(struct ne_headline_s) heads;
};

/** @brief Forget the previous article's events. */
void ne_events_reset(struct ne_events_s *ev);

/** @brief Append an event unless the article already has the same one. @returns 0 or -1 (memory). */
int ne_events_push(struct ne_events_s *ev, const ne_event_t *e);

/** @brief Note that the events [b, ev->ev.n) came from a headline line. @returns 0 or -1 (memory). */
int ne_events_headline(struct ne_events_s *ev, uint32_t b);

/**
 * @brief Drop each headline's event that an event of the entry under it
 * (up to the next headline) tells again: the same actor and counterpart
 * (states or organisations) and the same CAMEO root. Call once the article
 * is coded: the event list is compacted.
 */
void ne_events_drop_headlines(struct ne_events_s *ev);

/** @brief Give every event its id, from the article id and the event's content. */
void ne_events_assign_ids(struct ne_events_s *ev, const char *article_id);

#endif
