package org.qingnuan;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package rules of docs/architecture.md, checked on the compiled classes. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.qingnuan");
    }

    @Test
    void featuresDoNotDependOnEachOtherInCircles() {
        slices().matching("org.qingnuan.(*)..").should().beFreeOfCycles().check(classes);
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
