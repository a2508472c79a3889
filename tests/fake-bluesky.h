/* fake-bluesky.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "chorus-test-util.h"

G_BEGIN_DECLS

/* What test-sync-bluesky syncs against: a fake Bluesky service on
 * 127.0.0.1. It is the entryway (resolveHandle, createSession,
 * refreshSession), a PLC directory, and a PDS reached as "localhost"
 * that serves searchPosts and listNotifications, built from the corpus,
 * newest first with offset cursors as the AppView's search has, and
 * getPostThread (NotFound unless a test asks for threads). Tests turn its
 * faults on through the fields below, and read what it was asked through
 * its counters. */

#define HANDLE         "ana.test"
#define DID            "did:plc:chorustestana2222222222"
#define APP_PASSWORD   "abcd-efgh-ijkl-mnop"
#define WRONG_PASSWORD "wxyz-wxyz-wxyz-wxyz"
#define PASSWORD_ENV   "CHORUS_TEST_BLUESKY_PASSWORD"
#define TOKEN_PREFIX   "jwt-secret-"
#define FAKE_PAGE      10
#define POST_SPACING   (15 * 60)

typedef struct _FakeBluesky
{
  ChorusTestSyncRig rig;           /* rig.base: the entryway, as the source names it */
  char             *pds;           /* the same server, as the DID document names it */
  gint64            source_id;

  JsonNode         *search_corpus;
  JsonNode         *notification_corpus;
  GPtrArray        *posts;         /* JsonNode, newest first */
  GPtrArray        *notifications;
  gint64            clock;         /* indexedAt of the next new item */
  gint64            clock_ahead;   /* how far the server's clock (its Date) is ahead of ours, in seconds */
  guint             serial;

  const char       *password;      /* the app password it takes; NULL for APP_PASSWORD */
  char             *access;        /* the tokens the server gave last */
  char             *refresh;
  guint             tokens;
  gboolean          access_expired;
  guint             expire_access_after;  /* data calls, 0 for never */
  gboolean          refuse_refresh;
  gboolean          break_older_pages;
  guint             fail_429;
  guint             fail_500;
  gboolean          serve_threads;
  gboolean          fail_threads;

  guint             resolves;
  guint             plc_lookups;
  guint             creates;
  guint             refreshes;
  guint             searches;
  guint             listings;
  guint             checks;
  guint             threads;
  guint             misplaced;     /* data calls not to the PDS, or without the token */
  guint             served_mentions;
  char             *last_query;
  char             *last_reasons;

  struct _FakeBlueskyFeed *feed;   /* the account's own posts: fake-bluesky-feed.h */
  /* Routes of a test's own, tried before the built-in data routes (see
   * fake-bluesky-upload.c). */
  gboolean        (*extra_route) (struct _FakeBluesky *f,
                                  SoupServerMessage   *message,
                                  const char          *path,
                                  GHashTable          *query);
  gpointer          extra_data;
} FakeBluesky;

/* New items from the corpus, each newer than the last. */
void fake_bluesky_add_posts         (FakeBluesky *f,
                                     guint        count);
void fake_bluesky_add_notifications (FakeBluesky *f,
                                     guint        count);

/* Starts the service and the sync rig (store and engine) on it, and points
 * CHORUS_PLC_DIRECTORY and PASSWORD_ENV at it. */
void fake_bluesky_set_up            (FakeBluesky *f);
void fake_bluesky_tear_down         (FakeBluesky *f);

G_END_DECLS
