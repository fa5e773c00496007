/**
 * The web portal's frame: the start page each kind of user lands on, error pages, and
 * who-am-I for the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal")
package cn.liaocheng.renewal.portal;
