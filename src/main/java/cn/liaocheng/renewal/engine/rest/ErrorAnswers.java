package cn.liaocheng.renewal.engine.rest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.liaocheng.renewal.engine.ConcurrentChanges;

/**
 * What a caller of Camunda's REST API (either root) is told about a failure: a conflict
 * is a 409 in Chinese, a message the product wrote for users keeps its words, anything
 * else is a 500 with a generic message and the request id, the exception itself going
 * only to the log. Texts of the engine, the database or the JVM never reach a body: they
 * name tables, constraints, keys and classes.
 */
final class ErrorAnswers {

	static final String CONFLICT = ConcurrentChanges.TASK_DONE_BY_ANOTHER;

	private static final Logger LOG = LoggerFactory.getLogger(ErrorAnswers.class);

	private static final String AUTHORIZATION = "AuthorizationException";

	/**
	 * Signs of a database or engine text: SQL, MyBatis' ### blocks, SQL states,
	 * constraints, engine message codes. The texts judged often quote what a caller sent
	 * (a message name, a sort field), so every sign is found by a search whose time is in
	 * proportion to the text: a pattern such as {@code .*select\s.+\sfrom.*} took some 25
	 * s of a core for a quoted "select select …" of 100,000 characters, and hours for one
	 * of 2 MB.
	 */
	private static final Pattern DATABASE_OR_ENGINE = Pattern
		.compile("(?i)insert\\s+into|delete\\s+from|constraint|###|sqlstate|engine-\\d");

	/**
	 * SQL whose two words stand apart ({@code select … from}, {@code update … set}): the
	 * first word's first occurrence, then the second word anywhere after it.
	 */
	private static final Pattern[][] SQL_PAIRS = { { Pattern.compile("(?i)select\\s"), Pattern.compile("(?i)\\sfrom") },
			{ Pattern.compile("(?i)update\\s"), Pattern.compile("(?i)\\sset") } };

	/** Signs of a JVM text: exception and package names, stack frames. */
	private static final Pattern JVM = Pattern
		.compile("(?i)exception|error:|java\\.|javax\\.|jakarta\\.|org\\.|com\\.|\\bat\\s+[a-z_$][\\w$]*\\.");

	private static final Pattern CHINESE = Pattern.compile(".*\\p{IsHan}.*", Pattern.DOTALL);

	/** Someone else claimed the task first. */
	static final String CLAIMED = "该任务已由他人认领，请刷新后查看";

	/**
	 * Refusals the engine words in English and Camunda's REST API answers with 500,
	 * though the caller asked for something not allowed: the beginning of the engine's
	 * text, and what the caller is told.
	 */
	private static final Map<String, Answer> ENGINE_REFUSALS = Map.of(
			"The task cannot be deleted because is part of a running",
			Answer.of(403, "Forbidden", "该任务属于正在办理的申报，不能删除；请在任务中办理（通过、退回或不予通过）", null), "Cannot find task with id",
			Answer.of(404, "NotFound", "该任务不存在或已办理完毕，请刷新任务列表", null), "No job found with id",
			Answer.of(404, "NotFound", "该作业不存在或已执行完毕，请刷新后查看", null),
			"No subscriptions were found during evaluation of the conditional start events",
			Answer.of(404, "NotFound", "没有可按条件启动的流程", null));

	/** A failure as answered: status and body (type, message, request id). */
	record Answer(int status, Map<String, Object> body) {

		static Answer of(int status, String type, String message, String requestId) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("type", type);
			body.put("message", message);
			if (requestId != null) {
				body.put("requestId", requestId);
			}
			return new Answer(status, body);
		}

	}

	private ErrorAnswers() {
	}

	/**
	 * The answer to {@code failure}, which Camunda would have answered with
	 * {@code status} and {@code message}; a {@code null} failure (not known) is answered
	 * by the status alone. Null when Camunda's answer stands: a refusal whose text is fit
	 * to show (its details, such as a rejected deployment's problems, are kept).
	 */
	static Answer answer(Throwable failure, int status, String type, String message, String requestId) {
		// The text is the sign when the exception that carried it did not reach the
		// filter (a conflict found after the engine's command failed, reported by
		// Camunda's REST resource with the conflict's message).
		if (failure != null && isConflict(failure) || message != null && message.contains(CONFLICT)) {
			LOG.info("Conflicting change refused with 409: {}", failure == null ? logged(message) : oneLine(failure));
			return Answer.of(409, "Conflict", CONFLICT, requestId);
		}
		if (failure != null && isClaimedByAnother(failure)) {
			LOG.info("Claim refused with 409: {}", oneLine(failure));
			return Answer.of(409, "Conflict", CLAIMED, requestId);
		}
		Answer engineRefusal = engineRefusal(failure != null ? failure.getMessage() : null);
		if (engineRefusal == null) {
			engineRefusal = engineRefusal(message);
		}
		if (engineRefusal != null) {
			return Answer.of(engineRefusal.status(), (String) engineRefusal.body().get("type"),
					(String) engineRefusal.body().get("message"), requestId);
		}
		AuthorizationException missing = status >= 500 ? missingPermission(failure) : null;
		if (missing != null) {
			// Some REST resources (a decision table's XML, a deployment's resources) wrap
			// the refusal in their own exception, which Camunda answers with 500.
			LOG.info("Missing permission refused with 403: {}", oneLine(failure));
			return Answer.of(403, AUTHORIZATION, publicMessage(AUTHORIZATION, missing.getMessage()), requestId);
		}
		String forUsers = failure == null ? null : messageForUsers(failure);
		if (status < 500) {
			if (message != null && !isInternal(message)) {
				// Camunda's own English words over the product's Chinese reason (a REST
				// resource that wraps every refusal, such as a task's comments): the
				// reason is what the user can act on.
				if (forUsers != null && !CHINESE.matcher(message).matches()) {
					return Answer.of(status, "InvalidRequest", forUsers, requestId);
				}
				return null;
			}
			return Answer.of(status, "InvalidRequest", forUsers != null ? forUsers : "请求内容有误，请检查后重试", requestId);
		}
		if (forUsers != null) {
			return Answer.of(400, "InvalidRequest", forUsers, requestId);
		}
		LOG.error("Request failed; answered with a generic message", failure);
		return Answer.of(500, "ServerError", "系统内部错误，请稍后重试；如仍有问题，请将请求编号 " + requestId + " 告知管理员", requestId);
	}

	/**
	 * The {@code type} shown with a refusal whose message stands. Camunda names its
	 * exception class there; the webapps look for {@code AuthorizationException} to
	 * explain a missing permission, so that one name is kept and every other becomes a
	 * plain kind of refusal.
	 */
	static String publicType(String camundaType, int status) {
		if (AUTHORIZATION.equals(camundaType)) {
			return camundaType;
		}
		return switch (status) {
			case 401, 403 -> "Forbidden";
			case 404 -> "NotFound";
			case 409 -> "Conflict";
			default -> "InvalidRequest";
		};
	}

	/**
	 * The {@code message} shown with a refusal whose message stands: a missing permission
	 * is said in Chinese (the permissions and resources it lacks stay in Camunda's
	 * structured {@code missingAuthorizations}, which Cockpit and Admin show); Camunda's
	 * English sentence repeated user, permission and resource ids as prose. A refusal the
	 * product wrote in Chinese (claim the task first, hand a delegated task back) says
	 * what to do, and stands.
	 */
	static String publicMessage(String camundaType, String message) {
		if (!AUTHORIZATION.equals(camundaType)) {
			return message == null ? null : REST_PREFIX.matcher(message).replaceFirst("");
		}
		return message != null && CHINESE.matcher(message).matches() && !isInternal(message)
				? REST_PREFIX.matcher(message).replaceFirst("") : NOT_PERMITTED;
	}

	/**
	 * What Camunda's REST resources put before the engine's message ("Cannot submit task
	 * form 4f1c…: "), dropped when the message after it is the product's Chinese text.
	 */
	private static final Pattern REST_PREFIX = Pattern.compile("^Cannot [A-Za-z ]+ [\\w-]+: (?=.*\\p{IsHan})",
			Pattern.DOTALL);

	static final String NOT_PERMITTED = "您没有执行此操作的权限；如确需办理，请联系系统管理员。";

	/** Another request changed the same thing first ({@link ConcurrentChanges}). */
	static boolean isConflict(Throwable failure) {
		return ConcurrentChanges.isConflict(failure);
	}

	/**
	 * An engine refusal Camunda would answer with 500, by the engine's text; null for any
	 * other text.
	 */
	private static Answer engineRefusal(String message) {
		if (message == null) {
			return null;
		}
		for (Map.Entry<String, Answer> refusal : ENGINE_REFUSALS.entrySet()) {
			if (message.contains(refusal.getKey())) {
				return refusal.getValue();
			}
		}
		return null;
	}

	/** The engine's refusal for want of a permission in the failure's chain, if any. */
	private static AuthorizationException missingPermission(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof AuthorizationException refused) {
				return refused;
			}
		}
		return null;
	}

	private static boolean isClaimedByAnother(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof TaskAlreadyClaimedException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a failed engine command is an expected refusal, the caller's doing: a
	 * conflict with someone else's change, a task claimed by another, a message the
	 * product wrote for users (a form refused in Chinese) or an engine refusal answered
	 * with 4xx. Those are logged as one line, not as an error with a stack.
	 */
	static boolean isRefusal(Throwable failure) {
		return isConflict(failure) || isClaimedByAnother(failure) || messageForUsers(failure) != null
				|| engineRefusal(failure.getMessage()) != null;
	}

	/**
	 * The failure in one line for the log: its type and message, and those of its root
	 * cause.
	 */
	static String oneLine(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String line = failure.getClass().getSimpleName() + ": " + logged(failure.getMessage());
		if (root != failure) {
			line += " (cause " + root.getClass().getSimpleName() + ": " + logged(root.getMessage()) + ")";
		}
		return line.replaceAll("\\s+", " ");
	}

	/** Characters of one message a log line keeps. */
	private static final int LOGGED = 1_000;

	/**
	 * A message as the log keeps it: refusals quote what the caller sent, up to a body's
	 * 2 MB, which would otherwise fill the node's log by the megabyte.
	 */
	static String logged(String message) {
		if (message == null || message.length() <= LOGGED) {
			return message;
		}
		return message.substring(0, LOGGED) + "…（共 " + message.length() + " 字）";
	}

	/**
	 * The deepest message in the chain the product wrote for users: an engine exception's
	 * Chinese, plain text.
	 */
	static String messageForUsers(Throwable failure) {
		String found = null;
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			String message = t.getMessage();
			if (t instanceof ProcessEngineException && message != null && CHINESE.matcher(message).matches()
					&& !isInternal(message)) {
				found = message;
			}
		}
		return found;
	}

	/**
	 * Whether a text is not fit for a user. A message the product wrote in Chinese may
	 * quote what the user entered (a rejected model's expression naming
	 * {@code java.lang.Runtime}), so only database and engine signs count there.
	 */
	static boolean isInternal(String message) {
		return DATABASE_OR_ENGINE.matcher(message).find() || hasSqlPair(message)
				|| !CHINESE.matcher(message).matches() && JVM.matcher(message).find();
	}

	/**
	 * Whether the first word of a pair is followed, after at least one more character, by
	 * the second ({@code select\s.+\sfrom}, judged in two linear searches).
	 */
	private static boolean hasSqlPair(String message) {
		for (Pattern[] pair : SQL_PAIRS) {
			Matcher first = pair[0].matcher(message);
			if (first.find() && first.end() < message.length() && pair[1].matcher(message).find(first.end() + 1)) {
				return true;
			}
		}
		return false;
	}

}
