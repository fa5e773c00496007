package cn.liaocheng.renewal.support;

import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;

import cn.liaocheng.renewal.admin.internal.TrustedDeployments;

/**
 * Deploys a test's probe past the administrators' pre-deployment check, as only the
 * application's own code can; the engine's own refusals still apply.
 */
public final class TrustedDeployment {

	private TrustedDeployment() {
	}

	public static Deployment deploy(DeploymentBuilder builder) {
		return TrustedDeployments.run(builder::deploy);
	}

}
