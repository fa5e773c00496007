package cn.liaocheng.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.support.SourceFiles;

/**
 * A process variable or a table's input is named in one place: the class that owns it
 * writes its name once, as a constant of the model's class ({@code ReviewProcesses},
 * {@code AftercareModel}, {@code ClawbackModel}) or as a literal in the one class that
 * sets or reads it. So a name written out in a call ({@code getVariable("…")},
 * {@code setVariableLocal("…")}, {@code putValue("…")}, a start's
 * {@code variables.put("…")}) may appear in one source file only, and never spell a name
 * that a model class already holds as a constant: a renamed field would otherwise leave a
 * second spelling behind, read as null.
 */
class VariableNamesTest {

	private static final Path SOURCES = Path.of("src", "main", "java");

	private static final Pattern LITERAL_NAME = Pattern.compile(
			"(?:(?:get|set|has|remove)Variable(?:Local|Typed)?|putValue|variables\\.put)\\(\"([A-Za-z_][A-Za-z0-9_]*)\"");

	private static final Pattern ELEMENT_ID = Pattern.compile(
			"\"((?:Task|Gateway|Event|Timer|Message|Error|Flow|TaskListener|Activity|SubProcess)_[A-Za-z0-9_]+)\"");

	private static final Pattern CONSTANT = Pattern
		.compile("static final String [A-Z_0-9]+ = \"([A-Za-z_][A-Za-z0-9_]*)\";");

	private static final List<String> MODEL_CLASSES = List.of("review/ReviewProcesses.java",
			"aftercare/internal/AftercareModel.java", "clawback/internal/ClawbackModel.java");

	@Test
	void aNameWrittenOutInACallHasOneOwnerAndIsNoModelConstant() {
		Map<String, Set<String>> filesByName = new TreeMap<>();
		for (Path file : SourceFiles.java(SOURCES)) {
			Matcher m = LITERAL_NAME.matcher(SourceFiles.read(file));
			while (m.find()) {
				filesByName.computeIfAbsent(m.group(1), name -> new TreeSet<>())
					.add(SOURCES.relativize(file).toString());
			}
		}
		Set<String> constants = new TreeSet<>();
		for (String model : MODEL_CLASSES) {
			Matcher m = CONSTANT.matcher(SourceFiles.read(SOURCES.resolve("cn/liaocheng/renewal").resolve(model)));
			while (m.find()) {
				constants.add(m.group(1));
			}
		}

		assertThat(filesByName).as("the names the calls write out").isNotEmpty();
		assertThat(constants).as("the model classes' names").contains("decision", "opinion", "paymentDate");
		assertThat(filesByName).allSatisfy((name, files) -> {
			assertThat(files).as("files writing \"%s\" out", name).hasSize(1);
			assertThat(constants).as("\"%s\" is a model constant; use it", name).doesNotContain(name);
		});
	}

	/**
	 * A model's element id (a task, gateway, event, timer or listener id) is written out
	 * in one source file, its model class's: the others use its constant. The frozen Java
	 * migrations ({@code db/migration}) keep the ids they were written with.
	 */
	@Test
	void anElementIdIsWrittenOutInOneFile() {
		Map<String, Set<String>> filesById = new TreeMap<>();
		for (Path file : SourceFiles.java(SOURCES)) {
			String relative = SOURCES.relativize(file).toString();
			if (relative.startsWith("db" + File.separator + "migration")) {
				continue;
			}
			Matcher m = ELEMENT_ID.matcher(SourceFiles.read(file));
			while (m.find()) {
				filesById.computeIfAbsent(m.group(1), id -> new TreeSet<>()).add(relative);
			}
		}
		assertThat(filesById).as("the element ids written out")
			.containsKeys("Task_RecordPayment", "Task_DetermineClawback");
		assertThat(filesById)
			.allSatisfy((id, files) -> assertThat(files).as("files writing \"%s\" out", id).hasSize(1));
	}

}
