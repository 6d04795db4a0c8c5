package vn.dossierstats.metrics;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;

/** Domain logic is plain Java (no framework, broker, database or JSON library types); the time comes from the clock bean. */
@AnalyzeClasses(packages = "vn.dossierstats.metrics", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainIsFreeOfFrameworks = noClasses()
            .that()
            .resideInAnyPackage("..period..", "..report..", "..index..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "org.apache.kafka..", "java.sql..", "tools.jackson..");

    /** The service's one clock bean: the only code that reads the system clock. */
    private static final String CLOCK_BEAN = "vn.dossierstats.metrics.MetricsServiceApplication.clock()";

    /**
     * Every instant and date comes from the one clock bean, which tests fix or control and {@code deploy/at-instant}
     * moves: elsewhere a {@code now()} would be the machine's moment and zone, which no test can choose (a "today" in
     * the machine's zone is not Vietnam's). Durations are measured on the clock bean too, or with System.nanoTime().
     */
    @ArchTest
    static final ArchRule timeIsReadOnlyFromTheClockBean = noClasses()
            .should()
            .accessTargetWhere(readsTheSystemClockOrZone().and(not(from(CLOCK_BEAN))))
            .as("no code but the clock bean " + CLOCK_BEAN + " reads the system clock or the machine's zone");

    private static DescribedPredicate<JavaAccess<?>> readsTheSystemClockOrZone() {
        return DescribedPredicate.describe("the system clock or the machine's zone", access -> {
            if (!(access.getTarget() instanceof AccessTarget.CodeUnitAccessTarget target)) {
                return false;
            }
            String name = target.getName();
            List<String> parameters = target.getRawParameterTypes().stream()
                    .map(JavaClass::getName)
                    .toList();
            return switch (access.getTargetOwner().getName()) {
                case "java.time.Clock", "java.time.InstantSource" ->
                    Set.of("systemUTC", "systemDefaultZone", "system", "tickMillis", "tickSeconds", "tickMinutes")
                            .contains(name);
                case "java.time.ZoneId" -> name.equals("systemDefault");
                case "java.util.TimeZone" -> name.equals("getDefault");
                case "java.lang.System" -> name.equals("currentTimeMillis");
                case "java.util.Date" -> name.equals(JavaConstructor.CONSTRUCTOR_NAME) && parameters.isEmpty();
                case "java.util.Calendar" -> name.equals("getInstance");
                case String owner
                when owner.startsWith("java.time.") ->
                    // now(Clock) reads the clock it is given; now() and now(ZoneId) read the system clock
                    name.equals("now") && !parameters.contains("java.time.Clock");
                default -> false;
            };
        });
    }

    private static DescribedPredicate<JavaAccess<?>> from(String codeUnit) {
        return DescribedPredicate.describe(
                "from " + codeUnit, access -> access.getOrigin().getFullName().equals(codeUnit));
    }
}
