package org.qingnuan.shared.error;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.qingnuan.api.error.CommonError;
import org.qingnuan.api.error.ErrorCode;
import org.qingnuan.api.error.Failures;
import org.qingnuan.testing.CommittedFile;
import org.qingnuan.ticket.TicketError;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue is every error code there is, read from the enums; docs/error-codes.md is generated from it. */
class ErrorCatalogueTest {

    static final String REFRESH_COMMAND = "mvn -B -ntp -Dskip.npm=true -pl miniprogram-api,backend "
            + "-Dtest=ErrorCatalogueTest -Dsurefire.failIfNoSpecifiedTests=false -Dqn.contract.refresh=true test";

    private final ErrorCatalogue catalogue = new ErrorCatalogue();

    @Test
    void shouldCatalogueEveryConstantOfEveryErrorCodeEnum() {
        List<Class<? extends ErrorCode>> enums = ErrorCatalogue.scan();
        assertThat(enums).contains(CommonError.class, TicketError.class).hasSizeGreaterThanOrEqualTo(14);
        for (Class<? extends ErrorCode> type : enums) {
            for (ErrorCode code : type.getEnumConstants()) {
                ErrorCatalogue.Entry entry = catalogue.find(code.name()).orElseThrow();
                assertThat(entry.httpStatus()).as(code.name()).isEqualTo(code.httpStatus());
                assertThat(entry.message()).as(code.name()).contains(code.message());
                assertThat(entry.clientAction()).as(code.name()).isNotBlank();
            }
        }
        assertThat(catalogue.entries()).hasSizeGreaterThanOrEqualTo(90);
    }

    @Test
    void shouldBuildErrorsOnlyFromErrorCodeEnums() {
        JavaClasses all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.qingnuan");
        classes().that().implement(ErrorCode.class).should().beEnums()
                .because("a code is a constant of an enum the catalogue can list").check(all);
        classes().that().areAssignableTo(DomainException.class).should().haveFullyQualifiedName(DomainException.class.getName())
                .because("one exception type carries every expected failure").check(all);
        for (Constructor<?> constructor : DomainException.class.getConstructors()) {
            assertThat(constructor.getParameterTypes()[0]).as("no DomainException from a raw string code").isEqualTo(ErrorCode.class);
        }
        for (Method factory : DomainException.class.getDeclaredMethods()) {
            if (java.lang.reflect.Modifier.isStatic(factory.getModifiers()) && factory.getReturnType() == DomainException.class) {
                assertThat(factory.getParameterTypes()[0]).as(factory.getName()).isEqualTo(ErrorCode.class);
            }
        }
    }

    @Test
    void shouldKnowEveryCodeTheMiniProgramContractDeclares() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition d) {
                return d.getMetadata().isInterface();
            }
        };
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*\\.Mini[A-Za-z]*Api")));
        List<String> declared = scanner.findCandidateComponents("org.qingnuan.api").stream()
                .flatMap(d -> Arrays.stream(load(d.getBeanClassName()).getMethods()))
                .filter(m -> m.isAnnotationPresent(Failures.class))
                .flatMap(m -> Arrays.stream(m.getAnnotation(Failures.class).value()))
                .distinct().toList();
        assertThat(declared).hasSizeGreaterThan(20);
        assertThat(declared).allSatisfy(code -> assertThat(catalogue.find(code)).as(code + " is not an error code").isPresent());
    }

    @Test
    void shouldKeepDocsErrorCodesInStepWithTheEnums() throws Exception {
        CommittedFile.check("../docs/error-codes.md", "target/error-codes.md", catalogue.markdown(), REFRESH_COMMAND);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
