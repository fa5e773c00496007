package cn.liaocheng.renewal.application;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Complete dossiers as the JSON an API client sends (tests spoil one field at a time),
 * and small files of each accepted and refused type, made in code.
 */
final class ApplicationFixtures {

	static final ObjectMapper JSON = new ObjectMapper();

	/** Two lathes at 185 000.00 yuan each. */
	static final BigDecimal LINE_AMOUNT = new BigDecimal("370000.00");

	private ApplicationFixtures() {
	}

	/**
	 * A project registration dossier that passes the submission check, with {@code lines}
	 * equipment lines.
	 */
	static ObjectNode project(int lines) {
		BigDecimal equipment = LINE_AMOUNT.multiply(BigDecimal.valueOf(lines)).add(new BigDecimal("100000.00"));
		ObjectNode d = JSON.createObjectNode();
		d.put("projectName", "冠县轴承生产线智能化改造项目");
		d.put("policyTask", "4");
		d.put("location", "冠县经济开发区演示路 8 号");
		d.put("constructionStart", "2026-03-01");
		d.put("constructionEnd", "2026-12-31");
		d.put("totalInvestment", equipment.add(new BigDecimal("1000000.00")).toPlainString());
		d.put("equipmentInvestment", equipment.toPlainString());
		d.put("needsNewLand", false);
		d.put("needsEnergyUse", true);
		d.put("needsEmissionQuota", false);
		d.put("expectedOutputValue", "8000000.00");
		d.put("expectedEnergySaving", "120.5");
		d.put("otherBenefits", "降低废品率，减少人工");
		ArrayNode equipmentLines = d.putArray("equipment");
		for (int i = 0; i < lines; i++) {
			equipmentLines.add(line(i));
		}
		return d;
	}

	/**
	 * A subsidy dossier for a registered project, equipment bought and in use before
	 * {@code today}.
	 */
	static ObjectNode subsidy(String projectId, LocalDate today) {
		ObjectNode d = JSON.createObjectNode();
		d.put("projectId", projectId);
		d.put("commissioningDate", today.minusDays(30).toString());
		ObjectNode line = line(0);
		line.put("invoiceNo", freshInvoiceNo());
		line.put("invoiceDate", today.minusDays(45).toString());
		line.put("invoiceAmount", "370000.00");
		d.putArray("equipment").add(line);
		return d;
	}

	private static final java.util.concurrent.atomic.AtomicInteger INVOICES = new java.util.concurrent.atomic.AtomicInteger(
			50_000_000 + new java.util.Random().nextInt(40_000_000));

	/**
	 * An 8-digit invoice number no other claim of this test run uses (an invoice can be
	 * claimed once).
	 */
	static String freshInvoiceNo() {
		return "3700221130-" + String.format("%08d", INVOICES.incrementAndGet());
	}

	static ObjectNode loan(String projectId) {
		ObjectNode d = JSON.createObjectNode();
		d.put("projectId", projectId);
		d.putArray("bankKeys").add("icbc");
		d.put("loanAmount", "2000000.00");
		d.put("loanTermMonths", "36");
		d.put("loanPurpose", "购置数控车床及配套检测设备");
		return d;
	}

	static ObjectNode line(int i) {
		ObjectNode line = JSON.createObjectNode();
		line.put("name", "数控车床 " + (i + 1));
		line.put("model", "CK6150-" + (i + 1));
		line.put("quantity", "2");
		line.put("unitPrice", "185000.00");
		line.put("origin", "DOMESTIC");
		line.put("replacesEquipment", "C6140 普通车床");
		line.put("replacedAgeYears", "16");
		line.put("efficiencyGrade", "2");
		return line;
	}

	static ObjectNode equipmentLine(ObjectNode dossier, int i) {
		return (ObjectNode) dossier.withArray("equipment").get(i);
	}

	/** The dossier as the API binds it. */
	static DossierForm form(ObjectNode dossier) {
		try {
			return JSON.treeToValue(dossier, DossierForm.class);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	static String json(ObjectNode dossier) {
		return dossier.toString();
	}

	/**
	 * A small, well-formed PDF; {@code label} goes into a comment so that each test's
	 * file has its own hash.
	 */
	static byte[] pdf(String label) {
		String text = "%PDF-1.4\n% " + label + "\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
				+ "2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n";
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * {@code size} bytes that a PDF reader would call broken, but that start as a PDF
	 * does.
	 */
	static byte[] pdfOfSize(int size) {
		byte[] content = new byte[size];
		Arrays.fill(content, (byte) ' ');
		byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(header, 0, content, 0, header.length);
		return content;
	}

	static byte[] png() {
		return image("png");
	}

	static byte[] jpeg() {
		return image("jpg");
	}

	/** The start of a Windows executable: the "MZ" DOS header and its stub message. */
	static byte[] windowsExecutable() {
		byte[] content = new byte[256];
		content[0] = 'M';
		content[1] = 'Z';
		content[2] = (byte) 0x90;
		byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(stub, 0, content, 78, stub.length);
		return content;
	}

	static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] image(String format) {
		BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
		image.setRGB(0, 0, 0xC8102E);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("no ImageIO writer for " + format);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

}
