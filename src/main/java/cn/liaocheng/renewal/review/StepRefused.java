package cn.liaocheng.renewal.review;

/**
 * A step's completion or work that the record does not support, with what the reviewer is
 * told. The services that check and record a step throw it; the step's listener or
 * delegate turns it into the engine's refusal, which Tasklist shows the reviewer (a
 * delegate's job: an incident once its retries are spent).
 */
public class StepRefused extends RuntimeException {

	public StepRefused(String message) {
		super(message);
	}

}
