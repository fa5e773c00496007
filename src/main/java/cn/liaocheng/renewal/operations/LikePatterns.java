package cn.liaocheng.renewal.operations;

/**
 * What a search box's words become in a SQL {@code LIKE ... ESCAPE '\'}: the text found
 * anywhere, its own {@code %} and {@code _} matched as themselves, on both databases.
 */
public final class LikePatterns {

	private LikePatterns() {
	}

	/** The text with {@code \}, {@code %} and {@code _} escaped. */
	public static String escaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** A pattern that finds the text anywhere: {@code %text%}, escaped. */
	public static String containing(String text) {
		return "%" + escaped(text) + "%";
	}

}
