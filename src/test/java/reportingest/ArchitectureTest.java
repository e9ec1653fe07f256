package reportingest;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package floor plan (docs/ARCHITECTURE.md), held against the service's classes
 * (src/main/java only; tests and the tools in src/tools/java are not imported).
 *
 * <p>Floors, from the ground up: config, catalog, detect; layout; tables; reconcile; validate;
 * store; review, feed; api, route; the service ({@code reportingest.IngestService}). A package
 * imports only from floors below it.
 */
@AnalyzeClasses(packages = "reportingest", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] ABOVE_THE_STAGES = {
            "org.apache.camel..", "reportingest.route..", "reportingest.store..", "reportingest.review..",
            "reportingest.feed..", "reportingest.api.."};
    private static final String[] TOOLS = {"reportingest.bench..", "reportingest.eval..", "reportingest.harness..", "reportingest.chaos.."};

    @ArchTest
    static final ArchRule stages_are_plain_libraries = noClasses()
            .that().resideInAnyPackage("reportingest.config..", "reportingest.catalog..", "reportingest.detect..",
                    "reportingest.layout..", "reportingest.tables..", "reportingest.reconcile..", "reportingest.validate..")
            .should().dependOnClassesThat().resideInAnyPackage(ABOVE_THE_STAGES)
            .orShould().dependOnClassesThat().belongToAnyOf(IngestService.class)
            .because("stages take and return plain records: no Camel, no route beans, no database, no HTTP");

    @ArchTest
    static final ArchRule the_ground_floor_imports_no_stage = noClasses()
            .that().resideInAnyPackage("reportingest.config..", "reportingest.catalog..", "reportingest.detect..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "reportingest.layout..", "reportingest.tables..", "reportingest.reconcile..", "reportingest.validate..")
            .because("config, the catalog and detect are the ground floor");

    @ArchTest
    static final ArchRule layout_imports_no_later_stage = noClasses()
            .that().resideInAPackage("reportingest.layout..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "reportingest.tables..", "reportingest.reconcile..", "reportingest.validate..")
            .because("stages import only downward: detect -> layout -> tables -> reconcile -> validate");

    @ArchTest
    static final ArchRule tables_imports_no_later_stage = noClasses()
            .that().resideInAPackage("reportingest.tables..")
            .should().dependOnClassesThat().resideInAnyPackage("reportingest.reconcile..", "reportingest.validate..")
            .because("stages import only downward: detect -> layout -> tables -> reconcile -> validate");

    @ArchTest
    static final ArchRule reconcile_imports_no_later_stage = noClasses()
            .that().resideInAPackage("reportingest.reconcile..")
            .should().dependOnClassesThat().resideInAPackage("reportingest.validate..")
            .because("stages import only downward: detect -> layout -> tables -> reconcile -> validate");

    @ArchTest
    static final ArchRule store_holds_only_the_database = noClasses()
            .that().resideInAPackage("reportingest.store..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "reportingest.route..",
                    "reportingest.review..", "reportingest.feed..", "reportingest.api..")
            .because("review, feed and the HTTP layer sit above the store");

    @ArchTest
    static final ArchRule review_and_feed_know_no_edge = noClasses()
            .that().resideInAnyPackage("reportingest.review..", "reportingest.feed..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "reportingest.route..", "reportingest.api..")
            .because("review and feed are use cases: the HTTP layer calls them, not the other way round");

    @ArchTest
    static final ArchRule the_service_uses_no_tool = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(TOOLS)
            .because("bench, eval, chaos and harness (src/tools/java) are not part of the service");

    @ArchTest
    static final ArchRule no_cycle_between_floors = slices().matching("reportingest.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule no_cycle_between_packages = slices().matching("reportingest.(**)")
            .should().beFreeOfCycles();
}
