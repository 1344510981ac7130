/*
 * newsevents.h - the public interface of the newsevents coder library.
 *
 * The library turns news articles into CAMEO-coded political event records
 * (actor, action, counterpart, date, evidence). It does not use Kafka: any C
 * program can decode article records and code them. The `newsevents`
 * service and its offline twin (`newsevents extract`) are thin drivers
 * around these calls.
 *
 * Usage (README.md has a whole program):
 *     char err[256];
 *     ne_coder_t *coder = ne_coder_new(&conf, err, sizeof(err));
 *     if (!coder) { fprintf(stderr, "%s\n", err); return 1; }  (no dictionaries there)
 *     ne_article_t art;
 *     if (ne_article_decode(buf, len, &limits, &art, err, sizeof(err)) == NE_OK) {
 *         ne_events_t *ev = ne_events_new();
 *         ne_coder_code(coder, &art, ev, err, sizeof(err));
 *         for (size_t i = 0; i < ne_events_count(ev); i++) {
 *             char *json = ne_event_to_json(ne_events_get(ev, i), &art, NULL);
 *             ...; free(json);
 *         }
 *         (or ne_event_append_json() into one buffer reused for every event)
 *         ne_events_destroy(ev);
 *         ne_article_clear(&art);
 *     }
 *     ne_coder_destroy(coder);
 *
 * Threads: a coder is read-only after ne_coder_new() and may be shared by any
 * number of threads; each thread uses its own ne_events_t.
 */
#ifndef NEWSEVENTS_H
#define NEWSEVENTS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Version of the program and library. */
#define NE_VERSION "0.1.0"
/** Version of schemas/event.schema.json that ne_event_to_json() writes. */
#define NE_EVENT_SCHEMA_VERSION "1.3.0"
/** Version of schemas/article.schema.json that ne_article_decode() reads. */
#define NE_ARTICLE_SCHEMA_VERSION "1.1.0"

/**
 * Why a record was rejected. Every value has a stable snake_case name
 * (ne_reason_name()) used in dead-letter headers and reject files.
 */
typedef enum ne_reason_e {
    NE_OK = 0,
    NE_R_TOO_LARGE,        /**< larger than the configured maximum record size */
    NE_R_INVALID_UTF8,     /**< bytes that are not UTF-8 */
    NE_R_NUL_BYTE,         /**< a NUL byte in the record, raw or escaped as \u0000 */
    NE_R_INVALID_JSON,     /**< not JSON */
    NE_R_TRUNCATED,        /**< JSON that ends before its value does */
    NE_R_TOO_DEEP,         /**< nesting deeper than the parser allows */
    NE_R_DUPLICATE_KEY,    /**< an object with the same key twice */
    NE_R_NUMBER_RANGE,     /**< a number outside the range of a double/int64 */
    NE_R_NOT_OBJECT,       /**< valid JSON, but not an object */
    NE_R_MISSING_TEXT,     /**< no "text" field */
    NE_R_WRONG_TYPE,       /**< a known field with the wrong JSON type */
    NE_R_EMPTY_TEXT,       /**< "text" has no non-space character */
    NE_R_INVALID_DATE,     /**< "published" is not a date or RFC 3339 time */
    NE_R_CODER_ERROR,      /**< the coder failed on this article */
    NE_R__COUNT
} ne_reason_t;

/** @brief The stable name of a reason ("invalid_json"). @returns a static string. */
const char *ne_reason_name(ne_reason_t reason);

/** Limits and options applied while decoding a record. */
typedef struct ne_limits_s {
    size_t max_record_bytes; /**< records larger than this are NE_R_TOO_LARGE */
    /** Field mapping for other record shapes: pairs (our name, the record's
     *  name), e.g. {"text", "maintext", "published", "date_publish"} for
     *  news-please output. NULL: the names of schemas/article.schema.json. */
    const char *const *field_map;
    size_t field_map_pairs;
} ne_limits_t;

/** Default maximum record size: 4 MiB. */
#define NE_DEFAULT_MAX_RECORD_BYTES ((size_t)4 << 20)

/**
 * A decoded article. All strings are owned by the article (NUL-terminated,
 * valid UTF-8) and freed by ne_article_clear(). Optional fields are NULL
 * when absent.
 */
typedef struct ne_article_s {
    char *id;             /**< article id (never NULL after decode: may be set by caller) */
    char *text;           /**< the text to code */
    size_t text_len;      /**< its length in bytes */
    char *title, *url, *source, *language;
    char *published;      /**< as given ("2023-02-17" or an RFC 3339 time), or NULL */
    int published_ymd;    /**< published date as YYYYMMDD, 0 when unknown */
} ne_article_t;

/**
 * @brief Decode one article record (JSON object, see schemas/article.schema.json).
 *
 * @param buf, len  the record bytes (need not be NUL-terminated); a UTF-8 byte order
 *                  mark before the JSON value is skipped
 * @param limits    decoding limits (NULL: defaults)
 * @param out       filled on success; left empty (nothing to free) on failure
 * @returns NE_OK, or the reason the record was rejected, with a message in errstr.
 */
ne_reason_t ne_article_decode(const char *buf, size_t len, const ne_limits_t *limits,
                              ne_article_t *out, char *errstr, size_t errstr_size);

/**
 * @brief Is an article in this language coded? The dictionaries and the grammar are
 * English: the drivers skip other articles (and count them) instead of coding them.
 * @param tag  the article's "language" (a BCP 47 tag such as "en" or "en-GB", or
 *             "eng"/"English"), or NULL when the record has none
 * @returns 1 for English or no language given, 0 for any other language.
 */
int ne_language_coded(const char *tag);

/** @brief Free what an article owns and zero it. Takes NULL and empty articles. */
void ne_article_clear(ne_article_t *a);

/**
 * @brief Parse a date: "YYYY-MM-DD" or an RFC 3339 time (its date part is used,
 * in the time's own offset). @returns YYYYMMDD, or 0 when invalid.
 */
int ne_parse_date(const char *s);

/** Date precision of an event. */
typedef enum { NE_PREC_DAY = 0, NE_PREC_MONTH, NE_PREC_YEAR } ne_precision_t;

/** Where an event's date came from. */
typedef enum {
    NE_DATE_TEXT = 0,   /**< a time expression of the event's clause */
    NE_DATE_CONTEXT,    /**< a time expression elsewhere (the reporting verb, an earlier sentence) */
    NE_DATE_PUBLISHED   /**< no time expression: the article's date */
} ne_date_source_t;

/** One side of an event. Spans are byte offsets into the article text. */
typedef struct ne_party_s {
    char code[16];        /**< "RUS", "RUSGOV", "IGOUN", "WST" */
    char country[4];      /**< ISO alpha-3, "" for IGOs and WST */
    uint32_t start, end;  /**< the mention in the text (bytes; 0, 0: none, as for a
                               counterpart the grammar implies) */
    uint32_t start_cp, end_cp; /**< the same in code points (the JSON's offsets) */
} ne_party_t;

/** How an event's location was chosen. */
typedef enum {
    NE_LOC_NONE = 0,  /**< no location */
    NE_LOC_TEXT,      /**< the event's own clause names the place ("in Taiz") */
    NE_LOC_ARTICLE,   /**< the article's dateline or first place */
    NE_LOC_COUNTRY    /**< the place the text gives is a whole state: only the country is known */
} ne_loc_how_t;

/** Where an event happened: a GeoNames place. Spans are byte offsets. */
typedef struct ne_location_s {
    ne_loc_how_t how;     /**< NE_LOC_NONE: the event has no location */
    uint32_t start, end;  /**< the place's words in the text ("Taiz", "the capital") */
    uint32_t start_cp, end_cp; /**< the same in code points (the JSON's offsets) */
    int32_t geonameid;    /**< GeoNames id; -1 with NE_LOC_NONE: the event's clause names a
                               place the gazetteer does not hold ("in the Black Sea"), at
                               start..end, so the article's place is not given either */
    const char *name;     /**< GeoNames name (owned by the coder) */
    const char *feature;  /**< "city", "adm1" (first-level division) or "country" (static) */
    char country[4];      /**< ISO alpha-3 of the place's state */
    char adm1[8];         /**< GeoNames first-level division code, "" when none */
    double lat, lon;      /**< WGS84 degrees */
} ne_location_t;

/** One coded event. Spans are byte offsets into the article text. */
typedef struct ne_event_s {
    char event_id[33];    /**< 32 hex digits, the same for the same article and event */
    ne_party_t actor;
    ne_party_t counterpart;
    int has_counterpart;
    char code[5];         /**< CAMEO code, "112" */
    const char *label;    /**< CAMEO label (owned by the coder) */
    double goldstein;
    int quad_class;
    uint32_t trigger_start, trigger_end; /**< the words that coded the action */
    uint32_t sentence_start, sentence_end;
    uint32_t sentence_start_cp; /**< sentence_start in code points (the JSON's offsets count them) */
    int date_ymd;         /**< YYYYMMDD; with month precision DD is 00, year: MMDD 0000 */
    ne_precision_t date_precision;
    ne_date_source_t date_source;
    uint32_t date_start, date_end; /**< the time expression, 0/0 when none */
    const char *rule;     /**< the dictionary pattern that fired (owned by the coder) */
    ne_location_t location; /**< where it happened (how NE_LOC_NONE: not known) */
} ne_event_t;

typedef struct ne_coder_s ne_coder_t;
typedef struct ne_events_s ne_events_t;

/** How to build a coder. */
typedef struct ne_coder_conf_s {
    const char *const *dict_dirs; /**< folders of dictionary files, loaded in order */
    size_t dict_dir_cnt;
    /** 1: no event locations (and no gazetteer loaded). 0, the default: events carry
     *  a location from gazetteer/geonames.tsv of the dictionary folders. */
    int no_locations;
} ne_coder_conf_t;

/**
 * @brief Load the dictionaries and build a coder.
 * @returns a coder owned by the caller (free with ne_coder_destroy()), or NULL
 * with a message naming the file and line in errstr.
 */
ne_coder_t *ne_coder_new(const ne_coder_conf_t *conf, char *errstr, size_t errstr_size);

/** @brief Free a coder. Takes NULL. */
void ne_coder_destroy(ne_coder_t *coder);

/** @brief Dictionary sizes, for logs: @returns the number of entries loaded. */
size_t ne_coder_entry_count(const ne_coder_t *coder);

/** @brief A reusable event buffer, owned by the caller. @returns NULL when out of memory. */
ne_events_t *ne_events_new(void);
/** @brief Free an event buffer. Takes NULL. */
void ne_events_destroy(ne_events_t *ev);
/** @brief Number of events of the last ne_coder_code() call. */
size_t ne_events_count(const ne_events_t *ev);
/** @brief The i-th event (borrowed; valid until the next ne_coder_code() on ev). */
const ne_event_t *ne_events_get(const ne_events_t *ev, size_t i);

/**
 * @brief Code one article into ev (its previous contents are replaced).
 * The work is linear in the article's length; ev keeps its buffers between
 * calls, so a long-running caller allocates little.
 * @returns 0, or -1 when out of memory (errstr says so).
 */
int ne_coder_code(const ne_coder_t *coder, const ne_article_t *article, ne_events_t *ev,
                  char *errstr, size_t errstr_size);

/**
 * @brief Encode an event as one line of JSON (schemas/event.schema.json), without
 * a trailing newline. Offsets are converted to Unicode code points.
 * @returns a malloc'd string the caller frees, or NULL when out of memory;
 * its length in *len when len is not NULL.
 */
char *ne_event_to_json(const ne_event_t *event, const ne_article_t *article, size_t *len);

/**
 * @brief Like ne_event_to_json(), in at most max bytes (0: no limit). A record
 * that would be bigger carries a window of its sentence around the trigger
 * instead (evidence.start and evidence.end give the window, and
 * evidence.truncated is true).
 * @returns the JSON (caller frees), or NULL when out of memory (*len 0) or
 * when even the trigger alone does not fit (*len the smallest size seen).
 */
char *ne_event_to_json_max(const ne_event_t *event, const ne_article_t *article, size_t max,
                           size_t *len);

/**
 * @brief Like ne_event_to_json_max(), appended to a buffer the caller owns and
 * reuses: no allocation and no copy per event once the buffer is big enough.
 * Nothing else is written (no separator between records).
 *
 * @param buf, len, cap  the buffer (*buf may be NULL with *len and *cap 0), the
 *                       bytes in use and its size; *buf is grown with realloc()
 *                       when needed, and the caller frees it with free()
 * @param max            at most this many bytes for the record (0: no limit)
 * @returns 0 with the record at (*buf)[old *len .. *len) and a NUL after it
 * (so *len < *cap: there is room for one more byte); -1 when out of memory, 1
 * when even the trigger alone does not fit max. On failure *len is unchanged
 * and nothing is appended (*buf and *cap may have grown).
 */
int ne_event_append_json(const ne_event_t *event, const ne_article_t *article, size_t max,
                         char **buf, size_t *len, size_t *cap);

/** @brief Format a date as "YYYY", "YYYY-MM" or "YYYY-MM-DD" into buf (>= 11 bytes). */
void ne_format_date(int ymd, ne_precision_t prec, char *buf);

#ifdef __cplusplus
}
#endif
#endif /* NEWSEVENTS_H */
