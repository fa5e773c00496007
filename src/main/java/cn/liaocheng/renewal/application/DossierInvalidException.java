package cn.liaocheng.renewal.application;

import java.util.List;

import cn.liaocheng.renewal.enterprise.FieldProblem;

/** A dossier that cannot be saved or submitted as it is; nothing was changed. */
public class DossierInvalidException extends RuntimeException {

	private final List<FieldProblem> problems;

	public DossierInvalidException(List<FieldProblem> problems) {
		super("申报材料有 " + problems.size() + " 处需要修改");
		this.problems = List.copyOf(problems);
	}

	public List<FieldProblem> problems() {
		return problems;
	}

}
