package org.qingnuan.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A tracked file generated from the code (the mini-program's OpenAPI snapshot, the error-code catalogue).
 * Tests write what the code says to {@code target/} and fail when the committed copy differs; only with
 * {@code -Dqn.contract.refresh=true} do they rewrite the committed copy, so a plain test run never
 * changes tracked files.
 */
public final class CommittedFile {

    public static final String REFRESH = "qn.contract.refresh";

    private CommittedFile() {
    }

    /**
     * @param committed the tracked file, relative to the backend module (the tests' working directory)
     * @param generated where to put the fresh copy, under {@code target/}
     */
    public static void check(String committed, String generated, String content, String refreshCommand) throws IOException {
        Path fresh = Path.of(generated);
        Files.createDirectories(fresh.toAbsolutePath().getParent());
        Files.writeString(fresh, content, StandardCharsets.UTF_8);
        Path tracked = Path.of(committed);
        if (Boolean.getBoolean(REFRESH)) {
            Files.createDirectories(tracked.toAbsolutePath().getParent());
            Files.writeString(tracked, content, StandardCharsets.UTF_8);
            return;
        }
        String current = Files.exists(tracked) ? Files.readString(tracked, StandardCharsets.UTF_8) : "";
        assertThat(current.replace("\r\n", "\n"))
                .as("%s is out of date with the code; compare it with %s and, if the change is meant, refresh it with: %s",
                        committed, generated, refreshCommand)
                .isEqualTo(content);
    }
}
