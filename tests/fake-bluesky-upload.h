/* fake-bluesky-upload.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fake-bluesky.h"

G_BEGIN_DECLS

/* What the fake Bluesky PDS adds for the outbox's variant posts: it takes
 * images (com.atproto.repo.uploadBlob, at most 1,000,000 bytes, as
 * Bluesky), writes records under their key (createRecord, refused with a
 * 500 when the key is taken, as some PDS versions answer; getRecord), and
 * tells the account's followers (getProfile). Everything it received is
 * kept for the tests. */

typedef struct
{
  char   *content_type;
  GBytes *bytes;
  char   *cid;                 /* the blob's ref.$link */
} FakeBlueskyBlob;

typedef struct
{
  GPtrArray  *blobs;           /* FakeBlueskyBlob, in the order they came */
  GHashTable *records;         /* rkey → the record's JSON, as created */
  guint       creates;         /* createRecord calls, refused ones included */
  guint       lookups;         /* getRecord calls */
} FakeBlueskyUploads;

void fake_bluesky_uploads_install (FakeBlueskyUploads *uploads,
                                   FakeBluesky        *f);
void fake_bluesky_uploads_clear   (FakeBlueskyUploads *uploads);

G_END_DECLS
