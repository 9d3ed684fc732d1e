#!/usr/bin/env python3
"""The benchmark's HTTP client for what wrk does not do (Python 3 standard library only).

  client.py setup URL                        register a user, make a token; prints TOKEN=... LEDGER=...
  client.py login URL                        a new token for that user; prints TOKEN=... LEDGER=...
  client.py load URL TOKEN LEDGER DIR        upload DIR/batch-*.json through the batch endpoint; prints JSON
  client.py cursors URL TOKEN LEDGER         follow nextCursor to half the ledger's depth; writes cursors

Only the documented API is used: ids and cursors are opaque strings, taken from responses.
"""
import argparse
import glob
import http.client
import json
import os
import random
import sys
import threading
import time
import urllib.parse

USER = "bench"
PASSWORD = "benchmark password"


class Api:
    """One keep-alive connection to the server."""

    def __init__(self, url, token=None):
        parts = urllib.parse.urlsplit(url)
        self.conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=600)
        self.token = token

    def call(self, method, path, body=None, expect=200):
        headers = {"Accept": "application/json"}
        if body is not None:
            headers["Content-Type"] = "application/json"
            if not isinstance(body, bytes):
                body = json.dumps(body).encode()
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        data = response.read()
        if response.status != expect:
            sys.exit(f"{method} {path}: expected {expect}, got {response.status}: {data[:500]!r}")
        return json.loads(data) if data else None


def setup(args):
    api = Api(args.url)
    created = api.call("POST", "/api/v1/users", {"username": USER, "password": PASSWORD}, expect=201)
    token = api.call("POST", "/api/v1/tokens", {"username": USER, "password": PASSWORD, "name": "bench"},
                     expect=201)["token"]
    api.token = token
    ledgers = api.call("GET", "/api/v1/ledgers")
    print(f"USER_ID={created['id']} TOKEN={token} LEDGER={ledgers[0]['id']}")


def login(args):
    """A new token for the benchmark's user on a database a run kept (bench/run --keep)."""
    api = Api(args.url)
    token = api.call("POST", "/api/v1/tokens", {"username": USER, "password": PASSWORD, "name": "profile"},
                     expect=201)["token"]
    api.token = token
    print(f"TOKEN={token} LEDGER={api.call('GET', '/api/v1/ledgers')[0]['id']}")


def load(args):
    files = sorted(glob.glob(os.path.join(args.dir, "batch-*.json")))
    bodies = [open(f, "rb").read() for f in files]  # read before the clock starts
    path = f"/api/v1/ledgers/{args.ledger}/expenses/batch"
    ids = [None] * len(bodies)
    seconds = [0.0] * len(bodies)
    queue = list(range(len(bodies)))
    lock = threading.Lock()
    failed = []

    def worker():
        api = Api(args.url, args.token)
        while True:
            with lock:
                if not queue or failed:
                    return
                i = queue.pop(0)
            t = time.perf_counter()
            try:
                ids[i] = api.call("POST", path, bodies[i], expect=201)["ids"]
            except (SystemExit, Exception) as e:  # would end this thread alone, and the load short
                failed.append(f"load: batch {i + 1}: {e if isinstance(e, SystemExit) else repr(e)}")
                return
            seconds[i] = time.perf_counter() - t

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(args.parallel)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - started
    if failed:
        sys.exit(failed[0])
    rows = sum(len(i) for i in ids if i)
    if rows != sum(len(json.loads(b)) for b in bodies):
        sys.exit("load: the server created fewer rows than were sent")
    every = [x for batch in ids for x in batch]
    sample = random.Random(7).sample(every, min(args.sample, len(every)))
    with open(args.ids, "w") as f:
        f.write("\n".join(sample) + "\n")
    seconds.sort()
    print(json.dumps({"rows": rows, "batches": len(bodies), "parallel": args.parallel,
                      "seconds": round(elapsed, 3), "rows_per_s": round(rows / elapsed),
                      "batch_p50_ms": round(seconds[len(seconds) // 2] * 1000, 1),
                      "batch_max_ms": round(seconds[-1] * 1000, 1)}))


def cursors(args):
    """Walks the default listing (newest first) in big pages to near half the ledger, then in pages of
    --limit, writing the cursor of every small page from half-way on: the cursors a client paging at
    --limit would hold there."""
    api = Api(args.url, args.token)
    base = f"/api/v1/ledgers/{args.ledger}/expenses"
    seen, cursor, out, requests = 0, None, [], 0
    started = time.perf_counter()
    while len(out) < args.pages:
        limit = args.stride if seen + args.stride <= args.skip else args.limit
        query = {"limit": limit} | ({"cursor": cursor} if cursor else {})
        page = api.call("GET", base + "?" + urllib.parse.urlencode(query))
        requests += 1
        seen += len(page["items"])
        cursor = page["nextCursor"]
        if cursor is None:
            if out:
                break  # a small ledger: fewer pages past half-way than asked for
            sys.exit(f"cursors: the listing ended after {seen} rows, before half-way ({args.skip})")
        if seen >= args.skip:
            out.append(cursor)
    with open(args.out, "w") as f:
        f.write("\n".join(out) + "\n")
    elapsed = time.perf_counter() - started
    print(json.dumps({"cursors": len(out), "first_after_rows": args.skip, "requests": requests,
                      "seconds": round(elapsed, 3)}))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)
    s = sub.add_parser("setup")
    s.add_argument("url")
    s.set_defaults(run=setup)
    s = sub.add_parser("login")
    s.add_argument("url")
    s.set_defaults(run=login)
    s = sub.add_parser("load")
    for name in ("url", "token", "ledger", "dir"):
        s.add_argument(name)
    s.add_argument("--parallel", type=int, default=2, help="concurrent uploads (default 2)")
    s.add_argument("--ids", required=True, help="file for a random sample of the created ids, one a line")
    s.add_argument("--sample", type=int, default=100_000, help="how many ids to sample (default 100,000)")
    s.set_defaults(run=load)
    s = sub.add_parser("cursors")
    for name in ("url", "token", "ledger"):
        s.add_argument(name)
    s.add_argument("--skip", type=int, required=True, help="rows to pass before the first cursor kept")
    s.add_argument("--pages", type=int, default=200, help="cursors to keep (default 200)")
    s.add_argument("--limit", type=int, default=50, help="page size the cursors are for (default 50)")
    s.add_argument("--stride", type=int, default=1000, help="page size on the way there (default 1000)")
    s.add_argument("--out", required=True)
    s.set_defaults(run=cursors)
    args = p.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
