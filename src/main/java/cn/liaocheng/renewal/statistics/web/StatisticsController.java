package cn.liaocheng.renewal.statistics.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import cn.liaocheng.renewal.organization.Division;
import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.security.PortalUser;
import cn.liaocheng.renewal.statistics.internal.Dashboard;
import cn.liaocheng.renewal.statistics.internal.StatTable;
import cn.liaocheng.renewal.statistics.internal.StatisticsAccess;
import cn.liaocheng.renewal.statistics.internal.StatisticsScope;
import cn.liaocheng.renewal.statistics.internal.TableExports;
import cn.liaocheng.renewal.statistics.internal.TargetProgress;

/**
 * The leadership's dashboard and its exports. The counties shown are decided by
 * {@link StatisticsAccess} from who asks; the {@code county} parameter can only narrow
 * that, never widen it.
 */
@Controller
class StatisticsController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final Dashboard dashboard;

	private final StatisticsAccess access;

	private final TableExports exports;

	private final OrganizationCatalog catalog;

	StatisticsController(Dashboard dashboard, StatisticsAccess access, TableExports exports,
			OrganizationCatalog catalog) {
		this.dashboard = dashboard;
		this.access = access;
		this.exports = exports;
		this.catalog = catalog;
	}

	@GetMapping("/statistics")
	String dashboard(@AuthenticationPrincipal PortalUser user,
			@RequestParam(name = "year", required = false) String year,
			@RequestParam(name = "county", required = false) String county, Model model) {
		StatisticsScope scope = scope(user, year, county);
		List<TargetProgress> progress = dashboard.progress(scope);
		Map<String, StatTable> tables = dashboard.all(scope, progress);
		model.addAttribute("scope", scope);
		model.addAttribute("scopeText", describe(scope));
		model.addAttribute("tables", tables);
		model.addAttribute("charts", dashboard.charts(tables, progress));
		model.addAttribute("total", tables.get("county").rows().get(tables.get("county").rows().size() - 1));
		model.addAttribute("years", years());
		model.addAttribute("yearParam", scope.year() == null ? "all" : scope.year().toString());
		model.addAttribute("countyParam",
				scope.cityWide() || scope.countyBody() ? "" : scope.divisions().iterator().next());
		model.addAttribute("counties", scope.countyBody() ? List.of() : catalog.divisions());
		return "statistics/dashboard";
	}

	@GetMapping("/statistics/export/{view}.{format}")
	ResponseEntity<byte[]> export(@AuthenticationPrincipal PortalUser user, @PathVariable("view") String view,
			@PathVariable("format") String format, @RequestParam(name = "year", required = false) String year,
			@RequestParam(name = "county", required = false) String county) {
		if (!"xlsx".equals(format) && !"csv".equals(format)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		StatisticsScope scope = scope(user, year, county);
		StatTable table = dashboard.table(view, scope)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String scopeText = describe(scope) + " · 导出时间 "
				+ LocalDateTime.now(Dashboard.CHINA_ZONE).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
		byte[] body = "xlsx".equals(format) ? exports.xlsx(table, scopeText) : exports.csv(table, scopeText);
		String name = table.title() + "-" + (scope.year() == null ? "全部年度" : scope.year() + "年") + "." + format;
		return ResponseEntity.ok()
			.contentType("xlsx".equals(format) ? XLSX : CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

	private StatisticsScope scope(PortalUser user, String year, String county) {
		try {
			return access.scope(user, county, parseYear(year));
		}
		catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, e.getMessage());
		}
	}

	/**
	 * Empty: the current year; {@code all}: every year; otherwise a year from 2023 to
	 * next year.
	 */
	static Integer parseYear(String year) {
		int current = LocalDate.now(Dashboard.CHINA_ZONE).getYear();
		if (year == null || year.isBlank()) {
			return current;
		}
		if ("all".equals(year)) {
			return null;
		}
		if (!year.matches("\\d{4}")) {
			throw new IllegalArgumentException("年度应为四位数字，例如 " + current + "。");
		}
		int value = Integer.parseInt(year);
		if (value < 2023 || value > current + 1) {
			throw new IllegalArgumentException("可查询的年度为2023年至" + (current + 1) + "年。");
		}
		return value;
	}

	/**
	 * Next year first: its application windows may open before it begins (the batch view
	 * counts them in their own year).
	 */
	private static List<Integer> years() {
		List<Integer> years = new ArrayList<>();
		for (int y = LocalDate.now(Dashboard.CHINA_ZONE).getYear() + 1; y >= 2024; y--) {
			years.add(y);
		}
		return years;
	}

	private String describe(StatisticsScope scope) {
		String where = scope.cityWide() ? "全市"
				: scope.divisions()
					.stream()
					.sorted()
					.map(code -> catalog.division(code).map(Division::name).orElse(code))
					.collect(Collectors.joining("、"));
		return "范围：" + where + " · " + (scope.year() == null ? "全部年度" : scope.year() + "年");
	}

}
