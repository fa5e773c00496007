/**
 * The subsidy amount and the interest subsidy, computed from the policy tables; the
 * portal's estimate.
 */
package cn.liaocheng.renewal.review.subsidy;
