/* chorus-http-url.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>

#include "chorus-http.h"

/* Which addresses ChorusHttp fetches, and how a server is named: the
 * parts of chorus-http.h that need no request. */

static gboolean
is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  if (!(address = g_inet_address_new_from_string (host)))
    return FALSE;

  return g_inet_address_get_is_loopback (address);
}

/**
 * chorus_http_check_url:
 * @url: an address Chorus is asked to fetch
 * @error: a location for a #GError
 *
 * Only https:// addresses are fetched, except on this machine's loopback
 * addresses, where http:// is allowed for local servers and tests.
 *
 * Returns: %TRUE when @url may be fetched
 */
gboolean
chorus_http_check_url (const char  *url,
                       GError     **error)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *scheme;
  const char *host;

  if (uri == NULL || !(host = g_uri_get_host (uri)) || *host == '\0')
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: %s is what was given as a web address. */
                   _("“%s” is not a web address."), url);
      return FALSE;
    }

  scheme = g_uri_get_scheme (uri);

  if (g_ascii_strcasecmp (scheme, "https") == 0 ||
      (g_ascii_strcasecmp (scheme, "http") == 0 && is_loopback (host)))
    return TRUE;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               /* Translators: %s is a web address. */
               _("Only secure (https://) addresses can be used; “%s” is not one."), url);
  return FALSE;
}

/**
 * chorus_http_dup_host:
 * @url: an address
 *
 * Returns: (transfer full): the host of @url, to name a server in words
 *   and lists, or @url itself when it has none
 */
char *
chorus_http_dup_host (const char *url)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (url != NULL, NULL);

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  return g_strdup (uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : url);
}
