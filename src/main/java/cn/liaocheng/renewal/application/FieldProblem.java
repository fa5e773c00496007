package cn.liaocheng.renewal.application;

/** One thing wrong with what was submitted: the field (as the form and the JSON name it) and what is wrong. */
public record FieldProblem(String field, String message) {
}
