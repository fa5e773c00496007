package cn.liaocheng.renewal.application;

import java.time.Instant;

/** An attachment as listed with its dossier. */
public record AttachmentView(long id, AttachmentCategory category, String fileName, String mediaType, long size,
		String sha256, Instant uploadedAt) {
}
