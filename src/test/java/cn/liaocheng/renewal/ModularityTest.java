package cn.liaocheng.renewal;

import org.junit.jupiter.api.Test;
import com.tngtech.archunit.core.importer.ImportOption;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the module boundaries honest and writes the module documentation to
 * target/spring-modulith-docs.
 */
class ModularityTest {

	// The rules are about the application; tests may reach into modules' internals to
	// arrange their cases. Read once for both tests (JUnit makes an instance a test).
	private static final ApplicationModules modules = ApplicationModules.of(RenewalApplication.class,
			(ImportOption) location -> !location.contains("/test-classes/"));

	@Test
	void modulesOnlyUseEachOthersPublicSurface() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
