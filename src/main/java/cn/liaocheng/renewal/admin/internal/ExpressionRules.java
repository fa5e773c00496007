package cn.liaocheng.renewal.admin.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

import cn.liaocheng.renewal.review.ModelVocabulary;

/**
 * Every expression of a BPMN model, in any attribute or text the engine may evaluate,
 * stays within the vocabulary of the product's models ({@link ModelVocabulary}): their
 * beans, their variables and their few members. An expression is code the engine runs
 * with the server's rights, so a model may not bring new names, methods or functions of
 * its own; the problem names the element by id and name.
 */
final class ExpressionRules {

	/** Prose the engine never evaluates. */
	private static final Set<String> PROSE = Set.of("documentation", "text");

	private final String resource;

	private final ModelEnvironment environment;

	private final List<ModelProblem> problems;

	ExpressionRules(String resource, ModelEnvironment environment, List<ModelProblem> problems) {
		this.resource = resource;
		this.environment = environment;
		this.problems = problems;
	}

	void check(BpmnModelInstance model) {
		Node root = model.getDocument().getDomSource().getNode();
		Element definitions = root instanceof org.w3c.dom.Document document ? document.getDocumentElement()
				: (Element) root;
		walk(definitions, null);
	}

	private void walk(Element element, Element owner) {
		if (PROSE.contains(element.getLocalName())) {
			return;
		}
		String id = element.getAttribute("id");
		// An event definition's id means nothing to an administrator: the event's does.
		Element named = !id.isEmpty() && !element.getLocalName().endsWith("EventDefinition") ? element : owner;
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			check(named, attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName(),
					attribute.getValue());
		}
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element e) {
				walk(e, named);
			}
		}
		// The element's own text, also beside child elements: the engine evaluates it
		// whatever else the element holds.
		check(named, element.getLocalName(), ownText(element));
	}

	/**
	 * The text directly inside an element, as the engine's parser reads it: every text
	 * and CDATA node of its own, joined, and none of its children's. A comment between
	 * two pieces does not part them ({@code $<!-- -->{x}} is read as {@code ${x}}).
	 */
	static String ownText(Element element) {
		StringBuilder text = new StringBuilder();
		for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Text t) {
				text.append(t.getData());
			}
		}
		return text.toString();
	}

	private void check(Element owner, String attribute, String value) {
		if (!Expressions.isExpression(value)) {
			return;
		}
		Optional<Expressions.Offence> offence = Expressions.outsideVocabulary(value);
		if (offence.isPresent()) {
			String unknown = offence.get().unknownName();
			if ("delegateExpression".equals(attribute) && unknown != null && !environment.isBean(unknown)) {
				problem(owner, "委托表达式 “" + value + "” 引用的 bean “" + unknown + "” 不存在");
			}
			else {
				problem(owner,
						describe(owner) + "的表达式 “" + value + "” " + offence.get().reason()
								+ "：模型中的表达式只能引用系统的委托 bean 和流程变量，成员只能用 "
								+ String.join("、", new TreeSet<>(ModelVocabulary.MEMBERS)));
			}
			return;
		}
		for (String bean : Expressions.beansNamed(value)) {
			if (!environment.isBean(bean)) {
				problem(owner, "表达式 “" + value + "” 引用的 bean “" + bean + "” 不存在");
			}
		}
	}

	private static String describe(Element owner) {
		String name = owner == null ? "" : owner.getAttribute("name");
		return name.isBlank() ? "" : "元素 “" + name + "” ";
	}

	private void problem(Element owner, String message) {
		problems.add(new ModelProblem(resource, owner == null ? null : owner.getAttribute("id"), message));
	}

}
