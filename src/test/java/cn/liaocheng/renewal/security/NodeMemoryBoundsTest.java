package cn.liaocheng.renewal.security;

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
 * A node runs with {@code -Xmx384m -XX:+ExitOnOutOfMemoryError} (Dockerfile, compose
 * files, pom): any request that makes it allocate past its heap ends the node. Each case
 * runs the product's own code for one request in a child JVM with exactly those flags and
 * expects it to survive: exit code 3 with "Terminating due to java.lang.OutOfMemoryError"
 * is a node killed by one small file. Files past the bounds are refused with their
 * message; large files within them are read subsampled, which only a heap this small
 * shows. Some 30 to 75 seconds on two cores, mostly the children starting and making
 * their files.
 */
class NodeMemoryBoundsTest {

	private static final List<String> NODE_FLAGS = List.of("-Xmx384m", "-XX:MaxMetaspaceSize=160m", "-Xss512k",
			"-XX:+ExitOnOutOfMemoryError");

	/**
	 * Heap the child keeps for what a node holds besides the request (its engine, caches,
	 * sessions: a node's heap was seen at 316 MB committed under load, see
	 * docs/performance.md), so a request is judged by what it may take beside them.
	 */
	private static final String NODE_DATA = "-Drenewal.probe.node-data-mb=128";

	/** The harness itself: a normal PDF is previewed and the child exits normally. */
	@Test
	void aNormalPdfPreviewSurvives() throws Exception {
		Outcome outcome = run("cn.liaocheng.renewal.document.PreviewMemoryProbe", "plain-pdf");
		assertThat(outcome.output()).contains("preview bytes", "survived");
		assertThat(outcome.exit()).isZero();
	}

	/** The harness itself: a small PDF sent to the public check is read and answered. */
	@Test
	void aSmallPdfSentToThePublicCheckSurvives() throws Exception {
		Outcome outcome = run("cn.liaocheng.renewal.decision.internal.VerificationMemoryProbe", "1000");
		assertThat(outcome.output()).contains("code=Optional[ABCDEFGHJK]", "tooLarge=false", "survived");
		assertThat(outcome.exit()).isZero();
	}

	/**
	 * POST /verify, open to anyone: a 1 MB PDF whose information dictionary sits in an
	 * object stream inflating to 1 GB, which PDFBox decodes whole into memory whatever
	 * its memory setting. It is counted, not kept, and found past the check's bound.
	 */
	@Test
	void aOneMegabytePdfSentToThePublicCheckDoesNotEndTheNode() throws Exception {
		Outcome outcome = run("cn.liaocheng.renewal.decision.internal.VerificationMemoryProbe", "1000000000");
		assertThat(outcome.output()).doesNotContain("OutOfMemoryError").contains("tooLarge=true", "survived");
		assertThat(outcome.exit()).isZero();
	}

	/**
	 * An enterprise (also one registered a minute ago and not yet activated: it may keep
	 * five drafts with attachments) previews its own PNG: 6000 × 6600 pixels, but at 16
	 * bits per sample they decode to 317 MB, past the bound on decoded bytes.
	 */
	@Test
	void previewingA300KilobytePngDoesNotEndTheNode() throws Exception {
		Outcome outcome = run("cn.liaocheng.renewal.document.PreviewMemoryProbe", "png16");
		assertThat(outcome.output()).doesNotContain("OutOfMemoryError").contains("refused: 图片过大", "survived");
		assertThat(outcome.exit()).isZero();
	}

	/**
	 * An 8-bit RGBA picture of 8000 × 8000 pixels, 256 MB decoded, just within the bound:
	 * read whole it would not fit beside anything else; read subsampled it is previewed.
	 */
	@Test
	void aLargePngWithinTheBoundIsPreviewedSubsampled() throws Exception {
		Outcome outcome = run("cn.liaocheng.renewal.document.PreviewMemoryProbe", "png", "8000", "8000", "8", "6");
		assertThat(outcome.output()).doesNotContain("OutOfMemoryError").contains("preview bytes", "survived");
		assertThat(outcome.exit()).isZero();
	}

	/**
	 * A JPEG claiming 12000 × 12000 pixels (144 MB decoded) drawn far larger than the
	 * page: PDFBox's own subsampling follows the scale on the page, so it would decode
	 * the image whole; it is read subsampled and the page previewed.
	 */
	@Test
	void aLargeJpegDrawnLargeOnAPdfPageIsPreviewedSubsampled() throws Exception {
		Outcome outcome = run("cn.liaocheng.renewal.document.PreviewMemoryProbe", "jpeg-in-pdf", "12000", "20000");
		assertThat(outcome.output()).doesNotContain("OutOfMemoryError").contains("preview bytes", "survived");
		assertThat(outcome.exit()).isZero();
	}

	/**
	 * A 1.3 kB PDF page drawing a JPEG that claims 20000 × 20000 pixels (400 MB decoded),
	 * which PDFBox would decode at full size: refused by the size it declares.
	 */
	@Test
	void previewingAOneKilobytePdfDoesNotEndTheNode() throws Exception {
		Outcome outcome = run("cn.liaocheng.renewal.document.PreviewMemoryProbe", "jpeg-in-pdf", "20000");
		assertThat(outcome.output()).doesNotContain("OutOfMemoryError").contains("refused: ", "过大", "survived");
		assertThat(outcome.exit()).isZero();
	}

	/**
	 * A 60 kB PDF whose page content is 60 MB of "0.5 ": within the bound on decoded
	 * bytes, but PDFBox would hold each number as an object until an operator comes.
	 */
	@Test
	void previewingAPageOfNumbersWithoutOperatorsDoesNotEndTheNode() throws Exception {
		Outcome outcome = run("cn.liaocheng.renewal.document.PreviewMemoryProbe", "operands", "60000000");
		assertThat(outcome.output()).doesNotContain("OutOfMemoryError").contains("refused: ", "过大", "survived");
		assertThat(outcome.exit()).isZero();
	}

	private record Outcome(int exit, String output) {
	}

	private static Outcome run(String probe, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(NODE_FLAGS);
		command.add(NODE_DATA);
		command.add("-cp");
		command.add(classPath());
		command.add(probe);
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		byte[] output = process.getInputStream().readAllBytes();
		assertThat(process.waitFor(180, TimeUnit.SECONDS)).isTrue();
		String text = new String(output, StandardCharsets.UTF_8);
		System.out.println(String.join(" ", args) + " -> exit " + process.exitValue() + "\n" + text);
		return new Outcome(process.exitValue(), text);
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
