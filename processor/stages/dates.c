/*
 * dates.c - time expressions.
 *
 * A small grammar over the same tokens as everything else, matched at each
 * token left to right; every rule looks at a bounded window, so a sentence
 * costs time linear in its length. Dates are YYYYMMDD integers; month
 * precision stores day 00, year precision month and day 00.
 */
#include <string.h>

#include "dates.h"
#include "sentence.h"

long ne_days_from_ymd(int ymd)
{
    /* days_from_civil, H. Hinnant's algorithm */
    int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
    if (m < 1) m = 1;
    if (d < 1) d = 1;
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153u * (unsigned)(m + (m > 2 ? -3 : 9)) + 2) / 5 + (unsigned)d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

int ne_ymd_from_days(long z)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = (long)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    y += m <= 2;
    return (int)(y * 10000 + m * 100 + d);
}

int ne_weekday(int ymd)
{
    long days = ne_days_from_ymd(ymd);
    /* 1970-01-01 was a Thursday (3) */
    long w = (days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

static int days_in_month(int y, int m)
{
    static const int dm[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
    return dm[m - 1];
}

static int add_days(int ymd, long n)
{
    return ne_ymd_from_days(ne_days_from_ymd(ymd) + n);
}

static int add_months(int ymd, int n)
{
    int y = ymd / 10000, m = ymd / 100 % 100;
    int t = y * 12 + (m - 1) + n;
    return (t / 12) * 10000 + (t % 12 + 1) * 100;
}

typedef struct ctx_s {
    ne_sent_t s;
    int pub, anchor;
} ctx_t;

#define is_w(c, i, w) NE_S_IS_W(&(c)->s, i, w)
#define wf(c, i) ne_s_wf(&(c)->s, i)
#define tok(c, i) ne_s_tok(&(c)->s, i)
#define NE_S_PUNCT(c, i, chars) ne_s_punct(&(c)->s, i, chars)

static int wval(const ctx_t *c, uint32_t i)
{
    return ne_lex_word_val(c->s.lx, tok(c, i)->word);
}

static int cap(const ctx_t *c, uint32_t i)
{
    return i < c->s.te && (tok(c, i)->flags & NE_TF_CAP);
}

/* A number token with value in [lo, hi] and at most maxlen digits. */
static int num(const ctx_t *c, uint32_t i, int lo, int hi, int *out)
{
    if (i >= c->s.te) return 0;
    const ne_token_t *t = tok(c, i);
    if (t->kind != NE_TK_NUM || t->fold_len > 6) return 0;
    const char *f = ne_tok_fold(c->s.d, t);
    int v = 0, k = 0;
    for (; k < t->fold_len && f[k] >= '0' && f[k] <= '9'; k++) v = v * 10 + (f[k] - '0');
    if (k == 0) return 0;
    /* 3rd, 21st */
    if (k < t->fold_len && !(t->fold_len - k == 2 && (!memcmp(f + k, "st", 2) ||
                                                      !memcmp(f + k, "nd", 2) ||
                                                      !memcmp(f + k, "rd", 2) ||
                                                      !memcmp(f + k, "th", 2))))
        return 0;
    if (v < lo || v > hi) return 0;
    *out = v;
    return 1;
}

static int small_number(const ctx_t *c, uint32_t i, int *out)
{
    static const char *const w[] = {"a", "one", "two", "three", "four", "five", "six",
                                    "seven", "eight", "nine", "ten", "eleven", "twelve", NULL};
    /* their lengths, so the usual answer (another length) costs no strlen */
    static const unsigned char wn[] = {1, 3, 3, 5, 4, 4, 3, 5, 5, 4, 3, 6, 6};
    for (int k = 0; w[k]; k++)
        if (ne_s_is_w(&c->s, i, w[k], wn[k])) {
            *out = k ? k : 1;
            return 1;
        }
    if (is_w(c, i, "an")) {
        *out = 1;
        return 1;
    }
    return num(c, i, 1, 200, out);
}

static int push(ctx_t *c, uint32_t tb, uint32_t te, int ymd, int prec, int flags)
{
    if (ymd <= 0) return 0;
    if (NE_VEC_RESERVE(c->s.d->tx) < 0) return -1;
    ne_timex_t *x = &c->s.d->tx.v[c->s.d->tx.n++];
    x->tb = tb;
    x->te = te;
    x->ymd = ymd;
    x->prec = (uint8_t)prec;
    x->flags = (uint8_t)flags;
    return 0;
}

/* The most recent date with month m (and day d, 0 = any) on or before pub. */
static int month_before(int pub, int m, int d)
{
    int y = pub / 10000;
    int cand = y * 10000 + m * 100 + (d ? d : 0);
    int pm = pub / 100 % 100;
    if (m > pm || (m == pm && d && d > pub % 100)) cand -= 10000;
    return cand;
}

/* The rules. Each looks at the tokens from i and, when they are its kind of
 * time expression, pushes the date and returns the token after it; else it
 * returns i. *err is set when the push runs out of memory. */

/* a pushed expression [i, e) */
static uint32_t found(ctx_t *c, uint32_t i, uint32_t e, int ymd, int prec, int flags, int *err)
{
    if (push(c, i, e, ymd, prec, flags) < 0) *err = 1;
    return e;
}

/* ISO date 2023-02-17 (tokens 2023 - 02 - 17) */
static uint32_t iso_date(ctx_t *c, uint32_t i, int *err)
{
    int y, m, d;
    if (num(c, i, 1900, 2100, &y) && i + 4 < c->s.te && is_w(c, i + 1, "-") &&
        num(c, i + 2, 1, 12, &m) && is_w(c, i + 3, "-") && num(c, i + 4, 1, 31, &d) &&
        d <= days_in_month(y, m))
        return found(c, i, i + 5, y * 10000 + m * 100 + d, NE_PREC_DAY, 0, err);
    return i;
}

/* A time a few days from the date just named (the running date) whose day
 * the text does not give: that date's month (or year), not a day; the
 * article's month when the text named none. */
static uint32_t vague_days(ctx_t *c, uint32_t i, uint32_t e, int *err)
{
    int base = c->anchor ? c->anchor : c->pub;
    int prec = base % 10000 == 0 ? NE_PREC_YEAR : NE_PREC_MONTH;
    int ymd = prec == NE_PREC_YEAR ? base : base / 100 * 100;
    return found(c, i, e, ymd, prec, NE_TX_RELATIVE, err);
}

/* A day relative to the previous date of the text: "the same day", "that
 * day", "the next day", "the day before", "hours later", "two days
 * earlier", "..., two days after X" */
static uint32_t relative_day(ctx_t *c, uint32_t i, int *err)
{
    int off = 99, v;
    uint32_t e = i;
    if (is_w(c, i, "the") && is_w(c, i + 1, "same") && is_w(c, i + 2, "day")) {
        off = 0, e = i + 3;
    } else if (is_w(c, i, "that") && is_w(c, i + 1, "day")) {
        off = 0, e = i + 2;
    } else if (is_w(c, i, "the") && (is_w(c, i + 1, "following") || is_w(c, i + 1, "next")) &&
               is_w(c, i + 2, "day")) {
        off = 1, e = i + 3;
    } else if (is_w(c, i, "the") && is_w(c, i + 1, "previous") && is_w(c, i + 2, "day")) {
        off = -1, e = i + 3;
    } else if (is_w(c, i, "the") && is_w(c, i + 1, "day") && is_w(c, i + 2, "before")) {
        off = -1, e = i + 3;
    } else if ((is_w(c, i, "hours") || is_w(c, i, "minutes")) && is_w(c, i + 1, "later")) {
        off = 0, e = i + 2;
    } else if ((is_w(c, i + 1, "day") || is_w(c, i + 1, "days")) &&
               (is_w(c, i + 2, "later") || is_w(c, i + 2, "earlier")) &&
               !is_w(c, i + 3, "than") && small_number(c, i, &v) && v <= 31) {
        /* "a day later", "two days earlier"; not "two days later than" */
        off = is_w(c, i + 2, "later") ? v : -v, e = i + 3;
    } else if ((is_w(c, i + 1, "week") || is_w(c, i + 1, "weeks")) &&
               (is_w(c, i + 2, "later") || is_w(c, i + 2, "earlier")) &&
               !is_w(c, i + 3, "than") && small_number(c, i, &v) && v <= 4) {
        /* "a week later", "two weeks earlier" */
        off = is_w(c, i + 2, "later") ? 7 * v : -7 * v, e = i + 3;
    } else if (is_w(c, i, "later") && is_w(c, i + 1, "that") && is_w(c, i + 2, "day")) {
        off = 0, e = i + 3;
    } else if ((is_w(c, i, "days") || is_w(c, i, "weeks")) &&
               (is_w(c, i + 1, "later") || is_w(c, i + 1, "earlier")) && !is_w(c, i + 2, "than")) {
        /* "and days later sent troops": some days from the date just named,
         * a day the text does not give: its month */
        return vague_days(c, i, i + 2, err);
    }
    int opens = 0;
    if (off == 99 && i > c->s.tb && is_w(c, i + 2, "after") &&
        (is_w(c, i + 1, "day") || is_w(c, i + 1, "days")) && small_number(c, i, &v) && v <= 31) {
        /* "..., two days after Iran struck": the clause after it is N
         * days before the date just named. Not at the start of a
         * sentence, where a noun usually follows ("A day after the vote,
         * police ...") */
        off = -v, e = i + 3, opens = NE_TX_OPENS;
    }
    if (off == 99) return i;
    int base = c->anchor ? c->anchor : c->pub;
    /* "in October last year, a day after the attack": from a date named
     * without its day, the day is not known either */
    if (base % 100 == 0) return vague_days(c, i, e, err);
    return found(c, i, e, add_days(base, off), NE_PREC_DAY, NE_TX_RELATIVE | opens, err);
}

/* yesterday, today, tonight, tomorrow, overnight; last night, this morning */
static uint32_t day_word(ctx_t *c, uint32_t i, int *err)
{
    int pub = c->pub;
    if (is_w(c, i, "yesterday")) return found(c, i, i + 1, add_days(pub, -1), NE_PREC_DAY, 0, err);
    if (is_w(c, i, "today") || is_w(c, i, "tonight") || is_w(c, i, "overnight"))
        return found(c, i, i + 1, pub, NE_PREC_DAY, 0, err);
    if (is_w(c, i, "tomorrow"))
        return found(c, i, i + 1, add_days(pub, 1), NE_PREC_DAY, NE_TX_FUTURE, err);
    if ((is_w(c, i, "last") && is_w(c, i + 1, "night")) ||
        (is_w(c, i, "this") && (is_w(c, i + 1, "morning") || is_w(c, i + 1, "afternoon") ||
                                 is_w(c, i + 1, "evening"))))
        return found(c, i, i + 2, is_w(c, i, "last") ? add_days(pub, -1) : pub, NE_PREC_DAY, 0, err);
    return i;
}

/* this weekend, the weekend, last weekend: its Friday */
static uint32_t weekend(ctx_t *c, uint32_t i, int *err)
{
    if (!((is_w(c, i, "this") || is_w(c, i, "the") || is_w(c, i, "last")) &&
          is_w(c, i + 1, "weekend")))
        return i;
    int wd = ne_weekday(c->pub), back = (wd - 5 + 7) % 7;
    if (is_w(c, i, "last") && back < 2) back += 7;
    return found(c, i, i + 2, add_days(c->pub, -back), NE_PREC_DAY, 0, err);
}

/* (earlier|later)? (last|next|this|past) (week|month|year) */
static uint32_t relative_period(ctx_t *c, uint32_t i, int *err)
{
    int pub = c->pub;
    uint32_t k = i;
    int later = 0, earlier = 0;
    if (is_w(c, k, "earlier")) earlier = 1, k++;
    else if (is_w(c, k, "later")) later = 1, k++;
    int which; /* -1 last, 0 this, 1 next */
    if (is_w(c, k, "last") || is_w(c, k, "past")) which = -1;
    else if (is_w(c, k, "next") || is_w(c, k, "coming")) which = 1;
    else if (is_w(c, k, "this")) which = 0;
    else return i;
    if ((earlier || later) && which != 0) return i;
    uint32_t u = k + 1;
    int fl = which > 0 || later ? NE_TX_FUTURE : 0;
    if (is_w(c, u, "week")) {
        int d = which < 0 ? add_days(pub, -7) : which > 0 ? add_days(pub, 7) : pub;
        return found(c, i, u + 1, d / 100 * 100, NE_PREC_MONTH, fl, err);
    }
    if (is_w(c, u, "month")) return found(c, i, u + 1, add_months(pub, which), NE_PREC_MONTH, fl, err);
    if (is_w(c, u, "year"))
        return found(c, i, u + 1, (pub / 10000 + which) * 10000, NE_PREC_YEAR, fl, err);
    return i;
}

/* N days/weeks/months/years ago ("ago" first: small_number tries a dozen
 * words, and this rule is tried at most tokens that may start a time
 * expression) */
static uint32_t ago(ctx_t *c, uint32_t i, int *err)
{
    int pub = c->pub, v;
    if (!(i + 2 < c->s.te && is_w(c, i + 2, "ago") && small_number(c, i, &v))) return i;
    int d = 0, p = NE_PREC_DAY;
    const char *f = ne_tok_fold(c->s.d, tok(c, i + 1));
    if (!strncmp(f, "day", 3)) d = add_days(pub, -v);
    else if (!strncmp(f, "week", 4)) d = add_days(pub, -7 * v) / 100 * 100, p = NE_PREC_MONTH;
    else if (!strncmp(f, "month", 5)) d = add_months(pub, -v), p = NE_PREC_MONTH;
    else if (!strncmp(f, "year", 4)) d = (pub / 10000 - v) * 10000, p = NE_PREC_YEAR;
    return d ? found(c, i, i + 3, d, p, 0, err) : i;
}

/* recently, recent: this month */
static uint32_t recently(ctx_t *c, uint32_t i, int *err)
{
    if (is_w(c, i, "recently") || is_w(c, i, "recent"))
        return found(c, i, i + 1, c->pub / 100 * 100, NE_PREC_MONTH, 0, err);
    return i;
}

/* [early|late] [on] [last|next|coming] Weekday [morning|afternoon|evening|night] */
static uint32_t weekday(ctx_t *c, uint32_t i, int *err)
{
    int pub = c->pub;
    uint32_t k = i;
    int dir = 0;
    if ((is_w(c, k, "early") || is_w(c, k, "late")) && is_w(c, k + 1, "on")) k++;
    if (is_w(c, k, "on")) k++;
    if (is_w(c, k, "last")) dir = -1, k++;
    else if (is_w(c, k, "next") || is_w(c, k, "coming")) dir = 1, k++;
    else if (is_w(c, k, "early") || is_w(c, k, "late")) k++;
    if (!((wf(c, k) & NE_W_WEEKDAY) && cap(c, k))) return i;
    /* "freed by Saturday", "until Sunday": a bare weekday after a
     * preposition of deadline is the coming one (is_w is false before the
     * sentence) */
    if (!dir && k == i && (is_w(c, i - 1, "by") || is_w(c, i - 1, "until"))) dir = 1;
    int wd = wval(c, k), pw = ne_weekday(pub), d;
    if (dir > 0) {
        int fwd = (wd - pw + 7) % 7;
        d = add_days(pub, fwd ? fwd : 7);
    } else {
        int back = (pw - wd + 7) % 7;
        if (dir < 0 && back == 0) back = 7;
        d = add_days(pub, -back);
    }
    uint32_t e = k + 1;
    if (is_w(c, e, "morning") || is_w(c, e, "afternoon") || is_w(c, e, "evening") ||
        is_w(c, e, "night"))
        e++;
    return found(c, i, e, d, NE_PREC_DAY, dir > 0 ? NE_TX_FUTURE : 0, err);
}

/* months: [prep] [early|late|mid] Month [day] [,] [of] [year] ; day Month [year] */
/* "in February last year", "in March of next year", "on May 3 this
 * year": the year named relative to the article's, after a month (and
 * day) at token e. Sets *year and returns the token after it; e when there
 * is none. */
static uint32_t month_relative_year(const ctx_t *c, uint32_t e, int *year)
{
    uint32_t k = is_w(c, e, "of") ? e + 1 : e;
    if (!is_w(c, k + 1, "year")) return e;
    int y = c->pub / 10000;
    if (is_w(c, k, "last")) y--;
    else if (is_w(c, k, "next")) y++;
    else if (!is_w(c, k, "this")) return e;
    *year = y;
    return k + 2;
}

/* "extended the truce until June", "until the end of June": a month after
 * "until" or "till" (with "the end", "the start", "the middle" or "the
 * beginning" of it between) is a term that runs forward from the
 * article, not the last such month before it. i opens the expression
 * ("until", or "of" after the part noun). */
static int term_month(const ctx_t *c, uint32_t i)
{
    if (is_w(c, i, "until") || is_w(c, i, "till")) return 1;
    if (!is_w(c, i, "of") || i < c->s.tb + 3 || !is_w(c, i - 2, "the") ||
        !(is_w(c, i - 3, "until") || is_w(c, i - 3, "till")))
        return 0;
    return is_w(c, i - 1, "end") || is_w(c, i - 1, "start") || is_w(c, i - 1, "middle") ||
           is_w(c, i - 1, "beginning");
}

static uint32_t month_date(ctx_t *c, uint32_t i, int *err)
{
    int pub = c->pub;
    uint32_t k = i;
    int prep = 0, d = 0; /* prep: 1 a preposition or "this", 2 "next", 3 "last" */
    if (is_w(c, k, "in") || is_w(c, k, "on") || is_w(c, k, "since") || is_w(c, k, "by") ||
        is_w(c, k, "until") || is_w(c, k, "from") || is_w(c, k, "during") || is_w(c, k, "of") ||
        is_w(c, k, "last") || is_w(c, k, "next") || is_w(c, k, "this"))
        prep = is_w(c, k, "next") ? 2 : is_w(c, k, "last") ? 3 : 1, k++;
    if (is_w(c, k, "early") || is_w(c, k, "late") || is_w(c, k, "mid")) {
        k++;
        if (is_w(c, k, "-")) k++;
        prep = prep ? prep : 1;
    }
    uint32_t mk = k;
    int daybefore = 0;
    if (num(c, k, 1, 31, &d) && (wf(c, k + 1) & NE_W_MONTH) && cap(c, k + 1)) {
        daybefore = 1;
        mk = k + 1;
    }
    if (!((wf(c, mk) & NE_W_MONTH) && cap(c, mk))) return i;
    int m = wval(c, mk);
    uint32_t e = mk + 1;
    /* "Jan. 5": the abbreviation's own dot, not a sentence end */
    if (is_w(c, e, ".") && tok(c, mk)->fold_len <= 4 && tok(c, e)->start == tok(c, mk)->end &&
        !is_w(c, mk, "may") && !is_w(c, mk, "june") && !is_w(c, mk, "july") &&
        e + 1 < c->s.te && !(tok(c, e + 1)->flags & NE_TF_CAP))
        e++;
    if (!daybefore) {
        if (num(c, e, 1, 31, &d)) e++;
        else d = 0;
    }
    uint32_t e2 = e;
    if (is_w(c, e2, ",")) e2++;
    if (is_w(c, e2, "of")) e2++;
    int year = 0;
    if (num(c, e2, 1900, 2100, &year)) e = e2 + 1;
    else e = month_relative_year(c, e, &year);
    /* "may" and "march" are also other words: need a date context */
    int strong = prep || d || year;
    if (!strong || (m == 5 && !d && !year && prep != 1)) return i;
    int ymd;
    if (year) ymd = year * 10000 + m * 100 + (d && d <= days_in_month(year, m) ? d : 0);
    else if (prep == 2) ymd = month_before(pub, m, d) + 10000;
    else if (term_month(c, i) && (m > pub / 100 % 100 || (m == pub / 100 % 100 && (!d || d >= pub % 100))))
        ymd = pub / 10000 * 10000 + m * 100 + d; /* this year's, still to come */
    else ymd = month_before(pub, m, d);
    int p = ymd % 100 ? NE_PREC_DAY : NE_PREC_MONTH;
    int fl = ymd > pub && p == NE_PREC_DAY ? NE_TX_FUTURE : 0;
    if (prep == 2) fl |= NE_TX_FUTURE;
    return found(c, i, e, ymd, p, fl, err);
}

/* years: in|since|during|by|until|from [early|late|mid] YYYY */
static uint32_t year_date(ctx_t *c, uint32_t i, int *err)
{
    int y;
    if (!(is_w(c, i, "in") || is_w(c, i, "since") || is_w(c, i, "during") || is_w(c, i, "by") ||
          is_w(c, i, "until") || is_w(c, i, "from")))
        return i;
    uint32_t k = i + 1;
    if (is_w(c, k, "early") || is_w(c, k, "late") || is_w(c, k, "mid")) {
        k++;
        if (is_w(c, k, "-")) k++;
    }
    if (num(c, k, 1900, 2100, &y) && !is_w(c, k + 1, "-") && tok(c, k)->fold_len == 4)
        return found(c, i, k + 1, y * 10000, NE_PREC_YEAR, y > c->pub / 10000 ? NE_TX_FUTURE : 0, err);
    return i;
}

/* The rules in the order they are tried: the first that matches wins. Rule
 * r is the one of bit 1 << r of NE_DR_*: the grammar's timestart-* lines say
 * at which words it may start. */
static uint32_t (*const RULES[])(ctx_t *, uint32_t, int *) = {
    iso_date, relative_day, day_word, weekend, relative_period, ago, recently, weekday,
    month_date, year_date,
};

/* A number may begin an ISO date, a relative day ("2 days later"), "3 weeks
 * ago" or a day before its month ("5 May"). */
#define NUM_RULES (NE_DR_ISO | NE_DR_RELATIVE_DAY | NE_DR_AGO | NE_DR_MONTH)

/* Try the rules that may begin at token i (most timestart words begin two
 * or three of the ten), in order: the lowest bit left first. Returns the end
 * of a match, or i. */
static uint32_t match_at(ctx_t *c, uint32_t i, int *err)
{
    *err = 0;
    const ne_token_t *t = tok(c, i);
    uint32_t may = ne_lex_date_rules(c->s.lx, t->word) | (t->kind == NE_TK_NUM ? NUM_RULES : 0);
    for (; may; may &= may - 1) {
        uint32_t e = RULES[__builtin_ctz(may)](c, i, err);
        if (e != i) return e;
    }
    return i;
}

/* "from 2011 to 2016", "from March until May": the expression [i, e) opens
 * a period that the next one closes. */
static int is_span(const ctx_t *c, uint32_t i, uint32_t e)
{
    int v;
    if (!is_w(c, i, "from") || !(is_w(c, e, "to") || is_w(c, e, "until"))) return 0;
    return num(c, e + 1, 1900, 2100, &v) || (wf(c, e + 1) & NE_W_MONTH);
}

/* Is token i a "since" after "first" or a superlative (a word in -est) a
 * few words back ("his first since 2020", "the largest protests since")? */
static int since_superlative(const ctx_t *c, uint32_t i)
{
    if (!is_w(c, i, "since")) return 0;
    for (uint32_t k = i; k > c->s.tb && i - k < 4; k--) {
        const ne_token_t *t = tok(c, k - 1);
        if (t->kind != NE_TK_WORD) break;
        if (is_w(c, k - 1, "first")) return 1;
        if (t->fold_len >= 5 && !memcmp(ne_tok_fold(c->s.d, t) + t->fold_len - 3, "est", 3)) return 1;
    }
    return 0;
}

#define MAX_DATELINE 14 /* tokens of "ADDIS ABABA, Ethiopia, Jan. 28 (Xinhua) --" */

/* Is token i a dash mark (a hyphen, an en or em dash)? */
static int dash_at(const ctx_t *c, uint32_t i)
{
    if (i >= c->s.te || tok(c, i)->kind != NE_TK_PUNCT) return 0;
    const char *x = c->s.d->text + tok(c, i)->start;
    return *x == '-' || !strncmp(x, "\xe2\x80\x94", 3) || !strncmp(x, "\xe2\x80\x93", 3);
}

/* Is the expression [i, e) the date of a wire dateline ("BAMAKO, April 2
 * (Xinhua) --", "BISHKEK, Sept 16 (AFP) -")? The sentence opens with an
 * all-capital place, and after the date come at most an agency in
 * brackets and a dash. That date is when the story was filed: the clause
 * after it has its own ("Mali on Tuesday recalled"), or the published
 * date, so it dates no event; relative days still count from it. */
static int dateline_date(const ctx_t *c, uint32_t i, uint32_t e)
{
    if (i == c->s.tb || i - c->s.tb > MAX_DATELINE || !(tok(c, c->s.tb)->flags & NE_TF_ALLCAP))
        return 0;
    uint32_t k = e;
    if (NE_S_PUNCT(c, k, "(")) {
        uint32_t close = k + 1;
        while (close < c->s.te && close - k < 5 && !NE_S_PUNCT(c, close, ")")) close++;
        if (!NE_S_PUNCT(c, close, ")")) return 0;
        k = close + 1;
    }
    return dash_at(c, k);
}

int ne_dates_sentence(const ne_lexicon_t *lx, ne_doc_t *d, uint32_t tb, uint32_t te,
                      int anchor)
{
    ctx_t c = {{lx, d, tb, te}, d->published, anchor};
    d->tx.n = 0;
    if (!d->published) return 0;
    for (uint32_t i = tb; i < te;) {
        /* most tokens cannot begin a time expression: one flag test */
        if (d->tok.v[i].kind != NE_TK_NUM && !(ne_lex_word_flags(lx, d->tok.v[i].word) & NE_W_TIMESTART)) {
            i++;
            continue;
        }
        int err;
        size_t before = d->tx.n;
        uint32_t e = match_at(&c, i, &err);
        if (err) return -1;
        if (e > i && is_span(&c, i, e)) {
            /* "governed from 2011 to 2016": a period, no event's date */
            d->tx.n = before;
            i = e + 2;
        } else if (e > i && since_superlative(&c, i)) {
            /* "his first visit since 2020", "the worst fighting since
             * March": the comparison's baseline, no event's date */
            d->tx.n = before;
            i = e;
        } else if (e > i && dateline_date(&c, i, e)) {
            /* the dateline's date: the anchor of relative days, no event's */
            if (d->tx.n > before && d->tx.v[d->tx.n - 1].prec == NE_PREC_DAY)
                c.anchor = d->tx.v[d->tx.n - 1].ymd;
            d->tx.n = before;
            i = e;
        } else if (e > i && e < te && NE_S_IS_W(&c.s, e, "'s")) {
            /* "Friday's earthquake", "last month's election": the date of a
             * noun, not of the clause around it */
            d->tx.n = before;
            i = e;
        } else if (e > i) {
            /* "..., and on Monday protesters stormed the airport": after a
             * conjunction it dates the clause on its right */
            if (d->tx.n > before && i > tb &&
                (ne_lex_word_flags(lx, d->tok.v[i - 1].word) & NE_W_CONJ))
                d->tx.v[d->tx.n - 1].flags |= NE_TX_OPENS;
            /* a relative expression after this one counts from it (from
             * its month or year when it names no day); not from the start
             * of a state kept up ("officers it had held since January, and
             * Benin welcomed the gesture the same day": the release's day) */
            if (d->tx.n > before && !is_w(&c, i, "since") &&
                (d->tx.v[d->tx.n - 1].prec == NE_PREC_DAY || !(d->tx.v[d->tx.n - 1].flags & NE_TX_FUTURE)))
                c.anchor = d->tx.v[d->tx.n - 1].ymd;
            i = e;
        } else {
            i++;
        }
    }
    return 0;
}

/* A finite verb group in the present: its first word reads only as a present
 * form ("denies"), never as a past one ("put"), or it is an auxiliary of
 * the grammar class `present` ("has", "are", not "had", "were"). Groups
 * that are no finite clause of their own (infinitives, participles, reduced
 * relatives) and intentions are not. */
static int present_tense(const ne_lexicon_t *lx, const ne_doc_t *d, const ne_vgroup_t *g)
{
    if (g->flags & (NE_VG_INFINITIVE | NE_VG_PARTICIPLE | NE_VG_REDUCED | NE_VG_FUTURE |
                    NE_VG_MODAL | NE_VG_CAUSED))
        return 0;
    int32_t w = d->tok.v[g->first].word;
    if (w < 0) return 0;
    uint32_t wfl = ne_lex_word_flags(lx, w);
    if (wfl & (NE_W_BE | NE_W_HAVE | NE_W_DO)) return (wfl & NE_W_PRESENT) != 0;
    unsigned forms = 0;
    for (uint32_t k = ne_lex_vforms(lx, w); k != NE_LEX_NONE; k = ne_lex_vform(lx, k)->next)
        forms |= ne_lex_vform(lx, k)->forms;
    if (forms & (NE_F_PAST | NE_F_PPART | NE_F_ING)) return 0;
    return (forms & (NE_F_S | NE_F_BASE)) != 0;
}

/* The day named for the nearest other clause of the sentence (on the left,
 * else on the right): "May ordered 23 diplomats to leave and suspended all
 * contacts on Wednesday" dates both. Not a reduced relative, which tells of
 * its noun ("journalists detained by the army were freed on Monday"). 0 when
 * no clause has one. */
static int sentence_day(const ne_doc_t *d, const ne_vgroup_t *g)
{
    int left = 0, right = 0;
    /* a passive participle without its auxiliary is one too */
    if ((g->flags & NE_VG_REDUCED) || ((g->flags & NE_VG_PASSIVE) && g->first == g->head))
        return 0;
    for (size_t k = 0; k < d->vg.n; k++) {
        const ne_vgroup_t *o = &d->vg.v[k];
        if (o == g || o->date < 0) continue;
        const ne_timex_t *x = &d->tx.v[o->date];
        if (x->prec != NE_PREC_DAY || (x->flags & NE_TX_FUTURE) || x->ymd > d->published) continue;
        /* "who is due to arrive on Monday": the time of an act to come */
        if ((o->flags & NE_VG_FUTURE) && x->tb > o->head) continue;
        if (o->head < g->head) left = x->ymd;
        else if (!right) right = x->ymd;
    }
    return left ? left : right;
}

/* "Ireland's marine minister will meet the fishermen's leaders on Friday":
 * an intention with "will" or "shall" and no reporting verb in its sentence
 * is said in the present of the report, so it is dated when published, not
 * on the day the last sentence told of ("blocked the port on Tuesday"). A
 * "would", or a "said" before it, tells of an earlier saying. */
static int present_intention(const ne_lexicon_t *lx, const ne_doc_t *d, const ne_vgroup_t *g)
{
    if (!(g->flags & NE_VG_FUTURE) || (g->flags & (NE_VG_INFINITIVE | NE_VG_PARTICIPLE | NE_VG_REDUCED)))
        return 0;
    int32_t w = d->tok.v[g->first].word;
    if (w < 0 || !(ne_lex_word_flags(lx, w) & NE_W_FUTURE)) return 0;
    for (size_t k = 0; k < d->vg.n; k++)
        if (d->vg.v[k].flags & NE_VG_SAY) return 0;
    return 1;
}

int ne_dates_default(const ne_lexicon_t *lx, const ne_doc_t *d, const ne_vgroup_t *g,
                     int anchor, int *source)
{
    if (present_tense(lx, d, g) || present_intention(lx, d, g)) {
        *source = NE_DATE_PUBLISHED;
        return d->published;
    }
    int day = sentence_day(d, g);
    if (day) {
        *source = NE_DATE_CONTEXT;
        return day;
    }
    /* the running date is a day the text named, not after the article */
    if (anchor % 100 && anchor <= d->published) {
        *source = NE_DATE_CONTEXT;
        return anchor;
    }
    *source = NE_DATE_PUBLISHED;
    return d->published;
}
