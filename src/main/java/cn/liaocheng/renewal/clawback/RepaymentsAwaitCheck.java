package cn.liaocheng.renewal.clawback;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A clawback's deadline passed with everything owed recorded as paid in time and not yet
 * checked: the county finance bureau (its officers and its lead) is told to check it by
 * {@code checkBy}, after which the case goes to the overdue follow-up. Published in the
 * transaction that records the wait.
 *
 * @param financeGroup the county finance bureau's group
 */
public record RepaymentsAwaitCheck(long applicationId, String financeGroup, BigDecimal pending, LocalDate checkBy) {
}
