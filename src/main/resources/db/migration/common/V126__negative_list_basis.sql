-- The written finding a listing by hand rests on: the authority that found the enterprise's application materials
-- false, its document (title and number) and the document's date. A listing by a clawback decision rests on that
-- decision (source_decision) and leaves these empty; a listing by hand made before this was kept has none on record
-- and says so where it is shown.
ALTER TABLE negative_list_entry ADD COLUMN basis_authority VARCHAR(60);
ALTER TABLE negative_list_entry ADD COLUMN basis_document VARCHAR(120);
ALTER TABLE negative_list_entry ADD COLUMN basis_date DATE;
