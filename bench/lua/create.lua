-- POST one new expense (random date, type, amount and words), answered 201 once it is on disk.
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local types = common.lines("BENCH_TYPES")
local words = common.lines("BENCH_WORDS")
init = common.init
done = common.done
wrk.headers["Content-Type"] = "application/json"
request = function()
  local body = string.format('{"date":"%d-%02d-%02d","type":"%s","amount":"-%d.%02d","description":"%s %s"}',
                             common.year(), math.random(12), math.random(28), common.pick(types),
                             math.random(1, 199), math.random(0, 99), common.pick(words), common.pick(words))
  return wrk.format("POST", common.ledger .. "/expenses", nil, body)
end
