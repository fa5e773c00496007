package cn.liaocheng.renewal.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;

import cn.liaocheng.renewal.enterprise.SharedPasswordOutsideTheDemo;
import cn.liaocheng.renewal.support.SourceFiles;

/**
 * Accounts that share one hash share one password, and a hash cracked is then cracked for
 * all of them: {@link Accounts#openSharingOnePassword} is for the demo's accounts, whose
 * password the README publishes, and no other module may open accounts that way.
 */
class SharedPasswordRuleTest {

	static final ArchRule ONLY_THE_DEMO_SHARES_A_PASSWORD = noClasses().that()
		.resideInAPackage("cn.liaocheng.renewal..")
		.and()
		.resideOutsideOfPackages("cn.liaocheng.renewal.demo..", "cn.liaocheng.renewal.security..")
		.should()
		.callMethod(Accounts.class, "openSharingOnePassword", List.class, String.class)
		.because("accounts opened with one shared hash are only the demo's, whose password is published");

	@Test
	void onlyTheDemoOpensAccountsWithOneSharedHash() {
		JavaClasses application = SourceFiles.applicationClasses();
		ONLY_THE_DEMO_SHARES_A_PASSWORD.check(application);
	}

	@Test
	void theRuleCatchesAnotherModuleOpeningAccountsWithOneSharedHash() {
		JavaClasses offender = new ClassFileImporter().importClasses(SharedPasswordOutsideTheDemo.class);
		assertThat(ONLY_THE_DEMO_SHARES_A_PASSWORD.evaluate(offender).getFailureReport().toString())
			.contains("SharedPasswordOutsideTheDemo", "openSharingOnePassword");
	}

}
