package cn.liaocheng.renewal.ledger.web;

import java.util.List;
import java.util.Set;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import cn.liaocheng.renewal.application.CaseListing;
import cn.liaocheng.renewal.decision.DecisionDownloads;
import cn.liaocheng.renewal.decision.IssuedDecision;
import cn.liaocheng.renewal.ledger.internal.LedgerException;
import cn.liaocheng.renewal.ledger.internal.LedgerPayments;
import cn.liaocheng.renewal.ledger.internal.LedgerRow;
import cn.liaocheng.renewal.ledger.internal.LoanBook;
import cn.liaocheng.renewal.ledger.internal.LoanEvent;
import cn.liaocheng.renewal.ledger.internal.LoanView;
import cn.liaocheng.renewal.security.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The ledger for the granting bank's systems and the finance bureau: record, approve,
 * pay, download notices.
 */
@RestController
@RequestMapping("/api/ledger/loans")
@Tag(name = "贷款贴息台账", description = "放款、还款登记（贷款银行）与贴息审核、拨付（市财政局）")
class LedgerApiController {

	private final LoanBook book;

	private final LedgerPayments payments;

	LedgerApiController(LoanBook book, LedgerPayments payments) {
		this.book = book;
		this.payments = payments;
	}

	@GetMapping
	@Operation(summary = "本行发放的贷款（市财政局：全部已发放贷款）",
			description = "按申报从新到旧，offset 起取 limit 笔（默认 500，最多 2000），符合条件的总数在响应头 X-Total-Count 中")
	ResponseEntity<List<CaseListing>> loans(@AuthenticationPrincipal PortalUser user,
			@RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "500") int limit) {
		LoanBook.LoanSlice slice = book.loans(user, offset, limit);
		return ResponseEntity.ok().header("X-Total-Count", Long.toString(slice.total())).body(slice.loans());
	}

	@GetMapping("/{id}")
	@Operation(summary = "贷款的放款、还款、余额与贴息台账")
	LoanView loan(@AuthenticationPrincipal PortalUser user, @PathVariable long id) {
		return book.view(user, id);
	}

	@PostMapping("/{id}/events")
	@Operation(summary = "登记放款、归还本金、提前结清或逾期/违约（仅限发放该笔贷款的银行）",
			description = "必须带 Idempotency-Key 请求头（8–64 位字母、数字或连字符，每笔新登记一个新值）：同一键再次提交返回首次登记的记录，不重复登记；同一键内容不同的返回 409。")
	LoanEvent record(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @RequestBody JsonNode json,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		// Principal and repayments move the subsidised balance: a bank system that sends
		// a timed-out entry again must not record it twice, so each entry names itself.
		if (idempotencyKey == null || idempotencyKey.isBlank()) {
			throw LedgerException.missingIdempotencyKey();
		}
		StrictBody body = new StrictBody(json, Set.of("type", "date", "amount", "contractNo", "note"));
		return book.record(user, id, new LoanBook.Recording(body.type("type"), body.date("date"), body.amount("amount"),
				body.text("contractNo"), body.text("note")), idempotencyKey);
	}

	@PostMapping("/{id}/ledger/{rowId}/approve")
	@Operation(summary = "审核一期贴息（市财政局）")
	LedgerRow approve(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @PathVariable long rowId,
			@RequestBody(required = false) JsonNode json) {
		if (json != null) {
			new StrictBody(json, Set.of());
		}
		return payments.approve(user, id, rowId);
	}

	@PostMapping("/{id}/ledger/{rowId}/payment")
	@Operation(summary = "登记一期贴息的拨付并出具签名的贴息资金拨付通知书（市财政局）")
	LedgerRow pay(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @PathVariable long rowId,
			@RequestBody JsonNode json) {
		StrictBody body = new StrictBody(json, Set.of("paidOn", "voucherNo"));
		return payments.pay(user, id, rowId, body.date("paidOn"), body.text("voucherNo"));
	}

	@PostMapping("/{id}/ledger/{rowId}/notice")
	@Operation(summary = "补发已拨付期间的贴息资金拨付通知书（市财政局；每期只出具一份，重复调用返回同一份）")
	IssuedDecision reissue(@AuthenticationPrincipal PortalUser user, @PathVariable long id, @PathVariable long rowId) {
		return payments.reissue(user, id, rowId);
	}

	@GetMapping("/{id}/ledger/{rowId}/notice")
	@Operation(summary = "下载一期的贴息资金拨付通知书 PDF（带数字签名）")
	ResponseEntity<byte[]> notice(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@PathVariable long rowId) {
		IssuedDecision notice = payments.noticeFor(user, id, rowId).orElseThrow(LedgerException::notFoundNotice);
		return DecisionDownloads.of(notice, payments.pdf(notice));
	}

}
