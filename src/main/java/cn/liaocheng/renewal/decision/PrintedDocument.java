package cn.liaocheng.renewal.decision;

import java.util.List;

/**
 * A document printed in the decisions' layout family (A4, GB/T 9704 margins, the same
 * Chinese font) that is not a decision and carries no signature: the submitted dossier of
 * an application. The caller fills it; the decision module only lays it out.
 *
 * @param heading the line above the title (the programme)
 * @param title the document's title (e.g. 奖补资金申请书)
 * @param number its number (申报编号), printed under the title and in the PDF's metadata
 * @param link where the QR code leads (the case page), printed under it
 * @param sections the content, in order
 * @param closing a last block set apart (the integrity declaration with who confirmed it
 * when), or {@code null}
 * @param footer a small line at the end (when and by whom it was printed)
 */
public record PrintedDocument(String heading, String title, String number, String link, List<Section> sections,
		Section closing, String footer) {

	/**
	 * A headed part: label–value facts, then paragraphs (each a line of a list, or a
	 * block of text).
	 */
	public record Section(String heading, List<Fact> facts, List<String> paragraphs) {
	}

	public record Fact(String label, String value) {
	}

}
