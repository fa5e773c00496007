package cn.liaocheng.renewal.application;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What the current policy tables would give a subsidy claim, shown to the enterprise
 * while it writes the claim (a draft, or returned for correction); nothing once the
 * review determines the amount. Implemented by the review module, which owns the tables;
 * an estimate, not a decision.
 */
public interface SubsidyEstimates {

	Optional<BigDecimal> estimate(ApplicationDetail subsidyClaim);

}
