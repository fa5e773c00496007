package cn.liaocheng.renewal.portal;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.liaocheng.renewal.security.PortalUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Who the caller is, for API clients and the portal's scripts. */
@RestController
@RequestMapping("/api")
@Tag(name = "账户", description = "当前登录用户")
class CurrentUserController {

	@GetMapping("/me")
	@Operation(summary = "当前用户及其所属组")
	Me me(@AuthenticationPrincipal PortalUser user) {
		return new Me(user.userId(), user.displayName(),
				user.memberships()
					.stream()
					.map(m -> new Me.Group(m.groupId(), m.groupName(), m.type() == null ? null : m.type().name()))
					.toList());
	}

	record Me(String userId, String displayName, List<Group> groups) {

		record Group(String id, String name, String type) {
		}

	}

}
