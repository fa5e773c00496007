package cn.liaocheng.renewal.security.internal;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cmd.DeleteAuthorizationCmd;
import org.camunda.bpm.engine.impl.cmd.SaveAuthorizationCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.util.ResourceTypeUtil;

import cn.liaocheng.renewal.audit.AuditTrail;

/**
 * Writes every authorization a person creates, changes or deletes to the audit trail,
 * with what it granted before and after, whatever the door (Camunda Admin, either REST
 * root, the application's own pages). An authorization decides who reads and works which
 * cases as surely as a membership does ({@link IdentityAudit}): a grant on every task to
 * one reviewer, used and deleted again, would otherwise leave only the engine's operation
 * log, which administrators can delete and history cleanup removes.
 *
 * <p>
 * The engine's own grants (a task's candidate group, its assignee) are not made by these
 * commands and are not written; nor is the product's start-up work, which nobody signed
 * in does ({@link IdentityAudit#SYSTEM}). The entry is written in the change's
 * transaction, after the change was allowed, so only a change that commits leaves one.
 */
final class AuthorizationAudit extends CommandInterceptor {

	static final String CREATED = "AUTHORIZATION_CREATED";

	static final String UPDATED = "AUTHORIZATION_UPDATED";

	static final String DELETED = "AUTHORIZATION_DELETED";

	private static final Field SAVED = field(SaveAuthorizationCmd.class, "authorization");

	private static final Field DELETED_ID = field(DeleteAuthorizationCmd.class, "authorizationId");

	private final Supplier<AuditTrail> audit;

	AuthorizationAudit(Supplier<AuditTrail> audit) {
		this.audit = audit;
	}

	@Override
	public <T> T execute(Command<T> command) {
		if (!(command instanceof SaveAuthorizationCmd) && !(command instanceof DeleteAuthorizationCmd)) {
			return next.execute(command);
		}
		String actor = IdentityAudit.actor();
		if (IdentityAudit.SYSTEM.equals(actor)) {
			return next.execute(command);
		}
		CommandContext context = Context.getCommandContext();
		if (command instanceof SaveAuthorizationCmd) {
			AuthorizationEntity saved = (AuthorizationEntity) read(SAVED, command);
			String before = saved.getId() == null ? null : described(stored(context, saved.getId()));
			T result = next.execute(command);
			audit.get()
				.record(actor, before == null ? CREATED : UPDATED, "authorization:" + saved.getId(),
						before == null ? described(saved) : before + " -> " + described(saved));
			return result;
		}
		String id = (String) read(DELETED_ID, command);
		String before = described(stored(context, id));
		T result = next.execute(command);
		audit.get().record(actor, DELETED, "authorization:" + id, before);
		return result;
	}

	private static AuthorizationEntity stored(CommandContext context, String id) {
		return id == null ? null : context.getDbEntityManager().selectById(AuthorizationEntity.class, id);
	}

	/**
	 * {@code GRANT group:county-371521-industry Task * READ,UPDATE}: its type, whom it is
	 * for, the resource and its id, and the permissions it holds.
	 */
	static String described(AuthorizationEntity authorization) {
		if (authorization == null) {
			return "(none)";
		}
		String type = switch (authorization.getAuthorizationType()) {
			case Authorization.AUTH_TYPE_GLOBAL -> "GLOBAL";
			case Authorization.AUTH_TYPE_REVOKE -> "REVOKE";
			default -> "GRANT";
		};
		String whom = authorization.getUserId() != null ? IdentityAudit.user(authorization.getUserId())
				: authorization.getGroupId() == null ? "everyone" : IdentityAudit.group(authorization.getGroupId());
		Integer resourceType = authorization.getResourceType();
		String resource = resourceType == null ? "?"
				: Arrays.stream(Resources.values())
					.filter(r -> r.resourceType() == resourceType)
					.map(Resources::resourceName)
					.findFirst()
					.orElse(String.valueOf(resourceType));
		Permission[] all = resourceType == null ? new Permission[0]
				: ResourceTypeUtil.getPermissionsByResourceType(resourceType);
		// NONE (0) is in every set. A grant holding every bit is ALL; a revocation counts
		// ALL as revoked once any bit is, so it is ALL only when every bit is revoked.
		Permission[] held = authorization.getPermissions(all);
		boolean every = authorization.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE
				? authorization.getPermissions() == 0
				: Arrays.stream(held).anyMatch(p -> p.getValue() == Permissions.ALL.getValue());
		String permissions = every ? "ALL"
				: Arrays.stream(held)
					.filter(p -> p.getValue() != 0 && p.getValue() != Permissions.ALL.getValue())
					.map(Permission::getName)
					.collect(Collectors.joining(","));
		return type + " " + whom + " " + resource + " " + authorization.getResourceId() + " "
				+ (permissions.isEmpty() ? "NONE" : permissions);
	}

	private static Field field(Class<?> type, String name) {
		try {
			Field field = type.getDeclaredField(name);
			field.setAccessible(true);
			return field;
		}
		catch (NoSuchFieldException e) {
			throw new IllegalStateException("Camunda's " + type.getSimpleName() + " has no field " + name, e);
		}
	}

	private static Object read(Field field, Object command) {
		try {
			return field.get(command);
		}
		catch (IllegalAccessException e) {
			throw new IllegalStateException(e);
		}
	}

}
