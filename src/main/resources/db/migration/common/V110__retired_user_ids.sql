-- A login id, once its account is deleted (a leaver, a rejected registration), is never given to a new account:
-- messages, case copies, audit entries and engine grants still name it, and whoever took the id again would inherit
-- them. Written by the engine's identity provider when it deletes the account.
CREATE TABLE retired_user_id (
    user_id    VARCHAR(64) PRIMARY KEY,
    retired_at TIMESTAMP   NOT NULL,
    retired_by VARCHAR(64)
);

-- The logins of registrations rejected before this table existed were deleted with them.
INSERT INTO retired_user_id (user_id, retired_at, retired_by)
SELECT user_id, COALESCE(rejected_at, CURRENT_TIMESTAMP), rejected_by FROM enterprise WHERE status = 'REJECTED';
