package io.crvs.jooq;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;

@AnalyzeClasses(packages = "io.crvs.jooq", importOptions = ImportOption.DoNotIncludeTests.class)
class PersistenceArchitectureTest {

    @ArchTest
    static final ArchRule the_adapter_depends_on_no_other_adapter_nor_the_app = noClasses()
            .that().resideInAPackage("io.crvs.jooq..")
            .should().dependOnClassesThat().resideInAnyPackage("io.crvs.http..", "io.crvs.app..");

    @ArchTest
    static final ArchRule public_methods_expose_no_jooq_or_generated_types = methods()
            .that().arePublic().and().areDeclaredInClassesThat().arePublic()
            .and().areDeclaredInClassesThat().resideInAPackage("io.crvs.jooq")
            .should(new ArchCondition<JavaMethod>("expose no jOOQ or generated type in their signature") {
                @Override
                public void check(JavaMethod method, ConditionEvents events) {
                    List<JavaClass> types = new ArrayList<>(method.getRawParameterTypes());
                    types.add(method.getRawReturnType());
                    for (JavaClass t : types) {
                        String name = t.getName();
                        if (name.startsWith("org.jooq.") || name.startsWith("io.crvs.jooq.generated.")) {
                            events.add(SimpleConditionEvent.violated(method, method.getFullName() + " exposes "
                                    + name));
                        }
                    }
                }
            });
}
