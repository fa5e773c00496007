package cn.liaocheng.renewal.operations;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;

/**
 * The OpenAPI document names the configured public address as its server. Without it springdoc writes the address
 * of each request, taken from its {@code Host} header, into the document every API client then calls.
 */
@Configuration
class OpenApiServer {

	@Bean
	OpenAPI openApi(@Value("${renewal.public-base-url}") String publicBaseUrl) {
		return new OpenAPI().info(new Info().title("聊城市工业领域设备更新审批系统 API").version("v1"))
			.servers(List.of(new Server().url(publicBaseUrl.replaceAll("/+$", "")).description("本系统")));
	}

}
