-- A payment voucher (拨付凭证) of the city finance bureau's interest-subsidy payments is one transfer to one
-- enterprise: it may pay several periods of the same loan at once, but it cannot also be recorded as paying a period
-- of another loan, which would count one transfer as two payments. The primary key makes two officers (or two nodes)
-- recording the same voucher on two loans at once fail one of them.
--
-- voucher_key is the voucher number as the application compares it (VoucherNumber.key: stripped and upper-cased).
-- A separate table, as for the subsidy payments (V118): H2 has no expression indexes, and periods paid before this
-- rule may already share a voucher across loans.
CREATE TABLE subsidy_ledger_voucher (
    voucher_key    VARCHAR(128) NOT NULL,
    application_id BIGINT       NOT NULL,
    CONSTRAINT pk_subsidy_ledger_voucher PRIMARY KEY (voucher_key)
);

-- Of periods already paid with one voucher, the loan of the earliest (lowest id) keeps it; periods of other loans
-- paid with it stay as recorded. They can be listed with:
--   SELECT UPPER(TRIM(l.voucher_no)), l.application_id, l.id FROM subsidy_ledger l
--   WHERE l.status = 'PAID' AND l.application_id <> (SELECT v.application_id FROM subsidy_ledger_voucher v
--                                                    WHERE v.voucher_key = UPPER(TRIM(l.voucher_no)));
INSERT INTO subsidy_ledger_voucher (voucher_key, application_id)
SELECT UPPER(TRIM(l.voucher_no)), l.application_id
FROM subsidy_ledger l
WHERE l.status = 'PAID'
  AND l.voucher_no IS NOT NULL
  AND NOT EXISTS (SELECT 1
                  FROM subsidy_ledger e
                  WHERE e.status = 'PAID'
                    AND UPPER(TRIM(e.voucher_no)) = UPPER(TRIM(l.voucher_no))
                    AND e.id < l.id);
