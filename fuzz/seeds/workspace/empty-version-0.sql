-- A workspace file as the first version of Chorus left it before any
-- migration: the header says Chorus, nothing else is there yet.
PRAGMA page_size = 512;
PRAGMA application_id = 1128812370;
PRAGMA user_version = 0;
VACUUM;
