/**
 * Decisions that end applications (入库通知, 不予入库决定, 奖补资金下达, 贴息确认, 终止审查 and the rest):
 * numbered per issuing body and year, rendered as PDF official documents, signed with the
 * body's key, and checkable by anyone.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Decisions")
package cn.liaocheng.renewal.decision;
