package cn.liaocheng.renewal.aftercare.internal;

/** One file the enterprise sends with a submission, under the category it chose. */
public record Upload(EvidenceCategory category, String fileName, byte[] content) {
}
