package cn.liaocheng.renewal.admin.internal;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What can be told about a JUEL expression without running it. */
final class Expressions {

	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");

	private static final Pattern FIRST_IDENTIFIER = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(\\.|\\(|})");

	private static final Pattern METHOD_CALL = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\.\\s*[A-Za-z_][A-Za-z0-9_]*\\s*\\(");

	/** Names the engine itself puts into every expression's scope; they are not Spring beans. */
	static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "externalTask", "caseExecution",
			"authenticatedUserId", "variableScope", "connector", "S", "JSON", "XML");

	private Expressions() {
	}

	static boolean isExpression(String value) {
		return value != null && EXPRESSION.matcher(value).find();
	}

	/**
	 * The identifier an expression starts with, e.g. {@code reviewRouting} in {@code ${reviewRouting.split(x)}};
	 * null for a function call such as {@code ${currentUser()}} or an expression starting otherwise.
	 */
	static String firstIdentifier(String expression) {
		Matcher m = FIRST_IDENTIFIER.matcher(expression);
		if (!m.find() || "(".equals(m.group(2))) {
			return null;
		}
		return m.group(1);
	}

	/** The object a method is called on when the expression is {@code ${name.method(...)}}, else null. */
	static String methodTarget(String expression) {
		Matcher m = METHOD_CALL.matcher(expression);
		return m.find() ? m.group(1) : null;
	}

	/**
	 * A pattern matching the values a group expression can take, e.g. {@code county-.+-industry} for
	 * {@code county-${divisionCode}-industry}; null when the expression has no fixed part to check.
	 */
	static Pattern groupPattern(String candidateGroup) {
		String[] fixed = EXPRESSION.split(candidateGroup, -1);
		StringBuilder regex = new StringBuilder();
		boolean anyFixed = false;
		for (int i = 0; i < fixed.length; i++) {
			if (i > 0) {
				regex.append(".+");
			}
			anyFixed |= !fixed[i].isBlank();
			regex.append(Pattern.quote(fixed[i]));
		}
		return anyFixed ? Pattern.compile(regex.toString()) : null;
	}

}
