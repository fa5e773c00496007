package cn.liaocheng.renewal.security;

import java.util.Optional;

/**
 * The one rule for free text a person types (names, opinions, objections, file names): printable characters only.
 * Control characters hide text, unpaired surrogates break documents and bidirectional controls (U+202E and kin)
 * reverse what a public notice or a signed decision appears to say, so all three are refused rather than stored.
 * Line breaks and tabs are allowed where a field is multi-line.
 */
public final class PlainText {

	private PlainText() {
	}

	/** The Chinese reason why {@code text} cannot be stored, or empty when it is acceptable (null is acceptable). */
	public static Optional<String> problem(String text, boolean multiLine) {
		if (text == null) {
			return Optional.empty();
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return Optional.of("含有无法识别的字符（不完整的编码），请删除后重新输入");
			}
			if (Character.isLowSurrogate(c)) {
				return Optional.of("含有无法识别的字符（不完整的编码），请删除后重新输入");
			}
			if (isBidiControl(c)) {
				return Optional.of("含有改变文字方向的控制字符，请删除后重新输入");
			}
			if (multiLine && (c == '\n' || c == '\r' || c == '\t')) {
				continue;
			}
			if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\uFEFF' || c == '\u200B') {
				return Optional.of("含有不可见的控制字符，请删除后重新输入");
			}
		}
		return Optional.empty();
	}

	/** Whether {@code text} is acceptable (see {@link #problem}). */
	public static boolean isClean(String text, boolean multiLine) {
		return problem(text, multiLine).isEmpty();
	}

	private static boolean isBidiControl(char c) {
		return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
				|| c == '\u061C';
	}

}
