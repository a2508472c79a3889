/* fake-mastodon-challenge.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/* What a Mastodon server shows of a design challenge, for tests: hashtag
 * timelines of statuses with images, the images themselves, and who
 * favourited and boosted each status (favourited_by, reblogged_by), paged
 * as Mastodon pages them, and the replies below it (context). Statuses
 * and accounts are made from the real ones in the corpus
 * (status_two_images_created.json and status_favourited_by.json). It answers in the thread of the server that
 * hands it requests, the test's own (ChorusTestSyncRig). */

typedef struct _FakeChallenge FakeChallenge;

typedef enum
{
  FAKE_CHALLENGE_LIKE,
  FAKE_CHALLENGE_BOOST,
} FakeChallengeVote;

typedef enum
{
  FAKE_CHALLENGE_FAULT_RATE_LIMIT,     /* 429 with Retry-After: 0 */
  FAKE_CHALLENGE_FAULT_SERVER_ERROR,   /* 500 */
  FAKE_CHALLENGE_FAULT_DROP,           /* half the body, then the connection closes */
  FAKE_CHALLENGE_FAULT_BAD_JSON,       /* 200 with a body that is not JSON */
} FakeChallengeFault;

FakeChallenge *fake_challenge_new          (const char         *corpus_dir,
                                            const char         *base_url);
void           fake_challenge_free         (FakeChallenge      *self);
char          *fake_challenge_add_status   (FakeChallenge      *self,
                                            const char         *timeline_tag,
                                            const char         *username,
                                            gint64              created_at,
                                            const char         *text,
                                            const char         *image_name);
char          *fake_challenge_add_reply    (FakeChallenge      *self,
                                            const char         *status_id,
                                            const char         *username,
                                            gint64              created_at,
                                            const char         *text);
void           fake_challenge_edit_status  (FakeChallenge      *self,
                                            const char         *status_id,
                                            const char         *text,
                                            gint64              edited_at);
void           fake_challenge_set_status_uri (FakeChallenge    *self,
                                              const char       *status_id,
                                              const char       *uri);
void           fake_challenge_delete_status (FakeChallenge     *self,
                                             const char        *status_id);
void           fake_challenge_add_image    (FakeChallenge      *self,
                                            const char         *name,
                                            GBytes             *bytes);
void           fake_challenge_vote         (FakeChallenge      *self,
                                            const char         *status_id,
                                            FakeChallengeVote   vote,
                                            const char         *acct,
                                            gboolean            on);
void           fake_challenge_set_page_size (FakeChallenge     *self,
                                             guint              accounts);
void           fake_challenge_add_fault    (FakeChallenge      *self,
                                            const char         *path_part,
                                            FakeChallengeFault  fault,
                                            guint               times);
guint          fake_challenge_count_requests (FakeChallenge    *self,
                                              const char       *path_part);
gboolean       fake_challenge_serve        (FakeChallenge      *self,
                                            SoupServerMessage  *message,
                                            const char         *path,
                                            GHashTable         *query);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeChallenge, fake_challenge_free)

G_END_DECLS
