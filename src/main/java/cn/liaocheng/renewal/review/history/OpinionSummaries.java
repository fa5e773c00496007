package cn.liaocheng.renewal.review.history;

import cn.liaocheng.renewal.document.Sentences;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.liaocheng.renewal.application.ApplicationDetail;
import cn.liaocheng.renewal.application.ApplicationStateException;
import cn.liaocheng.renewal.application.ApplicationSummary;
import cn.liaocheng.renewal.application.PolicyTask;
import cn.liaocheng.renewal.application.ProjectDossier;
import cn.liaocheng.renewal.application.ReviewFacts;
import cn.liaocheng.renewal.calendar.ChinaTime;
import cn.liaocheng.renewal.decision.Decisions;
import cn.liaocheng.renewal.decision.IssuedDecision;
import cn.liaocheng.renewal.decision.PrintedDocument;
import cn.liaocheng.renewal.decision.PrintedDocument.Fact;
import cn.liaocheng.renewal.decision.PrintedDocument.Section;
import cn.liaocheng.renewal.decision.Printing;
import cn.liaocheng.renewal.organization.Division;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.review.OpinionView;
import cn.liaocheng.renewal.review.access.CaseSight;
import cn.liaocheng.renewal.review.notice.PublicNotices;
import cn.liaocheng.renewal.review.notice.PublicNotices.NoticeRecord;
import cn.liaocheng.renewal.review.notice.PublicNotices.ObjectionRecord;
import cn.liaocheng.renewal.review.opinions.ReviewOpinions;

/**
 * 审核意见汇总表: a case's review on one printable sheet for the file (归档) and for a lead's
 * signature: the application in brief, every opinion in the order given (with who gave
 * it, and whether it still stands), the public notice and its objections, and the
 * decisions issued. Everything on it is read from the record; nothing on it is a
 * decision. What a reader may see of the case is {@link CaseSight}'s, as on the dossier
 * page: a bank's sheet leaves out other banks' and co-reviewing bodies' opinions and the
 * decisions it does not receive. Callers check that the reader may open the case.
 */
@Service
public class OpinionSummaries {

	static final String TITLE = "审核意见汇总表";

	private static final String[] NUMERALS = { "一", "二", "三", "四" };

	private static final String SUPERSEDED = "（该环节已撤回或被退回重新办理，此意见不再作为结论）";

	private final ReviewOpinions opinions;

	private final PublicNotices notices;

	private final Decisions decisions;

	private final OrganizationCatalog organizations;

	private final Printing printing;

	private final String publicBaseUrl;

	OpinionSummaries(ReviewOpinions opinions, PublicNotices notices, Decisions decisions,
			OrganizationCatalog organizations, Printing printing,
			@Value("${renewal.public-base-url:http://localhost:8080}") String publicBaseUrl) {
		this.opinions = opinions;
		this.notices = notices;
		this.decisions = decisions;
		this.organizations = organizations;
		this.printing = printing;
		this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
	}

	/**
	 * The sheet as a PDF.
	 * @throws ApplicationStateException for a draft, which has not been reviewed
	 */
	public byte[] pdf(ApplicationDetail app, ReviewFacts facts, CaseSight sight) {
		ApplicationSummary s = app.summary();
		if (s.referenceNo() == null) {
			throw new ApplicationStateException("草稿尚未提交，没有审核意见。");
		}
		String link = publicBaseUrl + "/review/applications/" + s.id();
		List<Section> parts = new ArrayList<>();
		parts.add(application(app, facts));
		parts.add(opinions(s.id(), sight));
		notice(s.id()).ifPresent(parts::add);
		parts.add(decisions(s.id(), sight));
		List<Section> sections = new ArrayList<>();
		for (int i = 0; i < parts.size(); i++) {
			Section part = parts.get(i);
			sections.add(new Section(NUMERALS[i] + "、" + part.heading(), part.facts(), part.paragraphs()));
		}
		Section signatures = new Section("审核人员签字", List.of(),
				List.of("经办人（签字）：　　　　　　　　　　　　审核负责人（签字）：", "　　　　　　　　　　　　　　　　　　　　　　日期：　　　　年　　月　　日"));
		return printing.pdf(new PrintedDocument("聊城市工业领域设备更新", TITLE, s.referenceNo(), link, sections, signatures,
				"本表由聊城市工业领域设备更新审批系统根据审核记录生成，打印于 " + ChinaTime.minute(Instant.now())
						+ "（北京时间），供审核存档使用，不是行政决定；以各环节的审核记录和已签发的决定为准。审查页面：" + link));
	}

	private Section application(ApplicationDetail app, ReviewFacts facts) {
		ApplicationSummary s = app.summary();
		String county = organizations.division(app.divisionCode()).map(Division::name).orElse(app.divisionCode());
		List<Fact> lines = new ArrayList<>(
				List.of(new Fact("申报编号", s.referenceNo()), new Fact("申报类别", s.kind().label()),
						new Fact("项目名称", facts.title()), new Fact("申报单位", facts.enterpriseName()),
						new Fact("统一社会信用代码", facts.creditCode()), new Fact("所在地区", county)));
		// As last submitted: not what the enterprise is editing during a correction.
		if (facts.dossier() instanceof ProjectDossier project) {
			PolicyTask.of(project.policyTask()).ifPresent(task -> lines.add(new Fact("重点任务", task.label())));
		}
		lines.add(new Fact("提交时间", s.submittedAt() == null ? "—" : ChinaTime.minute(s.submittedAt())));
		lines.add(new Fact("当前阶段", s.status().label()));
		return new Section("申报概况", lines, List.of());
	}

	private Section opinions(long applicationId, CaseSight sight) {
		List<OpinionView> seen = opinions.forApplication(applicationId)
			.stream()
			.filter(o -> sight.opinion(o.bodyGroup()))
			.toList();
		if (seen.isEmpty()) {
			return new Section("审核意见", List.of(), List.of("尚无审核意见。"));
		}
		List<String> lines = new ArrayList<>();
		long superseded = seen.stream().filter(OpinionView::superseded).count();
		lines.add("共 " + seen.size() + " 条，按办理时间先后排列"
				+ (superseded == 0 ? "。" : "；其中 " + superseded + " 条所在环节已撤回或被退回重新办理，不再作为结论。"));
		int n = 1;
		for (OpinionView o : seen) {
			String text = o.opinion() == null || o.opinion().isBlank() ? "（未填写意见）" : o.opinion().strip();
			lines.add(n++ + ". " + ChinaTime.minute(o.at()) + "　" + o.bodyName() + "「" + o.stepName() + "」："
					+ o.decisionLabel() + "。审核人：" + o.reviewerName() + "。意见：" + text
					+ (o.superseded() ? SUPERSEDED : ""));
		}
		return new Section("审核意见", List.of(), lines);
	}

	private Optional<Section> notice(long applicationId) {
		Optional<NoticeRecord> notice = notices.record(applicationId);
		List<ObjectionRecord> objections = notices.all(applicationId);
		if (notice.isEmpty() && objections.isEmpty()) {
			return Optional.empty();
		}
		List<Fact> facts = new ArrayList<>();
		notice.ifPresent(
				n -> facts.add(new Fact("公示期", ChinaTime.minute(n.startsAt()) + " 至 " + ChinaTime.minute(n.endsAt()))));
		facts.add(new Fact("异议", notice.map(n -> objections(n, objections.size())).orElse(objections.size() + " 件")));
		List<String> lines = new ArrayList<>();
		int n = 1;
		for (ObjectionRecord x : objections) {
			String who = x.name()
					+ (x.organisation() == null || x.organisation().isBlank() ? "" : "（" + x.organisation() + "）");
			lines.add(n++ + ". " + ChinaTime.minute(x.filedAt()) + "　" + who + " 提出：" + Sentences.ended(x.content())
					+ (x.resolvedAt() == null ? "尚未核查。"
							: "核查意见（" + ChinaTime.minute(x.resolvedAt()) + "）：" + x.resolution().strip()));
		}
		return Optional.of(new Section("公示与异议", facts, lines));
	}

	/**
	 * The objections of the notice's period shown (its latest run), told apart from those
	 * of an earlier run, as the allocation notice tells them: those still open when this
	 * run began are checked with its own, those settled before it are only listed.
	 */
	private static String objections(NoticeRecord n, int all) {
		// A notice still running has not yet shown that no one objects.
		boolean running = Instant.now().isBefore(n.endsAt());
		boolean earlier = all > n.objections();
		String inPeriod = n.objections() > 0 ? n.objections() + " 件" + (running ? "（公示期尚未届满）" : "")
				: (running ? "公示期尚未届满，截至打印时" : "公示期内") + (earlier ? "未收到新的异议" : "未收到异议");
		if (n.carriedOver() > 0) {
			// Their handling is listed with each; a case may end before they are checked.
			inPeriod += "；此前公示期间收到、尚未办结的异议 " + n.carriedOver() + " 件";
		}
		int settledBefore = all - n.objections() - n.carriedOver();
		if (settledBefore > 0) {
			inPeriod += "；此前公示期间收到并已办结的异议 " + settledBefore + " 件";
		}
		return inPeriod;
	}

	/** The text as a sentence of its own: a full stop added unless it ends with one. */
	private Section decisions(long applicationId, CaseSight sight) {
		List<String> lines = decisions.allForApplication(applicationId)
			.stream()
			.filter(d -> sight.decision(d.type()))
			.map(OpinionSummaries::decisionLine)
			.toList();
		return new Section("已作出的决定", List.of(), lines.isEmpty() ? List.of("尚未作出决定。") : lines);
	}

	private static String decisionLine(IssuedDecision d) {
		return d.type().title() + "　" + d.number() + "　" + d.issuingBodyName() + "　" + ChinaTime.day(d.decisionDate());
	}

}
