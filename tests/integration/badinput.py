#!/usr/bin/env python3
"""The bad-input classes of the hardening tests, as JSON Lines records.

usage: badinput.py OUT.jsonl EXPECTED.json
Writes one record per class, each between two good articles, and the
expected outcome per class (a reason code, or "coded" for records that
must be coded normally). Records never contain a raw newline.
"""
import json
import sys

out, expected_path = sys.argv[1], sys.argv[2]
good = lambda i: json.dumps({"id": "good-%d" % i, "published": "2021-11-10",
                             "text": "Poland accused Belarus on Monday of herding migrants."}).encode()
deep = b'{"text":"a","x":' + b"[" * 200000 + b"]" * 200000 + b"}"
big_text = json.dumps({"id": "big", "published": "2021-11-10",
                       "text": ("Russia condemned Ukraine on Monday. " * 600000)[:20 * 1024 * 1024]}).encode()
token = json.dumps({"id": "token", "published": "2021-11-10", "text": "x" * (2 * 1024 * 1024)}).encode()
classes = [
    ("invalid JSON", b"{text: oops}", "invalid_json"),
    ("truncated JSON", b'{"text": "Russia accused', "truncated_json"),
    ("JSON array", b"[1, 2, 3]", "not_object"),
    ("JSON number", b"42", "not_object"),
    ("wrong field type", b'{"text": ["a"]}', "wrong_type"),
    ("missing text", b'{"title": "no body"}', "missing_text"),
    ("empty text", b'{"text": "  \\n\\t "}', "empty_text"),
    ("invalid UTF-8", b'{"text": "bad \xff\xfe bytes"}', "invalid_utf8"),
    ("NUL byte (raw)", b'{"text": "a\x00b"}', "nul_byte"),
    ("NUL byte (escaped)", b'{"text": "a\\u0000b"}', "nul_byte"),
    ("raw control character", b'{"text": "a\x07b"}', "invalid_json"),
    ("escaped control characters", json.dumps({"id": "ctl", "text": "Russia\u0007 condemned\u001b Ukraine."}).encode(), "coded"),
    ("200,000-deep nesting", deep, "too_deep"),
    ("duplicate keys", b'{"text": "a", "text": "b"}', "duplicate_key"),
    ("out-of-range number", b'{"text": "a", "score": 1e999}', "number_out_of_range"),
    ("out-of-range integer", b'{"text": "a", "n": 99999999999999999999999}', "number_out_of_range"),
    ("20 MB text (default limit 4 MiB)", big_text, "too_large"),
    ("2 MB token without spaces", token, "coded"),
    ("non-Latin scripts", json.dumps({"id": "scripts", "text": "Россия обвинила Запад. 俄罗斯指责西方。 روسيا تتهم الغرب."}, ensure_ascii=False).encode(), "coded"),
    ("emoji only", json.dumps({"id": "emoji", "text": "😀🔥🚀🇺🇦"}, ensure_ascii=False).encode(), "coded"),
    ("UTF-8 byte order mark before the record", b"\xef\xbb\xbf" + json.dumps({"id": "bom", "published": "2021-11-10", "text": "Russia condemned Ukraine on Monday."}).encode(), "coded"),
    ("malformed date", b'{"text": "Russia condemned Ukraine.", "published": "2023-13-45"}', "invalid_date"),
    ("date of another shape", b'{"text": "Russia condemned Ukraine.", "published": "17/02/2023"}', "invalid_date"),
]
expected = []
with open(out, "wb") as f:
    n = 0
    for name, rec, reason in classes:
        assert b"\n" not in rec, name
        f.write(good(n) + b"\n")
        n += 1
        f.write(rec + b"\n")
        expected.append({"class": name, "reason": reason, "bytes": len(rec)})
    f.write(good(n) + b"\n")
json.dump({"classes": expected, "good": n + 1}, open(expected_path, "w"))
