package cn.liaocheng.renewal.batch;

import java.util.List;

import cn.liaocheng.renewal.enterprise.FieldProblem;

/**
 * A window the bureau entered that cannot be saved, with what is wrong in each field, in
 * Chinese.
 */
public class WindowInvalidException extends RuntimeException {

	private final transient List<FieldProblem> problems;

	public WindowInvalidException(List<FieldProblem> problems) {
		super(String.join("；", problems.stream().map(FieldProblem::message).toList()));
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return problems;
	}

}
