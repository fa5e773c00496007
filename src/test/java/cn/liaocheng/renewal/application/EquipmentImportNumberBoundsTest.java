package cn.liaocheng.renewal.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Security review proof: an enterprise's equipment import ends a node, or holds a core
 * for minutes, with a file of a few kilobytes whose 数量 cells hold a number written with a
 * large exponent. The sheet reader writes a numeric cell's stored value out in full
 * ({@code SheetHandler.number}: {@code stripTrailingZeros().toPlainString()}), and the
 * cell reading turns an integer column's text into a {@code BigInteger} and back to
 * decimal digits ({@code EquipmentCells.integer}:
 * {@code toBigIntegerExact().toString()}), both before any rule looks at the value. Each
 * case runs {@link EquipmentImport#read} in a child JVM with the production flags
 * ({@code -Xmx384m -XX:+ExitOnOutOfMemoryError}, 128 MB held as node data, as in
 * {@code NodeMemoryBoundsTest}) and expects what a fixed reader does: the cell refused in
 * a moment, the node alive. Both fail on the reviewed code.
 */
class EquipmentImportNumberBoundsTest {

	private static final List<String> NODE_FLAGS = List.of("-Xmx384m", "-XX:MaxMetaspaceSize=160m", "-Xss512k",
			"-XX:+ExitOnOutOfMemoryError", "-Drenewal.probe.node-data-mb=128");

	/** The harness: an ordinary quantity is read and the child exits normally. */
	@Test
	void anOrdinaryQuantityIsRead() throws Exception {
		Outcome outcome = run(60, "xlsx", "2", "1");
		assertThat(outcome.finished()).isTrue();
		assertThat(outcome.output()).contains("read lines 1", "survived");
	}

	/**
	 * One .xlsx of about 4 KB, 数量 stored as {@code <v>1E300000000</v>}: the reader builds
	 * a string of 300 million digits and the node terminates (exit 3, "Terminating due to
	 * java.lang.OutOfMemoryError").
	 */
	@Test
	void aQuantityWithAHugeExponentInAnXlsxDoesNotEndTheNode() throws Exception {
		Outcome outcome = run(120, "xlsx", "1E300000000", "1");
		assertThat(outcome.output()).doesNotContain("OutOfMemoryError").contains("survived");
		assertThat(outcome.exit()).isZero();
	}

	/**
	 * An .xlsx of 180 KB whose styles part holds a million empty cell formats (5 MB
	 * inflated, within the reader's 16 MB bound and above POI's 1 % ratio): POI reads the
	 * styles part whole into XMLBeans objects ({@code XSSFReader.getStylesTable()}), some
	 * hundreds of bytes per element, and the node terminates. The bound on inflated bytes
	 * does not bound the objects they become.
	 */
	@Test
	void aStylesPartOfAMillionFormatsDoesNotEndTheNode() throws Exception {
		Outcome outcome = run(120, "styles", "1000000", "1");
		assertThat(outcome.output()).doesNotContain("OutOfMemoryError").contains("survived");
		assertThat(outcome.exit()).isZero();
	}

	/**
	 * A CSV of three lines (under 1 KB), 数量 "1e20000000": each cell costs about half a
	 * minute of one core turning 10^20000000 into its 20 million digits (the same through
	 * an .xlsx text cell, and in 旧设备已用年限 and 能效等级). A file of 200 lines with three such
	 * cells each holds a core for hours; two such requests hold both cores of a node. A
	 * fixed reader refuses the cells at once. The child is given 30 seconds.
	 */
	@Test
	void quantitiesWithLargeExponentsInACsvAreRefusedAtOnce() throws Exception {
		Outcome outcome = run(30, "csv", "1e20000000", "3");
		assertThat(outcome.finished()).as("the import finished within 30 seconds").isTrue();
		assertThat(outcome.output()).contains("survived");
	}

	private record Outcome(boolean finished, int exit, String output) {
	}

	private static Outcome run(int seconds, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(NODE_FLAGS);
		command.add("-cp");
		command.add(classPath());
		command.add(EquipmentImportNumberProbe.class.getName());
		command.addAll(List.of(args));
		Path log = Files.createTempFile("equipment-import-probe", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
		if (!finished) {
			process.destroyForcibly();
			process.waitFor(10, TimeUnit.SECONDS);
		}
		String text = Files.readString(log, StandardCharsets.UTF_8);
		Files.deleteIfExists(log);
		int exit = finished ? process.exitValue() : -1;
		System.out.println(
				String.join(" ", args) + " -> " + (finished ? "exit " + exit : "still running, killed") + "\n" + text);
		return new Outcome(finished, exit, text);
	}

	private static String classPath() throws IOException {
		List<String> entries = new ArrayList<>();
		entries.add(Path.of("target", "classes").toAbsolutePath().toString());
		entries.add(Path.of("target", "test-classes").toAbsolutePath().toString());
		Path runtime = Path.of("target", "runtime-classpath.txt");
		if (Files.isRegularFile(runtime)) {
			entries.add(Files.readString(runtime).trim());
		}
		else {
			entries.add(System.getProperty("java.class.path"));
		}
		return String.join(File.pathSeparator, entries);
	}

}
