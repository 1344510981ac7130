/*
 * testutil.c - helpers shared by the Check suites.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "text.h"

static ne_lexicon_t *g_lex;
static ne_coder_t *g_coder;

static void cleanup(void)
{
    ne_lex_destroy(g_lex);
    ne_coder_destroy(g_coder);
}

const ne_lexicon_t *tu_lex(void)
{
    if (!g_lex) {
        char err[512];
        const char *dirs[] = {NE_TEST_DICT};
        g_lex = ne_lex_load(dirs, 1, err, sizeof(err));
        if (!g_lex) {
            fprintf(stderr, "loading %s: %s\n", NE_TEST_DICT, err);
            abort();
        }
        atexit(cleanup);
    }
    return g_lex;
}

const ne_coder_t *tu_coder(void)
{
    if (!g_coder) {
        char err[512];
        const char *dirs[] = {NE_TEST_DICT};
        ne_coder_conf_t cc = {dirs, 1};
        g_coder = ne_coder_new(&cc, err, sizeof(err));
        if (!g_coder) {
            fprintf(stderr, "loading %s: %s\n", NE_TEST_DICT, err);
            abort();
        }
        if (!g_lex) atexit(cleanup);
    }
    return g_coder;
}

void tu_doc(ne_doc_t *d, const char *text, int published)
{
    memset(d, 0, sizeof(*d));
    d->published = published;
    ck_assert_int_eq(ne_text_tokenize(d, text, strlen(text), tu_lex()), 0);
    ck_assert_int_eq(ne_text_sentences(d), 0);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char *tu_code(const char *text, int published)
{
    ne_article_t a;
    memset(&a, 0, sizeof(a));
    a.id = "t";
    a.text = (char *)text;
    a.text_len = strlen(text);
    a.published_ymd = published;
    ne_events_t *ev = ne_events_new();
    char err[256];
    ck_assert_int_eq(ne_coder_code(tu_coder(), &a, ev, err, sizeof(err)), 0);
    size_t n = ne_events_count(ev);
    char **lines = calloc(n + 1, sizeof(char *));
    size_t total = 1;
    for (size_t i = 0; i < n; i++) {
        const ne_event_t *e = ne_events_get(ev, i);
        char date[16];
        ne_format_date(e->date_ymd, e->date_precision, date);
        lines[i] = malloc(96);
        snprintf(lines[i], 96, "%s %s %s %s", e->actor.code, e->code,
                 e->has_counterpart ? e->counterpart.code : "-", date);
        total += strlen(lines[i]) + 3;
    }
    qsort(lines, n, sizeof(char *), cmp_str);
    char *out = malloc(total);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i) strcat(out, " | ");
        strcat(out, lines[i]);
        free(lines[i]);
    }
    free(lines);
    ne_events_destroy(ev);
    return out;
}

/* A case is one line of its file: "\n" in a field stands for a line break
 * (a headline over its text, paragraphs). */
static void unescape_newlines(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        if (r[0] == '\\' && r[1] == 'n') {
            *w++ = '\n';
            r++;
        } else {
            *w++ = *r;
        }
    }
    *w = '\0';
}

int tu_cases(const char *file, void (*fn)(char **f, int nf, int line, void *arg), void *arg)
{
    char path[1024];
    snprintf(path, sizeof(path), "%s/%s", NE_TEST_CASES, file);
    FILE *fp = fopen(path, "r");
    ck_assert_msg(fp != NULL, "cannot open %s", path);
    char buf[8192];
    int line = 0, count = 0;
    while (fgets(buf, sizeof(buf), fp)) {
        line++;
        size_t n = strlen(buf);
        while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r')) buf[--n] = '\0';
        if (!n || buf[0] == '#') continue;
        char *f[16];
        int nf = 0;
        char *p = buf;
        while (nf < 16) {
            f[nf++] = p;
            char *tab = strchr(p, '\t');
            if (!tab) break;
            *tab = '\0';
            p = tab + 1;
        }
        for (int k = 0; k < nf; k++) unescape_newlines(f[k]);
        fn(f, nf, line, arg);
        count++;
    }
    fclose(fp);
    return count;
}

int tu_failures;

void tu_check_cases(const char *file, int min, void (*fn)(char **f, int nf, int line, void *arg))
{
    tu_failures = 0;
    int n = tu_cases(file, fn, NULL);
    ck_assert_msg(n > min, "%s: %d cases, expected more than %d", file, n, min);
    ck_assert_msg(tu_failures == 0, "%s: %d of %d cases failed (listed above)", file, tu_failures, n);
}

int tu_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
