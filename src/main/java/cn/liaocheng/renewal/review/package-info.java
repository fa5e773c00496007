/**
 * County-to-city review: the opinions reviewers give in Tasklist, routing of the joint
 * review by the policy's responsible units, the kind-specific stages (subsidy amount,
 * public notice, bank decision), corrections with deadlines, and the access-checked
 * dossier view reviewers open from their tasks.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Review")
package cn.liaocheng.renewal.review;
