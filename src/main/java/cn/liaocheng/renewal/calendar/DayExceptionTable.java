package cn.liaocheng.renewal.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads the exceptions from {@code calendar_exception} (migration V40). */
@Component
class DayExceptionTable implements DayExceptionSource {

	private final JdbcClient jdbc;

	DayExceptionTable(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<DayException> load() {
		return jdbc
			.sql("SELECT calendar_date, kind, holiday_name, source FROM calendar_exception ORDER BY calendar_date")
			.query((rs, n) -> new DayException(rs.getObject(1, LocalDate.class),
					DayException.Kind.valueOf(rs.getString(2)), rs.getString(3),
					DayException.Source.valueOf(rs.getString(4).toUpperCase(Locale.ROOT))))
			.list();
	}

}
