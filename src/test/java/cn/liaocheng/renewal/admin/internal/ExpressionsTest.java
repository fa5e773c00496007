package cn.liaocheng.renewal.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The vocabulary check read from the parsed expression: today's models pass, other
 * spellings of reach do not.
 */
class ExpressionsTest {

	private static final Pattern QUOTED = Pattern.compile("\"([^\"]*[$#]\\{[^\"]*)\"|>([^<]*[$#]\\{[^<]*)<");

	/** Every expression of the shipped models, as attribute values and element texts. */
	static Stream<String> shippedExpressions() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
			return files.filter(f -> f.toString().endsWith(".bpmn"))
				.flatMap(ExpressionsTest::expressions)
				.toList()
				.stream();
		}
	}

	private static Stream<String> expressions(Path file) {
		try {
			Matcher m = QUOTED.matcher(Files.readString(file));
			Stream.Builder<String> found = Stream.builder();
			while (m.find()) {
				found.add(m.group(1) != null ? m.group(1) : m.group(2));
			}
			return found.build();
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@ParameterizedTest
	@MethodSource("shippedExpressions")
	void theShippedModelsStayWithinTheVocabulary(String expression) {
		assertThat(Expressions.outsideVocabulary(expression)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "${''.getClass()}", "${''.class}", "${execution . processEngine}",
			"${execution['processBusinessKey']}", "#{reviewRouting.split(reviewBodies).getClass()}",
			"${reviewRouting.split(execution.processEngine)}", "county-${divisionCode}-${dataSource}",
			"${currentUser()}", "${x:currentUser()}", "${reviewDecision == task.name}", "${(execution).processEngine}",
			"${reviewRouting.decisions}", "${applicationId}", "${'a' += 'b'}" })
	void otherNamesMembersFunctionsAndSubscriptsAreOutside(String expression) {
		assertThat(Expressions.outsideVocabulary(expression)).as(expression).isPresent();
	}

}
