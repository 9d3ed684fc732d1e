-- GET the CSV export of one random whole year (every row of it, streamed).
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
init = common.init
done = common.done
request = function()
  local y = common.year()
  return common.get(string.format("%s/expenses?format=csv&from=%d-01-01&to=%d-12-31", common.ledger, y, y))
end
