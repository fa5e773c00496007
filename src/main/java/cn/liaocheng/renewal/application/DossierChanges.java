package cn.liaocheng.renewal.application;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import cn.liaocheng.renewal.application.Dossier.EquipmentLine;

/**
 * Which parts of a dossier an edit changed, named as the portal's form names them: what a
 * correction changed, so that the resubmission, the reviewers' history and the decision
 * can say it. Amounts compare by value (1.5 and 1.50 are the same amount).
 */
public final class DossierChanges {

	/** A compared part: its name in the form, and how to read it from a dossier. */
	private record Part(String label, Function<Dossier, Object> value) {
	}

	/** Attachments added or removed: named like the form's part. */
	public static final String ATTACHMENTS = "附件";

	private static final List<Part> PARTS = List.of(
			new Part("项目名称", d -> d instanceof ProjectDossier p ? p.projectName() : null),
			new Part("重点任务", d -> d instanceof ProjectDossier p ? p.policyTask() : null),
			new Part("建设地点", d -> d instanceof ProjectDossier p ? p.location() : null),
			new Part("建设期", d -> d instanceof ProjectDossier p
					? List.of(Objects.toString(p.constructionStart()), Objects.toString(p.constructionEnd())) : null),
			new Part("总投资", d -> d instanceof ProjectDossier p ? p.totalInvestment() : null),
			new Part("设备投资", d -> d instanceof ProjectDossier p ? p.equipmentInvestment() : null),
			new Part("要素需求",
					d -> d instanceof ProjectDossier p
							? List.of(p.needsNewLand(), p.needsEnergyUse(), p.needsEmissionQuota()) : null),
			new Part("预计新增产值", d -> d instanceof ProjectDossier p ? p.expectedOutputValue() : null),
			new Part("预计年节能量", d -> d instanceof ProjectDossier p ? p.expectedEnergySaving() : null),
			new Part("其他效益", d -> d instanceof ProjectDossier p ? p.otherBenefits() : null),
			new Part("所属入库项目", d -> d.registeredProject().orElse(null)),
			new Part("设备投用日期", d -> d instanceof SubsidyDossier s ? s.commissioningDate() : null),
			new Part("意向银行", d -> d instanceof LoanDossier l ? l.bankKeys() : null),
			new Part("贷款金额", d -> d instanceof LoanDossier l ? l.loanAmount() : null),
			new Part("贷款期限", d -> d instanceof LoanDossier l ? l.loanTermMonths() : null),
			new Part("贷款用途", d -> d instanceof LoanDossier l ? l.loanPurpose() : null),
			new Part("设备明细及发票", d -> d.equipmentLines().stream().map(DossierChanges::comparable).toList()));

	private DossierChanges() {
	}

	/**
	 * The parts that differ between two dossiers of one application, in the form's order.
	 */
	public static List<String> between(Dossier before, Dossier after) {
		List<String> changed = new ArrayList<>();
		for (Part part : PARTS) {
			if (!same(part.value().apply(before), part.value().apply(after))) {
				changed.add(part.label());
			}
		}
		return changed;
	}

	/**
	 * A fingerprint of each part of the dossier and of its attachments
	 * ({@code 项目名称=1a2b…;…;附件=…}), short enough to keep beside the application when a
	 * correction opens. It compares a digest of each part's text, in which free text with
	 * commas can make two equipment lists read alike: the dossier's parts are compared
	 * with {@link #between} against the dossier last submitted wherever one is recorded,
	 * and the fingerprint serves for the attachments (their ids, which nobody chooses).
	 */
	public static String fingerprint(Dossier dossier, Collection<?> attachments) {
		List<String> parts = new ArrayList<>();
		for (Part part : PARTS) {
			parts.add(part.label() + "=" + digest(plainDeep(part.value().apply(dossier))));
		}
		parts.add(attachmentsPart(attachments));
		return String.join(";", parts);
	}

	/**
	 * The parts, attachments last, that differ between {@code fingerprint} (taken when
	 * the correction opened) and the dossier and attachments now, in the form's order.
	 */
	public static List<String> since(String fingerprint, Dossier now, Collection<?> attachments) {
		Set<String> before = new LinkedHashSet<>(Arrays.asList(fingerprint.split(";")));
		List<String> changed = new ArrayList<>();
		for (String part : fingerprint(now, attachments).split(";")) {
			if (!before.contains(part)) {
				changed.add(part.substring(0, part.indexOf('=')));
			}
		}
		return changed;
	}

	/**
	 * Whether the attachments differ from those {@code fingerprint} (taken when the
	 * correction opened) holds.
	 */
	public static boolean attachmentsChangedSince(String fingerprint, Collection<?> attachments) {
		return !Arrays.asList(fingerprint.split(";")).contains(attachmentsPart(attachments));
	}

	private static String attachmentsPart(Collection<?> attachments) {
		return ATTACHMENTS + "=" + digest(attachments.stream().map(String::valueOf).sorted().toList());
	}

	/** The first 8 bytes of the value's SHA-256, in hex. */
	private static String digest(Object value) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Amounts as plain values at any depth, so that scale does not count. */
	private static Object plainDeep(Object value) {
		if (value instanceof List<?> list) {
			return list.stream().map(DossierChanges::plainDeep).toList();
		}
		return value instanceof BigDecimal n ? n.stripTrailingZeros().toPlainString() : value;
	}

	/**
	 * The parts named in {@code recorded} (as {@link #join} wrote them) together with
	 * {@code more}, each once, in the form's order, attachments last.
	 */
	public static String join(String recorded, List<String> more) {
		Set<String> named = new LinkedHashSet<>();
		if (recorded != null && !recorded.isBlank()) {
			named.addAll(Arrays.asList(recorded.split("、")));
		}
		named.addAll(more);
		List<String> order = new ArrayList<>(PARTS.stream().map(Part::label).toList());
		order.add(ATTACHMENTS);
		return String.join("、", order.stream().filter(named::contains).toList());
	}

	/**
	 * An equipment line with its amounts as plain values, so that scale does not count.
	 */
	private static List<Object> comparable(EquipmentLine l) {
		return Arrays.asList(l.name(), l.model(), l.quantity(), plain(l.unitPrice()), l.origin(), l.replacesEquipment(),
				l.replacedAgeYears(), l.efficiencyGrade(), l.invoiceNo(), l.invoiceDate(), plain(l.invoiceAmount()));
	}

	private static boolean same(Object a, Object b) {
		return Objects.equals(plain(a), plain(b));
	}

	private static Object plain(Object value) {
		return value instanceof BigDecimal n ? n.stripTrailingZeros() : value;
	}

}
