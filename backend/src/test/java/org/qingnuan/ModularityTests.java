package org.qingnuan;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

/**
 * Each top-level package of {@code org.qingnuan} is a module; only its top-level package is its API, its
 * sub-packages ({@code internal}, {@code web}, {@code excel} …) are reachable from the module itself only, and
 * modules do not depend on each other in circles. {@code shared} is open (its package-info).
 */
class ModularityTests {

    /** {@code -Dqn.docs.refresh=true} copies the generated documentation into docs/modules (run from backend/). */
    static final String REFRESH = "qn.docs.refresh";

    // org.qingnuan.api is the miniprogram-api Maven module, the HTTP contract: public as a whole, not a feature
    static final ApplicationModules modules =
            ApplicationModules.of(QingnuanApplication.class, resideInAPackage("org.qingnuan.api.."));

    @Test
    void featuresReachOnlyEachOthersPublicApiAndFormNoCycles() {
        modules.verify();
    }

    /**
     * PlantUML component diagrams (all modules, and each with its neighbours) and module canvases, written into
     * target/ on every build so that the tracked tree stays clean; {@code docs/modules/} is refreshed on demand:
     * {@code mvn -pl miniprogram-api,admin-web,backend -Dskip.npm=true -Dtest=ModularityTests
     * -Dsurefire.failIfNoSpecifiedTests=false -Dqn.docs.refresh=true test}.
     */
    @Test
    void writesModuleDocumentation() throws IOException {
        Path target = Path.of("target", "spring-modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(target.toString())).writeDocumentation();
        if (Boolean.getBoolean(REFRESH)) {
            Path docs = Path.of("..", "docs", "modules");
            Files.createDirectories(docs);
            try (Stream<Path> old = Files.list(docs)) {
                old.filter(Files::isRegularFile).forEach(ModularityTests::delete);
            }
            try (Stream<Path> files = Files.list(target)) {
                for (Path f : files.toList()) {
                    Files.copy(f, docs.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
