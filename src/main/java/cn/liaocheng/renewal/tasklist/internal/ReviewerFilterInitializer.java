package cn.liaocheng.renewal.tasklist.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.json.JsonTaskQueryConverter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.organization.EngineStartupWork;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.organization.StartupOrder;
import cn.liaocheng.renewal.engine.StartupWrites;

/**
 * Runs at every start, after the review groups exist: creates the filters of
 * {@link ReviewerFilter} that are missing (looked up by name) and lets every review group
 * (type COUNTY, CITY or BANK) read them, or only the lead groups among them
 * ({@code …-lead}) for the leads' filter.
 *
 * <p>
 * A filter that already exists is never changed, so an administrator's edits in Tasklist
 * (criteria, columns, priority) survive restarts; renaming one makes a fresh copy with
 * the original name appear at the next start. Read permissions are made complete at every
 * start, as Tasklist access is (see GroupSynchronizer), so a review group created later
 * sees the filters too; a group that has any authorization on a filter already (a grant,
 * or a revocation an administrator added) is left as it is.
 *
 * <p>
 * On a fresh database that is about 970 grants, made in one transaction and one engine
 * command (the engine's services join both), so the engine writes them at the command's
 * end as one batch of statements, not one command and flush each. A node that granted the
 * same at the same moment makes the second to commit fail on a duplicate grant; it starts
 * over.
 */
@Component
@Order(StartupOrder.TASKLIST_FILTERS)
class ReviewerFilterInitializer implements EngineStartupWork {

	private static final Logger LOG = LoggerFactory.getLogger(ReviewerFilterInitializer.class);

	private static final List<GroupType> REVIEW_TYPES = List.of(GroupType.COUNTY, GroupType.CITY, GroupType.BANK);

	private final FilterService filters;

	private final TaskService tasks;

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	private final StartupWrites writes;

	ReviewerFilterInitializer(FilterService filters, TaskService tasks, IdentityService identity,
			AuthorizationService authorizations, StartupWrites writes) {
		this.filters = filters;
		this.tasks = tasks;
		this.identity = identity;
		this.authorizations = authorizations;
		this.writes = writes;
	}

	@Override
	public void run() {
		writes.inOneCommand("Tasklist filters", this::initialize);
	}

	/**
	 * Runs in one engine command ({@link StartupWrites}): a new filter gets its id when
	 * it is saved, so its grants can name it before it is written; the grants looked up
	 * are those that were there before.
	 */
	private void initialize() {
		List<String> reviewGroups = reviewGroups();
		List<String> leadGroups = reviewGroups.stream().filter(g -> g.endsWith(GroupNames.LEAD_SUFFIX)).toList();
		int created = 0;
		int granted = 0;
		for (ReviewerFilter wanted : ReviewerFilter.values()) {
			List<Filter> existing = filters.createTaskFilterQuery().filterName(wanted.filterName()).list();
			List<Filter> targets = existing;
			if (existing.isEmpty()) {
				targets = List.of(create(wanted));
				created++;
			}
			else {
				existing.forEach(this::showTheCaseIfNotConfigured);
				existing.forEach(filter -> nextIfAsFirstShipped(wanted, filter));
				existing.forEach(filter -> ledBodiesIfAsShipped(wanted, filter));
			}
			for (Filter filter : targets) {
				granted += shareWith(filter, wanted.forLeads() ? leadGroups : reviewGroups);
			}
		}
		LOG.info("Tasklist filters in place: {} created, {} read permissions granted to {} review groups", created,
				granted, reviewGroups.size());
	}

	private Filter create(ReviewerFilter wanted) {
		Filter filter = filters.newTaskFilter(wanted.filterName());
		filter.setQuery(wanted.query(tasks));
		filter.setProperties(wanted.properties());
		return filters.saveFilter(filter);
	}

	/**
	 * Filters made before Tasklist showed the case under each task get that list, unless
	 * one was configured; a list still exactly as first shipped (without the kind) gets
	 * the kind too.
	 */
	private void showTheCaseIfNotConfigured(Filter filter) {
		Map<String, Object> properties = filter.getProperties() == null ? new LinkedHashMap<>()
				: new LinkedHashMap<>(filter.getProperties());
		if (!properties.containsKey("variables")
				|| ReviewerFilter.CASE_VARIABLES_WITHOUT_KIND.equals(properties.get("variables"))) {
			properties.put("variables", ReviewerFilter.CASE_VARIABLES);
			filter.setProperties(properties);
			filters.saveFilter(filter);
		}
	}

	/**
	 * A copy still holding the query it was first shipped with, criterion for criterion
	 * and in the same order (no one edited it), moves on to the query shipped next: 我的待办
	 * and 本部门待办 without their order (newest first, which Tasklist put before the sorting
	 * chosen in the list, so sorting by 申报编号, enterprise or kind did nothing), 即将超期
	 * counting working days instead of calendar days. A copy an administrator changed in
	 * any way is left as it is.
	 */
	private void nextIfAsFirstShipped(ReviewerFilter wanted, Filter filter) {
		Optional<TaskQuery> first = ReviewerFilter.asFirstShipped(wanted, tasks);
		if (first.isPresent() && filter.getQuery() instanceof TaskQuery stored && sameQuery(stored, first.get())) {
			filter.setQuery(asShippedNext(wanted));
			filters.saveFilter(filter);
			LOG.info("Tasklist filter {} moved on from its query as first shipped", filter.getName());
		}
	}

	/**
	 * 本部门待办 and 即将超期 were shipped listing the tasks of the runner's own groups, which
	 * showed a lead (a member of the lead group only) next to nothing. A copy still in
	 * that form, its query criterion for criterion (the engine's own JSON form of both is
	 * compared) and its description word for word (as shipped then, or as first shipped),
	 * gets the query that shows a lead the bodies they lead too, and the description that
	 * says so. A copy whose criteria, order or description an administrator changed is
	 * left as it is: the administrator has decided what it shows.
	 */
	private void ledBodiesIfAsShipped(ReviewerFilter wanted, Filter filter) {
		Optional<TaskQuery> shipped = ReviewerFilter.ownGroupsOnly(wanted, tasks);
		Map<String, Object> properties = filter.getProperties() == null ? new LinkedHashMap<>()
				: new LinkedHashMap<>(filter.getProperties());
		if (shipped.isEmpty() || !(filter.getQuery() instanceof TaskQuery stored) || !sameQuery(stored, shipped.get())
				|| !(properties.get("description") instanceof String description)
				|| !ReviewerFilter.ownGroupsOnlyDescriptions(wanted).contains(description)) {
			return;
		}
		filter.setQuery(wanted.query(tasks));
		properties.put("description", wanted.description());
		filter.setProperties(properties);
		filters.saveFilter(filter);
		LOG.info("Tasklist filter {} now shows a lead the bodies they lead", filter.getName());
	}

	/**
	 * The query a filter as first shipped moves on to: the next one shipped (the runner's
	 * own groups), from which {@link #ledBodiesIfAsShipped} moves it on if its
	 * description is still the shipped one too.
	 */
	private TaskQuery asShippedNext(ReviewerFilter wanted) {
		return ReviewerFilter.ownGroupsOnly(wanted, tasks).orElseGet(() -> wanted.query(tasks));
	}

	/** Whether two task queries are the same, as the engine stores them in a filter. */
	private static boolean sameQuery(TaskQuery one, TaskQuery other) {
		JsonTaskQueryConverter json = new JsonTaskQueryConverter();
		return json.toJsonObject(one).equals(json.toJsonObject(other));
	}

	/**
	 * Grants READ on the filter to each group that has no authorization for it yet;
	 * returns how many.
	 */
	private int shareWith(Filter filter, List<String> groupIds) {
		Set<String> withAuthorization = authorizations.createAuthorizationQuery()
			.resourceType(Resources.FILTER)
			.resourceId(filter.getId())
			.list()
			.stream()
			.map(Authorization::getGroupId)
			.collect(Collectors.toSet());
		int granted = 0;
		for (String groupId : groupIds) {
			if (!withAuthorization.contains(groupId)) {
				Authorization read = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
				read.setGroupId(groupId);
				read.setResource(Resources.FILTER);
				read.setResourceId(filter.getId());
				read.addPermission(Permissions.READ);
				authorizations.saveAuthorization(read);
				granted++;
			}
		}
		return granted;
	}

	/**
	 * The review groups as Camunda knows them: the type, not the name, makes a group one
	 * (see GroupType).
	 */
	private List<String> reviewGroups() {
		return identity.createGroupQuery()
			.list()
			.stream()
			.filter(g -> REVIEW_TYPES.contains(GroupType.of(g.getType())))
			.map(Group::getId)
			.toList();
	}

}
