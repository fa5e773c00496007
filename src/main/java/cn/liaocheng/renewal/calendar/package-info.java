/**
 * Working days on China's official calendar: Monday to Friday, except the public holidays
 * and make-up working days (调休上班) the State Council announces each year, kept as data in
 * {@code calendar_exception}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working-day calendar")
package cn.liaocheng.renewal.calendar;
