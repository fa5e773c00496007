/**
 * Enterprises as applicants: their unified social credit codes, accounts and activation
 * by their county.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enterprises")
package cn.liaocheng.renewal.enterprise;
