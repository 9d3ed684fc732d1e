-- GET one expense by id, a random one of the ids the load returned.
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local ids = common.lines("BENCH_IDS")
init = common.init
done = common.done
request = function()
  return common.get(common.ledger .. "/expenses/" .. common.pick(ids))
end
