package cn.liaocheng.renewal.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.organization.OrganizationCatalog;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The models the application ships pass the pre-deployment check, with the same code and
 * environment as an administrator's deployment: the build, not every start, checks them
 * ({@link PackagedModels}). A deployment of other contents is checked, even when it
 * differs from the shipped models in one byte or lacks one of them.
 */
@WebIntegrationTest
class PackagedModelsTest {

	@Autowired
	ProcessEngineConfigurationImpl engine;

	@Autowired
	ApplicationContext beans;

	@Autowired
	OrganizationCatalog catalog;

	@Test
	void theShippedModelsPassThePreDeploymentCheck() {
		Map<String, byte[]> shipped = PackagedModels.read(engine);
		assertThat(shipped).as("the start-up deployment's models")
			.containsKey("joint-review.bpmn")
			.hasSizeGreaterThan(20);

		List<ModelProblem> problems = inCommand(
				() -> new ModelValidator(new EngineModelEnvironment(beans, catalog)).validate(shipped));

		assertThat(problems).isEmpty();
	}

	@Test
	void onlyExactlyTheShippedContentsAreLeftUnchecked() {
		Map<String, byte[]> shipped = PackagedModels.read(engine);
		assertThat(inCommand(() -> PackagedModels.areExactly(shipped.values()))).isTrue();

		List<byte[]> oneChanged = new ArrayList<>(shipped.values());
		byte[] changed = oneChanged.get(0).clone();
		changed[changed.length - 1] = (byte) (changed[changed.length - 1] == ' ' ? '\n' : ' ');
		oneChanged.set(0, changed);
		assertThat(inCommand(() -> PackagedModels.areExactly(oneChanged))).isFalse();

		List<byte[]> oneMissing = new ArrayList<>(shipped.values());
		oneMissing.remove(0);
		assertThat(inCommand(() -> PackagedModels.areExactly(oneMissing))).isFalse();

		List<byte[]> oneMore = new ArrayList<>(shipped.values());
		oneMore.add("{\"id\":\"extra\",\"components\":[]}".getBytes(StandardCharsets.UTF_8));
		assertThat(inCommand(() -> PackagedModels.areExactly(oneMore))).isFalse();
	}

	private <T> T inCommand(java.util.function.Supplier<T> work) {
		Command<T> command = context -> work.get();
		return engine.getCommandExecutorTxRequired().execute(command);
	}

}
