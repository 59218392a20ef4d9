package io.baeum.testing.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;

/**
 * The one architecture rule set of every Baeum module (STYLE.md), applied by each module's
 * {@code ArchitectureTests} to its base package, e.g. {@code io.baeum.learning}.
 *
 * <p>Packages are feature-first: {@code <base>.<feature>.{domain,web,persistence,messaging}}. The
 * packages {@code config}, {@code support} and {@code shared} are wiring and shared kernel, not features.
 * <ul>
 *   <li>{@link #domainIsPlainJava()}: {@code domain} uses no Spring (so no {@code org.springframework.http}),
 *       no R2DBC/SQS client and none of the adapter layers;</li>
 *   <li>{@link #featuresKeepOutOfEachOthersAdapters()}: a feature never reaches into another feature's
 *       {@code persistence} or {@code web} — features talk through domain types and application services;</li>
 *   <li>{@link #featuresAreFreeOfCycles()};</li>
 *   <li>{@link #domainUsesNoControllers()}: no domain class uses a controller or a web adapter;</li>
 *   <li>{@link #persistenceAndMessagingDoNotUseTheWebLayer()};</li>
 *   <li>{@link #errorsCarryAKindNotAStatus(String...)}: refusals are {@code io.baeum.common.error.DomainException}s
 *       with an {@code ErrorKind}; no subclass of it carries an HTTP status.</li>
 * </ul>
 */
public final class BaeumArchitectureRules {

    /** Top-level packages that are wiring or a shared kernel, not features. */
    public static final Set<String> NOT_FEATURES = Set.of("config", "support", "shared");

    private static final String DOMAIN_EXCEPTION = "io.baeum.common.error.DomainException";

    private final String base;
    private JavaClasses classes;

    private BaeumArchitectureRules(String base) {
        this.base = base;
    }

    /** The rules for the module whose production classes live under {@code basePackage}. */
    public static BaeumArchitectureRules forBasePackage(String basePackage) {
        return new BaeumArchitectureRules(basePackage);
    }

    /** The module's production classes (tests excluded), imported once. */
    public synchronized JavaClasses classes() {
        if (classes == null) {
            classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                    .importPackages(base);
        }
        return classes;
    }

    public ArchRule domainIsPlainJava() {
        return noClasses().that().resideInAPackage(base + "..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "io.r2dbc..",
                        "io.awspring..", "software.amazon.awssdk..", base + "..web..", base + "..persistence..",
                        base + "..messaging..", base + ".config..")
                .because("domain code is plain Java: rules on aggregates, errors as ErrorKinds, no HTTP or SQL")
                .allowEmptyShould(true);
    }

    public ArchRule featuresKeepOutOfEachOthersAdapters() {
        return ArchRuleDefinition.classes().that().resideInAPackage(base + "..")
                .should(new ArchCondition<JavaClass>("not reach into another feature's persistence or web package") {
                    @Override
                    public void check(JavaClass origin, ConditionEvents events) {
                        Optional<String> own = feature(origin);
                        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                            JavaClass target = dependency.getTargetClass();
                            Optional<String> other = feature(target);
                            if (other.isPresent() && !other.equals(own) && isAdapter(target, other.get())) {
                                events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                            }
                        }
                    }
                })
                .because("features talk through domain types and application services, not each other's adapters")
                .allowEmptyShould(true);
    }

    public ArchRule featuresAreFreeOfCycles() {
        return SlicesRuleDefinition.slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                        return feature(javaClass).map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
                    }

                    @Override
                    public String getDescription() {
                        return "features of " + base;
                    }
                })
                .should().beFreeOfCycles()
                .allowEmptyShould(true);
    }

    public ArchRule domainUsesNoControllers() {
        return noClasses().that().resideInAPackage(base + "..domain..")
                .should().dependOnClassesThat().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .orShould().dependOnClassesThat().areAnnotatedWith("org.springframework.stereotype.Controller")
                .orShould().dependOnClassesThat().resideInAPackage(base + "..web..")
                .because("controllers are the outermost layer: they use the domain, never the other way round")
                .allowEmptyShould(true);
    }

    public ArchRule persistenceAndMessagingDoNotUseTheWebLayer() {
        return noClasses().that().resideInAnyPackage(base + "..persistence..", base + "..messaging..")
                .should().dependOnClassesThat().resideInAPackage(base + "..web..")
                .because("adapters meet in the application service, not in each other")
                .allowEmptyShould(true);
    }

    /**
     * No refusal type of the module (a subclass of {@code io.baeum.common.error.DomainException}) knows an HTTP
     * status: refusals carry an {@code ErrorKind} and the common handler alone picks the status.
     *
     * @param exemptSimpleNames classes allowed to break the rule (say why at the call site)
     */
    public ArchRule errorsCarryAKindNotAStatus(String... exemptSimpleNames) {
        Set<String> exempt = Set.copyOf(Arrays.asList(exemptSimpleNames));
        return noClasses().that().resideInAPackage(base + "..")
                .and().areAssignableTo(DOMAIN_EXCEPTION)
                .and(new com.tngtech.archunit.base.DescribedPredicate<JavaClass>("are not exempt " + exempt) {
                    @Override
                    public boolean test(JavaClass javaClass) {
                        return !exempt.contains(javaClass.getSimpleName());
                    }
                })
                .should().dependOnClassesThat().resideInAPackage("org.springframework.http..")
                .because("errors are io.baeum.common.error.DomainException with an ErrorKind; the handler alone maps kinds to statuses")
                .allowEmptyShould(true);
    }

    /** The feature a class belongs to: the first package segment under the base, unless wiring or shared. */
    Optional<String> feature(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        if (!pkg.startsWith(base + ".")) {
            return Optional.empty();
        }
        String rest = pkg.substring(base.length() + 1);
        int dot = rest.indexOf('.');
        String feature = dot < 0 ? rest : rest.substring(0, dot);
        return NOT_FEATURES.contains(feature) ? Optional.empty() : Optional.of(feature);
    }

    private boolean isAdapter(JavaClass target, String feature) {
        String pkg = target.getPackageName();
        String root = base + "." + feature + ".";
        return pkg.startsWith(root + "persistence") || pkg.startsWith(root + "web");
    }
}
