package cn.liaocheng.renewal.decision;

/** Lays out {@link PrintedDocument}s in the decisions' layout family, as PDF. */
public interface Printing {

	byte[] pdf(PrintedDocument document);

}
