/**
 * Statistics for the city's leadership: the plan's targets as data with the responsible
 * bodies' periodic values, and a dashboard of applications, amounts, processing times,
 * loans, money after award and progress against the targets, every view exportable to
 * Excel and CSV. A read model: it aggregates other modules' tables in SQL and never
 * writes them; money after award comes from the modules that record it, through
 * {@link MoneyFlows}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statistics")
package cn.liaocheng.renewal.statistics;
