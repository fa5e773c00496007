package cn.liaocheng.renewal;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Keeps the module boundaries honest and writes the module documentation to target/spring-modulith-docs. */
class ModularityTest {

	private final ApplicationModules modules = ApplicationModules.of(RenewalApplication.class);

	@Test
	void modulesOnlyUseEachOthersPublicSurface() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
