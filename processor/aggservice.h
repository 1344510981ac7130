/*
 * aggservice.h - `newsevents aggregate`: the aggregation stage (aggregate.h)
 * over a JSON Lines file of events (the offline twin), or as a Kafka
 * service: input topic -> repartition topic keyed by aggregate key ->
 * state store with a compacted changelog -> compacted output topic.
 */
#ifndef NE_AGGSERVICE_H
#define NE_AGGSERVICE_H

#include "config.h"

/** @brief The offline twin: events from conf->in_file (or stdin), the final
 * table (one aggregate a line, in key order) to conf->out_file (or stdout).
 * @returns the exit code. */
int ne_agg_offline(const ne_conf_t *conf);

/** @brief The service, until SIGINT/SIGTERM or a fatal error. conf->in_file
 * and conf->out_file name the input and output topics. @returns the exit code. */
int ne_agg_service(const ne_conf_t *conf);

#endif
