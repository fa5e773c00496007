package cn.liaocheng.renewal.admin.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A refused deployment. It is the engine's {@link ParseException} so that the REST API
 * answers 400 with every problem, per resource and element id, in its {@code details}
 * (Camunda Modeler shows them), and the message lists them all in Chinese.
 */
class ModelValidationException extends ParseException {

	private static final long serialVersionUID = 1L;

	private final transient List<ModelProblem> problems;

	ModelValidationException(List<ModelProblem> problems) {
		super(summary(problems), problems.get(0).resource(), List.of(), List.of());
		this.problems = List.copyOf(problems);
		this.resorceReports = reports(problems);
	}

	List<ModelProblem> problems() {
		return problems;
	}

	static String summary(List<ModelProblem> problems) {
		StringBuilder text = new StringBuilder("部署被拒绝，未部署任何内容。共发现 " + problems.size() + " 个问题：");
		for (int i = 0; i < problems.size(); i++) {
			text.append('\n').append(i + 1).append(". ").append(problems.get(i).describe());
		}
		return text.toString();
	}

	private static List<ResourceReport> reports(List<ModelProblem> problems) {
		Map<String, List<Problem>> byResource = new LinkedHashMap<>();
		for (ModelProblem p : problems) {
			byResource.computeIfAbsent(p.resource(), r -> new ArrayList<>()).add(new EngineProblem(p));
		}
		return byResource.entrySet()
			.stream()
			.map(e -> (ResourceReport) new Report(e.getKey(), e.getValue()))
			.collect(Collectors.toList());
	}

	private record EngineProblem(ModelProblem problem) implements Problem {

		@Override
		public String getMessage() {
			return problem.message();
		}

		@Override
		public int getLine() {
			return 0;
		}

		@Override
		public int getColumn() {
			return 0;
		}

		@Override
		public String getMainElementId() {
			return problem.elementId();
		}

		@Override
		public List<String> getElementIds() {
			return problem.elementId() == null ? List.of() : List.of(problem.elementId());
		}

	}

	private record Report(String getResourceName, List<Problem> getErrors) implements ResourceReport {

		@Override
		public List<Problem> getWarnings() {
			return List.of();
		}

	}

}
