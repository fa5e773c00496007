package cn.liaocheng.renewal.endtoend;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The class path of an application started as a process of its own: its classes and the
 * production dependencies Maven listed in {@code target/runtime-classpath.txt} (compile
 * and runtime scope), as the packaged application has them; without that list (a test run
 * from an IDE), the test JVM's own class path, test libraries included.
 */
final class NodeClassPath {

	static final Path RUNTIME = Path.of("target", "runtime-classpath.txt");

	private NodeClassPath() {
	}

	/** The product's node: its classes and the production dependencies. */
	static String product() {
		return join(Path.of("target", "classes").toAbsolutePath().toString(), "test-classes");
	}

	/**
	 * The minimal Camunda application (a class of the tests): the test classes and the
	 * production dependencies, without the product's classes.
	 */
	static String minimal() {
		return join(Path.of("target", "test-classes").toAbsolutePath().toString(), "classes");
	}

	/**
	 * {@code own} and the dependencies; {@code otherDirectory} left out of the fallback.
	 */
	private static String join(String own, String otherDirectory) {
		if (!Files.isRegularFile(RUNTIME)) {
			return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
				.filter(entry -> !entry.endsWith(File.separator + otherDirectory)
						&& !entry.endsWith(File.separator + otherDirectory + File.separator))
				.collect(Collectors.joining(File.pathSeparator));
		}
		try {
			List<String> entries = new ArrayList<>();
			entries.add(own);
			Arrays.stream(Files.readString(RUNTIME).trim().split(File.pathSeparator))
				.filter(entry -> !entry.isBlank())
				.forEach(entries::add);
			return String.join(File.pathSeparator, entries);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
