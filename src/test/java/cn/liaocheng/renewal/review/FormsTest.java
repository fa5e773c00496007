package cn.liaocheng.renewal.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The forms in forms/ are edited by administrators, but the processes read their
 * variables by name: this keeps the names, decision values and required fields the
 * process code relies on from drifting, without starting an engine.
 */
class FormsTest {

	private static final Path FORMS = Path.of("forms");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

	private static final String DOSSIER_LINK = "[查看完整申报材料、设备清单、附件和历次审核意见](/review/applications/{{applicationId}})";

	private static final List<String> APPROVE_RETURN_REFUSE = List.of("APPROVE", "RETURN", "REFUSE");

	private static final List<String> APPROVE_REFUSE = List.of("APPROVE", "REFUSE");

	/**
	 * Decision values per form; the gateways in the processes test exactly these strings.
	 */
	private static final Map<String, List<String>> DECISIONS = Map.ofEntries(
			Map.entry("county-formal-review", APPROVE_RETURN_REFUSE),
			Map.entry("county-invoice-check", APPROVE_RETURN_REFUSE),
			Map.entry("county-recommendation", APPROVE_RETURN_REFUSE),
			Map.entry("city-acceptance", APPROVE_RETURN_REFUSE),
			Map.entry("joint-review-opinion", APPROVE_RETURN_REFUSE), Map.entry("city-decision", APPROVE_RETURN_REFUSE),
			Map.entry("expert-review", APPROVE_REFUSE), Map.entry("objection-resolution", APPROVE_REFUSE),
			Map.entry("finance-allocation", APPROVE_REFUSE), Map.entry("pboc-listing", APPROVE_REFUSE),
			Map.entry("finance-interest-subsidy", APPROVE_REFUSE),
			Map.entry("bank-decision", List.of("GRANTED", "DECLINED")),
			// subsidy-aftercare: payment is recorded, not decided; 限期整改 is the city's
			// RETURN
			Map.entry("county-payment", List.of("APPROVE")),
			Map.entry("county-acceptance-check", List.of("APPROVE", "RETURN")),
			Map.entry("city-onsite-acceptance", APPROVE_RETURN_REFUSE),
			Map.entry("performance-evaluation", APPROVE_REFUSE), Map.entry("clawback-determination", APPROVE_REFUSE),
			Map.entry("clawback-confirmation", APPROVE_REFUSE), Map.entry("clawback-overdue", List.of("APPROVE")),
			Map.entry("clawback-statement-review", List.of("REFUSE", "APPROVE")));

	private static final String ENTERPRISE_CORRECTION = "enterprise-correction";

	private static final String BANK_DECISION = "bank-decision";

	static Stream<Path> formFiles() throws IOException {
		try (Stream<Path> files = Files.list(FORMS)) {
			return files.filter(Files::isRegularFile).sorted().toList().stream();
		}
	}

	@Test
	void everyFormTheProcessesReferenceIsInTheFormsFolder() throws IOException {
		Set<String> names = new HashSet<>();
		formFiles().forEach(file -> names.add(file.getFileName().toString()));
		for (String id : DECISIONS.keySet()) {
			assertTrue(names.contains(id + ".form"), "missing forms/" + id + ".form");
		}
		assertTrue(names.contains(ENTERPRISE_CORRECTION + ".form"), "missing forms/" + ENTERPRISE_CORRECTION + ".form");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formFiles")
	void formIsCamundaFormWhoseIdIsItsFileName(Path file) throws IOException {
		JsonNode form = read(file);
		String fileName = file.getFileName().toString();
		assertTrue(fileName.endsWith(".form"), "only .form files belong in forms/: " + fileName);
		assertEquals(fileName.substring(0, fileName.length() - ".form".length()), form.path("id").asText(), "id");
		assertEquals(16, form.path("schemaVersion").asInt(), "schemaVersion");
		assertEquals("Camunda Platform", form.path("executionPlatform").asText(), "executionPlatform");
		assertEquals("7.24.0", form.path("executionPlatformVersion").asText(), "executionPlatformVersion");
		assertEquals("default", form.path("type").asText(), "type");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formFiles")
	void everyComponentHasAUniqueIdAndEveryKeyIsBoundOnce(Path file) throws IOException {
		List<JsonNode> components = components(read(file));
		assertFalse(components.isEmpty(), "form has no components");
		Set<String> ids = new HashSet<>();
		Set<String> keys = new HashSet<>();
		for (JsonNode component : components) {
			String id = component.path("id").asText("");
			assertFalse(id.isBlank(), "component without id: " + component);
			assertTrue(ids.add(id), "duplicate component id " + id);
			if (component.hasNonNull("key")) {
				assertTrue(keys.add(component.get("key").asText()), "variable bound twice: " + component.get("key"));
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formFiles")
	void everyLabelAndTextIsChinese(Path file) throws IOException {
		for (JsonNode component : components(read(file))) {
			for (String property : List.of("label", "dateLabel", "timeLabel", "description", "text")) {
				if (component.hasNonNull(property)) {
					assertChinese(component.get(property).asText(), component.path("id").asText() + "." + property);
				}
			}
			for (JsonNode option : component.path("values")) {
				assertChinese(option.path("label").asText(), component.path("id").asText() + " option " + option);
			}
			if (component.has("key") && !"datetime".equals(component.path("type").asText())) {
				assertTrue(component.hasNonNull("label"), component.path("id").asText() + " has no label");
			}
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formFiles")
	void formStartsWithHeadingCaseFieldsAndLinkToTheDossier(Path file) throws IOException {
		JsonNode form = read(file);
		List<JsonNode> components = components(form);
		JsonNode heading = components.get(0);
		assertEquals("text", heading.path("type").asText(), "first component is the step heading");
		assertTrue(heading.path("text").asText().startsWith("### "), "heading is markdown: " + heading);
		for (String key : List.of("referenceNo", "enterpriseName", "applicationTitle")) {
			JsonNode field = byKey(components, key);
			assertEquals("textfield", field.path("type").asText(), key);
			assertTrue(field.path("readonly").asBoolean(), key + " is readonly");
		}
		if (!ENTERPRISE_CORRECTION.equals(form.path("id").asText())) {
			assertTrue(components.stream()
				.anyMatch(
						c -> "text".equals(c.path("type").asText()) && c.path("text").asText().contains(DOSSIER_LINK)),
					"dossier link");
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("formFiles")
	void reviewFormHasRequiredDecisionWithTheAllowedValuesAndRequiredOpinion(Path file) throws IOException {
		JsonNode form = read(file);
		String id = form.path("id").asText();
		List<JsonNode> components = components(form);
		if (ENTERPRISE_CORRECTION.equals(id)) {
			assertTrue(components.stream().noneMatch(c -> "decision".equals(c.path("key").asText())),
					"the enterprise corrects in the portal, not by deciding a task");
			for (String key : List.of("correctionReasons", "correctionDeadline")) {
				assertTrue(byKey(components, key).path("readonly").asBoolean(), key + " is readonly");
			}
			assertTrue(components.get(0).path("text").asText().contains("我的申报 → 修改申报材料 → 提交"), "portal path");
			return;
		}
		List<String> allowed = DECISIONS.get(id);
		assertNotNull(allowed, "no decision values defined for form " + id);

		JsonNode decision = byKey(components, "decision");
		assertEquals("radio", decision.path("type").asText(), "decision type");
		assertTrue(decision.path("validate").path("required").asBoolean(), "decision is required");
		List<String> values = new ArrayList<>();
		decision.path("values").forEach(option -> values.add(option.path("value").asText()));
		assertEquals(allowed, values, "decision values");

		JsonNode opinion = byKey(components, "opinion");
		assertEquals("textarea", opinion.path("type").asText(), "opinion type");
		JsonNode validate = opinion.path("validate");
		assertTrue(validate.path("required").asBoolean(), "opinion is required");
		assertEquals(2, validate.path("minLength").asInt(), "opinion minLength");
		assertEquals(2000, validate.path("maxLength").asInt(), "opinion maxLength");
		assertTrue(opinion.path("description").asText().contains("理由"), "opinion tells reviewers to give reasons");
	}

	@Test
	void clawbackAsksForAmountDeadlineAndListingOnlyWhenItRecovers() throws IOException {
		List<JsonNode> components = components(read(FORMS.resolve("clawback-determination.form")));
		// Nothing paid: nothing to recover by a deadline, the allocation is revoked.
		for (String key : List.of("clawbackAmount", "repaymentDeadline")) {
			assertEquals("=decision != \"APPROVE\" or nothingPaid = true",
					byKey(components, key).path("conditional").path("hide").asText(), key + " hide");
		}
		assertEquals("=decision != \"APPROVE\"",
				byKey(components, "listNegative").path("conditional").path("hide").asText(), "listNegative hide");
		assertEquals("number", byKey(components, "clawbackAmount").path("type").asText());
		assertEquals(2, byKey(components, "clawbackAmount").path("decimalDigits").asInt());
		assertEquals("datetime", byKey(components, "repaymentDeadline").path("type").asText());
		assertEquals(60, byKey(components, "listMonths").path("validate").path("max").asInt());
		List<JsonNode> confirmation = components(read(FORMS.resolve("clawback-confirmation.form")));
		assertTrue(byKey(confirmation, "repaymentAccount").path("readonly").asBoolean(),
				"the account is the county's on record, shown, not typed");
		assertEquals("=decision != \"APPROVE\" or nothingPaid = true",
				byKey(confirmation, "repaymentAccount").path("conditional").path("hide").asText(),
				"no account for a revocation");
	}

	/**
	 * With nothing paid the server can only revoke the whole allocation (a decision ends
	 * all further payment): the texts the officer then sees ask for no amount and say why
	 * a part cannot be revoked.
	 */
	@Test
	void clawbackOffersNoPartialRevocationWhenNothingWasPaid() throws IOException {
		List<JsonNode> texts = components(read(FORMS.resolve("clawback-determination.form"))).stream()
			.filter(c -> "text".equals(c.path("type").asText()))
			.toList();
		String nothingPaid = shownTexts(texts, "=nothingPaid != true");
		String somethingPaid = shownTexts(texts, "=nothingPaid = true");

		assertFalse(nothingPaid.contains("追回的奖补资金金额"), "no amount asked when nothing was paid: " + nothingPaid);
		assertFalse(nothingPaid.contains("部分设备"), nothingPaid);
		assertTrue(nothingPaid.contains("不能只认定一部分应予撤销"), "the reason a part cannot be revoked: " + nothingPaid);
		assertTrue(nothingPaid.contains("认定全部已下达资金应予撤销"), nothingPaid);
		assertTrue(somethingPaid.contains("核定应追回的奖补资金金额"), somethingPaid);
		assertFalse(somethingPaid.contains("不能只认定一部分应予撤销"), somethingPaid);
	}

	/**
	 * The city finance bureau allocates the subsidy: the industry bureau does not revoke
	 * it, it issues a 财政奖补资金处理决定书 that holds the money and proposes the revocation. The
	 * forms announce that document, not a revocation.
	 */
	@Test
	void clawbackFormsAnnounceTheDecisionThatIsIssuedWhenNothingWasPaid() throws IOException {
		for (String form : List.of("clawback-determination", "clawback-confirmation")) {
			String nothingPaid = shownTexts(components(read(FORMS.resolve(form + ".form"))).stream()
				.filter(c -> "text".equals(c.path("type").asText()))
				.toList(), "=nothingPaid != true");
			assertTrue(nothingPaid.contains("财政奖补资金处理决定书"), form + ": " + nothingPaid);
			assertTrue(nothingPaid.contains("建议市财政局撤销"), form + ": " + nothingPaid);
			assertTrue(nothingPaid.contains("暂停拨付"), form + ": " + nothingPaid);
			assertFalse(nothingPaid.contains("撤销奖补资金决定书"), form + ": " + nothingPaid);
			assertFalse(nothingPaid.contains("不再拨付"), form + ": " + nothingPaid);
		}
	}

	/**
	 * The texts shown when the one condition on {@code nothingPaid} that would hide them
	 * does not hold: unconditional texts and those hidden only by the other condition.
	 */
	private static String shownTexts(List<JsonNode> texts, String shownWhenHiddenBy) {
		return texts.stream().filter(t -> {
			String hide = t.path("conditional").path("hide").asText("");
			return hide.isEmpty() || hide.equals(shownWhenHiddenBy);
		}).map(t -> t.path("text").asText()).reduce("", (a, b) -> a + "\n" + b);
	}

	/**
	 * The evaluation compares the report with what the project declared when it was
	 * registered: the form leads to the page that shows those figures, and does not ask
	 * for a comparison with digital indicators, which registration never asks.
	 */
	@Test
	void performanceEvaluationLeadsToTheDeclaredBenefitsAndPromisesNoDeclaredDigitalIndicators() throws IOException {
		String texts = components(read(FORMS.resolve("performance-evaluation.form"))).stream()
			.filter(c -> "text".equals(c.path("type").asText()))
			.map(c -> c.path("text").asText())
			.reduce("", (a, b) -> a + "\n" + b);

		assertTrue(texts.contains("](/review/aftercare/{{applicationId}})"),
				"a link to the declared benefits: " + texts);
		assertTrue(texts.contains("其他效益"), texts);
		assertFalse(texts.contains("承诺的年新增产值、节能量、能效水平和数字化指标"), texts);
		assertTrue(texts.contains("项目登记时不填报数字化指标"), texts);
	}

	@Test
	void bankAsksForLoanTermsOnlyWhenItGrantsTheLoan() throws IOException {
		List<JsonNode> components = components(read(FORMS.resolve(BANK_DECISION + ".form")));
		for (String key : List.of("grantedAmount", "interestRate", "termMonths", "grantDate")) {
			JsonNode field = byKey(components, key);
			assertTrue(field.path("validate").path("required").asBoolean(), key + " is required when shown");
			assertEquals("=decision != \"GRANTED\"", field.path("conditional").path("hide").asText(), key + " hide");
		}
		for (String key : List.of("grantedAmount", "interestRate", "termMonths")) {
			assertEquals("number", byKey(components, key).path("type").asText(), key);
		}
		assertEquals("datetime", byKey(components, "grantDate").path("type").asText(), "grantDate");
		assertEquals("checkbox", byKey(components, "usedRelending").path("type").asText(), "usedRelending");
		assertFalse(byKey(components, "usedRelending").has("conditional"), "usedRelending is always submitted");
	}

	private static JsonNode read(Path file) throws IOException {
		try {
			return JSON.readTree(file.toFile());
		}
		catch (IOException e) {
			return fail(file + " is not valid JSON: " + e.getMessage());
		}
	}

	/** All components in document order, including those nested in groups. */
	private static List<JsonNode> components(JsonNode container) {
		List<JsonNode> all = new ArrayList<>();
		for (JsonNode component : container.path("components")) {
			all.add(component);
			all.addAll(components(component));
		}
		return all;
	}

	private static JsonNode byKey(List<JsonNode> components, String key) {
		List<JsonNode> matches = components.stream().filter(c -> key.equals(c.path("key").asText())).toList();
		assertEquals(1, matches.size(), "components bound to " + key);
		return matches.get(0);
	}

	private static void assertChinese(String text, String where) {
		assertTrue(HAN.matcher(text).find(), where + " has no Chinese: " + text);
	}

}
