/** Returning a case to the enterprise for correction: reasons and deadline. */
package cn.liaocheng.renewal.review.correction;
