-- A small database that claims version 1 with a "posts" table of its own:
-- the migrations must refuse it or bring it up, never crash.
PRAGMA page_size = 512;
PRAGMA application_id = 1128812370;
PRAGMA user_version = 1;
CREATE TABLE posts (id INTEGER PRIMARY KEY, text TEXT);
INSERT INTO posts (text) VALUES ('hello'), ('world');
