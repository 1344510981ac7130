/*
 * frames.h - stage 4 of the coder: who did what to whom, and when.
 *
 * For every verb group whose pattern matched, find the actor (subject,
 * passive agent, relative antecedent, the main clause's subject for a
 * participle, the previous verb's subject for "and hailed"), the
 * counterpart (the pattern's '+', or what its option says), resolve roles
 * with no country from context, map intention, threat and refusal to their
 * CAMEO codes, and pick the event's date.
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

/** @brief CAMEO code of an intention to do `code` ("will visit": 042 -> 036). */
void ne_frames_intent_code(const char *code, char out[5]);
/** @brief CAMEO code of a threat to do `code` ("threatened to impose sanctions": 163 -> 1312). */
void ne_frames_threat_code(const char *code, char out[5]);
/** @brief CAMEO code of an event presented by a support verb (NE_MOD_*):
 * @returns 1, or 0 when the modality makes no event of that code. */
int ne_frames_modal_code(int modality, const char *code, char out[5]);
/** @brief CAMEO code of a refusal to do `code` ("refused to release": 0841 -> 1243). */
void ne_frames_refuse_code(const char *code, char out[5]);

#endif
