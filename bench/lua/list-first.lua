-- GET the first page (50) of one random month, a quarter of the time with nothing more, else with a type,
-- a word (q), or both.
local common = dofile(os.getenv("BENCH_LUA") .. "/common.lua")
local types = common.lines("BENCH_TYPES")
local words = common.lines("BENCH_WORDS")
init = common.init
done = common.done
local last_day = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 }
request = function()
  local year, month = common.year(), math.random(12)
  local days = last_day[month]
  if month == 2 and year % 4 == 0 and (year % 100 ~= 0 or year % 400 == 0) then days = 29 end
  local path = string.format("%s/expenses?limit=50&from=%d-%02d-01&to=%d-%02d-%02d",
                             common.ledger, year, month, year, month, days)
  local extra = math.random(4)
  if extra == 2 or extra == 4 then path = path .. "&type=" .. common.pick(types) end
  if extra == 3 or extra == 4 then path = path .. "&q=" .. common.pick(words) end
  return common.get(path)
end
