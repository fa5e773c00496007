/**
 * Operations on review tasks: hand-over (转办, 放回), batch claims, withdrawal, return to the
 * previous step and urging (撤回, 退回上一环节, 催办).
 */
package cn.liaocheng.renewal.review.tasks;
