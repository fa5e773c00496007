package cn.liaocheng.renewal.clawback.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.liaocheng.renewal.clawback.NegativeListEntry;
import cn.liaocheng.renewal.clawback.internal.NegativeList;
import cn.liaocheng.renewal.security.PortalUser;

/**
 * The negative list's REST API: what each user may read; adding and lifting by the city
 * industry bureau.
 */
@RestController
class NegativeListApiController {

	private final NegativeList negativeList;

	NegativeListApiController(NegativeList negativeList) {
		this.negativeList = negativeList;
	}

	@GetMapping("/api/negative-list")
	List<NegativeListEntry> list(@AuthenticationPrincipal PortalUser user) {
		return negativeList.visibleTo(user);
	}

	@PostMapping("/api/negative-list")
	@ResponseStatus(HttpStatus.CREATED)
	NegativeListEntry add(@AuthenticationPrincipal PortalUser user, @RequestBody Map<String, Object> body) {
		Requests.only(body, Set.of("creditCode", "reason", "basisAuthority", "basisDocument", "basisDate", "months",
				"sourceApplicationId"));
		Integer source = Requests.integer(body, "sourceApplicationId");
		NegativeList.Finding finding = new NegativeList.Finding(Requests.text(body, "basisAuthority"),
				Requests.text(body, "basisDocument"), Requests.date(body, "basisDate"));
		return negativeList.add(user, Requests.text(body, "creditCode"), Requests.text(body, "reason"), finding,
				Requests.integer(body, "months"), source == null ? null : source.longValue());
	}

	@PostMapping("/api/negative-list/{id}/lift")
	NegativeListEntry lift(@AuthenticationPrincipal PortalUser user, @PathVariable long id,
			@RequestBody Map<String, Object> body) {
		Requests.only(body, Set.of("reason"));
		return negativeList.lift(user, id, Requests.text(body, "reason"));
	}

}
