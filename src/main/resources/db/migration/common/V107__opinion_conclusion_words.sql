-- The conclusion as the reviewer picked it on the task's form (不予受理, 不予推荐, 异议成立，不予奖补), recorded with
-- the opinion, so that decisions and the case history state the act in the words chosen, not a paraphrase of the
-- value (REFUSE read as 不同意). Opinions recorded before it keep the paraphrase.
ALTER TABLE review_opinion ADD COLUMN decision_label VARCHAR(100);
