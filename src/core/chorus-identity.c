/* chorus-identity.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chorus-identity.h"

/* A plain boxed struct rather than a GObject: a person holds a handful of
 * identities that nothing watches, and the person panel only reads them. */

G_DEFINE_BOXED_TYPE (ChorusIdentity, chorus_identity, chorus_identity_copy, chorus_identity_free)

/**
 * chorus_identity_new:
 * @id: the row id
 * @network: the network, such as "mastodon"
 * @server: (nullable): the server, or %NULL for none
 * @handle: the handle on that server
 *
 * Returns: (transfer full): an identity with no display name, avatar,
 *   profile address or creation time yet; set those fields directly
 */
ChorusIdentity *
chorus_identity_new (gint64      id,
                     const char *network,
                     const char *server,
                     const char *handle)
{
  ChorusIdentity *identity;

  g_return_val_if_fail (network != NULL && handle != NULL, NULL);

  identity = g_new0 (ChorusIdentity, 1);
  identity->id = id;
  identity->network = g_strdup (network);
  identity->server = g_strdup (server != NULL ? server : "");
  identity->handle = g_strdup (handle);
  identity->display_name = g_strdup ("");

  return identity;
}

/**
 * chorus_identity_copy:
 * @identity: an identity
 *
 * Returns: (transfer full): a deep copy of @identity
 */
ChorusIdentity *
chorus_identity_copy (const ChorusIdentity *identity)
{
  ChorusIdentity *copy;

  g_return_val_if_fail (identity != NULL, NULL);

  copy = chorus_identity_new (identity->id, identity->network, identity->server, identity->handle);
  g_free (copy->display_name);
  copy->display_name = g_strdup (identity->display_name);
  copy->avatar_url = g_strdup (identity->avatar_url);
  copy->profile_url = g_strdup (identity->profile_url);
  copy->account_created_at = identity->account_created_at;

  return copy;
}

/**
 * chorus_identity_free:
 * @identity: (nullable): an identity
 *
 * Frees @identity and its strings.
 */
void
chorus_identity_free (ChorusIdentity *identity)
{
  if (identity == NULL)
    return;

  g_free (identity->network);
  g_free (identity->server);
  g_free (identity->handle);
  g_free (identity->display_name);
  g_free (identity->avatar_url);
  g_free (identity->profile_url);
  g_free (identity);
}
