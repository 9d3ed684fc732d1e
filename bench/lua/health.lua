-- GET /health: the HTTP stack's ceiling on this machine (it also runs SELECT 1 on the database).
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
init = common.init
done = common.done
request = function() return common.get("/health") end
