/**
 * The demo data set: reviewers, bank officers, enterprises and an administrator, only in
 * the "demo" profile.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package cn.liaocheng.renewal.demo;
