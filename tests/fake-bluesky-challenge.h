/* fake-bluesky-challenge.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fake-bluesky.h"

G_BEGIN_DECLS

/* What the fake Bluesky service (fake-bluesky.c) shows of a design
 * challenge: posts with a hashtag facet and an image, the images (served
 * at /media/<name>, as a CDN would, without sign-in), and who liked and
 * reposted each post (getLikes, getRepostedBy on the PDS, signed in,
 * cursor-paged), and the replies in its thread (getPostThread). It adds
 * its own handlers to the fake's server, so fake-bluesky.c does not know
 * it. */

typedef struct _FakeBlueskyChallenge FakeBlueskyChallenge;

FakeBlueskyChallenge *fake_bluesky_challenge_new      (FakeBluesky          *fake);
void                  fake_bluesky_challenge_free     (FakeBlueskyChallenge *self);
char                 *fake_bluesky_challenge_add_post (FakeBlueskyChallenge *self,
                                                       const char           *handle,
                                                       gint64                created_at,
                                                       const char           *text,
                                                       const char           *tag,
                                                       const char           *image_name,
                                                       GBytes               *image);
void                  fake_bluesky_challenge_like     (FakeBlueskyChallenge *self,
                                                       const char           *uri,
                                                       const char           *handle,
                                                       gint64                created_at);
void                  fake_bluesky_challenge_repost   (FakeBlueskyChallenge *self,
                                                       const char           *uri,
                                                       const char           *handle);
void                  fake_bluesky_challenge_unlike   (FakeBlueskyChallenge *self,
                                                       const char           *uri,
                                                       const char           *handle);
char                 *fake_bluesky_challenge_reply    (FakeBlueskyChallenge *self,
                                                       const char           *uri,
                                                       const char           *handle,
                                                       gint64                created_at,
                                                       const char           *text);
void                  fake_bluesky_challenge_delete_reply (FakeBlueskyChallenge *self,
                                                           const char           *uri,
                                                           const char           *reply_uri);
guint                 fake_bluesky_challenge_count    (FakeBlueskyChallenge *self,
                                                       const char           *path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FakeBlueskyChallenge, fake_bluesky_challenge_free)

G_END_DECLS
