/**
 * Files kept by the system (attachments, decision PDFs) in the database, each with its
 * SHA-256.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package cn.liaocheng.renewal.document;
