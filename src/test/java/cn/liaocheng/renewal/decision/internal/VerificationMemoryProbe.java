package cn.liaocheng.renewal.decision.internal;

import cn.liaocheng.renewal.security.MemoryBombs;

/**
 * Runs in a JVM of its own with the production memory flags: what {@code POST /verify}
 * (open without login) does with an uploaded PDF, after its SHA-256 finds no decision.
 */
public final class VerificationMemoryProbe {

	private VerificationMemoryProbe() {
	}

	public static void main(String[] args) {
		MemoryBombs.occupyHeap();
		byte[] pdf = MemoryBombs.objectStreamPdf(Long.parseLong(args[0]));
		System.out.println("uploaded bytes " + pdf.length);
		System.out.println("findings " + SignatureCheck.of(pdf));
		System.out.println("survived");
	}

}
