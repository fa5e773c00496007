package cn.liaocheng.renewal.aftercare.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One instalment the county finance bureau paid out of the allocated subsidy. */
public record Payment(LocalDate paidOn, BigDecimal amount, String voucherNo, String bodyGroup, Instant recordedAt) {
}
