-- 已办: reviewers list the cases their body gave an opinion on, newest first.
CREATE INDEX ix_review_opinion_body ON review_opinion (body_group, created_at);
