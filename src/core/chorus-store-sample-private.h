/* chorus-store-sample-private.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "chorus-store.h"

G_BEGIN_DECLS

/* The bulk writer behind the sample generator. It knows the SQL; the
 * generator only decides what goes in each row. Rows are arrays of values in
 * the column order listed beside each table below, with explicit ids, so the
 * result never depends on the order SQLite hands out rowids. */

typedef enum
{
  CHORUS_SAMPLE_META,             /* key, value (replaces an existing key) */
  CHORUS_SAMPLE_TEAM_MEMBER,      /* id, name, email, role, is_me, created_at */
  CHORUS_SAMPLE_SOURCE,           /* id, network, server_url, account, display_name, watch_mentions,
                                     watch_hashtags, watch_keywords, is_sample, last_success_at,
                                     created_at */
  CHORUS_SAMPLE_SOURCE_CURSOR,    /* source_id, stream, cursor, updated_at */
  CHORUS_SAMPLE_PERSON,           /* id, display_name, notes, created_at */
  CHORUS_SAMPLE_PERSON_SEGMENT,   /* person_id, segment */
  CHORUS_SAMPLE_PERSON_FIELD,     /* person_id, name, value */
  CHORUS_SAMPLE_IDENTITY,         /* id, person_id, network, server, handle, display_name,
                                     avatar_url, profile_url, account_created_at */
  CHORUS_SAMPLE_CONVERSATION,     /* id, source_id, network, root_uri, subject, started_at,
                                     last_activity_at, post_count, status_id, assignee_id, priority,
                                     sentiment, sentiment_override, has_question, unread, language */
  CHORUS_SAMPLE_POST,             /* id, source_id, conversation_id, remote_id, uri, url, author_id,
                                     created_at, edited_at, language, text, html, reply_to_uri,
                                     is_own, like_count, repost_count, reply_count, fetched_at */
  CHORUS_SAMPLE_POST_MEDIA,       /* id, post_id, kind, url, preview_url, alt_text, width, height,
                                     sha256 */
  CHORUS_SAMPLE_POLL,             /* id, post_id, remote_id, expires_at, multiple, voters_count,
                                     refreshed_at */
  CHORUS_SAMPLE_POLL_OPTION,      /* poll_id, position, title, votes */
  CHORUS_SAMPLE_TAG,              /* id, name, color */
  CHORUS_SAMPLE_CONVERSATION_TAG, /* conversation_id, tag_id */
  CHORUS_SAMPLE_NOTE,             /* id, conversation_id, person_id, author_id, body, created_at */
  CHORUS_SAMPLE_OUTBOX,           /* id, source_id, kind, target_post_id, body, idempotency_key,
                                     state, attempts, remote_uri, created_by, created_at, sent_at */
  CHORUS_SAMPLE_AUDIT,            /* id, at, actor_id, action, subject_type, subject_id, detail */
  CHORUS_SAMPLE_CAMPAIGN,         /* id, name, goal, hypothesis, primary_metric, owner_id, state,
                                     created_at, updated_at */
  CHORUS_SAMPLE_VARIANT,          /* id, campaign_id, position, label, body, image_sha256, image_alt,
                                     link_url */
  CHORUS_SAMPLE_RUN,              /* id, campaign_id, instrument, source_id, state, started_at,
                                     ends_at, closed_at, schedule, provenance, last_refreshed_at */
  CHORUS_SAMPLE_RUN_POST,         /* run_id, variant_id, source_id, outbox_id, post_id, position,
                                     scheduled_at */
  CHORUS_SAMPLE_OBSERVATION,      /* id, run_id, variant_id, observed_at, metric, value, provenance */
  CHORUS_SAMPLE_DECISION,         /* id, campaign_id, variant_id, decided_by, decided_at, rationale */
  CHORUS_SAMPLE_CHALLENGE,        /* id, title, brief, hashtag, submissions_open_at,
                                     submissions_close_at, voting_open_at, voting_close_at, terms,
                                     prizes, eligibility, scale, community_weight, created_at */
  CHORUS_SAMPLE_JURY_MEMBER,      /* challenge_id, member_id */
  CHORUS_SAMPLE_JURY_CRITERION,   /* id, challenge_id, name, weight, position */
  CHORUS_SAMPLE_SUBMISSION,       /* id, challenge_id, title, author_id, origin_post_id, origin_file,
                                     image_sha256, image_type, width, height, consent_at, moderation,
                                     moderation_reason, submitted_at */
  CHORUS_SAMPLE_VOTE,             /* id, submission_id, voter_id, kiosk_token, kind, score, cast_at,
                                     origin_post_id, excluded, exclusion_reason */
  CHORUS_SAMPLE_JURY_SCORE,       /* submission_id, juror_id, criterion_id, score, scored_at */
  CHORUS_SAMPLE_WINNER,           /* challenge_id, place, submission_id, chosen_by, chosen_at */
  CHORUS_SAMPLE_REWARD,           /* id, challenge_id, submission_id, kind, description,
                                     amount_cents, currency, state, paid_at */
  CHORUS_SAMPLE_SAVED_REPLY,      /* id, name, body, position, created_at */
  CHORUS_SAMPLE_N_TABLES
} ChorusSampleTable;

typedef enum
{
  CHORUS_SAMPLE_VALUE_NULL,
  CHORUS_SAMPLE_VALUE_INT,
  CHORUS_SAMPLE_VALUE_REAL,
  CHORUS_SAMPLE_VALUE_TEXT,
} ChorusSampleValueType;

typedef struct
{
  ChorusSampleValueType type;
  union
  {
    gint64      i;
    double      d;
    const char *s;
  } v;
} ChorusSampleValue;

/* Initializers for the values of one row. TEXT (NULL) and ID (0) store
 * NULL, and so do the _IF forms when their condition is false. */
#define SAMPLE_NULL             { .type = CHORUS_SAMPLE_VALUE_NULL }
#define SAMPLE_INT(x)           { .type = CHORUS_SAMPLE_VALUE_INT, .v.i = (gint64) (x) }
#define SAMPLE_REAL(x)          { .type = CHORUS_SAMPLE_VALUE_REAL, .v.d = (double) (x) }
#define SAMPLE_TEXT(x)          { .type = CHORUS_SAMPLE_VALUE_TEXT, .v.s = (x) }
#define SAMPLE_INT_IF(cond, x)  { .type = (cond) ? CHORUS_SAMPLE_VALUE_INT : CHORUS_SAMPLE_VALUE_NULL, \
                                  .v.i = (gint64) (x) }
#define SAMPLE_REAL_IF(cond, x) { .type = (cond) ? CHORUS_SAMPLE_VALUE_REAL : CHORUS_SAMPLE_VALUE_NULL, \
                                  .v.d = (double) (x) }
#define SAMPLE_ID(x)            SAMPLE_INT_IF ((x) != 0, x)

typedef struct _ChorusSampleWriter ChorusSampleWriter;

ChorusSampleWriter *_chorus_sample_writer_new    (ChorusStore             *store,
                                                  GError                 **error);
void                _chorus_sample_writer_insert (ChorusSampleWriter      *self,
                                                  ChorusSampleTable        table,
                                                  const ChorusSampleValue *values,
                                                  guint                    n_values);
void                _chorus_sample_writer_commit (ChorusSampleWriter      *self);
gboolean            _chorus_sample_writer_check  (ChorusSampleWriter      *self,
                                                  GError                 **error);
gboolean            _chorus_sample_writer_finish (ChorusSampleWriter      *self,
                                                  GError                 **error);
void                _chorus_sample_writer_free   (ChorusSampleWriter      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusSampleWriter, _chorus_sample_writer_free)

/* Writes one row: SAMPLE_ROW (writer, CHORUS_SAMPLE_TAG, SAMPLE_INT (1), SAMPLE_TEXT ("idea"), …).
 * A failed insert is remembered and reported by _chorus_sample_writer_check(). */
#define SAMPLE_ROW(writer, table, ...) \
  G_STMT_START { \
    const ChorusSampleValue sample_row_values_[] = { __VA_ARGS__ }; \
    _chorus_sample_writer_insert ((writer), (table), sample_row_values_, \
                                  G_N_ELEMENTS (sample_row_values_)); \
  } G_STMT_END

G_END_DECLS
