package cn.liaocheng.renewal.engine.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.engine.StartupWrites;
import cn.liaocheng.renewal.organization.EngineStartupWork;
import cn.liaocheng.renewal.organization.GroupNames;
import cn.liaocheng.renewal.organization.GroupType;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.organization.OrganizationCatalog.ReviewGroup;
import cn.liaocheng.renewal.organization.StartupOrder;

/**
 * Runs first at start (order 0, {@link EngineStartupWork}): makes Camunda's identity
 * store match the organisations: every review group exists with its Chinese name and
 * type, administrators may do everything, reviewers and bank officers may open Tasklist.
 * Runs at every start and only adds what is missing, so groups an administrator created
 * or renamed in Camunda Admin are left alone.
 *
 * <p>
 * On a fresh database that is 324 groups and about 650 grants: all in one transaction and
 * one engine command (the engine's services join both), so the engine writes them at the
 * command's end as one batch of statements per table, not one command and flush each,
 * which made up a large part of a first start. A node starting at the same moment on the
 * same fresh database makes the second to commit fail on a duplicate; it then starts
 * over, finding everything there.
 */
@Component
@Order(StartupOrder.GROUPS)
class GroupSynchronizer implements EngineStartupWork {

	private static final Logger LOG = LoggerFactory.getLogger(GroupSynchronizer.class);

	private static final String TASKLIST = "tasklist";

	private final OrganizationCatalog catalog;

	private final IdentityService identity;

	private final AuthorizationService authorizations;

	private final StartupWrites writes;

	GroupSynchronizer(OrganizationCatalog catalog, IdentityService identity, AuthorizationService authorizations,
			StartupWrites writes) {
		this.catalog = catalog;
		this.identity = identity;
		this.authorizations = authorizations;
		this.writes = writes;
	}

	@Override
	public void run() {
		writes.inOneCommand("Organisation groups", this::synchronize);
	}

	/**
	 * Runs in one engine command ({@link StartupWrites}): nothing here reads back what it
	 * adds; the queries ask for the groups and grants that were there before.
	 */
	private void synchronize() {
		List<ReviewGroup> wanted = new ArrayList<>(catalog.reviewGroups());
		wanted.add(new ReviewGroup(GroupNames.ADMINISTRATORS, "系统管理员", GroupType.SYSTEM));
		wanted.add(new ReviewGroup(GroupNames.ENTERPRISES, "企业用户", GroupType.ENTERPRISE));
		Set<String> existing = identity.createGroupQuery()
			.list()
			.stream()
			.map(Group::getId)
			.collect(Collectors.toSet());
		int created = 0;
		for (ReviewGroup group : wanted) {
			if (!existing.contains(group.id())) {
				createGroup(group);
				created++;
			}
		}
		grantAdministratorsEverything();
		grantTasklist(wanted.stream()
			.filter(g -> g.type() == GroupType.COUNTY || g.type() == GroupType.CITY || g.type() == GroupType.BANK)
			.map(ReviewGroup::id)
			.toList());
		LOG.info("Organisation groups in place: {} wanted, {} created", wanted.size(), created);
	}

	private void createGroup(ReviewGroup wanted) {
		Group group = identity.newGroup(wanted.id());
		group.setName(wanted.name());
		group.setType(wanted.type().name());
		identity.saveGroup(group);
	}

	private void grantAdministratorsEverything() {
		Set<Integer> granted = authorizations.createAuthorizationQuery()
			.groupIdIn(Groups.CAMUNDA_ADMIN)
			.list()
			.stream()
			.filter(a -> Authorization.ANY.equals(a.getResourceId()))
			.map(Authorization::getResourceType)
			.collect(Collectors.toSet());
		for (Resources resource : Resources.values()) {
			if (!granted.contains(resource.resourceType())) {
				grant(Groups.CAMUNDA_ADMIN, resource, Authorization.ANY, Permissions.ALL);
			}
		}
	}

	private void grantTasklist(List<String> groupIds) {
		Set<String> withTasklist = authorizations.createAuthorizationQuery()
			.resourceType(Resources.APPLICATION)
			.resourceId(TASKLIST)
			.list()
			.stream()
			.map(Authorization::getGroupId)
			.collect(Collectors.toSet());
		Set<String> withDefinitions = authorizations.createAuthorizationQuery()
			.resourceType(Resources.PROCESS_DEFINITION)
			.resourceId(Authorization.ANY)
			.list()
			.stream()
			.map(Authorization::getGroupId)
			.collect(Collectors.toSet());
		for (String groupId : groupIds) {
			if (!withTasklist.contains(groupId)) {
				grant(groupId, Resources.APPLICATION, TASKLIST, Permissions.ACCESS);
			}
			if (!withDefinitions.contains(groupId)) {
				// Tasklist shows the process diagram of a task; definitions hold no
				// applicant data.
				grant(groupId, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
			}
		}
	}

	private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
		Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(groupId);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		authorization.addPermission(permission);
		authorizations.saveAuthorization(authorization);
	}

}
