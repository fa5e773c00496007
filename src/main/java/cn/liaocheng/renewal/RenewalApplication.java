package cn.liaocheng.renewal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The approval system for Liaocheng's industrial equipment renewal programme. */
@SpringBootApplication
public class RenewalApplication {

	public static void main(String[] args) {
		SpringApplication.run(RenewalApplication.class, args);
	}

}
