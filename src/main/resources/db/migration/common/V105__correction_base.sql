-- What a correction changed is what differs between the dossier when the correction opened and when it is
-- resubmitted, not every edit made on the way: an amount changed and changed back, or an attachment uploaded and
-- deleted again, changed nothing. correction_base keeps, from the moment the correction opens, a fingerprint of each
-- part of the dossier and of its attachments (application.DossierChanges#fingerprint), not a copy of the dossier.
-- Corrections opened before this column existed keep counting the edits made (correction_changes).
ALTER TABLE application ADD COLUMN correction_base VARCHAR(1000);
