/*
 * main.c - the `newsevents` program: arguments, configuration, signals,
 * and the choice between the offline twin (extract) and the service (run).
 * Only this file exits the process.
 */
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "aggservice.h"
#include "config.h"
#include "extract.h"
#include "log.h"
#include "newsevents.h"
#include "replay.h"
#include "service.h"

extern char **environ;

static const char usage_main[] =
    "usage: newsevents COMMAND [OPTIONS]\n"
    "\n"
    "Code news articles into CAMEO political event records.\n"
    "\n"
    "commands:\n"
    "  run       the service: consume articles from Kafka, produce events\n"
    "  replay    a bounded run over input topics (backfills): from a point to the end, then exit\n"
    "  extract   the offline twin: article JSON Lines in, event JSON Lines out\n"
    "  aggregate one record per (period, actor, code, counterpart) with mention counts:\n"
    "            a stateful Kafka stage (with -b), or over an event JSON Lines file\n"
    "  help      this text; `newsevents COMMAND --help` describes a command\n"
    "  version   print the program, schema and librdkafka versions\n"
    "\n"
    "Records: schemas/article.schema.json (input), schemas/event.schema.json (output),\n"
    "schemas/dead-letter.md (rejected records).\n";

static const char usage_common[] =
    "common options:\n"
    "  --map FIELD=NAME,...    read FIELD (text, id, title, url, published, source,\n"
    "                          language) from NAME: --map text=maintext,published=date_publish\n"
    "  -c, --config FILE       key = value settings: the long option names, or\n"
    "                          librdkafka properties; the environment and flags override it\n"
    "  --dict DIR              load the dictionary files of DIR after the base ones\n"
    "                          (repeatable; see dict/README.md for the format)\n"
    "  --dict-base DIR         the base dictionaries (default: the installed ones)\n"
    "  --no-locations          events without a location (no gazetteer loaded; by default\n"
    "                          each event carries where it happened, from GeoNames)\n"
    "  --max-record-bytes N    larger records are rejected as too_large, unparsed\n"
    "                          (default 4M; suffixes k, M, G)\n"
    "  --log-level LEVEL       error, warn, info (default) or debug\n"
    "  --log-format FORMAT     text (default) or json (one JSON object a line)\n"
    "  -h, --help              this text\n";

static const char usage_extract[] =
    "usage: newsevents extract [--input FILE] [--output FILE] [--rejects FILE] [OPTIONS]\n"
    "\n"
    "Read articles as JSON Lines (stdin or --input), write events as JSON Lines (stdout\n"
    "or --output). A bad line is reported on stderr with its line number and reason, and\n"
    "written to --rejects as {\"line\",\"reason\",\"error\",\"bytes\",\"record_base64\"};\n"
    "processing goes on. Exit 0 when the input was read to its end, 1 on an I/O error,\n"
    "2 on a usage error.\n"
    "\n"
    "  -i, --input FILE        read articles from FILE (default stdin)\n"
    "  -o, --output FILE       write events to FILE (default stdout)\n"
    "  --rejects FILE          write rejected lines to FILE\n"
    "  --threads N             code N articles at a time (default 1); the output keeps\n"
    "                          the input's order\n"
    "\n";

static const char usage_kafka[] =
    "  -b, --brokers LIST      bootstrap brokers, host:port[,host:port...]\n"
    "  -i, --input TOPICS      input topics, comma-separated (repeatable)\n"
    "  -o, --output TOPIC      output topic for events\n"
    "  --dead-letter TOPIC     topic for rejected records (default: OUTPUT.dlq)\n"
    "  -g, --group ID          consumer group id\n"
    "  --client-id ID          client.id of both clients (default newsevents)\n"
    "  --threads N             extraction workers (default 1); each partition's output\n"
    "                          keeps its input order\n"
    "  --ce-source URI         CloudEvents ce_source header (default newsevents/<input topic>)\n"
    "  -X PROP=VALUE           any librdkafka property, for both clients; prefix\n"
    "                          consumer. or producer. for one; VALUE @FILE reads a file\n"
    "                          (TLS and SASL: security.protocol, ssl.*, sasl.*)\n"
    "  --flush-timeout-ms N    how long shutdown waits for deliveries (default 30000)\n"
    "\n"
    "Every setting can also come from the environment: NEWSEVENTS_BROKERS,\n"
    "NEWSEVENTS_DEAD_LETTER, ..., and NEWSEVENTS_X_<PROP> for librdkafka properties\n"
    "(NEWSEVENTS_X_SASL_PASSWORD sets sasl.password). Order: file, environment, flags;\n"
    "a later source's list (topics, --dict, --map) replaces an earlier one's.\n"
    "Secret values are never logged.\n"
    "\n";

static const char usage_run[] =
    "usage: newsevents run -b BROKERS -i TOPIC[,TOPIC...] -o TOPIC -g GROUP [OPTIONS]\n"
    "\n"
    "Consume articles in a consumer group, code them, produce each event to the output\n"
    "topic keyed by event_id. At-least-once (default): offsets are committed only after\n"
    "every event of an article is acknowledged. Exactly-once: events, dead letters and\n"
    "offsets are committed together in Kafka transactions. Undecodable records go to the\n"
    "dead-letter topic with their original bytes. SIGINT/SIGTERM: stop, flush, commit,\n"
    "leave the group, exit 0.\n"
    "\n"
    "  --guarantee G           at-least-once (default) or exactly-once\n"
    "  --transactional-id ID   exactly-once: stable per instance (default\n"
    "                          newsevents-GROUP-HOSTNAME); two instances need two ids\n"
    "  --batch N               exactly-once: records per transaction (default 500)\n"
    "  --metrics-port PORT     serve Prometheus /metrics and /healthz\n"
    "  --metrics-bind ADDR     address of the metrics endpoint (default 127.0.0.1)\n"
    "  --stats-interval-ms N   librdkafka statistics for the lag metrics (default 5000)\n";

static const char usage_replay[] =
    "usage: newsevents replay -b BROKERS -i TOPIC[,TOPIC...] -o TOPIC [OPTIONS]\n"
    "\n"
    "Code a bounded range of the input topics and exit 0 when every partition has reached\n"
    "the end recorded at the start. Commits no group offsets unless --commit is given.\n"
    "Event ids are deterministic: replaying twice gives the same ids.\n"
    "\n"
    "  --from WHERE            earliest (default), an RFC 3339 time, or\n"
    "                          [topic:]partition:offset[,...] (other partitions: earliest)\n"
    "  --until WHEN            end (default: the end offsets at the start) or an RFC 3339 time\n"
    "  --commit                commit the end offsets for the group (-g) when done\n"
    "  --progress MODE         auto (default: a bar on a terminal, lines otherwise), bar,\n"
    "                          lines or none\n";

static const char usage_aggregate[] =
    "usage: newsevents aggregate -b BROKERS -i TOPIC -o TOPIC -g GROUP [OPTIONS]\n"
    "       newsevents aggregate [-i EVENTS.jsonl] [-o TABLE.jsonl] [OPTIONS]\n"
    "\n"
    "Count events (schemas/event.schema.json) into one aggregate per key: period, actor,\n"
    "CAMEO code, counterpart (schemas/aggregate.schema.json): num_events, num_articles,\n"
    "num_sources, first and last seen, samples of ids. An event id counts once.\n"
    "With -b: a service. Events are re-keyed through GROUP-aggregate-repartition, counted\n"
    "in a local LMDB store backed by the compacted GROUP-aggregate-changelog (both created\n"
    "when missing; restored per partition on start and on rebalance), and every changed\n"
    "aggregate is produced to the output topic keyed by its key (compact that topic).\n"
    "Exactly-once: input offsets, repartitioned records, changelog and output in one\n"
    "transaction. At-least-once (default): a re-delivered record can be counted twice\n"
    "when a crash cut its changelog records; nothing is lost.\n"
    "Without -b: the offline twin: the final table, one aggregate a line, in key order.\n"
    "\n"
    "  --code full|root        key by the full CAMEO code (default) or its root\n"
    "  --actor code|country    key by actor and counterpart code (default) or country\n"
    "  --date-precision P      day (default), month or year; an event dated only to a\n"
    "                          month or a year aggregates at that precision\n"
    "  --retention-days N      drop state (and late events) for periods that ended N days\n"
    "                          before the watermark, the latest event day seen (default 30;\n"
    "                          0 keeps everything)\n"
    "  --final-grace-days N    emit a final record (\"final\":true) once the watermark is N\n"
    "                          days past a period's end; later events for it are late\n"
    "  --samples N             article and event ids kept per aggregate (default 5)\n"
    "  --state-dir DIR         the LMDB store (default /tmp/newsevents-aggregate-GROUP-PID)\n"
    "  --guarantee G           at-least-once (default) or exactly-once\n"
    "  --transactional-id ID   exactly-once (default newsevents-agg-GROUP-HOSTNAME)\n"
    "  --batch N               records per batch and transaction (default 500)\n"
    "  --partitions N          of the created topics (default: as the input topic)\n"
    "  --create-topics         also create the output topic (compacted)\n"
    "  --metrics-port PORT     serve Prometheus /metrics\n"
    "  -b, -g, -X, --client-id, --flush-timeout-ms as for run\n";

/* The commands an option belongs to. */
enum { C_EXTRACT = 1, C_RUN = 2, C_REPLAY = 4, C_AGG = 8, C_KAFKA = C_RUN | C_REPLAY, C_ALL = 15 };

/* What an option does. O_SET: the setting of the option's own name (ne_conf_set). */
/* O_FLAG: a setting without an argument, set to true */
enum { O_SET, O_HELP, O_CONFIG, O_INPUT, O_OUTPUT, O_REJECTS, O_FLAG };

static const struct {
    const char *name;
    int has_arg, shortname, kind;
    unsigned cmds;
} OPTIONS[] = {
    {"help", no_argument, 'h', O_HELP, C_ALL},
    {"config", required_argument, 'c', O_CONFIG, C_ALL},
    {"dict", required_argument, 0, O_SET, C_ALL},
    {"dict-base", required_argument, 0, O_SET, C_ALL},
    {"no-locations", no_argument, 0, O_FLAG, C_ALL},
    {"max-record-bytes", required_argument, 0, O_SET, C_ALL},
    {"log-level", required_argument, 0, O_SET, C_ALL},
    {"log-format", required_argument, 0, O_SET, C_ALL},
    {"map", required_argument, 0, O_SET, C_ALL},
    {"input", required_argument, 'i', O_INPUT, C_ALL},
    {"output", required_argument, 'o', O_OUTPUT, C_ALL},
    {"rejects", required_argument, 0, O_REJECTS, C_EXTRACT},
    {"code", required_argument, 0, O_SET, C_AGG},
    {"actor", required_argument, 0, O_SET, C_AGG},
    {"date-precision", required_argument, 0, O_SET, C_AGG},
    {"retention-days", required_argument, 0, O_SET, C_AGG},
    {"final-grace-days", required_argument, 0, O_SET, C_AGG},
    {"samples", required_argument, 0, O_SET, C_AGG},
    {"state-dir", required_argument, 0, O_SET, C_AGG},
    {"brokers", required_argument, 'b', O_SET, C_KAFKA | C_AGG},
    {"group", required_argument, 'g', O_SET, C_KAFKA | C_AGG},
    {"dead-letter", required_argument, 0, O_SET, C_KAFKA},
    {"client-id", required_argument, 0, O_SET, C_KAFKA | C_AGG},
    {"flush-timeout-ms", required_argument, 0, O_SET, C_KAFKA | C_AGG},
    {"threads", required_argument, 0, O_SET, C_KAFKA | C_EXTRACT},
    {"ce-source", required_argument, 0, O_SET, C_KAFKA},
    {"key", required_argument, 0, O_SET, C_KAFKA},
    {"create-topics", no_argument, 0, O_FLAG, C_KAFKA | C_AGG},
    {"partitions", required_argument, 0, O_SET, C_KAFKA | C_AGG},
    {"replication-factor", required_argument, 0, O_SET, C_KAFKA | C_AGG},
    {"guarantee", required_argument, 0, O_SET, C_RUN | C_AGG},
    {"transactional-id", required_argument, 0, O_SET, C_RUN | C_AGG},
    {"batch", required_argument, 0, O_SET, C_RUN | C_AGG},
    {"metrics-port", required_argument, 0, O_SET, C_RUN | C_AGG},
    {"metrics-bind", required_argument, 0, O_SET, C_RUN | C_AGG},
    {"stats-interval-ms", required_argument, 0, O_SET, C_RUN},
    {"status-interval-s", required_argument, 0, O_SET, C_RUN},
    {"from", required_argument, 0, O_SET, C_REPLAY},
    {"until", required_argument, 0, O_SET, C_REPLAY},
    {"commit", no_argument, 0, O_FLAG, C_REPLAY},
    {"progress", required_argument, 0, O_SET, C_REPLAY},
};
#define NOPTIONS (sizeof(OPTIONS) / sizeof(OPTIONS[0]))
/* getopt's value for a long option without a short one: LONG_VAL + its index.
 * Distinct values also make getopt report "--met" as ambiguous instead of
 * taking the first of --metrics-port and --metrics-bind. */
enum { LONG_VAL = 1000 };
static const char short_opts[] = ":hi:o:b:g:c:X:";

static unsigned command_bit(const char *cmd)
{
    return !strcmp(cmd, "extract") ? C_EXTRACT : !strcmp(cmd, "run") ? C_RUN
         : !strcmp(cmd, "aggregate") ? C_AGG : C_REPLAY;
}

static void print_usage(FILE *fp, const char *cmd)
{
    if (cmd && !strcmp(cmd, "extract")) fprintf(fp, "%s%s", usage_extract, usage_common);
    else if (cmd && !strcmp(cmd, "run")) fprintf(fp, "%s%s%s", usage_run, usage_kafka, usage_common);
    else if (cmd && !strcmp(cmd, "replay")) fprintf(fp, "%s%s%s", usage_replay, usage_kafka, usage_common);
    else if (cmd && !strcmp(cmd, "aggregate")) fprintf(fp, "%s\n%s", usage_aggregate, usage_common);
    else fputs(usage_main, fp);
}

/* A usage error: the message, then where the help is. */
static void usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "newsevents%s%s: ", cmd ? " " : "", cmd ? cmd : "");
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nRun 'newsevents %s%s--help' for the options.\n", cmd ? cmd : "", cmd ? " " : "");
}

/* "run", "run and replay", "extract" */
static const char *commands_of(unsigned cmds)
{
    return cmds == C_RUN ? "run" : cmds == C_REPLAY ? "replay" : cmds == C_KAFKA ? "run and replay"
         : cmds == C_AGG ? "aggregate" : cmds == (C_RUN | C_AGG) ? "run and aggregate"
         : cmds == (C_KAFKA | C_AGG) ? "run, replay and aggregate" : "extract";
}

/* The option getopt_long could not take (argv[optind - 1]). */
static void bad_option(const char *cmd, int ch, const char *arg)
{
    if (ch == ':') {
        usage_error(cmd, "option '%s' needs a value", arg);
        return;
    }
    if (strncmp(arg, "--", 2)) {
        usage_error(cmd, "unknown option '%s'", arg);
        return;
    }
    char name[64];
    snprintf(name, sizeof(name), "%.*s", (int)strcspn(arg + 2, "="), arg + 2);
    const char *names[NOPTIONS], *first = NULL, *second = NULL;
    int prefixed = 0;
    for (size_t i = 0; i < NOPTIONS; i++) {
        names[i] = OPTIONS[i].name;
        if (*name && !strncmp(names[i], name, strlen(name)) && prefixed++ < 2)
            *(first ? &second : &first) = names[i];
    }
    if (prefixed > 1) {
        usage_error(cmd, "ambiguous option '--%s' (--%s, --%s%s)", name, first, second,
                    prefixed > 2 ? ", ..." : "");
        return;
    }
    const char *best = ne_nearest(name, names, NOPTIONS);
    if (best) usage_error(cmd, "unknown option '--%s' (did you mean --%s?)", name, best);
    else usage_error(cmd, "unknown option '--%s'", name);
}

/* Parse the command's flags into conf. Returns 0, 1 for --help, -1 on a
 * usage error (already reported). */
static int parse_args(const char *cmd, int argc, char **argv, ne_conf_t *conf)
{
    char err[512];
    /* aggregate keeps -i and -o too: files offline, topics with -b */
    int is_extract = !strcmp(cmd, "extract") || !strcmp(cmd, "aggregate");
    unsigned mine = command_bit(cmd);
    struct option long_opts[NOPTIONS + 1];
    for (size_t i = 0; i < NOPTIONS; i++)
        long_opts[i] = (struct option){OPTIONS[i].name, OPTIONS[i].has_arg, NULL,
                                       OPTIONS[i].shortname ? OPTIONS[i].shortname : LONG_VAL + (int)i};
    long_opts[NOPTIONS] = (struct option){NULL, 0, NULL, 0};
    /* the config files first, then the environment, then the flags */
    optind = 1;
    opterr = 0;
    int ch;
    while ((ch = getopt_long(argc, argv, short_opts, long_opts, NULL)) != -1) {
        if (ch == 'c' && ne_conf_load_file(conf, optarg, err, sizeof(err)) < 0) {
            usage_error(cmd, "%s", err);
            return -1;
        }
    }
    if (ne_conf_load_env(conf, environ, err, sizeof(err)) < 0) {
        usage_error(cmd, "%s", err);
        return -1;
    }
    ne_conf_source(conf, NE_SRC_FLAGS);
    optind = 1;
    int idx;
    while ((ch = getopt_long(argc, argv, short_opts, long_opts, NULL)) != -1) {
        if (ch == '?' || ch == ':') {
            bad_option(cmd, ch, argv[optind - 1]);
            return -1;
        }
        if (ch == 'X') {
            if (!(mine & (C_KAFKA | C_AGG))) {
                usage_error(cmd, "-X is an option of run, replay and aggregate, not of %s", cmd);
                return -1;
            }
            char *eq = strchr(optarg, '=');
            if (!eq || eq == optarg) {
                usage_error(cmd, "-X expects PROPERTY=VALUE, not '%s'", optarg);
                return -1;
            }
            *eq = '\0';
            int rc = ne_conf_set_prop(conf, optarg, eq + 1, err, sizeof(err));
            *eq = '=';
            if (rc < 0) {
                usage_error(cmd, "-X: %s", err);
                return -1;
            }
            continue;
        }
        /* the option's entry: by its value, or a short option's long twin */
        idx = ch >= LONG_VAL ? ch - LONG_VAL : -1;
        for (size_t i = 0; idx < 0 && i < NOPTIONS; i++)
            if (OPTIONS[i].shortname == ch) idx = (int)i;
        if (idx < 0) return -1;
        if (!(OPTIONS[idx].cmds & mine)) {
            usage_error(cmd, "--%s is an option of %s, not of %s", OPTIONS[idx].name,
                        commands_of(OPTIONS[idx].cmds), cmd);
            return -1;
        }
        const char *key = OPTIONS[idx].name, *val = optarg;
        switch (OPTIONS[idx].kind) {
        case O_HELP: return 1;
        case O_CONFIG: continue;
        case O_INPUT:
        case O_OUTPUT:
            if (is_extract) {
                char **file = OPTIONS[idx].kind == O_INPUT ? &conf->in_file : &conf->out_file;
                free(*file);
                *file = strdup(optarg);
                continue;
            }
            break;
        case O_REJECTS:
            free(conf->rejects_file);
            conf->rejects_file = strdup(optarg);
            continue;
        case O_FLAG: val = "true"; break;
        default: break; /* the setting of the option's name */
        }
        if (ne_conf_set(conf, key, val, err, sizeof(err)) < 0) {
            usage_error(cmd, "%s", err);
            return -1;
        }
    }
    if (optind < argc) {
        usage_error(cmd, "unexpected argument '%s'", argv[optind]);
        return -1;
    }
    return 0;
}

static ne_coder_t *make_coder(const ne_conf_t *conf)
{
    const char *dirs[65];
    size_t n = 0;
    dirs[n++] = ne_conf_dict_base(conf);
    for (size_t i = 0; i < conf->ndicts && n < 65; i++) dirs[n++] = conf->dicts[i];
    ne_coder_conf_t cc = {dirs, n, conf->no_locations};
    char err[512];
    ne_coder_t *coder = ne_coder_new(&cc, err, sizeof(err));
    if (!coder) ne_err("loading dictionaries: %s", err);
    else ne_debug("dictionaries: %zu entries from %s and %zu more folder(s)",
                  ne_coder_entry_count(coder), dirs[0], n - 1);
    return coder;
}

/* `aggregate`: the offline twin without brokers, the service with them. */
static int run_aggregate(ne_conf_t *conf)
{
    if (!conf->brokers) return ne_agg_offline(conf);
    const char *why = !conf->group ? "no consumer group (-g)" : !conf->in_file ? "no input topic (-i)"
                    : !conf->out_file ? "no output topic (-o)"
                    : !strcmp(conf->in_file, conf->out_file) ? "the input topic is the output topic" : NULL;
    if (why) {
        usage_error("aggregate", "%s", why);
        return 2;
    }
    if (conf->exactly_once && !conf->transactional_id) {
        /* stable across restarts, so that a restart fences what a crashed run left open */
        char host[128] = "host", id[512];
        gethostname(host, sizeof(host) - 1);
        snprintf(id, sizeof(id), "newsevents-agg-%s-%s", conf->group, host);
        if (!(conf->transactional_id = strdup(id))) return 1;
    }
    if (!conf->metrics_bind && !(conf->metrics_bind = strdup("127.0.0.1"))) return 1;
    ne_service_signals();
    return ne_agg_service(conf);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage_error(NULL, "no command (run, replay, extract or aggregate)");
        return 2;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
        print_usage(stdout, argc > 2 ? argv[2] : NULL);
        return 0;
    }
    if (!strcmp(cmd, "version") || !strcmp(cmd, "--version")) {
        printf("newsevents %s (event schema %s, article schema %s, librdkafka %s)\n", NE_VERSION,
               NE_EVENT_SCHEMA_VERSION, NE_ARTICLE_SCHEMA_VERSION, ne_service_rdkafka_version());
        return 0;
    }
    if (strcmp(cmd, "extract") && strcmp(cmd, "run") && strcmp(cmd, "replay") && strcmp(cmd, "aggregate")) {
        static const char *const commands[] = {"run", "replay", "extract", "aggregate", "help", "version"};
        const char *best = ne_nearest(cmd, commands, sizeof(commands) / sizeof(commands[0]));
        if (best) usage_error(NULL, "unknown command '%s' (did you mean %s?)", cmd, best);
        else usage_error(NULL, "unknown command '%s'", cmd);
        return 2;
    }
    ne_conf_t conf;
    ne_conf_init(&conf);
    int prc = parse_args(cmd, argc - 1, argv + 1, &conf);
    if (prc != 0) {
        if (prc > 0) print_usage(stdout, cmd);
        ne_conf_free(&conf);
        return prc > 0 ? 0 : 2;
    }
    ne_log_setup(conf.log_level, conf.log_json);
    int rc;
    if (!strcmp(cmd, "aggregate")) {
        rc = run_aggregate(&conf);
    } else if (!strcmp(cmd, "extract")) {
        ne_coder_t *coder = make_coder(&conf);
        rc = coder ? ne_extract_run(&conf, coder) : 1;
        ne_coder_destroy(coder);
    } else {
        char err[512];
        int replay = !strcmp(cmd, "replay");
        if ((!replay && !conf.group && (snprintf(err, sizeof(err), "no consumer group (-g)"), 1)) ||
            ne_service_check_conf(&conf, err, sizeof(err)) < 0 ||
            (replay && ne_replay_check_conf(&conf, err, sizeof(err)) < 0)) {
            usage_error(cmd, "%s", err);
            ne_conf_free(&conf);
            return 2;
        }
        /* a SIGTERM while the dictionaries load must still end cleanly */
        ne_service_signals();
        ne_coder_t *coder = make_coder(&conf);
        rc = !coder ? 1 : replay ? ne_replay_run(&conf, coder) : ne_service_run(&conf, coder);
        ne_coder_destroy(coder);
    }
    ne_conf_free(&conf);
    return rc;
}
