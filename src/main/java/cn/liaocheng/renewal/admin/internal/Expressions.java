package cn.liaocheng.renewal.admin.internal;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

import cn.liaocheng.renewal.review.ModelVocabulary;

/** What can be told about a JUEL expression without running it. */
final class Expressions {

	/**
	 * The engine's parser, with the features the engine enables (method calls, varargs).
	 */
	private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

	private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");

	private Expressions() {
	}

	static boolean isExpression(String value) {
		return value != null && EXPRESSION.matcher(value).find();
	}

	/**
	 * The first place where an expression (or a text with expressions in it, such as
	 * {@code county-${divisionCode}}) leaves the models' vocabulary: a name that is
	 * neither one of its beans nor one of its variables, a member other than its few, a
	 * function, a subscript; empty when it stays within. Read from the parsed expression,
	 * as the engine will read it, so no spelling slips past.
	 */
	static Optional<Offence> outsideVocabulary(String text) {
		try {
			return Optional.ofNullable(offence(PARSER.build(text).getRoot()));
		}
		catch (TreeBuilderException e) {
			return Optional.of(new Offence("无法解析（" + e.getMessage() + "）", null));
		}
	}

	/**
	 * Why an expression is outside the vocabulary; {@code unknownName} is set when it is
	 * a bare name.
	 */
	record Offence(String reason, String unknownName) {
	}

	private static Offence offence(Node node) {
		if (node instanceof AstIdentifier identifier) {
			String name = identifier.getName();
			return ModelVocabulary.BEANS.contains(name) || ModelVocabulary.VARIABLES.contains(name) ? null
					: new Offence("使用了允许范围以外的名称 “" + name + "”", name);
		}
		if (node instanceof AstFunction function) {
			return new Offence("调用了函数 “" + function.getName() + "()”", null);
		}
		if (node instanceof AstBracket) {
			return new Offence("使用了下标访问（[...]）", null);
		}
		if (node instanceof AstDot dot) {
			String member = dot.toString().substring(2); // JUEL writes a dot node as ".
															// member"
			Node prefix = dot.getChild(0);
			if (prefix instanceof AstIdentifier identifier) {
				return ModelVocabulary.MEMBERS.contains(identifier.getName() + "." + member) ? null
						: new Offence("访问了允许范围以外的成员 “" + identifier.getName() + "." + member + "”", null);
			}
			Offence inner = offence(prefix); // the first step of a chain is the one to
												// name
			return inner != null ? inner : new Offence("访问了允许范围以外的成员 “…." + member + "”", null);
		}
		for (int i = 0; i < node.getCardinality(); i++) {
			Offence offence = offence(node.getChild(i));
			if (offence != null) {
				return offence;
			}
		}
		return null;
	}

	/**
	 * The beans of the vocabulary an expression names, e.g. {@code reviewRouting}; parse
	 * errors name none.
	 */
	static Set<String> beansNamed(String text) {
		Set<String> beans = new TreeSet<>();
		try {
			collectBeans(PARSER.build(text).getRoot(), beans);
		}
		catch (TreeBuilderException e) {
			// outsideVocabulary reports it
		}
		return beans;
	}

	private static void collectBeans(Node node, Set<String> beans) {
		if (node instanceof AstIdentifier identifier && ModelVocabulary.BEANS.contains(identifier.getName())) {
			beans.add(identifier.getName());
		}
		for (int i = 0; i < node.getCardinality(); i++) {
			collectBeans(node.getChild(i), beans);
		}
	}

	/**
	 * A pattern matching the values a group expression can take, e.g.
	 * {@code county-.+-industry} for {@code county-${divisionCode}-industry}; null when
	 * the expression has no fixed part to check.
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
