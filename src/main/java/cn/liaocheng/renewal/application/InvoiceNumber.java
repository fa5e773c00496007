package cn.liaocheng.renewal.application;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which invoice a claim names. A 数电发票 (fully digitalised e-invoice) is identified by its
 * 20-digit number alone; an earlier VAT invoice (paper or electronic) only by its 10- or
 * 12-digit invoice code together with its 8-digit number, since every code restarts its
 * numbers, so two real invoices can share the number. An invoice is written as the
 * 20-digit number or as "发票代码-发票号码" (3700221130-12345678); spaces and the usual dashes
 * between the two are read as the hyphen.
 */
public final class InvoiceNumber {

	private static final Pattern DIGITAL = Pattern.compile("\\d{20}");

	private static final Pattern CODED = Pattern.compile("(\\d{10}|\\d{12})-(\\d{8})");

	private static final Pattern NUMBER_ONLY = Pattern.compile("\\d{8}");

	private InvoiceNumber() {
	}

	/**
	 * The invoice as stored and compared: the 20 digits, or code-hyphen-number; the input
	 * stripped, with a space or dash between code and number read as the hyphen.
	 */
	public static String normalised(String input) {
		String text = input == null ? "" : input.strip();
		return text.replaceAll("\\s*[\\s\\-－—–‐]\\s*", "-");
	}

	/** What is wrong with a normalised invoice number, in Chinese; empty when nothing. */
	public static Optional<String> problem(String normalised) {
		if (DIGITAL.matcher(normalised).matches() || CODED.matcher(normalised).matches()) {
			return Optional.empty();
		}
		if (NUMBER_ONLY.matcher(normalised).matches()) {
			return Optional.of("8 位发票号码须连同发票代码填写，格式为“发票代码-发票号码”，如 3700221130-" + normalised + "（数电发票直接填写 20 位号码）");
		}
		return Optional.of("发票号码应为 20 位数电发票号码，或“发票代码-发票号码”（10 位或 12 位发票代码、8 位发票号码，如 3700221130-12345678）");
	}

	/**
	 * The 8-digit number of a coded invoice, as claims recorded before codes were asked
	 * for name it; empty for a 数电发票.
	 */
	public static Optional<String> numberWithoutCode(String normalised) {
		Matcher coded = CODED.matcher(normalised);
		return coded.matches() ? Optional.of(coded.group(2)) : Optional.empty();
	}

}
