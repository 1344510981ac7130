/*
 * doc.c - the growable arrays behind ne_doc_t and the other stage buffers.
 */
#include <stdlib.h>

#include "doc.h"

int ne_vec_grow(void **v, size_t *cap, size_t elem_size)
{
    size_t ncap = *cap ? *cap * 2 : 16;
    if (ncap > SIZE_MAX / elem_size) return -1;
    void *nv = realloc(*v, ncap * elem_size);
    if (!nv) return -1;
    *v = nv;
    *cap = ncap;
    return 0;
}

void ne_doc_free(ne_doc_t *d)
{
    if (!d) return;
    free(d->fold.v);
    free(d->tok.v);
    free(d->sent.v);
    free(d->ment.v);
    free(d->tok_ment.v);
    free(d->atoms.v);
    free(d->wset.v);
    free(d->vg.v);
    free(d->tx.v);
}
