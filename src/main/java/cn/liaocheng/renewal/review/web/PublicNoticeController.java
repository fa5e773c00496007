package cn.liaocheng.renewal.review.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liaocheng.renewal.review.internal.NoticeBoard;

/**
 * The public notice board (公示): subsidies proposed for allocation, open to anyone without login, and the form
 * for a named, reachable objection — anonymous objections are not accepted, as in the programme's practice.
 */
@Controller
@RequestMapping("/notices")
class PublicNoticeController {

	private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}");

	private final NoticeBoard board;

	PublicNoticeController(NoticeBoard board) {
		this.board = board;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("notices", board.current(Instant.now()));
		return "review/notices";
	}

	@PostMapping("/{applicationId}/objections")
	String object(@PathVariable long applicationId, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String organisation, @RequestParam(defaultValue = "") String phone,
			@RequestParam(defaultValue = "") String content, Model model, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (name.isBlank() || name.strip().length() > 64) {
			errors.put("name", "请填写真实姓名（实名异议方予受理）");
		}
		if (!PHONE.matcher(phone.strip()).matches()) {
			errors.put("phone", "请填写可联系的手机号或固定电话");
		}
		if (content.strip().length() < 10 || content.strip().length() > 2000) {
			errors.put("content", "请写明异议事实和理由（10 至 2000 字）");
		}
		if (organisation.strip().length() > 128) {
			errors.put("organisation", "单位名称不能超过 128 个字");
		}
		if (!errors.isEmpty()) {
			model.addAttribute("notices", board.current(Instant.now()));
			model.addAttribute("errors", errors);
			model.addAttribute("failedFor", applicationId);
			model.addAttribute("name", name);
			model.addAttribute("organisation", organisation);
			model.addAttribute("phone", phone);
			model.addAttribute("content", content);
			return "review/notices";
		}
		boolean filed = board.file(applicationId, name.strip(), organisation.strip(), phone.strip(), content.strip());
		redirect.addFlashAttribute(filed ? "notice" : "error",
				filed ? "异议已提交。市工业和信息化局将在公示期满后核查处理，并通过您留下的电话联系您。" : "该项目不在公示期内，不能提交异议。");
		return "redirect:/notices";
	}

}
