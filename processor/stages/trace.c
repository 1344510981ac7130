/*
 * trace.c - NEWSEVENTS_TRACE output: tokens with their mentions, verb
 * groups with their flags, and time expressions, one sentence at a time.
 */
#include <stdio.h>
#include <stdlib.h>

#include "trace.h"

int ne_trace_enabled(void)
{
    static int on = -1;
    if (on < 0) on = getenv("NEWSEVENTS_TRACE") != NULL;
    return on;
}

void ne_trace_sentence(const ne_lexicon_t *lx, const ne_doc_t *d, uint32_t tb, uint32_t te)
{
    const char *t = d->text;
    fprintf(stderr, "--- sentence: %.*s\n", (int)(d->tok.v[te - 1].end - d->tok.v[tb].start),
            t + d->tok.v[tb].start);
    for (size_t k = 0; k < d->ment.n; k++) {
        const ne_mention_t *m = &d->ment.v[k];
        fprintf(stderr, "  mention [%.*s] flags=%x:", (int)(d->tok.v[m->te - 1].end - d->tok.v[m->tb].start),
                t + d->tok.v[m->tb].start, m->flags);
        for (int i = 0; i < m->n; i++) fprintf(stderr, " %s", m->m[i].code);
        fputc('\n', stderr);
    }
    for (size_t k = 0; k < d->vg.n; k++) {
        const ne_vgroup_t *g = &d->vg.v[k];
        const ne_token_t *h = &d->tok.v[g->head];
        fprintf(stderr, "  verb %.*s (%s) flags=%x\n", (int)(h->end - h->start), t + h->start,
                ne_lex_lemma_name(lx, g->lemma), g->flags);
    }
    for (size_t k = 0; k < d->tx.n; k++) {
        const ne_timex_t *x = &d->tx.v[k];
        fprintf(stderr, "  time [%.*s] = %d prec=%d flags=%x\n",
                (int)(d->tok.v[x->te - 1].end - d->tok.v[x->tb].start), t + d->tok.v[x->tb].start,
                x->ymd, x->prec, x->flags);
    }
}
