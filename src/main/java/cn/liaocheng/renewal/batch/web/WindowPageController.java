package cn.liaocheng.renewal.batch.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liaocheng.renewal.application.ApplicationKind;
import cn.liaocheng.renewal.enterprise.FieldProblem;
import cn.liaocheng.renewal.batch.ApplicationWindow;
import cn.liaocheng.renewal.batch.ApplicationWindows;
import cn.liaocheng.renewal.batch.WindowConflictException;
import cn.liaocheng.renewal.batch.WindowForm;
import cn.liaocheng.renewal.batch.WindowInvalidException;
import cn.liaocheng.renewal.batch.WindowNotFoundException;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The city industry bureau's page of application windows: every window with its state, a
 * form to open one, and for each window its change and close buttons.
 * {@link ApplicationWindows} checks the role on every call.
 */
@Controller
@RequestMapping("/batches")
class WindowPageController {

	private final ApplicationWindows windows;

	WindowPageController(ApplicationWindows windows) {
		this.windows = windows;
	}

	@GetMapping
	String list(@AuthenticationPrincipal PortalUser user, Model model) {
		return page(user, model, null, WindowForm.empty(), List.of());
	}

	@PostMapping
	String open(@AuthenticationPrincipal PortalUser user, @ModelAttribute WindowForm form, Model model,
			RedirectAttributes redirect) {
		try {
			ApplicationWindow opened = windows.open(user, form);
			redirect.addFlashAttribute("notice", "已发布申报批次：" + opened.batchName() + "，" + opened.period() + "。");
			return "redirect:/batches";
		}
		catch (WindowInvalidException e) {
			return page(user, model, null, form, e.problems());
		}
	}

	@GetMapping("/{id}/edit")
	String edit(@AuthenticationPrincipal PortalUser user, @PathVariable long id, Model model,
			RedirectAttributes redirect) {
		try {
			ApplicationWindow window = windows.get(user, id);
			return page(user, model, window, WindowForm.of(window), List.of());
		}
		catch (WindowNotFoundException e) {
			return gone(redirect);
		}
	}

	@PostMapping("/{id}")
	String change(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @RequestParam int version,
			@ModelAttribute WindowForm form, Model model, RedirectAttributes redirect) {
		try {
			ApplicationWindow window = windows.get(user, id);
			try {
				ApplicationWindow changed = windows.change(user, id, form, version);
				redirect.addFlashAttribute("notice", "已修改申报批次：" + changed.batchName() + "，" + changed.period() + "。");
				return "redirect:/batches";
			}
			catch (WindowInvalidException e) {
				return page(user, model, window, form, e.problems());
			}
			catch (WindowConflictException e) {
				// What was typed stays, against the version saved meanwhile: saved again,
				// it replaces that one knowingly.
				model.addAttribute("error", e.getMessage() + "下方保留了您填写的内容，已保存的最新内容见上方列表；核对后再次保存，将以您填写的内容为准。");
				return page(user, model, windows.get(user, id), form, List.of());
			}
		}
		catch (WindowNotFoundException e) {
			return gone(redirect);
		}
	}

	@PostMapping("/{id}/close")
	String close(@AuthenticationPrincipal PortalUser user, @PathVariable long id, RedirectAttributes redirect) {
		try {
			ApplicationWindow window = windows.close(user, id);
			redirect.addFlashAttribute("notice",
					window.state() == ApplicationWindow.State.UPCOMING ? "已撤销尚未开始的申报批次：" + window.batchName() + "。"
							: "已关闭申报批次：" + window.batchName() + "，截止于 " + window.closesText() + "。");
		}
		catch (WindowConflictException e) {
			redirect.addFlashAttribute("error", e.getMessage());
		}
		catch (WindowNotFoundException e) {
			return gone(redirect);
		}
		return "redirect:/batches";
	}

	/** A window withdrawn meanwhile (by a colleague, or in another tab). */
	private static String gone(RedirectAttributes redirect) {
		redirect.addFlashAttribute("error", "该申报批次已被撤销或不存在，未作任何更改。");
		return "redirect:/batches";
	}

	private String page(PortalUser user, Model model, ApplicationWindow editing, WindowForm form,
			List<FieldProblem> problems) {
		Map<String, String> errors = new LinkedHashMap<>();
		problems.forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + "；" + b));
		model.addAttribute("windows", windows.all(user));
		model.addAttribute("editing", editing);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", ApplicationKind.values());
		return "batch/windows";
	}

}
