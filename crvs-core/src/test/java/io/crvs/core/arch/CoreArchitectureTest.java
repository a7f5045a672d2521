package io.crvs.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rule of the core: only the JDK and jakarta.inject; no package cycles. */
@AnalyzeClasses(packages = "io.crvs.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    @ArchTest
    static final ArchRule core_uses_only_java_and_jakarta_inject = classes()
            .that().resideInAPackage("io.crvs.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.crvs.core..", "java..", "jakarta.inject..");

    @ArchTest
    static final ArchRule core_has_no_package_cycles = slices().matching("io.crvs.core.(**)")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domain_does_not_depend_on_ports_services_or_spi = noClasses()
            .that().resideInAPackage("io.crvs.core.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("io.crvs.core.port..", "io.crvs.core.service..",
                    "io.crvs.core.spi..");

    @ArchTest
    static final ArchRule ports_do_not_depend_on_services = noClasses()
            .that().resideInAPackage("io.crvs.core.port..")
            .should().dependOnClassesThat().resideInAPackage("io.crvs.core.service..");

    @ArchTest
    static final ArchRule no_system_out_in_core = noClasses().should().accessField(System.class, "out")
            .orShould().accessField(System.class, "err");
}
