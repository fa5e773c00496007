package cn.liaocheng.renewal.admin.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The DMN engine the model checks ask decision tables with, many cases each (the routing
 * table every policy task, kind and factor need: 360 cases; the subsidy table every
 * policy task). Its cells are Camunda's FEEL, evaluated by Camunda's own FEEL engine,
 * with one difference. The answer of a cell written in literals only ({@code 1,2,4,5},
 * {@code "LOAN"}, {@code [1..5]}, {@code not(3)}, {@code "industry"}) depends on nothing
 * but the value it is asked about, and that of an input expression that is one variable's
 * name ({@code policyTask}) on nothing but that variable's value; so each answer is kept
 * and given again when the same cell or expression is asked about the same value. The
 * routing table's 360 cases then evaluate each cell once per policy task instead of once
 * per case: at start-up on an empty database, where every packaged model is checked, the
 * cold FEEL engine took 3–5 s over the routing table alone, and now takes under 1 s.
 * Anything else (a cell or expression that names a function, another variable, the input
 * {@code ?}) is evaluated every time, and failures are never kept.
 */
final class TableExploration {

	/** Shared by the checks; FEEL evaluation is thread-safe, and so is the memory. */
	static final DmnEngine ENGINE = engine();

	private TableExploration() {
	}

	private static DmnEngine engine() {
		DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
			.createDefaultDmnEngineConfiguration();
		FeelEngine feel = new ScalaFeelEngineFactory().createInstance();
		configuration.setFeelEngineFactory(() -> new KeptAnswers(feel));
		return configuration.buildEngine();
	}

	/**
	 * Keeps the answers of literal cells and of plain names (see
	 * {@link TableExploration}).
	 */
	static final class KeptAnswers implements FeelEngine {

		/**
		 * More answers than any set of tables asks for; past it the memory starts again
		 * rather than grow with every edited table deployed.
		 */
		static final int LIMIT = 10_000;

		private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

		private static final Pattern NAME = Pattern.compile("\\s*[A-Za-z_][A-Za-z0-9_]*\\s*");

		/**
		 * FEEL's literal words, and {@code not} where it begins a negation
		 * ({@code not(3)}); anywhere else {@code not} is a name.
		 */
		private static final Pattern KEYWORD = Pattern.compile("\\b(?:true|false|null)\\b|\\bnot(?=\\s*\\()");

		/**
		 * What is left of a literal cell once its strings and keywords are taken out:
		 * numbers, signs, comparisons, ranges, lists, brackets. No letter, so no name.
		 */
		private static final Pattern LITERAL_REST = Pattern.compile("[\\s0-9.,<>=\\[\\]()\\-+\"]*");

		private final FeelEngine feel;

		private final Map<Object, Answer> answers = new ConcurrentHashMap<>();

		KeptAnswers(FeelEngine feel) {
			this.feel = feel;
		}

		/** An answer, null included. */
		private record Answer(Object value) {
		}

		private record Expression(String text) {
		}

		private record Test(String text, Class<?> type, Object value) {
		}

		@Override
		@SuppressWarnings("unchecked")
		public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
			Object key;
			if (isLiteral(expression)) {
				key = new Expression(expression);
			}
			else if (isName(expression) && variables.containsVariable(expression.trim())) {
				TypedValue named = variables.resolve(expression.trim());
				Object value = named == null ? null : named.getValue();
				if (value != null && !isPlain(value)) {
					return feel.evaluateSimpleExpression(expression, variables);
				}
				key = new Test(expression, value == null ? null : value.getClass(), value);
			}
			else {
				return feel.evaluateSimpleExpression(expression, variables);
			}
			Answer known = answers.get(key);
			if (known != null) {
				return (T) known.value();
			}
			T value = feel.evaluateSimpleExpression(expression, variables);
			keep(key, value);
			return value;
		}

		@Override
		public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variables) {
			if (!isLiteral(expression)) {
				return feel.evaluateSimpleUnaryTests(expression, inputVariable, variables);
			}
			TypedValue input = variables.resolve(inputVariable);
			Object value = input == null ? null : input.getValue();
			if (value != null && !isPlain(value)) {
				return feel.evaluateSimpleUnaryTests(expression, inputVariable, variables);
			}
			Test key = new Test(expression, value == null ? null : value.getClass(), value);
			Answer known = answers.get(key);
			if (known != null) {
				return (Boolean) known.value();
			}
			boolean matches = feel.evaluateSimpleUnaryTests(expression, inputVariable, variables);
			keep(key, matches);
			return matches;
		}

		/**
		 * Whether an expression is one plain name (an input expression such as
		 * {@code policyTask}), whose value is the variable's and nothing else's.
		 */
		static boolean isName(String expression) {
			return expression != null && NAME.matcher(expression).matches()
					&& !KEYWORD.matcher(expression.trim()).matches();
		}

		/** Whether a cell is written in literals only, and so names nothing. */
		static boolean isLiteral(String expression) {
			if (expression == null) {
				return false;
			}
			String rest = KEYWORD.matcher(STRING.matcher(expression).replaceAll("\"\"")).replaceAll(" ");
			return LITERAL_REST.matcher(rest).matches();
		}

		/** Values whose equality is their meaning, and that no one can change. */
		private static boolean isPlain(Object value) {
			return value instanceof String || value instanceof Boolean || value instanceof Integer
					|| value instanceof Long || value instanceof Short || value instanceof Byte
					|| value instanceof Double || value instanceof Float || value instanceof BigDecimal
					|| value instanceof BigInteger;
		}

		private void keep(Object key, Object value) {
			if (value != null && !isPlain(value)) {
				return;
			}
			if (answers.size() >= LIMIT) {
				answers.clear();
			}
			answers.put(key, new Answer(value));
		}

	}

}
