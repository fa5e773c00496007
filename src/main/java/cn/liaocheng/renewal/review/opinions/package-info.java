/**
 * Reviewers' opinions of record: given at each step, stored, shown; and their saved
 * phrases (常用意见).
 */
package cn.liaocheng.renewal.review.opinions;
