-- A case may have a clawback again once the last one ended as 经核查不予追回 (DROPPED): new grounds found later (the tax
-- bureau confirms the invoices were fake) start a new round, which holds payment again and has its own notices,
-- determination and decision. One round is open at a time, and none follows a decided one (Clawbacks.start); the
-- rounds of a case are numbered from 1, under the case's row lock, so two starts at the same moment cannot make two.
ALTER TABLE clawback ADD COLUMN round_no INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE clawback DROP CONSTRAINT uk_clawback_application;
ALTER TABLE clawback ADD CONSTRAINT uk_clawback_application_round UNIQUE (application_id, round_no);

-- Each round runs in a clawback process instance of its own, recorded with its round; a step acts on the case only in
-- the instance of the latest round (CasePins). The after-award process has one round.
ALTER TABLE after_award_process ADD COLUMN round_no INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE after_award_process DROP CONSTRAINT pk_after_award_process;
ALTER TABLE after_award_process ADD CONSTRAINT pk_after_award_process PRIMARY KEY (application_id, process_key, round_no);
