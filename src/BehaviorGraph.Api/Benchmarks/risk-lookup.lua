-- wrk script: GET /v1/accounts/{id}/risk cycling over the ids in $IDS_FILE (one per line), with the key in $API_KEY.
local ids = {}
local counter = 0

function init(args)
  for line in io.lines(os.getenv("IDS_FILE")) do
    if #line > 0 then ids[#ids + 1] = line end
  end
  -- each thread starts at a different offset so threads do not ask for the same ids in step
  counter = math.random(#ids)
end

function request()
  counter = counter % #ids + 1
  return wrk.format("GET", "/v1/accounts/" .. ids[counter] .. "/risk", { ["X-Api-Key"] = os.getenv("API_KEY") })
end

-- With $PACE_MS set, each connection waits that long before its next request: c connections then offer about
-- c / (PACE_MS + latency) requests per second, a fixed load for wrk builds without wrk2's -R.
local pace = tonumber(os.getenv("PACE_MS") or "0")
if pace > 0 then
  function delay()
    return pace
  end
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, errors (non-2xx/3xx) %d, socket errors %d\n",
    summary.requests, summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
  for _, p in ipairs({ 50, 90, 99, 99.9 }) do
    io.write(string.format("p%g %.3f ms\n", p, latency:percentile(p) / 1000))
  end
end
