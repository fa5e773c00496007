package cn.liaocheng.renewal.ledger;

import java.time.LocalDate;

/**
 * A run of the ledger's accrual wrote periods that now wait for the city finance bureau's
 * approval (已计提): how many, on how many loans, on which day. Published once per run that
 * wrote any, in a transaction of its own.
 */
public record InterestPeriodsAccrued(int periods, int loans, LocalDate on) {
}
