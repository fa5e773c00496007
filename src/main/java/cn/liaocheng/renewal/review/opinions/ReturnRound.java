package cn.liaocheng.renewal.review.opinions;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.liaocheng.renewal.review.ReviewProcesses;

/**
 * The returns for correction one correction answers: every return recorded since the case
 * was last (re)submitted. In a joint review several bodies may return the case in one
 * round, and the enterprise must be told all their reasons at once (一次性告知), not only the
 * last body's.
 *
 * @param returns the round's returns, oldest first
 */
public record ReturnRound(List<Opinion> returns) {

	/**
	 * The round of {@code record} (the case's standing opinions, oldest first) since
	 * {@code lastSubmitted}, the last submission or resubmission; null for none.
	 */
	public static ReturnRound of(List<Opinion> record, Instant lastSubmitted) {
		return new ReturnRound(record.stream()
			.filter(o -> ReviewProcesses.RETURN.equals(o.decision()))
			.filter(o -> lastSubmitted == null || o.at().isAfter(lastSubmitted))
			.toList());
	}

	public boolean isEmpty() {
		return returns.isEmpty();
	}

	/** The bodies that returned the case, each once: "市发展和改革委员会、市生态环境局". */
	public String bodies() {
		return eachOnce(Opinion::bodyName);
	}

	/** The steps at which they did: "市级联审". */
	public String steps() {
		return eachOnce(Opinion::stepName);
	}

	private String eachOnce(Function<Opinion, String> name) {
		return returns.stream().map(name).distinct().collect(Collectors.joining("、"));
	}

	/**
	 * Every reason with who gave it and where: "市生态环境局（市级联审）：…；市发展和改革委员会（市级联审）：…".
	 */
	public String reasons() {
		return returns.stream()
			.map(o -> o.bodyName() + "（" + o.stepName() + "）：" + o.opinion())
			.collect(Collectors.joining("；"));
	}

	/**
	 * The reasons where the bodies are named beside them already: one body's reason as it
	 * wrote it, several bodies' each after its name.
	 */
	public String reasonsByBody() {
		if (returns.size() == 1) {
			return returns.get(0).opinion();
		}
		return returns.stream().map(o -> o.bodyName() + "：" + o.opinion()).collect(Collectors.joining("；"));
	}

}
