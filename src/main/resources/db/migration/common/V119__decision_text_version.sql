-- Which wording of its type a decision was issued in, when the type's wording changed in a way later decisions rely on
-- (the allocation notice's after-award terms, cn.liaocheng.renewal.decision.AllocationTerms). NULL for every decision
-- issued before: those carried the earlier wording.
ALTER TABLE decision ADD COLUMN text_version VARCHAR(16);
