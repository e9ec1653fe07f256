-- Progress of a document being read (issue #20): pages is known when reading starts, pages_done counts up.
ALTER TABLE document ADD COLUMN pages_done INT;
