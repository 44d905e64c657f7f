package io.xoscar.architecture;

import java.util.Set;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of {@code xoscar-core}, as stated in {@code docs/architecture.md}: users see the public
 * packages; the runtime lives in {@code io.xoscar.internal}, whose packages form no cycle; the API
 * reaches the runtime only through its entry classes; and the core knows nothing of Spring.
 */
class ArchitectureTest {

	private static final JavaClasses CORE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.xoscar");

	private static final String[] PUBLIC_SUB_PACKAGES = { "io.xoscar.config..", "io.xoscar.debug..",
			"io.xoscar.exception..", "io.xoscar.observation..", "io.xoscar.time.." };

	/** The classes of {@code io.xoscar} that start or reach the runtime. */
	private static final Set<String> ENTRY_CLASSES = Set.of("ActorSystem", "AbstractActor", "ActorFactory",
			"ProcessPoolChild");

	@Test
	void theRuntimesPackagesFormNoCycle() {
		slices().matching("io.xoscar.internal.(*)..").should().beFreeOfCycles().check(CORE);
	}

	@Test
	void thePublicSubPackagesFormNoCycleWithEachOtherOrTheRuntime() {
		slices().matching("io.xoscar.(*)..").should().beFreeOfCycles().check(CORE);
	}

	@Test
	void thePublicSubPackagesDoNotUseTheRuntime() {
		noClasses().that().resideInAnyPackage(PUBLIC_SUB_PACKAGES)
			.should().dependOnClassesThat().resideInAPackage("io.xoscar.internal..")
			.check(CORE);
	}

	@Test
	void theApiReachesTheRuntimeOnlyThroughItsEntryClasses() {
		noClasses().that().resideInAPackage("io.xoscar")
			.and(DescribedPredicate.describe("are not entry classes " + ENTRY_CLASSES,
					(JavaClass type) -> !ENTRY_CLASSES.contains(outermost(type).getSimpleName())))
			.should().dependOnClassesThat().resideInAPackage("io.xoscar.internal..")
			.check(CORE);
	}

	@Test
	void theCoreKnowsNothingOfSpring() {
		noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(CORE);
	}

	@Test
	void noRuntimeTypeAppearsInAPublicSignature() {
		classes().that().resideOutsideOfPackage("io.xoscar.internal..").and().arePublic()
			.should(exposeNoRuntimeType())
			.check(CORE);
	}

	private static JavaClass outermost(JavaClass type) {
		JavaClass outer = type;
		while (outer.getEnclosingClass().isPresent()) {
			outer = outer.getEnclosingClass().get();
		}
		return outer;
	}

	private static ArchCondition<JavaClass> exposeNoRuntimeType() {
		return new ArchCondition<>("expose no type of io.xoscar.internal in a public or protected signature") {

			@Override
			public void check(JavaClass type, ConditionEvents events) {
				Stream.concat(type.getRawSuperclass().stream(), type.getRawInterfaces().stream())
					.filter(ArchitectureTest::isRuntime)
					.forEach((leak) -> events.add(SimpleConditionEvent.violated(type,
							type.getName() + " extends or implements " + leak.getName())));
				for (JavaMember member : type.getMembers()) {
					if (!isVisible(member)) {
						continue;
					}
					signatureTypes(member).filter(ArchitectureTest::isRuntime)
						.forEach((leak) -> events.add(SimpleConditionEvent.violated(member,
								member.getFullName() + " exposes " + leak.getName())));
				}
			}

		};
	}

	private static boolean isVisible(JavaMember member) {
		Set<JavaModifier> modifiers = member.getModifiers();
		return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
	}

	private static Stream<JavaClass> signatureTypes(JavaMember member) {
		if (member instanceof JavaField field) {
			return field.getType().getAllInvolvedRawTypes().stream();
		}
		JavaCodeUnit code = (JavaCodeUnit) member;
		return Stream.of(code.getReturnType().getAllInvolvedRawTypes().stream(),
				code.getParameterTypes().stream().flatMap((parameter) -> parameter.getAllInvolvedRawTypes().stream()),
				code.getThrowsClause().getTypes().stream())
			.flatMap((types) -> types);
	}

	private static boolean isRuntime(JavaClass type) {
		return type.getPackageName().startsWith("io.xoscar.internal");
	}

}
