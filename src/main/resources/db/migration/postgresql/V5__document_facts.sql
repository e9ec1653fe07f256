-- Where a document's reporting body and fiscal year were read, and how sure that is (issue #20):
-- {"body": {"value", "page", "text", "confidence"}, "fiscalYear": {...}}; confidence on a 0-1 scale.
ALTER TABLE document ADD COLUMN facts_json TEXT;
