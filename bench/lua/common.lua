-- Shared by the workload scripts (loaded with dofile). The run passes everything through the environment:
--   BENCH_LEDGER  the ledger id            BENCH_IDS      file of expense ids, one a line
--   BENCH_CURSORS file of cursors          BENCH_WORDS    file of description words
--   BENCH_TYPES   file of types            BENCH_YEAR     first year of data   BENCH_YEARS  how many years
-- The token comes in through wrk's -H 'Authorization: Bearer ...', kept in wrk.headers.
local common = {}

common.ledger = "/api/v1/ledgers/" .. (os.getenv("BENCH_LEDGER") or "1")
common.first_year = tonumber(os.getenv("BENCH_YEAR") or "2019")
common.years = tonumber(os.getenv("BENCH_YEARS") or "6")

function common.lines(variable)
  local path = os.getenv(variable)
  local t = {}
  if path then
    for line in io.lines(path) do
      if line ~= "" then t[#t + 1] = line end
    end
  end
  if #t == 0 then error(variable .. " names no file with lines") end
  return t
end

function common.pick(t)
  return t[math.random(#t)]
end

function common.year()
  return common.first_year + math.random(common.years) - 1
end

-- A GET of path with the run's headers (the token).
function common.get(path)
  return wrk.format("GET", path)
end

function common.init()
  math.randomseed(tonumber(os.getenv("BENCH_SEED") or "1"))
end

-- One JSON line that bench/run reads: counts, the run's length, errors, latency percentiles in microseconds.
function common.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests":%d,"duration_us":%d,"bytes":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"latency_us":{"p50":%d,"p90":%d,"p99":%d,"max":%d,"mean":%.1f}}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end

return common
