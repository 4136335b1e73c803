package dev.tollgate.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import dev.tollgate.TollgateApplication;

/**
 * Each top-level package is a module that others use only through its public face; the
 * generated jOOQ code in {@code dev.tollgate.db} is no module of its own.
 */
class ModulesTest {

    static final ApplicationModules MODULES =
            ApplicationModules.of(TollgateApplication.class, resideInAPackage("dev.tollgate.db.."));

    @Test
    void modules_use_each_other_only_through_their_public_face_and_without_cycles() {
        MODULES.verify();
    }
}
