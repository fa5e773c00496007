package cn.liaocheng.renewal.review.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.liaocheng.renewal.application.ApplicationStages;
import cn.liaocheng.renewal.application.ApplicationSummary;
import cn.liaocheng.renewal.application.LoanDossier;
import cn.liaocheng.renewal.application.ReviewFacts;
import cn.liaocheng.renewal.audit.AuditTrail;
import cn.liaocheng.renewal.operations.LikePatterns;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.review.CaseCopied;
import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.review.directory.Directory;
import cn.liaocheng.renewal.review.history.OperationLog;
import cn.liaocheng.renewal.review.tasks.HandOverException.Reason;
import cn.liaocheng.renewal.review.tasks.HandOverException;
import cn.liaocheng.renewal.review.tasks.TaskHandOvers;
import cn.liaocheng.renewal.security.Accounts;
import cn.liaocheng.renewal.security.PlainText;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * 抄送: the holder of a review task sends its case for information to a body (a review
 * group) or to a person of the staff; the recipients may then open the case's dossier,
 * read-only, and get no task. Recorded like every operation, and {@link ReviewAccess}
 * reads the copies.
 */
@Service
public class CaseCopies {

	private static final int LIST_MAX = 50;

	private final JdbcClient jdbc;

	private final TaskHandOvers handOvers;

	private final IdentityService identity;

	private final Directory directory;

	private final OperationLog operations;

	private final ApplicationStages stages;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final HistoryService history;

	CaseCopies(JdbcClient jdbc, TaskHandOvers handOvers, IdentityService identity, Directory directory,
			OperationLog operations, ApplicationStages stages, AuditTrail audit, ApplicationEventPublisher events,
			HistoryService history) {
		this.history = history;
		this.jdbc = jdbc;
		this.handOvers = handOvers;
		this.identity = identity;
		this.directory = directory;
		this.operations = operations;
		this.stages = stages;
		this.audit = audit;
		this.events = events;
	}

	/** A case copied to the reader, as their list shows it. */
	public record Copy(long applicationId, String referenceNo, String title, String fromName, String reason,
			Instant at) {
	}

	/** A body a case may be copied to. */
	public record Body(String id, String name) {
	}

	/**
	 * The bodies the case of the task {@code callerId} holds may be copied to, as the 抄送
	 * dialog offers them ({@link #mayBeToldOf}).
	 */
	@Transactional(readOnly = true)
	public List<Body> bodies(String callerId, String taskId) {
		return handOvers.withProductAuthority(() -> {
			ReviewFacts facts = stages.facts(handOvers.heldBy(callerId, taskId).applicationId());
			return directory.bodies()
				.entrySet()
				.stream()
				.filter(e -> mayBeToldOf(e.getKey(), facts))
				.map(e -> new Body(e.getKey(), e.getValue()))
				.toList();
		});
	}

	/**
	 * The people of one body the case of the task {@code callerId} holds may be copied
	 * to, as the 抄送 dialog offers them once a body is chosen: its members, the caller and
	 * administrators left out. Refused for a body the case may not be copied to, so that
	 * nobody lists the members of a body by naming it, and to a bank's officer for any
	 * body but its own bank.
	 */
	@Transactional(readOnly = true)
	public List<TaskHandOvers.Person> people(String callerId, String taskId, String bodyId) {
		return handOvers.withProductAuthority(() -> {
			TaskHandOvers.HeldTask held = handOvers.heldBy(callerId, taskId);
			ReviewFacts facts = stages.facts(held.applicationId());
			String body = bodyId == null ? "" : bodyId.strip();
			if (body.isEmpty() || !directory.bodies().containsKey(body) || !mayBeToldOf(body, facts)) {
				throw invalid("body", NOT_TO_BE_TOLD);
			}
			// A bank's officer copies to a government body as a whole: who works there
			// (names and login ids) is not the bank's to list. Its own bank's people it
			// may.
			if (held.bodies().stream().anyMatch(b -> b.startsWith(GroupNames.bank("")))
					&& !held.bodies().contains(body)) {
				throw invalid("body", "银行人员抄送其他单位时只能抄送整个单位，不列出该单位的人员");
			}
			Set<String> administrators = identity.createUserQuery()
				.memberOfGroup(GroupNames.ADMINISTRATORS)
				.list()
				.stream()
				.map(u -> u.getId())
				.collect(Collectors.toSet());
			return identity.createUserQuery()
				.memberOfGroup(body)
				.orderByUserId()
				.asc()
				.list()
				.stream()
				.filter(u -> !u.getId().equalsIgnoreCase(callerId) && !administrators.contains(u.getId()))
				.map(u -> new TaskHandOvers.Person(u.getId(), Accounts.shownName(u)))
				.toList();
		});
	}

	/**
	 * Whether a body may be told of a case: every city body; of the counties, only the
	 * departments of the case's own county; of the banks, only one the loan was pushed to
	 * (a bank decision of this case is or was that bank's task), not merely one the
	 * enterprise named. A copy opens the dossier, so it follows the programme's rule that
	 * a county sees its own cases and a bank what was pushed to it.
	 */
	boolean mayBeToldOf(String groupId, ReviewFacts facts) {
		if (groupId == null || groupId.endsWith(GroupNames.LEAD_SUFFIX)) {
			return false;
		}
		if (mayBeToldOfWithoutLoan(groupId, facts.divisionCode())) {
			return true;
		}
		return facts.dossier() instanceof LoanDossier loan
				&& loan.bankKeys().stream().map(GroupNames::bank).anyMatch(groupId::equals)
				&& pushedTo(groupId, facts.applicationId());
	}

	/**
	 * The part of {@link #mayBeToldOf} that the case's county settles: every city body,
	 * and the departments of the case's own county.
	 */
	private static boolean mayBeToldOfWithoutLoan(String groupId, String divisionCode) {
		return groupId != null && !groupId.endsWith(GroupNames.LEAD_SUFFIX) && (groupId.startsWith(GroupNames.city(""))
				|| divisionCode != null && groupId.startsWith(GroupNames.county(divisionCode, "")));
	}

	private boolean pushedTo(String bankGroup, long applicationId) {
		return history.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(Long.toString(applicationId))
			.taskDefinitionKey(ReviewProcesses.TASK_BANK_DECISION)
			.taskHadCandidateGroup(bankGroup)
			.count() > 0;
	}

	/**
	 * Sends the case of the task {@code callerId} holds to a body ({@code toBody}) or a
	 * person ({@code toUser}).
	 */
	@Transactional
	public String copy(String callerId, String taskId, String toBody, String toUser, String reason) {
		return handOvers.withProductAuthority(() -> {
			TaskHandOvers.HeldTask held = handOvers.heldBy(callerId, taskId);
			String body = toBody == null ? "" : toBody.strip();
			String user = toUser == null ? "" : toUser.strip();
			if (body.isEmpty() == user.isEmpty()) {
				throw invalid("to", "请选择一个抄送单位或其中一位抄送人员");
			}
			if (user.equalsIgnoreCase(callerId)) {
				throw invalid("to", "不能抄送给自己：办理人本就可以查看本案件");
			}
			String why = TaskHandOvers.reason(reason);
			ReviewFacts facts = stages.facts(held.applicationId());
			String recipientName = body.isEmpty() ? person(user, facts) : body(body, facts);
			if (alreadyCopied(held.applicationId(), body.isEmpty() ? null : body, user.isEmpty() ? null : user)) {
				throw invalid("to", "该案件已抄送" + recipientName);
			}
			jdbc.sql("""
					INSERT INTO case_copy (application_id, recipient_group, recipient_user, actor, reason, created_at)
					VALUES (?, ?, ?, ?, ?, ?)""")
				.params(held.applicationId(), body.isEmpty() ? null : body, user.isEmpty() ? null : user, callerId, why,
						Timestamp.from(Instant.now()))
				.update();
			String callerName = directory.personName(callerId);
			String bodyName = directory.bodyName(held.bodies().first());
			operations.add(held.applicationId(), "COPY", held.task().getId(), held.task().getName(), callerId,
					callerName, recipientName, why);
			stages.note(held.applicationId(), callerId, bodyName, "TASK_COPY", bodyName + "「" + held.task().getName()
					+ "」由" + callerName + "抄送" + recipientName + "知悉。抄送原因：" + why);
			audit.record(callerId, "TASK_COPY", "application:" + held.applicationId(),
					"to " + (body.isEmpty() ? "user " + user : "group " + body) + "; reason: " + why);
			events.publishEvent(new CaseCopied(held.applicationId(), body.isEmpty() ? null : body,
					user.isEmpty() ? null : user, callerId, why));
			return recipientName;
		});
	}

	/**
	 * Which of the cases were copied to one of the user's bodies, or to the user while
	 * they are still in a body that may be told of the case: a personal copy does not
	 * follow its reader out of their body (to a bank, another county). One query for all
	 * the cases.
	 */
	@Transactional(readOnly = true)
	public Set<Long> readableByCopy(PortalUser user, Collection<Long> applicationIds) {
		if (applicationIds.isEmpty()) {
			return Set.of();
		}
		List<String> groups = user.groupIds().isEmpty() ? List.of("") : user.groupIds();
		Map<Long, List<String>> recipients = new HashMap<>();
		jdbc.sql("""
				SELECT application_id, recipient_group FROM case_copy WHERE application_id IN (:ids)
				AND (recipient_user = :user OR recipient_group IN (:groups))""")
			.param("ids", applicationIds)
			.param("user", user.userId())
			.param("groups", groups)
			.query(rs -> {
				recipients.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
					.add(Optional.ofNullable(rs.getString(2)).orElse(""));
			});
		// Checked again as it is read: the case may no longer be one the body or the
		// reader may be told of (a copy to a bank made before the loan was pushed, a
		// reader who left their body). The case's county settles it for city bodies and
		// county departments, read for all the cases at once; only a bank needs the
		// case's facts.
		Map<Long, String> divisions = recipients.isEmpty() ? Map.of() : stages.divisions(recipients.keySet());
		Set<Long> readable = new HashSet<>();
		recipients.forEach((id, to) -> {
			Set<String> told = new LinkedHashSet<>(to.stream().filter(g -> !g.isEmpty()).toList());
			if (to.contains("")) {
				told.addAll(user.groupIds());
			}
			String division = divisions.get(id);
			if (told.stream().anyMatch(g -> mayBeToldOfWithoutLoan(g, division))) {
				readable.add(id);
			}
			else if (told.stream().anyMatch(g -> g.startsWith(GroupNames.bank("")))) {
				ReviewFacts facts = stages.facts(id);
				if (told.stream().anyMatch(g -> mayBeToldOf(g, facts))) {
					readable.add(id);
				}
			}
		});
		return readable;
	}

	private boolean stillToBeTold(PortalUser user, ReviewFacts facts) {
		return user.groupIds().stream().anyMatch(g -> mayBeToldOf(g, facts));
	}

	/** The latest cases copied to the user or their groups, newest first. */
	@Transactional(readOnly = true)
	public List<Copy> copiedTo(PortalUser user) {
		return copiedTo(user, "", 1).copies();
	}

	/**
	 * A page of the cases copied to the user or their groups, newest first.
	 *
	 * @param page from 1
	 * @param more whether an older page follows
	 */
	public record CopyPage(List<Copy> copies, int page, boolean more) {
	}

	/**
	 * Page {@code page} (of {@value #LIST_MAX} copies) of those whose 申报编号 or project
	 * name contains {@code text} (blank: all), newest first.
	 */
	@Transactional(readOnly = true)
	public CopyPage copiedTo(PortalUser user, String text, int page) {
		int number = Math.max(1, page);
		List<String> groups = user.groupIds().isEmpty() ? List.of("") : user.groupIds();
		record Row(long applicationId, String actor, String reason, Instant at, String group) {
		}
		String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
		String search = needle.isEmpty() ? ""
				: " AND (LOWER(a.reference_no) LIKE :text ESCAPE '\\'"
						+ " OR LOWER(COALESCE(a.submitted_project_name, a.project_name, p.submitted_project_name,"
						+ " p.project_name, '')) LIKE :text ESCAPE '\\')";
		Map<String, Object> params = new HashMap<>();
		params.put("user", user.userId());
		params.put("groups", groups);
		params.put("offset", (number - 1) * LIST_MAX);
		params.put("size", LIST_MAX + 1);
		if (!needle.isEmpty()) {
			params.put("text", LikePatterns.containing(needle));
		}
		List<Row> fetched = jdbc
			.sql("""
					SELECT c.application_id, c.actor, c.reason, c.created_at, c.recipient_group FROM case_copy c
					JOIN application a ON a.id = c.application_id
					LEFT JOIN application p ON p.id = COALESCE(a.submitted_project_id, a.project_id)
					WHERE (c.recipient_user = :user OR c.recipient_group IN (:groups))""" + search
					+ " ORDER BY c.created_at DESC, c.id DESC OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY")
			.params(params)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
					rs.getString(5)))
			.list();
		boolean more = fetched.size() > LIST_MAX;
		List<Row> rows = more ? fetched.subList(0, LIST_MAX) : fetched;
		if (rows.isEmpty()) {
			return new CopyPage(List.of(), number, false);
		}
		// A copy to a city body or a county department stays valid: the case's county
		// does not change. Personal copies and copies to a bank are checked again as on
		// opening the case; they are few, so each such case's facts are read once.
		Set<Long> lasting = rows.stream()
			.filter(r -> r.group() != null && !r.group().startsWith(GroupNames.bank("")))
			.map(Row::applicationId)
			.collect(Collectors.toSet());
		Map<Long, List<Row>> toCheck = rows.stream()
			.filter(r -> !lasting.contains(r.applicationId()))
			.collect(Collectors.groupingBy(Row::applicationId));
		Set<Long> notToBeTold = toCheck.entrySet().stream().filter(e -> {
			ReviewFacts facts = stages.facts(e.getKey());
			return e.getValue()
				.stream()
				.noneMatch(r -> r.group() == null ? stillToBeTold(user, facts) : mayBeToldOf(r.group(), facts));
		}).map(Map.Entry::getKey).collect(Collectors.toSet());
		List<Row> shown = rows.stream().filter(r -> !notToBeTold.contains(r.applicationId())).toList();
		if (shown.isEmpty()) {
			return new CopyPage(List.of(), number, more);
		}
		Map<Long, ApplicationSummary> summaries = stages
			.summaries(shown.stream().map(Row::applicationId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(ApplicationSummary::id, Function.identity()));
		Map<String, String> names = shown.stream()
			.map(Row::actor)
			.distinct()
			.collect(Collectors.toMap(Function.identity(), directory::personName));
		return new CopyPage(shown.stream()
			.filter(r -> summaries.containsKey(r.applicationId()))
			.map(r -> new Copy(r.applicationId(), summaries.get(r.applicationId()).referenceNo(),
					summaries.get(r.applicationId()).title(), names.get(r.actor()), r.reason(), r.at()))
			.toList(), number, more);
	}

	private boolean alreadyCopied(long applicationId, String group, String user) {
		return jdbc.sql("""
				SELECT count(*) FROM case_copy WHERE application_id = ?
				AND (recipient_group = ? OR recipient_user = ?)""")
			.params(applicationId, group, user)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * A body: a county department, a city body or a bank (not a lead group, not
	 * enterprises).
	 */
	private String body(String groupId, ReviewFacts facts) {
		Group group = groupId.length() > 64 ? null : identity.createGroupQuery().groupId(groupId).singleResult();
		GroupType type = group == null ? null : GroupType.of(group.getType());
		if (type == null || !(type == GroupType.COUNTY || type == GroupType.CITY || type == GroupType.BANK)
				|| groupId.endsWith(GroupNames.LEAD_SUFFIX)) {
			throw invalid("to", "抄送单位须是县级部门、市级单位或银行");
		}
		if (!mayBeToldOf(groupId, facts)) {
			throw invalid("to", NOT_TO_BE_TOLD);
		}
		return directory.bodyName(groupId);
	}

	private static final String NOT_TO_BE_TOLD = "本案件只能抄送市级单位、本县（市、区）的部门，以及贷款已推送到的银行";

	/** A person of the staff: a member of some body; never an enterprise account. */
	private String person(String userId, ReviewFacts facts) {
		HandOverException outside = invalid("to", "抄送人员须是审核单位的在册人员");
		if (userId.length() > 64 || !PlainText.isClean(userId, false)
				|| identity.createUserQuery().userId(userId).count() == 0) {
			throw outside;
		}
		List<Group> groups = identity.createGroupQuery().groupMember(userId).list();
		boolean staff = groups.stream()
			.map(g -> GroupType.of(g.getType()))
			.anyMatch(t -> t == GroupType.COUNTY || t == GroupType.CITY || t == GroupType.BANK);
		boolean enterprise = groups.stream()
			.anyMatch(
					g -> GroupType.of(g.getType()) == GroupType.ENTERPRISE || GroupNames.ENTERPRISES.equals(g.getId()));
		if (!staff || enterprise) {
			throw outside;
		}
		if (groups.stream().noneMatch(g -> mayBeToldOf(g.getId(), facts))) {
			throw invalid("to", NOT_TO_BE_TOLD);
		}
		return directory.personName(userId);
	}

	private static HandOverException invalid(String field, String message) {
		return new HandOverException(Reason.INVALID, field, message);
	}

}
