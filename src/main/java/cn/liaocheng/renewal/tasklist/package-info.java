/**
 * What reviewers find in Camunda Tasklist besides Camunda's own screens: the ready-made
 * filters 我的待办, 本部门待办 and 即将超期, shared with every review group. Tasklist's Chinese labels
 * and configuration are static files under
 * src/main/resources/META-INF/resources/webjars/camunda/app/, which override the webapp
 * jar's files of the same path.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tasklist")
package cn.liaocheng.renewal.tasklist;
