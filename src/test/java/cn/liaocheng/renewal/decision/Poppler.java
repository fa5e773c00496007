package cn.liaocheng.renewal.decision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * poppler-utils (pdfsig, pdffonts, pdftoppm), as CI installs them, and where the sample
 * decisions go.
 */
final class Poppler {

	static final Path SAMPLES = Path.of("target", "decisions");

	private Poppler() {
	}

	static Path save(String name, byte[] pdf) throws IOException {
		Files.createDirectories(SAMPLES);
		return Files.write(SAMPLES.resolve(name + ".pdf"), pdf);
	}

	static String run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException(String.join(" ", command) + " did not finish");
		}
		return output;
	}

}
