package cn.liaocheng.renewal.security.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.organization.StartupOrder;
import cn.liaocheng.renewal.security.AccountIds;

/**
 * Creates the first administrator from {@code RENEWAL_ADMIN_ID} and
 * {@code RENEWAL_ADMIN_PASSWORD} when that user does not exist yet. This replaces Camunda
 * Admin's first-run page, which {@link FirstRunSetupGuard} keeps shut.
 *
 * <p>
 * The password is checked against the engine's password policy while the context starts,
 * not when the user is saved: a password the policy refuses used to stop the node only
 * after the whole start-up (minutes, with the job executor and web server up) with the
 * engine's bare "Password does not match policy". Now start-up stops within seconds and
 * the log names every rule the password breaks.
 */
@Component
@Order(StartupOrder.ADMINISTRATOR)
class AdministratorBootstrap implements ApplicationRunner, InitializingBean {

	private static final Logger LOG = LoggerFactory.getLogger(AdministratorBootstrap.class);

	private final IdentityService identity;

	private final String adminId;

	private final String adminPassword;

	private final AccountIds ids;

	AdministratorBootstrap(IdentityService identity, @Value("${renewal.security.bootstrap-admin.id:}") String adminId,
			@Value("${renewal.security.bootstrap-admin.password:}") String adminPassword, AccountIds ids) {
		this.identity = identity;
		this.ids = ids;
		this.adminId = adminId;
		this.adminPassword = adminPassword;
	}

	@Override
	public void afterPropertiesSet() {
		if (adminId.isBlank()) {
			return;
		}
		if (adminPassword.isBlank()) {
			throw new IllegalStateException("RENEWAL_ADMIN_ID is set but RENEWAL_ADMIN_PASSWORD is empty");
		}
		if (identity.createUserQuery().userId(adminId).count() > 0) {
			return;
		}
		List<String> broken = brokenRules(adminPassword);
		if (!broken.isEmpty()) {
			throw new IllegalStateException("RENEWAL_ADMIN_PASSWORD for the first administrator " + adminId
					+ " does not meet the password policy: " + String.join("; ", broken)
					+ ". Set a password that meets every rule and start again.");
		}
	}

	/**
	 * The rules of the engine's policy that the password breaks, in words an operator can
	 * act on.
	 */
	List<String> brokenRules(String password) {
		if (identity.getPasswordPolicy() == null) {
			return List.of();
		}
		return identity.checkPasswordAgainstPolicy(password, administrator())
			.getViolatedRules()
			.stream()
			.map(AdministratorBootstrap::describe)
			.toList();
	}

	static String describe(PasswordPolicyRule rule) {
		Map<String, String> p = rule.getParameters() == null ? Map.of() : rule.getParameters();
		String requirement = switch (rule.getPlaceholder()) {
			case "PASSWORD_POLICY_LENGTH" -> "at least " + p.getOrDefault("minLength", "?") + " characters";
			case "PASSWORD_POLICY_LOWERCASE" ->
				"at least " + p.getOrDefault("minLowerCase", "1") + " lower-case letter(s)";
			case "PASSWORD_POLICY_UPPERCASE" ->
				"at least " + p.getOrDefault("minUpperCase", "1") + " upper-case letter(s)";
			case "PASSWORD_POLICY_DIGIT" -> "at least " + p.getOrDefault("minDigit", "1") + " digit(s)";
			case "PASSWORD_POLICY_SPECIAL" -> "at least " + p.getOrDefault("minSpecial", "1") + " special character(s)";
			case "PASSWORD_POLICY_USER_DATA" -> "must not contain the user id or name";
			default ->
				p.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
		};
		return rule.getPlaceholder() + " (" + requirement + ")";
	}

	@Override
	public void run(ApplicationArguments args) {
		if (adminId.isBlank() || identity.createUserQuery().userId(adminId).count() > 0) {
			return;
		}
		// An administrator account deleted in Camunda Admin stays deleted: a restart
		// does not bring it back with the password from the environment.
		if (ids.refusal(adminId).isPresent()) {
			LOG.warn("Administrator {} from configuration was deleted and is not created again; "
					+ "set RENEWAL_ADMIN_ID to a new id to bootstrap another", adminId);
			return;
		}
		User user = administrator();
		user.setPassword(adminPassword);
		identity.saveUser(user);
		identity.createMembership(adminId, GroupNames.ADMINISTRATORS);
		LOG.info("Created administrator {} from configuration", adminId);
	}

	private User administrator() {
		User user = identity.newUser(adminId);
		user.setFirstName("管理员");
		user.setLastName("系统");
		return user;
	}

}
