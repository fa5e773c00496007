package cn.liaocheng.renewal.review.process;

import java.util.HashSet;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInvocationContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.review.ReviewProcesses;
import cn.liaocheng.renewal.security.CommandCheckers;

/**
 * The case processes (the review's and the after-award ones) are started by the product
 * only: an application's submission starts its review, the allocation its after-award
 * process, the clawback's start its clawback. A signed-in user, administrators included,
 * cannot start one by hand, whichever door they use (the engine's REST API, Tasklist's
 * 发起流程, a start form or a start message): the engine refuses the new instance. The
 * product starts them without a signed-in user (or from a delegate, where the engine does
 * not check authorizations), so it is not affected. A restart of ended instances, an
 * administrator's batch, is not checked here; like any instance the product did not
 * start, a restarted one acts on no case ({@link CasePins}).
 */
@Component
class ProductStartsOnly extends AbstractProcessEnginePlugin {

	private static final Set<String> CASE_PROCESSES;

	static {
		Set<String> keys = new HashSet<>(ReviewProcesses.REVIEW_PROCESSES);
		keys.addAll(ReviewProcesses.AFTER_AWARD_PROCESSES);
		CASE_PROCESSES = Set.copyOf(keys);
	}

	/** Added after Camunda's own checkers, which the engine builds during init. */
	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		configuration.getCommandCheckers().add(checker());
	}

	/**
	 * One more of the engine's command checkers, next to Camunda's;
	 * {@link CommandChecker} has some 85 methods, all {@code void}: only the start of an
	 * instance is looked at.
	 */
	static CommandChecker checker() {
		return CommandCheckers.of("ProductStartsOnly", (method, args) -> {
			if ("checkCreateProcessInstance".equals(method) && args[0] instanceof ProcessDefinition definition
					&& CASE_PROCESSES.contains(definition.getKey()) && bySignedInUser()) {
				throw new AuthorizationException(
						"流程 " + definition.getKey() + " 是案件流程，只能由系统在办理中启动（提交申报、下达奖补资金、启动追回），不能手工发起。");
			}
			if ("checkUpdateProcessInstanceById".equals(method) && args[0] instanceof String instance
					&& bySignedInUser() && byMessageOrSignal()) {
				String key = processKeyOf(instance);
				if (key != null && CASE_PROCESSES.contains(key)) {
					throw new AuthorizationException(
							"流程 " + key + " 是案件流程，它等待的消息（申请验收、提交整改或绩效自评、缴清追回资金、接受贷款等）只能由系统在登记相应事实后发出，不能手工触发。");
				}
			}
		});
	}

	/**
	 * Whether the running command delivers a message or a signal (the engine checks
	 * those, among other commands, as an update of the instance they reach).
	 */
	private static boolean byMessageOrSignal() {
		CommandInvocationContext invocation = Context.getCommandInvocationContext();
		Object command = invocation == null ? null : invocation.getCommand();
		return command instanceof AbstractCorrelateMessageCmd || command instanceof MessageEventReceivedCmd
				|| command instanceof SignalEventReceivedCmd;
	}

	private static String processKeyOf(String processInstanceId) {
		ExecutionEntity execution = Context.getCommandContext()
			.getExecutionManager()
			.findExecutionById(processInstanceId);
		return execution == null || execution.getProcessDefinition() == null ? null
				: execution.getProcessDefinition().getKey();
	}

	/**
	 * Whether the current command runs for a signed-in user with authorization checks on
	 * (an administrator too).
	 */
	private static boolean bySignedInUser() {
		CommandContext context = Context.getCommandContext();
		return context != null && context.getAuthenticatedUserId() != null && context.isAuthorizationCheckEnabled();
	}

}
