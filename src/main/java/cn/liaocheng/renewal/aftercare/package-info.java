/**
 * After a subsidy is allocated: payment by the county finance bureau (拨付), completion
 * acceptance (项目验收), performance evaluation (绩效评价); a failed acceptance, a lapsed
 * rectification or false material found later announces that the subsidy must be clawed
 * back ({@link cn.liaocheng.renewal.aftercare.ClawbackDue}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "After the award")
package cn.liaocheng.renewal.aftercare;
