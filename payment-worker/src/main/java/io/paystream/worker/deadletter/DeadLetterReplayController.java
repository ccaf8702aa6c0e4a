package io.paystream.worker.deadletter;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The replay command: {@code POST /api/admin/dead-letters/replay}. Operator-only; keep it behind the network
 * boundary (it is on the same port as the read API).
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
class DeadLetterReplayController {

    private final DeadLetterReplayer replayer;

    DeadLetterReplayController(DeadLetterReplayer replayer) {
        this.replayer = replayer;
    }

    @PostMapping("/replay")
    DeadLetterReplayer.ReplayReport replay() {
        return replayer.replayAll();
    }
}
