package cn.liaocheng.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.liaocheng.renewal.support.SourceFiles;

/**
 * A {@code //} comment reads as sentences: the formatter wraps a line comment that grows
 * past the line's width but never joins the pieces again, so after a few edits a comment
 * is broken into lines of one or two words ("// the" / "// body" / "// of the task …"). A
 * line of a comment that ends early, where the next line's first word would still have
 * fit with room to spare and no sentence ended, is such a piece: join the comment's lines
 * again (the formatter then wraps it once).
 */
class CommentLinesTest {

	/** The formatter's line width, a tab counted as 4 columns. */
	private static final int WIDTH = 90;

	/**
	 * How much room may be left at the end of a line before it counts as broken early.
	 */
	private static final int SLACK = 12;

	private static final Pattern LINE_COMMENT = Pattern.compile("^(\\s*)// (.*)$");

	@Test
	void noLineCommentIsBrokenBeforeItsLineIsFull() {
		List<String> broken = new ArrayList<>();
		for (Path root : List.of(Path.of("src", "main", "java"), Path.of("src", "test", "java"))) {
			for (Path file : SourceFiles.java(root)) {
				broken.addAll(brokenLines(file.toString(), SourceFiles.read(file)));
			}
		}
		assertThat(broken).as("comment lines ended before the next word would have filled them").isEmpty();
	}

	@Test
	void aCommentTheFormatterBrokeIsFoundAndOneWrittenOutIsNot() {
		String brokenByTheFormatter = "class A {\n\tvoid a() {\n\t\t// An opinion recorded before membership was kept with it was recorded for the\n\t\t// body\n\t\t// of the task it completed.\n\t}\n}\n";
		String wellWrapped = "class A {\n\tvoid a() {\n\t\t// An opinion recorded before membership was kept with it was recorded for the\n\t\t// body of the task it completed. Short sentences may end a line early.\n\t\t// - and lists keep their lines.\n\t}\n}\n";
		assertThat(brokenLines("A.java", brokenByTheFormatter)).containsExactly("A.java:4");
		assertThat(brokenLines("A.java", wellWrapped)).isEmpty();
	}

	static List<String> brokenLines(String name, String source) {
		String[] lines = source.split("\n", -1);
		List<String> broken = new ArrayList<>();
		for (int k = 0; k + 1 < lines.length; k++) {
			Matcher line = LINE_COMMENT.matcher(lines[k]);
			Matcher next = LINE_COMMENT.matcher(lines[k + 1]);
			if (!line.matches() || !next.matches() || !line.group(1).equals(next.group(1))) {
				continue;
			}
			String text = line.group(2).strip();
			String[] nextWords = next.group(2).strip().split("\\s+");
			boolean sentenceEnds = text.isEmpty() || ".:;)]。：；".indexOf(text.charAt(text.length() - 1)) >= 0;
			boolean listItem = next.group(2).startsWith("-") || next.group(2).startsWith("*");
			if (!sentenceEnds && !listItem && !nextWords[0].isEmpty()
					&& columns(lines[k] + " " + nextWords[0]) <= WIDTH - SLACK) {
				broken.add(name + ":" + (k + 1));
			}
		}
		return broken;
	}

	private static int columns(String line) {
		return line.replace("\t", "    ").length();
	}

}
