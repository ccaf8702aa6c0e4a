package io.paystream.bench.stack;

import io.paystream.bench.support.WrkScript;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the wrk Lua script that sends the mix. Every request is a new event, built and signed inside wrk:
 *
 * <ul>
 *   <li>signed per request, because a run lasts longer than the ingest's 300 s signature tolerance and sends millions
 *       of distinct events (too many to pre-sign and hold): LuaJIT's FFI calls OpenSSL's one-shot {@code HMAC()} in
 *       libcrypto, about a microsecond for 2.4 KB;
 *   <li>one type per wrk thread (thread t sends type t % 6): wrk's {@code response()} cannot tell which request it
 *       answers, so per-thread counts are the only exact per-type counts of 200s and failures;
 *   <li>ids {@code <tag>g<group>_<n>}: the tag names the harness run and the wrk run, the group is t / 6 and n counts
 *       the thread's requests, so no two requests ever share an id, and the n-th charge names the n-th payment intent
 *       of its group as one checkout would;
 *   <li>paced (optional): WrkScript's absolute schedule per thread.
 * </ul>
 *
 * {@code done()} prints {@code TYPE <type> <200s> <others> <sent>} per thread, WrkScript's {@code RESULT} line and
 * {@code CPU <µs>}, wrk's own user + system time from {@code getrusage}, so its CPU share is measured like the
 * services'.
 */
final class MixScript {

    static final String LIBCRYPTO = "/usr/lib/x86_64-linux-gnu/libcrypto.so.3";

    private MixScript() {}

    /** The id the {@code counter}-th request of a thread of {@code group} carries in wrk run {@code tag}. */
    static String id(String tag, int group, long counter) {
        return tag + "g" + group + "_" + counter;
    }

    /** @param ratePerSecond all threads together; 0 sends as fast as the connections are answered */
    static Path write(Path dir, String tag, String secret, int threads, int ratePerSecond) {
        StringBuilder lua = new StringBuilder("-- written by io.paystream.bench.stack.MixScript\n");
        lua.append("local TAG = \"").append(tag).append("\"\n");
        lua.append("local SECRET = \"").append(secret).append("\"\n");
        lua.append("local LIBCRYPTO = \"").append(LIBCRYPTO).append("\"\n");
        lua.append("local templates = {\n");
        for (MixType type : MixType.values()) {
            lua.append("  { type = \"").append(type.eventType()).append("\", pieces = {");
            for (String piece : MixTemplates.pieces(type)) {
                lua.append(
                        switch (piece) {
                            case MixTemplates.ID -> "1, ";
                            case MixTemplates.CREATED -> "2, ";
                            default -> longString(piece) + ", ";
                        });
            }
            lua.append("} },\n");
        }
        lua.append("}\n");
        lua.append(BODY);
        if (ratePerSecond > 0) {
            lua.append(WrkScript.pacing(threads, ratePerSecond));
        }
        try {
            Files.createDirectories(dir);
            Path script = dir.resolve("mix-" + tag + ".lua");
            Files.writeString(script, lua);
            return script;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Lua long string: no escapes are interpreted in it, so the JSON goes out byte for byte. */
    private static String longString(String text) {
        if (text.contains("]==]") || text.startsWith("\n")) {
            throw new IllegalStateException("template text cannot be a Lua long string: " + text);
        }
        return "[==[" + text + "]==]";
    }

    private static final String BODY = """
            local ffi = require("ffi")
            ffi.cdef[[
            typedef struct paystream_evp_md paystream_evp_md;
            const paystream_evp_md *EVP_sha256(void);
            unsigned char *HMAC(const paystream_evp_md *md, const void *key, int key_len, const void *data, size_t n,
                                unsigned char *out, unsigned int *out_len);
            typedef struct { long tv_sec; long tv_usec; } paystream_timeval;
            typedef struct { paystream_timeval utime; paystream_timeval stime; long rest[14]; } paystream_rusage;
            int getrusage(int who, paystream_rusage *usage);
            ]]
            local crypto = ffi.load(LIBCRYPTO)
            local sha256 = crypto.EVP_sha256()
            local mac = ffi.new("unsigned char[32]")
            local mac_len = ffi.new("unsigned int[1]")
            local hex = {}
            for b = 0, 255 do hex[b] = string.format("%02x", b) end
            local digits = {}
            local function sign(payload)
              crypto.HMAC(sha256, SECRET, #SECRET, payload, #payload, mac, mac_len)
              for i = 0, 31 do digits[i + 1] = hex[mac[i]] end
              return table.concat(digits)
            end

            local threads = {}
            function setup(thread)
              thread:set("slot", #threads)
              table.insert(threads, thread)
            end

            ok = 0
            other = 0
            sent = 0
            mix_type = ""
            local pieces, prefix
            local buf = {}
            function init(args)
              local template = templates[slot % #templates + 1]
              mix_type = template.type
              pieces = template.pieces
              prefix = TAG .. "g" .. math.floor(slot / #templates) .. "_"
            end

            function request()
              sent = sent + 1
              local id = prefix .. sent
              local now = tostring(os.time())
              for j = 1, #pieces do
                local piece = pieces[j]
                if piece == 1 then buf[j] = id elseif piece == 2 then buf[j] = now else buf[j] = piece end
              end
              local body = table.concat(buf, "", 1, #pieces)
              local signature = "t=" .. now .. ",v1=" .. sign(now .. "." .. body)
              return wrk.format("POST", "/webhooks/stripe",
                {["Content-Type"] = "application/json", ["Stripe-Signature"] = signature}, body)
            end

            function response(status, headers, body)
              if status == 200 then ok = ok + 1 else other = other + 1 end
            end

            function done(summary, latency, requests)
              local ok_total, other_total = 0, 0
              for _, t in ipairs(threads) do
                io.write(string.format("TYPE %s %d %d %d\\n", t:get("mix_type"), t:get("ok"), t:get("other"), t:get("sent")))
                ok_total = ok_total + t:get("ok")
                other_total = other_total + t:get("other")
              end
              local e = summary.errors
              io.write(string.format("RESULT %d %d %d %d %d %d %d\\n", summary.requests, ok_total, other_total,
                e.connect + e.read + e.write + e.timeout, summary.duration, latency:percentile(50), latency:percentile(99)))
              local usage = ffi.new("paystream_rusage")
              ffi.C.getrusage(0, usage) -- RUSAGE_SELF: every thread of wrk
              local micros = (tonumber(usage.utime.tv_sec) + tonumber(usage.stime.tv_sec)) * 1000000
                + tonumber(usage.utime.tv_usec) + tonumber(usage.stime.tv_usec)
              io.write(string.format("CPU %d\\n", micros))
            end
            """;

    /** The script's per-thread output, for MixLoad. */
    static List<String> typeLines(String wrkOutput) {
        return wrkOutput.lines().filter(l -> l.startsWith("TYPE ")).toList();
    }
}
