/*
 * trace.h - a readable dump of what each stage found in a sentence, on
 * stderr, when NEWSEVENTS_TRACE is set. For dictionary authors and for
 * explaining a coding decision; off (one branch per sentence) otherwise.
 */
#ifndef NE_TRACE_H
#define NE_TRACE_H

#include "doc.h"
#include "lexicon.h"

int ne_trace_enabled(void);
void ne_trace_sentence(const ne_lexicon_t *lx, const ne_doc_t *doc, uint32_t tb, uint32_t te);

#endif
