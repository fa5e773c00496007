package cn.liaocheng.renewal.decision;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A decision as issued: its document number (e.g. 聊工信审〔2026〕17号), the short code printed
 * beside its QR code, the stored signed PDF and that file's SHA-256.
 *
 * @param fileId the store's id of the signed PDF, never shown (the store's ids are one
 * sequence for every file of every party)
 * @param signer the subject of the certificate that signed it
 */
public record IssuedDecision(long id, long applicationId, DecisionType type, String issuingBody, String issuingBodyName,
		String number, String verificationCode, LocalDate decisionDate, Instant issuedAt, String enterpriseName,
		String creditCode, String projectName, @JsonIgnore long fileId, String sha256, String signer) {
}
