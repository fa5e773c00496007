package cn.liaocheng.renewal.review.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import cn.liaocheng.renewal.review.process.ReviewFixture.Case;
import cn.liaocheng.renewal.support.WebClient;
import cn.liaocheng.renewal.support.WebIntegrationTest;

/**
 * An objector gets a receipt number on the notice board and looks the objection's
 * handling up with it.
 */
@WebIntegrationTest
class ObjectionReceiptTest extends ReviewProcessTest {

	private static final Pattern RECEIPT = Pattern.compile("class=\"receipt\">(YY-[0-9A-Z]{4}-[0-9A-Z]{4})<");

	@LocalServerPort
	int port;

	@Autowired
	ObjectionReceiptTest(ApplicationContext context) {
		super(context);
	}

	@Test
	void anObjectorGetsAReceiptAndFindsTheHandlingWithItAndTheirPhoneOnly() {
		Case claim = review.submitSubsidy(review.newRegisteredProject(7), new BigDecimal("370000.00"));
		review.passCountyReview(claim);
		review.passCityReview(claim);
		WebClient objector = new WebClient(port);
		String csrf = WebClient.csrfTokenOf(objector.get("/notices").body());

		HttpResponse<String> filed = objector.postForm("/notices/" + claim.id() + "/objections",
				"name=" + enc("回执测试人") + "&phone=13900001111&content=" + enc("所购设备与发票不符，请核查。") + "&_csrf=" + enc(csrf));
		assertThat(filed.statusCode()).isEqualTo(302);
		String board = objector.get("/notices").body();
		Matcher receipt = RECEIPT.matcher(board);
		assertThat(receipt.find()).as(board).isTrue();
		String number = receipt.group(1);

		String found = objector.get("/notices/objections?receipt=" + number.toLowerCase() + "&phone=139%200000%201111")
			.body();
		assertThat(found).contains("id=\"objection-found\"").contains(number).contains("公示期满后由市工业和信息化局核查处理");
		assertThat(new WebClient(port).get("/notices/objections?receipt=" + number + "&phone=13900002222").body())
			.contains("没有找到该回执号的异议")
			.doesNotContain("objection-found");
		assertThat(new WebClient(port).get("/notices/objections?receipt=YY-0000-0000&phone=13900001111").body())
			.contains("没有找到该回执号的异议");
		assertThat(new WebClient(port).get("/notices/objections?receipt=" + number).body())
			.doesNotContain("objection-found");

		HttpResponse<String> again = objector.postForm("/notices/" + claim.id() + "/objections",
				"name=" + enc("回执测试人") + "&phone=13900001111&content=" + enc("所购设备与发票不符，请核查。") + "&_csrf=" + enc(csrf));
		assertThat(again.statusCode()).isEqualTo(302);
		assertThat(objector.get("/notices").body()).contains("此前已经收到").contains(number);

		review.fireTimer(claim, "TimerEvent_NoticePeriodEnds");
		review.decide(claim, "Task_ResolveObjections", "APPROVE");

		assertThat(new WebClient(port).get("/notices/objections?receipt=" + number + "&phone=13900001111").body())
			.contains("已处理");
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

}
