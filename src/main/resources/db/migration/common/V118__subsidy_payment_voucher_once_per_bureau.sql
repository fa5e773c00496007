-- A payment voucher (拨付凭证, e.g. 国库集中支付凭证) is recorded once by the bureau that paid (the payment task's
-- group, aftercare_payment.body_group), across all its cases, not only once per case: otherwise one payment could be
-- recorded as the subsidy paid on two cases. The primary key makes two nodes recording the same voucher at once fail
-- one of them.
--
-- voucher_key is the voucher number as the application compares it: stripped and upper-cased (the payments are stored
-- stripped). A separate table, not a unique expression index on aftercare_payment, because H2 has no expression
-- indexes and payments recorded before this rule may already share a voucher.
CREATE TABLE aftercare_payment_voucher (
    body_group     VARCHAR(100) NOT NULL,
    voucher_key    VARCHAR(128) NOT NULL,
    payment_id     BIGINT       NOT NULL REFERENCES aftercare_payment (id),
    CONSTRAINT pk_aftercare_payment_voucher PRIMARY KEY (body_group, voucher_key)
);

-- Of payments already sharing a voucher within a bureau, the earliest (lowest id) keeps it; the later ones stay as
-- recorded and hold nothing. They can be listed with:
--   SELECT p.body_group, UPPER(TRIM(p.voucher_no)), p.application_id, p.id FROM aftercare_payment p
--   WHERE NOT EXISTS (SELECT 1 FROM aftercare_payment_voucher v WHERE v.payment_id = p.id);
INSERT INTO aftercare_payment_voucher (body_group, voucher_key, payment_id)
SELECT p.body_group, UPPER(TRIM(p.voucher_no)), p.id
FROM aftercare_payment p
WHERE NOT EXISTS (SELECT 1
                  FROM aftercare_payment e
                  WHERE e.body_group = p.body_group
                    AND UPPER(TRIM(e.voucher_no)) = UPPER(TRIM(p.voucher_no))
                    AND e.id < p.id);
