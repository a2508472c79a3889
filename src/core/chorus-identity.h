/* chorus-identity.h
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define CHORUS_TYPE_IDENTITY (chorus_identity_get_type ())

/* One account of a person on one network, as the identities table holds
 * it. Strings are never %NULL except @avatar_url and @profile_url;
 * @account_created_at is 0 when the network did not say. */
typedef struct
{
  gint64  id;
  char   *network;
  char   *server;
  char   *handle;
  char   *display_name;
  char   *avatar_url;
  char   *profile_url;
  gint64  account_created_at;
} ChorusIdentity;

GType           chorus_identity_get_type (void) G_GNUC_CONST;
ChorusIdentity *chorus_identity_new      (gint64                id,
                                          const char           *network,
                                          const char           *server,
                                          const char           *handle);
ChorusIdentity *chorus_identity_copy     (const ChorusIdentity *identity);
void            chorus_identity_free     (ChorusIdentity       *identity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChorusIdentity, chorus_identity_free)

G_END_DECLS
