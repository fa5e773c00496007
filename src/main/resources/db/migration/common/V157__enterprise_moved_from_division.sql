-- A credit code keeps the division that issued it (characters 3-8) when its enterprise moves. An enterprise that
-- registers in another of Liaocheng's counties than its code's declares that it moved from there; the issuing division
-- is kept here so that the county's industry bureau checks the business licence's address before it activates the
-- account. NULL for every enterprise that declared no move, those registered before this column included.
ALTER TABLE enterprise ADD COLUMN moved_from_division VARCHAR(16);
