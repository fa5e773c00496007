package cn.liaocheng.renewal.review.access;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.batch.OpenableCases;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * Who may read a dossier outside the enterprise that owns it: administrators, and
 * reviewers whose group has (or had) a task on the case, by their current groups (not by
 * having once held one of its tasks); a body's lead as the body (the lead reads every
 * task of the body in Tasklist, and lists the cases it handled). A county reviewer
 * therefore sees its own county's cases only, a city body the cases routed to it, a bank
 * the loans pushed to it; and bodies or people a case was copied to (抄送). The one rule
 * for every door to a case's records, other modules' too (the after-award record reads
 * it, the project library links only the rows it lets the reader open), hence exposed as
 * the module's interface "access".
 */
@Component
@NamedInterface("access")
public class ReviewAccess implements OpenableCases {

	/** How many cases one query asks about at most. */
	private static final int SLICE = 500;

	private final JdbcClient jdbc;

	private final CaseCopies copies;

	ReviewAccess(JdbcClient jdbc, CaseCopies copies) {
		this.jdbc = jdbc;
		this.copies = copies;
	}

	public boolean canRead(PortalUser user, long applicationId) {
		return readable(user, List.of(applicationId)).contains(applicationId);
	}

	/**
	 * Which of the cases {@code user} may read, by the rule above: one query for the
	 * tasks of all of them, one for their copies, and a read of the case only for a case
	 * copied to a person or a bank and readable no other way (such copies are few).
	 */
	@Override
	@Transactional(readOnly = true)
	public Set<Long> readable(PortalUser user, Collection<Long> applicationIds) {
		Set<Long> asked = new LinkedHashSet<>(applicationIds);
		if (asked.isEmpty()) {
			return Set.of();
		}
		if (user.isAdministrator()) {
			return asked;
		}
		Set<Long> readable = new HashSet<>();
		List<String> groups = GroupNames.withLedBodies(user.groupIds());
		if (!groups.isEmpty()) {
			List<Long> ids = List.copyOf(asked);
			for (int from = 0; from < ids.size(); from += SLICE) {
				readable.addAll(hadTaskOf(groups, ids.subList(from, Math.min(ids.size(), from + SLICE))));
			}
		}
		// 抄送: a body or person the case was copied to reads it too.
		List<Long> rest = asked.stream().filter(id -> !readable.contains(id)).toList();
		if (!rest.isEmpty()) {
			readable.addAll(copies.readableByCopy(user, rest));
		}
		return readable;
	}

	/**
	 * The cases one of whose tasks has one of the groups as candidate: an open task
	 * (claimed or not), or one of the past, whose candidates the history keeps. Having
	 * held one of its tasks is not enough: someone who left the body (moved to another
	 * county, to a bank) no longer reads the cases they handled there. The engine's task
	 * queries by candidate group and business key, for a page of cases at once.
	 */
	private Set<Long> hadTaskOf(List<String> groups, List<Long> ids) {
		List<String> keys = ids.stream().map(String::valueOf).toList();
		List<String> found = jdbc.sql("""
				SELECT p.BUSINESS_KEY_ FROM ACT_HI_TASKINST t
				JOIN ACT_HI_PROCINST p ON p.ID_ = t.PROC_INST_ID_
				WHERE p.BUSINESS_KEY_ IN (:keys)
				AND t.ID_ IN (SELECT l.TASK_ID_ FROM ACT_HI_IDENTITYLINK l
				              WHERE l.TYPE_ = 'candidate' AND l.GROUP_ID_ IN (:groups))
				UNION
				SELECT e.BUSINESS_KEY_ FROM ACT_RU_TASK t
				JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_
				WHERE e.BUSINESS_KEY_ IN (:keys)
				AND t.ID_ IN (SELECT i.TASK_ID_ FROM ACT_RU_IDENTITYLINK i
				              WHERE i.TYPE_ = 'candidate' AND i.GROUP_ID_ IN (:groups))""")
			.param("keys", keys)
			.param("groups", groups)
			.query(String.class)
			.list();
		Set<Long> cases = new HashSet<>();
		for (String key : found) {
			cases.add(Long.valueOf(key));
		}
		return cases;
	}

}
