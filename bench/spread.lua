-- wrk script for bench/run's spread scenario: every request goes to the next municipality of a
-- callers file (lines "slug<TAB>token"), in turn, each thread starting elsewhere in the list;
-- the body is the same GraphQL request for all. A response counts as failed on a status other
-- than 200 or a body with "errors". At the end it prints one JSON line with the figures.
--
--   wrk -t2 -c16 -d10s -s bench/spread.lua URL -- CALLERS_FILE BODY_FILE

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local callers = {}
local body
local at = 0
failed = 0

function init(args)
  for line in io.lines(args[1]) do
    local tenant, token = line:match("^(%S+)\t(%S+)$")
    if tenant then
      callers[#callers + 1] = { tenant, token }
    end
  end
  assert(#callers > 0, "no callers in " .. args[1])
  local file = assert(io.open(args[2]))
  body = file:read("*a")
  file:close()
  at = (id * 7919) % #callers
end

function request()
  at = at % #callers + 1
  local caller = callers[at]
  return wrk.format("POST", nil, {
    ["content-type"] = "application/json",
    ["loket-tenant"] = caller[1],
    ["authorization"] = "Bearer " .. caller[2],
  }, body)
end

function response(status, headers, text)
  if status ~= 200 or text:find('"errors"', 1, true) then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local errors = 0
  for _, thread in ipairs(threads) do
    errors = errors + thread:get("failed")
  end
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "p50_ms": %.3f, "p99_ms": %.3f, "errors": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
