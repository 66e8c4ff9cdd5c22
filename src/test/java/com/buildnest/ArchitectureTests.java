package com.buildnest;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import jakarta.persistence.Entity;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.repository.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.RestController;

/** The house rules of ../shared/STYLE.md that a compiler does not check. */
@AnalyzeClasses(packagesOf = BuildNestApplication.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule moneyIsNeverFloatingPoint = noFields().should().haveRawType(double.class)
            .orShould().haveRawType(float.class).orShould().haveRawType(Double.class)
            .orShould().haveRawType(Float.class)
            .because("money and quantities are exact: paise as long or BigDecimal");

    @ArchTest
    static final ArchRule entitiesRepositoriesAndControllersStayInsideTheirModule = classes()
            .that().areAnnotatedWith(Entity.class).or().areAnnotatedWith(RestController.class)
            .or().areAssignableTo(Repository.class)
            .should().notBePublic()
            .because("a module's tables and endpoints are its own; others use its API");

    @ArchTest
    static final ArchRule sharedKernelDependsOnNoFramework = noClasses()
            .that().resideInAPackage("com.buildnest.shared..").and().doNotHaveSimpleName("package-info")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..",
                    "com.buildnest.platform..")
            .because("the shared kernel is plain Java that every module and every test can use");

    @ArchTest
    static final ArchRule noFieldInjection = noFields().should().beAnnotatedWith(Autowired.class)
            .because("dependencies are constructor arguments, visible and testable");

    @ArchTest
    static final ArchRule controllersDoNotOwnTransactions = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().beAnnotatedWith(Transactional.class)
            .because("transactions belong on module API methods, never on controllers");

    @ArchTest
    static final ArchRule transactionsOnlyWhereACallerCanReachThem = methods().that().arePrivate()
            .should().notBeAnnotatedWith(Transactional.class)
            .because("a proxy never sees a private method, so the annotation would silently do nothing");

    @ArchTest
    static final ArchRule namesSayWhatThingsAre = noClasses()
            .should().haveSimpleNameEndingWith("Impl").orShould().haveSimpleNameEndingWith("Manager")
            .orShould().haveSimpleNameEndingWith("Helper").orShould().haveSimpleNameEndingWith("Util")
            .orShould().haveSimpleNameEndingWith("Utils")
            .because("business nouns and verbs, not Manager/Helper/Util/Impl");

    @ArchTest
    static final ArchRule controllersAreNamedForWhatTheyServe = classes()
            .that().areAnnotatedWith(RestController.class)
            .should().haveSimpleNameEndingWith("ApiController").orShould()
            .haveSimpleNameEndingWith("ErrorController");
}
