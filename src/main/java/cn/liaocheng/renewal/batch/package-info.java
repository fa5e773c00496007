/**
 * 申报批次: the windows per year and kind in which the city industry bureau accepts
 * applications, their published notice, the gate that refuses a first submission outside
 * them, and the per-year project library (分年度项目库).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Application batches")
package cn.liaocheng.renewal.batch;
