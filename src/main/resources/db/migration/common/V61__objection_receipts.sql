-- Every objection filed on the public notice board gets a receipt number (异议回执号), shown to the objector, who can
-- look up the objection's handling with it and the phone number given (review.internal.ObjectionReceipts).
-- Objections filed before have none.
ALTER TABLE public_objection ADD COLUMN receipt_no VARCHAR(20);
CREATE UNIQUE INDEX ux_public_objection_receipt ON public_objection (receipt_no);
