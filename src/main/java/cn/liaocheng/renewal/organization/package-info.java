/**
 * The programme's organisations as data: county-level divisions, departments, city
 * bodies, banks, and the Camunda groups named after them that decide who reviews what.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations")
package cn.liaocheng.renewal.organization;
