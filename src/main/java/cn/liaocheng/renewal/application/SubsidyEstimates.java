package cn.liaocheng.renewal.application;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What the current policy tables would give a subsidy claim, shown to the enterprise
 * before it submits. Implemented by the review module, which owns the tables; an
 * estimate, not a decision.
 */
public interface SubsidyEstimates {

	Optional<BigDecimal> estimate(ApplicationDetail subsidyClaim);

}
