package cn.liaocheng.renewal.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.core.annotation.Order;

import cn.liaocheng.renewal.organization.EngineStartupWork;

/**
 * The engine's start-up work begins when its runner is made, runs in its order on a
 * thread of its own, and the runner, the first application runner, returns only when it
 * is done, failing with the work's own exception if it failed.
 */
class EngineStartupWorkRunnerTest {

	static final List<String> done = new CopyOnWriteArrayList<>();

	static final CountDownLatch begun = new CountDownLatch(1);

	static final CountDownLatch mayFinish = new CountDownLatch(1);

	@Order(5)
	static class Filters implements EngineStartupWork {

		@Override
		public void run() {
			done.add("filters on " + Thread.currentThread().getName());
		}

	}

	@Order(0)
	static class Groups implements EngineStartupWork {

		@Override
		public void run() {
			begun.countDown();
			try {
				mayFinish.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			done.add("groups on " + Thread.currentThread().getName());
		}

	}

	static class Failing implements EngineStartupWork {

		static final IllegalStateException FAILURE = new IllegalStateException("组已存在");

		@Override
		public void run() {
			throw FAILURE;
		}

	}

	@Test
	void beginsWhenMadeRunsInOrderBesideTheStartAndTheRunnerWaitsForIt() throws Exception {
		EngineStartupWorkRunner runner = runner(new Filters(), new Groups());

		runner.afterSingletonsInstantiated();
		assertThat(begun.await(30, TimeUnit.SECONDS)).as("the work began before the application runners").isTrue();
		assertThat(done).isEmpty();
		mayFinish.countDown();
		runner.run(new DefaultApplicationArguments());

		assertThat(done).containsExactly("groups on engine-startup-work", "filters on engine-startup-work");
	}

	@Test
	void aFailureFailsTheStartWithTheWorksOwnException() {
		EngineStartupWorkRunner runner = runner(new Failing());

		runner.afterSingletonsInstantiated();

		assertThatThrownBy(() -> runner.run(new DefaultApplicationArguments())).isSameAs(Failing.FAILURE);
	}

	private static EngineStartupWorkRunner runner(EngineStartupWork... work) {
		DefaultListableBeanFactory factory = new DefaultListableBeanFactory();
		factory.setDependencyComparator(AnnotationAwareOrderComparator.INSTANCE);
		for (EngineStartupWork w : work) {
			factory.registerSingleton(w.getClass().getSimpleName(), w);
		}
		return new EngineStartupWorkRunner(factory.getBeanProvider(EngineStartupWork.class));
	}

}
