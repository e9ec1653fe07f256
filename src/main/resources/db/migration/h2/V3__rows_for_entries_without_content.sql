-- An inbox entry the service refuses to read (a symbolic link, a FIFO, a device node) still gets its
-- FAILED row, so every entry that left the inbox can be found; it has no content, hence no sha256.
ALTER TABLE document ALTER COLUMN sha256 SET NULL;
