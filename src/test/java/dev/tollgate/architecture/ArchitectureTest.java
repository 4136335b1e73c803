package dev.tollgate.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** DESIGN.md's layout and house style, checked on the compiled main code. */
class ArchitectureTest {

    /** The one class outside the UI that may touch Vaadin: it applies Vaadin's security to the UI door. */
    private static final String SECURITY_CONFIGURATION = "dev.tollgate.security.SecurityConfiguration";
    private static final String VAADIN_SECURITY_CONFIGURER = "com.vaadin.flow.spring.security.VaadinSecurityConfigurer";

    /**
     * Tollgate's own main classes. Every rule names its targets by package or by an annotation
     * on Tollgate's classes, so the libraries need not be imported: that keeps this test fast.
     */
    private static final JavaClasses CLASSES = ArchConfiguration.withThreadLocalScope(configuration -> {
        configuration.setResolveMissingDependenciesFromClassPath(false);
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tollgate");
    });

    @Test
    void only_the_ui_uses_vaadin() {
        noClasses().that().resideOutsideOfPackage("dev.tollgate.ui..")
                .and().doNotHaveFullyQualifiedName(SECURITY_CONFIGURATION)
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .because("DESIGN.md: ui is the only package that imports com.vaadin")
                .check(CLASSES);
    }

    @Test
    void the_security_configuration_uses_nothing_of_vaadin_but_its_security_configurer() {
        classes().that().haveFullyQualifiedName(SECURITY_CONFIGURATION)
                .should().onlyDependOnClassesThat(resideInAPackage("com.vaadin..").negate()
                        .or(name(VAADIN_SECURITY_CONFIGURER)))
                .check(CLASSES);
    }

    @Test
    void rest_controllers_reach_the_database_only_through_services() {
        noClasses().that().areAnnotatedWith(RestController.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "dev.tollgate.db..")
                .orShould().dependOnClassesThat(annotatedWith(Repository.class))
                .because("DESIGN.md: the REST controllers call services only")
                .check(CLASSES);
    }

    @Test
    void the_ui_reaches_the_database_only_through_services() {
        noClasses().that().resideInAPackage("dev.tollgate.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "dev.tollgate.db..")
                .orShould().dependOnClassesThat(annotatedWith(Repository.class))
                .because("DESIGN.md: the UI calls services only")
                .check(CLASSES);
    }

    @Test
    void feature_packages_do_not_depend_on_each_other_in_cycles() {
        slices().matching("dev.tollgate.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void no_field_injection() {
        NO_CLASSES_SHOULD_USE_FIELD_INJECTION.check(CLASSES);
    }

    @Test
    void class_names_say_what_a_thing_is() {
        noClasses().should().haveSimpleNameContaining("Util")
                .orShould().haveSimpleNameContaining("Helper")
                .orShould().haveSimpleNameContaining("Manager")
                .orShould().haveSimpleNameEndingWith("Impl")
                .because("DESIGN.md: names say what a thing is in the domain")
                .check(CLASSES);
    }
}
