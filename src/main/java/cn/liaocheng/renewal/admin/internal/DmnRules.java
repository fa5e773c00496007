package cn.liaocheng.renewal.admin.internal;

import java.util.List;
import java.util.Locale;

import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.DomElement;

/** The checks one DMN file must pass: retention set and no script languages. */
final class DmnRules {

	private static final String CAMUNDA_DMN = "http://camunda.org/schema/1.0/dmn";

	private final String resource;

	private final List<ModelProblem> problems;

	DmnRules(String resource, List<ModelProblem> problems) {
		this.resource = resource;
		this.problems = problems;
	}

	void check(DmnModelInstance model) {
		for (Decision decision : model.getModelElementsByType(Decision.class)) {
			String ttl = decision.getDomElement().getAttribute(CAMUNDA_DMN, "historyTimeToLive");
			if (ttl == null || ttl.isBlank()) {
				problems.add(new ModelProblem(resource, decision.getId(),
						"决策表未设置历史数据保留期限（camunda:historyTimeToLive），例如 P3650D"));
			}
		}
		walk(model.getDocument().getRootElement(), null);
	}

	private void walk(DomElement element, String ownerId) {
		String id = element.getAttribute("id");
		String owner = id != null && !id.isEmpty() ? id : ownerId;
		String language = element.getAttribute("expressionLanguage");
		if (language != null && !language.isEmpty() && !isFeelOrJuel(language)) {
			problems.add(new ModelProblem(resource, owner,
					"不允许使用脚本表达式语言 “" + language + "”：请用 FEEL（默认）或 JUEL"));
		}
		for (DomElement child : element.getChildElements()) {
			walk(child, owner);
		}
	}

	private static boolean isFeelOrJuel(String language) {
		String l = language.toLowerCase(Locale.ROOT);
		return l.contains("feel") || l.equals("juel");
	}

}
