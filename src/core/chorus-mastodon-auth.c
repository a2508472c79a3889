/* chorus-mastodon-auth.c
 *
 * Copyright 2026 The Chorus authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "chorus-mastodon-auth.h"
#include "chorus-mastodon-auth-private.h"
#include "chorus-parse-json-private.h"

/* The steps of signing in to a Mastodon-API server as a desktop app:
 * OAuth 2 authorization code with PKCE (RFC 7636), the browser sent back
 * to a loopback receiver (RFC 8252 §7.3) or, as a fallback, the server
 * showing a code to paste (the out-of-band redirect URI).
 *
 * Which redirect URIs are registered: one registration per instance, with
 * two redirect URIs, the loopback http://127.0.0.1:PORT/callback on the
 * port the receiver had when the app was registered, and the out-of-band
 * urn:ietf:wg:oauth:2.0:oob. Later sign-ins ask the receiver for that same
 * port again and take any free one when it is busy. Mastodon's OAuth
 * library (Doorkeeper) ignores the port when both the registered and the
 * requested redirect URI are loopback IP literals, as RFC 8252 §7.3 asks,
 * so there any port works; servers that compare redirect URIs exactly
 * still work whenever the registered port is free, and the pasted code is
 * the way in when it is not. So neither a fixed port that may be taken nor
 * a registration per sign-in (which piles up apps on the server) is needed.
 *
 * No error message and no log line here ever holds a code, verifier,
 * client secret or token; request bodies that carry them are wiped when
 * freed. The requests themselves are in chorus-mastodon-auth-requests.c. */

/* The RFC 7636 unreserved characters, 66 of them. */
static const char unreserved[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

/* Random bytes */

/* Fills @buffer from the kernel's CSPRNG, never from g_random: getrandom(2),
 * or /dev/urandom where a sandbox refuses that. */
static void
fill_random (guint8 *buffer,
             gsize   length)
{
  gsize done = 0;
  int fd = -1;

  while (done < length)
    {
      ssize_t n = fd < 0 ? getrandom (buffer + done, length - done, 0) : read (fd, buffer + done, length - done);

      if (n > 0)
        done += (gsize) n;
      else if (n < 0 && errno == EINTR)
        continue;
      else if (fd < 0 && (fd = open ("/dev/urandom", O_RDONLY | O_CLOEXEC)) >= 0)
        continue;
      else
        g_error ("No secure source of random numbers; Chorus cannot sign in safely");
    }

  if (fd >= 0)
    close (fd);
}

/* @length characters drawn evenly from the unreserved set: bytes at or
 * above 3 × 66 are dropped so that no character is likelier than another. */
static char *
dup_random_unreserved (gsize length)
{
  const guint alphabet = sizeof unreserved - 1;
  char *text = g_malloc (length + 1);
  guint8 bytes[64];
  gsize n = 0;

  while (n < length)
    {
      fill_random (bytes, sizeof bytes);
      for (gsize i = 0; i < sizeof bytes && n < length; i++)
        if (bytes[i] < (256 / alphabet) * alphabet)
          text[n++] = unreserved[bytes[i] % alphabet];
    }

  explicit_bzero (bytes, sizeof bytes);
  text[length] = '\0';
  return text;
}

/**
 * chorus_mastodon_pkce_new_verifier:
 *
 * Returns: (transfer full): a PKCE code verifier of
 *   %CHORUS_MASTODON_PKCE_VERIFIER_LENGTH unreserved characters from the
 *   kernel's secure random source
 */
char *
chorus_mastodon_pkce_new_verifier (void)
{
  return dup_random_unreserved (CHORUS_MASTODON_PKCE_VERIFIER_LENGTH);
}

/**
 * chorus_mastodon_oauth_new_state:
 *
 * Returns: (transfer full): a random OAuth `state`, which ties the browser's
 *   return to the sign-in that sent it away
 */
char *
chorus_mastodon_oauth_new_state (void)
{
  return dup_random_unreserved (CHORUS_MASTODON_STATE_LENGTH);
}

/**
 * chorus_mastodon_pkce_challenge:
 * @verifier: a code verifier
 *
 * Returns: (transfer full): the S256 code challenge of @verifier: base64url
 *   without padding of its SHA-256
 */
char *
chorus_mastodon_pkce_challenge (const char *verifier)
{
  g_autoptr(GChecksum) checksum = NULL;
  guint8 digest[32];
  gsize length = sizeof digest;
  char *challenge;

  g_return_val_if_fail (verifier != NULL, NULL);

  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) verifier, strlen (verifier));
  g_checksum_get_digest (checksum, digest, &length);

  challenge = g_base64_encode (digest, length);
  g_strdelimit (challenge, "+", '-');
  g_strdelimit (challenge, "/", '_');
  challenge[strcspn (challenge, "=")] = '\0';

  return challenge;
}

/* URLs and codes */

/* @path on @server_url, with or without a slash at its end. */
char *
_chorus_mastodon_dup_endpoint (const char *server_url,
              const char *path)
{
  gsize length = strlen (server_url);

  while (length > 0 && server_url[length - 1] == '/')
    length--;

  return g_strdup_printf ("%.*s%s", (int) length, server_url, path);
}

static void
append_param (GString    *url,
              const char *name,
              const char *value)
{
  g_string_append_c (url, '&');
  g_string_append (url, name);
  g_string_append_c (url, '=');
  g_string_append_uri_escaped (url, value, NULL, FALSE);
}

/**
 * chorus_mastodon_build_authorize_url:
 * @server_url: the server
 * @client_id: the app's client id
 * @redirect_uri: a loopback redirect URI, or
 *   %CHORUS_MASTODON_OOB_REDIRECT_URI; registered with the app
 * @scopes: space-separated, such as %CHORUS_MASTODON_SCOPES
 * @state: from chorus_mastodon_oauth_new_state()
 * @code_challenge: from chorus_mastodon_pkce_challenge()
 *
 * Returns: (transfer full): the page where the person allows Chorus in,
 *   to open in their browser
 */
char *
chorus_mastodon_build_authorize_url (const char *server_url,
                                     const char *client_id,
                                     const char *redirect_uri,
                                     const char *scopes,
                                     const char *state,
                                     const char *code_challenge)
{
  g_autofree char *endpoint = NULL;
  GString *url;

  g_return_val_if_fail (server_url != NULL, NULL);
  g_return_val_if_fail (client_id != NULL && redirect_uri != NULL && scopes != NULL, NULL);
  g_return_val_if_fail (state != NULL && code_challenge != NULL, NULL);

  endpoint = _chorus_mastodon_dup_endpoint (server_url, "/oauth/authorize");
  url = g_string_new (endpoint);
  g_string_append (url, "?response_type=code");
  append_param (url, "client_id", client_id);
  append_param (url, "redirect_uri", redirect_uri);
  append_param (url, "scope", scopes);
  append_param (url, "state", state);
  append_param (url, "code_challenge", code_challenge);
  append_param (url, "code_challenge_method", "S256");

  return g_string_free (url, FALSE);
}

static gboolean
check_code_text (const char  *code,
                 GError     **error)
{
  const char *problem = NULL;

  if (*code == '\0')
    problem = _("Paste the code the server showed after you allowed Chorus in.");
  else if (strlen (code) > CHORUS_MASTODON_MAX_CODE_LENGTH)
    problem = _("This is too long to be a sign-in code. Copy only the code the server showed.");

  for (const char *p = code; problem == NULL && *p != '\0'; p++)
    if ((guchar) *p <= ' ' || (guchar) *p > '~')
      problem = _("This is not a sign-in code: a code has only letters, digits and punctuation, "
                  "without spaces. Copy only the code the server showed.");

  if (problem != NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, problem);

  return problem == NULL;
}

/**
 * chorus_mastodon_check_pasted_code:
 * @text: (nullable): what the person pasted
 * @error: a location for a #GError
 *
 * Trims @text and checks that it can be an authorization code: not empty,
 * printable ASCII without spaces, at most %CHORUS_MASTODON_MAX_CODE_LENGTH
 * characters. The message never quotes @text.
 *
 * Returns: (transfer full) (nullable): the code, to free with g_free(), or
 *   %NULL with @error set (%G_IO_ERROR_INVALID_ARGUMENT)
 */
char *
chorus_mastodon_check_pasted_code (const char  *text,
                                   GError     **error)
{
  char *code = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (!check_code_text (code, error))
    {
      _chorus_parse_wipe_free (code);
      return NULL;
    }

  return code;
}
