package cn.liaocheng.renewal.calendar.internal;

import java.time.ZoneId;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import cn.liaocheng.renewal.calendar.ChinaTime;

/**
 * Gives every page {@code #chinaTime.zone}, so that templates show times in
 * {@link ChinaTime#ZONE} instead of naming the zone themselves. An expression object
 * rather than a model attribute: it is there for every template the engine renders,
 * whichever controller (or none, as on error pages) put the model together. Spring Boot
 * adds dialect beans to its template engine.
 */
@Component
class ChinaTimeDialect extends AbstractDialect implements IExpressionObjectDialect {

	static final String NAME = "chinaTime";

	private static final Expressions EXPRESSIONS = new Expressions();

	ChinaTimeDialect() {
		super("China time");
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of(NAME);
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return NAME.equals(expressionObjectName) ? EXPRESSIONS : null;
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}

		};
	}

	/** What {@code #chinaTime} offers templates. */
	public static final class Expressions {

		public ZoneId getZone() {
			return ChinaTime.ZONE;
		}

	}

}
