/*
 * main.c - the `newsevents` program: arguments, configuration, signals,
 * and the choice between the offline twin (extract) and the service (run).
 * Only this file exits the process.
 */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    "  help      this text; `newsevents COMMAND --help` describes a command\n"
    "  version   print the program, schema and librdkafka versions\n"
    "\n"
    "Records: schemas/article.schema.json (input), schemas/event.schema.json (output),\n"
    "schemas/dead-letter.md (rejected records).\n";

static const char usage_common[] =
    "coder options:\n"
    "  --dict DIR              load the dictionary files of DIR after the base ones\n"
    "                          (repeatable; see dict/README.md for the format)\n"
    "  --dict-base DIR         the base dictionaries (default: the installed ones)\n"
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
    "  --map FIELD=NAME,...    read FIELD (text, id, title, url, published, source,\n"
    "                          language) from NAME: --map text=maintext,published=date_publish\n"
    "  --ce-source URI         CloudEvents ce_source header (default newsevents/<input topic>)\n"
    "  -X PROP=VALUE           any librdkafka property, for both clients; prefix\n"
    "                          consumer. or producer. for one; VALUE @FILE reads a file\n"
    "                          (TLS and SASL: security.protocol, ssl.*, sasl.*)\n"
    "  -c, --config FILE       key=value settings: the long option names, or\n"
    "                          librdkafka properties; flags override the file\n"
    "  --flush-timeout-ms N    how long shutdown waits for deliveries (default 30000)\n"
    "\n"
    "Every setting can also come from the environment: NEWSEVENTS_BROKERS,\n"
    "NEWSEVENTS_DEAD_LETTER, ..., and NEWSEVENTS_X_<PROP> for librdkafka properties\n"
    "(NEWSEVENTS_X_SASL_PASSWORD sets sasl.password). Order: file, environment, flags.\n"
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

/* OPT_SET: a setting whose key is the option's own name (see ne_conf_set) */
enum { OPT_SET = 1000, OPT_REJECTS, OPT_COMMIT };

static const struct option long_opts[] = {
    {"help", no_argument, NULL, 'h'},
    {"input", required_argument, NULL, 'i'},
    {"output", required_argument, NULL, 'o'},
    {"brokers", required_argument, NULL, 'b'},
    {"group", required_argument, NULL, 'g'},
    {"config", required_argument, NULL, 'c'},
    {"rejects", required_argument, NULL, OPT_REJECTS},
    {"commit", no_argument, NULL, OPT_COMMIT},
    {"dict", required_argument, NULL, OPT_SET},
    {"dict-base", required_argument, NULL, OPT_SET},
    {"max-record-bytes", required_argument, NULL, OPT_SET},
    {"log-level", required_argument, NULL, OPT_SET},
    {"log-format", required_argument, NULL, OPT_SET},
    {"dead-letter", required_argument, NULL, OPT_SET},
    {"client-id", required_argument, NULL, OPT_SET},
    {"flush-timeout-ms", required_argument, NULL, OPT_SET},
    {"threads", required_argument, NULL, OPT_SET},
    {"map", required_argument, NULL, OPT_SET},
    {"ce-source", required_argument, NULL, OPT_SET},
    {"guarantee", required_argument, NULL, OPT_SET},
    {"transactional-id", required_argument, NULL, OPT_SET},
    {"batch", required_argument, NULL, OPT_SET},
    {"metrics-port", required_argument, NULL, OPT_SET},
    {"metrics-bind", required_argument, NULL, OPT_SET},
    {"stats-interval-ms", required_argument, NULL, OPT_SET},
    {"from", required_argument, NULL, OPT_SET},
    {"until", required_argument, NULL, OPT_SET},
    {"progress", required_argument, NULL, OPT_SET},
    {NULL, 0, NULL, 0}};

static void print_usage(FILE *fp, const char *cmd)
{
    if (cmd && !strcmp(cmd, "extract")) fprintf(fp, "%s%s", usage_extract, usage_common);
    else if (cmd && !strcmp(cmd, "run")) fprintf(fp, "%s%s%s", usage_run, usage_kafka, usage_common);
    else if (cmd && !strcmp(cmd, "replay")) fprintf(fp, "%s%s%s", usage_replay, usage_kafka, usage_common);
    else fputs(usage_main, fp);
}

/* Parse the command's flags into conf. Returns 0, 1 for --help, -1 on error. */
static int parse_args(const char *cmd, int argc, char **argv, ne_conf_t *conf)
{
    char err[512];
    int is_extract = !strcmp(cmd, "extract");
    /* the config file first, so that flags override it */
    optind = 1;
    opterr = 0;
    int ch;
    while ((ch = getopt_long(argc, argv, "hi:o:b:g:c:X:", long_opts, NULL)) != -1) {
        if (ch == 'c' && ne_conf_load_file(conf, optarg, err, sizeof(err)) < 0) {
            fprintf(stderr, "newsevents %s: %s\n", cmd, err);
            return -1;
        }
    }
    if (ne_conf_load_env(conf, environ, err, sizeof(err)) < 0) {
        fprintf(stderr, "newsevents %s: %s\n", cmd, err);
        return -1;
    }
    optind = 1;
    opterr = 1;
    int idx = 0;
    while ((ch = getopt_long(argc, argv, "hi:o:b:g:c:X:", long_opts, &idx)) != -1) {
        const char *key = NULL;
        switch (ch) {
        case 'h': return 1;
        case 'c': continue;
        case 'i':
            if (is_extract) {
                free(conf->in_file);
                conf->in_file = strdup(optarg);
                continue;
            }
            key = "input";
            break;
        case 'o':
            if (is_extract) {
                free(conf->out_file);
                conf->out_file = strdup(optarg);
                continue;
            }
            key = "output";
            break;
        case OPT_REJECTS:
            free(conf->rejects_file);
            conf->rejects_file = strdup(optarg);
            continue;
        case 'b': key = "brokers"; break;
        case 'g': key = "group"; break;
        case OPT_SET: key = long_opts[idx].name; break;
        case OPT_COMMIT:
            if (ne_conf_set(conf, "commit", "true", err, sizeof(err)) < 0) return -1;
            continue;
        case 'X': {
            char *eq = strchr(optarg, '=');
            if (!eq || eq == optarg) {
                fprintf(stderr, "newsevents %s: -X expects PROP=VALUE\n", cmd);
                return -1;
            }
            *eq = '\0';
            int rc = ne_conf_set(conf, optarg, eq + 1, err, sizeof(err));
            *eq = '=';
            if (rc < 0 || !strchr(optarg, '.')) {
                fprintf(stderr, "newsevents %s: -X %s\n", cmd, rc < 0 ? err : "expects a librdkafka property");
                return -1;
            }
            continue;
        }
        default: return -1;
        }
        if (ne_conf_set(conf, key, optarg, err, sizeof(err)) < 0) {
            fprintf(stderr, "newsevents %s: %s\n", cmd, err);
            return -1;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "newsevents %s: unexpected argument '%s'\n", cmd, argv[optind]);
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
    ne_coder_conf_t cc = {dirs, n};
    char err[512];
    ne_coder_t *coder = ne_coder_new(&cc, err, sizeof(err));
    if (!coder) ne_err("loading dictionaries: %s", err);
    else ne_debug("dictionaries: %zu entries from %s and %zu more folder(s)",
                  ne_coder_entry_count(coder), dirs[0], n - 1);
    return coder;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        print_usage(stderr, NULL);
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
    if (strcmp(cmd, "extract") && strcmp(cmd, "run") && strcmp(cmd, "replay")) {
        fprintf(stderr, "newsevents: unknown command '%s'\n\n", cmd);
        print_usage(stderr, NULL);
        return 2;
    }
    ne_conf_t conf;
    ne_conf_init(&conf);
    int prc = parse_args(cmd, argc - 1, argv + 1, &conf);
    if (prc != 0) {
        print_usage(prc > 0 ? stdout : stderr, cmd);
        ne_conf_free(&conf);
        return prc > 0 ? 0 : 2;
    }
    ne_log_setup(conf.log_level, conf.log_json);
    int rc;
    if (!strcmp(cmd, "extract")) {
        ne_coder_t *coder = make_coder(&conf);
        rc = coder ? ne_extract_run(&conf, coder) : 1;
        ne_coder_destroy(coder);
    } else {
        char err[512];
        int replay = !strcmp(cmd, "replay");
        if ((!replay && !conf.group && (snprintf(err, sizeof(err), "no consumer group (-g)"), 1)) ||
            ne_service_check_conf(&conf, err, sizeof(err)) < 0 ||
            (replay && ne_replay_check_conf(&conf, err, sizeof(err)) < 0)) {
            fprintf(stderr, "newsevents %s: %s\n\n", cmd, err);
            print_usage(stderr, cmd);
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
