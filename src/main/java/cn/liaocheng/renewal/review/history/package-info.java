/**
 * Where a case stands and what happened to it: the case page's progress, the handled
 * cases (已办) and the operations log.
 */
package cn.liaocheng.renewal.review.history;
