-- GET the summary by type and month over one random year.
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
init = common.init
done = common.done
request = function()
  local y = common.year()
  return common.get(string.format("%s/summary?groupBy=type,month&from=%d-01-01&to=%d-12-31", common.ledger, y, y))
end
