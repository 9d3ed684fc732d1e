-- GET a page of 50 half-way through the ledger: a random one of the cursors the run collected there
-- by following nextCursor from the first page.
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local cursors = common.lines("BENCH_CURSORS")
init = common.init
done = common.done
request = function()
  return common.get(common.ledger .. "/expenses?limit=50&cursor=" .. common.pick(cursors))
end
