-- Several nodes on one database (issue #13).
-- Which node took the document last, and until when its claim on the run holds: a node renews the lease
-- while it works on the document; a run whose lease ran out belongs to a node that died or stopped.
ALTER TABLE document ADD COLUMN node VARCHAR(200);
ALTER TABLE document ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;

-- The inbox's cluster-wide read lock: Camel's JDBC idempotent repository (camel-sql,
-- JdbcOrphanLockAwareIdempotentRepository) with its own column names. One row per file a node holds; the
-- key makes two nodes' claims on one file exclusive; createdAt is renewed while the node lives.
CREATE TABLE CAMEL_MESSAGEPROCESSED (
    processorName VARCHAR(255)  NOT NULL,
    messageId     VARCHAR(1024) NOT NULL,
    createdAt     TIMESTAMP     NOT NULL,
    PRIMARY KEY (processorName, messageId)
);

-- One row per content (sha256) ever registered: registering a file locks its content's row, so that two
-- workers or nodes registering the same content one after the other see each other's document.
CREATE TABLE content_key (
    sha256 CHAR(64) PRIMARY KEY
);
INSERT INTO content_key (sha256) SELECT DISTINCT sha256 FROM document WHERE sha256 IS NOT NULL;
