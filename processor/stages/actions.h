/*
 * actions.h - stage 3 of the coder: verb groups and CAMEO patterns.
 *
 * Finds the verb groups of a sentence (the lexical verb with its
 * auxiliaries: voice, negation, modality, tense, "began sharing", "plans to
 * visit") and matches a verb's dictionary patterns against the words and
 * actor mentions that follow it.
 */
#ifndef NE_ACTIONS_H
#define NE_ACTIONS_H

#include "doc.h"
#include "lexicon.h"

/** @brief Find the verb groups of sentence [tb, te) into doc->vg (needs doc->ment). */
int ne_actions_sentence(const ne_lexicon_t *lx, ne_doc_t *doc, uint32_t tb, uint32_t te);

/** A pattern that matched a verb group. */
typedef struct ne_match_s {
    const ne_pattern_t *pat;
    int32_t target;   /* mention index of '+', -1 when the pattern has none */
    uint32_t end;     /* token after the last matched element */
    uint8_t modality; /* NE_MOD_* when a support verb's object noun matched, else 0 */
    int32_t evnoun;   /* token of an event noun that fills '+' ("condemned the raid"), -1 */
} ne_match_t;

/**
 * @brief Match the patterns of vg's lemma, most specific first.
 * In the passive voice only patterns that start with '+' apply, and the
 * elements after '+' are matched right after the verb. When none matches
 * and the verb is a support verb (lemmas.tsv) whose object is an event
 * noun, the noun's patterns are matched after it ("ordered the release of
 * X") and out->modality says how the verb presents the event.
 * @returns 1 and fills out when a pattern matched, else 0.
 */
int ne_actions_match(const ne_lexicon_t *lx, const ne_doc_t *doc, uint32_t tb, uint32_t te,
                     const ne_vgroup_t *vg, ne_match_t *out);

/**
 * @brief Match vg's patterns that describe the object's words (`kill #
 * &VICTIMS`: no '+', a number or a class first, option obj) against the
 * phrase [from, to): "More than 800 people were killed" has its object as
 * the passive subject.
 * @returns 1 and fills out with the most specific such pattern, else 0.
 */
int ne_actions_match_object(const ne_lexicon_t *lx, const ne_doc_t *doc, uint32_t tb, uint32_t te,
                            const ne_vgroup_t *vg, uint32_t from, uint32_t to, ne_match_t *out);

/**
 * @brief Object-first matching: vg's patterns that name their object's
 * words (`broker * talks obj`, `host * &TALKS between +`), matched against
 * the noun phrase [from, to) that vg is done to ("talks in Pretoria
 * brokered by the African Union"), and covering its head noun at `head`.
 * Patterns that start with the counterpart are left to the passive.
 * @returns 1 and fills out (end: the token after vg's head), else 0.
 */
int ne_actions_match_phrase(const ne_lexicon_t *lx, const ne_doc_t *doc, uint32_t tb, uint32_t te,
                            const ne_vgroup_t *vg, uint32_t from, uint32_t to, uint32_t head,
                            ne_match_t *out);

/**
 * @brief Object-first matching across a relative clause: vg's patterns
 * (not those that start with the counterpart) matched from token `from`
 * (the antecedent's noun phrase), going on after vg's head when they reach
 * token `gap` (the relative word): "the restrictions | that it had imposed
 * | on South Korea" matches `impose * &SANCTIONS on +`. At least one word
 * must match before `gap`.
 * @returns 1 and fills out (end at least the token after vg's head), else 0.
 */
int ne_actions_match_gapped(const ne_lexicon_t *lx, const ne_doc_t *doc, uint32_t tb, uint32_t te,
                            const ne_vgroup_t *vg, uint32_t from, uint32_t gap, ne_match_t *out);

/**
 * @brief Like ne_actions_match (active voice, no support verbs), but a
 * pattern's final "preposition +" after a literal word may be missing:
 * "ordered X to withdraw his troops" matches `withdraw * troops from +`
 * with no counterpart (the controllee becomes it, frames.c).
 */
int ne_actions_match_open(const ne_lexicon_t *lx, const ne_doc_t *doc, uint32_t tb, uint32_t te,
                          const ne_vgroup_t *vg, ne_match_t *out);

/**
 * @brief The best of vg's own patterns after `failed` in precedence (less
 * specific, or as specific and later in the files), matched from the verb
 * on (no support verbs): the fallback when the most specific pattern's
 * counterpart comes out empty (frames.c).
 * @returns 1 and fills out, else 0.
 */
int ne_actions_match_fallback(const ne_lexicon_t *lx, const ne_doc_t *doc, uint32_t tb, uint32_t te,
                              const ne_vgroup_t *vg, const ne_pattern_t *failed, ne_match_t *out);

/** @brief Is word id `word` in the sentence last read by ne_actions_sentence
 * (its word set: one look-up)? */
int ne_actions_sentence_has(const ne_doc_t *doc, int32_t word);

/** @brief The end of the longest member of noun class cls that starts at token
 * i of sentence [tb, te), or 0 when none does ("in defiance of"). After
 * ne_actions_sentence() on the same sentence (it reads the sentence's word
 * set, as ne_actions_match() does). */
uint32_t ne_actions_class_at(const ne_lexicon_t *lx, const ne_doc_t *doc, uint32_t tb, uint32_t te,
                             uint32_t cls, uint32_t i);

/** @brief "condemned what he called Israeli aggression": the token after a
 * free relative of a naming verb (lemma class naming) that starts at token
 * i of sentence [tb, te), else i. */
uint32_t ne_actions_naming_end(const ne_lexicon_t *lx, const ne_doc_t *doc, uint32_t tb, uint32_t te, uint32_t i);

/** @brief The head of a noun phrase at token pos of sentence [tb, te) that
 * names an event (event-nouns.tsv: "the visit", "the Russian missile
 * attack"), else -1. */
int32_t ne_actions_event_head(const ne_lexicon_t *lx, const ne_doc_t *doc, uint32_t tb, uint32_t te, uint32_t pos);

#endif
