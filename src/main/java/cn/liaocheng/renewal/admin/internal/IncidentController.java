package cn.liaocheng.renewal.admin.internal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liaocheng.renewal.security.PortalUser;

/**
 * 运行异常: the incidents that hold cases up, in Chinese, and their retry. Only
 * administrators reach /admin/**, and the board checks again.
 */
@Controller
@RequestMapping("/admin/incidents")
class IncidentController {

	private final IncidentBoard board;

	IncidentController(IncidentBoard board) {
		this.board = board;
	}

	@GetMapping
	String list(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("incidents", board.open(user));
		model.addAttribute("shown", IncidentBoard.SHOWN);
		return "admin/incidents";
	}

	@PostMapping("/{incidentId}/retry")
	String retry(@AuthenticationPrincipal PortalUser user, @PathVariable String incidentId,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		try {
			IncidentBoard.Retry retry = board.retry(user, incidentId, note);
			String message = switch (retry.outcome()) {
				case STARTED -> retry.ofCase()
						? "已重试“" + retry.stepName() + "”的后台作业，系统正在执行。成功后该异常从列表中消失，案件继续办理；再次失败的，会重新列出并再次提醒管理员。"
						: "已重试不属于任何案件的“" + retry.stepName() + "”，系统正在执行。成功后该异常从列表中消失；再次失败的，会重新列出并再次提醒管理员。";
				case GONE -> "该异常已不存在（可能已被其他管理员重试，或案件已继续办理），请查看当前列表。";
				case POINTLESS -> "该异常不能在此重试：它不是失败的后台作业，或者所在流程实例不是申报记录的实例。请在 Cockpit 中核查。";
			};
			redirect.addFlashAttribute("message", message);
		}
		catch (IllegalArgumentException e) {
			redirect.addFlashAttribute("error", "未重试：" + e.getMessage());
		}
		return "redirect:/admin/incidents";
	}

}
