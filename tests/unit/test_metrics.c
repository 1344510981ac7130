/*
 * test_metrics.c - the metrics endpoint: served on IPv4 and IPv6 addresses,
 * a port in use and a bad address refused with a message that says so,
 * and the Prometheus text counting what it is told.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "metrics.h"
#include "testutil.h"

static char err[512];

/* The loopback address of this family, with a port; its length. */
static socklen_t loopback(int family, int port, struct sockaddr_storage *ss)
{
    memset(ss, 0, sizeof(*ss));
    ss->ss_family = (sa_family_t)family;
    if (family == AF_INET6) {
        ((struct sockaddr_in6 *)ss)->sin6_addr = in6addr_loopback;
        ((struct sockaddr_in6 *)ss)->sin6_port = htons((uint16_t)port);
        return sizeof(struct sockaddr_in6);
    }
    ((struct sockaddr_in *)ss)->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ((struct sockaddr_in *)ss)->sin_port = htons((uint16_t)port);
    return sizeof(struct sockaddr_in);
}

/* A port that is free now, on the loopback of this family. */
static int free_port(int family)
{
    struct sockaddr_storage ss;
    socklen_t len = loopback(family, 0, &ss);
    int fd = socket(family, SOCK_STREAM, 0);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq(bind(fd, (struct sockaddr *)&ss, len), 0);
    ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&ss, &len), 0);
    int port = ntohs(family == AF_INET6 ? ((struct sockaddr_in6 *)&ss)->sin6_port
                                        : ((struct sockaddr_in *)&ss)->sin_port);
    close(fd);
    return port;
}

/* GET path from the loopback of this family; the reply in buf. */
static void get(int family, int port, const char *path, char *buf, size_t bufsz)
{
    struct sockaddr_storage ss;
    socklen_t len = loopback(family, port, &ss);
    int fd = socket(family, SOCK_STREAM, 0);
    ck_assert_int_ge(fd, 0);
    ck_assert_msg(connect(fd, (struct sockaddr *)&ss, len) == 0, "connect to port %d", port);
    char req[128];
    int n = snprintf(req, sizeof(req), "GET %s HTTP/1.0\r\n\r\n", path);
    ck_assert_int_eq((int)write(fd, req, (size_t)n), n);
    size_t got = 0;
    ssize_t k;
    while (got + 1 < bufsz && (k = read(fd, buf + got, bufsz - 1 - got)) > 0) got += (size_t)k;
    buf[got] = '\0';
    close(fd);
}

START_TEST(ipv6_and_ipv4)
{
    static char reply[65536];
    ne_metrics_record_in();
    int port = free_port(AF_INET6);
    ck_assert_msg(ne_metrics_start("::1", port, err, sizeof(err)) == 0, "%s", err);
    get(AF_INET6, port, "/metrics", reply, sizeof(reply));
    ck_assert_msg(strncmp(reply, "HTTP/1.0 200", 12) == 0 || strncmp(reply, "HTTP/1.1 200", 12) == 0, "%.80s", reply);
    ck_assert_msg(strstr(reply, "\nnewsevents_records_in_total 1\n") != NULL, "%s", reply);
    ne_metrics_stop();
    port = free_port(AF_INET6);
    ck_assert_msg(ne_metrics_start("[::1]", port, err, sizeof(err)) == 0, "%s", err);
    get(AF_INET6, port, "/healthz", reply, sizeof(reply));
    ck_assert_msg(strstr(reply, " 503 ") != NULL, "%.80s", reply);
    ne_metrics_stop();
    port = free_port(AF_INET);
    ck_assert_msg(ne_metrics_start("127.0.0.1", port, err, sizeof(err)) == 0, "%s", err);
    get(AF_INET, port, "/nowhere", reply, sizeof(reply));
    ck_assert_msg(strstr(reply, " 404 ") != NULL, "%.80s", reply);
    ne_metrics_stop();
}
END_TEST

START_TEST(port_in_use_and_bad_address)
{
    /* someone else holds the port */
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in sa = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof(sa);
    ck_assert_int_eq(bind(fd, (struct sockaddr *)&sa, len), 0);
    ck_assert_int_eq(listen(fd, 1), 0);
    ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&sa, &len), 0);
    int port = ntohs(sa.sin_port);
    ck_assert_int_eq(ne_metrics_start("127.0.0.1", port, err, sizeof(err)), -1);
    char want[128];
    snprintf(want, sizeof(want), "metrics port %d on 127.0.0.1 is already in use", port);
    ck_assert_msg(strstr(err, want) && strstr(err, "--metrics-port"), "%s", err);
    close(fd);
    ck_assert_int_eq(ne_metrics_start("localhost", port, err, sizeof(err)), -1);
    ck_assert_msg(strstr(err, "'localhost' is not an IPv4 or IPv6 address"), "%s", err);
    ck_assert_int_eq(ne_metrics_start("::1::2", port, err, sizeof(err)), -1);
    ck_assert_msg(strstr(err, "not an IPv4 or IPv6 address"), "%s", err);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("metrics");
    TCase *core = tcase_create("core");
    tcase_add_test(core, ipv6_and_ipv4);
    tcase_add_test(core, port_in_use_and_bad_address);
    suite_add_tcase(s, core);
    return tu_run(s);
}
