/* chorus-migrations.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-error.h"
#include "chorus-store-private.h"

/* Each entry moves a workspace from version N to N + 1 and runs in its own
 * transaction together with the PRAGMA user_version bump. Never edit a
 * migration that has shipped: add a new one. */

static const char migration_1[] =
  /* Listening: sources, people, posts, conversations and their triage state. */
  "CREATE TABLE workspace_meta ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE team_members ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  email TEXT,"
  "  role TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'member', 'viewer')),"
  "  is_me INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE sources ("
  "  id INTEGER PRIMARY KEY,"
  "  network TEXT NOT NULL CHECK (network IN ('mastodon', 'bluesky', 'discourse', 'feed')),"
  "  server_url TEXT NOT NULL,"
  "  account TEXT,"
  "  display_name TEXT NOT NULL,"
  "  watch_mentions INTEGER NOT NULL DEFAULT 1,"
  "  watch_hashtags TEXT NOT NULL DEFAULT '',"
  "  watch_keywords TEXT NOT NULL DEFAULT '',"
  "  secret_env TEXT,"
  "  is_sample INTEGER NOT NULL DEFAULT 0,"
  "  enabled INTEGER NOT NULL DEFAULT 1,"
  "  last_success_at INTEGER,"
  "  last_error TEXT,"
  "  needs_reauth INTEGER NOT NULL DEFAULT 0,"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE source_cursors ("
  "  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,"
  "  stream TEXT NOT NULL,"
  "  cursor TEXT,"
  "  updated_at INTEGER NOT NULL,"
  "  PRIMARY KEY (source_id, stream)"
  ") WITHOUT ROWID;"
  "CREATE TABLE people ("
  "  id INTEGER PRIMARY KEY,"
  "  display_name TEXT NOT NULL,"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE person_segments ("
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  segment TEXT NOT NULL CHECK (segment IN ('advocate', 'detractor', 'influencer', 'employee', 'vip')),"
  "  PRIMARY KEY (person_id, segment)"
  ") WITHOUT ROWID;"
  "CREATE TABLE person_fields ("
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  value TEXT NOT NULL,"
  "  PRIMARY KEY (person_id, name)"
  ") WITHOUT ROWID;"
  "CREATE TABLE identities ("
  "  id INTEGER PRIMARY KEY,"
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  network TEXT NOT NULL,"
  "  server TEXT NOT NULL DEFAULT '',"
  "  handle TEXT NOT NULL,"
  "  display_name TEXT NOT NULL DEFAULT '',"
  "  avatar_url TEXT,"
  "  profile_url TEXT,"
  "  account_created_at INTEGER,"
  "  UNIQUE (network, server, handle)"
  ");"
  "CREATE INDEX identities_person ON identities (person_id);"
  "CREATE TABLE statuses ("
  "  id INTEGER PRIMARY KEY,"
  "  builtin TEXT UNIQUE,"       /* 'new', 'open', 'waiting', 'done'; NULL for custom ones */
  "  name TEXT,"                 /* NULL keeps the translated built-in name */
  "  position INTEGER NOT NULL,"
  "  is_closed INTEGER NOT NULL DEFAULT 0,"
  "  CHECK (builtin IS NOT NULL OR name IS NOT NULL)"
  ");"
  "INSERT INTO statuses (id, builtin, position, is_closed) VALUES"
  "  (1, 'new', 0, 0), (2, 'open', 1, 0), (3, 'waiting', 2, 0), (4, 'done', 3, 1);"
  "CREATE TABLE conversations ("
  "  id INTEGER PRIMARY KEY,"
  "  source_id INTEGER REFERENCES sources (id) ON DELETE SET NULL,"
  "  network TEXT NOT NULL,"
  "  root_uri TEXT NOT NULL UNIQUE,"
  "  subject TEXT,"
  "  started_at INTEGER NOT NULL,"
  "  last_activity_at INTEGER NOT NULL,"
  "  post_count INTEGER NOT NULL DEFAULT 0,"
  "  status_id INTEGER NOT NULL DEFAULT 1 REFERENCES statuses (id),"
  "  assignee_id INTEGER REFERENCES team_members (id) ON DELETE SET NULL,"
  "  priority INTEGER NOT NULL DEFAULT 0,"
  "  sentiment INTEGER,"
  "  sentiment_override INTEGER,"
  "  has_question INTEGER NOT NULL DEFAULT 0,"
  "  unread INTEGER NOT NULL DEFAULT 1,"
  "  language TEXT"
  ");"
  "CREATE INDEX conversations_activity ON conversations (last_activity_at DESC, id DESC);"
  "CREATE TABLE posts ("
  "  id INTEGER PRIMARY KEY,"    /* time-ordered, see CHORUS_POST_KEY_SHIFT */
  "  source_id INTEGER REFERENCES sources (id) ON DELETE SET NULL,"
  "  conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
  "  remote_id TEXT,"
  "  uri TEXT NOT NULL UNIQUE,"
  "  url TEXT,"
  "  author_id INTEGER REFERENCES identities (id) ON DELETE SET NULL,"
  "  created_at INTEGER NOT NULL,"
  "  edited_at INTEGER,"
  "  language TEXT,"
  "  text TEXT NOT NULL,"
  "  html TEXT,"
  "  reply_to_uri TEXT,"
  "  is_own INTEGER NOT NULL DEFAULT 0,"
  "  like_count INTEGER NOT NULL DEFAULT 0,"
  "  repost_count INTEGER NOT NULL DEFAULT 0,"
  "  reply_count INTEGER NOT NULL DEFAULT 0,"
  "  fetched_at INTEGER"
  ");"
  "CREATE INDEX posts_conversation ON posts (conversation_id, id);"
  "CREATE INDEX posts_author ON posts (author_id, id);"
  "CREATE TABLE post_media ("
  "  id INTEGER PRIMARY KEY,"
  "  post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL DEFAULT 'image',"
  "  url TEXT,"
  "  preview_url TEXT,"
  "  alt_text TEXT,"
  "  width INTEGER,"
  "  height INTEGER,"
  "  sha256 TEXT"
  ");"
  "CREATE INDEX post_media_post ON post_media (post_id);"
  "CREATE TABLE polls ("
  "  id INTEGER PRIMARY KEY,"
  "  post_id INTEGER NOT NULL UNIQUE REFERENCES posts (id) ON DELETE CASCADE,"
  "  remote_id TEXT,"
  "  expires_at INTEGER,"
  "  multiple INTEGER NOT NULL DEFAULT 0,"
  "  voters_count INTEGER,"
  "  refreshed_at INTEGER"
  ");"
  "CREATE TABLE poll_options ("
  "  poll_id INTEGER NOT NULL REFERENCES polls (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  title TEXT NOT NULL,"
  "  votes INTEGER,"
  "  PRIMARY KEY (poll_id, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE tags ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE,"
  "  color TEXT"
  ");"
  "CREATE TABLE conversation_tags ("
  "  conversation_id INTEGER NOT NULL REFERENCES conversations (id) ON DELETE CASCADE,"
  "  tag_id INTEGER NOT NULL REFERENCES tags (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (conversation_id, tag_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX conversation_tags_tag ON conversation_tags (tag_id, conversation_id);"
  "CREATE TABLE notes ("
  "  id INTEGER PRIMARY KEY,"
  "  conversation_id INTEGER REFERENCES conversations (id) ON DELETE CASCADE,"
  "  person_id INTEGER REFERENCES people (id) ON DELETE CASCADE,"
  "  author_id INTEGER REFERENCES team_members (id) ON DELETE SET NULL,"
  "  body TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  CHECK (conversation_id IS NOT NULL OR person_id IS NOT NULL)"
  ");"
  "CREATE INDEX notes_conversation ON notes (conversation_id);"
  "CREATE TABLE outbox ("
  "  id INTEGER PRIMARY KEY,"
  "  source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('reply', 'like', 'repost', 'post', 'poll', 'announcement')),"
  "  target_post_id INTEGER REFERENCES posts (id) ON DELETE SET NULL,"
  "  body TEXT,"
  "  payload TEXT,"
  "  idempotency_key TEXT NOT NULL UNIQUE,"
  "  state TEXT NOT NULL DEFAULT 'queued'"
  "    CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),"
  "  attempts INTEGER NOT NULL DEFAULT 0,"
  "  last_error TEXT,"
  "  remote_uri TEXT,"
  "  created_by INTEGER REFERENCES team_members (id) ON DELETE SET NULL,"
  "  created_at INTEGER NOT NULL,"
  "  sent_at INTEGER"
  ");"
  "CREATE INDEX outbox_state ON outbox (state, id);"
  "CREATE TABLE audit_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at INTEGER NOT NULL,"
  "  actor_id INTEGER REFERENCES team_members (id) ON DELETE SET NULL,"
  "  action TEXT NOT NULL,"
  "  subject_type TEXT NOT NULL,"
  "  subject_id INTEGER,"
  "  detail TEXT"
  ");"
  "CREATE INDEX audit_log_subject ON audit_log (subject_type, subject_id);";

static const char migration_2[] =
  /* Pre-tests: campaigns, variants, runs, observations and decisions. */
  "CREATE TABLE campaigns ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  goal TEXT NOT NULL DEFAULT '',"
  "  hypothesis TEXT NOT NULL DEFAULT '',"
  "  primary_metric TEXT NOT NULL DEFAULT 'votes',"
  "  owner_id INTEGER REFERENCES team_members (id) ON DELETE SET NULL,"
  "  state TEXT NOT NULL DEFAULT 'draft'"
  "    CHECK (state IN ('draft', 'running', 'paused', 'closed', 'archived')),"
  "  created_at INTEGER NOT NULL,"
  "  updated_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE variants ("
  "  id INTEGER PRIMARY KEY,"
  "  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  label TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  image_sha256 TEXT,"
  "  image_alt TEXT,"
  "  link_url TEXT,"
  "  UNIQUE (campaign_id, position)"
  ");"
  "CREATE TABLE pretest_runs ("
  "  id INTEGER PRIMARY KEY,"
  "  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,"
  "  instrument TEXT NOT NULL"
  "    CHECK (instrument IN ('mastodon_poll', 'discourse_poll', 'variant_posts', 'manual')),"
  "  source_id INTEGER REFERENCES sources (id) ON DELETE SET NULL,"
  "  state TEXT NOT NULL DEFAULT 'draft'"
  "    CHECK (state IN ('draft', 'running', 'paused', 'closed', 'archived')),"
  "  started_at INTEGER,"
  "  ends_at INTEGER,"
  "  closed_at INTEGER,"
  "  schedule TEXT,"
  "  provenance TEXT,"
  "  last_refreshed_at INTEGER"
  ");"
  "CREATE INDEX pretest_runs_campaign ON pretest_runs (campaign_id);"
  "CREATE TABLE run_posts ("
  "  run_id INTEGER NOT NULL REFERENCES pretest_runs (id) ON DELETE CASCADE,"
  "  variant_id INTEGER NOT NULL REFERENCES variants (id) ON DELETE CASCADE,"
  "  source_id INTEGER REFERENCES sources (id) ON DELETE SET NULL,"
  "  outbox_id INTEGER REFERENCES outbox (id) ON DELETE SET NULL,"
  "  post_id INTEGER REFERENCES posts (id) ON DELETE SET NULL,"
  "  position INTEGER NOT NULL,"
  "  scheduled_at INTEGER,"
  "  PRIMARY KEY (run_id, variant_id, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE observations ("
  "  id INTEGER PRIMARY KEY,"
  "  run_id INTEGER NOT NULL REFERENCES pretest_runs (id) ON DELETE CASCADE,"
  "  variant_id INTEGER NOT NULL REFERENCES variants (id) ON DELETE CASCADE,"
  "  observed_at INTEGER NOT NULL,"
  "  metric TEXT NOT NULL CHECK (metric IN ('votes', 'likes', 'reposts', 'replies', 'reach')),"
  "  value INTEGER NOT NULL CHECK (value >= 0),"
  "  provenance TEXT"
  ");"
  "CREATE INDEX observations_run ON observations (run_id, variant_id, metric, observed_at);"
  "CREATE TABLE decisions ("
  "  id INTEGER PRIMARY KEY,"
  "  campaign_id INTEGER NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,"
  "  variant_id INTEGER REFERENCES variants (id) ON DELETE SET NULL,"
  "  decided_by INTEGER REFERENCES team_members (id) ON DELETE SET NULL,"
  "  decided_at INTEGER NOT NULL,"
  "  rationale TEXT NOT NULL"
  ");";

static const char migration_3[] =
  /* Co-creation: challenges, submissions, votes, jury, winners and rewards. */
  "CREATE TABLE challenges ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL,"
  "  brief TEXT NOT NULL DEFAULT '',"
  "  hashtag TEXT NOT NULL,"
  "  submissions_open_at INTEGER NOT NULL,"
  "  submissions_close_at INTEGER NOT NULL,"
  "  voting_open_at INTEGER NOT NULL,"
  "  voting_close_at INTEGER NOT NULL,"
  "  terms TEXT NOT NULL DEFAULT '',"
  "  prizes TEXT NOT NULL DEFAULT '',"
  "  eligibility TEXT NOT NULL DEFAULT '',"
  "  scale TEXT NOT NULL DEFAULT 'score5' CHECK (scale IN ('score5', 'support')),"
  "  community_weight REAL NOT NULL DEFAULT 0.5 CHECK (community_weight BETWEEN 0 AND 1),"
  "  created_at INTEGER NOT NULL"
  ");"
  "CREATE TABLE jury_members ("
  "  challenge_id INTEGER NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,"
  "  member_id INTEGER NOT NULL REFERENCES team_members (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (challenge_id, member_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE jury_criteria ("
  "  id INTEGER PRIMARY KEY,"
  "  challenge_id INTEGER NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,"
  "  name TEXT NOT NULL,"
  "  weight REAL NOT NULL DEFAULT 1 CHECK (weight >= 0),"
  "  position INTEGER NOT NULL"
  ");"
  "CREATE TABLE submissions ("
  "  id INTEGER PRIMARY KEY,"
  "  challenge_id INTEGER NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,"
  "  title TEXT NOT NULL,"
  "  author_id INTEGER REFERENCES identities (id) ON DELETE SET NULL,"
  "  origin_post_id INTEGER REFERENCES posts (id) ON DELETE SET NULL,"
  "  origin_file TEXT,"
  "  image_sha256 TEXT NOT NULL,"
  "  image_type TEXT NOT NULL DEFAULT 'image/png',"
  "  width INTEGER,"
  "  height INTEGER,"
  "  phash INTEGER,"
  "  consent_at INTEGER,"
  "  moderation TEXT NOT NULL DEFAULT 'pending'"
  "    CHECK (moderation IN ('pending', 'accepted', 'rejected')),"
  "  moderation_reason TEXT,"
  "  submitted_at INTEGER NOT NULL"
  ");"
  "CREATE INDEX submissions_challenge ON submissions (challenge_id, submitted_at);"
  "CREATE TABLE votes ("
  "  id INTEGER PRIMARY KEY,"
  "  submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,"
  "  voter_id INTEGER REFERENCES identities (id) ON DELETE SET NULL,"
  "  kiosk_token TEXT,"
  "  kind TEXT NOT NULL CHECK (kind IN ('like', 'repost', 'poll', 'reply_score', 'kiosk')),"
  "  score REAL,"
  "  cast_at INTEGER NOT NULL,"
  "  origin_post_id INTEGER REFERENCES posts (id) ON DELETE SET NULL,"
  "  excluded INTEGER NOT NULL DEFAULT 0,"
  "  exclusion_reason TEXT,"
  "  CHECK (voter_id IS NOT NULL OR kiosk_token IS NOT NULL)"
  ");"
  "CREATE UNIQUE INDEX votes_once ON votes (submission_id, kind, coalesce (voter_id, kiosk_token));"
  "CREATE TABLE jury_scores ("
  "  submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,"
  "  juror_id INTEGER NOT NULL REFERENCES team_members (id) ON DELETE CASCADE,"
  "  criterion_id INTEGER NOT NULL REFERENCES jury_criteria (id) ON DELETE CASCADE,"
  "  score REAL NOT NULL CHECK (score BETWEEN 0 AND 10),"
  "  scored_at INTEGER NOT NULL,"
  "  PRIMARY KEY (submission_id, juror_id, criterion_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE winners ("
  "  challenge_id INTEGER NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,"
  "  place INTEGER NOT NULL CHECK (place >= 1),"
  "  submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,"
  "  chosen_by INTEGER REFERENCES team_members (id) ON DELETE SET NULL,"
  "  chosen_at INTEGER NOT NULL,"
  "  PRIMARY KEY (challenge_id, place)"
  ") WITHOUT ROWID;"
  "CREATE TABLE rewards ("
  "  id INTEGER PRIMARY KEY,"
  "  challenge_id INTEGER NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,"
  "  submission_id INTEGER NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,"
  "  kind TEXT NOT NULL CHECK (kind IN ('prize', 'royalty')),"
  "  description TEXT NOT NULL,"
  "  amount_cents INTEGER NOT NULL DEFAULT 0,"
  "  currency TEXT NOT NULL DEFAULT 'EUR',"
  "  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'paid')),"
  "  paid_at INTEGER"
  ");";

static const char migration_4[] =
  /* Full-text search over post text, and counters kept by triggers so that
   * opening a big workspace never has to count(*) a table. */
  "CREATE VIRTUAL TABLE posts_fts USING fts5 ("
  "  text, content = 'posts', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "INSERT INTO posts_fts (posts_fts) VALUES ('rebuild');"
  "CREATE TRIGGER posts_fts_insert AFTER INSERT ON posts BEGIN"
  "  INSERT INTO posts_fts (rowid, text) VALUES (new.id, new.text);"
  "END;"
  "CREATE TRIGGER posts_fts_delete AFTER DELETE ON posts BEGIN"
  "  INSERT INTO posts_fts (posts_fts, rowid, text) VALUES ('delete', old.id, old.text);"
  "END;"
  "CREATE TRIGGER posts_fts_update AFTER UPDATE OF text ON posts BEGIN"
  "  INSERT INTO posts_fts (posts_fts, rowid, text) VALUES ('delete', old.id, old.text);"
  "  INSERT INTO posts_fts (rowid, text) VALUES (new.id, new.text);"
  "END;"
  "CREATE TABLE counters ("
  "  name TEXT PRIMARY KEY,"
  "  value INTEGER NOT NULL"
  ") WITHOUT ROWID;"
  "INSERT INTO counters (name, value) VALUES"
  "  ('posts', (SELECT count(*) FROM posts)),"
  "  ('conversations', (SELECT count(*) FROM conversations));"
  "CREATE TRIGGER posts_count_insert AFTER INSERT ON posts BEGIN"
  "  UPDATE counters SET value = value + 1 WHERE name = 'posts';"
  "END;"
  "CREATE TRIGGER posts_count_delete AFTER DELETE ON posts BEGIN"
  "  UPDATE counters SET value = value - 1 WHERE name = 'posts';"
  "END;"
  "CREATE TRIGGER conversations_count_insert AFTER INSERT ON conversations BEGIN"
  "  UPDATE counters SET value = value + 1 WHERE name = 'conversations';"
  "END;"
  "CREATE TRIGGER conversations_count_delete AFTER DELETE ON conversations BEGIN"
  "  UPDATE counters SET value = value - 1 WHERE name = 'conversations';"
  "END;";

/* Accounts: Discourse categories to read, beside the hashtags and
 * keywords a source already watches. */
static const char migration_5[] =
  "ALTER TABLE sources ADD COLUMN watch_categories TEXT NOT NULL DEFAULT '';";

/* The inbox's filters, search and saved views (chorus-inbox-query.c says
 * which query walks which index). conversations_inbox leads with the
 * order of conversations_activity, which it replaces, and holds every
 * triage column a filter reads, so that a filtered list is a walk of one
 * small index that never reads the table. posts_inbox takes a post key (an
 * FTS5 rowid) to its conversation and author without reading the wide
 * posts row; posts_thread, which replaces posts_conversation, gives a
 * conversation's first post and its author from the index alone, and
 * posts_author now also holds the conversation of each post. Each
 * replaced index keeps its columns first, so every query it served, the
 * new one serves. Created last, saved_views is where a failed upgrade
 * stops. */
static const char migration_6[] =
  "DROP INDEX conversations_activity;"
  "CREATE INDEX conversations_inbox ON conversations (last_activity_at DESC, id DESC,"
  "  status_id, assignee_id, network, source_id, unread, has_question, sentiment,"
  "  sentiment_override, language);"
  "CREATE INDEX posts_inbox ON posts (id, conversation_id, author_id);"
  "DROP INDEX posts_conversation;"
  "CREATE INDEX posts_thread ON posts (conversation_id, id, author_id);"
  "DROP INDEX posts_author;"
  "CREATE INDEX posts_author ON posts (author_id, id, conversation_id);"
  "CREATE INDEX identities_handle ON identities (handle COLLATE NOCASE);"
  "CREATE TABLE saved_views ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  filter TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  created_at INTEGER NOT NULL"
  ");";

/* Triage rules (chorus-store-rules.c): conditions and actions are
 * versioned JSON, conditions in the form of an inbox filter. A rule never
 * touches a bot's posts, so identities learn whether they are one. */
static const char migration_7[] =
  "ALTER TABLE identities ADD COLUMN is_bot INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE rules ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  enabled INTEGER NOT NULL DEFAULT 1,"
  "  position INTEGER NOT NULL,"
  "  conditions TEXT NOT NULL,"
  "  actions TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL"
  ");";

/* For the Conversations pane's answers and people:
 * - saved replies for the composer, with {name} and {handle} variables;
 * - the opt-outs an author publishes on their profile (Mastodon's
 *   discoverable, indexable and noindex; NULL when the network said
 *   nothing) and the links the profile carries, one URL per line, which
 *   merge suggestions compare;
 * - merges of two people that can be undone: the merged person stays, with
 *   merged_into set, and person_merges keeps what moved (versioned JSON);
 * - suggestions a person dismissed, so they are not offered again;
 * - CRM imports, and which import set each person field. */
static const char migration_8[] =
  "ALTER TABLE identities ADD COLUMN discoverable INTEGER;"
  "ALTER TABLE identities ADD COLUMN indexable INTEGER;"
  "ALTER TABLE identities ADD COLUMN noindex INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE identities ADD COLUMN links TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE people ADD COLUMN merged_into INTEGER REFERENCES people (id) ON DELETE SET NULL;"
  "CREATE TABLE crm_imports ("
  "  id INTEGER PRIMARY KEY,"
  "  file_name TEXT NOT NULL,"
  "  mapping TEXT NOT NULL,"
  "  n_rows INTEGER NOT NULL,"
  "  n_matched INTEGER NOT NULL,"
  "  imported_at INTEGER NOT NULL"
  ");"
  "ALTER TABLE person_fields ADD COLUMN import_id INTEGER REFERENCES crm_imports (id) ON DELETE SET NULL;"
  "CREATE TABLE person_merges ("
  "  id INTEGER PRIMARY KEY,"
  "  kept_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  merged_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  moved TEXT NOT NULL,"
  "  merged_at INTEGER NOT NULL,"
  "  undone_at INTEGER"
  ");"
  "CREATE INDEX person_merges_kept ON person_merges (kept_id);"
  "CREATE TABLE merge_dismissals ("
  "  person_a INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  person_b INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  dismissed_at INTEGER NOT NULL,"
  "  PRIMARY KEY (person_a, person_b),"
  "  CHECK (person_a < person_b)"
  ") WITHOUT ROWID;"
  "CREATE TABLE saved_replies ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL,"
  "  body TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  created_at INTEGER NOT NULL"
  ");";

/* Pre-tests on a Mastodon poll (chorus-pretest-mastodon.c): a run keeps
 * the poll's question as it was posted, how long the poll stays open, the
 * poll's id on its server once the outbox has sent it, and what its
 * latest refresh could not read, in words for a person (results hidden
 * until the poll ends, the poll deleted), or NULL. */
static const char migration_9[] =
  "ALTER TABLE pretest_runs ADD COLUMN question TEXT;"
  "ALTER TABLE pretest_runs ADD COLUMN expires_in INTEGER;"
  "ALTER TABLE pretest_runs ADD COLUMN remote_id TEXT;"
  "ALTER TABLE pretest_runs ADD COLUMN notice TEXT;";

/* Public Discourse polls (chorus-pretest-discourse-refresh.c): who voted
 * for which variant, from the forum's voter lists, and when a sync first
 * saw the vote. */
static const char migration_10[] =
  "CREATE TABLE run_voters ("
  "  run_id INTEGER NOT NULL REFERENCES pretest_runs (id) ON DELETE CASCADE,"
  "  variant_id INTEGER NOT NULL REFERENCES variants (id) ON DELETE CASCADE,"
  "  username TEXT NOT NULL,"
  "  first_seen_at INTEGER NOT NULL,"
  "  PRIMARY KEY (run_id, variant_id, username)"
  ") WITHOUT ROWID;";

/* Variant posts (chorus-pretest-variants.c): an outbox item may wait
 * for its time (not_before, Unix seconds; NULL sends at once), and each
 * run post keeps what the network made of it once sent (its id there: a
 * Mastodon status id or a Bluesky URI, and its cid), when it went out,
 * and what its latest refresh could not read, in words for a person. */
static const char migration_11[] =
  "ALTER TABLE outbox ADD COLUMN not_before INTEGER;"
  "CREATE INDEX outbox_due ON outbox (not_before) WHERE state = 'queued';"
  "ALTER TABLE run_posts ADD COLUMN remote_id TEXT;"
  "ALTER TABLE run_posts ADD COLUMN remote_cid TEXT;"
  "ALTER TABLE run_posts ADD COLUMN posted_at INTEGER;"
  "ALTER TABLE run_posts ADD COLUMN notice TEXT;";

/* Variant images (chorus-media-import.c): a variant keeps its image's
 * MIME type beside its SHA-256, which together name the file in the
 * media folder. Before, only the sample workspace gave variants images,
 * all of them PNG. */
static const char migration_12[] =
  "ALTER TABLE variants ADD COLUMN image_type TEXT;"
  "UPDATE variants SET image_type = 'image/png' WHERE image_sha256 IS NOT NULL;";

/* Challenge entries collected from the networks (chorus-challenge-collect.c):
 * - a post becomes at most one entry of a challenge;
 * - a post whose image could not be stored waits in pending_entries with
 *   the reason, in words for a person; one refused for good (too large, not
 *   an image, gone) is not tried again until its post names another image;
 * - vote_reads says when each entry's likes and boosts were last read, so
 *   that every entry gets its turn when a sync cannot read them all, and
 *   what that read could not do. */
static const char migration_13[] =
  "CREATE UNIQUE INDEX submissions_origin_post ON submissions (challenge_id, origin_post_id)"
  "  WHERE origin_post_id IS NOT NULL;"
  "CREATE TABLE pending_entries ("
  "  challenge_id INTEGER NOT NULL REFERENCES challenges (id) ON DELETE CASCADE,"
  "  post_id INTEGER NOT NULL REFERENCES posts (id) ON DELETE CASCADE,"
  "  image_url TEXT NOT NULL,"
  "  notice TEXT NOT NULL,"
  "  refused INTEGER NOT NULL DEFAULT 0,"
  "  tried_at INTEGER NOT NULL,"
  "  PRIMARY KEY (challenge_id, post_id)"
  ") WITHOUT ROWID;"
  "CREATE TABLE vote_reads ("
  "  submission_id INTEGER PRIMARY KEY REFERENCES submissions (id) ON DELETE CASCADE,"
  "  read_at INTEGER NOT NULL,"
  "  notice TEXT"
  ");";

/* Manual results of a campaign compared on all engagements are stored
 * under that metric (they come as one figure per variant, not as likes,
 * reposts and replies apart): the observations' CHECK takes it. SQLite
 * changes a CHECK only by copying the table. */
static const char migration_14[] =
  "CREATE TABLE observations_new ("
  "  id INTEGER PRIMARY KEY,"
  "  run_id INTEGER NOT NULL REFERENCES pretest_runs (id) ON DELETE CASCADE,"
  "  variant_id INTEGER NOT NULL REFERENCES variants (id) ON DELETE CASCADE,"
  "  observed_at INTEGER NOT NULL,"
  "  metric TEXT NOT NULL"
  "    CHECK (metric IN ('votes', 'likes', 'reposts', 'replies', 'reach', 'engagements')),"
  "  value INTEGER NOT NULL CHECK (value >= 0),"
  "  provenance TEXT"
  ");"
  "INSERT INTO observations_new (id, run_id, variant_id, observed_at, metric, value, provenance)"
  "  SELECT id, run_id, variant_id, observed_at, metric, value, provenance FROM observations;"
  "DROP TABLE observations;"
  "ALTER TABLE observations_new RENAME TO observations;"
  "CREATE INDEX observations_run ON observations (run_id, variant_id, metric, observed_at);";

static const char * const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
  migration_7,
  migration_8,
  migration_9,
  migration_10,
  migration_11,
  migration_12,
  migration_13,
  migration_14,
};

guint
_chorus_migrations_latest (void)
{
  return G_N_ELEMENTS (migrations);
}

static gboolean
read_user_version (sqlite3  *db,
                   guint    *version,
                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _chorus_sql_prepare (db, "PRAGMA user_version", error)))
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _chorus_set_sqlite_error (error, db, "user_version");
      return FALSE;
    }

  *version = (guint) sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
apply_one (sqlite3  *db,
           guint     from_version,
           GError  **error)
{
  g_autofree char *bump = NULL;

  if (!_chorus_sql_exec (db, "BEGIN IMMEDIATE", error))
    return FALSE;

  bump = g_strdup_printf ("PRAGMA user_version = %u", from_version + 1);

  if (!_chorus_sql_exec (db, migrations[from_version], error) ||
      !_chorus_sql_exec (db, bump, error) ||
      !_chorus_sql_exec (db, "COMMIT", error))
    {
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      g_prefix_error (error, "migration %u: ", from_version + 1);
      return FALSE;
    }

  return TRUE;
}

gboolean
_chorus_migrations_apply (sqlite3  *db,
                          guint     target_version,
                          GError  **error)
{
  guint version;

  g_return_val_if_fail (target_version <= G_N_ELEMENTS (migrations), FALSE);

  if (!read_user_version (db, &version, error))
    return FALSE;

  for (; version < target_version; version++)
    {
      if (!apply_one (db, version, error))
        return FALSE;
    }

  return TRUE;
}
