package cn.liaocheng.renewal.admin.internal;

import java.util.List;
import java.util.Locale;

import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * The checks one DMN file must pass: retention set and FEEL as the only expression
 * language.
 */
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
		if (language != null && !language.isEmpty() && !isFeel(language)) {
			problems.add(new ModelProblem(resource, owner,
					"不允许使用表达式语言 “" + language + "”：决策表只能用 FEEL（默认），JUEL 和脚本语言可以调用程序代码"));
		}
		for (DomElement child : element.getChildElements()) {
			walk(child, owner);
		}
	}

	/**
	 * FEEL cannot call Java (the engine builds it with external functions off); the
	 * tables use nothing else.
	 */
	private static boolean isFeel(String language) {
		return language.toLowerCase(Locale.ROOT).contains("feel");
	}

}
