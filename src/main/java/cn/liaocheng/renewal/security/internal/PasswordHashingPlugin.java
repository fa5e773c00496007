package cn.liaocheng.renewal.security.internal;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Makes the engine hash new passwords with Argon2id; the engine keeps verifying hashes
 * made earlier with its default SHA-512.
 */
@Component
class PasswordHashingPlugin extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setPasswordEncryptor(new Argon2PasswordEncryptor());
	}

}
