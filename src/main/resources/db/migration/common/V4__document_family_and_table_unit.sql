-- The document family (final_accounts, budget, performance, unknown) and level (部门 / 单位) read from
-- the document, and the amount unit each table's unit line states (元, 千元, 万元; values are stored
-- as printed in that unit).
ALTER TABLE document ADD COLUMN kind VARCHAR(40);
ALTER TABLE document ADD COLUMN doc_level VARCHAR(20);
ALTER TABLE extracted_table ADD COLUMN amount_unit VARCHAR(20);
