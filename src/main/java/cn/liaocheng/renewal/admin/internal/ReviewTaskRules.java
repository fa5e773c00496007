package cn.liaocheng.renewal.admin.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;

import cn.liaocheng.renewal.review.ReviewTaskContract;

/**
 * A review user task ({@link ReviewTaskContract#isReviewTask}: a candidate group of a
 * county department, city body or bank) must keep what records its opinion and watches
 * its deadline: {@code decision} and {@code opinion} as empty input parameters (local to
 * the task) and the four task listeners of {@link ReviewTaskContract#LISTENERS}, the
 * timeout one with its {@code timeDate} timer. Each missing piece is one problem naming
 * the task by id and name, so that an edited model which would stop recording opinions,
 * or stop escalating overdue tasks, is never deployed.
 */
final class ReviewTaskRules {

	private ReviewTaskRules() {
	}

	static List<String> problems(UserTask task) {
		List<String> problems = new ArrayList<>();
		if (!ReviewTaskContract.isReviewTask(task.getCamundaCandidateGroups())) {
			return problems;
		}
		String named = "审核任务「" + (task.getName() == null || task.getName().isBlank() ? task.getId() : task.getName())
				+ "」";
		ExtensionElements extensions = task.getExtensionElements();
		List<CamundaInputParameter> inputs = extensions == null ? List.of()
				: extensions.getElementsQuery()
					.filterByType(CamundaInputOutput.class)
					.list()
					.stream()
					.flatMap(io -> io.getCamundaInputParameters().stream())
					.toList();
		for (String variable : ReviewTaskContract.localVariables(task.getCamundaCandidateGroups(),
				task.getCamundaFormRef())) {
			List<CamundaInputParameter> mapped = inputs.stream()
				.filter(p -> variable.equals(p.getCamundaName()))
				.toList();
			if (mapped.isEmpty()) {
				problems.add(named + "缺少输入参数 “" + variable + "”：审核任务须在“输入/输出”中把 " + variable
						+ " 设为任务的局部变量（camunda:inputParameter，不填值），否则并行审核的意见会相互覆盖，也会被其他审核方读到");
			}
			else if (mapped.stream().anyMatch(ReviewTaskRules::hasValue)) {
				problems.add(named + "的输入参数 “" + variable + "” 不能有值：它须为空，由审核人在表单中填写");
			}
		}
		Collection<CamundaTaskListener> listeners = extensions == null ? List.of()
				: extensions.getElementsQuery().filterByType(CamundaTaskListener.class).list();
		for (Map.Entry<String, String> required : ReviewTaskContract.LISTENERS.entrySet()) {
			String event = required.getKey();
			String expression = required.getValue();
			List<CamundaTaskListener> found = listeners.stream()
				.filter(l -> event.equals(l.getCamundaEvent()) && expression.equals(l.getCamundaDelegateExpression()))
				.toList();
			if (found.isEmpty()) {
				problems.add(named + "缺少任务监听器：事件 " + event + "，委托表达式 " + expression + "（" + purpose(event)
						+ "）；请在 Camunda Modeler 的“任务监听器”中加回");
			}
			else if ("timeout".equals(event)) {
				problems.addAll(timeoutProblems(named, found));
			}
		}
		return problems;
	}

	private static List<String> timeoutProblems(String named, List<CamundaTaskListener> found) {
		List<String> problems = new ArrayList<>();
		if (found.size() > 1) {
			problems.add(named + "的超期监听器只能有一个，否则超期会被处理多次");
			return problems;
		}
		CamundaTaskListener listener = found.get(0);
		if (!ReviewTaskContract.OVERDUE_LISTENER_ID.equals(listener.getAttributeValue("id"))) {
			problems.add(named + "的超期监听器（事件 timeout）的 id 须为 " + ReviewTaskContract.OVERDUE_LISTENER_ID
					+ "：系统按这个 id 让定时器跟随任务的办理期限");
		}
		Collection<TimerEventDefinition> timers = listener.getTimeouts();
		if (timers.size() != 1 || timers.iterator().next().getTimeDate() == null) {
			problems.add(named + "的超期监听器须有一个 timeDate 定时器（如 ${reviewDeadlines.standard()}）："
					+ "系统在任务创建时把它定在任务的办理期限，不能用 timeDuration 或 timeCycle");
		}
		return problems;
	}

	private static boolean hasValue(CamundaInputParameter parameter) {
		String text = parameter.getTextContent();
		return (text != null && !text.isBlank()) || !parameter.getDomElement().getChildElements().isEmpty();
	}

	private static String purpose(String event) {
		return switch (event) {
			case "create" -> "设置办理期限和申报阶段";
			case "complete" -> "把审核结论和意见记入审核记录";
			case "update" -> "办理期限变更时移动超期定时器，改派时通知相关人员";
			case "timeout" -> "到期未办理时提醒办理人并报送负责人督办";
			default -> event;
		};
	}

}
