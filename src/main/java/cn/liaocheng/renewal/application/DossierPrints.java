package cn.liaocheng.renewal.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.decision.PrintedDocument;
import cn.liaocheng.renewal.decision.PrintedDocument.Fact;
import cn.liaocheng.renewal.decision.PrintedDocument.Section;
import cn.liaocheng.renewal.decision.Printing;
import cn.liaocheng.renewal.organization.Division;
import cn.liaocheng.renewal.organization.OrganizationCatalog;

/**
 * The submitted dossier as a printable PDF (申报书): what the enterprise sent, its 申报编号, the
 * integrity declaration with who confirmed it when, and a QR code that leads to the page
 * its reader follows the case on: the enterprise's case page, or the reviewers' dossier
 * page. Callers check who may read the dossier.
 */
@Service
public class DossierPrints {

	private final Printing printing;

	private final OrganizationCatalog organizations;

	private final String publicBaseUrl;

	DossierPrints(Printing printing, OrganizationCatalog organizations,
			@Value("${renewal.public-base-url:http://localhost:8080}") String publicBaseUrl) {
		this.printing = printing;
		this.organizations = organizations;
		this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
	}

	/**
	 * The enterprise's print, whose QR code leads to its case page.
	 * @throws ApplicationStateException for a draft, which has no number and was never
	 * submitted
	 */
	public byte[] pdf(ApplicationDetail app) {
		return pdf(app, publicBaseUrl + "/enterprise/applications/" + app.summary().id(), "办理进度",
				UnaryOperator.identity());
	}

	/**
	 * The reviewers' print of the same dossier, whose QR code leads to the reviewers'
	 * dossier page; of a loan's banks (by key) it names those {@code banksShown} keeps: a
	 * bank's reader does not learn which competitors the enterprise also chose.
	 */
	public byte[] reviewerPdf(ApplicationDetail app, UnaryOperator<List<String>> banksShown) {
		return pdf(app, publicBaseUrl + "/review/applications/" + app.summary().id(), "审查页面", banksShown);
	}

	private byte[] pdf(ApplicationDetail app, String link, String linkLabel, UnaryOperator<List<String>> banksShown) {
		ApplicationSummary s = app.summary();
		if (s.referenceNo() == null) {
			throw new ApplicationStateException("草稿尚未提交，提交后可下载申报书。");
		}
		Dossier d = app.dossier();
		List<Section> sections = new ArrayList<>();
		String county = organizations.division(app.divisionCode()).map(Division::name).orElse(app.divisionCode());
		List<Fact> applicant = new ArrayList<>(List.of(new Fact("单位名称", app.enterpriseName()), new Fact("所在地区", county),
				new Fact("申报类别", s.kind().label()), new Fact("提交时间", at(s.submittedAt()))));
		app.lastResubmission().ifPresent(at -> applicant.add(new Fact("补正后重新提交时间", at(at))));
		app.savedSinceSubmission()
			.ifPresent(at -> applicant
				.add(new Fact("说明", "申报单位于 " + at(at) + " 保存了补正期间的修改，尚未重新提交；本申报书按申报材料的当前内容打印，含这些修改")));
		sections.add(new Section("一、申报单位", applicant, List.of()));
		sections.add(content(app, d, banksShown));
		if (d instanceof Dossier.Equipped equipped) {
			sections.add(equipment(equipped));
		}
		sections.add(new Section("四、附件清单", List.of(), app.attachments().isEmpty() ? List.of("无") : numbered(app
			.attachments()
			.stream()
			.map(a -> a.category().label() + "：" + a.fileName() + "（SHA-256 " + a.sha256().substring(0, 16) + "…）")
			.toList())));
		IntegrityDeclaration confirmed = app.declaration();
		Section closing = new Section("五、" + IntegrityDeclaration.TITLE, List.of(),
				List.of(declarationWording(confirmed),
						confirmed == null ? "（尚未确认）"
								: "确认人：" + confirmed.userName() + "（" + confirmed.userId() + "）　确认时间："
										+ at(confirmed.at()) + "　承诺文本版本：" + confirmed.version(),
						"申报单位（盖章）：　　　　　　　　　　　　法定代表人（签字）：", "　　　　　　　　　　　　　　　　　　　　　　日期：　　　　年　　月　　日"));
		return printing.pdf(new PrintedDocument("聊城市工业领域设备更新", s.kind().label().replace("申请", "申请书"), s.referenceNo(),
				link, sections, closing,
				"本申报书由聊城市工业领域设备更新审批系统根据" + (app.savedSinceSubmission().isPresent() ? "申报材料的当前内容" : "提交的申报材料")
						+ "生成，打印于 " + at(Instant.now()) + "（北京时间）；" + linkLabel + "：" + link));
	}

	private Section content(ApplicationDetail app, Dossier d, UnaryOperator<List<String>> banksShown) {
		List<Fact> facts = new ArrayList<>();
		if (d instanceof ProjectDossier p) {
			facts.add(new Fact("项目名称", p.projectName()));
			facts.add(new Fact("所属重点任务", PolicyTask.of(p.policyTask()).map(PolicyTask::label).orElse(null)));
			facts.add(new Fact("建设地点", p.location()));
			facts.add(new Fact("建设期", date(p.constructionStart()) + " 至 " + date(p.constructionEnd())));
			facts.add(new Fact("总投资", yuan(p.totalInvestment())));
			facts.add(new Fact("其中设备投资", yuan(p.equipmentInvestment())));
			String needs = (p.needsNewLand() ? "新增用地 " : "") + (p.needsEnergyUse() ? "新增用能 " : "")
					+ (p.needsEmissionQuota() ? "新增排放指标" : "");
			facts.add(new Fact("要素需求", needs.isBlank() ? "不新增用地、用能和排放指标" : needs.strip()));
			facts.add(new Fact("预计年新增产值", yuan(p.expectedOutputValue())));
			facts.add(new Fact("预计年节能量",
					p.expectedEnergySaving() == null ? null : p.expectedEnergySaving().toPlainString() + " 吨标准煤"));
			facts.add(new Fact("其他效益", p.otherBenefits()));
			return new Section("二、项目情况", facts, List.of());
		}
		facts.add(new Fact("所属入库项目", app.projectTitle()));
		if (d instanceof SubsidyDossier s) {
			facts.add(new Fact("设备投用日期", date(s.commissioningDate())));
			facts.add(new Fact("设备金额合计", yuan(s.equipmentTotal())));
		}
		else if (d instanceof LoanDossier l) {
			List<String> banks = banksShown.apply(l.bankKeys());
			facts.add(new Fact("意向银行", banks.isEmpty() ? null : organizations.bankNames(banks)));
			facts.add(new Fact("申请贷款金额", yuan(l.loanAmount())));
			facts.add(new Fact("贷款期限", l.loanTermMonths() == null ? null : l.loanTermMonths() + " 个月"));
			facts.add(new Fact("贷款用途", l.loanPurpose()));
		}
		return new Section("二、申请内容", facts, List.of());
	}

	private static Section equipment(Dossier.Equipped d) {
		boolean project = d instanceof ProjectDossier;
		List<String> lines = new ArrayList<>();
		for (Dossier.EquipmentLine l : d.equipment()) {
			StringBuilder line = new StringBuilder(l.name() + "（" + l.model() + "，" + l.origin().label() + "）："
					+ l.quantity() + " 台（套）× " + Money.yuan(l.unitPrice()) + " 元 = " + Money.yuan(l.amount()) + " 元");
			if (project && l.replacesEquipment() != null) {
				line.append("；替换")
					.append(l.replacesEquipment())
					.append("（已用 ")
					.append(l.replacedAgeYears())
					.append(" 年）");
			}
			if (l.efficiencyGrade() != null) {
				line.append("；能效 ").append(l.efficiencyGrade()).append(" 级");
			}
			if (d instanceof SubsidyDossier && l.invoiceNo() != null) {
				line.append("；发票 ")
					.append(l.invoiceNo())
					.append("，")
					.append(date(l.invoiceDate()))
					.append("，")
					.append(Money.yuan(l.invoiceAmount()))
					.append(" 元");
				if (InvoiceChecks.differs(l)) {
					line.append("（与数量×单价不一致）");
				}
			}
			lines.add(line.toString());
		}
		return new Section("三、设备明细（" + d.equipment().size() + " 条，合计 " + Money.yuan(d.equipmentTotal()) + " 元）",
				List.of(), lines.isEmpty() ? List.of("无") : numbered(lines));
	}

	private static List<String> numbered(List<String> lines) {
		List<String> numbered = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			numbered.add((i + 1) + ". " + lines.get(i));
		}
		return numbered;
	}

	private static String yuan(BigDecimal amount) {
		return amount == null ? null : Money.yuan(amount) + " 元";
	}

	/**
	 * The wording the enterprise confirmed, in its own version's words; today's wording
	 * only for a dossier not (yet) confirmed, which the next line says.
	 */
	private static String declarationWording(IntegrityDeclaration confirmed) {
		if (confirmed == null) {
			return IntegrityDeclaration.TEXT;
		}
		return confirmed.text() != null ? confirmed.text()
				: "（所确认的承诺文本版本 " + confirmed.version() + " 的原文未存于本系统，以申报单位当时确认的文本为准）";
	}

	private static String date(LocalDate date) {
		return date == null ? "未填写" : ChinaTime.day(date);
	}

	private static String at(Instant at) {
		return at == null ? "—" : ChinaTime.minute(at);
	}

}
