-- Which Task_ResolveObjections settled an objection. Its ruling is what the objector looks up and what the dossier
-- shows; when that ruling is withdrawn (撤回) or the case is returned to the objection check (退回上一环节), its opinion
-- is superseded and the objections it settled are open again until the check rules anew. The superseded ruling stays
-- in review_opinion, shown in the dossier's opinions as no longer standing.
ALTER TABLE public_objection ADD COLUMN resolved_by_task VARCHAR(64);

-- Objections settled before: by the objection check of their case whose opinion was recorded last before they were
-- settled (the opinion is recorded in the same completion, just before).
UPDATE public_objection o SET resolved_by_task = (
    SELECT r.task_id FROM review_opinion r
    WHERE r.application_id = o.application_id AND r.step = 'Task_ResolveObjections' AND r.created_at <= o.resolved_at
    ORDER BY r.created_at DESC, r.id DESC
    FETCH FIRST 1 ROW ONLY)
WHERE o.resolved_at IS NOT NULL;

-- Objections settled by a ruling that no longer stands take the first standing ruling of their case's objection check
-- after it, or, while the check has not ruled again, are open.
UPDATE public_objection o SET
    resolution = (
        SELECT r.opinion FROM review_opinion r JOIN review_opinion s ON s.task_id = o.resolved_by_task
        WHERE r.application_id = o.application_id AND r.step = 'Task_ResolveObjections' AND r.superseded_at IS NULL
          AND r.created_at > s.created_at
        ORDER BY r.created_at, r.id
        FETCH FIRST 1 ROW ONLY),
    resolved_at = (
        SELECT r.created_at FROM review_opinion r JOIN review_opinion s ON s.task_id = o.resolved_by_task
        WHERE r.application_id = o.application_id AND r.step = 'Task_ResolveObjections' AND r.superseded_at IS NULL
          AND r.created_at > s.created_at
        ORDER BY r.created_at, r.id
        FETCH FIRST 1 ROW ONLY),
    resolved_by_task = (
        SELECT r.task_id FROM review_opinion r JOIN review_opinion s ON s.task_id = o.resolved_by_task
        WHERE r.application_id = o.application_id AND r.step = 'Task_ResolveObjections' AND r.superseded_at IS NULL
          AND r.created_at > s.created_at
        ORDER BY r.created_at, r.id
        FETCH FIRST 1 ROW ONLY)
WHERE o.resolved_by_task IN (SELECT task_id FROM review_opinion WHERE superseded_at IS NOT NULL);

CREATE INDEX ix_public_objection_resolved_by_task ON public_objection (resolved_by_task);
