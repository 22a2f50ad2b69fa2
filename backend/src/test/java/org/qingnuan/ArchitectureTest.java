package org.qingnuan;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The package rules of docs/architecture.md, checked on the compiled classes. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.qingnuan");
    }

    /**
     * Said once more than ModularityTests (where every sub-package is internal): a feature's mappers and
     * controllers are its own, whatever named interfaces it may declare later. {@code shared} is open.
     */
    @Test
    void noFeatureReachesIntoAnotherFeaturesInternalOrWebPackages() {
        classes().should(new ArchCondition<JavaClass>("use no other feature's internal or web package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = feature(origin.getPackageName());
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    Matcher m = INTERNALS.matcher(d.getTargetClass().getPackageName());
                    if (m.matches() && !m.group(1).equals(own) && !m.group(1).equals("shared")) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        }).check(classes);
    }

    private static final Pattern INTERNALS = Pattern.compile("org\\.qingnuan\\.(\\w+)\\.(?:internal|web)(?:\\..*)?");

    private static String feature(String packageName) {
        String rest = packageName.startsWith("org.qingnuan.") ? packageName.substring("org.qingnuan.".length()) : "";
        return rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
    }

    @Test
    void onlyTheWechatEdgeTalksToWxJava() {
        noClasses().that().resideOutsideOfPackage("org.qingnuan.wechat..")
                .should().dependOnClassesThat().resideInAnyPackage("me.chanjar..", "cn.binarywang..")
                .check(classes);
    }

    @Test
    void onlyTheStoragePackageTalksToOss() {
        noClasses().that().resideOutsideOfPackage("org.qingnuan.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("com.aliyun..")
                .check(classes);
    }

    @Test
    void onlyTheExcelPackagesReadAndWriteExcel() {
        noClasses().that().resideOutsideOfPackages("org.qingnuan.registry.excel..", "org.qingnuan.ledger.excel..")
                .should().dependOnClassesThat().resideInAnyPackage("cn.idev.excel..")
                .check(classes);
    }

    @Test
    void personalDataIsSealedOnlyByThePrivacyPackage() {
        noClasses().that().resideOutsideOfPackages("org.qingnuan.privacy..", "org.qingnuan.wechat..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.crypto..")
                .check(classes);
    }

    @Test
    void featureControllersStayInWebPackages() {
        // shared.error's /error page is error handling, not a feature endpoint
        noClasses().that().areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .and().resideOutsideOfPackage("org.qingnuan.shared..")
                .should().resideOutsideOfPackages("..web..")
                .check(classes);
    }
}
