/*
 * frames.h - stage 4 of the coder: who did what to whom, and when.
 *
 * For every verb group whose pattern matched, find the actor (subject,
 * passive agent, relative antecedent, the main clause's subject for a
 * participle, the previous verb's subject for "and hailed"), the
 * counterpart (the pattern's '+', or what its option says), resolve roles
 * with no country from context, map a support verb's presentation ("called
 * for the release"), a request ("urged X to"), intention, threat and refusal
 * to their CAMEO codes (the code families of grammar.tsv), remember the
 * event for what later refers to it, and pick the event's date.
 */
#ifndef NE_FRAMES_H
#define NE_FRAMES_H

#include "actors.h"
#include "doc.h"
#include "lexicon.h"

struct ne_events_s;

/**
 * @brief Code sentence [tb, te) (mentions, time expressions and verb
 * groups already found) into events appended to ev.
 * @returns 0, or -1 when out of memory.
 */
int ne_frames_sentence(const ne_lexicon_t *lx, ne_doc_t *doc, uint32_t tb, uint32_t te,
                       ne_memory_t *mem, struct ne_events_s *ev);

/**
 * @brief What an event noun of the text refers to: the agents of the most
 * recent event of the article whose CAMEO root is in roots (bit r for root
 * r), one coded by `word` (a word id, -1 for any) first, with its targets
 * too when participants is set ("the talks").
 * @returns the number of members written to out (at most max), 0 when the
 * article has no such event yet.
 */
int ne_frames_recall(const ne_memory_t *mem, uint32_t roots, int32_t word, int participants,
                     ne_member_t *out, int max);

/**
 * @brief The agents (for a meeting noun, the participants) of the event that
 * the noun `word` names ("the raid", "the deal": event-nouns.tsv), from the
 * article's memory of events. For the clause grammar: "The deal was
 * brokered by China" takes the deal's participants as counterparts.
 * @returns the number of members written to out, 0 when the word names no
 * event or no such event was coded before.
 */
int ne_frames_event_noun_agents(const ne_lexicon_t *lx, const ne_memory_t *mem, int32_t word,
                                ne_member_t *out, int max);

#endif
