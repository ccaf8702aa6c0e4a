package io.paystream.bench.ingest;

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
final class WrkScript {

    private WrkScript() {}

    static Path write(Path dir, String path, List<SignedEvent> events) {
        StringBuilder lua = new StringBuilder("local bodies = {\n");
        for (SignedEvent event : events) {
            lua.append("[==[").append(event.body()).append("]==],\n");
        }
        lua.append("}\nlocal sigs = {\n");
        for (SignedEvent event : events) {
            lua.append("\"").append(event.signature()).append("\",\n");
        }
        lua.append("}\nlocal path = \"").append(path).append("\"\n");
        lua.append("""
                local reqs = {}
                local i = 0
                ok = 0
                other = 0
                local threads = {}
                function setup(thread)
                  table.insert(threads, thread)
                end
                function init(args)
                  for k = 1, #bodies do
                    reqs[k] = wrk.format("POST", path, {["Content-Type"] = "application/json", ["Stripe-Signature"] = sigs[k]}, bodies[k])
                  end
                  i = math.random(#reqs)
                end
                function request()
                  i = i % #reqs + 1
                  return reqs[i]
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
        try {
            Path script = dir.resolve(path.replace('/', '_') + ".lua");
            Files.writeString(script, lua);
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
