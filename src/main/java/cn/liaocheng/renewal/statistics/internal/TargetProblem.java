package cn.liaocheng.renewal.statistics.internal;

/**
 * A target edit or value entry refused, with the reason in Chinese for the person who
 * sent it.
 */
public class TargetProblem extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public TargetProblem(String message) {
		super(message);
	}

}
