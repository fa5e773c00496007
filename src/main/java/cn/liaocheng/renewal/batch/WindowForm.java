package cn.liaocheng.renewal.batch;

/**
 * A window as the bureau enters it, every field as typed: {@code year} (e.g. 2027),
 * {@code kind} (PROJECT, SUBSIDY or LOAN), opening and closing times in Beijing time
 * ({@code 2027-03-01T09:00}, or with an offset {@code 2027-03-01T09:00:00+08:00}), the
 * notice's title and text, and its 文号 (optional).
 */
public record WindowForm(String year, String kind, String opensAt, String closesAt, String noticeTitle,
		String noticeText, String documentNo) {

	public static WindowForm of(ApplicationWindow w) {
		return new WindowForm(Integer.toString(w.year()), w.kind().name(), w.opensInput(), w.closesInput(),
				w.noticeTitle(), w.noticeText(), w.documentNo());
	}

	public static WindowForm empty() {
		return new WindowForm(null, null, null, null, null, null, null);
	}

}
