#!/usr/bin/env python3
"""Where a JFR recording's CPU time went: by component (the frame that was running), by step of a request
(a frame anywhere on the stack), and the hottest methods. Reads CPU-time samples (jdk.CPUTimeSample, JDK 25+,
which include native code such as SQLite's), else execution samples.

  profile.py RECORDING.jfr [--jfr PATH-TO-jfr-TOOL] [--top N]
"""
import argparse
import collections
import json
import shutil
import subprocess

# The component a sample is charged to: the first (innermost) frame whose class starts with a prefix here.
COMPONENTS = [
    ("org/sqlite/core/NativeDB", "SQLite (native)"),
    ("org/sqlite/", "sqlite-jdbc (Java)"),
    ("com/zaxxer/hikari/", "HikariCP"),
    ("org/jooq/", "jOOQ"),
    ("com/fasterxml/jackson/", "Jackson"),
    ("org/eclipse/jetty/", "Jetty"),
    ("io/javalin/", "Javalin"),
    ("kotlin/", "Javalin"),
    ("app/outlay/", "Outlay"),
    ("org/apache/commons/csv/", "Commons CSV"),
    ("ch/qos/logback/", "logging"),
    ("org/slf4j/", "logging"),
    ("sun/nio/", "JDK: NIO/socket"),
    ("java/util/regex/", "JDK: regex"),
    ("java/util/concurrent/", "JDK: concurrency"),
    ("jdk/internal/misc/", "JDK: concurrency"),
    ("java/lang/VirtualThread", "JDK: virtual threads"),
    ("jdk/internal/vm/", "JDK: virtual threads"),
    ("sun/security/", "JDK: security/digest"),
    ("java/security/", "JDK: security/digest"),
    ("java/time/", "JDK: java.time"),
    ("java/", "JDK: other"),
    ("jdk/", "JDK: other"),
    ("sun/", "JDK: other"),
]

# Steps of a request: a sample counts for a step when a frame of that method is anywhere on its stack.
STEPS = [
    ("app/outlay/http/Auth.authenticate", "authenticate (token lookup)"),
    ("app/outlay/ledger/LedgerService.access", "ledger access check"),
    ("app/outlay/expense/ExpenseStore.", "expense SQL (ExpenseStore)"),
    ("app/outlay/expense/SummaryStore.", "summary SQL (SummaryStore)"),
    ("app/outlay/ops/OpsHandler.health", "health check (SELECT 1)"),
    ("app/outlay/db/Database.transaction", "write transaction (incl. commit)"),
    ("org/jooq/impl/AbstractQuery.getSQL0", "jOOQ: render SQL"),
    ("org/jooq/impl/DefaultRenderContext", "jOOQ: render SQL"),
    ("com/zaxxer/hikari/pool/HikariPool.getConnection", "pool: borrow connection"),
    ("com/zaxxer/hikari/pool/ProxyConnection.close", "pool: return connection"),
    ("org/sqlite/core/NativeDB.prepare", "SQLite: prepare statement"),
    ("org/sqlite/core/NativeDB.step", "SQLite: step (execute)"),
    ("org/sqlite/core/NativeDB.", "SQLite: any native call"),
    ("app/outlay/expense/ExpenseCsv.", "CSV writing"),
    ("com/fasterxml/jackson/databind/ObjectMapper.write", "JSON: write response"),
    ("io/javalin/json/JavalinJackson.toJson", "JSON: write response"),
    ("com/fasterxml/jackson/databind/ObjectMapper.read", "JSON: read request"),
    ("app/outlay/http/JsonBody.", "JSON: read request"),
    ("app/outlay/expense/NewExpense.parse", "validate expense fields"),
    ("app/outlay/idempotency/", "idempotency wrapper"),
    ("io/javalin/http/servlet/JavalinServlet.handle", "inside Javalin's request handling"),
]


def frames_of(event):
    trace = event["values"].get("stackTrace") or {}
    return [f["method"]["type"]["name"] + "." + f["method"]["name"] for f in trace.get("frames", [])]


def load(path, jfr):
    for kind in ("jdk.CPUTimeSample", "jdk.ExecutionSample"):
        out = subprocess.run([jfr, "print", "--json", "--stack-depth", "1024", "--events", kind, path], capture_output=True, text=True,
                             check=True).stdout
        events = json.loads(out)["recording"]["events"]
        if events:
            return kind, events
    return None, []


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("recording")
    p.add_argument("--jfr", default=shutil.which("jfr") or "jfr")
    p.add_argument("--top", type=int, default=25)
    args = p.parse_args()

    kind, events = load(args.recording, args.jfr)
    stacks = [s for s in (frames_of(e) for e in events) if s]
    n = len(stacks)
    if not n:
        raise SystemExit("no samples in the recording")
    components, steps, methods = collections.Counter(), collections.Counter(), collections.Counter()
    for stack in stacks:
        methods[stack[0]] += 1
        components[next((name for f in stack for prefix, name in COMPONENTS if f.startswith(prefix)), "other")] += 1
        for step in {name for prefix, name in STEPS if any(f.startswith(prefix) for f in stack)}:
            steps[step] += 1

    print(f"{n} samples ({kind})")
    print("\nCPU by component (the innermost frame of a known library):")
    for name, c in components.most_common():
        print(f"  {c / n:6.1%}  {name}")
    print("\nCPU by step (a frame anywhere on the stack; steps nest, so shares overlap):")
    for name, c in steps.most_common():
        print(f"  {c / n:6.1%}  {name}")
    print(f"\nHottest methods (self):")
    for name, c in methods.most_common(args.top):
        print(f"  {c / n:6.1%}  {name.replace('/', '.')}")


if __name__ == "__main__":
    main()
