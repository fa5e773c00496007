package cn.liaocheng.renewal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

import cn.liaocheng.renewal.application.EngineUseOutsideItsOwners;
import cn.liaocheng.renewal.support.SourceFiles;

/**
 * Engine work stays with the modules that own it, so that a move to another engine (the
 * Operaton fork) touches those alone: no other module may depend on {@code org.camunda}.
 * The allowed modules and why are listed here.
 */
class EngineBoundaryTest {

	/** The modules that may use the engine's API, each with its reason. */
	static final Map<String, String> OWNERS = new LinkedHashMap<>();

	static {
		OWNERS.put("review", "owns the review processes: starts and correlates them, its delegates and listeners");
		OWNERS.put("admin", "deploys administrators' models and checks them before deployment");
		OWNERS.put("security",
				"single sign-on with the webapps, the guards inside the engine's command chain, and the user accounts of the identity store (security.Accounts)");
		OWNERS.put("tasklist", "Tasklist's filters and locale");
		OWNERS.put("engine",
				"embedding: expression language, form-field checks of task completions, people's names, e-mail addresses and groups (engine.People), the organisation's groups and grants in the identity store, start-up writes in one command (engine.StartupWrites), and the answers and log lines of the engine's REST API (engine.rest)");
		OWNERS.put("aftercare", "owns its own after-award process (bpmn/subsidy-aftercare.bpmn)");
		OWNERS.put("clawback", "owns its own process (bpmn/clawback.bpmn)");
	}

	private static final String[] OWNER_PACKAGES = OWNERS.keySet()
		.stream()
		.map(module -> "cn.liaocheng.renewal." + module + "..")
		.toArray(String[]::new);

	static final ArchRule ENGINE_STAYS_WITH_ITS_OWNERS = noClasses().that()
		.resideInAPackage("cn.liaocheng.renewal..")
		.and()
		.resideOutsideOfPackages(OWNER_PACKAGES)
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.camunda..")
		.because("the engine's API is used only by the modules that own engine work: "
				+ OWNERS.entrySet()
					.stream()
					.map(e -> e.getKey() + " (" + e.getValue() + ")")
					.collect(Collectors.joining("; "))
				+ ". Others go through those modules' API (e.g. application.CaseReviews)");

	/**
	 * The rule reads the application's classes as {@link SourceFiles#applicationClasses}
	 * imports them.
	 */
	@Test
	void onlyTheOwningModulesUseTheEngine() {
		JavaClasses application = SourceFiles.applicationClasses();
		ENGINE_STAYS_WITH_ITS_OWNERS.check(application);
	}

	@Test
	void theRuleCatchesTheApplicationsModuleUsingTheEngine() {
		JavaClasses offender = new ClassFileImporter().importClasses(EngineUseOutsideItsOwners.class);
		assertThat(ENGINE_STAYS_WITH_ITS_OWNERS.evaluate(offender).hasViolation()).isTrue();
		assertThat(ENGINE_STAYS_WITH_ITS_OWNERS.evaluate(offender).getFailureReport().toString())
			.contains("EngineUseOutsideItsOwners", "org.camunda.bpm.engine.RuntimeService");
	}

}
