-- wrk script for ops/bench/catalog.sh: each request asks for a path made from a template and a
-- value picked at random from a file (product ids, category slugs, search words), and the run
-- ends with one machine-readable RESULT line: requests per second, latency percentiles in
-- milliseconds, responses with a status of 400 or more, and socket errors.
--
-- Usage: wrk -t2 -c32 -d30s -s random-path.lua http://127.0.0.1:8080 -- TEMPLATE [VALUES_FILE]
--   TEMPLATE     a path with one %s, e.g. /api/products/%s (no file: the path as it is)
--   VALUES_FILE  one value per line, already URL-encoded

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

local template, values = "/", {}

function init(args)
  template = args[1] or "/"
  if args[2] then
    for line in io.lines(args[2]) do
      if line ~= "" then values[#values + 1] = line end
    end
    assert(#values > 0, "no values in " .. args[2])
  end
  math.randomseed(os.time() * 1000 + id)
end

function request()
  if #values == 0 then
    return wrk.format("GET", template)
  end
  return wrk.format("GET", string.format(template, values[math.random(#values)]))
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
