/*
 * testutil.h - shared helpers of the Check suites: the dictionaries, a
 * coded sentence, data-driven case files.
 */
#ifndef NE_TESTUTIL_H
#define NE_TESTUTIL_H

#include <check.h>
#include <stddef.h>
#include <stdio.h>

#include "doc.h"
#include "lexicon.h"
#include "newsevents.h"

/** The project's lexicon, loaded once per test process. */
const ne_lexicon_t *tu_lex(void);
/** The project's coder, loaded once per test process. */
const ne_coder_t *tu_coder(void);

/** Tokenize text into a fresh doc (caller frees with ne_doc_free). */
void tu_doc(ne_doc_t *d, const char *text, int published);

/** Code text; returns the events as "ACTOR CODE COUNTERPART DATE" joined by " | ",
 * sorted (a malloc'd string). */
char *tu_code(const char *text, int published);

/** Read a case file: calls fn for each non-comment line split on TABs. Returns the count. */
int tu_cases(const char *file, void (*fn)(char **f, int nf, int line, void *arg), void *arg);

/** Cases of the running case file that failed (TU_SOFT counts them). */
extern int tu_failures;

/* In a case function: report a failed case and go on to the next, so one
 * run lists every failing case. */
#define TU_SOFT(cond, ...)                                                    \
    do {                                                                      \
        if (!(cond)) {                                                        \
            fprintf(stderr, __VA_ARGS__);                                     \
            fputc('\n', stderr);                                              \
            tu_failures++;                                                    \
            return;                                                           \
        }                                                                     \
    } while (0)

/** Run every case of a case file through fn; the test fails unless the file
 * has more than min cases and none of them failed. */
void tu_check_cases(const char *file, int min, void (*fn)(char **f, int nf, int line, void *arg));

/** Run a suite; returns the process exit code. */
int tu_run(Suite *s);

#endif
