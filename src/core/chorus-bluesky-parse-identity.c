/* chorus-bluesky-parse-identity.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "chorus-bluesky-parse.h"
#include "chorus-error.h"
#include "chorus-parse-json-private.h"

/* Who the account is and where it lives: the session an app password
 * opens, the DID a handle resolves to, and the server (PDS) a DID
 * document names. */

static char *
dup_pds_endpoint (JsonObject *did_document)
{
  JsonArray *services = _chorus_json_get_array (did_document, "service");

  for (guint i = 0; i < _chorus_json_array_length (services); i++)
    {
      JsonObject *service = _chorus_json_array_object (services, i);
      const char *id = _chorus_json_get_string (service, "id");

      if (id != NULL && g_str_has_suffix (id, "#atproto_pds"))
        return _chorus_parse_dup_url (_chorus_json_get_string (service, "serviceEndpoint"));
    }

  return NULL;
}

/**
 * chorus_bluesky_parse_session:
 * @data: the body of com.atproto.server.createSession or refreshSession
 * @length: the length of @data, or -1 when it is nul-terminated
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the session
 */
ChorusBlueskySession *
chorus_bluesky_parse_session (const char  *data,
                              gssize       length,
                              GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(ChorusBlueskySession) session = NULL;
  JsonObject *object;
  const char *did;
  const char *handle;

  g_return_val_if_fail (data != NULL, NULL);

  if (!(root = _chorus_json_load (data, length, error)))
    return NULL;

  object = _chorus_json_object (root);
  did = _chorus_json_get_string (object, "did");
  handle = _chorus_json_get_string (object, "handle");

  session = g_new0 (ChorusBlueskySession, 1);
  session->did = _chorus_parse_is_did (did) ? g_strdup (did) : NULL;
  session->handle = _chorus_parse_is_identifier (handle, ".-", 253) ? g_ascii_strdown (handle, -1) : NULL;
  session->access_jwt = _chorus_parse_dup_secret (_chorus_json_get_string (object, "accessJwt"));
  session->refresh_jwt = _chorus_parse_dup_secret (_chorus_json_get_string (object, "refreshJwt"));
  if (session->did == NULL || session->handle == NULL ||
      session->access_jwt == NULL || session->refresh_jwt == NULL)
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   _("The Bluesky server did not open a session."));
      return NULL;
    }

  session->pds_endpoint = dup_pds_endpoint (_chorus_json_get_object (object, "didDoc"));

  return g_steal_pointer (&session);
}

/**
 * chorus_bluesky_parse_resolve_handle:
 * @data: the body of com.atproto.identity.resolveHandle
 * @length: the length of @data, or -1 when it is nul-terminated
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the handle's DID
 */
char *
chorus_bluesky_parse_resolve_handle (const char  *data,
                                     gssize       length,
                                     GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  const char *did;

  g_return_val_if_fail (data != NULL, NULL);

  if (!(root = _chorus_json_load (data, length, error)))
    return NULL;

  did = _chorus_json_get_string (_chorus_json_object (root), "did");
  if (!_chorus_parse_is_did (did))
    {
      g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                   _("The Bluesky server did not find who this handle belongs to."));
      return NULL;
    }

  return g_strdup (did);
}

/**
 * chorus_bluesky_parse_did_document:
 * @data: a DID document (from plc.directory or /.well-known/did.json)
 * @length: the length of @data, or -1 when it is nul-terminated
 * @error: a location for a #GError
 *
 * Returns: (transfer full) (nullable): the http(s) URL of the account's
 *   server (its `#atproto_pds` service)
 */
char *
chorus_bluesky_parse_did_document (const char  *data,
                                   gssize       length,
                                   GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  char *endpoint;

  g_return_val_if_fail (data != NULL, NULL);

  if (!(root = _chorus_json_load (data, length, error)))
    return NULL;

  endpoint = dup_pds_endpoint (_chorus_json_object (root));
  if (endpoint == NULL)
    g_set_error (error, CHORUS_ERROR, CHORUS_ERROR_PARSE,
                 _("The account’s identity document names no Bluesky server."));

  return endpoint;
}

/**
 * chorus_bluesky_session_free:
 * @session: (nullable): a session from chorus_bluesky_parse_session()
 *
 * Frees @session, overwriting both tokens first.
 */
void
chorus_bluesky_session_free (ChorusBlueskySession *session)
{
  if (session == NULL)
    return;

  g_free (session->did);
  g_free (session->handle);
  _chorus_parse_wipe_free (session->access_jwt);
  _chorus_parse_wipe_free (session->refresh_jwt);
  g_free (session->pds_endpoint);
  g_free (session);
}
