-- GET the first page (50) of the whole ledger, newest first: the reference for the half-way page.
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
init = common.init
done = common.done
request = function() return common.get(common.ledger .. "/expenses?limit=50") end
