package cn.liaocheng.renewal.document;

/**
 * Sentences as the system's decisions, notices and messages write them.
 */
public final class Sentences {

	private Sentences() {
	}

	/**
	 * {@code text} stripped and closed with a full stop (。) unless it already ends with
	 * one (。！？ or their Western forms); empty for {@code null} or blank text, which gains
	 * no stop.
	 */
	public static String ended(String text) {
		String t = text == null ? "" : text.strip();
		return t.isEmpty() || "。！？.!?".indexOf(t.charAt(t.length() - 1)) >= 0 ? t : t + "。";
	}

}
