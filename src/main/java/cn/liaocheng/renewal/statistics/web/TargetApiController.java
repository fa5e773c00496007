package cn.liaocheng.renewal.statistics.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.liaocheng.renewal.security.PortalUser;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import cn.liaocheng.renewal.statistics.internal.Dashboard;
import cn.liaocheng.renewal.statistics.internal.PlanTargets;
import cn.liaocheng.renewal.statistics.internal.StatisticsAccess;
import cn.liaocheng.renewal.statistics.internal.TargetProblem;
import cn.liaocheng.renewal.statistics.internal.TargetProgress;
import cn.liaocheng.renewal.statistics.internal.TargetValue;

/**
 * The targets for other systems: progress as the dashboard computes it, and the
 * responsible body's periodic value (e.g. the telecom office's count of 5G base stations
 * sent by its own reporting tool with the office's account).
 */
@RestController
class TargetApiController {

	private final PlanTargets targets;

	private final Dashboard dashboard;

	private final StatisticsAccess access;

	private final ObjectMapper json;

	TargetApiController(PlanTargets targets, Dashboard dashboard, StatisticsAccess access, ObjectMapper json) {
		this.json = json;
		this.targets = targets;
		this.dashboard = dashboard;
		this.access = access;
	}

	@GetMapping(path = "/api/statistics/targets", produces = MediaType.APPLICATION_JSON_VALUE)
	List<TargetJson> progress(@AuthenticationPrincipal PortalUser user) {
		return dashboard.progress(access.scope(user, null, null)).stream().map(TargetJson::of).toList();
	}

	@PostMapping(path = "/api/statistics/targets/{key}/values", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<TargetValue> enter(@AuthenticationPrincipal PortalUser user, @PathVariable("key") String key,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					schema = @Schema(implementation = ValueJson.class))) @RequestBody JsonNode json) {
		access.scope(user, null, null);
		ValueJson body = strict(json);
		TargetValue saved = targets.enter(user, key, body.periodEnd(), body.value(), body.note(),
				LocalDate.now(Dashboard.CHINA_ZONE));
		return ResponseEntity.created(URI.create("/api/statistics/targets")).body(saved);
	}

	@ExceptionHandler(TargetProblem.class)
	ResponseEntity<ProblemDetail> refused(TargetProblem problem) {
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, problem.getMessage());
		detail.setTitle("填报未保存");
		return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(detail);
	}

	/**
	 * The value as sent, with no field besides its own: a field it does not have (an
	 * "enteredBy", a "targetKey") is an error, not silently dropped.
	 */
	private ValueJson strict(JsonNode json) {
		if (json == null || !json.isObject()) {
			throw new TargetProblem("请求内容应为 JSON 对象：periodEnd、value、note。");
		}
		List<String> unknown = new ArrayList<>();
		json.fieldNames().forEachRemaining(name -> {
			if (!VALUE_FIELDS.contains(name)) {
				unknown.add(name);
			}
		});
		if (!unknown.isEmpty()) {
			throw new TargetProblem("不允许的字段：" + String.join("、", unknown) + "。只能填写 periodEnd、value、note。");
		}
		try {
			return this.json.treeToValue(json, ValueJson.class);
		}
		catch (JsonProcessingException | IllegalArgumentException e) {
			throw new TargetProblem("数据格式不正确：periodEnd 为 yyyy-MM-dd 日期，value 为数字，note 为文字。");
		}
	}

	private static final Set<String> VALUE_FIELDS = Set.of("periodEnd", "value", "note");

	/**
	 * A value as sent: the end of the period it describes (yyyy-MM-dd), the value and an
	 * optional note.
	 */
	record ValueJson(LocalDate periodEnd, BigDecimal value, String note) {
	}

	record TargetJson(String key, String indicator, String wording, int targetYear, BigDecimal targetValue, String unit,
			String measure, String responsibleBody, BigDecimal current, String currentText, String asOf,
			BigDecimal achievedPercent, BigDecimal gap, String missing) {

		static TargetJson of(TargetProgress p) {
			return new TargetJson(p.target().key(), p.target().indicator(), p.target().wording(),
					p.target().targetYear(), p.target().targetValue(), p.target().unit(), p.target().measure().name(),
					p.bodyName(), p.current(), p.currentText(), p.asOf(), p.achieved(), p.gap(), p.missing());
		}

	}

}
