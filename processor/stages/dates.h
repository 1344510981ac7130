/*
 * dates.h - the coder's time expressions, resolved against the article date.
 *
 * "on Friday", "yesterday", "last year", "earlier this month", "in March
 * 2022", "on March 3", "three years ago", "the following day" (relative to
 * the previous date of the text): each becomes a date with a precision
 * (day, month or year). Which event takes which expression is decided by
 * frames.c; what a clause without one takes is ne_dates_default.
 */
#ifndef NE_DATES_H
#define NE_DATES_H

#include "doc.h"
#include "lexicon.h"
#include "newsevents.h"

/**
 * @brief Find the time expressions of sentence [tb, te) into doc->tx.
 * @param anchor the last date resolved from the text before this sentence
 *        (YYYYMMDD, 0 = none): what "the following day" counts from.
 * @returns 0, or -1 when out of memory.
 */
int ne_dates_sentence(const ne_lexicon_t *lx, ne_doc_t *doc, uint32_t tb, uint32_t te,
                      int anchor);

/**
 * @brief The date of a verb group whose clause names none: a clause in the
 *        present ("Kabul denies", "has accused") speaks of the article's day;
 *        any other one of the day the text last named ("Police fired tear
 *        gas" after a lead "on Tuesday"), else of the article's day.
 * @param anchor the running date of the text (YYYYMMDD, 0 = none)
 * @param source out: NE_DATE_CONTEXT or NE_DATE_PUBLISHED
 * @returns the YYYYMMDD date (day precision).
 */
int ne_dates_default(const ne_lexicon_t *lx, const ne_doc_t *doc, const ne_vgroup_t *g,
                     int anchor, int *source);

/** @brief Days since 1970-01-01 of a YYYYMMDD date (with 00 day/month read as 01). */
long ne_days_from_ymd(int ymd);
/** @brief The YYYYMMDD date of a day count. */
int ne_ymd_from_days(long days);
/** @brief Day of the week of a YYYYMMDD date: 0 = Monday .. 6 = Sunday. */
int ne_weekday(int ymd);

#endif
