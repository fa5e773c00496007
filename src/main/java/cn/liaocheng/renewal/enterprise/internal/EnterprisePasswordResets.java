package cn.liaocheng.renewal.enterprise.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.enterprise.EnterprisePasswordReset;
import cn.liaocheng.renewal.enterprise.EnterpriseStatus;
import cn.liaocheng.renewal.enterprise.PasswordDelivery;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.security.Accounts;
import cn.liaocheng.renewal.security.PlainText;
import cn.liaocheng.renewal.security.PortalUser;
import cn.liaocheng.renewal.security.TemporaryPasswords;

/**
 * A county industry bureau resets the forgotten password of an enterprise account of its
 * own county (重置密码), after verifying who asks: the officer records how, the account gets
 * a temporary password shown once to the officer, and the enterprise is told without it.
 * Only the bureau's officers and its lead may, only for accounts of the county's
 * enterprises, and only for enterprise accounts: a staff account's password is the
 * administrators' matter.
 */
@Service
class EnterprisePasswordResets {

	private static final Logger LOG = LoggerFactory.getLogger(EnterprisePasswordResets.class);

	static final String AUDIT_ACTION = "ENTERPRISE_PASSWORD_RESET";

	private static final String REFUSED = "不能重置该账户密码";

	private final JdbcClient jdbc;

	private final OrganizationCatalog catalog;

	private final Accounts accounts;

	private final TemporaryPasswords temporaryPasswords;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<PasswordDelivery> delivery;

	EnterprisePasswordResets(JdbcClient jdbc, OrganizationCatalog catalog, Accounts accounts,
			TemporaryPasswords temporaryPasswords, AuditTrail audit, ApplicationEventPublisher events,
			ObjectProvider<PasswordDelivery> delivery) {
		this.delivery = delivery;
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.accounts = accounts;
		this.temporaryPasswords = temporaryPasswords;
		this.audit = audit;
		this.events = events;
	}

	/**
	 * The enterprise and its temporary password, to be shown once to the officer; or,
	 * sent by text message to the enterprise's mobile number, no password and that number
	 * masked ({@code sentTo}).
	 */
	record Reset(long enterpriseId, String enterpriseName, String creditCode, String userId, String temporaryPassword,
			OffsetDateTime expiresAt, String sentTo) {

		@Override
		public String toString() {
			return "Reset[enterprise=" + enterpriseId + ", user=" + userId + ", expiresAt=" + expiresAt + "]";
		}

	}

	private record Target(long id, String creditCode, String name, String divisionCode, String userId,
			EnterpriseStatus status, String contactPhone) {
	}

	@Transactional
	Reset reset(PortalUser officer, long id, String verification) {
		Set<String> divisions = divisionsOf(officer);
		if (divisions.isEmpty()) {
			throw new OutsideJurisdictionException();
		}
		// Locked until the reset commits: two officers resetting at once give one
		// password after the other, never two marks.
		Target target = jdbc.sql("""
				SELECT id, credit_code, name, division_code, user_id, status, contact_phone FROM enterprise
				WHERE id = :id FOR UPDATE""")
			.param("id", id)
			.query((rs, n) -> new Target(rs.getLong(1), rs.getString(2).strip(), rs.getString(3), rs.getString(4),
					rs.getString(5), EnterpriseStatus.valueOf(rs.getString(6)), rs.getString(7)))
			.optional()
			.filter(t -> divisions.contains(t.divisionCode()))
			.orElseThrow(EnterpriseNotFoundException::new);
		String note = verification == null ? "" : verification.strip();
		if (note.length() < 4 || note.length() > 200) {
			throw new AccountChangeRefused(AccountChangeRefused.Kind.INVALID, REFUSED,
					"请填写如何核验来电人身份（4 至 200 字），如“经办人持营业执照副本和身份证到局核验”");
		}
		PlainText.problem(note, false).ifPresent(problem -> {
			throw new AccountChangeRefused(AccountChangeRefused.Kind.INVALID, REFUSED, "身份核验情况" + problem);
		});
		if (target.status() == EnterpriseStatus.REJECTED) {
			throw new AccountChangeRefused(AccountChangeRefused.Kind.STATE, REFUSED,
					"“" + target.name() + "”的注册已被驳回，账户已关闭");
		}
		requireEnterpriseAccount(target);
		TemporaryPasswords.Issued issued = temporaryPasswords.issue(target.userId(), officer.userId());
		String bureau = catalog.groupName(GroupNames.county(target.divisionCode(), Jurisdiction.INDUSTRY));
		// Straight to the enterprise's mobile where a gateway is configured: the officer
		// then never reads the password, and cannot sign in as the enterprise with it.
		Optional<String> sentTo;
		try {
			sentTo = delivery.stream()
				.findFirst()
				.flatMap(d -> d.send(target.contactPhone(),
						"【聊城市设备更新审批】" + target.name() + "的登录用户名" + target.userId() + "的临时密码为" + issued.password() + "，"
								+ ChinaTime.minute(issued.expiresAt()) + "前有效，登录后须先修改密码。密码由" + bureau
								+ "应你单位申请重置，请勿告知他人；如非本单位申请，请立即联系该局。"));
		}
		catch (PasswordDelivery.DeliveryFailed e) {
			LOG.warn("Temporary password of enterprise {} not sent by text message", target.creditCode(), e);
			throw new AccountChangeRefused(AccountChangeRefused.Kind.STATE, REFUSED,
					"短信网关未确认发送，密码未重置，原密码照常可用；如企业仍收到这条短信，其中的临时密码无效。请稍后重试；仍不能发送的，请联系系统管理员检查短信网关");
		}
		audit.record(officer.userId(), AUDIT_ACTION, "enterprise:" + id,
				target.creditCode() + " " + target.userId() + "; verified: " + note + "; temporary until "
						+ issued.expiresAt()
						+ sentTo.map(number -> "; sent by text message to " + number).orElse("; shown to the officer"));
		events.publishEvent(new EnterprisePasswordReset(id, target.userId(), target.name(), officer.userId(), bureau,
				issued.issuedAt(), issued.expiresAt(), sentTo.orElse(null)));
		LOG.info("Password of enterprise {} ({}) reset by {}", target.creditCode(), target.userId(), officer.userId());
		return new Reset(id, target.name(), target.creditCode(), target.userId(),
				sentTo.isPresent() ? null : issued.password(),
				issued.expiresAt().atZone(ChinaTime.ZONE).toOffsetDateTime(), sentTo.orElse(null));
	}

	/** Whether the user resets passwords anywhere (the list page shows the action). */
	boolean mayReset(PortalUser user) {
		return !divisionsOf(user).isEmpty();
	}

	/**
	 * The divisions whose industry bureau the officer serves, as a member or as its lead;
	 * administrators reset passwords in Camunda Admin, not here.
	 */
	private Set<String> divisionsOf(PortalUser officer) {
		return Jurisdiction.industryBureauDivisions(officer, catalog.divisions());
	}

	/**
	 * The row's login must be an enterprise account and nothing else: an account that is
	 * also a reviewer's, a bank's or an administrator's is not the county's to reset.
	 */
	private void requireEnterpriseAccount(Target target) {
		if (accounts.account(target.userId()).isEmpty()) {
			throw new AccountChangeRefused(AccountChangeRefused.Kind.STATE, REFUSED,
					"“" + target.name() + "”的登录账户已不存在，请联系系统管理员");
		}
		List<String> groupTypes = accounts.groupTypes(target.userId());
		boolean enterpriseOnly = !groupTypes.isEmpty()
				&& groupTypes.stream().allMatch(type -> GroupType.of(type) == GroupType.ENTERPRISE);
		if (!enterpriseOnly) {
			throw new AccountChangeRefused(AccountChangeRefused.Kind.FORBIDDEN, REFUSED,
					"账户“" + target.userId() + "”不是企业账户，其密码只能由系统管理员重置");
		}
	}

	/**
	 * What the county's list says of the listed accounts whose temporary password has not
	 * been changed yet (valid until when, or lapsed), so that the county sees whether the
	 * enterprise followed up; the others are not in the map.
	 */
	Map<String, String> outstandingAmong(List<EnterpriseListing> listed) {
		Instant now = Instant.now();
		Map<String, String> states = new HashMap<>();
		temporaryPasswords.outstandingAmong(listed.stream().map(EnterpriseListing::userId).toList())
			.forEach((userId, expires) -> states.put(userId,
					expires.isAfter(now) ? "临时密码未修改（有效至" + ChinaTime.minute(expires) + "）" : "临时密码已过期未修改，企业须再次申请重置"));
		return states;
	}

}
