package cn.liaocheng.renewal.application.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import cn.liaocheng.renewal.application.ApplicationDetail;
import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.application.ApplicationNotFoundException;
import cn.liaocheng.renewal.application.ApplicationSummary;
import cn.liaocheng.renewal.application.Applications;
import cn.liaocheng.renewal.application.AttachmentCategory;
import cn.liaocheng.renewal.application.AttachmentDownloads;
import cn.liaocheng.renewal.application.AttachmentView;
import cn.liaocheng.renewal.application.CaseProgress;
import cn.liaocheng.renewal.application.PendingAction;
import cn.liaocheng.renewal.application.PendingActions;
import cn.liaocheng.renewal.application.CaseStanding;
import cn.liaocheng.renewal.application.DossierDownloads;
import cn.liaocheng.renewal.application.DossierForm;
import cn.liaocheng.renewal.application.DossierPrints;
import cn.liaocheng.renewal.application.IntegrityDeclaration;
import cn.liaocheng.renewal.application.LoanOffer;
import cn.liaocheng.renewal.application.SettledPart;
import cn.liaocheng.renewal.application.SubsidyEstimates;
import cn.liaocheng.renewal.decision.DecisionDownloads;
import cn.liaocheng.renewal.decision.Decisions;
import cn.liaocheng.renewal.decision.IssuedDecision;
import cn.liaocheng.renewal.operations.UploadMemory;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The enterprise's applications as a REST API; the portal pages call the same
 * {@link Applications} service.
 */
@RestController
@RequestMapping("/api/applications")
@Tag(name = "企业申报", description = "项目入库、奖补资金、技术改造贷款申请：草稿、附件、提交、撤回、进度")
class ApplicationApiController {

	private final Applications applications;

	private final Decisions decisions;

	private final ObjectProvider<SubsidyEstimates> estimates;

	private final ObjectProvider<CaseProgress> progress;

	private final DossierPrints prints;

	private final PendingActions pending;

	private final UploadMemory uploadMemory;

	ApplicationApiController(Applications applications, Decisions decisions, ObjectProvider<SubsidyEstimates> estimates,
			ObjectProvider<CaseProgress> progress, DossierPrints prints, PendingActions pending,
			UploadMemory uploadMemory) {
		this.uploadMemory = uploadMemory;
		this.prints = prints;
		this.pending = pending;
		this.applications = applications;
		this.decisions = decisions;
		this.estimates = estimates;
		this.progress = progress;
	}

	@GetMapping("/{id}/dossier.pdf")
	@Operation(summary = "下载已提交申报的申报书 PDF（含申报编号、诚信承诺确认记录和办理进度二维码）", description = "草稿返回 409")
	ResponseEntity<byte[]> dossierPdf(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		ApplicationDetail detail = applications.detail(user, id);
		return DossierDownloads.of(detail, prints.pdf(detail));
	}

	@GetMapping("/{id}/progress")
	@Operation(summary = "办理进度：各阶段、当前环节与办理单位、办理期限（工作日）、市级联审各部门进度、退回补正的理由与期限",
			description = "结果数额（核定奖补金额、贷款金额、利率、期限、贴息）见 GET /api/applications/{id} 的 outcomes")
	CaseStanding progress(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		ApplicationDetail detail = applications.detail(user, id);
		return progress.stream().findFirst().map(p -> p.of(detail)).orElse(CaseStanding.none());
	}

	@GetMapping("/{id}/subsidy-estimate")
	@Operation(summary = "奖补申请按现行规则测算的奖补金额（元）", description = "测算值，最终以审核核定为准；不适用时返回 404")
	ResponseEntity<Map<String, Object>> subsidyEstimate(@AuthenticationPrincipal PortalUser user,
			@PathVariable long id) {
		ApplicationDetail detail = applications.detail(user, id);
		return estimates.stream()
			.flatMap(e -> e.estimate(detail).stream())
			.findFirst()
			.<ResponseEntity<Map<String, Object>>>map(amount -> ResponseEntity
				.ok(Map.of("amount", amount.toPlainString(), "note", "按现行奖补规则测算，最终以审核核定和资金下达决定为准")))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	@GetMapping("/{id}/decisions")
	@Operation(summary = "本申报的决定书（已签名）")
	List<IssuedDecision> decisions(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		applications.detail(user, id);
		return decisions.allForApplication(id);
	}

	@GetMapping("/{id}/decisions/{decisionId}")
	@Operation(summary = "下载决定书 PDF（带数字签名，可在 /verify 核验）")
	ResponseEntity<byte[]> decision(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@PathVariable long decisionId) {
		applications.detail(user, id);
		return DecisionDownloads.ofApplication(decisions, id, decisionId)
			.orElseThrow(ApplicationNotFoundException::new);
	}

	@GetMapping
	@Operation(summary = "本企业的全部申报及其当前阶段")
	List<ApplicationSummary> list(@AuthenticationPrincipal PortalUser user) {
		return applications.list(user);
	}

	@GetMapping("/actions")
	@Operation(summary = "需要您处理：本企业现在要办的事项（待补正、待确认贷款、申请验收、限期整改、绩效自评、追回事先告知的陈述申辩、缴回资金），期限最近的在前",
			description = "与首页“需要您处理”一栏相同。lastDay 为最后一天（北京时间，含当日），无期限时为 null；workingDaysLeft 为距最后一天的工作日数"
					+ "（当日为 0，已过为负数）；link 为门户中办理该事项的页面。办理完成或期限已过（缴回资金除外）后不再列出")
	List<PendingAction> actions(@AuthenticationPrincipal PortalUser user) {
		return pending.of(user);
	}

	@GetMapping("/registered-projects")
	@Operation(summary = "本企业已入库的项目（奖补、贷款申请引用）")
	Map<Long, String> registeredProjects(@AuthenticationPrincipal PortalUser user) {
		return applications.registeredProjects(user);
	}

	@PostMapping
	@Operation(summary = "新建申报草稿", description = "同一 Idempotency-Key 重复请求返回第一次创建的草稿，不会重复创建")
	ResponseEntity<ApplicationDetail> create(@AuthenticationPrincipal PortalUser user,
			@RequestParam ApplicationKind kind,
			@Parameter(description = "防重复提交标识，8–64 位字母数字或连字符") @RequestHeader("Idempotency-Key") String key,
			@RequestBody DossierForm form) {
		long id = applications.createDraft(user, kind, form, key);
		return ResponseEntity.created(URI.create("/api/applications/" + id)).body(applications.detail(user, id));
	}

	@GetMapping("/{id}")
	@Operation(summary = "申报详情：材料、设备明细、附件、办理记录")
	ApplicationDetail detail(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		return applications.detail(user, id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "修改草稿或待补正的申报", description = "If-Match 头携带读取时的 version，防止覆盖他人修改。"
			+ "幂等性：同一内容重发结果相同（材料整体替换）；带 If-Match 重发时若第一次已生效，版本已变，返回 409，重新读取即可确认是否已保存")
	ApplicationDetail update(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestHeader(value = "If-Match", required = false) Integer version, @RequestBody DossierForm form) {
		applications.updateDraft(user, id, form, version);
		return applications.detail(user, id);
	}

	@GetMapping("/equipment-template")
	@Operation(summary = "下载设备清单模板（设备清单模板.xlsx）", description = "kind 为 PROJECT（设备明细）或 SUBSIDY（已购设备及发票）；"
			+ "列名与门户的设备明细表一致，第一行数据为示例行（序号为“示例”，导入时跳过）。贷款申请没有设备明细，返回 409")
	ResponseEntity<byte[]> equipmentTemplate(@RequestParam ApplicationKind kind) {
		return EquipmentTemplates.download(kind);
	}

	@PostMapping(path = "/{id}/equipment-import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "从设备清单文件导入设备明细（替换草稿或待补正申报的全部设备明细）",
			description = "file 为按模板填写的 .xlsx（或 UTF-8 / GBK 编码的 .csv），不超过 2 MB、200 行；只读取第一个工作表，公式单元格视为错误。"
					+ "文件中任何一处错误都会使整个文件不被导入（400，errors 中每条的 message 形如“第5行“数量”：应为整数”，field 为对应的设备明细字段，如 equipment[2].quantity，"
					+ "整个文件的问题 field 为 file），申报不作任何改动；全部无误时替换现有设备明细，按与逐条填写相同的规则校验，返回申报详情。"
					+ "If-Match 头携带读取时的 version，防止覆盖他人修改。幂等性：同一文件重发结果相同（整体替换）；带 If-Match 重发时若第一次已生效，版本已变，返回 409")
	ApplicationDetail importEquipment(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestHeader(value = "If-Match", required = false) Integer version,
			@RequestPart("file") MultipartFile file) {
		applications.importEquipment(user, id, file.getOriginalFilename(), file, version);
		return applications.detail(user, id);
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "删除从未提交过的草稿", description = "幂等性：重发时草稿已删除，返回 404，结果与第一次相同（草稿不存在）")
	ResponseEntity<Void> delete(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		applications.deleteDraft(user, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/submit")
	@Operation(summary = "提交申报（重复提交不会产生第二个申报或流程）",
			description = "请求体须为 {\"declarationConfirmed\": true}，可加 \"declarationVersion\"（所阅读的承诺文本版本，与现行版本不同时拒绝提交并返回 400），"
					+ "If-Match 头可携带核对过的申报 version（其后申报材料又被修改的，拒绝提交并返回 409），"
					+ "表示已阅读并确认诚信承诺（文本见 GET /api/applications/integrity-declaration），缺少时拒绝提交并返回 400；"
					+ "幂等：已提交的申报再次提交返回当前状态，不另起流程")
	ApplicationSummary submit(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestHeader(value = "If-Match", required = false) Integer version,
			@RequestBody(required = false) Submission submission) {
		return applications.submit(user, id,
				submission != null && Boolean.TRUE.equals(submission.declarationConfirmed()),
				submission == null ? null : submission.declarationVersion(), version);
	}

	/**
	 * What a submission carries: the confirmation of the integrity declaration (诚信承诺).
	 */
	record Submission(Boolean declarationConfirmed, String declarationVersion) {
	}

	@GetMapping("/integrity-declaration")
	@Operation(summary = "诚信承诺的文本与版本（提交申报时须确认）")
	Map<String, String> integrityDeclaration() {
		return Map.of("title", IntegrityDeclaration.TITLE, "version", IntegrityDeclaration.VERSION, "text",
				IntegrityDeclaration.TEXT);
	}

	@GetMapping("/{id}/loan-offers")
	@Operation(summary = "贷款申请：所选各银行的审贷结果（同意放贷的金额、利率、期限、放款日期、贷款品种，或不予放贷的意见）")
	List<LoanOffer> loanOffers(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		return applications.loanOffers(user, id);
	}

	@PostMapping("/{id}/loan-offers/{bankKey}/accept")
	@Operation(summary = "接受一家银行的贷款（至多一家；其他银行未完成的审贷随即关闭）", description = "幂等：重发接受同一家银行返回相同结果，不重复记录；已接受一家后接受另一家返回 409")
	List<LoanOffer> acceptLoanOffer(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@PathVariable String bankKey) {
		applications.acceptLoanOffer(user, id, bankKey);
		return applications.loanOffers(user, id);
	}

	@PostMapping("/{id}/withdraw")
	@Operation(summary = "在审核开始前或退回补正期间撤回申报", description = "补正期间撤回的，审核终止，不能再补正或重新提交。幂等：已撤回的申报再次撤回返回相同结果（状态为已撤回），不重复记录")
	ApplicationDetail withdraw(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		applications.withdraw(user, id);
		return applications.detail(user, id);
	}

	@PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "上传附件（PDF、JPEG、PNG，按内容识别；单个不超过 10 MB，每份申报合计不超过 50 MB）",
			description = "带 Idempotency-Key 时幂等：同一标识重复上传同一文件（同类别、同内容）返回第一次的附件（相同 id 和 sha256，201），"
					+ "不会重复保存；同一标识上传不同文件返回 409。不带标识时每次上传都新增附件。标识随附件保存，附件删除后标识失效。"
					+ "待补正时，此前环节已核验的附件类别（见 GET /api/applications/{id}/settled-parts）不能上传，返回 409。")
	ResponseEntity<AttachmentView> upload(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@Parameter(description = "防重复提交标识，8–64 位字母数字或连字符；网络不确定时用同一标识重发") @RequestHeader(value = "Idempotency-Key",
					required = false) String key,
			@RequestParam AttachmentCategory category, @RequestPart("file") MultipartFile file) throws IOException {
		// The case is the caller's before its file is read into memory, and read only
		// with room for it on this node (UploadMemory).
		applications.referenceNo(user, id);
		AttachmentView view;
		try (UploadMemory.Held held = uploadMemory.hold(file)) {
			view = applications.addAttachment(user, id, category, file.getOriginalFilename(), file.getBytes(), key);
		}
		return ResponseEntity.created(URI.create("/api/applications/" + id + "/attachments/" + view.id())).body(view);
	}

	@GetMapping("/{id}/attachments/{attachmentId}")
	@Operation(summary = "下载附件")
	ResponseEntity<byte[]> download(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@PathVariable long attachmentId) {
		return AttachmentDownloads.of(applications.attachment(user, id, attachmentId));
	}

	@DeleteMapping("/{id}/attachments/{attachmentId}")
	@Operation(summary = "删除附件（草稿或待补正时）", description = "幂等性：重发时附件已删除，返回 404，结果相同（附件不存在）。"
			+ "待补正时，上次提交时已有的、此前环节已核验类别的附件（见 GET /api/applications/{id}/settled-parts）不能删除，返回 409")
	ResponseEntity<Void> removeAttachment(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@PathVariable long attachmentId) {
		applications.removeAttachment(user, id, attachmentId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/settled-parts")
	@Operation(summary = "本次补正不能修改的内容：栏目（fields）、不能上传或删除的附件类别（attachmentCategories）及原因（why）",
			description = "此前的审核环节已核验、补正后不再重新审核的内容；申报不在待补正状态或没有这样的内容时返回空列表")
	List<Settled> settledParts(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		ApplicationKind kind = applications.detail(user, id).summary().kind();
		return applications.settledInCorrection(user, id)
			.stream()
			.map(part -> new Settled(part, part.parts(kind), part.attachments(), part.why()))
			.toList();
	}

	/** A part the open correction settled, as the API states it. */
	record Settled(SettledPart part, List<String> fields, List<AttachmentCategory> attachmentCategories, String why) {
	}

}
