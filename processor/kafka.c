/*
 * kafka.c - librdkafka clients as the program makes them: base settings,
 * the user's passthrough properties, librdkafka's log lines through the
 * program's logger, and errors that do not heal by retrying (fatal errors,
 * wrong credentials or permissions) stopping the service.
 */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "consumer.h"
#include "kafka.h"
#include "log.h"
#include "service.h"

/* When all brokers went down, per client type (0: up), so that the
 * recovery is logged once. */
static atomic_llong g_down_since[2];

static void log_cb(const rd_kafka_t *rk, int level, const char *fac, const char *buf)
{
    (void)rk;
    /* a connection failure comes to the error callback too, which logs it
     * once per event: here it would be a second line for the same thing */
    if (level <= 5 && !strcmp(fac, "FAIL")) level = 7;
    if (level <= 3) ne_err("librdkafka %s: %s", fac, buf);
    else if (level <= 5) ne_warn("librdkafka %s: %s", fac, buf);
    else ne_debug("librdkafka %s: %s", fac, buf);
}

/* Wrong credentials or permissions: retrying does not help. The group is
 * the consumer's business, the cluster (transactions) the producer's. */
static int is_auth_error(rd_kafka_type_t type, rd_kafka_resp_err_t err)
{
    switch (err) {
    case RD_KAFKA_RESP_ERR__AUTHENTICATION:
    case RD_KAFKA_RESP_ERR_SASL_AUTHENTICATION_FAILED:
    case RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED:
        return 1;
    case RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED:
        return type == RD_KAFKA_CONSUMER;
    case RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED:
        return type == RD_KAFKA_PRODUCER;
    default:
        return 0;
    }
}

static void error_cb(rd_kafka_t *rk, int err, const char *reason, void *opaque)
{
    (void)opaque;
    rd_kafka_type_t type = rd_kafka_type(rk);
    const char *who = type == RD_KAFKA_CONSUMER ? "consumer" : "producer";
    if (err == RD_KAFKA_RESP_ERR__FATAL) {
        char buf[512];
        rd_kafka_fatal_error(rk, buf, sizeof(buf));
        ne_err("%s fatal error: %s", who, buf);
        return;
    }
    const char *name = rd_kafka_err2name((rd_kafka_resp_err_t)err);
    if (is_auth_error(type, (rd_kafka_resp_err_t)err)) {
        ne_err("%s: %s: %s: stopping", who, name, reason);
        ne_service_fail();
        return;
    }
    /* connection losses are retried by librdkafka; say so once per event */
    ne_warn("%s: %s: %s", who, name, reason);
    long long zero = 0;
    if (err == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
        atomic_compare_exchange_strong(&g_down_since[type == RD_KAFKA_CONSUMER], &zero, (long long)ne_now_ms());
}

void ne_kafka_up(rd_kafka_t *rk)
{
    rd_kafka_type_t type = rd_kafka_type(rk);
    atomic_llong *d = &g_down_since[type == RD_KAFKA_CONSUMER];
    long long since = atomic_load(d);
    if (since && atomic_compare_exchange_strong(d, &since, 0))
        ne_info("%s: the brokers answer again, after %.0f s", type == RD_KAFKA_CONSUMER ? "consumer" : "producer",
                (double)(ne_now_ms() - since) / 1000.0);
}

void ne_kafka_leave_group(rd_kafka_t *rk, int64_t until_ms)
{
    if (rd_kafka_unsubscribe(rk)) return;
    for (;;) {
        rd_kafka_topic_partition_list_t *a = NULL;
        if (rd_kafka_assignment(rk, &a)) break;
        int left = a->cnt;
        rd_kafka_topic_partition_list_destroy(a);
        if (!left || ne_now_ms() >= until_ms) break;
        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 100);
        if (m) rd_kafka_message_destroy(m);
    }
}

rd_kafka_conf_t *ne_kafka_conf(const ne_kafka_prop_t *base, size_t nbase, const ne_conf_t *conf,
                               int scope, char *err, size_t errsz)
{
    rd_kafka_conf_t *kc = rd_kafka_conf_new();
    char e2[512];
    for (size_t i = 0; i < nbase; i++)
        if (base[i].val && rd_kafka_conf_set(kc, base[i].key, base[i].val, e2, sizeof(e2)) != RD_KAFKA_CONF_OK) {
            snprintf(err, errsz, "%s: %s", base[i].key, e2);
            goto fail;
        }
    for (size_t i = 0; i < conf->nprops; i++) {
        const ne_prop_t *p = &conf->props[i];
        if (p->scope != NE_SCOPE_BOTH && p->scope != scope) continue;
        if (rd_kafka_conf_set(kc, p->key, p->val, e2, sizeof(e2)) != RD_KAFKA_CONF_OK) {
            /* the message names the property; never the value (it may be a secret) */
            snprintf(err, errsz, "librdkafka property %s: %s", p->key, e2);
            goto fail;
        }
    }
    rd_kafka_conf_set_log_cb(kc, log_cb);
    rd_kafka_conf_set_error_cb(kc, error_cb);
    return kc;
fail:
    rd_kafka_conf_destroy(kc);
    return NULL;
}

rd_kafka_t *ne_kafka_new(rd_kafka_type_t type, rd_kafka_conf_t *kc, char *err, size_t errsz)
{
    char e2[512];
    rd_kafka_t *rk = rd_kafka_new(type, kc, e2, sizeof(e2));
    if (!rk) {
        /* librdkafka keeps the conf only when it succeeds */
        rd_kafka_conf_destroy(kc);
        snprintf(err, errsz, "creating the %s: %s", type == RD_KAFKA_CONSUMER ? "consumer" : "producer", e2);
    }
    return rk;
}

int64_t ne_txn_timeout_ms(rd_kafka_t *prod)
{
    char buf[32];
    size_t sz = sizeof(buf);
    if (rd_kafka_conf_get(rd_kafka_conf(prod), "transaction.timeout.ms", buf, &sz) != RD_KAFKA_CONF_OK)
        return 60000;
    return atoll(buf);
}

int ne_txn_is_fence(rd_kafka_resp_err_t code)
{
    return code == RD_KAFKA_RESP_ERR__FENCED || code == RD_KAFKA_RESP_ERR_PRODUCER_FENCED ||
           code == RD_KAFKA_RESP_ERR_INVALID_PRODUCER_EPOCH;
}

int ne_txn_renewable(rd_kafka_t *prod, int64_t began)
{
    char buf[256];
    rd_kafka_resp_err_t code = rd_kafka_fatal_error(prod, buf, sizeof(buf));
    return code == RD_KAFKA_RESP_ERR_INVALID_TXN_STATE ||
           (ne_txn_is_fence(code) && ne_now_ms() - began > ne_txn_timeout_ms(prod));
}

static int seek_timed_out(const rd_kafka_error_t *e, const rd_kafka_topic_partition_list_t *l)
{
    if (e) return rd_kafka_error_code(e) == RD_KAFKA_RESP_ERR__TIMED_OUT;
    for (int i = 0; i < l->cnt; i++)
        if (l->elems[i].err == RD_KAFKA_RESP_ERR__TIMED_OUT) return 1;
    return 0;
}

rd_kafka_error_t *ne_kafka_seek(rd_kafka_t *rk, rd_kafka_topic_partition_list_t *l, int total_ms)
{
    int64_t end = ne_now_ms() + total_ms;
    for (int tries = 1;; tries++) {
        int64_t left = end - ne_now_ms();
        rd_kafka_error_t *e = rd_kafka_seek_partitions(rk, l, (int)(left > 100 ? left : 100));
        if (!seek_timed_out(e, l) || ne_now_ms() >= end) return e;
        ne_warn("seek %d timed out (%s): trying again", tries,
                e ? rd_kafka_error_string(e) : "a partition's seek");
        if (e) rd_kafka_error_destroy(e);
        for (int i = 0; i < l->cnt; i++) l->elems[i].err = RD_KAFKA_RESP_ERR_NO_ERROR;
        struct timespec ts = {0, 100 * 1000 * 1000}; /* an early give-up must not spin */
        nanosleep(&ts, NULL);
    }
}
