/*
 * fuzz_coder - libFuzzer target for the whole extractor: the input is an
 * article text (first two bytes pick the published date), coded and every
 * event encoded as JSON. Checks that spans lie inside the text.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "newsevents.h"

static ne_coder_t *coder;
static ne_events_t *ev;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *dirs[] = {NE_FUZZ_DICT};
    ne_coder_conf_t cc = {dirs, 1};
    char err[256];
    coder = ne_coder_new(&cc, err, sizeof(err));
    if (!coder) {
        fprintf(stderr, "fuzz_coder: %s\n", err);
        abort();
    }
    ev = ne_events_new();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2) return 0;
    char *text = malloc(size - 2 + 1);
    memcpy(text, data + 2, size - 2);
    text[size - 2] = '\0';
    ne_article_t a;
    memset(&a, 0, sizeof(a));
    a.id = "fuzz";
    a.text = text;
    a.text_len = size - 2;
    /* a date between 1990 and 2035 from the first two bytes, or none */
    unsigned d = (unsigned)data[0] << 8 | data[1];
    a.published_ymd = d % 7 == 0 ? 0 : (1990 + d % 46) * 10000 + (1 + d % 12) * 100 + 1 + d % 28;
    char err[256];
    if (ne_coder_code(coder, &a, ev, err, sizeof(err)) == 0) {
        for (size_t i = 0; i < ne_events_count(ev); i++) {
            const ne_event_t *e = ne_events_get(ev, i);
            if (e->sentence_end > a.text_len || e->trigger_end > a.text_len ||
                e->trigger_start < e->sentence_start || e->actor.end > a.text_len)
                abort();
            char *js = ne_event_to_json(e, &a, NULL);
            if (!js) abort();
            free(js);
        }
    }
    free(text);
    return 0;
}
