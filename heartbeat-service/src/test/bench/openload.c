/*
 * openload: open-model (constant arrival rate) load of realistic heartbeats, latency measured from each
 * request's INTENDED send time (no coordinated omission: a stalled server shows as latency, not as fewer
 * requests). One thread, epoll, HTTP/1.1 keep-alive, one request in flight per connection; requests that
 * are due while every connection is busy wait in order and their wait counts as latency.
 *
 * Why C: the service, Redis and the generator share the machine's two cores; a JVM generator (Reactor Netty)
 * took several times wrk's CPU per request and starved the service it measured.
 *
 * Build: gcc -O2 -o openload openload.c
 * Usage: openload <host> <port> <sessions.txt> <beats/s> <seconds> [warm-up seconds=10] [connections=256]
 * sessions.txt: "<access token> <session id>" per line (BenchSetup). Each request is the next beat (sequence
 * + 1, position + 1 s, playing, visible) of the next session, like beats.lua.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_CONNECTIONS 4096
#define IN_SIZE 65536
#define OUT_SIZE 8192

typedef struct {
    char *token;
    char *id;
    long sequence;
    long position;
} session_t;

typedef struct {
    int fd;
    int busy;
    long request;        /* index of the request in flight */
    char out[OUT_SIZE];
    int out_len, out_off;
    char in[IN_SIZE];
    int in_len;
} conn_t;

static struct sockaddr_in address;
static char host_header[128];
static session_t *sessions;
static long session_count;
static conn_t *conns;
static int conn_count, epoll_fd;
static int *idle, idle_count;

static long long start_ns, interval_ns, warm_up_requests;
static long long *latencies, *lags;   /* recorded requests only */
static long recorded, failed, completed, reconnects;

static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void die(const char *what) {
    perror(what);
    exit(2);
}

static void open_connection(int i) {
    conn_t *c = &conns[i];
    c->fd = socket(AF_INET, SOCK_STREAM, 0);
    if (c->fd < 0) die("socket");
    if (connect(c->fd, (struct sockaddr *) &address, sizeof address) < 0) die("connect");
    int one = 1;
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK);
    struct epoll_event ev = {.events = EPOLLIN, .data.u32 = (uint32_t) i};
    if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, c->fd, &ev) < 0) die("epoll_ctl");
    c->busy = 0;
    c->in_len = 0;
}

static void finish(int i, int ok, int close_after) {
    conn_t *c = &conns[i];
    long long done = now_ns();
    long r = c->request;
    if (r >= warm_up_requests) {
        latencies[recorded++] = done - (start_ns + r * interval_ns);
        if (!ok) failed++;
    }
    completed++;
    c->busy = 0;
    c->in_len = 0;
    if (close_after) {
        close(c->fd);
        reconnects++;
        open_connection(i);
    }
    idle[idle_count++] = i;
}

static void flush_out(int i) {
    conn_t *c = &conns[i];
    while (c->out_off < c->out_len) {
        ssize_t n = write(c->fd, c->out + c->out_off, c->out_len - c->out_off);
        if (n < 0) {
            if (errno == EAGAIN) {
                struct epoll_event ev = {.events = EPOLLIN | EPOLLOUT, .data.u32 = (uint32_t) i};
                epoll_ctl(epoll_fd, EPOLL_CTL_MOD, c->fd, &ev);
                return;
            }
            finish(i, 0, 1);
            return;
        }
        c->out_off += n;
    }
    struct epoll_event ev = {.events = EPOLLIN, .data.u32 = (uint32_t) i};
    epoll_ctl(epoll_fd, EPOLL_CTL_MOD, c->fd, &ev);
}

static void send_request(long r) {
    int i = idle[--idle_count];
    conn_t *c = &conns[i];
    session_t *s = &sessions[r % session_count];
    s->sequence++;
    s->position = (s->position + 1) % 3500;
    char body[256];
    int body_len = snprintf(body, sizeof body,
            "{\"sequence\":%ld,\"position\":%ld,\"rate\":1.0,\"state\":\"playing\",\"visibility\":\"visible\","
            "\"event\":\"tick\",\"clientTime\":0}", s->sequence, s->position);
    c->out_len = snprintf(c->out, OUT_SIZE,
            "POST /api/v1/playback/sessions/%s/heartbeats HTTP/1.1\r\nHost: %s\r\nAuthorization: Bearer %s\r\n"
            "Content-Type: application/json\r\nContent-Length: %d\r\n\r\n%s",
            s->id, host_header, s->token, body_len, body);
    c->out_off = 0;
    c->busy = 1;
    c->request = r;
    if (r >= warm_up_requests) lags[r - warm_up_requests] = now_ns() - (start_ns + r * interval_ns);
    flush_out(i);
}

/* 1 when the buffer holds a whole response; sets status and whether the server closes the connection */
static int parse_response(conn_t *c, int *status, int *close_after) {
    c->in[c->in_len] = 0;
    char *end = strstr(c->in, "\r\n\r\n");
    if (!end) return 0;
    *status = atoi(c->in + 9);
    long length = -1;
    int chunked = 0;
    *close_after = 0;
    for (char *line = strstr(c->in, "\r\n") + 2; line < end; line = strstr(line, "\r\n") + 2) {
        if (strncasecmp(line, "content-length:", 15) == 0) length = atol(line + 15);
        else if (strncasecmp(line, "transfer-encoding:", 18) == 0 && strcasestr(line, "chunked")) chunked = 1;
        else if (strncasecmp(line, "connection:", 11) == 0 && strcasestr(line, "close")) *close_after = 1;
    }
    char *body = end + 4;
    if (chunked) return strstr(body, "0\r\n\r\n") != NULL;
    return length < 0 || c->in_len - (body - c->in) >= length;
}

static void on_readable(int i) {
    conn_t *c = &conns[i];
    for (;;) {
        ssize_t n = read(c->fd, c->in + c->in_len, IN_SIZE - 1 - c->in_len);
        if (n < 0 && errno == EAGAIN) return;
        if (n <= 0) {                       /* closed or reset: a failed request if one was in flight */
            if (c->busy) {
                finish(i, 0, 1);
            } else {
                close(c->fd);
                reconnects++;
                for (int k = 0; k < idle_count; k++) if (idle[k] == i) idle[k] = idle[--idle_count];
                open_connection(i);
                idle[idle_count++] = i;
            }
            return;
        }
        c->in_len += n;
        int status, close_after;
        if (c->busy && parse_response(c, &status, &close_after)) {
            finish(i, status == 200, close_after);
            return;
        }
        if (c->in_len >= IN_SIZE - 1) { finish(i, 0, 1); return; }
    }
}

static int compare(const void *a, const void *b) {
    long long x = *(const long long *) a, y = *(const long long *) b;
    return x < y ? -1 : x > y;
}

static double percentile_ms(long long *values, long n, double p) {
    if (n == 0) return 0;
    long k = (long) (p / 100.0 * n);
    if (k >= n) k = n - 1;
    return values[k] / 1e6;
}

static void load_sessions(const char *path) {
    FILE *f = fopen(path, "r");
    if (!f) die(path);
    long capacity = 1024;
    sessions = malloc(capacity * sizeof *sessions);
    char token[4096], id[256];
    while (fscanf(f, "%4095s %255s", token, id) == 2) {
        if (session_count == capacity) sessions = realloc(sessions, (capacity *= 2) * sizeof *sessions);
        sessions[session_count++] = (session_t){strdup(token), strdup(id), 0, 0};
    }
    fclose(f);
    if (session_count == 0) { fprintf(stderr, "no sessions in %s\n", path); exit(2); }
}

int main(int argc, char **argv) {
    if (argc < 6) {
        fprintf(stderr, "usage: %s host port sessions.txt beats/s seconds [warm-up seconds=10] [connections=256]\n", argv[0]);
        return 2;
    }
    double rate = atof(argv[4]);
    int seconds = atoi(argv[5]);
    int warm_up = argc > 6 ? atoi(argv[6]) : 10;
    conn_count = argc > 7 ? atoi(argv[7]) : 256;
    if (rate <= 0 || seconds <= 0 || conn_count <= 0 || conn_count > MAX_CONNECTIONS) {
        fprintf(stderr, "bad arguments\n");
        return 2;
    }
    address.sin_family = AF_INET;
    address.sin_port = htons((uint16_t) atoi(argv[2]));
    if (inet_pton(AF_INET, argv[1], &address.sin_addr) != 1) { fprintf(stderr, "host must be an IPv4 address\n"); return 2; }
    snprintf(host_header, sizeof host_header, "%s:%s", argv[1], argv[2]);
    load_sessions(argv[3]);

    epoll_fd = epoll_create1(0);
    conns = calloc(conn_count, sizeof *conns);
    idle = malloc(conn_count * sizeof *idle);
    for (int i = 0; i < conn_count; i++) {
        open_connection(i);
        idle[idle_count++] = i;
    }
    interval_ns = (long long) (1e9 / rate);
    warm_up_requests = (long long) (rate * warm_up);
    long total = warm_up_requests + (long) (rate * seconds);
    latencies = malloc((total - warm_up_requests) * sizeof *latencies);
    lags = malloc((total - warm_up_requests) * sizeof *lags);
    start_ns = now_ns() + 100000000LL;

    long next = 0;
    struct epoll_event events[256];
    long long deadline = start_ns + (long long) ((warm_up + seconds) * 1e9) + 30000000000LL;
    while (completed < total) {
        long long now = now_ns();
        if (now > deadline) break;
        long due = now < start_ns ? 0 : (long) ((now - start_ns) / interval_ns) + 1;
        if (due > total) due = total;
        while (next < due && idle_count > 0) send_request(next++);
        struct timespec timeout = {0, 10000000};   /* all busy, or all sent: wake on responses (or 10 ms) */
        if (next < total && idle_count > 0) {
            long long wait = start_ns + next * interval_ns - now_ns();
            if (wait < 0) wait = 0;
            timeout.tv_sec = wait / 1000000000LL;
            timeout.tv_nsec = wait % 1000000000LL;
        }
        int n = epoll_pwait2(epoll_fd, events, 256, &timeout, NULL);
        if (n < 0 && errno != EINTR) die("epoll_pwait2");
        for (int k = 0; k < n; k++) {
            int i = (int) events[k].data.u32;
            if (events[k].events & EPOLLOUT) flush_out(i);
            if (events[k].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) on_readable(i);
        }
    }
    long sent = next - warm_up_requests < 0 ? 0 : next - warm_up_requests;
    long unanswered = sent - recorded;
    qsort(latencies, recorded, sizeof *latencies, compare);
    qsort(lags, sent, sizeof *lags, compare);
    printf("offered %.0f beats/s for %d s (after %d s warm-up, %d connections): %ld answered, %ld failed, %ld unanswered,"
           " %ld reconnects\n", rate, seconds, warm_up, conn_count, recorded, failed, unanswered, reconnects);
    printf("%ld requests in total, warm-up included\n", completed);
    printf("latency from intended send: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms\n",
           percentile_ms(latencies, recorded, 50), percentile_ms(latencies, recorded, 90),
           percentile_ms(latencies, recorded, 99), percentile_ms(latencies, recorded, 99.9),
           recorded ? latencies[recorded - 1] / 1e6 : 0);
    printf("generator send lag (actual - intended send): p50 %.3f ms, p99 %.3f ms, max %.3f ms\n",
           percentile_ms(lags, sent, 50), percentile_ms(lags, sent, 99), sent ? lags[sent - 1] / 1e6 : 0);
    return failed > 0 || unanswered > 0 ? 1 : 0;
}
