package cn.liaocheng.renewal.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import cn.liaocheng.renewal.application.Dossier.EquipmentLine;
import cn.liaocheng.renewal.application.Dossier.Origin;
import cn.liaocheng.renewal.enterprise.FieldProblem;
import cn.liaocheng.renewal.operations.TypedLineBreaks;
import cn.liaocheng.renewal.security.PlainText;

/**
 * Reads a dossier as typed and says, field by field and in Chinese, what is wrong. A
 * draft may leave fields empty but may not hold malformed values; a submission must be
 * complete. No framework here: the rules are plain Java.
 */
public final class DossierValidator {

	/** A draft is checked for form; a submission for completeness too. */
	public enum Mode {

		DRAFT, SUBMISSION

	}

	static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

	private final ApplicationKind kind;

	private final Mode mode;

	/**
	 * Practice under the national loan mechanism: an enterprise names up to three
	 * intended banks.
	 */
	static final int MAX_BANKS = 3;

	private final Set<String> activeBanks;

	private final LocalDate today;

	private final List<FieldProblem> problems = new ArrayList<>();

	public DossierValidator(ApplicationKind kind, Mode mode, Set<String> activeBanks, LocalDate today) {
		this.kind = kind;
		this.mode = mode;
		this.activeBanks = activeBanks;
		this.today = today;
	}

	/**
	 * The typed dossier of the validator's kind, or {@link DossierInvalidException}
	 * listing every problem.
	 */
	public Dossier validate(DossierForm f) {
		problems.clear();
		Dossier dossier = switch (kind) {
			case PROJECT -> project(f);
			case SUBSIDY -> subsidy(f);
			case LOAN -> loan(f);
		};
		if (!problems.isEmpty()) {
			throw new DossierInvalidException(problems);
		}
		return dossier;
	}

	private ProjectDossier project(DossierForm f) {
		String projectName = text("projectName", "项目名称", f.getProjectName(), 128, true);
		Integer policyTask = integer("policyTask", "重点任务", f.getPolicyTask(), 1, 15, true);
		String location = text("location", "建设地点", f.getLocation(), 200, true);
		LocalDate start = date("constructionStart", "建设开始日期", f.getConstructionStart(), true);
		LocalDate end = date("constructionEnd", "建设完成日期", f.getConstructionEnd(), true);
		checkConstruction(start, end);
		BigDecimal total = money("totalInvestment", "总投资", f.getTotalInvestment(), true);
		BigDecimal equipmentInvestment = money("equipmentInvestment", "设备投资", f.getEquipmentInvestment(), true);
		checkInvestment(total, equipmentInvestment);
		BigDecimal output = money("expectedOutputValue", "预计新增产值", f.getExpectedOutputValue(), false);
		BigDecimal saving = number("expectedEnergySaving", "预计年节能量", f.getExpectedEnergySaving());
		String benefits = text("otherBenefits", "其他效益", f.getOtherBenefits(), 1000, false, true);
		List<EquipmentLine> equipment = equipment(f.getEquipment());
		checkEquipmentSum(equipmentInvestment, equipment);
		return new ProjectDossier(projectName, policyTask, location, start, end, total, equipmentInvestment,
				Boolean.TRUE.equals(f.getNeedsNewLand()), Boolean.TRUE.equals(f.getNeedsEnergyUse()),
				Boolean.TRUE.equals(f.getNeedsEmissionQuota()), output, saving, benefits, equipment);
	}

	private SubsidyDossier subsidy(DossierForm f) {
		Long projectId = reference("projectId", f.getProjectId());
		LocalDate commissioning = date("commissioningDate", "设备投用日期", f.getCommissioningDate(), true);
		checkCommissioning(commissioning);
		return new SubsidyDossier(projectId, commissioning, equipment(f.getEquipment()));
	}

	private LoanDossier loan(DossierForm f) {
		Long projectId = reference("projectId", f.getProjectId());
		List<String> banks = banks(f.getBankKeys());
		BigDecimal loanAmount = money("loanAmount", "贷款金额", f.getLoanAmount(), true);
		Integer term = integer("loanTermMonths", "贷款期限（月）", f.getLoanTermMonths(), 1, 120, true);
		String purpose = text("loanPurpose", "贷款用途", f.getLoanPurpose(), 500, true, true);
		return new LoanDossier(projectId, banks, loanAmount, term, purpose);
	}

	/**
	 * What a saved dossier still lacks before it may be submitted, read from its typed
	 * values: the fields its kind requires, the rules between fields, and the banks,
	 * which may have left the directory since the draft was saved. Formats need no second
	 * look: nothing malformed is ever saved. In the order {@link #validate} names them.
	 */
	public List<FieldProblem> submissionProblems(Dossier d) {
		problems.clear();
		if (d instanceof ProjectDossier p) {
			require("projectName", "项目名称", p.projectName());
			require("policyTask", "重点任务", p.policyTask());
			require("location", "建设地点", p.location());
			require("constructionStart", "建设开始日期", p.constructionStart());
			require("constructionEnd", "建设完成日期", p.constructionEnd());
			checkConstruction(p.constructionStart(), p.constructionEnd());
			require("totalInvestment", "总投资", p.totalInvestment());
			require("equipmentInvestment", "设备投资", p.equipmentInvestment());
			checkInvestment(p.totalInvestment(), p.equipmentInvestment());
			requireEquipment(p.equipment());
			checkEquipmentSum(p.equipmentInvestment(), p.equipment());
		}
		else if (d instanceof SubsidyDossier s) {
			require("projectId", "所属入库项目", s.projectId());
			require("commissioningDate", "设备投用日期", s.commissioningDate());
			checkCommissioning(s.commissioningDate());
			requireEquipment(s.equipment());
			// Saved before invoices were named by code and number: such a line must name
			// its code before it is submitted, or it could not be told from another
			// invoice.
			for (int i = 0; i < s.equipment().size(); i++) {
				String invoiceNo = s.equipment().get(i).invoiceNo();
				if (invoiceNo != null) {
					int line = i;
					InvoiceNumber.problem(invoiceNo)
						.ifPresent(message -> problem("equipment[" + line + "].invoiceNo", message));
				}
			}
		}
		else if (d instanceof LoanDossier l) {
			require("projectId", "所属入库项目", l.projectId());
			if (l.bankKeys().isEmpty()) {
				require("bankKeys", "意向银行", null);
			}
			else {
				banks(l.bankKeys());
			}
			require("loanAmount", "贷款金额", l.loanAmount());
			require("loanTermMonths", "贷款期限（月）", l.loanTermMonths());
			require("loanPurpose", "贷款用途", l.loanPurpose());
		}
		return List.copyOf(problems);
	}

	private void requireEquipment(List<EquipmentLine> equipment) {
		if (equipment.isEmpty()) {
			noEquipment();
		}
	}

	private void require(String field, String label, Object value) {
		if (value == null) {
			problem(field, "请填写" + label);
		}
	}

	private void checkConstruction(LocalDate start, LocalDate end) {
		if (start != null && end != null && end.isBefore(start)) {
			problem("constructionEnd", "建设完成日期不能早于开始日期");
		}
	}

	private void checkInvestment(BigDecimal total, BigDecimal equipmentInvestment) {
		if (total != null && equipmentInvestment != null && equipmentInvestment.compareTo(total) > 0) {
			problem("equipmentInvestment", "设备投资不能超过总投资");
		}
	}

	private void checkCommissioning(LocalDate commissioning) {
		if (commissioning != null && commissioning.isAfter(today)) {
			problem("commissioningDate", "设备投用日期不能晚于今天");
		}
	}

	private void checkEquipmentSum(BigDecimal equipmentInvestment, List<EquipmentLine> equipment) {
		if (equipmentInvestment != null && !equipment.isEmpty()) {
			BigDecimal sum = equipment.stream().map(EquipmentLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
			if (sum.compareTo(equipmentInvestment) > 0) {
				problem("equipmentInvestment", "设备明细合计 " + Money.yuan(sum) + " 元，超过所填设备投资");
			}
		}
	}

	private void noEquipment() {
		problem("equipment", kind == ApplicationKind.SUBSIDY ? "请至少填写一条已购设备及其发票" : "请至少填写一条设备明细");
	}

	private List<EquipmentLine> equipment(List<EquipmentLineForm> lines) {
		List<EquipmentLine> result = new ArrayList<>();
		List<EquipmentLineForm> given = lines == null ? List.of() : lines;
		for (int i = 0; i < given.size(); i++) {
			EquipmentLineForm line = given.get(i);
			if (line == null || line.isBlank()) {
				continue;
			}
			EquipmentLine parsed = equipmentLine("equipment[" + i + "].", line);
			if (parsed != null) {
				result.add(parsed);
			}
		}
		if (result.isEmpty() && mode == Mode.SUBMISSION
				&& problems.stream().noneMatch(p -> p.field().startsWith("equipment["))) {
			noEquipment();
		}
		if (result.size() > 200) {
			problem("equipment", "设备明细最多 200 条");
		}
		return result;
	}

	/**
	 * A line that is not blank must be complete, draft or not: its columns are the
	 * table's.
	 */
	private EquipmentLine equipmentLine(String p, EquipmentLineForm line) {
		int before = problems.size();
		String name = required(p + "name", "设备名称", () -> text(p + "name", "设备名称", line.getName(), 128, false));
		String model = required(p + "model", "规格型号", () -> text(p + "model", "规格型号", line.getModel(), 128, false));
		Integer quantity = required(p + "quantity", "数量",
				() -> integer(p + "quantity", "数量", line.getQuantity(), 1, 100000, false));
		BigDecimal price = required(p + "unitPrice", "单价",
				() -> money(p + "unitPrice", "单价", line.getUnitPrice(), false));
		Origin origin = origin(p + "origin", line.getOrigin());
		String replaces = text(p + "replacesEquipment", "替换的旧设备", line.getReplacesEquipment(), 128, false);
		Integer age = integer(p + "replacedAgeYears", "旧设备已使用年限", line.getReplacedAgeYears(), 0, 100, false);
		if (replaces != null && age == null && !has(p + "replacedAgeYears")) {
			problem(p + "replacedAgeYears", "填写了替换的旧设备时，请填写其已使用年限");
		}
		Integer grade = integer(p + "efficiencyGrade", "能效等级", line.getEfficiencyGrade(), 1, 5, false);
		String invoiceNo = null;
		LocalDate invoiceDate = null;
		BigDecimal invoiceAmount = null;
		if (kind == ApplicationKind.SUBSIDY) {
			String written = required(p + "invoiceNo", "发票号码",
					() -> text(p + "invoiceNo", "发票号码", InvoiceNumber.normalised(line.getInvoiceNo()), 64, false));
			if (written != null) {
				InvoiceNumber.problem(written).ifPresent(message -> problem(p + "invoiceNo", message));
				invoiceNo = written;
			}
			invoiceDate = required(p + "invoiceDate", "开票日期",
					() -> date(p + "invoiceDate", "开票日期", line.getInvoiceDate(), false));
			if (invoiceDate != null && invoiceDate.isAfter(today)) {
				problem(p + "invoiceDate", "开票日期不能晚于今天");
			}
			invoiceAmount = required(p + "invoiceAmount", "发票金额",
					() -> money(p + "invoiceAmount", "发票金额", line.getInvoiceAmount(), false));
		}
		if (problems.size() > before) {
			return null;
		}
		return new EquipmentLine(name, model, quantity, price, origin, replaces, age, grade, invoiceNo, invoiceDate,
				invoiceAmount);
	}

	private <T> T required(String field, String label, Supplier<T> read) {
		int before = problems.size();
		T value = read.get();
		if (value == null && problems.size() == before) {
			problem(field, "请填写" + label);
		}
		return value;
	}

	private Origin origin(String field, String value) {
		if (value == null || value.isBlank()) {
			problem(field, "请选择国产或进口");
			return null;
		}
		try {
			return Origin.valueOf(value.strip());
		}
		catch (IllegalArgumentException e) {
			problem(field, "请选择国产或进口");
			return null;
		}
	}

	/**
	 * Free text: line breaks only where the portal offers a multi-line box, and never
	 * hidden characters.
	 */
	private String text(String field, String label, String value, int max, boolean requiredOnSubmission) {
		return text(field, label, value, max, requiredOnSubmission, false);
	}

	private String text(String field, String label, String value, int max, boolean requiredOnSubmission,
			boolean multiLine) {
		// A line break counts once, whichever door sent it (a form post's CR LF, an API
		// client's): as the portal's maxlength counted it.
		String v = value == null ? null : (multiLine ? TypedLineBreaks.lf(value) : value).strip();
		if (v == null || v.isEmpty()) {
			missing(field, label, requiredOnSubmission);
			return null;
		}
		if (v.length() > max) {
			problem(field, label + "不能超过 " + max + " 个字（当前 " + v.length() + " 个）");
			return null;
		}
		Optional<String> hidden = PlainText.problem(v, multiLine);
		if (hidden.isPresent()) {
			problem(field, label + hidden.get());
			return null;
		}
		return v;
	}

	private Integer integer(String field, String label, String value, int min, int max, boolean requiredOnSubmission) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty()) {
			missing(field, label, requiredOnSubmission);
			return null;
		}
		try {
			int n = Integer.parseInt(v);
			if (n < min || n > max) {
				problem(field, label + "应在 " + min + " 到 " + max + " 之间");
				return null;
			}
			return n;
		}
		catch (NumberFormatException e) {
			problem(field, label + "应为整数");
			return null;
		}
	}

	/** An amount in yuan: exact, positive, at most two decimals. */
	private BigDecimal money(String field, String label, String value, boolean requiredOnSubmission) {
		String v = value == null ? "" : value.strip().replace(",", "").replace("，", "");
		if (v.isEmpty()) {
			missing(field, label, requiredOnSubmission);
			return null;
		}
		try {
			BigDecimal amount = new BigDecimal(v);
			if (amount.signum() <= 0) {
				problem(field, label + "应大于 0");
				return null;
			}
			if (amount.scale() > 2) {
				problem(field, label + "以元为单位，最多保留两位小数");
				return null;
			}
			if (amount.compareTo(MAX_AMOUNT) > 0) {
				problem(field, label + "超出可填写的范围");
				return null;
			}
			return amount.setScale(2);
		}
		catch (NumberFormatException e) {
			problem(field, label + "应为金额（元），例如 1250000.00");
			return null;
		}
	}

	private BigDecimal number(String field, String label, String value) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty()) {
			return null;
		}
		try {
			BigDecimal n = new BigDecimal(v);
			if (n.signum() < 0 || n.scale() > 2 || n.compareTo(MAX_AMOUNT) > 0) {
				problem(field, label + "应为不小于 0 的数，最多两位小数");
				return null;
			}
			return n.setScale(2);
		}
		catch (NumberFormatException e) {
			problem(field, label + "应为数字");
			return null;
		}
	}

	private LocalDate date(String field, String label, String value, boolean requiredOnSubmission) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty()) {
			missing(field, label, requiredOnSubmission);
			return null;
		}
		try {
			LocalDate d = LocalDate.parse(v);
			if (d.getYear() < 2000 || d.getYear() > 2100) {
				problem(field, label + "不在合理范围内");
				return null;
			}
			return d;
		}
		catch (DateTimeParseException e) {
			problem(field, label + "格式应为 年-月-日，例如 2026-03-01");
			return null;
		}
	}

	private Long reference(String field, String value) {
		String v = value == null ? "" : value.strip();
		if (v.isEmpty()) {
			missing(field, "所属入库项目", true);
			return null;
		}
		try {
			return Long.parseLong(v);
		}
		catch (NumberFormatException e) {
			problem(field, "请选择已入库的项目");
			return null;
		}
	}

	/** One to three distinct banks of the directory, in the order given. */
	private List<String> banks(List<String> values) {
		List<String> chosen = values == null ? List.of()
				: values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
		if (chosen.isEmpty()) {
			missing("bankKeys", "意向银行", true);
			return List.of();
		}
		if (chosen.size() > MAX_BANKS) {
			problem("bankKeys", "意向银行最多选择 " + MAX_BANKS + " 家");
			return List.of();
		}
		if (!activeBanks.containsAll(chosen)) {
			problem("bankKeys", "请从列出的银行中选择");
			return List.of();
		}
		return chosen;
	}

	private void missing(String field, String label, boolean requiredOnSubmission) {
		if (requiredOnSubmission && mode == Mode.SUBMISSION) {
			problem(field, "请填写" + label);
		}
	}

	private boolean has(String field) {
		return problems.stream().anyMatch(p -> p.field().equals(field));
	}

	private void problem(String field, String message) {
		problems.add(new FieldProblem(field, message));
	}

}
