package cn.liaocheng.renewal.application;

/**
 * Reads where a submitted application stands from the review (open tasks, opinions of
 * record, the calendar). Implemented by the review module, which owns them; the caller
 * has checked that the reader may see the case.
 */
public interface CaseProgress {

	CaseStanding of(ApplicationDetail application);

}
