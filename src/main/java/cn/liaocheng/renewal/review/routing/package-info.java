/**
 * Which city bodies review a case jointly (the routing table), the summary of each round,
 * and adding a body (加签).
 */
package cn.liaocheng.renewal.review.routing;
