/** The banks' decisions on a loan: each bank's offer, and whether any granted. */
package cn.liaocheng.renewal.review.loan;
