package cn.liaocheng.renewal.enterprise.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.enterprise.CreditCode;
import cn.liaocheng.renewal.enterprise.Enterprise;
import cn.liaocheng.renewal.enterprise.EnterpriseRegistry.NewEnterprise;
import cn.liaocheng.renewal.enterprise.FieldProblem;
import cn.liaocheng.renewal.security.Accounts;
import cn.liaocheng.renewal.security.DailyQuota;

/**
 * Registers an enterprise: counts the attempt against its client network's daily limit,
 * checks every field, then opens the account. Two applicants may pass the checks with the
 * same code or user id at the same moment; the loser's transaction fails on a unique
 * constraint, is rolled back whole, and is answered like the check would have answered
 * it.
 */
@Service
class EnterpriseSignUp {

	private static final Logger LOG = LoggerFactory.getLogger(EnterpriseSignUp.class);

	private final RegistrationRules rules;

	private final EnterpriseAccounts accounts;

	private final DailyQuota quota;

	private final RegistrationLimits limits;

	EnterpriseSignUp(RegistrationRules rules, EnterpriseAccounts accounts, DailyQuota quota,
			RegistrationLimits limits) {
		this.rules = rules;
		this.accounts = accounts;
		this.quota = quota;
		this.limits = limits;
	}

	/**
	 * Registers from {@code clientAddress}, the request's remote address as the
	 * forwarded-header configuration resolves it. Every attempt counts, refused or not,
	 * since a refused one also tells whether an id is taken; over the day's limit nothing
	 * is checked or stored. Not transactional: the counter is taken in a transaction of
	 * its own before the account's.
	 */
	Outcome register(RegistrationRequest request, String clientAddress) {
		String network = DailyQuota.network(clientAddress);
		if (!quota.take("registration:" + network, LocalDate.now(ChinaTime.ZONE), limits.attemptsPerAddress())) {
			LOG.warn("Registration from {} refused: the network reached {} attempts today", network,
					limits.attemptsPerAddress());
			return new Outcome.Throttled(
					"今天从您所在网络提交的注册已达 " + limits.attemptsPerAddress() + " 次，达到每日上限，请明天再试；如需尽快注册，请联系企业所在县（市、区）工业和信息化局。");
		}
		Relocation relocation = rules.relocation(request).orElse(null);
		List<FieldProblem> problems = rules.check(request);
		if (!problems.isEmpty()) {
			return new Outcome.Rejected(problems, relocation);
		}
		// A move is kept only where the code and the county differ and the move was
		// confirmed (the check refuses it unconfirmed); a box ticked for nothing is
		// dropped.
		Relocation moved = relocation != null && relocation.declaredIn(request) ? relocation : null;
		NewEnterprise enterprise = new NewEnterprise(CreditCode.parse(request.creditCode()),
				RegistrationRules.trim(request.name()), RegistrationRules.trim(request.divisionCode()),
				RegistrationRules.trim(request.industry()), RegistrationRules.trim(request.contactName()),
				RegistrationRules.phone(request.contactPhone()), RegistrationRules.userId(request.userId()),
				moved == null ? null : moved.issuedIn());
		try {
			Enterprise registered = accounts.open(enterprise, request.password(),
					RegistrationRules.email(request.email()));
			LOG.info("Enterprise {} registered with account {} in division {}{}; pending activation",
					registered.creditCode(), registered.userId(), registered.divisionCode(),
					moved == null ? "" : ", declared moved from " + moved.issuedIn());
			return new Outcome.Registered(registered, moved);
		}
		catch (RuntimeException e) {
			List<FieldProblem> lost = explain(e, enterprise);
			if (lost.isEmpty()) {
				throw e;
			}
			LOG.info("Registration of {} as {} lost a race after the checks; refused at {}", enterprise.creditCode(),
					enterprise.userId(), lost.stream().map(FieldProblem::field).toList());
			return new Outcome.Rejected(lost, relocation);
		}
	}

	/**
	 * Why opening the account failed, as field problems, or empty when it is none the
	 * applicant can fix.
	 */
	private List<FieldProblem> explain(RuntimeException e, NewEnterprise enterprise) {
		List<FieldProblem> problems = new ArrayList<>();
		if (rules.creditCodeTaken(enterprise.creditCode())) {
			problems.add(new FieldProblem("creditCode", RegistrationRules.CREDIT_CODE_TAKEN));
		}
		if (rules.userIdTaken(enterprise.userId())) {
			problems.add(new FieldProblem("userId", RegistrationRules.USER_ID_TAKEN));
		}
		if (Accounts.isPasswordPolicyRefusal(e)) {
			problems.add(new FieldProblem("password", "密码不符合安全要求：须至少 10 位，包含大写字母、小写字母、数字和特殊字符，且不得包含登录用户名"));
		}
		return problems;
	}

	/**
	 * A registration's result: the enterprise, pending activation, or what to correct.
	 */
	sealed interface Outcome {

		/**
		 * @param moved the move the enterprise declared on registering; null for none
		 */
		record Registered(Enterprise enterprise, Relocation moved) implements Outcome {
		}

		/**
		 * @param relocation the move the credit code and the chosen county differ by,
		 * confirmed or not, for the form to ask about (again); null where they agree
		 */
		record Rejected(List<FieldProblem> problems, Relocation relocation) implements Outcome {

			/** Whether the county field asks for the move to be confirmed. */
			boolean asksAboutMove() {
				return relocation != null && problems.stream()
					.anyMatch(p -> p.field().equals("divisionCode") && p.message().equals(relocation.question()));
			}

		}

		/** Over the client network's daily limit: nothing was checked or stored. */
		record Throttled(String message) implements Outcome {
		}

	}

}
