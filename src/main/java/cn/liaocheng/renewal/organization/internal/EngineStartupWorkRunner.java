package cn.liaocheng.renewal.organization.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.liaocheng.renewal.organization.EngineStartupWork;

/**
 * Begins the {@link EngineStartupWork} once every bean of the application is made (so the
 * work never makes a bean on its own thread while the main thread makes others), and is
 * the first application runner: it waits for the work and fails the start with the work's
 * own exception if the work failed. On a fresh database the work (324 groups and the
 * Tasklist filters, with their grants) takes about half a second, which now runs beside
 * the web server's start instead of after it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineStartupWorkRunner implements SmartInitializingSingleton, ApplicationRunner, DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(EngineStartupWorkRunner.class);

	private final List<EngineStartupWork> work;

	private Thread thread;

	private final CompletableFuture<Void> done = new CompletableFuture<>();

	EngineStartupWorkRunner(ObjectProvider<EngineStartupWork> work) {
		this.work = work.orderedStream().toList();
	}

	@Override
	public void afterSingletonsInstantiated() {
		thread = new Thread(() -> {
			try {
				work.forEach(EngineStartupWork::run);
				done.complete(null);
			}
			catch (Throwable failure) {
				LOG.error("Start-up work on the engine's groups and filters failed; the start fails with it", failure);
				done.completeExceptionally(failure);
			}
		}, "engine-startup-work");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			done.join();
		}
		catch (CompletionException failed) {
			if (failed.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (failed.getCause() instanceof Error error) {
				throw error;
			}
			throw failed;
		}
	}

	/**
	 * A context closed before the runners (a failed start) does not leave the work
	 * running.
	 */
	@Override
	public void destroy() throws InterruptedException {
		if (thread != null && thread.isAlive()) {
			thread.interrupt();
			thread.join(10_000);
		}
	}

}
