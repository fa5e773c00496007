-- A repayment voucher (缴款凭证) is recorded once by the county finance bureau that records it, across all the
-- clawbacks of its county, not only once per clawback (uk_clawback_voucher): otherwise one treasury receipt could be
-- recorded as a repayment of two enterprises' clawbacks, and the second person's check against "the receipt" would
-- find it genuine both times. A row here holds the voucher for the clawback whose entry counts or waits for its check;
-- a returned entry gives it up (it may be recorded again, on the right clawback). The primary key makes two nodes
-- recording the same voucher at once fail one of them.
--
-- voucher_key is the voucher number as the application compares it: stripped and upper-cased (the entries are stored
-- stripped). The table, not a unique expression index on clawback_repayment, because H2 has no expression or partial
-- indexes and returned entries must not hold their voucher.
CREATE TABLE clawback_voucher (
    division_code  VARCHAR(16)  NOT NULL,   -- the county; its finance bureau records the repayments
    voucher_key    VARCHAR(128) NOT NULL,
    clawback_id    BIGINT       NOT NULL REFERENCES clawback (id),
    CONSTRAINT pk_clawback_voucher PRIMARY KEY (division_code, voucher_key)
);

CREATE INDEX ix_clawback_voucher_clawback ON clawback_voucher (clawback_id);

-- Entries recorded before this rule may already share a voucher within a county. The earliest entry (lowest id) that is
-- not returned keeps the voucher; later ones stay as they were recorded and checked (nothing is changed or deleted),
-- they simply hold nothing. They can be listed with:
--   SELECT c.division_code, UPPER(TRIM(r.voucher_no)), r.clawback_id, r.id, r.state FROM clawback_repayment r
--   JOIN clawback c ON c.id = r.clawback_id WHERE r.state <> 'RETURNED' AND NOT EXISTS (SELECT 1 FROM clawback_voucher v
--   WHERE v.division_code = c.division_code AND v.voucher_key = UPPER(TRIM(r.voucher_no)) AND v.clawback_id = r.clawback_id);
INSERT INTO clawback_voucher (division_code, voucher_key, clawback_id)
SELECT c.division_code, UPPER(TRIM(r.voucher_no)), r.clawback_id
FROM clawback_repayment r
JOIN clawback c ON c.id = r.clawback_id
WHERE r.state <> 'RETURNED'
  AND NOT EXISTS (SELECT 1
                  FROM clawback_repayment e
                  JOIN clawback d ON d.id = e.clawback_id
                  WHERE e.state <> 'RETURNED'
                    AND d.division_code = c.division_code
                    AND UPPER(TRIM(e.voucher_no)) = UPPER(TRIM(r.voucher_no))
                    AND e.id < r.id);
