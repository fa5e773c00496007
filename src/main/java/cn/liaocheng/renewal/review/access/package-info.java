/**
 * Who may open a dossier besides its enterprise (ReviewAccess), and the copies (抄送) that
 * let a body or person read one.
 */
package cn.liaocheng.renewal.review.access;
