package cn.liaocheng.renewal.security;

import java.util.Optional;

/**
 * The one rule for free text a person types (names, opinions, objections, file names):
 * printable characters only. Control characters hide text, unpaired surrogates break
 * documents and bidirectional controls (U+202E and kin) reverse what a public notice or a
 * signed decision appears to say, so all three are refused rather than stored. Line
 * breaks and tabs are allowed where a field is multi-line.
 */
public final class PlainText {

	private PlainText() {
	}

	/**
	 * The Chinese reason why {@code text} cannot be stored, or empty when it is
	 * acceptable (null is acceptable).
	 */
	public static Optional<String> problem(String text, boolean multiLine) {
		if (text == null) {
			return Optional.empty();
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			int codePoint = c;
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					codePoint = Character.toCodePoint(c, text.charAt(++i));
				}
				else {
					return Optional.of("含有无法识别的字符（不完整的编码），请删除后重新输入");
				}
			}
			else if (Character.isLowSurrogate(c)) {
				return Optional.of("含有无法识别的字符（不完整的编码），请删除后重新输入");
			}
			if (isBidiControl(codePoint)) {
				return Optional.of("含有改变文字方向的控制字符，请删除后重新输入");
			}
			if (multiLine && (c == '\n' || c == '\r' || c == '\t')) {
				continue;
			}
			if (isInvisible(codePoint)) {
				return Optional.of("含有不可见的控制字符，请删除后重新输入");
			}
		}
		return Optional.empty();
	}

	/** Whether {@code text} is acceptable (see {@link #problem}). */
	public static boolean isClean(String text, boolean multiLine) {
		return problem(text, multiLine).isEmpty();
	}

	private static boolean isBidiControl(int c) {
		return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F
				|| c == 0x061C;
	}

	/**
	 * Control characters, line and paragraph separators, and format characters (soft
	 * hyphen, zero-width space, word joiner, tag characters…), except the zero-width
	 * joiner and non-joiner that emoji sequences and some scripts need.
	 */
	private static boolean isInvisible(int c) {
		return Character.isISOControl(c) || c == 0x2028 || c == 0x2029
				|| (Character.getType(c) == Character.FORMAT && c != 0x200C && c != 0x200D);
	}

}
