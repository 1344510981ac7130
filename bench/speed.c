/*
 * speed - throughput and memory of the coder on one core.
 *
 *   speed CORPUS.jsonl [DICT_DIR]
 *
 * Reads article JSON Lines, decodes them (timed separately), then codes
 * every article with one ne_events_t (timed: the coder's own throughput),
 * then encodes every event as JSON (timed). Prints articles/s and MB/s of
 * article text for each phase, the event count, and the peak resident set
 * size of the process (VmHWM). Memory stays bounded: articles are streamed,
 * a batch at a time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "newsevents.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static long vm_hwm_kb(void)
{
    FILE *fp = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    while (fp && fgets(line, sizeof(line), fp))
        if (!strncmp(line, "VmHWM:", 6)) kb = atol(line + 6);
    if (fp) fclose(fp);
    return kb;
}

#define BATCH 256

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: speed CORPUS.jsonl [DICT_DIR]\n");
        return 2;
    }
    const char *dirs[] = {argc > 2 ? argv[2] : NE_BENCH_DICT};
    ne_coder_conf_t cc = {dirs, 1};
    char err[512];
    ne_coder_t *coder = ne_coder_new(&cc, err, sizeof(err));
    if (!coder) {
        fprintf(stderr, "speed: %s\n", err);
        return 1;
    }
    FILE *fp = fopen(argv[1], "r");
    if (!fp) {
        perror(argv[1]);
        return 1;
    }
    ne_events_t *ev = ne_events_new();
    ne_article_t arts[BATCH];
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    double t_dec = 0, t_code = 0, t_enc = 0;
    long articles = 0, events = 0, rejected = 0;
    double text_bytes = 0, input_bytes = 0;
    int eof = 0;
    while (!eof) {
        int n = 0;
        double t0 = now();
        while (n < BATCH) {
            if ((len = getline(&line, &cap, fp)) <= 0) {
                eof = 1;
                break;
            }
            input_bytes += (double)len;
            if (ne_article_decode(line, (size_t)len, NULL, &arts[n], err, sizeof(err)) != NE_OK) {
                rejected++;
                continue;
            }
            text_bytes += (double)arts[n].text_len;
            n++;
        }
        double t1 = now();
        t_dec += t1 - t0;
        for (int i = 0; i < n; i++) {
            double a = now();
            if (ne_coder_code(coder, &arts[i], ev, err, sizeof(err)) < 0) {
                fprintf(stderr, "speed: %s\n", err);
                return 1;
            }
            double b = now();
            t_code += b - a;
            for (size_t k = 0; k < ne_events_count(ev); k++) {
                char *js = ne_event_to_json(ne_events_get(ev, k), &arts[i], NULL);
                free(js);
            }
            t_enc += now() - b;
            events += (long)ne_events_count(ev);
            articles++;
            ne_article_clear(&arts[i]);
        }
    }
    free(line);
    fclose(fp);
    ne_events_destroy(ev);
    ne_coder_destroy(coder);
    printf("corpus: %.1f MB of records, %.1f MB of article text, %ld articles, %ld rejected\n",
           input_bytes / 1e6, text_bytes / 1e6, articles, rejected);
    printf("decode (records):   %8.0f articles/s  %6.1f MB/s of records\n", articles / t_dec,
           input_bytes / 1e6 / t_dec);
    printf("code (the coder):   %8.0f articles/s  %6.1f MB/s of text\n", articles / t_code,
           text_bytes / 1e6 / t_code);
    printf("encode (events):    %8.0f events/s\n", events / t_enc);
    printf("all three:          %8.0f articles/s  %6.1f MB/s of records\n",
           articles / (t_dec + t_code + t_enc), input_bytes / 1e6 / (t_dec + t_code + t_enc));
    printf("events: %ld (%.2f per article)\n", events, (double)events / articles);
    printf("peak memory (VmHWM): %.1f MB\n", vm_hwm_kb() / 1024.0);
    return 0;
}
