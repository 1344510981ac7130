/*
 * ne_mock - librdkafka's mock cluster as a process, for the tests of error
 * paths that a real broker cannot produce on demand (a produce request
 * refused, a broker that answers after a minute while the group
 * coordinator is fine). Clients in other processes connect to it like to
 * any cluster.
 *
 *   ne_mock BROKERS            prints "BOOTSTRAP host:port,..." on stdout,
 *                              then reads commands on stdin, one a line,
 *                              answering "ok" or "error ..." on stdout;
 *                              exits at the end of its input
 *
 * Commands:
 *   topic NAME PARTITIONS              create a topic (one replica)
 *   leader TOPIC PARTITION BROKER      move a partition's leader
 *   coordinator group|transaction KEY BROKER
 *   rtt BROKER MS                      delay every answer of a broker
 *   errors APIKEY COUNT ERRCODE        the next COUNT requests of APIKEY
 *                                      (0 Produce) fail with ERRCODE
 *   error-list APIKEY ERRCODE...       the next requests of APIKEY, one code
 *                                      each (0: answered normally)
 *   clear APIKEY                       drop the errors left for APIKEY
 *   broker-errors BROKER APIKEY ERRCODE...  the same for one broker's requests
 *
 * The mock cluster of librdkafka 2.0.2 writes no transaction markers and
 * keeps no transactional offsets: exactly-once proofs need the real broker.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

static int command(rd_kafka_mock_cluster_t *mc, char *line)
{
    char a[256] = "", b[256] = "";
    long x = 0, y = 0, z = 0;
    int pos = 0;
    rd_kafka_resp_err_t e = RD_KAFKA_RESP_ERR__INVALID_ARG;
    if (sscanf(line, "topic %255s %ld", a, &x) == 2)
        e = rd_kafka_mock_topic_create(mc, a, (int)x, 1);
    else if (sscanf(line, "leader %255s %ld %ld", a, &x, &y) == 3)
        e = rd_kafka_mock_partition_set_leader(mc, a, (int32_t)x, (int32_t)y);
    else if (sscanf(line, "coordinator %255s %255s %ld", a, b, &x) == 3)
        e = rd_kafka_mock_coordinator_set(mc, a, b, (int32_t)x);
    else if (sscanf(line, "rtt %ld %ld", &x, &y) == 2)
        e = rd_kafka_mock_broker_set_rtt(mc, (int32_t)x, (int)y);
    else if (sscanf(line, "broker-errors %ld %ld%n", &x, &y, &pos) == 2) {
        e = RD_KAFKA_RESP_ERR_NO_ERROR;
        for (char *p = line + pos, *end; !e; p = end) {
            long v = strtol(p, &end, 10);
            if (end == p) break;
            e = rd_kafka_mock_broker_push_request_error_rtts(mc, (int32_t)x, (int16_t)y, 1,
                                                             (rd_kafka_resp_err_t)v, 0);
        }
    } else if (sscanf(line, "clear %ld", &x) == 1) {
        rd_kafka_mock_clear_request_errors(mc, (int16_t)x);
        e = RD_KAFKA_RESP_ERR_NO_ERROR;
    } else if (sscanf(line, "error-list %ld%n", &x, &pos) == 1) {
        rd_kafka_resp_err_t errs[64];
        size_t n = 0;
        for (char *p = line + pos, *end; n < 64; p = end) {
            long v = strtol(p, &end, 10);
            if (end == p) break;
            errs[n++] = (rd_kafka_resp_err_t)v;
        }
        if (n) {
            rd_kafka_mock_push_request_errors_array(mc, (int16_t)x, n, errs);
            e = RD_KAFKA_RESP_ERR_NO_ERROR;
        }
    } else if (sscanf(line, "errors %ld %ld %ld", &x, &y, &z) == 3 && y > 0 && y < 100000) {
        rd_kafka_resp_err_t *errs = malloc((size_t)y * sizeof(*errs));
        if (errs) {
            for (long i = 0; i < y; i++) errs[i] = (rd_kafka_resp_err_t)z;
            rd_kafka_mock_push_request_errors_array(mc, (int16_t)x, (size_t)y, errs);
            free(errs);
            e = RD_KAFKA_RESP_ERR_NO_ERROR;
        }
    }
    if (e) printf("error %s: %s", rd_kafka_err2str(e), line);
    else printf("ok\n");
    fflush(stdout);
    return e ? 1 : 0;
}

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 1;
    char err[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "log_level", "3", err, sizeof(err));
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof(err));
    if (!rk) {
        fprintf(stderr, "ne_mock: %s\n", err);
        return 1;
    }
    rd_kafka_mock_cluster_t *mc = rd_kafka_mock_cluster_new(rk, n > 0 ? n : 1);
    if (!mc) {
        fprintf(stderr, "ne_mock: cannot create the mock cluster\n");
        rd_kafka_destroy(rk);
        return 1;
    }
    printf("BOOTSTRAP %s\n", rd_kafka_mock_cluster_bootstraps(mc));
    fflush(stdout);
    char line[1024];
    int rc = 0;
    while (fgets(line, sizeof(line), stdin))
        if (line[0] != '\n' && line[0] != '#') rc |= command(mc, line);
    rd_kafka_mock_cluster_destroy(mc);
    rd_kafka_destroy(rk);
    return rc;
}
