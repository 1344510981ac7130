/*
 * frames.h - stage 4 of the coder: who did what to whom, and when.
 *
 * For every verb group whose pattern matched, find the actor (subject,
 * passive agent, relative antecedent, the main clause's subject for a
 * participle, the previous verb's subject for "and hailed"), the
 * counterpart (the pattern's '+', or what its option says), resolve roles
 * with no country from context, map intention, threat and refusal to their
 * CAMEO codes (the code families of grammar.tsv), and pick the event's date.
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

#endif
