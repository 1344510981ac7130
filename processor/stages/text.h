/*
 * text.h - stage 1 of the coder: split an article into tokens that keep
 * their byte offsets, fold each token to a lower-case ASCII-ish form for
 * dictionary look-up, and group tokens into sentences.
 */
#ifndef NE_TEXT_H
#define NE_TEXT_H

#include "doc.h"

struct ne_lexicon_s;

/**
 * @brief Tokenize text[0..len) into doc->tok and doc->fold, looking each folded
 * form up in lex (NULL: every token's word id is -1).
 * @returns 0, or -1 when out of memory.
 */
int ne_text_tokenize(ne_doc_t *doc, const char *text, size_t len,
                     const struct ne_lexicon_s *lex);

/**
 * @brief Append the tokens of doc->text from byte `from` (a token boundary),
 * at most max_tokens of them; *next is where to continue (doc->len at the
 * end). Lets the coder work through a long text a bounded window at a time.
 * @returns 0, or -1 when out of memory.
 */
int ne_text_tokenize_more(ne_doc_t *doc, const struct ne_lexicon_s *lex, size_t from,
                          size_t max_tokens, size_t *next);

/** @brief Split doc->tok into doc->sent. @returns 0, or -1 when out of memory. */
int ne_text_sentences(ne_doc_t *doc);

/**
 * @brief Is the sentence [tb, te) a headline: a line of its own that ends in a
 * word, not a stop, with more text after it (a live blog's entry "10:40 -
 * Sweden seizes ship", a subheading)? te must be a token of the window or
 * its end.
 */
int ne_text_is_headline(const ne_doc_t *doc, uint32_t tb, uint32_t te);

/** Longest folded token the coder looks up; longer tokens never match. */
#define NE_MAX_FOLD 64
/** Sentences longer than this many tokens are cut, keeping the work per sentence bounded. */
#define NE_MAX_SENTENCE_TOKENS 400

/**
 * @brief Decode one UTF-8 code point at s[*i] (advancing *i); invalid bytes
 * decode as themselves (0x80..0xFF) so that any input makes progress.
 */
uint32_t ne_utf8_next(const char *s, size_t len, size_t *i);

#endif
