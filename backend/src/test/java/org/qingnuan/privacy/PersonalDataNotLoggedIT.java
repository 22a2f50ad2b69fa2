package org.qingnuan.privacy;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.qingnuan.testing.PersonalDataUsed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs after every other test class (see junit-platform.properties) and reads the log the whole run
 * wrote (logback-test.xml): none of the phones, addresses or ID numbers the tests sent may be in it.
 */
@Order(Integer.MAX_VALUE)
class PersonalDataNotLoggedIT {

    @Test
    void shouldFindNoPersonalDataTheTestsUsedInTheRunsLog() throws IOException {
        Path log = Path.of("target/test-logs/test-run.log");
        assertThat(log).as("the run's log file").exists();
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(text).as("the log has content to scan").contains("Started");
        Set<String> used = PersonalDataUsed.all();
        List<String> leaked = new ArrayList<>();
        for (String value : used) {
            if (text.contains(value)) {
                leaked.add(value.substring(0, Math.min(3, value.length())) + "…");
            }
        }
        assertThat(leaked).as("personal data found in the log (%d values scanned)", used.size()).isEmpty();
    }

    @Test
    void shouldSeeWhatTheApplicationLogs() throws IOException {
        // proves the scanned file receives application log lines, so a leak would be in it
        String marker = "probe-" + System.nanoTime();
        org.slf4j.LoggerFactory.getLogger("org.qingnuan.registry.MedicalWorkerService").warn("log scan probe {}", marker);
        assertThat(Files.readString(Path.of("target/test-logs/test-run.log"), StandardCharsets.UTF_8)).contains(marker);
    }
}
