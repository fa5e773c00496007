package cn.liaocheng.renewal.clawback.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.clawback.ClawbackView;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.review.access.ReviewAccess;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * Which reviewers read a clawback (its findings, the prior notice and the enterprise's
 * statement, the repayments and who recorded them): administrators; the city industry
 * bureau, which decides; the city finance bureau, whose allocation is recovered or
 * revoked; the finance bureau of the enterprise's county, which collects; and whoever may
 * open the case's dossier ({@link ReviewAccess}: the bodies that had a task on it, those
 * it was copied to). Not every city body or every department of the county: an allegation
 * of fraud is not for a body that never handled the case. Anyone else is answered as if
 * there were no clawback.
 */
@Component
public class ClawbackReaders {

	private static final String CITY_FINANCE = GroupNames.city("finance");

	private final Clawbacks clawbacks;

	private final ReviewAccess access;

	ClawbackReaders(Clawbacks clawbacks, ReviewAccess access) {
		this.clawbacks = clawbacks;
		this.access = access;
	}

	/** The case's clawback, if {@code user} reads it. */
	@Transactional(readOnly = true)
	public Optional<ClawbackView> of(PortalUser user, long applicationId) {
		return clawbacks.of(applicationId).filter(c -> readsEvery(user) || reads(user, c));
	}

	/**
	 * The clawbacks {@code user} reads, newest first; refused to someone who reads none
	 * by office (a bank, an enterprise, someone in no body).
	 */
	@Transactional(readOnly = true)
	public List<ClawbackView> list(PortalUser user) {
		if (readsEvery(user)) {
			return clawbacks.list(null);
		}
		String county = ClawbackAccess.countyOf(user);
		if (!ClawbackAccess.readsCity(user) && county == null) {
			throw new ClawbackRefused(ClawbackRefused.Reason.FORBIDDEN, "无权查看追回记录");
		}
		List<ClawbackView> candidates = clawbacks.list(ClawbackAccess.readsCity(user) ? null : county);
		Set<Long> readable = access.readable(user, candidates.stream().map(ClawbackView::applicationId).toList());
		return candidates.stream()
			.filter(c -> ClawbackAccess.collects(user, c) || readable.contains(c.applicationId()))
			.toList();
	}

	private static boolean readsEvery(PortalUser user) {
		return user.isAdministrator() || ClawbackAccess.decides(user) || user.actsFor(CITY_FINANCE);
	}

	private boolean reads(PortalUser user, ClawbackView c) {
		return ClawbackAccess.collects(user, c) || access.canRead(user, c.applicationId());
	}

}
