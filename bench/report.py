#!/usr/bin/env python3
"""Turns a run's facts (JSON lines written by bench/run) into bench/results/<store>.json and .tsv and a
table on standard output, with each of issue 4's targets marked met or not met."""
import argparse
import datetime
import json
import os
import platform
import subprocess

# The PostgreSQL settings printed under the table (all of them are in the JSON).
PG_SHOWN = ("fsync", "synchronous_commit", "shared_buffers", "effective_cache_size", "work_mem", "max_wal_size")

# Issue 4's req/s targets (SQLite, 1,000,000 expenses), drawn on the chart.
TARGET_REQ_PER_S = {"get": 20_000, "list-first": 5_000, "summary": 2_000, "create": 10_000}

WORKLOADS = {  # name: title, in the order of the table
    "health": "/health (the HTTP ceiling)",
    "get": "get by id",
    "list-first": "list, first page, month + type/word",
    "list-plain": "list, first page, no filter",
    "list-deep": "list, page half-way (cursor)",
    "summary": "summary by type,month, one year",
    "csv": "CSV export of one year",
    "create": "create one expense",
}


def read_facts(path):
    facts, workloads = {}, {}
    with open(path) as f:
        for line in f:
            fact = json.loads(line)
            if "workload" in fact:
                workloads[fact["workload"]] = fact
            else:
                facts.update(fact)
    return facts, workloads


def workload_result(name, fact):
    w = fact["wrk"]
    seconds = w["duration_us"] / 1e6
    lat = w["latency_us"]
    errors = {k: v for k, v in w["errors"].items() if v}
    return {
        "name": name,
        "title": WORKLOADS.get(name, name),
        "requests": w["requests"],
        "seconds": round(seconds, 2),
        "req_per_s": round(w["requests"] / seconds, 1),
        "p50_ms": round(lat["p50"] / 1000, 2),
        "p90_ms": round(lat["p90"] / 1000, 2),
        "p99_ms": round(lat["p99"] / 1000, 2),
        "max_ms": round(lat["max"] / 1000, 2),
        "mb_per_s": round(w["bytes"] / seconds / 1e6, 2),
        "errors": errors,
        "rss_hwm_mib": round(fact["rss_hwm_kib"] / 1024, 1),
        "attempts": fact.get("attempts", 1),
    } | pg_pss(fact) | cpu_shares(fact.get("cpu"), w["requests"])


def pg_pss(fact):
    """PostgreSQL's processes' total PSS at the end of the phase, on the embedded PostgreSQL."""
    return {"pg_pss_mib": round(fact["pg_pss_kib"] / 1024, 1)} if "pg_pss_kib" in fact else {}


def cpu_shares(cpu, units):
    """Server CPU per request (or row), and how the machine's capacity was shared over the phase: server,
    client (wrk or client.py), and other processes (a shared machine skews every figure). On the embedded
    PostgreSQL, its processes' CPU is counted apart ("database"), not as other processes'."""
    if not cpu:
        return {}
    capacity = cpu["elapsed_s"] * os.cpu_count()
    db = cpu.get("db_cpu_s")
    other = max(0.0, cpu["machine_cpu_s"] - cpu["server_cpu_s"] - cpu["client_cpu_s"] - (db or 0))
    shares = {"server": round(cpu["server_cpu_s"] / capacity, 3)}
    if db is not None:
        shares["database"] = round(db / capacity, 3)
    shares |= {"client": round(cpu["client_cpu_s"] / capacity, 3), "other": round(other / capacity, 3)}
    result = {"server_cpu_ms_per_unit": round(cpu["server_cpu_s"] * 1000 / units, 3) if units else None}
    if db is not None:
        result["db_cpu_ms_per_unit"] = round(db * 1000 / units, 3) if units else None
    return result | {"cpu_share": shares}


def targets(result):
    """Issue 4's targets (SQLite, 1,000,000 expenses, 32 connections), each with its measurement."""
    w = {x["name"]: x for x in result["workloads"]}
    out = []

    def target(what, wanted, measured, met):
        out.append({"what": what, "target": wanted, "measured": measured, "met": bool(met)})

    if "create" in w:
        target("create", ">= 10,000 req/s", f"{w['create']['req_per_s']:,.0f} req/s", w["create"]["req_per_s"] >= 10_000)
    if "get" in w:
        target("get by id", ">= 20,000 req/s", f"{w['get']['req_per_s']:,.0f} req/s", w["get"]["req_per_s"] >= 20_000)
    if "get" in w and "health" in w:
        share = w["get"]["req_per_s"] / w["health"]["req_per_s"]
        target("get by id / health", ">= 50% of /health", f"{share:.0%}", share >= 0.5)
    if "list-first" in w:
        x = w["list-first"]
        target("list first page", ">= 5,000 req/s", f"{x['req_per_s']:,.0f} req/s", x["req_per_s"] >= 5_000)
        target("list first page p99", "<= 20 ms", f"{x['p99_ms']:,.1f} ms", x["p99_ms"] <= 20)
    if "list-first" in w and "list-deep" in w:
        ratio = w["list-first"]["req_per_s"] / w["list-deep"]["req_per_s"]
        target("half-way page vs first page", "within 1.5x", f"{ratio:.2f}x slower" if ratio >= 1 else
               f"{1 / ratio:.2f}x faster", ratio <= 1.5)
    if "summary" in w:
        x = w["summary"]
        target("summary type,month", ">= 2,000 req/s", f"{x['req_per_s']:,.0f} req/s", x["req_per_s"] >= 2_000)
        target("summary p99", "<= 20 ms", f"{x['p99_ms']:,.1f} ms", x["p99_ms"] <= 20)
    if "load" in result:
        r = result["load"]["rows_per_s"]
        target("bulk load", ">= 250,000 rows/s", f"{r:,} rows/s", r >= 250_000)
    if "peak_rss_mib" in result:
        target("peak RSS" if "postgresql" not in result else "peak RSS, Outlay server", "<= 256 MiB", f"{result['peak_rss_mib']:,.0f} MiB", result["peak_rss_mib"] <= 256)
    for key, what in (("startup_ms", "start-up (fresh database)"), ("restart_ms", "start-up (loaded database)")):
        if key in result:
            target(what, "<= 1 s", f"{result[key] / 1000:.2f} s", result[key] <= 1000)
    return out


def machine():
    model = ""
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kib = int(next(line for line in f if line.startswith("MemTotal")).split()[1])
    wrk = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
    return {"cpus": os.cpu_count(), "cpu": model, "memory_gib": round(mem_kib / 1024 ** 2, 1),
            "kernel": platform.release(), "wrk": (wrk.stdout + wrk.stderr).splitlines()[0].split(" [")[0]}


def print_table(result):
    print()
    print(f"Outlay benchmark: {result['store']}, {result['rows']:,} rows, wrk -t1 -c{result['wrk']['connections']}, "
          f"{result['wrk']['duration_s']} s per workload ({result['date']})")
    db = "postgresql" in result  # the embedded PostgreSQL: its CPU apart
    print(f"{'workload':<38} {'req/s':>10} {'p50 ms':>9} {'p99 ms':>9} {'MB/s':>7} {'srv ms/req':>10} "
          + (f"{'db ms/req':>9} {'srv/db/wrk/other CPU':>21}" if db else f"{'srv/wrk/other CPU':>18}")
          + f" {'tries':>5}  errors")
    for x in result["workloads"]:
        errors = ", ".join(f"{k} {v}" for k, v in x["errors"].items()) or "0"
        rate = f"{x['req_per_s']:,.0f}" if x["req_per_s"] >= 10 else f"{x['req_per_s']:.2f}"
        print(f"{x['title']:<38} {rate:>10} {x['p50_ms']:>9,.2f} {x['p99_ms']:>9,.2f} "
              f"{x['mb_per_s']:>7,.1f} {ms(x):>10} " + (f"{ms(x, 'db'):>9} {shares(x):>21}" if db else f"{shares(x):>18}")
              + f" {x['attempts']:>5}  {errors}")
    if "csv_alone" in result:
        c = result["csv_alone"]
        print(f"{'CSV export of one year, alone':<38} {c['seconds_median']:>10,.2f} s per export "
              f"({c['rows_median']:,} rows, {c['rows_per_s']:,} rows/s, {c['mb_per_s']} MB/s; median of "
              f"{len(c['seconds'])} one after another)")
    if "load" in result:
        r = result["load"]
        print(f"{'bulk load':<38} {r['rows_per_s']:>10,} rows/s ({r['rows']:,} rows in {r['seconds']} s, "
              f"{r['parallel']} uploads at a time; server CPU {ms(r)} ms/row; "
              + (f"PostgreSQL CPU {ms(r, 'db')} ms/row; CPU srv/db/wrk/other " if db else "CPU ") + f"{shares(r)})")
    for key, what in (("startup_ms", "start-up, fresh database"), ("restart_ms", "start-up, loaded database")):
        if key in result:
            samples = result.get(key.replace("_ms", "_samples_ms"), [])
            print(f"{what:<38} {result[key]:>10,} ms to a healthy /health (median of {samples} ms)")
    if "peak_rss_mib" in result:
        print(f"{'peak RSS (VmHWM)' if not db else 'peak RSS, Outlay server (VmHWM)':<38} "
              f"{result['peak_rss_mib']:>10,.0f} MiB")
    if db and "peak_pss_mib" in result["postgresql"]:
        print(f"{'PostgreSQL processes, total PSS':<38} {result['postgresql']['peak_pss_mib']:>10,.0f} MiB "
              f"(the largest of the samples at the end of each phase; shared buffers counted once)")
    if db:
        p = result["postgresql"]
        print(f"{'PostgreSQL':<38} {p['version'].split(',')[0]}, embedded; autovacuum after the load: "
              f"{p.get('settled_s', '?')} s; settings: "
              + ", ".join(f"{k}={p['settings'][k]}" for k in PG_SHOWN if k in p["settings"]))
    w = {x["name"]: x for x in result["workloads"]}
    if "get" in w and "health" in w:
        print(f"{'get by id / health':<38} {w['get']['req_per_s'] / w['health']['req_per_s']:>10.0%}")
    busy = [x for x in result["workloads"] + [result.get("load", {})] if x.get("cpu_share", {}).get("other", 0) > 0.1]
    if busy:
        print()
        print(f"WARNING: other processes used more than 10% of the machine during: "
              f"{', '.join(x.get('name', 'bulk load') for x in busy)}. Those figures are low; rerun on a quiet machine.")
    print()
    print("Targets of issue 4 (set for SQLite at 1,000,000 rows):")
    for t in result["targets"]:
        print(f"  {'met    ' if t['met'] else 'NOT MET'}  {t['what']:<30} {t['target']:<18} measured {t['measured']}")


def ms(x, who="server"):
    v = x.get(f"{who}_cpu_ms_per_unit")
    return "" if v is None else f"{v:,.3f}" if v < 1 else f"{v:,.1f}"


def shares(x):
    c = x.get("cpu_share")
    return "" if not c else "/".join(f"{v:.0%}" for v in c.values())


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("facts")
    for name in ("store", "command", "java", "java_opts", "out"):
        p.add_argument("--" + name.replace("_", "-"), required=name != "java_opts", default="")
    for name in ("rows", "connections", "duration", "warmup"):
        p.add_argument("--" + name, type=int, required=True)
    args = p.parse_args()

    facts, workloads = read_facts(args.facts)
    result = {
        "store": args.store,
        "rows": args.rows,
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "command": args.command,
        "machine": machine() | {"java": args.java, "java_opts": args.java_opts},
        "wrk": {"threads": 1, "connections": args.connections, "duration_s": args.duration,
                "warmup_s": args.warmup, "timeout_s": 60},
    }
    for key in ("startup_ms", "startup_samples_ms", "restart_ms", "restart_samples_ms", "cursor_walk",
                "waited_for_quiet_s"):
        if key in facts:
            result[key] = facts[key]
    if "load" in facts:
        result["load"] = (facts["load"] | {"rss_hwm_mib": round(facts["rss_hwm_kib"] / 1024, 1)} | pg_pss(facts)
                          | cpu_shares(facts.get("cpu"), facts["load"]["rows"]))
    if "loadavg_at_start" in facts:
        result["machine_loadavg_at_start"] = facts["loadavg_at_start"]
    if "peak_rss_kib" in facts:
        result["peak_rss_mib"] = round(facts["peak_rss_kib"] / 1024, 1)
    if "postgresql" in facts:
        # PSS sampled after the load, after each workload and at the end; the largest is reported.
        samples = [facts.get("pg_pss_kib"), facts.get("pg_pss_kib_at_end")] + [w.get("pg_pss_kib") for w in workloads.values()]
        samples = [x for x in samples if x is not None]
        result["postgresql"] = facts["postgresql"] | ({"peak_pss_mib": round(max(samples) / 1024, 1)} if samples else {})
        if "pg_settled_s" in facts:
            result["postgresql"]["settled_s"] = facts["pg_settled_s"]
    if "csv_alone" in facts:
        c = facts["csv_alone"]
        i = sorted(range(len(c["seconds"])), key=lambda k: c["seconds"][k])[len(c["seconds"]) // 2]
        result["csv_alone"] = c | {"seconds_median": c["seconds"][i], "rows_median": c["rows"][i],
                                   "rows_per_s": round(c["rows"][i] / c["seconds"][i]),
                                   "mb_per_s": round(c["bytes"][i] / c["seconds"][i] / 1e6, 1)}
    result["workloads"] = [workload_result(n, workloads[n]) for n in WORKLOADS if n in workloads]
    result["targets"] = targets(result)

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, f"{args.store}.json"), "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")
    with open(os.path.join(args.out, f"{args.store}.tsv"), "w") as f:
        f.write("# workload\treq_per_s\tp50_ms\tp99_ms\ttitle\ttarget_req_per_s\n")
        for x in result["workloads"]:
            target = TARGET_REQ_PER_S.get(x["name"], "NaN")
            f.write(f"{x['name']}\t{x['req_per_s']}\t{x['p50_ms']}\t{x['p99_ms']}\t\"{x['title']}\"\t{target}\n")
    print_table(result)


if __name__ == "__main__":
    main()
