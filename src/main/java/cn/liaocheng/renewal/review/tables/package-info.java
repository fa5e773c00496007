/**
 * The administrators' decision tables as a case meets them: a step that decides by a
 * table (the joint review's bodies, whether an expert review is held) takes the version
 * in force and records which; a later check of that step (the decision's grounds) reads
 * the same version, so an administrator's change of a table rules the cases that reach
 * the step afterwards and does not re-judge those already past it.
 */
package cn.liaocheng.renewal.review.tables;
