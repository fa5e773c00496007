package cn.liaocheng.renewal.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The project's own code as the structure tests read it: the Java files of a source tree
 * as text, and the application's compiled classes for ArchUnit's rules.
 */
public final class SourceFiles {

	private SourceFiles() {
	}

	/** Every {@code .java} file below {@code root}. */
	public static List<Path> java(Path root) {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(f -> f.toString().endsWith(".java")).toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The application's classes, tests left out. A rule looks at the application's own
	 * classes and at the names of what they depend on; the libraries' classes need not be
	 * read from the class path (which took most of a rule test's time, and finds the same
	 * dependencies).
	 */
	public static JavaClasses applicationClasses() {
		return ArchConfiguration.withThreadLocalScope(configuration -> {
			configuration.setResolveMissingDependenciesFromClassPath(false);
			return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("cn.liaocheng.renewal");
		});
	}

}
