/*
 * text.c - tokens with byte offsets, folded forms, sentences.
 *
 * Everything later stages know about the text comes from here, so the rules
 * are deliberately simple and local: one left-to-right pass over the bytes,
 * no backtracking, constant work per byte. Offsets always refer to the
 * original text, which makes evidence spans exact.
 */
#include <string.h>

#include "bytes.h"
#include "lexicon.h"
#include "text.h"

uint32_t ne_utf8_next(const char *s, size_t len, size_t *i)
{
    const unsigned char *p = (const unsigned char *)s + *i;
    size_t left = len - *i;
    uint32_t c = p[0];
    int n = 0;
    if (c < 0x80) {
        (*i)++;
        return c;
    }
    if ((c & 0xE0) == 0xC0) { n = 1; c &= 0x1F; }
    else if ((c & 0xF0) == 0xE0) { n = 2; c &= 0x0F; }
    else if ((c & 0xF8) == 0xF0) { n = 3; c &= 0x07; }
    else { (*i)++; return p[0]; }
    if ((size_t)n >= left) { (*i)++; return p[0]; }
    for (int k = 1; k <= n; k++) {
        if ((p[k] & 0xC0) != 0x80) { (*i)++; return p[0]; }
        c = (c << 6) | (p[k] & 0x3F);
    }
    *i += (size_t)n + 1;
    return c;
}

static int is_space(uint32_t c)
{
    /* ASCII first: the space and every control byte (tab, newlines, NUL) */
    if (c < 0x80) return c <= ' ';
    return c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F ||
           c == 0x3000 || c == 0xFEFF;
}

static int is_apostrophe(uint32_t c)
{
    return c == '\'' || c == 0x2019;
}

/* Letters and digits, ASCII or not. Outside ASCII, everything that is not a
 * known punctuation or symbol block counts as a letter: scripts we have no
 * dictionaries for still tokenize into words, which simply never match. */
static int is_word_cp(uint32_t c)
{
    if (c >= 0xA1 && c <= 0xBF) return 0;             /* Latin-1 punctuation */
    if (c == 0xD7 || c == 0xF7) return 0;             /* × ÷ */
    if (c >= 0x2010 && c <= 0x206F) return 0;         /* general punctuation */
    if (c >= 0x20A0 && c <= 0x2BFF) return 0;         /* currency, arrows, symbols */
    if (c >= 0x3000 && c <= 0x303F) return 0;         /* CJK punctuation */
    if (c >= 0xFE30 && c <= 0xFE4F) return 0;
    if (c >= 0xFF01 && c <= 0xFF0F) return 0;
    if (c >= 0x1F000 && c <= 0x1FAFF) return 0;       /* emoji */
    if (c >= 0xE000 && c <= 0xF8FF) return 0;         /* private use */
    return 1;
}

/* ASCII inline, the rest out of line: called for nearly every byte */
static inline int is_word(uint32_t c)
{
    if (c < 0x80) return (c | 0x20) - 'a' < 26u || c - '0' < 10u;
    return is_word_cp(c);
}

static int is_upper(uint32_t c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) ||
           (c >= 0x100 && c <= 0x17F && (c & 1) == 0);
}

static int is_digit(uint32_t c)
{
    return c >= '0' && c <= '9';
}

/* Fold one code point to lower-case ASCII where it has an obvious base
 * letter (Latin-1 and Latin Extended-A); returns the number of bytes written
 * to out (up to 4), copying other code points as UTF-8. */
static size_t fold_cp(uint32_t c, char *out)
{
    static const char latin1[] = /* U+00C0 .. U+00FF */
        "aaaaaaaceeeeiiii"
        "dnooooo\0ouuuuyts"
        "aaaaaaaceeeeiiii"
        "dnooooo\0ouuuuyty";
    static const char extA[] = /* U+0100 .. U+017F, pairs */
        "aaaaaaccccccccdd"
        "ddeeeeeeeeeegggg"
        "gggghhhhiiiiiiii"
        "iijjjjkkklllllll"
        "lllnnnnnnnnnoooo"
        "oooorrrrrrssssss"
        "ssttttttuuuuuuuu"
        "uuuuwwyyyzzzzzzs";
    if (c < 0x80) {
        out[0] = (char)((c >= 'A' && c <= 'Z') ? c + 32 : c);
        return 1;
    }
    if (c == 0x2019 || c == 0x2018 || c == 0x02BC) { out[0] = '\''; return 1; }
    if (c == 0xDF) { out[0] = 's'; out[1] = 's'; return 2; }
    if (c >= 0xC0 && c <= 0xFF && latin1[c - 0xC0]) { out[0] = latin1[c - 0xC0]; return 1; }
    if (c >= 0x100 && c <= 0x17F) { out[0] = extA[c - 0x100]; return 1; }
    if (c == 0x0218 || c == 0x0219) { out[0] = 's'; return 1; } /* Ș ș */
    if (c == 0x021A || c == 0x021B) { out[0] = 't'; return 1; } /* Ț ț */
    if (c < 0x800) {
        out[0] = (char)(0xC0 | (c >> 6));
        out[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = (char)(0xE0 | (c >> 12));
        out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (c >> 18));
    out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Eight bytes at a time (SWAR), for plain ASCII: 0x80 in each byte of x
 * within [lo, hi]. Every byte of x must be below 0x80 (then no sum carries
 * into the next byte); with other bytes the result is garbage, which the
 * callers throw away (push_token) or prevent (ascii_alnum_end). */
static inline uint64_t in_range8(uint64_t x, unsigned lo, unsigned hi)
{
    uint64_t ge = x + NE_ONES8 * (0x80 - lo), gt = x + NE_ONES8 * (0x7F - hi);
    return ge & ~gt & NE_HIGH8;
}

/* How many bytes of a mask from in_range8 are set: their sum, in the top byte. */
static inline uint32_t count8(uint64_t m)
{
    return (uint32_t)(((m >> 7) * NE_ONES8) >> 56);
}

/* 1 for the ASCII letters and digits, 0 for every other byte: one load a
 * byte where ascii_alnum_end has fewer than eight bytes left. */
#define AN_(c) ((c) >= '0' && (c) <= '9') || ((c) >= 'A' && (c) <= 'Z') || ((c) >= 'a' && (c) <= 'z')
static const unsigned char ascii_alnum[256] = NE_BYTE_TABLE(AN_);
#undef AN_

/* The end of the run of ASCII letters and digits from text[i], eight bytes
 * at a time while eight remain: `stop` marks the bytes that are neither,
 * bytes from 0x80 among them (in_range8 is given their low seven bits only,
 * so that no sum carries into the next byte). The first mark ends the run. */
static inline size_t ascii_alnum_end(const char *text, size_t len, size_t i)
{
    for (; i + 8 <= len; i += 8) {
        uint64_t x;
        memcpy(&x, text + i, 8);
        uint64_t low = x & ~NE_HIGH8;
        uint64_t alnum = in_range8(low, '0', '9') | in_range8(low | NE_ONES8 * 0x20, 'a', 'z');
        uint64_t stop = (~alnum | x) & NE_HIGH8;
        if (stop) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
            return i + (size_t)(__builtin_clzll(stop) >> 3);
#else
            return i + (size_t)(__builtin_ctzll(stop) >> 3);
#endif
        }
    }
    while (i < len && ascii_alnum[(unsigned char)text[i]]) i++;
    return i;
}

/* The fold of a token with bytes from 0x80 (or a long one): code point by
 * code point. Kept out of line, so that push_token's common case stays small
 * enough to inline, without the registers this one saves. */
static int __attribute__((noinline)) fold_general(ne_doc_t *d, const struct ne_lexicon_s *lex,
                                                  ne_token_t *t)
{
    uint32_t end = t->end;
    char buf[NE_MAX_FOLD * 4 + 8];
    size_t n = 0, i = t->start;
    int upper = 0, letters = 0, first = 1;
    while (i < end && n < NE_MAX_FOLD) {
        uint32_t c = ne_utf8_next(d->text, end, &i);
        if (is_word(c) && !is_digit(c)) {
            letters++;
            if (is_upper(c)) {
                upper++;
                if (first) t->flags |= NE_TF_CAP;
            }
            first = 0;
        }
        n += fold_cp(c, buf + n);
    }
    if (i == end && n <= NE_MAX_FOLD) {
        if (letters >= 2 && upper == letters) t->flags |= NE_TF_ALLCAP;
        while (d->fold.n + n + 1 > d->fold.cap)
            if (ne_vec_grow((void **)&d->fold.v, &d->fold.cap, 1) < 0) return -1;
        memcpy(d->fold.v + d->fold.n, buf, n);
        d->fold.v[d->fold.n + n] = '\0';
        d->fold.n += n + 1;
        t->fold_len = (uint16_t)n;
        if (lex) t->word = ne_lex_word_find(lex, buf, n);
    }
    return 0;
}

/* Append token [start,end) with its folded form. */
static inline int push_token(ne_doc_t *d, const struct ne_lexicon_s *lex, uint32_t start,
                             uint32_t end, int kind, int flags)
{
    if (NE_VEC_RESERVE(d->tok) < 0) return -1;
    ne_token_t *t = &d->tok.v[d->tok.n];
    t->start = start;
    t->end = end;
    t->kind = (uint8_t)kind;
    t->flags = (uint8_t)flags;
    t->word = -1;
    t->fold = (uint32_t)d->fold.n;
    t->fold_len = 0;
    if (end - start <= NE_MAX_FOLD && kind != NE_TK_URL) {
        /* The common case, plain ASCII: one pass, eight bytes at a time,
         * folds the bytes, counts letters and capitals and hashes the folded
         * form for the look-up. A byte from 0x80 sends the token to
         * fold_general, which overwrites what was written here (fold.n has
         * not moved). Each chunk is written whole: eight bytes of slack
         * after the folded form. keep: r bytes of 0xFF then zeros, which
         * keep a chunk's first r bytes in either byte order. */
        static const unsigned char keep[16] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
        const unsigned char *p = (const unsigned char *)d->text + start;
        size_t n = end - start, k;
        while (d->fold.n + n + 8 > d->fold.cap)
            if (ne_vec_grow((void **)&d->fold.v, &d->fold.cap, 1) < 0) return -1;
        char *out = d->fold.v + d->fold.n;
        uint64_t any = 0, h = NE_FNV_OFFSET, head = 0;
        uint32_t letters = 0, upper = 0;
        for (k = 0; k < n; k += 8) {
            uint64_t x = 0, m;
            size_t r = n - k;
            /* eight bytes, unless that reads past the text (the last word) */
            if (__builtin_expect(start + k + 8 <= d->len, 1)) memcpy(&x, p + k, 8);
            else memcpy(&x, p + k, r);
            if (r < 8) {
                memcpy(&m, keep + 8 - r, 8);
                x &= m;
            }
            any |= x;
            uint64_t up = in_range8(x, 'A', 'Z');
            uint64_t f = x | up >> 2; /* 'A' | 0x20 is 'a' */
            memcpy(out + k, &f, 8);
            letters += count8(in_range8(f, 'a', 'z'));
            upper += count8(up);
            if (k == 0) head = f;
            h = ne_lex_chunk_mix(h, f);
        }
        if (!(any & NE_HIGH8)) {
            out[n] = '\0';
            if (letters) {
                /* the first letter's case: capitalised */
                for (k = 0; (unsigned char)(out[k] - 'a') >= 26u; k++) {}
                if (p[k] != (unsigned char)out[k]) t->flags |= NE_TF_CAP;
            }
            if (letters >= 2 && upper == letters) t->flags |= NE_TF_ALLCAP;
            d->fold.n += n + 1;
            t->fold_len = (uint16_t)n;
            if (lex) t->word = ne_lex_word_find_mixed(lex, out, n, h, head);
            d->tok.n++;
            return 0;
        }
    }
    if (end - start <= NE_MAX_FOLD * 2 && kind != NE_TK_URL && fold_general(d, lex, t) < 0)
        return -1;
    d->tok.n++;
    return 0;
}

static int starts_with_ci(const char *s, size_t len, size_t i, const char *pfx)
{
    size_t n = strlen(pfx);
    if (len - i < n) return 0;
    for (size_t k = 0; k < n; k++) {
        char c = s[i + k];
        if (c >= 'A' && c <= 'Z') c += 32;
        if (c != pfx[k]) return 0;
    }
    return 1;
}

int ne_text_tokenize(ne_doc_t *d, const char *text, size_t len,
                     const struct ne_lexicon_s *lex)
{
    d->text = text;
    d->len = len;
    d->tok.n = 0;
    d->fold.n = 0;
    size_t next;
    return ne_text_tokenize_more(d, lex, 0, SIZE_MAX, &next);
}

/* "cease-fire", "re-open", "peace-keeping": the word [s, h) joined by the
 * hyphen at h to the lower-case ASCII word after it, when the closed form
 * ("ceasefire") is a word of the lexicon, so both spellings reach the same
 * lemma and patterns. Returns the end of the compound, or 0. */
static size_t closed_compound(const char *text, size_t len, const struct ne_lexicon_s *lex,
                              size_t s, size_t h)
{
    char buf[NE_MAX_FOLD + 1];
    size_t n = 0, e = h + 1;
    /* a capital after the hyphen is a name ("Al-Ain", "Nur-Sultan") */
    if (!lex || h - s >= NE_MAX_FOLD || h + 1 >= len || text[h + 1] < 'a' || text[h + 1] > 'z')
        return 0;
    for (size_t k = s; k < h; k++) {
        unsigned char ch = (unsigned char)text[k];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))) return 0;
        buf[n++] = (char)(ch | 0x20);
    }
    for (; e < len && n < NE_MAX_FOLD; e++) {
        unsigned char ch = (unsigned char)text[e];
        if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'))) break;
        buf[n++] = (char)(ch | 0x20);
    }
    /* the second part must end the word: "cease-fire" but not "re-elect2" */
    if (e == h + 1 || (e < len && (is_word((unsigned char)text[e]) || text[e] == '-'))) return 0;
    buf[n] = '\0';
    return ne_lex_word_find(lex, buf, n) >= 0 ? e : 0;
}

/* The folded form of a joined compound without its hyphen, looked up again. */
static void close_compound(ne_doc_t *d, const struct ne_lexicon_s *lex)
{
    ne_token_t *t = &d->tok.v[d->tok.n - 1];
    char *f = d->fold.v + t->fold;
    size_t n = 0;
    for (size_t k = 0; k < t->fold_len; k++)
        if (f[k] != '-') f[n++] = f[k];
    f[n] = '\0';
    t->fold_len = (uint16_t)n;
    t->word = ne_lex_word_find(lex, f, n);
}

int ne_text_tokenize_more(ne_doc_t *d, const struct ne_lexicon_s *lex, size_t from,
                          size_t max_tokens, size_t *next)
{
    const char *text = d->text;
    size_t len = d->len;
    size_t i = from, start_n = d->tok.n;
    int pending = 0; /* NE_TF_SPACE / NE_TF_PARA for the next token (the white space
                      * before it is scanned again from `from`) */
    while (i < len) {
        if (d->tok.n - start_n >= max_tokens) break;
        size_t s = i;
        unsigned char b0 = (unsigned char)text[i];
        uint32_t c;
        if (b0 < 0x80) {
            c = b0;
            i++;
        } else {
            c = ne_utf8_next(text, len, &i);
        }
        if (is_space(c)) {
            pending |= NE_TF_SPACE;
            if (c == '\n' || c == 0x2029) pending |= NE_TF_PARA;
            continue;
        }
        int flags = pending;
        pending = 0;
        /* A URL is one token, ignored by every later stage: its words
         * ("putin-aliyev-sign-...") are not part of the sentence. */
        if (((b0 | 0x20) == 'h' || (b0 | 0x20) == 'w') &&
            (starts_with_ci(text, len, s, "http://") || starts_with_ci(text, len, s, "https://") ||
             starts_with_ci(text, len, s, "www."))) {
            size_t j = s;
            while (j < len) {
                size_t k = j;
                uint32_t cc = ne_utf8_next(text, len, &k);
                if (is_space(cc)) break;
                j = k;
            }
            /* Keep sentence punctuation after a URL outside it. */
            while (j > s + 1 && strchr(".,;:)\"'", text[j - 1])) j--;
            i = j;
            if (push_token(d, lex, (uint32_t)s, (uint32_t)j, NE_TK_URL, flags) < 0) return -1;
            continue;
        }
        if (!is_word(c)) {
            if (push_token(d, lex, (uint32_t)s, (uint32_t)i, NE_TK_PUNCT, flags) < 0) return -1;
            continue;
        }
        int kind = is_digit(c) ? NE_TK_NUM : NE_TK_WORD;
        size_t letters = 1;
        int joined = 0;
        for (;;) {
            /* plain ASCII letters and digits: the inner loop of every word */
            size_t k = ascii_alnum_end(text, len, i);
            letters += k - i;
            i = k;
            if (k >= len) break;
            unsigned char bb = (unsigned char)text[k];
            uint32_t cc;
            if (bb < 0x80) {
                cc = bb; /* ASCII, and no letter or digit (tested above) */
                k++;
            } else {
                cc = ne_utf8_next(text, len, &k);
                if (is_word(cc)) {
                    i = k;
                    letters++;
                    continue;
                }
            }
            /* 1,000  3.5  10:30 */
            if (kind == NE_TK_NUM && (cc == ',' || cc == '.' || cc == ':') && k < len &&
                is_digit((unsigned char)text[k])) {
                i = k;
                continue;
            }
            /* U.S.  U.N.  a.m. : single letters each followed by a dot */
            if (cc == '.' && kind == NE_TK_WORD && letters == 1 && k + 1 < len &&
                is_word((unsigned char)text[k]) && text[k + 1] == '.') {
                size_t j = k;
                while (j + 1 < len && is_word((unsigned char)text[j]) &&
                       !is_digit((unsigned char)text[j]) && text[j + 1] == '.')
                    j += 2;
                i = j;
                flags |= NE_TF_DOTTED;
                break;
            }
            if (is_apostrophe(cc)) {
                size_t k2 = k;
                uint32_t n1 = k2 < len ? ne_utf8_next(text, len, &k2) : 0;
                size_t k3 = k2;
                uint32_t n2 = k3 < len ? ne_utf8_next(text, len, &k3) : 0;
                /* Russia's -> russia + 's ; didn't -> did + n't */
                if ((n1 == 's' || n1 == 'S') && !is_word(n2)) break;
                if ((n1 == 't' || n1 == 'T') && !is_word(n2) && i - s >= 2 &&
                    (text[i - 1] == 'n' || text[i - 1] == 'N')) {
                    size_t nstart = i - 1;
                    if (push_token(d, lex, (uint32_t)s, (uint32_t)nstart, kind, flags) < 0)
                        return -1;
                    if (push_token(d, lex, (uint32_t)nstart, (uint32_t)k2, NE_TK_WORD, 0) < 0)
                        return -1;
                    i = k2;
                    goto next;
                }
                /* d'Ivoire, O'Brien: the apostrophe stays inside the word */
                if (is_word(n1)) {
                    i = k2;
                    continue;
                }
            }
            if (cc == '-' && kind == NE_TK_WORD && !joined) {
                size_t e = closed_compound(text, len, lex, s, i);
                if (e) {
                    i = e;
                    joined = 1;
                    break;
                }
            }
            break;
        }
        if (push_token(d, lex, (uint32_t)s, (uint32_t)i, kind, flags) < 0) return -1;
        if (joined && d->tok.v[d->tok.n - 1].fold_len) close_compound(d, lex);
        /* the possessive as its own token (never left for the next call); an
         * apostrophe is ' or U+2019, so other ASCII bytes need no decoding */
        if (i < len && ((unsigned char)text[i] == '\'' || (unsigned char)text[i] >= 0x80)) {
            size_t k = i;
            uint32_t cc = ne_utf8_next(text, len, &k);
            if (is_apostrophe(cc) && k < len && (text[k] == 's' || text[k] == 'S')) {
                size_t k3 = k + 1;
                uint32_t n2 = k3 < len ? ne_utf8_next(text, len, &k3) : 0;
                if (!is_word(n2)) {
                    if (push_token(d, lex, (uint32_t)i, (uint32_t)(k + 1), NE_TK_WORD, 0) < 0)
                        return -1;
                    i = k + 1;
                }
            }
        }
    next:;
    }
    *next = i;
    return 0;
}

/* Abbreviations after which a period does not end a sentence. */
static int is_abbrev(const char *f, size_t n)
{
    /* f[0] below is then not a byte of the token; and no abbreviation is
     * longer than six letters, which turns away most words before a period */
    if (n == 0 || n > 6) return 0;
    static const char *const ab[] = {
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "capt", "cpt", "maj", "adm",
        "sen", "rep", "gov", "st", "prof", "rev", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "inc",
        "corp", "co", "ltd", "jr", "sr", "mt", "ft", "approx", "dept", "est", "fig",
        "pres", "amb", "brig", "cmdr", "insp", "supt", NULL};
    for (int k = 0; ab[k]; k++)
        /* the first byte first: most words differ there, without a strlen */
        if (ab[k][0] == f[0] && strlen(ab[k]) == n && memcmp(ab[k], f, n) == 0) return 1;
    return 0;
}

/* Words that start sentences: after "U.S." a capitalized one of these
 * means the dotted abbreviation also ended the sentence. */
static int is_sentence_starter(const char *f, size_t n)
{
    if (n == 0) return 0; /* f[0] below is then not a byte of the token */
    static const char *const w[] = {"the", "a", "an", "he", "she", "it", "they", "we",
                                    "i", "in", "on", "but", "this", "that", "its",
                                    "his", "her", "their", "there", "after", "meanwhile",
                                    "however", "earlier", "later", NULL};
    for (int k = 0; w[k]; k++)
        if (w[k][0] == f[0] && strlen(w[k]) == n && memcmp(w[k], f, n) == 0) return 1;
    return 0;
}

static int is_closing(const ne_doc_t *d, const ne_token_t *t)
{
    if (t->kind != NE_TK_PUNCT) return 0;
    const char *s = d->text + t->start;
    size_t n = t->end - t->start;
    return (n == 1 && (s[0] == '"' || s[0] == ')' || s[0] == ']' || s[0] == '\'')) ||
           (n == 3 && (memcmp(s, "\xe2\x80\x9d", 3) == 0 || memcmp(s, "\xe2\x80\x99", 3) == 0 ||
                       memcmp(s, "\xc2\xbb", 2) == 0));
}

static int is_terminal(const ne_doc_t *d, const ne_token_t *t)
{
    if (t->kind != NE_TK_PUNCT) return 0;
    const char *s = d->text + t->start;
    size_t n = t->end - t->start;
    return (n == 1 && (s[0] == '.' || s[0] == '!' || s[0] == '?')) ||
           (n == 3 && memcmp(s, "\xe2\x80\xa6", 3) == 0);
}

/* Can token t begin a sentence? Upper case, a digit, or an opening quote. */
static int can_start(const ne_doc_t *d, const ne_token_t *t)
{
    if (t->flags & NE_TF_CAP) return 1;
    if (t->kind == NE_TK_NUM) return 1;
    if (t->kind == NE_TK_PUNCT) {
        const char *s = d->text + t->start;
        size_t n = t->end - t->start;
        return (n == 1 && (s[0] == '"' || s[0] == '(' || s[0] == '\'')) ||
               (n == 3 && (memcmp(s, "\xe2\x80\x9c", 3) == 0 || memcmp(s, "\xe2\x80\x98", 3) == 0));
    }
    return 0;
}

static int push_sentence(ne_doc_t *d, uint32_t tb, uint32_t te)
{
    while (te > tb) {
        uint32_t end = te - tb > NE_MAX_SENTENCE_TOKENS ? tb + NE_MAX_SENTENCE_TOKENS : te;
        if (NE_VEC_RESERVE(d->sent) < 0) return -1;
        d->sent.v[d->sent.n].tb = tb;
        d->sent.v[d->sent.n].te = end;
        d->sent.n++;
        tb = end;
    }
    return 0;
}

/* A headline ends with the line and with a word: a sentence ends with a
 * stop, a quotation with its closing mark, so a line whose last token is no
 * punctuation is a title over the text that follows it. */
int ne_text_is_headline(const ne_doc_t *d, uint32_t tb, uint32_t te)
{
    if (te <= tb || te >= d->tok.n || !(d->tok.v[te].flags & NE_TF_PARA)) return 0;
    return d->tok.v[te - 1].kind != NE_TK_PUNCT;
}

int ne_text_sentences(ne_doc_t *d)
{
    d->sent.n = 0;
    uint32_t n = (uint32_t)d->tok.n, begin = 0;
    for (uint32_t i = 0; i < n; i++) {
        ne_token_t *t = &d->tok.v[i];
        /* A line break always ends a sentence (news paragraphs, headlines). */
        if (i > begin && (t->flags & NE_TF_PARA)) {
            if (push_sentence(d, begin, i) < 0) return -1;
            begin = i;
        }
        int end_here = 0;
        uint32_t last = i;
        if (is_terminal(d, t)) {
            while (last + 1 < n && (is_terminal(d, &d->tok.v[last + 1]) ||
                                    (is_closing(d, &d->tok.v[last + 1]) &&
                                     !(d->tok.v[last + 1].flags & NE_TF_SPACE))))
                last++;
            if (last + 1 >= n) {
                end_here = 1;
            } else {
                ne_token_t *nx = &d->tok.v[last + 1];
                if ((nx->flags & NE_TF_SPACE) && can_start(d, nx)) {
                    end_here = 1;
                    if (d->text[t->start] == '.' && i > begin) {
                        ne_token_t *pv = &d->tok.v[i - 1];
                        const char *f = ne_tok_fold(d, pv);
                        if (pv->end == t->start &&
                            (is_abbrev(f, pv->fold_len) ||
                             (pv->fold_len == 1 && (pv->flags & NE_TF_CAP))))
                            end_here = 0;
                    }
                }
            }
        } else if ((t->flags & NE_TF_DOTTED) && i + 1 < n) {
            ne_token_t *nx = &d->tok.v[i + 1];
            if ((nx->flags & NE_TF_CAP) && is_sentence_starter(ne_tok_fold(d, nx), nx->fold_len))
                end_here = 1;
        }
        if (end_here) {
            if (push_sentence(d, begin, last + 1) < 0) return -1;
            begin = last + 1;
            i = last;
        }
    }
    if (begin < n && push_sentence(d, begin, n) < 0) return -1;
    return 0;
}
