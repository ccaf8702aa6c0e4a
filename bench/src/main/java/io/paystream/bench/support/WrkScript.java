package io.paystream.bench.support;

import io.paystream.bench.support.SignedEvents.SignedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a wrk Lua script that cycles through the pre-signed events and reports, per run, the requests answered 200
 * and the others: the 200 count is what the topic's record count is checked against.
 */
public final class WrkScript {

    private WrkScript() {}

    public static Path write(Path dir, String path, List<SignedEvent> events) {
        return write(dir, path, events, 0, "");
    }

    /**
     * The same script, paced: each of wrk's threads sends at {@code ratePerSecond / threads} on its own
     * schedule (request n is due at start + n * period, however late earlier answers came), which Debian's wrk 4
     * cannot do by itself. wrk measures latency from when a request is written, so the pacing wait is not counted.
     */
    public static Path writePaced(Path dir, String path, List<SignedEvent> events, int ratePerSecond) {
        return write(dir, path, events, ratePerSecond, "-paced");
    }

    /**
     * Lua for wrk's {@code delay()}: each of {@code threads} wrk threads sends at {@code ratePerSecond / threads} on
     * its own absolute schedule (request n is due at start + n * period, however late earlier answers came), read from
     * LuaJIT's FFI {@code clock_gettime(CLOCK_MONOTONIC)}. A request that is already late goes at once, so a slow server
     * is offered the backlog as soon as a connection is free instead of the rate silently dropping.
     */
    public static String pacing(int threads, int ratePerSecond) {
        return "local period_ms = " + (1000.0 * threads / ratePerSecond) + "\n" + """
                local ffi = require("ffi")
                ffi.cdef[[
                typedef struct { long tv_sec; long tv_nsec; } paystream_timespec;
                int clock_gettime(int clk_id, paystream_timespec *tp);
                ]]
                local ts = ffi.new("paystream_timespec")
                local function now_ms()
                  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
                  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
                end
                local next_due = nil
                function delay()
                  local now = now_ms()
                  if next_due == nil then next_due = now end
                  local due = next_due
                  next_due = next_due + period_ms
                  local wait = due - now
                  if wait < 0 then return 0 end
                  return wait
                end
                """;
    }

    private static Path write(Path dir, String path, List<SignedEvent> events, int ratePerSecond, String suffix) {
        StringBuilder lua = new StringBuilder("local bodies = {\n");
        for (SignedEvent event : events) {
            lua.append("[==[").append(event.body()).append("]==],\n");
        }
        lua.append("}\nlocal sigs = {\n");
        for (SignedEvent event : events) {
            lua.append("\"").append(event.signature()).append("\",\n");
        }
        lua.append("}\nlocal path = \"").append(path).append("\"\n");
        lua.append("local THREADS = ").append(LoadTools.WRK_THREADS).append('\n');
        lua.append("""
                local reqs = {}
                local i = 0
                ok = 0
                other = 0
                local threads = {}
                function setup(thread)
                  thread:set("slice", #threads)
                  table.insert(threads, thread)
                end
                -- thread t sends events t+1, t+1+THREADS, t+1+2*THREADS, ...: no two threads ever send the same event, and
                -- a phase shorter than one pass sends every event at most once (the end-to-end phase counts them)
                function init(args)
                  for k = 1, #bodies do
                    reqs[k] = wrk.format("POST", path, {["Content-Type"] = "application/json", ["Stripe-Signature"] = sigs[k]}, bodies[k])
                  end
                  i = slice - THREADS
                end
                function request()
                  i = (i + THREADS) % (#reqs - #reqs % THREADS)
                  return reqs[i + 1]
                end
                function response(status, headers, body)
                  if status == 200 then ok = ok + 1 else other = other + 1 end
                end
                function done(summary, latency, requests)
                  local ok_total, other_total = 0, 0
                  for _, t in ipairs(threads) do
                    ok_total = ok_total + t:get("ok")
                    other_total = other_total + t:get("other")
                  end
                  local e = summary.errors
                  io.write(string.format("RESULT %d %d %d %d %d %d %d\\n", summary.requests, ok_total, other_total,
                    e.connect + e.read + e.write + e.timeout, summary.duration, latency:percentile(50), latency:percentile(99)))
                end
                """);
        if (ratePerSecond > 0) {
            lua.append(pacing(LoadTools.WRK_THREADS, ratePerSecond));
        }
        try {
            Files.createDirectories(dir);
            Path script = dir.resolve(path.replace('/', '_') + suffix + ".lua");
            Files.writeString(script, lua);
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
