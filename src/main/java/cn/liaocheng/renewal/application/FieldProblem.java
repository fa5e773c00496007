package cn.liaocheng.renewal.application;

import java.io.Serializable;

/**
 * One thing wrong with what was submitted: the field (as the form and the JSON name it) and what is wrong.
 * Serializable because the portal carries problems across a redirect in flash attributes, which live in the
 * JDBC-backed session.
 */
public record FieldProblem(String field, String message) implements Serializable {
}
