package vn.dossierstats.dossier;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Features depend on one another in one direction only: no cycle between the service's packages. */
@AnalyzeClasses(packages = "vn.dossierstats.dossier", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageCyclesTest {

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles =
            slices().matching("vn.dossierstats.dossier.(*)..").should().beFreeOfCycles();
}
