/**
 * Names of people and bodies as the identity store and the organisation chart hold them.
 */
package cn.liaocheng.renewal.review.directory;
