/**
 * The public notice (公示) of a subsidy and the objections filed against it: the public
 * board, limits, receipts and their settlement.
 */
package cn.liaocheng.renewal.review.notice;
