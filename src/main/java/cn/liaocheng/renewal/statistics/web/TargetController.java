package cn.liaocheng.renewal.statistics.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.security.PortalUser;
import cn.liaocheng.renewal.statistics.internal.ComputedFigure;
import cn.liaocheng.renewal.statistics.internal.Dashboard;
import cn.liaocheng.renewal.statistics.internal.PlanTarget;
import cn.liaocheng.renewal.statistics.internal.PlanTargets;
import cn.liaocheng.renewal.statistics.internal.StatisticsAccess;
import cn.liaocheng.renewal.statistics.internal.TargetEdit;
import cn.liaocheng.renewal.statistics.internal.TargetProblem;

/**
 * The plan's targets: everyone who may see statistics reads them; the responsible body
 * enters values for its own reported targets; administrators edit the targets. What a
 * user may do is checked again in {@link PlanTargets}.
 */
@Controller
class TargetController {

	private final PlanTargets targets;

	private final Dashboard dashboard;

	private final StatisticsAccess access;

	private final OrganizationCatalog catalog;

	TargetController(PlanTargets targets, Dashboard dashboard, StatisticsAccess access, OrganizationCatalog catalog) {
		this.targets = targets;
		this.dashboard = dashboard;
		this.access = access;
		this.catalog = catalog;
	}

	@GetMapping("/statistics/targets")
	String list(@AuthenticationPrincipal PortalUser user, Model model) {
		model.addAttribute("progress", dashboard.progress(access.scope(user, null, null)));
		model.addAttribute("responsibleKeys",
				targets.all().stream().filter(t -> targets.responsible(user, t)).map(PlanTarget::key).toList());
		model.addAttribute("mayEdit", user.isAdministrator());
		model.addAttribute("departments", catalog.departments());
		model.addAttribute("figures", ComputedFigure.values());
		return "statistics/targets";
	}

	@GetMapping("/statistics/targets/{key}")
	String detail(@AuthenticationPrincipal PortalUser user, @PathVariable("key") String key, Model model) {
		access.scope(user, null, null);
		PlanTarget target = targets.find(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("target", target);
		model.addAttribute("values", targets.values(key));
		model.addAttribute("mayEnter", target.reported() && targets.responsible(user, target));
		model.addAttribute("mayEdit", user.isAdministrator());
		model.addAttribute("departments", catalog.departments());
		model.addAttribute("figures", ComputedFigure.values());
		model.addAttribute("today", LocalDate.now(Dashboard.CHINA_ZONE));
		return "statistics/target";
	}

	@PostMapping("/statistics/targets/{key}/values")
	String enter(@AuthenticationPrincipal PortalUser user, @PathVariable("key") String key,
			@RequestParam(name = "periodEnd", required = false) String periodEnd,
			@RequestParam(name = "value", required = false) String value,
			@RequestParam(name = "note", required = false) String note, RedirectAttributes redirect) {
		access.scope(user, null, null);
		try {
			targets.enter(user, key, date(periodEnd), number(value, "指标数值"), note, LocalDate.now(Dashboard.CHINA_ZONE));
			redirect.addFlashAttribute("message", "已保存填报数值。");
		}
		catch (TargetProblem problem) {
			redirect.addFlashAttribute("problem", problem.getMessage());
			redirect.addFlashAttribute("entered", new String[] { periodEnd, value, note });
		}
		return "redirect:/statistics/targets/" + key;
	}

	@PostMapping("/statistics/targets/{key}")
	String edit(@AuthenticationPrincipal PortalUser user, @PathVariable("key") String key,
			@ModelAttribute TargetFields fields, @RequestParam(name = "version", required = false) String version,
			RedirectAttributes redirect) {
		try {
			targets.update(user, key, fields.edit(integer(version, "版本")));
			redirect.addFlashAttribute("message", "已保存目标指标。");
		}
		catch (TargetProblem problem) {
			redirect.addFlashAttribute("problem", problem.getMessage());
			// with the version the form was read at: saved again, a colleague's change
			// made meanwhile is still refused, not overwritten
			HashMap<String, String> typed = fields.typed(null);
			typed.put("version", version);
			redirect.addFlashAttribute("typed", typed);
		}
		return "redirect:/statistics/targets/" + key;
	}

	@PostMapping("/statistics/targets")
	String create(@AuthenticationPrincipal PortalUser user, @RequestParam(name = "key", required = false) String key,
			@ModelAttribute TargetFields fields, RedirectAttributes redirect) {
		try {
			targets.create(user, key == null ? null : key.strip(), fields.edit(0));
			redirect.addFlashAttribute("message", "已新增目标指标。");
			return "redirect:/statistics/targets/" + key.strip();
		}
		catch (TargetProblem problem) {
			redirect.addFlashAttribute("problem", problem.getMessage());
			redirect.addFlashAttribute("typed", fields.typed(key));
			return "redirect:/statistics/targets#create";
		}
	}

	/**
	 * The fields of the target form as typed, posted by both the edit form and the
	 * new-target form.
	 */
	record TargetFields(String indicator, String wording, String targetYear, String targetValue, String unit,
			String comparison, String valueUnit, String baselineYear, String baselineValue, String bodyKey,
			String measure, String computedFrom, String measureNote) {

		/**
		 * What was typed, by field name, to fill the form in again after a refusal (a
		 * plain map: flash attributes live in the shared session store).
		 */
		HashMap<String, String> typed(String key) {
			HashMap<String, String> typed = new HashMap<>();
			typed.put("key", key);
			typed.put("indicator", indicator);
			typed.put("wording", wording);
			typed.put("targetYear", targetYear);
			typed.put("targetValue", targetValue);
			typed.put("unit", unit);
			typed.put("comparison", comparison);
			typed.put("valueUnit", valueUnit);
			typed.put("baselineYear", baselineYear);
			typed.put("baselineValue", baselineValue);
			typed.put("bodyKey", bodyKey);
			typed.put("measure", measure);
			typed.put("computedFrom", computedFrom);
			typed.put("measureNote", measureNote);
			return typed;
		}

		/**
		 * @throws TargetProblem when a year or a value is not a number
		 */
		TargetEdit edit(Integer version) {
			return new TargetEdit(indicator, wording, integer(targetYear, "目标年度"), number(targetValue, "目标值"), unit,
					comparison, valueUnit, integer(baselineYear, "基数年度"), number(baselineValue, "基数"), bodyKey, measure,
					computedFrom, measureNote, version);
		}

	}

	static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new TargetProblem("统计截止日期格式应为 年-月-日，例如 2025-12-31。");
		}
	}

	static BigDecimal number(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip().replace(",", ""));
		}
		catch (NumberFormatException e) {
			throw new TargetProblem(field + "应为数字。");
		}
	}

	static Integer integer(String text, String field) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (!text.strip().matches("\\d{1,9}")) {
			throw new TargetProblem(field + "应为整数。");
		}
		return Integer.valueOf(text.strip());
	}

}
