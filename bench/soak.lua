-- The load of bench/soak.sh for wrk: requests taken in turn from a file of "METHOD /path?query" lines (a line
-- given N times is sent N times as often), a pause between two requests on each connection so that the load has a
-- ceiling, and the answers counted by status, summed over wrk's threads at the end.
--
-- Usage: wrk -s bench/soak.lua URL -- REQUESTS_FILE PAUSE_MS

local threads = {}

function setup(thread)
    thread:set("offset", #threads * 7919)
    table.insert(threads, thread)
end

function init(args)
    requests = {}
    for line in io.lines(args[1]) do
        local method, path = line:match("^(%S+)%s+(%S+)$")
        if method then
            table.insert(requests, wrk.format(method, path))
        end
    end
    if #requests == 0 then
        error("no requests in " .. tostring(args[1]))
    end
    pause = tonumber(args[2]) or 0
    statuses = {}
    sent = offset or 0
end

function request()
    sent = sent + 1
    return requests[sent % #requests + 1]
end

function delay()
    return pause
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    local total = {}
    for _, thread in ipairs(threads) do
        for status, count in pairs(thread:get("statuses")) do
            total[status] = (total[status] or 0) + count
        end
    end
    local keys = {}
    for status in pairs(total) do
        table.insert(keys, status)
    end
    table.sort(keys)
    local parts = {}
    for _, status in ipairs(keys) do
        table.insert(parts, status .. "=" .. total[status])
    end
    local errors = summary.errors
    io.write(string.format("statuses %s\n", table.concat(parts, " ")))
    io.write(string.format("socket errors connect=%d read=%d write=%d timeout=%d\n",
        errors.connect, errors.read, errors.write, errors.timeout))
    io.write(string.format("latency p50=%.1fms p99=%.1fms max=%.1fms\n",
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
