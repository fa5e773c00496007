package cn.liaocheng.renewal.review.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.liaocheng.renewal.review.access.CaseCopies;
import cn.liaocheng.renewal.review.opinions.OpinionPhrases;
import cn.liaocheng.renewal.review.tasks.TaskHandOvers;
import cn.liaocheng.renewal.security.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * 抄送 (a case sent for information, read-only) and 常用意见 (each reviewer's saved opinion
 * phrases).
 */
@RestController
@RequestMapping("/api/review")
@Tag(name = "抄送与常用意见", description = "任务办理人将案件抄送单位或人员知悉（只读卷宗，无任务）；审核人员保存自己的常用意见")
class CaseCopyAndPhraseController {

	private final CaseCopies copies;

	private final OpinionPhrases phrases;

	CaseCopyAndPhraseController(CaseCopies copies, OpinionPhrases phrases) {
		this.copies = copies;
		this.phrases = phrases;
	}

	record CopyRequest(String toBody, String toUser, String reason) {
	}

	record CopyAnswer(String recipient) {
	}

	record PhraseRequest(String text) {
	}

	@PostMapping("/tasks/{taskId}/copy")
	@Operation(summary = "抄送", description = "任务当前办理人将案件抄送一个审核单位（toBody，组代码）或一位审核人员（toUser，登录账号）知悉")
	CopyAnswer copy(@AuthenticationPrincipal PortalUser user, @PathVariable String taskId,
			@RequestBody CopyRequest request) {
		return new CopyAnswer(copies.copy(user.userId(), taskId, request.toBody(), request.toUser(), request.reason()));
	}

	@GetMapping("/tasks/{taskId}/copy-bodies")
	@Operation(summary = "可抄送的单位", description = "任务当前办理人可将本案件抄送的单位：市级单位、本县（市、区）的部门，以及贷款已推送到的银行")
	List<CaseCopies.Body> copyBodies(@AuthenticationPrincipal PortalUser user, @PathVariable String taskId) {
		return copies.bodies(user.userId(), taskId);
	}

	@GetMapping("/tasks/{taskId}/copy-people")
	@Operation(summary = "可抄送单位的人员", description = "任务当前办理人可将本案件抄送的一个单位（body，组代码，须是“可抄送的单位”之一）的在册人员，不含本人")
	List<TaskHandOvers.Person> copyPeople(@AuthenticationPrincipal PortalUser user, @PathVariable String taskId,
			@RequestParam String body) {
		return copies.people(user.userId(), taskId, body);
	}

	@GetMapping("/copies")
	@Operation(summary = "抄送我的", description = "抄送本人或本人所在单位的案件（最近 50 件），可打开只读卷宗 /review/applications/{applicationId}")
	List<CaseCopies.Copy> copiedToMe(@AuthenticationPrincipal PortalUser user) {
		return copies.copiedTo(user);
	}

	@GetMapping("/copies/page")
	@Operation(summary = "抄送我的（分页查找）",
			description = "抄送本人或本人所在单位的案件，按抄送时间由近到远每页 50 件；q 按申报编号或项目名称查找，page 从 1 开始；more 表示还有更早的一页")
	CaseCopies.CopyPage copiedToMe(@AuthenticationPrincipal PortalUser user, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "1") int page) {
		// A search is a few words (a reference number, a project's name), not a text.
		String text = q.strip().length() > 64 ? q.strip().substring(0, 64) : q.strip();
		return copies.copiedTo(user, text, Math.min(Math.max(page, 1), 10_000));
	}

	@GetMapping("/phrases")
	@Operation(summary = "我的常用意见")
	List<OpinionPhrases.Phrase> phrases(@AuthenticationPrincipal PortalUser user) {
		return phrases.of(user.userId());
	}

	@PostMapping("/phrases")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "保存常用意见", description = "2–500 字，每人最多 50 条")
	OpinionPhrases.Phrase addPhrase(@AuthenticationPrincipal PortalUser user, @RequestBody PhraseRequest request) {
		return phrases.add(user.userId(), request.text());
	}

	@DeleteMapping("/phrases/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "删除常用意见", description = "只能删除本人的常用意见")
	void deletePhrase(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		phrases.delete(user.userId(), id);
	}

}
