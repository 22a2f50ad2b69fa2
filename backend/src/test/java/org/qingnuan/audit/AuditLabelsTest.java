package org.qingnuan.audit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action and object code the code base records has a Chinese name: the source is read for the
 * literals on lines that record to the change log (and for the story's transitions, which pass their code on).
 */
class AuditLabelsTest {

    private static final Pattern RECORD = Pattern.compile("\\.record\\(|transition\\(");
    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z]+(?:_[A-Z]+)*)\"");

    @Test
    void everyRecordedCodeHasAChineseName() throws IOException {
        List<String> missing = new ArrayList<>();
        int codes = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    // the personal-data access log (privacy.Disclosures) records fields, not actions
                    if (!RECORD.matcher(line).find() || line.contains("disclosures.record(")) {
                        continue;
                    }
                    Matcher m = CODE.matcher(line);
                    while (m.find()) {
                        codes++;
                        String code = m.group(1);
                        if (!AuditLabels.knowsAction(code) && !AuditLabels.knowsTarget(code)) {
                            missing.add(file.getFileName() + ": " + code);
                        }
                    }
                }
            }
        }
        assertThat(codes).as("the scan found the recorded codes").isGreaterThan(30);
        assertThat(missing).as("codes without a Chinese name in AuditLabels").isEmpty();
    }

    @Test
    void anUnknownCodeShowsAsItIs() {
        assertThat(AuditLabels.action("STAFF_CREATED")).isEqualTo("新建账号");
        assertThat(AuditLabels.action("SOMETHING_OLD")).isEqualTo("SOMETHING_OLD");
        assertThat(AuditLabels.target(null)).isNull();
    }
}
