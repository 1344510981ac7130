#!/usr/bin/env bash
# Usage errors, as a user meets them: the error and one line pointing at
# --help (exit 2), the nearest name for a mistyped option, command, setting
# or NEWSEVENTS_ variable, options of another command refused, -X and
# NEWSEVENTS_X_ taking properties without a dot, the variables that are not
# settings left alone, and config file errors at file:line.
set -euo pipefail
BIN=$1
W=$(mktemp -d /tmp/ne-usage-XXXX)
trap 'rm -rf "$W"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
echo '{"id":"u1","published":"2021-11-10","text":"Poland accused Belarus on Monday of herding migrants."}' >"$W/a.jsonl"

# usage_error "expected first line" COMMAND...: exit 2, exactly that line,
# then the pointer at the command's --help
usage_error() {
    local want=$1 rc=0 cmd="" a
    shift
    "$@" <"$W/a.jsonl" >/dev/null 2>"$W/err" || rc=$?
    [ "$rc" = 2 ] || fail "$*: exit $rc, not 2"
    for a in "$@"; do
        case $a in run|replay|extract) cmd=$a; break ;; esac
    done
    [ "$(sed -n 1p "$W/err")" = "$want" ] || fail "$*: said '$(sed -n 1p "$W/err")', not '$want'"
    [ "$(sed -n 2p "$W/err")" = "Run 'newsevents ${cmd:+$cmd }--help' for the options." ] ||
        fail "$*: second line '$(sed -n 2p "$W/err")'"
    [ "$(wc -l <"$W/err")" = 2 ] || fail "$*: $(wc -l <"$W/err") lines on stderr, not 2"
    echo "ok: $* -> $want"
}
usage_error "newsevents extract: unknown option '--inptu' (did you mean --input?)" "$BIN" extract --inptu x
usage_error "newsevents run: ambiguous option '--met' (--metrics-port, --metrics-bind)" "$BIN" run --met 1
usage_error "newsevents extract: option '--output' needs a value" "$BIN" extract --output
usage_error "newsevents: unknown command 'extrct' (did you mean extract?)" "$BIN" extrct
usage_error "newsevents: no command (run, replay, extract or aggregate)" "$BIN"
# options of another command
usage_error "newsevents extract: --guarantee is an option of run and aggregate, not of extract" "$BIN" extract --guarantee exactly-once
usage_error "newsevents run: --from is an option of replay, not of run" "$BIN" run --from earliest
usage_error "newsevents replay: --metrics-port is an option of run and aggregate, not of replay" "$BIN" replay --metrics-port 9464
usage_error "newsevents extract: -X is an option of run, replay and aggregate, not of extract" "$BIN" extract -X debug=all
usage_error "newsevents run: --rejects is an option of extract, not of run" "$BIN" run --rejects r.jsonl
usage_error "newsevents run: --retention-days is an option of aggregate, not of run" "$BIN" run --retention-days 3
# -X: any librdkafka property, with or without a dot, checked by librdkafka
# (the run then stops at the next check: no group)
usage_error "newsevents run: no consumer group (-g)" "$BIN" run -b x -i a -o b -X debug=generic -X acks=all -X producer.linger.ms=5
usage_error "newsevents run: no consumer group (-g)" env NEWSEVENTS_X_DEBUG=generic NEWSEVENTS_X_ACKS=all "$BIN" run -b x -i a -o b
rdk=$("$BIN" version | sed -n 's/.*librdkafka \([^)]*\)).*/\1/p')
usage_error "newsevents run: -X: unknown librdkafka property 'bootstrap.server' (did you mean 'bootstrap.servers'?) (librdkafka $rdk)" \
    "$BIN" run -X bootstrap.server=x
usage_error "newsevents run: -X: librdkafka property acks: Invalid value for configuration property \"request.required.acks\"" \
    "$BIN" run -X acks=most
# variables
usage_error "newsevents extract: environment NEWSEVENTS_BROKER: not a setting (did you mean NEWSEVENTS_BROKERS?); librdkafka properties are NEWSEVENTS_X_<PROPERTY>" \
    env NEWSEVENTS_BROKER=x "$BIN" extract
NEWSEVENTS_CACHE=/var/cache/x NEWSEVENTS_TRACE= "$BIN" extract <"$W/a.jsonl" >"$W/out" 2>/dev/null ||
    fail "NEWSEVENTS_CACHE or NEWSEVENTS_TRACE broke extract"
[ -s "$W/out" ] || fail "no events with NEWSEVENTS_CACHE set"
echo "ok: NEWSEVENTS_CACHE and NEWSEVENTS_TRACE are not settings"
# config files: file:line, the nearest name; an inline comment is not part of the value
printf 'brokers = k:9092  # the broker\n\nbrokrs = x\n' >"$W/c.conf"
usage_error "newsevents run: $W/c.conf:3: unknown setting 'brokrs' (did you mean 'brokers'?)" "$BIN" run -c "$W/c.conf"
printf 'log-level = debug   # everything\n' >"$W/d.conf"
"$BIN" extract -c "$W/d.conf" <"$W/a.jsonl" >/dev/null 2>"$W/err" || fail "an inline comment broke the config file: $(cat "$W/err")"
grep -q " debug " "$W/err" || fail "log-level = debug # comment did not set debug"
echo "ok: inline comments"
# --help is still the whole help, on stdout
"$BIN" extract --help >"$W/help" || fail "--help exit $?"
[ "$(wc -l <"$W/help")" -gt 10 ] || fail "--help is too short"
echo PASS
