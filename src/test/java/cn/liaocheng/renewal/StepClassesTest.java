package cn.liaocheng.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.support.SourceFiles;

/**
 * The classes the models' steps name (Camunda's {@code JavaDelegate},
 * {@code TaskListener} and {@code ExecutionListener}) only translate between the engine
 * and the services of their module: they read the case and the task, call a service, and
 * write its answer back onto the engine. A sentence a person reads (a reminder, a
 * case-history line, a refusal) is a rule of the service, found by folder name and tested
 * without an engine; written into a delegate or a listener, it fails here, named with its
 * file.
 */
class StepClassesTest {

	private static final Path SOURCES = Path.of("src", "main", "java");

	/**
	 * A class that implements one of the engine's step types, or makes beans of them
	 * ({@code @Bean TaskListener name(…)}).
	 */
	private static final Pattern STEP_CLASS = Pattern
		.compile("\\bimplements\\s[^{]*\\b(?:JavaDelegate|TaskListener|ExecutionListener)\\b"
				+ "|\\b(?:JavaDelegate|TaskListener|ExecutionListener)\\s+\\w+\\s*\\(");

	private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

	private static final Pattern LINE_COMMENT = Pattern.compile("(?m)^\\s*//.*$");

	private static final Pattern CHINESE_LITERAL = Pattern
		.compile("\"(?:[^\"\\\\\\n]|\\\\.)*[\\u4e00-\\u9fff\\u3000-\\u303f\\uff00-\\uffef](?:[^\"\\\\\\n]|\\\\.)*\"");

	@Test
	void aDelegateOrListenerOfTheModelsHoldsNoTextAPersonReads() {
		Map<String, List<String>> textsByFile = new TreeMap<>();
		for (Path file : SourceFiles.java(SOURCES)) {
			String source = SourceFiles.read(file);
			if (!STEP_CLASS.matcher(source).find() || !source.contains("import org.camunda.bpm.engine.delegate.")) {
				continue;
			}
			String code = LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(source).replaceAll("")).replaceAll("");
			Matcher m = CHINESE_LITERAL.matcher(code);
			textsByFile.put(SOURCES.relativize(file).toString(), m.results().map(MatchResult::group).toList());
		}

		assertThat(textsByFile.keySet()).as("the models' delegates and listeners found")
			.map(path -> Path.of(path).getFileName().toString())
			.contains("ReviewTaskListener.java", "OverdueTaskListener.java", "StartAftercareDelegate.java",
					"RecordOpinionListener.java", "IssueDecisionDelegate.java", "ClawbackTaskListeners.java")
			.hasSizeGreaterThan(20);
		assertThat(textsByFile).allSatisfy((file, texts) -> assertThat(texts)
			.as("Chinese text in %s: a rule of its module's service, not of the step", file)
			.isEmpty());
	}

}
