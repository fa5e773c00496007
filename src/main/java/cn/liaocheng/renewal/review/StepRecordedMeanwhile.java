package cn.liaocheng.renewal.review;

/**
 * A step's record was written by another completion of the same task first (a second tab,
 * a colleague), and this one waited on its row: the engine's kind of conflict, which the
 * step's listener turns into one, not a failure of the database.
 */
public class StepRecordedMeanwhile extends RuntimeException {

	public StepRecordedMeanwhile() {
		super("recorded by another completion of the same task");
	}

}
