/**
 * How a case ends: its final stage, the decision issued and signed, and what the decision
 * says about the path the case took.
 */
package cn.liaocheng.renewal.review.issuing;
