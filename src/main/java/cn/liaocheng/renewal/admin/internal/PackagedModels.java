package cn.liaocheng.renewal.admin.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.core.io.Resource;

/**
 * The models the application ships (bpmn/ and forms/, the start-up deployment's
 * resources, {@code camunda.bpm.deployment-resource-pattern}): the build checks them with
 * the pre-deployment check ({@code PackagedModelsTest}), so that a deployment of exactly
 * these contents, byte for byte, is not checked again at every start. Their contents
 * decide, not a deployment's or a resource's name, which anyone deploying through the
 * REST API can choose.
 */
final class PackagedModels {

	private PackagedModels() {
	}

	/**
	 * Whether {@code contents} are exactly the shipped models' contents: as many, and
	 * each one of them.
	 */
	static boolean areExactly(Collection<byte[]> contents) {
		List<String> packaged = digests();
		if (packaged.isEmpty() || packaged.size() != contents.size()) {
			return false;
		}
		List<String> given = new ArrayList<>(contents.stream().map(PackagedModels::digest).toList());
		given.sort(null);
		return given.equals(packaged);
	}

	/**
	 * The shipped models by name, as the start-up deployment reads them; empty when the
	 * engine is not the application's Spring engine.
	 */
	static Map<String, byte[]> read(ProcessEngineConfigurationImpl configuration) {
		Map<String, byte[]> models = new LinkedHashMap<>();
		if (configuration instanceof SpringProcessEngineConfiguration spring
				&& spring.getDeploymentResources() != null) {
			for (Resource resource : spring.getDeploymentResources()) {
				try (InputStream in = resource.getInputStream()) {
					models.put(resource.getFilename(), in.readAllBytes());
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
		}
		return models;
	}

	/** The SHA-256 of each shipped model, sorted. */
	private static List<String> digests() {
		List<String> digests = new ArrayList<>(
				read(Context.getProcessEngineConfiguration()).values().stream().map(PackagedModels::digest).toList());
		digests.sort(null);
		return digests;
	}

	private static String digest(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

}
