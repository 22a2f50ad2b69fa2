package org.qingnuan.shared.error;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoint that fails the way a bug would, to check what a 500 shows and logs. */
@RestController
class FailingTestController {

    static final String SECRET = "SELECT password_hash FROM staff_account -- internal detail";

    @GetMapping("/api/admin/test-only/failure")
    String fail() {
        throw new IllegalStateException(SECRET);
    }
}
