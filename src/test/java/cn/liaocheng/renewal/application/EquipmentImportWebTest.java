package cn.liaocheng.renewal.application;

import static cn.liaocheng.renewal.application.ApplicationApi.errors;
import static cn.liaocheng.renewal.application.ApplicationApi.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.liaocheng.renewal.enterprise.FieldProblem;
import cn.liaocheng.renewal.support.DemoUsers;
import cn.liaocheng.renewal.support.EquipmentLists;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * The equipment list import through both doors: the portal page (with its CSRF token, the
 * result on the case page) and the API (problem details); a good file replaces the lines,
 * a bad one changes nothing and names every problem; only the owner, only while the
 * dossier may be edited, never staff.
 */
@WebIntegrationTest
class EquipmentImportWebTest {

	/** Two lines within the fixture's equipment investment (1 line: 470 000 yuan). */
	static final byte[] GOOD = EquipmentLists.project(List.of(List.of("五轴加工中心", "VMC850", 2, "100,000.00", "国产"),
			List.of("工业机器人", "IR-6", 1, 50000, "进口", "旧机械手", 12, 2)));

	static final byte[] BAD = EquipmentLists
		.project(List.of(List.of("五轴加工中心", "VMC850", 0, 100000, "国产"), List.of("工业机器人", "IR-6", 1, "5万元", "国外")));

	@LocalServerPort
	int port;

	ApplicationApi owner;

	long id;

	@BeforeEach
	void draft() {
		owner = ApplicationApi.as(port, DemoUsers.ENTERPRISE);
		id = owner.createDraft("PROJECT", ApplicationFixtures.project(1));
	}

	@Test
	void thePortalImportReplacesTheLinesAndSaysSo() {
		WebClient portal = portal(DemoUsers.ENTERPRISE);
		String page = portal.get("/enterprise/applications/" + id).body();
		assertThat(page).contains("导入将替换本申报现有的全部设备明细（目前 <span>1</span> 条）");

		HttpResponse<String> sent = importInPortal(portal, WebClient.csrfTokenOf(page), "设备清单.xlsx", GOOD);

		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(sent.headers().firstValue("Location").orElseThrow())
			.endsWith("/enterprise/applications/" + id + "#equipment-lines");
		assertThat(portal.get("/enterprise/applications/" + id).body()).contains("已从《设备清单.xlsx》导入 2 条设备明细，原有设备明细已被替换");
		JsonNode equipment = json(owner.detail(id)).at("/dossier/equipment");
		assertThat(equipment).hasSize(2);
		assertThat(equipment.get(0).get("name").asText()).isEqualTo("五轴加工中心");
		assertThat(equipment.get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("100000");
		assertThat(equipment.get(1).get("origin").asText()).isEqualTo("IMPORTED");
		assertThat(equipment.get(1).get("replacedAgeYears").asInt()).isEqualTo(12);
	}

	@Test
	void aBadFileInThePortalListsEveryProblemByRowAndColumnAndSavesNothing() {
		JsonNode before = json(owner.detail(id));
		WebClient portal = portal(DemoUsers.ENTERPRISE);

		HttpResponse<String> sent = importInPortal(portal,
				WebClient.csrfTokenOf(portal.get("/enterprise/applications/" + id).body()), "设备清单.xlsx", BAD);

		assertThat(sent.statusCode()).isEqualTo(302);
		assertThat(portal.get("/enterprise/applications/" + id).body()).contains("设备清单未导入，有 <strong>3</strong> 处需要修改")
			.contains("第2行“数量”：应在 1 到 100000 之间")
			.contains("第3行“单价”：须以元为单位填写")
			.contains("第3行“产地”：应填写“国产”或“进口”");
		assertThat(json(owner.detail(id))).isEqualTo(before);
	}

	@Test
	void thePortalImportWithoutTheFormsCsrfTokenIsRefused() {
		JsonNode before = json(owner.detail(id));

		HttpResponse<String> sent = importInPortal(portal(DemoUsers.ENTERPRISE), null, "设备清单.xlsx", GOOD);

		assertThat(sent.statusCode()).isEqualTo(403);
		assertThat(json(owner.detail(id))).isEqualTo(before);
	}

	@Test
	void anotherEnterpriseInThePortalFindsNothingAndChangesNothing() {
		JsonNode before = json(owner.detail(id));
		WebClient intruder = portal(DemoUsers.OTHER_ENTERPRISE);

		HttpResponse<String> sent = importInPortal(intruder,
				WebClient.csrfTokenOf(intruder.get("/enterprise/applications").body()), "设备清单.xlsx", GOOD);

		assertThat(sent.statusCode()).isEqualTo(404);
		assertThat(json(owner.detail(id))).isEqualTo(before);
	}

	@Test
	void reviewersAndBanksSignedInToThePortalCannotImport() {
		JsonNode before = json(owner.detail(id));
		for (String staff : List.of(DemoUsers.COUNTY_REVIEWER, DemoUsers.BANK_OFFICER)) {
			WebClient portal = portal(staff);
			String token = WebClient.csrfTokenOf(portal.get("/").body());

			assertThat(importInPortal(portal, token, "设备清单.xlsx", GOOD).statusCode()).as(staff).isEqualTo(403);
			assertThat(ApplicationApi.as(port, staff).importEquipment(id, "设备清单.xlsx", GOOD, null).statusCode())
				.as(staff)
				.isEqualTo(403);
		}
		assertThat(json(owner.detail(id))).isEqualTo(before);
	}

	@Test
	void theApiImportAnswersWithTheDossierOrWithEveryProblem() {
		HttpResponse<String> refused = owner.importEquipment(id, "设备清单.xlsx", BAD, null);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(errors(refused)).containsExactly(
				new FieldProblem("equipment[0].quantity", "第2行“数量”：应在 1 到 100000 之间"),
				new FieldProblem("equipment[1].unitPrice", "第3行“单价”：须以元为单位填写（如 1250000.00），不能填写万元"),
				new FieldProblem("equipment[1].origin", "第3行“产地”：应填写“国产”或“进口”"));
		int version = json(owner.detail(id)).get("version").asInt();

		HttpResponse<String> imported = owner.importEquipment(id, "设备清单.xlsx", GOOD, version);

		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		assertThat(json(imported).at("/dossier/equipment")).hasSize(2);
		assertThat(owner.importEquipment(id, "设备清单.xlsx", GOOD, version).statusCode()).as("stale If-Match")
			.isEqualTo(409);
	}

	@Test
	void linesBeyondTheEquipmentInvestmentAreRefusedLikeTypedOnes() {
		byte[] costly = EquipmentLists.project(List.of(List.of("五轴加工中心", "VMC850", 10, 100000, "国产")));

		HttpResponse<String> refused = owner.importEquipment(id, "设备清单.xlsx", costly, null);

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(errors(refused)).extracting(FieldProblem::message).containsExactly("设备明细合计 1,000,000.00 元，超过所填设备投资");
	}

	@Test
	void aSubmittedApplicationAndALoanCannotImport() {
		long submitted = owner.submittableProject();
		assertThat(owner.submit(submitted).statusCode()).isEqualTo(200);

		HttpResponse<String> afterSubmission = owner.importEquipment(submitted, "设备清单.xlsx", GOOD, null);

		assertThat(afterSubmission.statusCode()).isEqualTo(409);
		assertThat(json(afterSubmission).get("detail").asText()).isEqualTo("申报当前状态为“县级初审中”，不能修改设备明细。");
		assertThat(owner.equipmentTemplate("LOAN").statusCode()).isEqualTo(409);
	}

	@Test
	void theTemplateDownloadsUnderItsChineseNameFromBothDoors() throws IOException {
		HttpResponse<byte[]> api = owner.equipmentTemplate("SUBSIDY");
		HttpResponse<byte[]> page = portal(DemoUsers.ENTERPRISE)
			.getBytes("/enterprise/applications/equipment-template?kind=PROJECT");

		for (HttpResponse<byte[]> template : List.of(api, page)) {
			assertThat(template.statusCode()).isEqualTo(200);
			assertThat(template.headers().firstValue("Content-Type").orElseThrow())
				.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			assertThat(URLDecoder.decode(template.headers().firstValue("Content-Disposition").orElseThrow(),
					StandardCharsets.UTF_8))
				.contains("设备清单模板.xlsx");
			try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template.body()))) {
				assertThat(book.getSheetAt(0).getRow(6).getCell(1).getStringCellValue()).isEqualTo("设备名称");
			}
		}
	}

	private WebClient portal(String user) {
		WebClient portal = new WebClient(port);
		portal.login(user, DemoUsers.PASSWORD);
		return portal;
	}

	private HttpResponse<String> importInPortal(WebClient portal, String csrf, String fileName, byte[] content) {
		EquipmentLists.Multipart multipart = csrf == null ? EquipmentLists.multipart(fileName, content)
				: EquipmentLists.multipart(fileName, content, "_csrf", csrf);
		return portal.post("/enterprise/applications/" + id + "/equipment-import",
				HttpRequest.BodyPublishers.ofByteArray(multipart.body()), multipart.contentType());
	}

}
